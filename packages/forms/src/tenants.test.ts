import { join } from 'node:path';
import { FormRegistry } from '@skema/core';
import { describe, expect, it } from 'vitest';
import { loadFormVersion } from './load.js';
import { schemasDir } from './paths.js';
import { createStandardEngine, loadTenantForms } from './standard.js';

// Two municipalities configure the same base form differently (schemas/tenants/).
const engine = createStandardEngine();
const registry = new FormRegistry([loadFormVersion(join(schemasDir(), 'aftaleskema', '1.0.0'))]);
const tenants = loadTenantForms(registry, engine);
const example = (loadFormVersion(join(schemasDir(), 'aftaleskema', '1.0.0')).examples?.valid ?? []).find((e) => e.name === 'samarbejdsmoede')!;
const data = () => structuredClone(example.data) as Record<string, any>;
const codes = (tenantId: string | undefined, d: unknown) => {
  const r = engine.validate(tenants.resolve(tenantId, 'aftaleskema'), d, { today: '2026-06-01' });
  return { errors: r.errors.map((e) => `${e.code} ${e.path}`), warnings: r.warnings.map((e) => e.code), receipt: r.receipt };
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
    expect(codes('ringsted', d).errors).toEqual(['AFT-02 /barnet/hensynTilAlderOgModenhed', 'AFT-02 /barnet/forberedtMedBarnet']);
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
    const ringsted = tenants.resolve('ringsted', 'aftaleskema');
    const nordby = tenants.resolve('nordby', 'aftaleskema');
    expect(new Set([ringsted.hash, nordby.hash, registry.resolve('aftaleskema').hash]).size).toBe(3);
    expect(tenants.resolve('ringsted', 'aftaleskema')).toBe(ringsted);
    expect(codes('nordby', data()).receipt).toMatchObject({ formId: 'aftaleskema', version: '1.0.0', overlay: { tenantId: 'nordby', version: '1.0.0' } });
    expect(ringsted.manifest.title.da).toBe('Aftaleskema – Udviklingsmodellen 0–16 år');
    expect(JSON.stringify(nordby.uischema)).not.toContain('udvidetForaeldresamarbejde/properties');
  });
});

describe('tenant forms: Ringsted on indsatsplan', () => {
  const base = loadFormVersion(join(schemasDir(), 'indsatsplan', '1.0.0'));
  const indsats = loadTenantForms(new FormRegistry([base]), engine);
  it('asks where the plan is followed up in the meeting structure and for at least two participants', () => {
    const example = structuredClone(base.examples!.valid[0]!.data) as Record<string, any>;
    const errors = (tenantId: string | undefined) =>
      engine.validate(indsats.resolve(tenantId, 'indsatsplan'), example, { today: '2026-06-01' }).errors.map((e) => `${e.code} ${e.path}`);
    expect(errors(undefined)).toEqual([]);
    example.deltagere = ['Klasselærer'];
    expect(errors('ringsted')).toEqual(['required /x-ringsted', 'minItems /deltagere']);
    example.deltagere = ['Klasselærer', 'AKT-vejleder'];
    example['x-ringsted'] = { moedeform: 'Samarbejdsmøde' };
    expect(errors('ringsted')).toEqual([]);
    expect(indsats.resolve('ringsted', 'indsatsplan').i18n.da['aftaler.tovholder1Led.label']).toMatch(/nøgleperson/);
  });
});
