import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Locale } from '@skema/core';
import { CliError, EXIT_OK, EXIT_PROBLEMS, type Io } from '../io.js';
import { PDF_TEXT } from './pdf-messages.js';

export interface ApiDocumentInput {
  baseUrl: string;
  token: string;
  submissionId: string;
  out: string;
  locale: Locale;
  showCpr: boolean;
}

/** `https://host` and `https://host/api/v1` both name the API (as in @skema/react). */
export function documentUrl(baseUrl: string, submissionId: string, locale: Locale, showCpr: boolean): string {
  const trimmed = baseUrl.replace(/\/+$/, '');
  const api = /\/api\/v\d+$/.test(trimmed) ? trimmed : `${trimmed}/api/v1`;
  const query = new URLSearchParams({ locale, ...(showCpr ? { showCpr: 'true' } : {}) });
  return `${api}/submissions/${encodeURIComponent(submissionId)}/document.pdf?${query}`;
}

/** `GET {api}/submissions/{id}/document.pdf`: writes the server's document, or prints its problem. */
export async function documentThroughApi(input: ApiDocumentInput, io: Io): Promise<number> {
  const t = PDF_TEXT[input.locale];
  if (!/^https?:\/\//i.test(input.baseUrl)) throw new CliError(t.apiUrl(input.baseUrl));
  const url = documentUrl(input.baseUrl, input.submissionId, input.locale, input.showCpr);
  let response: Response;
  try {
    response = await fetch(url, {
      headers: {
        Accept: 'application/pdf, application/problem+json',
        'Accept-Language': input.locale,
        Authorization: `Bearer ${input.token}`,
      },
    });
  } catch (e) {
    const cause = (e as { cause?: { code?: string; message?: string } }).cause;
    throw new CliError(t.unreachable(url, cause?.code ?? cause?.message ?? (e as Error).message));
  }
  const type = response.headers.get('content-type') ?? '';
  if (!response.ok) {
    let problem: { code?: string; type?: string; title?: string; detail?: string } = {};
    try {
      problem = (await response.json()) as typeof problem;
    } catch {
      // Not a problem document: the status says enough.
    }
    const code = problem.code ?? problem.type?.split('/').filter(Boolean).pop() ?? 'unknown';
    io.err(`skema pdf: ${t.refused(response.status, code)}: ${problem.detail ?? problem.title ?? response.statusText}`);
    // 404/409/422: this submission has no document to give; anything else is a problem with the request or the server.
    return [404, 409, 422].includes(response.status) ? EXIT_PROBLEMS : 2;
  }
  if (!type.startsWith('application/pdf')) throw new CliError(t.notPdf(type || '—'));
  const pdf = Buffer.from(await response.arrayBuffer());
  writeFileSync(resolve(input.out), pdf);
  io.out(t.written(input.out, pdf.length));
  return EXIT_OK;
}
