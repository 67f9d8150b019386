import type { NextFunction, Request, Response } from 'express';
import {
  type Locale,
  FormNotFoundError,
  ImmutableVersionError,
  MigrationError,
  NotFoundError,
  OverlayError,
  RevisionConflictError,
  StoreCorruptionError,
  StoreUnavailableError,
} from '@skema/core';
import { SubmissionError } from '@skema/submissions';
import type { Logger } from '../observability/logger.js';
import { localeOf } from './locale.js';
import { submissionProblem } from './submission-problem.js';
import { HttpProblem, PROBLEM_TYPE_BASE, PROBLEM_TYPES, pickText } from './problem.js';

/** The matched route's pattern, for the log (Express types `req.route` as `any`). */
function routeOf(req: Request): unknown {
  return (req.route as { path?: unknown } | undefined)?.path;
}

/** Errors thrown by body-parser carry a `type`; map them onto the API's problems. */
function fromParserError(err: { type?: unknown; status?: unknown; limit?: unknown }): HttpProblem | undefined {
  switch (err.type) {
    case 'entity.parse.failed':
      return new HttpProblem('malformed-json', {
        da: 'Forespørgslens krop er ikke gyldig JSON.',
        en: 'The request body is not valid JSON.',
      });
    case 'entity.too.large':
      return new HttpProblem(
        'payload-too-large',
        {
          da: `Forespørgslens krop er for stor (højst ${String(err.limit)} bytes).`,
          en: `The request body is too large (at most ${String(err.limit)} bytes).`,
        },
        typeof err.limit === 'number' ? { members: { limit: { name: 'bodyBytes', max: err.limit } } } : {},
      );
    case 'charset.unsupported':
    case 'encoding.unsupported':
      return new HttpProblem('unsupported-media-type', {
        da: 'Tegnsættet eller kodningen understøttes ikke.',
        en: 'The charset or content encoding is not supported.',
      });
    default:
      return typeof err.status === 'number' && err.status >= 400 && err.status < 500
        ? new HttpProblem('invalid-request')
        : undefined;
  }
}

export function toProblem(err: unknown, locale: Locale = 'da'): HttpProblem | undefined {
  if (err instanceof HttpProblem) return err;
  if (err instanceof SubmissionError) return submissionProblem(err, locale);
  if (err instanceof FormNotFoundError) {
    return new HttpProblem('form-not-found', {
      da: err.version
        ? `Skemaet ${err.formId} har ingen version, der passer til ${err.version}.`
        : `Skemaet ${err.formId} findes ikke.`,
      en: err.message,
    });
  }
  if (err instanceof ImmutableVersionError) {
    return new HttpProblem('version-immutable', {
      da: 'Versionen er udgivet eller udfaset og kan ikke ændres; lav en ny version.',
      en: `${err.message}; create a new version.`,
    });
  }
  if (err instanceof OverlayError) {
    return new HttpProblem(
      'overlay-not-applicable',
      {
        da: 'Kommunens tilpasning af skemaet kan ikke anvendes på den ønskede version; vælg en version, tilpasningen gælder for.',
        en: `${err.message}; choose a version the configuration applies to.`,
      },
      { members: { problems: err.problems } },
    );
  }
  if (err instanceof MigrationError) {
    return new HttpProblem(
      'migration-impossible',
      { da: `Indsendelsen kan ikke migreres fra ${err.from} til ${err.to} (${err.reason}).`, en: err.message },
      { members: { reason: err.reason } },
    );
  }
  if (err instanceof NotFoundError)
    return new HttpProblem('not-found', { da: 'Indsendelsen findes ikke.', en: 'The submission does not exist.' });
  if (err instanceof RevisionConflictError) {
    return new HttpProblem('precondition-failed', {
      da: 'Indsendelsen er ændret af en anden; hent den igen.',
      en: 'The submission was changed by someone else; fetch it again.',
    });
  }
  // The store's message names files for the operator's log, never for the client.
  if (err instanceof StoreCorruptionError) {
    return new HttpProblem('store-corrupted', {
      da: 'Lagrede data er beskadigede; driften er underrettet.',
      en: 'Stored data is damaged; operations have been alerted.',
    });
  }
  if (err instanceof StoreUnavailableError) {
    return new HttpProblem(
      'store-unavailable',
      {
        da: 'Lageret tager ikke imod ændringer lige nu; prøv igen senere.',
        en: 'The store does not accept changes right now; try again later.',
      },
      { headers: { 'Retry-After': '60' } },
    );
  }
  if (typeof err === 'object' && err !== null && 'type' in err) return fromParserError(err);
  return undefined;
}

/** The one error handler: every failure becomes `application/problem+json` (RFC 9457). */
export function errorHandler(logger: Logger) {
  return (err: unknown, req: Request, res: Response, _next: NextFunction): void => {
    const locale = localeOf(req);
    let problem = toProblem(err, locale);
    // Damaged or unavailable storage is mapped for the client but must still reach the operator.
    if (err instanceof StoreCorruptionError || err instanceof StoreUnavailableError) {
      logger.error(
        {
          err,
          files: err instanceof StoreCorruptionError ? err.files : undefined,
          method: req.method,
          route: routeOf(req),
        },
        'store error',
      );
    }
    if (!problem) {
      logger.error({ err, method: req.method, route: routeOf(req) }, 'unhandled error');
      problem = new HttpProblem('internal', { da: 'Der opstod en uventet fejl.', en: 'An unexpected error occurred.' });
    }
    if (res.headersSent) return;
    const kind = PROBLEM_TYPES[problem.kind];
    const body: Record<string, unknown> = {
      type: `${PROBLEM_TYPE_BASE}${problem.kind}`,
      title: kind.title[locale],
      status: problem.status,
      ...(problem.detail !== undefined ? { detail: pickText(problem.detail, locale) } : {}),
      instance: req.originalUrl.split('?')[0],
      ...(problem.extras.issues ? { issues: problem.extras.issues } : {}),
      ...problem.extras.members,
    };
    for (const [name, value] of Object.entries(problem.extras.headers ?? {})) res.setHeader(name, value);
    res
      .status(problem.status)
      .type('application/problem+json')
      .set('Content-Language', locale)
      .send(JSON.stringify(body));
  };
}

export function notFound(req: Request): never {
  throw new HttpProblem('not-found', { da: `Stien ${req.path} findes ikke.`, en: `No resource at ${req.path}.` });
}
