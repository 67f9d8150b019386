import type { Request } from 'express';
import { createAjv } from '@skema/core';
import type { ValidateFunction } from 'ajv';
import type { ApiParameter } from '../schemas/api-parameters.js';
import { localeOf } from './locale.js';
import { HttpProblem } from './problem.js';
import { ajvIssue } from './request-validator.js';

const ajv = createAjv();

/** Checks query parameters against their declared schemas (integers are read from text first). */
export function queryParser<T>(params: readonly ApiParameter[]): (req: Request) => T {
  const query = params.filter((p) => p.in === 'query');
  const validate: ValidateFunction = ajv.compile({
    type: 'object',
    properties: Object.fromEntries(query.map((p) => [p.name, p.schema])),
  });
  return (req) => {
    const values: Record<string, unknown> = {};
    for (const p of query) {
      const raw = req.query[p.name];
      if (raw === undefined) continue;
      values[p.name] =
        p.schema.type === 'integer' && typeof raw === 'string' && /^-?\d+$/.test(raw) ? Number(raw) : raw;
    }
    if (!validate(values)) {
      const issues = (validate.errors ?? []).map((e) => ajvIssue(e, localeOf(req)));
      throw new HttpProblem(
        'invalid-request',
        { da: 'Ugyldige forespørgselsparametre.', en: 'Invalid query parameters.' },
        { issues },
      );
    }
    return values as T;
  };
}

/** Stores reject a cursor they did not issue (a RangeError naming the cursor): that is the client's 400. */
export function rethrowBadCursor(cursor: string | undefined) {
  return (e: unknown): never => {
    if (cursor !== undefined && e instanceof Error && /cursor/i.test(e.message)) {
      throw new HttpProblem('invalid-request', { da: 'Ugyldig cursor.', en: 'Invalid cursor.' });
    }
    throw e;
  };
}
