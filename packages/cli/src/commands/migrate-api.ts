import type { Locale } from '@skema/core';
import { SkemaApiError, SkemaClient, apiBase, type Problem } from '@skema/client';
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

/** `https://host` and `https://host/api/v1` both name the API (as in @skema/client). */
export function migrateUrl(baseUrl: string, submissionId: string): string {
  return `${apiBase(baseUrl)}/submissions/${encodeURIComponent(submissionId)}/migrate`;
}

/** The problem's stable code: its `code` member when it has one, else the last segment of its `type` URI. */
function problemCode(error: SkemaApiError): string {
  const { code } = error.problem as Problem & { code?: unknown };
  return typeof code === 'string' ? code : error.code;
}

/**
 * `POST {api}/submissions/{id}/migrate` with `{ version }` through @skema/client: prints the new
 * revision, or the problem and its validation errors. Without `--if-match` it sends `*` (migrate
 * whatever revision is current): the server refuses a change without If-Match (428).
 */
export async function migrateThroughApi(input: ApiMigrationInput, io: Io): Promise<number> {
  const t = MIGRATE_TEXT[input.locale];
  if (!/^https?:\/\//i.test(input.baseUrl)) throw new CliError(t.apiUrl(input.baseUrl));
  const client = new SkemaClient({ baseUrl: input.baseUrl, token: input.key, locale: input.locale });
  try {
    const { etag, ...answer } = await client.migrateSubmission(input.submissionId, input.to, {
      ifMatch: input.ifMatch ?? '*',
    });
    if (input.json) {
      io.out(JSON.stringify(answer, null, 2));
      return EXIT_OK;
    }
    const { submission, receipt } = answer;
    io.out(t.newRevision(submission.id, submission.revision, submission.formId, submission.version));
    io.out(t.receipt(receipt.validatedAt, receipt.schemaHash));
    if (etag) io.out(`ETag: ${etag}`);
    return EXIT_OK;
  } catch (e) {
    if (!(e instanceof SkemaApiError)) throw e;
    if (e.status === 0) throw new CliError(t.unreachable(migrateUrl(input.baseUrl, input.submissionId), e.message));
    io.err(`skema migrate: ${t.refused(e.status, problemCode(e))}: ${e.message}`);
    for (const issue of e.problem.errors ?? e.issues)
      printIssue(io.err, t.error, { path: issue.path, code: issue.code, message: issue.message });
    // 409/412/422: the submission cannot be migrated as asked; anything else is a problem with the request or the server.
    return [409, 412, 422].includes(e.status) ? EXIT_PROBLEMS : 2;
  }
}
