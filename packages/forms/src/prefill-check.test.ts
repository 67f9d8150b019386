import { describe, expect, it } from 'vitest';
import { formContentHash, type FormVersion } from '@skema/core';
import { readLock, verifyLock } from './lock.js';
import { loadStandardRegistry } from './standard.js';
import { checkPrefill } from './prefill-check.js';

const all = (): FormVersion[] => {
  const registry = loadStandardRegistry();
  return registry.ids().flatMap((id) => registry.versions(id));
};

describe('prefill.json', () => {
  it('every shipped mapping names a real target, case field and source field', () => {
    expect(checkPrefill(all())).toEqual([]);
  });

  it('the VISO chain, trivsel → indsatsplan and the child fields are declared', () => {
    const registry = loadStandardRegistry();
    const targets = (id: string, version: string) =>
      registry.resolve(id, version).prefill?.mappings.map((m) => m.target) ?? [];
    expect(targets('leveranceaftale', '1.1.0')).toEqual(
      expect.arrayContaining([
        '/sag/navn',
        '/sag/cpr',
        '/leverancebeskrivelse/maal',
        '/tidsplan/opsamlingsnotatUdsendt',
      ]),
    );
    expect(targets('evalueringsskema', '1.0.1')).toContain('/maal');
    expect(targets('indsatsplan', '2.0.1')).toEqual(
      expect.arrayContaining(['/barn/navn', '/grundlag/trivselsvurdering/niveau']),
    );
    expect(targets('underretning', '1.0.2')).toEqual(expect.arrayContaining(['/barn/navn', '/barn/cpr']));
    expect(targets('henvendelsesskema', '1.1.0')).toEqual(
      expect.arrayContaining(['/borger/navn', '/borger/cpr', '/borger/foedselsdato']),
    );
  });

  it('reports a target that is no field, an unknown case field and a source pointer that is no field', () => {
    const [form, ...rest] = all();
    const broken = {
      ...form!,
      prefill: {
        mappings: [
          { target: '/findesIkke', from: { case: 'borger.name' } },
          { target: '/x', from: { case: 'borger.alder' } },
          { target: '/y', from: { form: 'henvendelsesskema', pointer: '/nej' } },
        ],
      },
    } as FormVersion;
    const problems = checkPrefill([broken, ...rest]).map((p) => p.message);
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringContaining('/findesIkke is no field'),
        expect.stringContaining('"borger.alder" is not a case field'),
        expect.stringContaining('/nej is no field'),
      ]),
    );
  });

  it('is not part of the content hash: published versions with a prefill.json keep their locked hashes', () => {
    const forms = all().filter((f) => f.prefill);
    expect(forms.length).toBeGreaterThan(5);
    expect(verifyLock(forms, readLock())).toEqual([]);
    const [one] = forms;
    expect(formContentHash({ ...one!, prefill: { mappings: [] } })).toBe(one!.hash);
  });
});

describe('prefill inheritance', () => {
  it('a later minor or patch version without prefill.json takes its predecessor’s; a new major does not', async () => {
    const { inheritPrefill } = await import('./prefill-inherit.js');
    const [base] = all();
    const v = (version: string, prefill?: FormVersion['prefill']) => ({
      ...base!,
      manifest: { ...base!.manifest, id: 'x', version },
      ...(prefill ? { prefill } : {}),
    });
    const spec = { mappings: [{ target: '/a', from: { case: 'borger.name' } }] };
    const out = inheritPrefill([v('1.0.0', spec), v('1.1.0'), v('1.1.1'), v('2.0.0')]);
    expect(out.map((f) => f.prefill === spec)).toEqual([true, true, true, false]);
  });
});
