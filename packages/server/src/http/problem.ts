import type { LocalizedText } from '@skema/core';

/** One problem with a request body or a submission, as RFC 9457 extension member `issues[]`. */
export interface ProblemIssue {
  /** JSON Pointer into the request body (or the submission's data). */
  path: string;
  /** A rule id (as the rule catalogue names it) or a JSON Schema keyword (e.g. `required`). */
  code: string;
  message: string;
  severity?: 'error' | 'warning';
}

type Text = LocalizedText | string;

/** The kinds of problem the API answers with; the slug becomes the problem's `type` URI. */
export const PROBLEM_TYPES = {
  'malformed-json': { status: 400, title: { da: 'Ugyldig JSON', en: 'Malformed JSON' } },
  'untrusted-document': {
    status: 400,
    title: { da: 'Dokumentet er afvist af sikkerhedshensyn', en: 'Untrusted document refused' },
  },
  'invalid-request': { status: 400, title: { da: 'Ugyldig forespørgsel', en: 'Invalid request' } },
  unauthorized: { status: 401, title: { da: 'Manglende eller ugyldig API-nøgle', en: 'Missing or invalid API key' } },
  forbidden: { status: 403, title: { da: 'Ingen adgang', en: 'Forbidden' } },
  'not-found': { status: 404, title: { da: 'Ikke fundet', en: 'Not found' } },
  'form-not-found': {
    status: 404,
    title: { da: 'Skemaet eller versionen findes ikke', en: 'Form or version not found' },
  },
  'invalid-transition': {
    status: 409,
    title: { da: 'Statusskiftet er ikke tilladt', en: 'Status transition not allowed' },
  },
  'version-immutable': {
    status: 409,
    title: { da: 'Versionen er udgivet og kan ikke ændres', en: 'Version is immutable' },
  },
  'revision-conflict': { status: 409, title: { da: 'Indsendelsen er ændret siden', en: 'Revision conflict' } },
  'overlay-not-applicable': {
    status: 409,
    title: {
      da: 'Kommunens tilpasning passer ikke til versionen',
      en: 'Tenant configuration does not apply to this version',
    },
  },
  'case-conflict': { status: 409, title: { da: 'Sagen tillader ikke ændringen', en: 'Case conflict' } },
  'not-editable': { status: 409, title: { da: 'Indsendelsen kan ikke ændres', en: 'Submission cannot be changed' } },
  'already-approved': {
    status: 409,
    title: { da: 'Personen har allerede godkendt', en: 'Already approved by this person' },
  },
  'precondition-failed': { status: 412, title: { da: 'Indsendelsen er ændret siden', en: 'Precondition failed' } },
  'payload-too-large': { status: 413, title: { da: 'Forespørgslen er for stor', en: 'Payload too large' } },
  'unsupported-media-type': { status: 415, title: { da: 'Ikke understøttet medietype', en: 'Unsupported media type' } },
  'validation-failed': { status: 422, title: { da: 'Indsendelsen er ikke gyldig', en: 'Submission is not valid' } },
  'form-config-invalid': {
    status: 422,
    title: { da: 'Skemakonfigurationen er ikke gyldig', en: 'Form configuration is not valid' },
  },
  'migration-invalid': {
    status: 422,
    title: { da: 'De migrerede data er ikke gyldige', en: 'Migrated data is not valid' },
  },
  'migration-impossible': {
    status: 422,
    title: { da: 'Indsendelsen kan ikke migreres', en: 'Submission cannot be migrated' },
  },
  'idempotency-key-reused': {
    status: 422,
    title: {
      da: 'Idempotency-Key er brugt til en anden forespørgsel',
      en: 'Idempotency-Key reused with a different request',
    },
  },
  'precondition-required': { status: 428, title: { da: 'If-Match mangler', en: 'Precondition required' } },
  'too-many-requests': { status: 429, title: { da: 'For mange forespørgsler', en: 'Too many requests' } },
  internal: { status: 500, title: { da: 'Intern fejl', en: 'Internal server error' } },
  'store-corrupted': { status: 500, title: { da: 'Lagrede data er beskadigede', en: 'Stored data is damaged' } },
  'not-implemented': { status: 501, title: { da: 'Ikke tilgængelig på denne server', en: 'Not implemented' } },
  unavailable: { status: 503, title: { da: 'Tjenesten er ikke klar', en: 'Service unavailable' } },
  'store-unavailable': { status: 503, title: { da: 'Lageret tager ikke imod ændringer', en: 'Store unavailable' } },
  'validation-unavailable': {
    status: 503,
    title: { da: 'Valideringen kunne ikke gennemføres', en: 'Validation unavailable' },
  },
} as const satisfies Record<string, { status: number; title: LocalizedText }>;

export type ProblemKind = keyof typeof PROBLEM_TYPES;

export const PROBLEM_TYPE_BASE = 'https://skema.dk/problems/';

/** Thrown anywhere in a request; the one error handler turns it into `application/problem+json`. */
export class HttpProblem extends Error {
  override readonly name = 'HttpProblem';
  readonly status: number;

  constructor(
    readonly kind: ProblemKind,
    readonly detail?: Text,
    readonly extras: {
      issues?: ProblemIssue[];
      headers?: Record<string, string>;
      members?: Record<string, unknown>;
    } = {},
  ) {
    super(typeof detail === 'string' ? detail : (detail?.en ?? kind));
    this.status = PROBLEM_TYPES[kind].status;
  }
}

export function pickText(text: Text | undefined, locale: 'da' | 'en'): string | undefined {
  if (text === undefined) return undefined;
  return typeof text === 'string' ? text : text[locale];
}
