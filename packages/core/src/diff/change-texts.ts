import type { LocalizedText } from '../issues.js';
import { show } from './schema-nodes.js';
import type { BumpLevel, ChangeKind, SchemaChange } from './types.js';

/**
 * A change with its texts: `message` is the English text (logs, git checks), `messages` both
 * languages for whoever shows it to an administrator.
 */
export function schemaChange(path: string, kind: ChangeKind, level: BumpLevel, messages: LocalizedText): SchemaChange {
  return { path, kind, level, message: messages.en, messages };
}

const MAX_LISTED = 8;

/** Names joined for a message, the rest counted: `a, b and 3 more` / `a, b og 3 flere`. */
export function listed(items: string[]): LocalizedText {
  const shown = items.slice(0, MAX_LISTED).join(', ');
  const rest = items.length - MAX_LISTED;
  return rest > 0 ? { da: `${shown} og ${rest} flere`, en: `${shown} and ${rest} more` } : { da: shown, en: shown };
}

/** `added a; removed b; changed c` of named entries (texts, examples), or undefined when none changed. */
export function entryChanges(
  what: LocalizedText,
  added: string[],
  removed: string[],
  changed: string[],
): LocalizedText | undefined {
  const parts = (words: LocalizedText, names: string[]) => (names.length ? [{ words, names: listed(names) }] : []);
  const all = [
    ...parts({ da: 'tilføjet', en: 'added' }, added),
    ...parts({ da: 'fjernet', en: 'removed' }, removed),
    ...parts({ da: 'ændret', en: 'changed' }, changed),
  ];
  if (!all.length) return undefined;
  return {
    da: `${what.da} ${all.map((p) => `${p.words.da}: ${p.names.da}`).join('; ')}`,
    en: `${what.en} ${all.map((p) => `${p.words.en} ${p.names.en}`).join('; ')}`,
  };
}

/** Texts of the structural changes `schema-diff.ts` finds. */
export const STRUCTURE = {
  nowAccepts: {
    da: 'skemaet afviste før enhver værdi og tager nu imod værdier',
    en: 'schema accepted nothing and now accepts values',
  },
  rejectsAll: { da: 'skemaet afviser nu enhver værdi', en: 'schema now rejects every value' },
  notSchema: { da: 'skemaet er ændret (ikke et JSON Schema-objekt)', en: 'schema changed (not a JSON Schema object)' },
  ref: (from: string, to: string): LocalizedText => ({
    da: `en reference, der ikke kan følges ($ref), er ændret fra ${from} til ${to}`,
    en: `unresolvable $ref changed from ${from} to ${to}`,
  }),
  renamed: (name: string, to: string): LocalizedText => ({
    da: `feltet "${name}" er omdøbt til "${to}" (fjernet og tilføjet med samme skema)`,
    en: `property "${name}" removed and "${to}" added with the same schema (renamed)`,
  }),
  removed: (name: string): LocalizedText => ({ da: `feltet "${name}" er fjernet`, en: `property "${name}" removed` }),
  addedRequired: (name: string): LocalizedText => ({
    da: `nyt påkrævet felt "${name}"`,
    en: `new required property "${name}"`,
  }),
  addedOptional: (name: string): LocalizedText => ({
    da: `nyt valgfrit felt "${name}"`,
    en: `new optional property "${name}"`,
  }),
  required: (name: string): LocalizedText => ({
    da: `feltet "${name}" er blevet påkrævet`,
    en: `"${name}" is now required`,
  }),
  optional: (name: string): LocalizedText => ({
    da: `feltet "${name}" er ikke længere påkrævet`,
    en: `"${name}" is no longer required`,
  }),
  closed: (keyword: string): LocalizedText => ({
    da: `${keyword}: false tilføjet: ukendte felter afvises`,
    en: `${keyword}: false added: unknown properties are refused`,
  }),
  opened: (keyword: string): LocalizedText => ({
    da: `${keyword}: false fjernet: felter ud over de kendte tages imod`,
    en: `${keyword}: false removed: more properties are accepted`,
  }),
  patternOnClosed: (pattern: string, added: boolean): LocalizedText => ({
    da: `navnemønster ${pattern} (patternProperties) ${added ? 'tilføjet til' : 'fjernet fra'} et lukket objekt`,
    en: `pattern property ${pattern} ${added ? 'added' : 'removed'} on a closed object`,
  }),
  requiresWith: (key: string, name: string): LocalizedText => ({
    da: `feltet "${name}" er blevet påkrævet, når "${key}" er udfyldt`,
    en: `"${key}" now requires "${name}"`,
  }),
  noLongerRequiresWith: (key: string, name: string): LocalizedText => ({
    da: `feltet "${name}" er ikke længere påkrævet, når "${key}" er udfyldt`,
    en: `"${key}" no longer requires "${name}"`,
  }),
  containsAdded: { da: 'krav om et bestemt element i listen (contains) tilføjet', en: 'contains added' },
  containsRemoved: { da: 'krav om et bestemt element i listen (contains) fjernet', en: 'contains removed' },
  alternativesAdded: (keyword: string): LocalizedText => ({
    da: `krav om alternativer (${keyword}) tilføjet`,
    en: `${keyword} added`,
  }),
  alternativesRemoved: (keyword: string): LocalizedText => ({
    da: `krav om alternativer (${keyword}) fjernet`,
    en: `${keyword} removed`,
  }),
  alternativeAdded: (keyword: string): LocalizedText => ({
    da: `alternativ i ${keyword} tilføjet`,
    en: `${keyword} alternative added`,
  }),
  alternativeRemoved: (keyword: string): LocalizedText => ({
    da: `alternativ i ${keyword} fjernet`,
    en: `${keyword} alternative removed`,
  }),
  notAdded: { da: 'udelukkelse (not) tilføjet', en: 'not added' },
  notRemoved: { da: 'udelukkelse (not) fjernet', en: 'not removed' },
  ifAdded: { da: 'betingelse (if) tilføjet', en: 'condition (if) added' },
  ifRemoved: {
    da: 'betingelse (if) fjernet: then/else gælder ikke længere',
    en: 'condition (if) removed: then/else no longer apply',
  },
  /** A change inside `if`/`not`, named by its first inner change. */
  undirected: (what: 'not' | 'if', first: SchemaChange, more: number): LocalizedText => ({
    da: `${what === 'if' ? 'betingelsen (if)' : 'udelukkelsen (not)'} er ændret (${first.path}: ${first.messages.da}${more ? ` og ${more} flere` : ''}); data kan nu blive bedømt anderledes`,
    en: `${what === 'if' ? 'condition (if)' : 'not'} changed (${first.path}: ${first.message}${more ? ` and ${more} more` : ''}); data may now be judged differently`,
  }),
} as const;

