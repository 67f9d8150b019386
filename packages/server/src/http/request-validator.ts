import type { NextFunction, Request, Response } from 'express';
import type { ErrorObject, ValidateFunction } from 'ajv';
import { createAjv, KEYWORD_MESSAGES, type Locale, type Wire } from '@skema/core';
import { apiSchemas, type ApiSchemaName } from '../schemas/api-schemas.js';
import { localeOf } from './locale.js';
import { HttpProblem, type ProblemIssue } from './problem.js';

const API_SCHEMA_ID = 'urn:skema:api';

/**
 * Request bodies by schema name, as core's wire types (`Wire.*`, checked in core against these
 * very schemas with json-schema-to-ts, so a type and its schema cannot drift).
 */
export interface RequestBodies {
  ValidateRequest: Wire.ValidateRequest;
  SubmissionCreate: Wire.SubmissionCreate;
  SubmissionUpdate: Wire.SubmissionUpdate;
  StatusChange: Wire.StatusChange;
  MigrateRequest: Wire.MigrateRequest;
  LegalHoldChange: Wire.LegalHoldChange;
  ApprovalRequest: Wire.ApprovalRequest;
  AssigneesChange: Wire.AssigneesChange;
  CaseCreate: Wire.CaseCreate;
  CaseUpdate: Wire.CaseUpdate;
  CaseAttach: Wire.CaseAttach;
}
export type RequestBodyName = keyof RequestBodies & ApiSchemaName;

/** What a passing schema promises: the value has the schema's type. */
function conforms<N extends RequestBodyName>(fn: ValidateFunction, value: unknown): value is RequestBodies[N] {
  return fn(value) === true;
}

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
      const fn = this.validator(name);
      if (!fn(bodyOf(req))) refuse(fn, req);
      next();
    };
  }

  /** The request's body, checked against the schema and typed by it (routes never cast `req.body`); 400 otherwise. */
  parse<N extends RequestBodyName>(name: N, req: Request): RequestBodies[N] {
    const body = bodyOf(req);
    const fn = this.validator(name);
    if (conforms<N>(fn, body)) return body;
    return refuse(fn, req);
  }
}

function bodyOf(req: Request): unknown {
  const body: unknown = req.body;
  if (body === undefined)
    throw new HttpProblem('invalid-request', {
      da: 'Forespørgslen mangler en JSON-krop.',
      en: 'The request needs a JSON body.',
    });
  return body;
}

/** 400 `invalid-request` with the schema's complaints as `issues[]`. */
function refuse(fn: ValidateFunction, req: Request): never {
  const issues = (fn.errors ?? []).map((e) => ajvIssue(e, localeOf(req)));
  throw new HttpProblem(
    'invalid-request',
    { da: 'Forespørgslens krop er ikke gyldig.', en: 'The request body is not valid.' },
    { issues },
  );
}

export function ajvIssue(e: ErrorObject, locale: Locale): ProblemIssue {
  const missing: unknown = e.params.missingProperty ?? e.params.additionalProperty;
  const path =
    typeof missing === 'string'
      ? `${e.instancePath}/${missing.replace(/~/g, '~0').replace(/\//g, '~1')}`
      : e.instancePath;
  const text = KEYWORD_MESSAGES[e.keyword]?.(e)[locale] ?? e.message ?? e.keyword;
  return { path, code: e.keyword, message: `${path || '/'} ${text}` };
}
