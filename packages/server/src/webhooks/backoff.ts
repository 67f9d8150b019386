/** When to try a failed delivery again: exponential with jitter, for about three days, then give up. */
export interface RetryPolicy {
  /** First retry after about this long (default 5 s). */
  baseMs: number;
  /** No wait longer than this (default 12 h). */
  maxDelayMs: number;
  /** Give up (status `failed`) once the event is older than this (default 3 days). */
  maxAgeMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  baseMs: 5_000,
  maxDelayMs: 12 * 3_600_000,
  maxAgeMs: 3 * 86_400_000,
};

/** The wait before attempt `attempts + 1`: base·2^(attempts−1), capped, with ±25 % jitter so retries of many deliveries spread out. */
export function backoffMs(policy: RetryPolicy, attempts: number, random: () => number = Math.random): number {
  const exp = Math.min(policy.maxDelayMs, policy.baseMs * 2 ** Math.max(0, attempts - 1));
  return Math.round(exp * (0.75 + random() * 0.5));
}

/** `Retry-After` as seconds or an HTTP date, in ms from `now`; undefined when absent or unreadable. */
export function retryAfterMs(header: string | undefined, now: Date): number | undefined {
  if (!header) return undefined;
  if (/^\d+$/.test(header.trim())) return Number(header.trim()) * 1000;
  const at = Date.parse(header);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now.getTime());
}
