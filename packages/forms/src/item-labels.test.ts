import semver from 'semver';
import { describe, expect, it } from 'vitest';
import type { FormVersion } from '@skema/core';
import { loadForms } from './load.js';
import { schemasDir } from './paths.js';

/*
 * Issue #13: a list's rows and buttons are named by a singular item label, the text key
 * `<list key>.item.label` (@skema/react's ArrayControl), so the form says «Samtykke nr. 1» and
 * «Tilføj samtykke», not «Samtykker: nr. 1» and «Tilføj til samtykker». Published versions are
 * locked, so the labels arrive with new versions and this checks the newest ones.
 */

type Node = Record<string, unknown>;

/**
 * Text keys of every list the renderer shows with "add" and "remove" buttons: arrays whose items
 * are not a choice among fixed values (those are checkboxes). The key is the data path without
 * array indices, as for the list's own label.
 */
function listKeys(root: Node): string[] {
  const keys = new Set<string>();
  const resolve = (node: unknown, seen: string[] = []): Node | undefined => {
    const n = node as Node | undefined;
    if (!n || typeof n !== 'object') return undefined;
    if (typeof n.$ref !== 'string' || seen.includes(n.$ref)) return n;
    const target = n.$ref
      .slice(2)
      .split('/')
      .reduce<unknown>((o, s) => (o as Node | undefined)?.[s], root);
    return resolve(target, [...seen, n.$ref]);
  };
  const visit = (node: unknown, path: string[]): void => {
    const n = resolve(node);
    if (!n) return;
    if (n.items !== undefined) {
      const items = resolve(n.items);
      const choice =
        Array.isArray(items?.enum) ||
        (Array.isArray(items?.oneOf) && (items.oneOf as Node[]).every((s) => 'const' in s));
      if (!choice) keys.add(path.join('.'));
      visit(items, path);
    }
    for (const [name, sub] of Object.entries((n.properties as Node | undefined) ?? {})) visit(sub, [...path, name]);
    for (const k of ['allOf', 'anyOf', 'oneOf'])
      for (const sub of (n[k] as unknown[] | undefined) ?? []) visit(sub, path);
    for (const k of ['if', 'then', 'else']) visit(n[k], path);
  };
  visit(root, []);
  return [...keys];
}

/** Lists that are one text per arbejdsmøde (shown per meeting by the rådgivningslog's renderers), not lists of things. */
const NOT_ITEMS: Readonly<Record<string, readonly string[]>> = {
  raadgivningslog: ['maal.delmaal.fremTilArbejdsmoeder', 'rolleOgOpgavefordeling.aftaler.fremTilArbejdsmoeder'],
};

function newestVersions(forms: FormVersion[]): FormVersion[] {
  const newest = new Map<string, FormVersion>();
  for (const f of forms) {
    const seen = newest.get(f.manifest.id);
    if (!seen || semver.gt(f.manifest.version, seen.manifest.version)) newest.set(f.manifest.id, f);
  }
  return [...newest.values()];
}

describe('list keys', () => {
  it('finds lists of objects and of texts, also inside list items and $defs, but not multiple choices', () => {
    const schema = {
      $defs: { person: { type: 'object', properties: { navne: { type: 'array', items: { type: 'string' } } } } },
      type: 'object',
      properties: {
        samtykke: { type: 'object', properties: { samtykker: { type: 'array', items: { $ref: '#/$defs/person' } } } },
        behov: { type: 'array', items: { type: 'string', enum: ['a', 'b'] } },
        valg: { type: 'array', items: { oneOf: [{ const: 'a' }, { const: 'b' }] } },
      },
    };
    expect(listKeys(schema)).toEqual(['samtykke.samtykker', 'samtykke.samtykker.navne']);
  });
});

describe('singular item labels of the newest form versions (issue #13)', () => {
  const forms = newestVersions(loadForms(schemasDir()));

  it.each(forms.map((f) => [`${f.manifest.id}@${f.manifest.version}`, f] as const))(
    '%s: every list has <list>.item.label in da and en',
    (_name, form) => {
      const skip = NOT_ITEMS[form.manifest.id] ?? [];
      const missing = listKeys(form.schema as Node)
        .filter((key) => !skip.includes(key))
        .flatMap((key) =>
          (['da', 'en'] as const)
            .filter((lang) => !form.i18n[lang][`${key}.item.label`])
            .map((lang) => `${lang}: ${key}.item.label`),
        );
      expect(missing).toEqual([]);
    },
  );

  it.each(forms.map((f) => [`${f.manifest.id}@${f.manifest.version}`, f] as const))(
    '%s: Danish item labels start with a capital letter, like the other labels',
    (_name, form) => {
      const wrong = Object.entries(form.i18n.da)
        .filter(([key]) => key.endsWith('.item.label'))
        .filter(([, text]) => text[0] !== text[0]!.toUpperCase())
        .map(([key, text]) => `${key}: «${text}»`);
      expect(wrong).toEqual([]);
    },
  );
});
