import type { ErrorObject } from 'ajv';
import type { LocalizedText } from './issues.js';

type MessageFor = (e: ErrorObject) => LocalizedText;

const TYPE_DA: Record<string, string> = {
  string: 'tekst',
  number: 'et tal',
  integer: 'et heltal',
  boolean: 'ja eller nej',
  object: 'et objekt',
  array: 'en liste',
  null: 'tom',
};

const FORMAT_MESSAGES: Record<string, LocalizedText> = {
  date: { da: 'skal være en gyldig dato (ÅÅÅÅ-MM-DD)', en: 'must be a valid date (YYYY-MM-DD)' },
  'date-time': { da: 'skal være et gyldigt tidspunkt (dato og klokkeslæt)', en: 'must be a valid date and time' },
  time: { da: 'skal være et gyldigt klokkeslæt', en: 'must be a valid time' },
  email: { da: 'skal være en gyldig e-mailadresse', en: 'must be a valid e-mail address' },
  uri: { da: 'skal være en gyldig webadresse', en: 'must be a valid URL' },
  uuid: { da: 'skal være et gyldigt UUID', en: 'must be a valid UUID' },
};

const plural = (n: unknown, one: string, many: string) => (n === 1 ? one : many);

/** A number as Danish writes it: decimal comma (0,01), not the decimal point of JSON. */
const daNumber = (n: unknown) => (typeof n === 'number' ? String(n).replace('.', ',') : String(n));

/**
 * Messages for every JSON Schema keyword the forms use, without the field label
 * (the engine prefixes it: «Navn» skal udfyldes). Ajv ships no Danish locale.
 */
export const KEYWORD_MESSAGES: Record<string, MessageFor> = {
  required: () => ({ da: 'skal udfyldes', en: 'is required' }),
  dependentRequired: (e) => ({
    da: `skal udfyldes, når «${String(e.params.property)}» er udfyldt`,
    en: `is required when "${String(e.params.property)}" is filled in`,
  }),
  type: (e) => ({
    da: `skal være ${String(e.params.type)
      .split(',')
      .map((t) => TYPE_DA[t] ?? t)
      .join(' eller ')}`,
    en: `must be of type ${String(e.params.type)}`,
  }),
  enum: () => ({ da: 'skal være en af de tilladte værdier', en: 'must be one of the allowed values' }),
  const: () => ({ da: 'har ikke den krævede værdi', en: 'does not have the required value' }),
  minLength: (e) =>
    e.params.limit === 1
      ? { da: 'skal udfyldes', en: 'must not be empty' }
      : { da: `skal være mindst ${e.params.limit} tegn`, en: `must be at least ${e.params.limit} characters` },
  maxLength: (e) => ({
    da: `må højst være ${e.params.limit} tegn`,
    en: `must be at most ${e.params.limit} characters`,
  }),
  minimum: (e) => ({ da: `skal være mindst ${daNumber(e.params.limit)}`, en: `must be at least ${e.params.limit}` }),
  maximum: (e) => ({ da: `må højst være ${daNumber(e.params.limit)}`, en: `must be at most ${e.params.limit}` }),
  exclusiveMinimum: (e) => ({
    da: `skal være større end ${daNumber(e.params.limit)}`,
    en: `must be greater than ${e.params.limit}`,
  }),
  exclusiveMaximum: (e) => ({
    da: `skal være mindre end ${daNumber(e.params.limit)}`,
    en: `must be less than ${e.params.limit}`,
  }),
  multipleOf: (e) => ({
    da: `skal være et multiplum af ${daNumber(e.params.multipleOf)}`,
    en: `must be a multiple of ${e.params.multipleOf}`,
  }),
  minItems: (e) => ({
    da: `skal have mindst ${e.params.limit} ${plural(e.params.limit, 'element', 'elementer')}`,
    en: `must have at least ${e.params.limit} ${plural(e.params.limit, 'item', 'items')}`,
  }),
  maxItems: (e) => ({
    da: `må højst have ${e.params.limit} ${plural(e.params.limit, 'element', 'elementer')}`,
    en: `must have at most ${e.params.limit} ${plural(e.params.limit, 'item', 'items')}`,
  }),
  uniqueItems: () => ({ da: 'må ikke indeholde dubletter', en: 'must not contain duplicates' }),
  minProperties: (e) => ({
    da: `skal have mindst ${e.params.limit} felter udfyldt`,
    en: `must have at least ${e.params.limit} fields`,
  }),
  maxProperties: (e) => ({
    da: `må højst have ${e.params.limit} felter`,
    en: `must have at most ${e.params.limit} fields`,
  }),
  additionalProperties: (e) => ({
    da: `indeholder feltet «${String(e.params.additionalProperty)}», som ikke hører til skemaet`,
    en: `contains the field "${String(e.params.additionalProperty)}", which is not part of the form`,
  }),
  unevaluatedProperties: (e) => ({
    da: `indeholder feltet «${String(e.params.unevaluatedProperty)}», som ikke hører til skemaet`,
    en: `contains the field "${String(e.params.unevaluatedProperty)}", which is not part of the form`,
  }),
  pattern: () => ({ da: 'har ikke det krævede format', en: 'does not have the required format' }),
  format: (e) =>
    FORMAT_MESSAGES[String(e.params.format)] ?? {
      da: `skal have formatet «${String(e.params.format)}»`,
      en: `must match format "${String(e.params.format)}"`,
    },
  contains: () => ({ da: 'mangler et gyldigt element', en: 'is missing a valid item' }),
  minContains: (e) => ({
    da: `skal indeholde mindst ${e.params.limit} gyldige elementer`,
    en: `must contain at least ${e.params.limit} valid items`,
  }),
  maxContains: (e) => ({
    da: `må højst indeholde ${e.params.limit} gyldige elementer`,
    en: `must contain at most ${e.params.limit} valid items`,
  }),
  oneOf: () => ({ da: 'skal svare til præcis én af mulighederne', en: 'must match exactly one option' }),
  anyOf: () => ({ da: 'skal svare til mindst én af mulighederne', en: 'must match at least one option' }),
  not: () => ({ da: 'har en værdi, der ikke er tilladt', en: 'has a value that is not allowed' }),
  'false schema': () => ({ da: 'er ikke tilladt', en: 'is not allowed' }),
};

export function keywordMessage(e: ErrorObject, pluginMessages: Record<string, LocalizedText>): LocalizedText {
  if (e.keyword === 'format') {
    const own = pluginMessages[String(e.params.format)];
    if (own) return own;
  }
  const own = pluginMessages[e.keyword];
  if (own) return own;
  const build = KEYWORD_MESSAGES[e.keyword];
  return build ? build(e) : { da: `er ugyldig (${e.keyword})`, en: e.message ?? `is invalid (${e.keyword})` };
}
