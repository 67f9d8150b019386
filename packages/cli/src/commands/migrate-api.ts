import type { Locale } from '@skema/core';
import { CliError, EXIT_OK, EXIT_PROBLEMS, type Io } from '../io.js';
import { MIGRATE_TEXT, printIssue } from './migrate-messages.js';

export interface ApiMigrationInput {
  baseUrl: string;
  key: string;
  submissionId: string;
  to: string;
  locale: Locale;
  json: boolean;
  ifMatch?: string;
}

/** `https://host` and `https://host/api/v1` both name the API (as in @skema/react). */
export function migrateUrl(baseUrl: string, submissionId: string): string {
  const trimmed = baseUrl.replace(/\/+$/, '');
  const api = /\/api\/v\d+$/.test(trimmed) ? trimmed : `${trimmed}/api/v1`;
  return `${api}/submissions/${encodeURIComponent(submissionId)}/migrate`;
}

interface Problem {
  type?: string;
  title?: string;
  detail?: string;
  code?: string;
  errors?: Array<{ path?: string; code?: string; message?: string }>;
  issues?: Array<{ path?: string; code?: string; message?: string }>;
}

/** The problem's stable code: its `code` member, else the last segment of its `type` URI. */
function problemCode(problem: Problem): string {
  if (problem.code) return problem.code;
  return problem.type?.split('/').filter(Boolean).pop() ?? 'unknown';
}

/** `POST {api}/submissions/{id}/migrate` with `{ version }`: prints the new revision, or the problem and its validation errors. */
export async function migrateThroughApi(input: ApiMigrationInput, io: Io): Promise<number> {
  const t = MIGRATE_TEXT[input.locale];
  if (!/^https?:\/\//i.test(input.baseUrl)) throw new CliError(t.apiUrl(input.baseUrl));
  const url = migrateUrl(input.baseUrl, input.submissionId);
  let response: Response;
  try {
    response = await fetch(url, {
      method: 'POST',
      headers: {
        Accept: 'application/json, application/problem+json',
        'Accept-Language': input.locale,
        'Content-Type': 'application/json',
        Authorization: `Bearer ${input.key}`,
        ...(input.ifMatch ? { 'If-Match': input.ifMatch } : {}),
      },
      body: JSON.stringify({ version: input.to }),
    });
  } catch (e) {
    const cause = (e as { cause?: { code?: string; message?: string } }).cause;
    throw new CliError(t.unreachable(url, cause?.code ?? cause?.message ?? (e as Error).message));
  }
  const text = await response.text();
  let body: unknown;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    body = undefined;
  }

  if (!response.ok) {
    const problem = (typeof body === 'object' && body !== null ? body : {}) as Problem;
    const code = problemCode(problem);
    io.err(`skema migrate: ${t.refused(response.status, code)}: ${problem.detail ?? problem.title ?? response.statusText}`);
    for (const issue of problem.errors ?? problem.issues ?? []) {
      printIssue(io.err, t.error, { path: issue.path ?? '', code: issue.code ?? '', message: issue.message ?? '' });
    }
    // 409/412/422: the submission cannot be migrated as asked; anything else is a problem with the request or the server.
    return [409, 412, 422].includes(response.status) ? EXIT_PROBLEMS : 2;
  }

  if (input.json) {
    io.out(JSON.stringify(body, null, 2));
    return EXIT_OK;
  }
  const view = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
  // The submission view is either `{ submission, receipt, … }` (as POST /submissions answers) or the submission itself.
  const submission = (typeof view.submission === 'object' && view.submission !== null ? view.submission : view) as Record<string, unknown>;
  const receipt = (view.receipt ?? submission.receipt) as Record<string, unknown> | undefined;
  io.out(t.newRevision(String(submission.id ?? input.submissionId), submission.revision, submission.formId, submission.version));
  if (receipt) io.out(t.receipt(receipt.validatedAt, receipt.schemaHash));
  const etag = response.headers.get('etag');
  if (etag) io.out(`ETag: ${etag}`);
  return EXIT_OK;
}
