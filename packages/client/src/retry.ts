/** When a failed call is tried again. */
export interface RetryOptions {
  /** Further attempts after the first (default 2). 0 turns retries off. */
  retries?: number;
  /** Delay before the first retry, doubled for each further one (default 250 ms). */
  baseDelayMs?: number;
  /** Upper bound of a backoff delay (default 5 000 ms). */
  maxDelayMs?: number;
  /** A `Retry-After` longer than this is not waited for: the error is thrown (default 30 000 ms). */
  maxRetryAfterMs?: number;
}

/** Statuses worth another attempt of an idempotent call: overload and gateway trouble. */
const RETRY_STATUSES = new Set([408, 429, 502, 503, 504]);

/**
 * Only a call that has the same effect when repeated may be retried: a read, a change conditioned
 * on the revision it read (`If-Match`), or a create the server deduplicates (`Idempotency-Key`). A
 * plain POST may have been applied before its answer was lost.
 */
export function isIdempotent(method: string, headers: Record<string, string>): boolean {
  const m = method.toUpperCase();
  if (m === 'GET' || m === 'HEAD') return true;
  if (m === 'PUT' || m === 'DELETE') return 'If-Match' in headers;
  return m === 'POST' && 'Idempotency-Key' in headers;
}

export function retryableStatus(status: number): boolean {
  return status === 0 || RETRY_STATUSES.has(status);
}

/**
 * The wait before retry number `attempt` (0-based): the server's `Retry-After` for 429 and 503
 * when it sent one, else exponential backoff. `undefined`: do not retry (the server asked for a
 * longer wait than the caller accepts).
 */
export function retryDelay(
  attempt: number,
  status: number,
  retryAfterSeconds: number | undefined,
  options: Required<RetryOptions>,
): number | undefined {
  if ((status === 429 || status === 503) && retryAfterSeconds !== undefined) {
    const ms = retryAfterSeconds * 1000;
    return ms > options.maxRetryAfterMs ? undefined : ms;
  }
  return Math.min(options.maxDelayMs, options.baseDelayMs * 2 ** attempt);
}

/** `Retry-After` in seconds: delta-seconds or an HTTP date. */
export function parseRetryAfter(value: string | null, now = Date.now()): number | undefined {
  if (!value) return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed);
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? undefined : Math.max(0, Math.ceil((date - now) / 1000));
}

export const DEFAULT_RETRY: Required<RetryOptions> = {
  retries: 2,
  baseDelayMs: 250,
  maxDelayMs: 5_000,
  maxRetryAfterMs: 30_000,
};

/** Waits, or rejects with the signal's reason when it aborts first. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors -- rejects with the signal's own reason, as fetch does
    if (signal?.aborted) return reject(signal.reason);
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors -- rejects with the signal's own reason, as fetch does
      reject(signal?.reason);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
