import type { Wire } from '@skema/core';

/**
 * A refused or failed call. `status` is the HTTP status (0 when no answer came: network failure or
 * timeout), `problem` the server's `application/problem+json` document, `type` its type URI and
 * `code` the type's last segment (`validation-failed`, `revision-conflict`, …; `network` or
 * `timeout` when there was no answer). An abort by the caller's signal is not wrapped: the
 * AbortError itself rejects.
 */
export class SkemaApiError extends Error {
  override readonly name = 'SkemaApiError';
  readonly status: number;
  readonly problem: Wire.Problem;
  readonly type: string;
  readonly code: string;
  /** `issues[]` of a 400/403/422 answer: each with its JSON Pointer, stable code and message. */
  readonly issues: Wire.ProblemIssue[];
  /** Seconds from `Retry-After` (429, 503), when the server sent it. */
  readonly retryAfter: number | undefined;

  constructor(status: number, problem: Wire.Problem, retryAfter?: number) {
    super(problem.detail ?? problem.title);
    this.status = status;
    this.problem = problem;
    this.type = problem.type;
    this.code =
      problem.type === 'about:blank'
        ? `http-${status}`
        : (problem.type.split('/').filter(Boolean).pop() ?? `http-${status}`);
    this.issues = problem.issues ?? [];
    this.retryAfter = retryAfter;
  }
}

/**
 * The answer's problem document; members a non-conforming body lacks (a proxy's HTML page, an
 * empty body) are filled in from the HTTP status.
 */
export function problemOf(status: number, statusText: string, body: unknown): Wire.Problem {
  const b = body && typeof body === 'object' && !Array.isArray(body) ? (body as Record<string, unknown>) : {};
  return {
    ...b,
    type: typeof b.type === 'string' ? b.type : 'about:blank',
    title: typeof b.title === 'string' ? b.title : statusText || `HTTP ${status}`,
    status: typeof b.status === 'number' ? b.status : status,
  };
}

export function noAnswer(code: 'network' | 'timeout', message: string): SkemaApiError {
  return new SkemaApiError(0, { type: code, title: message, status: 0 });
}
