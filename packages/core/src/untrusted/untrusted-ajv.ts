import type { FuncKeywordDefinition, SchemaValidateFunction } from 'ajv';
import { createAjv, type Ajv2020 } from '../ajv.js';
import { canonicalJson } from '../hash.js';
import { isSchemaObject } from '../diff/schema-nodes.js';
import { DEFAULT_UNTRUSTED_LIMITS } from './limits.js';
import { checkSchemaBudget } from './schema-budget.js';
import type { UntrustedCompiler } from './untrusted-compiler.js';
import type { UntrustedProblem } from './untrusted-problem.js';
import { linearRegExp } from './linear-regexp.js';
import { forEachSchema } from './schema-walk.js';

/**
 * `uniqueItems` in linear time: items are compared by their canonical JSON through a map, where
 * Ajv compares objects pair by pair (40,000 untyped objects took 28 s). Same error and params.
 */
const linearUniqueItems: FuncKeywordDefinition = {
  keyword: 'uniqueItems',
  type: 'array',
  schemaType: 'boolean',
  errors: true,
  validate: function unique(schema: boolean, data: unknown[]): boolean {
    const self = unique as SchemaValidateFunction;
    delete self.errors;
    if (!schema) return true;
    // Ajv reports the last item that repeats an earlier one (i) and the nearest such earlier one (j).
    const last = new Map<string, number>();
    let found: { i: number; j: number } | undefined;
    for (let i = 0; i < data.length; i++) {
      const key = canonicalJson(data[i]);
      const j = last.get(key);
      if (j !== undefined) found = { i, j };
      last.set(key, i);
    }
    if (found) {
      self.errors = [
        {
          keyword: 'uniqueItems',
          params: found,
          message: `must NOT have duplicate items (items ## ${found.j} and ${found.i} are identical)`,
        },
      ];
      return false;
    }
    return true;
  },
};

/**
 * The Ajv instance for untrusted forms (tenants' own forms and API-published overlays): the
 * platform's configuration, with every pattern on RE2 and a linear `uniqueItems`.
 */
export function createUntrustedAjv(): Ajv2020 {
  const ajv = createAjv({ regExp: linearRegExp });
  ajv.removeKeyword('uniqueItems');
  ajv.addKeyword(linearUniqueItems);
  return ajv;
}

const isArraySchema = (node: Record<string, unknown>): boolean =>
  node.type === 'array' ||
  (Array.isArray(node.type) && node.type.includes('array')) ||
  'items' in node ||
  'prefixItems' in node ||
  'contains' in node;

/**
 * A copy of an untrusted schema in which every array schema has `maxItems` at most `cap`: the
 * platform's bound on arrays whose form sets none, reported as an ordinary `maxItems` error.
 */
export function withArrayCap(
  schema: Record<string, unknown>,
  cap = DEFAULT_UNTRUSTED_LIMITS.maxArrayItems,
): Record<string, unknown> {
  const copy = structuredClone(schema);
  forEachSchema(copy, '', (node) => {
    if (isArraySchema(node) && !(typeof node.maxItems === 'number' && node.maxItems <= cap)) node.maxItems = cap;
  });
  return isSchemaObject(copy) ? copy : schema;
}

/** An untrusted form's schema over its complexity budget; publish reports the same problems. */
export class SchemaBudgetError extends Error {
  override readonly name = 'SchemaBudgetError';
  constructor(readonly problems: UntrustedProblem[]) {
    super(`The form is over its complexity budget: ${problems.map((p) => `${p.code} at ${p.path || '/'}`).join(', ')}`);
  }
}

/** What the untrusted Ajv compiles: the schema within budget (else `SchemaBudgetError`), with its arrays capped. */
export function untrustedSchema(schema: Record<string, unknown>): Record<string, unknown> {
  const problems = checkSchemaBudget(schema);
  if (problems.length) throw new SchemaBudgetError(problems);
  return withArrayCap(schema);
}

/** The platform's untrusted compiler (RE2 patterns, linear `uniqueItems`, complexity budget, array cap), for `engine.useUntrusted`. */
export function untrustedCompiler(): UntrustedCompiler {
  return { createAjv: createUntrustedAjv, prepareSchema: untrustedSchema };
}
