import { createTestApp, fixtureData, TEST_KEYS, testConfig } from '@skema/server/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SkemaClient } from './client.js';
import { SkemaApiError } from './errors.js';
import { isIdempotent, parseRetryAfter } from './retry.js';
import { countingFetch, listen } from './test-server.js';

// One request a minute per key: the second call of a key is refused with 429 and Retry-After.
let api: Awaited<ReturnType<typeof listen>>;
beforeAll(async () => {
  api = await listen(createTestApp({ config: testConfig({ rateLimit: { windowMs: 60_000, limit: 1 } }) }).app);
});
afterAll(() => api.close());

/** A client whose waits are recorded instead of slept. */
function recordingClient(token: string) {
  const { fetch, calls } = countingFetch();
  const waits: number[] = [];
  const client = new SkemaClient({
    baseUrl: api.url,
    token,
    fetch,
    retry: { retries: 2, maxRetryAfterMs: 120_000 },
    sleep: async (ms) => {
      waits.push(ms);
    },
  });
  return { client, calls, waits };
}

describe('retries', () => {
  it('429 on a read: retried after Retry-After, then a typed error with retryAfter', async () => {
    const { client, calls, waits } = recordingClient(TEST_KEYS.caseworker);
    await client.listSubmissions();
    const error = (await client.listSubmissions().catch((e: unknown) => e)) as SkemaApiError;
    expect(error).toBeInstanceOf(SkemaApiError);
    expect(error.status).toBe(429);
    expect(error.retryAfter).toBeGreaterThan(0);
    expect(calls).toEqual(Array(4).fill('GET /api/v1/submissions'));
    // Each wait is the server's Retry-After (seconds), not the backoff.
    expect(waits).toHaveLength(2);
    for (const ms of waits) expect(ms).toBeGreaterThanOrEqual(1000);
  });

  it('429 on a create without Idempotency-Key: not retried (it may have been stored)', async () => {
    const { client, calls, waits } = recordingClient(TEST_KEYS.fagkonsulent);
    await client.listForms();
    const error = (await client
      .createSubmission('fixture', '1.0.0', fixtureData(), { status: 'draft' })
      .catch((e: unknown) => e)) as SkemaApiError;
    expect(error.status).toBe(429);
    expect(calls).toEqual(['GET /api/v1/forms', 'POST /api/v1/submissions']);
    expect(waits).toEqual([]);
  });

  it('429 on a create with an Idempotency-Key, and on an If-Match change: retried', async () => {
    const create = recordingClient(TEST_KEYS.fagkonsulent2);
    await create.client.listForms();
    await create.client
      .createSubmission('fixture', '1.0.0', fixtureData(), { status: 'draft', idempotencyKey: 'k-1' })
      .catch(() => undefined);
    expect(create.calls.filter((c) => c.startsWith('POST'))).toHaveLength(3);

    const update = recordingClient(TEST_KEYS.leder);
    await update.client.listForms();
    await update.client.changeStatus('any', 'submitted', { ifMatch: '*' }).catch(() => undefined);
    // A status change is a POST: If-Match makes it safe against lost updates, not idempotent.
    expect(update.calls.filter((c) => c.startsWith('POST'))).toHaveLength(1);
    await update.client.setLegalHold('any', { hold: true, reason: 'Sag 1' }, { ifMatch: '*' }).catch(() => undefined);
    expect(update.calls.filter((c) => c.startsWith('PUT'))).toHaveLength(3);
  });

  it('a Retry-After beyond maxRetryAfterMs is not waited for', async () => {
    const { fetch, calls } = countingFetch();
    const client = new SkemaClient({
      baseUrl: api.url,
      token: TEST_KEYS.admin,
      fetch,
      retry: { retries: 3, maxRetryAfterMs: 500 },
      sleep: async () => undefined,
    });
    await client.listForms();
    await expect(client.listForms()).rejects.toMatchObject({ status: 429 });
    expect(calls).toHaveLength(2);
  });

  it('a network failure of a read is retried with backoff; a timeout is a typed error', async () => {
    const waits: number[] = [];
    let attempts = 0;
    const down = (async () => {
      attempts++;
      throw new TypeError('fetch failed');
    }) as typeof fetch;
    const client = new SkemaClient({
      baseUrl: 'http://127.0.0.1:9',
      fetch: down,
      retry: { retries: 2, baseDelayMs: 100 },
      sleep: async (ms) => void waits.push(ms),
    });
    await expect(client.listForms()).rejects.toMatchObject({ status: 0, code: 'network' });
    expect(attempts).toBe(3);
    expect(waits).toEqual([100, 200]);

    const hanging = ((_url: string, init: RequestInit) =>
      new Promise((_resolve, reject) =>
        init.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))),
      )) as unknown as typeof fetch;
    const slow = new SkemaClient({ fetch: hanging, timeoutMs: 20, retry: { retries: 0 } });
    await expect(slow.listForms()).rejects.toMatchObject({ name: 'SkemaApiError', status: 0, code: 'timeout' });
  });

  it("the caller's abort rejects with the AbortError itself, without retries", async () => {
    const controller = new AbortController();
    controller.abort();
    const client = new SkemaClient({ baseUrl: api.url });
    await expect(client.listForms({ signal: controller.signal })).rejects.toMatchObject({ name: 'AbortError' });
  });
});

describe('retry rules', () => {
  it('idempotent: GET, PUT/DELETE with If-Match, POST with Idempotency-Key', () => {
    expect(isIdempotent('GET', {})).toBe(true);
    expect(isIdempotent('PUT', { 'If-Match': '"a:1"' })).toBe(true);
    expect(isIdempotent('PUT', {})).toBe(false);
    expect(isIdempotent('POST', { 'Idempotency-Key': 'k' })).toBe(true);
    expect(isIdempotent('POST', { 'If-Match': '*' })).toBe(false);
  });

  it('Retry-After in seconds or as an HTTP date', () => {
    expect(parseRetryAfter('7')).toBe(7);
    expect(parseRetryAfter(new Date(Date.UTC(2026, 0, 1, 0, 0, 30)).toUTCString(), Date.UTC(2026, 0, 1))).toBe(30);
    expect(parseRetryAfter('soon')).toBeUndefined();
  });
});
