import type { KeywordDefinition } from 'ajv';

/** The annotation a form author puts on a field that holds sensitive or confidential data (DP-02). */
export const SENSITIVE_KEYWORD = 'x-skema-sensitive';

/**
 * The categories of DP-02 (001 §6.3): CPR numbers, health, ethnic origin and serious social
 * problems («væsentlige sociale problemer»). Fixed, so every tenant and client reads a tag alike.
 */
export const SENSITIVE_CATEGORIES = ['cpr', 'helbred', 'etnisk-oprindelse', 'sociale-forhold'] as const;

export type SensitiveCategory = (typeof SENSITIVE_CATEGORIES)[number];

/** The allowed value of the keyword: a non-empty list of distinct categories. */
export const SENSITIVE_KEYWORD_SCHEMA = {
  type: 'array',
  minItems: 1,
  uniqueItems: true,
  items: { enum: [...SENSITIVE_CATEGORIES] },
} as const;

/**
 * The keyword for Ajv: an annotation only (it generates no validation code, so it costs nothing
 * when data is validated), but its value is checked against `SENSITIVE_KEYWORD_SCHEMA` when a
 * schema compiles. Ajv runs with `strict: false`, which would ignore a misspelt category silently;
 * registered, `["helbredet"]` makes the form fail to compile instead.
 */
export const sensitiveKeyword: KeywordDefinition = {
  keyword: SENSITIVE_KEYWORD,
  schemaType: 'array',
  metaSchema: SENSITIVE_KEYWORD_SCHEMA,
};

/**
 * The annotation a form author puts on a free-text field that has been considered and holds no
 * sensitive data (a name, a role, a case number), so every free-text field of a form carries a
 * decision either way (`skema check` and the forms' tests refuse a field with neither). Only
 * `true` is allowed: leaving it out says "not decided", not "not sensitive".
 */
export const NOT_SENSITIVE_KEYWORD = 'x-skema-not-sensitive';

export const notSensitiveKeyword: KeywordDefinition = {
  keyword: NOT_SENSITIVE_KEYWORD,
  schemaType: 'boolean',
  metaSchema: { const: true },
};

const KNOWN = new Set<string>(SENSITIVE_CATEGORIES);

export function isSensitiveCategory(value: unknown): value is SensitiveCategory {
  return typeof value === 'string' && KNOWN.has(value);
}
