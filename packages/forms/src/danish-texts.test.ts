import semver from 'semver';
import { describe, expect, it } from 'vitest';
import type { FormVersion } from '@skema/core';
import { loadForms } from './load.js';
import { schemasDir } from './paths.js';
import { createStandardEngine } from './standard.js';

/*
 * The Danish of the newest form versions and of every rule's texts (issue #13). Published
 * versions are locked, so older versions keep the texts they were written with.
 */

/** Wordings that are wrong in Danish or out of date, with what replaced them. */
const BANNED: ReadonlyArray<[RegExp, string]> = [
  [/forberedt før, under og efter/, '«forberedt og støttet før, under og efter»'],
  [/\bmed mindre\b/, '«medmindre»'],
  [/Eventuelt opsamlingsnotater/, '«Eventuelle opsamlingsnotater»'],
  [/helt vildt/, '«rigtig meget»'],
  [/\btjekkes\b/, '«kontrolleres»'],
  [/Årsag til at\b/, '«Årsag til, at»'],
  [/\bSEL § 52\b/, '«barnets lov § 32»'],
  [/\bVis[oO]\b|\bviso\b/, '«VISO»'],
  // One quotation style: «…».
  [/"|“|”|„/, 'the quotation marks «…»'],
];

function newestVersions(forms: FormVersion[]): FormVersion[] {
  const newest = new Map<string, FormVersion>();
  for (const f of forms) {
    const seen = newest.get(f.manifest.id);
    if (!seen || semver.gt(f.manifest.version, seen.manifest.version)) newest.set(f.manifest.id, f);
  }
  return [...newest.values()];
}

function problems(texts: Record<string, string>): string[] {
  return Object.entries(texts).flatMap(([key, text]) =>
    BANNED.filter(([re]) => re.test(text)).map(([, fix]) => `${key}: use ${fix}`),
  );
}

/** Labels of enumeration values: `<path>.<value>` where the value is one of the field's enum values. */
function enumLabelKeys(form: FormVersion): string[] {
  const keys: string[] = [];
  const root = form.schema;
  const resolve = (ref: string) =>
    ref
      .slice(2)
      .split('/')
      .reduce<unknown>((n, s) => (n as Record<string, unknown>)?.[s], root);
  const visit = (node: unknown, path: string[], refs: string[]): void => {
    if (typeof node !== 'object' || node === null) return;
    const n = node as Record<string, unknown>;
    if (typeof n.$ref === 'string' && !refs.includes(n.$ref)) visit(resolve(n.$ref), path, [...refs, n.$ref]);
    const values = Array.isArray(n.enum) ? n.enum : undefined;
    for (const v of values ?? []) keys.push(`${path.join('.')}.${String(v)}`);
    for (const [k, sub] of Object.entries((n.properties as Record<string, unknown>) ?? {}))
      visit(sub, [...path, k], refs);
    if (n.items) visit(n.items, path, refs);
    for (const k of ['allOf', 'anyOf', 'oneOf']) for (const sub of (n[k] as unknown[]) ?? []) visit(sub, path, refs);
    for (const k of ['if', 'then', 'else']) visit(n[k], path, refs);
  };
  visit(root, [], []);
  return keys;
}

const forms = newestVersions(loadForms(schemasDir()));

describe('Danish texts of the newest form versions', () => {
  it.each(forms.map((f) => [`${f.manifest.id}@${f.manifest.version}`, f] as const))(
    '%s: da.json uses current, correct wording and «…»',
    (_name, form) => {
      expect(problems(form.i18n.da)).toEqual([]);
    },
  );

  it.each(forms.map((f) => [`${f.manifest.id}@${f.manifest.version}`, f] as const))(
    '%s: enumeration labels start with a capital letter',
    (_name, form) => {
      const lower = enumLabelKeys(form).filter((k) => {
        const label = form.i18n.da[k];
        return typeof label === 'string' && label[0] !== label[0]!.toUpperCase();
      });
      expect(lower).toEqual([]);
    },
  );

  it('AFT-08: the newest aftaleskema speaks of barnets lov § 32 and barnets plan or ungeplan, not SEL § 52 or handleplan', () => {
    const aftaleskema = forms.find((f) => f.manifest.id === 'aftaleskema')!;
    const texts = Object.values(aftaleskema.i18n.da).join('\n');
    expect(texts).not.toMatch(/handleplan|SEL § 52/i);
    expect(texts).toMatch(/barnets lov § 32/);
    expect(texts).toMatch(/barnets plan eller ungeplan/);
  });
});

describe('Danish texts of the rules', () => {
  const engine = createStandardEngine();
  it('every rule and deadline description and message uses current, correct wording and «…»', () => {
    const found = engine.catalogue().flatMap(({ rule }) => {
      const texts: Record<string, string> = { [`${rule.id} description`]: rule.description.da };
      if ('message' in rule) texts[`${rule.id} message`] = rule.message.da;
      for (const [name, option] of Object.entries(rule.options ?? {}))
        texts[`${rule.id} option ${name}`] = option.description.da;
      return problems(texts);
    });
    expect(found).toEqual([]);
  });
});
