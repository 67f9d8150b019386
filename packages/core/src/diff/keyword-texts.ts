import type { LocalizedText } from '../issues.js';

/** A lookup that only knows its own words: schema input may name `constructor` or `__proto__`. */
const words = (entries: Record<string, string>): ReadonlyMap<string, string> => new Map(Object.entries(entries));

/** Danish names of the bound keywords; the keyword itself follows in brackets, as administrators meet it in schemas. */
const BOUND_DA = words({
  minimum: 'mindsteværdi',
  exclusiveMinimum: 'eksklusiv mindsteværdi',
  minLength: 'mindste længde',
  minItems: 'mindste antal elementer',
  minProperties: 'mindste antal felter',
  minContains: 'mindste antal matchende elementer',
  maximum: 'højeste værdi',
  exclusiveMaximum: 'eksklusiv højeste værdi',
  maxLength: 'største længde',
  maxItems: 'største antal elementer',
  maxProperties: 'største antal felter',
  maxContains: 'største antal matchende elementer',
  multipleOf: 'multiplum',
  pattern: 'mønster',
});

const ANNOTATION_DA = words({
  title: 'titel',
  description: 'beskrivelse',
  examples: 'eksempler',
  default: 'standardværdi',
  $comment: 'kommentar',
  deprecated: 'markering som forældet',
  readOnly: 'skrivebeskyttelse',
  writeOnly: 'skjult værdi',
  i18n: 'tekstnøgler',
});

const TYPE_DA = words({
  null: 'null',
  boolean: 'ja/nej',
  object: 'objekt',
  array: 'liste',
  number: 'tal',
  integer: 'heltal',
  string: 'tekst',
});

/** `mindste længde (minLength)`; `format` needs no translation. */
const named = (keyword: string): string => (BOUND_DA.has(keyword) ? `${BOUND_DA.get(keyword)} (${keyword})` : keyword);

const typesDa = (types: string[] | undefined): string =>
  types === undefined ? 'enhver type' : types.map((t) => TYPE_DA.get(t) ?? t).join(' eller ');
const typesEn = (types: string[] | undefined): string => (types === undefined ? 'any' : types.join('|'));

/** Texts of the keyword changes `keyword-diff.ts` finds; values arrive already shown as JSON. */
export const KEYWORD = {
  type: (
    how: 'changed' | 'narrowed' | 'widened',
    from: string[] | undefined,
    to: string[] | undefined,
  ): LocalizedText => ({
    da: `typen er ${{ changed: 'ændret', narrowed: 'indsnævret', widened: 'udvidet' }[how]} fra ${typesDa(from)} til ${typesDa(to)}`,
    en: `type ${how} from ${typesEn(from)} to ${typesEn(to)}`,
  }),
  enumAdded: (values: string): LocalizedText => ({
    da: `tilladte værdier indført: kun ${values} er tilladt`,
    en: `enum added: only ${values} allowed`,
  }),
  enumRemoved: {
    da: 'listen over tilladte værdier er fjernet: enhver værdi af typen er tilladt',
    en: 'enum removed: any value of the type is allowed',
  },
  enumValuesRemoved: (values: string): LocalizedText => ({
    da: `tilladte værdier fjernet: ${values}`,
    en: `enum values removed: ${values}`,
  }),
  enumValuesAdded: (values: string): LocalizedText => ({
    da: `tilladte værdier tilføjet: ${values}`,
    en: `enum values added: ${values}`,
  }),
  constRemoved: (value: string): LocalizedText => ({
    da: `den faste værdi ${value} (const) er fjernet`,
    en: `const ${value} removed`,
  }),
  constAdded: (value: string): LocalizedText => ({
    da: `fast værdi indført: kun ${value} er tilladt (const)`,
    en: `const ${value} added`,
  }),
  constChanged: (from: string, to: string): LocalizedText => ({
    da: `den faste værdi (const) er ændret fra ${from} til ${to}`,
    en: `const changed from ${from} to ${to}`,
  }),
  /** A bound, `multipleOf`, `pattern` or `format` that was not there before. */
  added: (keyword: string, value: string): LocalizedText => ({
    da: `${named(keyword)} ${value} tilføjet`,
    en: `${keyword} ${value} added`,
  }),
  removed: (keyword: string, value: string): LocalizedText => ({
    da: `${named(keyword)} ${value} fjernet`,
    en: `${keyword} ${value} removed`,
  }),
  changed: (keyword: string, from: string, to: string): LocalizedText => ({
    da: `${named(keyword)} ændret fra ${from} til ${to}`,
    en: `${keyword} changed from ${from} to ${to}`,
  }),
  /** A numeric bound moved: `raised` or `lowered`. */
  moved: (keyword: string, raised: boolean, from: number, to: number): LocalizedText => ({
    da: `${named(keyword)} ${raised ? 'hævet' : 'sænket'} fra ${from} til ${to}`,
    en: `${keyword} ${raised ? 'raised' : 'lowered'} from ${from} to ${to}`,
  }),
  multipleOfRelaxed: (from: number, to: number): LocalizedText => ({
    da: `${named('multipleOf')} lempet fra ${from} til ${to}`,
    en: `multipleOf relaxed from ${from} to ${to}`,
  }),
  uniqueAdded: {
    da: 'krav om forskellige elementer (uniqueItems) tilføjet: dubletter afvises',
    en: 'uniqueItems added: duplicate items are refused',
  },
  uniqueRemoved: {
    da: 'krav om forskellige elementer (uniqueItems) fjernet: dubletter tages imod',
    en: 'uniqueItems removed: duplicate items are accepted',
  },
  annotation: (key: string, how: 'added' | 'removed' | 'changed'): LocalizedText => ({
    da: `${ANNOTATION_DA.has(key) ? `${ANNOTATION_DA.get(key)} (${key})` : key} ${{ added: 'tilføjet', removed: 'fjernet', changed: 'ændret' }[how]}`,
    en: `${key} ${how}`,
  }),
  unknown: (key: string): LocalizedText => ({
    da: `nøgleordet "${key}" er ændret; ukendte nøgleord regnes som brydende ændringer`,
    en: `keyword "${key}" changed; unknown keywords are treated as breaking`,
  }),
} as const;
