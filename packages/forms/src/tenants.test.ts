import { join } from 'node:path';
import { FormRegistry } from '@skema/core';
import { describe, expect, it } from 'vitest';
import { loadForms, loadFormVersion } from './load.js';
import { schemasDir } from './paths.js';
import { createStandardEngine, loadTenantForms } from './standard.js';

// Two municipalities configure the same base form differently (schemas/tenants/).
const engine = createStandardEngine();
const registry = new FormRegistry([loadFormVersion(join(schemasDir(), 'aftaleskema', '1.0.0'))]);
const tenants = loadTenantForms(registry, engine);
const example = (loadFormVersion(join(schemasDir(), 'aftaleskema', '1.0.0')).examples?.valid ?? []).find(
  (e) => e.name === 'samarbejdsmoede',
)!;
const data = () =>
  structuredClone(example.data) as Record<string, unknown> & { foraeldre: { foraeldreSamtykke?: boolean } };
const codes = (tenantId: string | undefined, d: unknown) => {
  // Explicitly 1.0.0: without a version, Ringsted's overlay follows its own base range (below).
  const r = engine.validate(tenants.resolve(tenantId, 'aftaleskema', '1.0.0'), d, { today: '2026-06-01' });
  return {
    errors: r.errors.map((e) => `${e.code} ${e.path}`),
    warnings: r.warnings.map((e) => e.code),
    receipt: r.receipt,
  };
};

describe('tenant forms: Ringsted and Nordby on the same aftaleskema', () => {
  it('the base form accepts the example', () => {
    expect(codes(undefined, data()).errors).toEqual([]);
  });

  it('Ringsted requires its own fields and raises AFT-02 to an error', () => {
    const d = data();
    expect(codes('ringsted', d).errors).toEqual(['required /x-ringsted']);
    d['x-ringsted'] = { moedeguideAnvendt: true };
    expect(codes('ringsted', d).errors).toEqual([]);
    d.barnet = { barnDeltog: true, barnetsPerspektiv: 'Emil fortalte selv.' };
    expect(codes(undefined, d).warnings).toContain('AFT-02');
    expect(codes('ringsted', d).errors).toEqual([
      'AFT-02 /barnet/hensynTilAlderOgModenhed',
      'AFT-02 /barnet/forberedtMedBarnet',
    ]);
  });

  it('Nordby requires parental consent at every meeting and refuses Ringsted fields', () => {
    const d = data();
    expect(codes('nordby', d).errors).toEqual(['required /foraeldre/foraeldreSamtykke']);
    d.foraeldre.foraeldreSamtykke = false;
    expect(codes('nordby', d).errors).toEqual(['enum /foraeldre/foraeldreSamtykke']);
    d.foraeldre.foraeldreSamtykke = true;
    expect(codes('nordby', d).errors).toEqual([]);
    d['x-ringsted'] = { moedeguideAnvendt: true };
    expect(codes('nordby', d).errors).toEqual(['additionalProperties ']);
  });

  it('each effective form is its own versioned artefact named in the receipt', () => {
    const ringsted = tenants.resolve('ringsted', 'aftaleskema', '1.0.0');
    const nordby = tenants.resolve('nordby', 'aftaleskema');
    expect(new Set([ringsted.hash, nordby.hash, registry.resolve('aftaleskema').hash]).size).toBe(3);
    expect(tenants.resolve('ringsted', 'aftaleskema', '1.0.0')).toBe(ringsted);
    expect(codes('nordby', data()).receipt).toMatchObject({
      formId: 'aftaleskema',
      version: '1.0.0',
      overlay: { tenantId: 'nordby', version: '1.0.0' },
    });
    expect(ringsted.manifest.title.da).toBe('Aftaleskema – Udviklingsmodellen 0–16 år');
    expect(JSON.stringify(nordby.uischema)).not.toContain('udvidetForaeldresamarbejde/properties');
  });
});