const MANIFEST_DA = {
  title: 'titlen',
  description: 'beskrivelsen',
  changelog: 'ændringsloggen',
  migration: 'migreringsbeskrivelsen',
} as const;

/** Texts of the changes `content-diff.ts` finds outside the schema. */
export const CONTENT = {
  manifest: (key: keyof typeof MANIFEST_DA): LocalizedText => ({
    da: `${MANIFEST_DA[key]} er ændret`,
    en: `${key} changed`,
  }),
  pluginAdded: (name: string): LocalizedText => ({
    da: `udvidelsen (plugin) ${name} er tilføjet: dens regler og formater kan afvise data, der før blev godkendt`,
    en: `plugin ${name} added: its rules and formats may refuse data that passed before`,
  }),
  pluginRange: (name: string, from: string, to: string, major: boolean): LocalizedText => ({
    da: `versionskravet til udvidelsen ${name} er ændret fra ${from} til ${to}${major ? ' (en ny hovedversion af udvidelsen)' : ''}`,
    en: `plugin ${name} range ${from} → ${to}${major ? ' (new major version of the plugin)' : ''}`,
  }),
  pluginRemoved: (name: string): LocalizedText => ({
    da: `udvidelsen (plugin) ${name} er fjernet: dens regler gælder ikke længere`,
    en: `plugin ${name} removed: its rules no longer apply`,
  }),
  uischema: (at: LocalizedText): LocalizedText => ({
    da: `visningen (UI-skemaet) er ændret ved ${at.da}`,
    en: `UI schema changed at ${at.en}`,
  }),
  texts: { da: 'tekster', en: 'texts' },
  examples: { da: 'eksempler', en: 'examples' },
} as const;

/** A rule option's value for a message; a missing option falls back to the rule's default. */
function optionValue(value: unknown, severity: boolean): LocalizedText {
  if (value === undefined) return { da: '(standard)', en: '(default)' };
  if (severity && value === 'error') return { da: 'fejl', en: show(value) };
  if (severity && value === 'warning') return { da: 'advarsel', en: show(value) };
  return { da: show(value), en: show(value) };
}

/** Texts of a changed rule option (`rule-options-diff.ts`). */
export function ruleOptionTexts(ruleId: string, key: string, before: unknown, after: unknown) {
  const [a, b] = [optionValue(before, key === 'severity'), optionValue(after, key === 'severity')];
  const change = { da: `${a.da} → ${b.da}`, en: `${a.en} → ${b.en}` };
  return {
    raisedToError: {
      da: `${ruleId}: alvorlighed ${change.da}: reglen er nu en fejl og kan afvise data, der før blev godkendt`,
      en: `${ruleId} severity ${change.en}: raised to an error, it may refuse data that passed before`,
    },
    lowered: (to: unknown): LocalizedText => {
      const value = optionValue(to, true);
      return { da: `${ruleId}: sænket fra fejl til ${value.da}`, en: `${ruleId} lowered from error to ${value.en}` };
    },
    severity: { da: `${ruleId}: alvorlighed ${change.da}`, en: `${ruleId} severity ${change.en}` },
    harmless: {
      da: `${ruleId}: indstillingen ${key} ${change.da}; reglen kan ikke afvise data`,
      en: `${ruleId} option ${key} ${change.en}; the rule cannot refuse data`,
    },
    stricter: {
      da: `${ruleId}: indstillingen ${key} ${change.da}; en ændret indstilling kan gøre reglen strengere`,
      en: `${ruleId} option ${key} ${change.en}; a rule option may make the rule stricter`,
    },
  } satisfies Record<string, LocalizedText | ((to: unknown) => LocalizedText)>;
}
