import type { NextFunction, Request, Response } from 'express';
import type { ErrorObject, ValidateFunction } from 'ajv';
import { createAjv, KEYWORD_MESSAGES, type Locale } from '@skema/core';
import { apiSchemas, type ApiSchemaName } from '../schemas/api-schemas.js';
import { localeOf } from './locale.js';
import { HttpProblem, type ProblemIssue } from './problem.js';

const API_SCHEMA_ID = 'urn:skema:api';

/** Validates request bodies against the API's own schemas (the ones the OpenAPI document shows). */
export class RequestValidator {
  private static instance: RequestValidator | undefined;

  /** The schemas never change, so one compiled set serves every app in the process. */
  static shared(): RequestValidator {
    return (RequestValidator.instance ??= new RequestValidator());
  }

  private readonly ajv = createAjv();
  private readonly compiled = new Map<ApiSchemaName, ValidateFunction>();

  constructor() {
    // One document holding all schemas, so their `#/components/schemas/…` references resolve as in OpenAPI.
    this.ajv.addSchema({ $id: API_SCHEMA_ID, components: { schemas: apiSchemas } });
  }

  validator(name: ApiSchemaName): ValidateFunction {
    let fn = this.compiled.get(name);
    if (!fn) {
      fn = this.ajv.compile({ $ref: `${API_SCHEMA_ID}#/components/schemas/${name}` });
      this.compiled.set(name, fn);
    }
    return fn;
  }

  issues(name: ApiSchemaName, value: unknown, locale: Locale): ProblemIssue[] {
    const fn = this.validator(name);
    return fn(value) ? [] : (fn.errors ?? []).map((e) => ajvIssue(e, locale));
  }

  /** Middleware: 400 `invalid-request` with `issues[]` when the body does not match the schema. */
  body(name: ApiSchemaName) {
    return (req: Request, _res: Response, next: NextFunction): void => {
      const locale = localeOf(req);
      if (req.body === undefined) {
        throw new HttpProblem('invalid-request', { da: 'Forespørgslen mangler en JSON-krop.', en: 'The request needs a JSON body.' });
      }
      const issues = this.issues(name, req.body, locale);
      if (issues.length) {
        throw new HttpProblem('invalid-request', { da: 'Forespørgslens krop er ikke gyldig.', en: 'The request body is not valid.' }, { issues });
      }
      next();
    };
  }
}

export function ajvIssue(e: ErrorObject, locale: Locale): ProblemIssue {
  const missing = e.params.missingProperty ?? e.params.additionalProperty;
  const path = typeof missing === 'string' ? `${e.instancePath}/${missing.replace(/~/g, '~0').replace(/\//g, '~1')}` : e.instancePath;
  const text = KEYWORD_MESSAGES[e.keyword]?.(e)[locale] ?? e.message ?? e.keyword;
  return { path, code: e.keyword, message: `${path || '/'} ${text}` };
}