describe('tenant forms: Ringsted on indsatsplan', () => {
  const base = loadFormVersion(join(schemasDir(), 'indsatsplan', '1.0.0'));
  const indsats = loadTenantForms(new FormRegistry([base]), engine);
  it('asks where the plan is followed up in the meeting structure and for at least two participants', () => {
    const example = structuredClone(base.examples!.valid[0]!.data) as Record<string, unknown>;
    const errors = (tenantId: string | undefined) =>
      engine
        .validate(indsats.resolve(tenantId, 'indsatsplan', '1.0.0'), example, { today: '2026-06-01' })
        .errors.map((e) => `${e.code} ${e.path}`);
    expect(errors(undefined)).toEqual([]);
    example.deltagere = ['Klasselærer'];
    expect(errors('ringsted')).toEqual(['required /x-ringsted', 'minItems /deltagere']);
    example.deltagere = ['Klasselærer', 'AKT-vejleder'];
    example['x-ringsted'] = { moedeform: 'Samarbejdsmøde' };
    expect(errors('ringsted')).toEqual([]);
    expect(indsats.resolve('ringsted', 'indsatsplan', '1.0.0').i18n.da['aftaler.tovholder1Led.label']).toMatch(
      /nøgleperson/,
    );
  });
});

describe('tenant forms: the newest base versions (Ringsted follows them, Nordby stays pinned)', () => {
  const all = new FormRegistry(loadForms(schemasDir()));
  const latest = loadTenantForms(all, engine);
  const newest = (formId: string) => all.resolve(formId).manifest.version;
  const samarbejdsmoede = () =>
    structuredClone(
      all.resolve('aftaleskema').examples!.valid.find((e) => e.name === 'samarbejdsmoede')!.data,
    ) as Record<string, unknown>;

  it('Ringsted (seed 003) uses the newest aftaleskema, not the 1.x versions its overlay used to pin', () => {
    expect(latest.resolve('ringsted', 'aftaleskema').manifest.version).toBe(newest('aftaleskema'));
    expect(newest('aftaleskema')).toBe('2.1.1');
    expect(latest.resolve('ringsted', 'aftaleskema').manifest.overlay).toMatchObject({
      tenantId: 'ringsted',
      version: '2.0.0',
      baseVersion: '2.1.1',
    });
    // Submissions Ringsted made on 1.0.0 stay readable and validate with the overlay.
    expect(latest.resolve('ringsted', 'aftaleskema', '1.0.0').manifest.overlay).toMatchObject({
      tenantId: 'ringsted',
      version: '2.0.0',
      baseVersion: '1.0.0',
    });
  });

  it('Ringsted no longer requires the next follow-up meeting on every meeting: seed 003 asks for it only at børne- og familiemøder (AFT-08, AFT-09)', () => {
    const d = samarbejdsmoede();
    d['x-ringsted'] = { moedeguideAnvendt: true };
    delete d.naesteOpfoelgningsmoede;
    const errors = (tenantId: string) =>
      engine
        .validate(latest.resolve(tenantId, 'aftaleskema'), d, { today: '2026-06-01' })
        .errors.map((e) => `${e.code} ${e.path}`);
    expect(errors('ringsted')).toEqual([]);
    expect(latest.resolve('ringsted', 'aftaleskema').schema.required).not.toContain('naesteOpfoelgningsmoede');
    // The municipality's own requirements stay.
    delete d.opfoelgningsansvarlig;
    expect(errors('ringsted')).toEqual(['required /opfoelgningsansvarlig']);
  });

  it('Nordby keeps the base version 1.0.0 it pins (its own decision, see schemas/tenants/README.md)', () => {
    expect(latest.resolve('nordby', 'aftaleskema').manifest.version).toBe('1.0.0');
    expect(() => latest.resolve('nordby', 'aftaleskema', newest('aftaleskema'))).toThrow(/cannot be applied/);
  });
});
