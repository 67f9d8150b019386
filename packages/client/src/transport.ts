import type { Locale } from '@skema/core';
import { noAnswer, problemOf, SkemaApiError } from './errors.js';
import type { AttachmentRecord } from '@skema/core';
import { uploadFile, type UploadOptions } from './upload.js';
import {
  DEFAULT_RETRY,
  isIdempotent,
  parseRetryAfter,
  retryableStatus,
  retryDelay,
  sleep,
  type RetryOptions,
} from './retry.js';

export interface TransportOptions {
  /** `https://host` or `https://host/api/v1`; '' (default) is the page's own origin. */
  baseUrl?: string;
  /** The API key, sent as `Authorization: Bearer …`. */
  token?: string;
  /** `Accept-Language` of every call: messages come in this language (default `da`). */
  locale?: Locale;
  /** Another fetch (tests, a proxy, an older runtime). */
  fetch?: typeof fetch;
  /** Time for one attempt before it is given up as `timeout` (default 30 000 ms; 0: none). */
  timeoutMs?: number;
  retry?: RetryOptions;
  /** How to wait between attempts (tests, custom schedulers); defaults to a timer. */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
}

export interface CallOptions {
  body?: unknown;
  headers?: Record<string, string>;
  signal?: AbortSignal;
  /** A POST that changes nothing (validation, checks, previews), so it is as safe to retry as a read. */
  idempotent?: boolean;
  /** A binary answer (a document): the body is the response's Blob; a refusal is still problem+json. */
  accept?: string;
}

export interface Answer<T> {
  body: T;
  status: number;
  /** The entity tag: send it as `If-Match` with the next change. */
  etag?: string;
}

/** `https://host` and `https://host/api/v1` both name the API; '' is the page's own origin. */
export function apiBase(apiUrl = ''): string {
  const trimmed = apiUrl.replace(/\/+$/, '');
  return /\/api\/v\d+$/.test(trimmed) ? trimmed : `${trimmed}/api/v1`;
}

/** One JSON call with timeouts, retries of idempotent calls and problem details as errors. */
export class Transport {
  readonly base: string;
  private readonly retry: Required<RetryOptions>;

  constructor(private readonly options: TransportOptions = {}) {
    this.base = apiBase(options.baseUrl);
    this.retry = { ...DEFAULT_RETRY, ...options.retry };
  }

  async call<T>(method: string, path: string, call: CallOptions = {}): Promise<Answer<T>> {
    const headers = call.headers ?? {};
    const retries = call.idempotent || isIdempotent(method, headers) ? this.retry.retries : 0;
    const wait = this.options.sleep ?? sleep;
    for (let attempt = 0; ; attempt++) {
      try {
        return await this.once<T>(method, path, call);
      } catch (error) {
        if (!(error instanceof SkemaApiError) || attempt >= retries || !retryableStatus(error.status)) throw error;
        const delay = retryDelay(attempt, error.status, error.retryAfter, this.retry);
        if (delay === undefined) throw error;
        await wait(delay, call.signal);
      }
    }
  }

  /** A file as the request body, with progress where the runtime can report it (see `uploadFile`). */
  upload(path: string, body: Blob, options: UploadOptions): Promise<AttachmentRecord> {
    const { token, locale = 'da', fetch: customFetch } = this.options;
    return uploadFile(
      { url: this.base + path, locale, ...(token ? { token } : {}), ...(customFetch ? { fetch: customFetch } : {}) },
      body,
      options,
    );
  }

  private async once<T>(method: string, path: string, call: CallOptions): Promise<Answer<T>> {
    const { token, locale = 'da', timeoutMs = 30_000 } = this.options;
    const doFetch = this.options.fetch ?? ((...args: Parameters<typeof fetch>) => fetch(...args));
    const attempt = new AbortController();
    const onAbort = () => attempt.abort(call.signal?.reason);
    if (call.signal?.aborted) throw call.signal.reason;
    call.signal?.addEventListener('abort', onAbort, { once: true });
    let timedOut = false;
    const timer =
      timeoutMs > 0
        ? setTimeout(() => {
            timedOut = true;
            attempt.abort();
          }, timeoutMs)
        : undefined;
    try {
      const response = await doFetch(this.base + path, {
        method,
        headers: {
          Accept: call.accept
            ? `${call.accept}, application/problem+json`
            : 'application/json, application/problem+json',
          'Accept-Language': locale,
          ...(call.body !== undefined ? { 'Content-Type': 'application/json' } : {}),
          ...(token ? { Authorization: `Bearer ${token}` } : {}),
          ...call.headers,
        },
        ...(call.body !== undefined ? { body: JSON.stringify(call.body) } : {}),
        signal: attempt.signal,
      });
      const etag = response.headers.get('ETag') ?? undefined;
      // A binary answer is read as it came; only a refusal's body is parsed as a problem document.
      if (call.accept && response.ok)
        return { body: (await response.blob()) as T, status: response.status, ...(etag ? { etag } : {}) };
      const text = await response.text();
      const parsed = parseJson(text);
      if (!response.ok) {
        throw new SkemaApiError(
          response.status,
          problemOf(response.status, response.statusText, parsed),
          parseRetryAfter(response.headers.get('Retry-After')),
        );
      }
      return { body: parsed as T, status: response.status, ...(etag ? { etag } : {}) };
    } catch (error) {
      if (error instanceof SkemaApiError) throw error;
      // The caller's own abort is theirs to handle, not an API failure.
      if (call.signal?.aborted) throw call.signal.reason;
      if (!timedOut && (error as Error).name === 'AbortError') throw error;
      if (timedOut) throw noAnswer('timeout', `No answer within ${timeoutMs} ms`);
      // Node's fetch hides the reason (ECONNREFUSED, ENOTFOUND) in `cause`.
      const cause = (error as { cause?: { code?: unknown } }).cause?.code;
      throw noAnswer('network', typeof cause === 'string' ? cause : (error as Error).message || 'Network error');
    } finally {
      clearTimeout(timer);
      call.signal?.removeEventListener('abort', onAbort);
    }
  }
}

function parseJson(text: string): unknown {
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
