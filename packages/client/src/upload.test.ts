import { describe, expect, it, vi } from 'vitest';
import { SkemaAttachmentsClient } from './attachments.js';
import { SkemaClient } from './client.js';
import { SkemaApiError } from './errors.js';

const record = {
  id: 'a1',
  tenantId: 't',
  owner: { kind: 'case', id: 'c 1' },
  fileName: 'ppv rapport.pdf',
  mediaType: 'application/pdf',
  size: 4,
  sha256: 'f'.repeat(64),
  createdAt: '2026-06-01T10:00:00.000Z',
  createdBy: 'k',
};

function setup(answer: () => Response) {
  const calls: Array<{ url: string; init: RequestInit }> = [];
  const fetchImpl = vi.fn(async (input: RequestInfo | URL, init: RequestInit = {}) => {
    calls.push({ url: input instanceof Request ? input.url : input.toString(), init });
    return answer();
  });
  const files = new SkemaAttachmentsClient(
    new SkemaClient({ baseUrl: 'https://skema.test', token: 'key', fetch: fetchImpl }),
  );
  return { calls, files };
}

describe('SkemaAttachmentsClient', () => {
  it('uploads the file as the body, the name in ?name=, and reports the end as progress', async () => {
    const { calls, files } = setup(
      () =>
        new Response(JSON.stringify(record), {
          status: 201,
          headers: { 'Content-Type': 'application/json' },
        }),
    );
    const progress = vi.fn();
    const stored = await files.upload({ kind: 'case', id: 'c 1' }, new Blob(['%PDF']), {
      fileName: 'ppv rapport.pdf',
      onProgress: progress,
    });
    expect(stored).toEqual(record);
    expect(calls[0]?.url).toBe('https://skema.test/api/v1/cases/c%201/attachments?name=ppv%20rapport.pdf');
    expect(calls[0]?.init.method).toBe('POST');
    expect(calls[0]?.init.headers).toMatchObject({
      Authorization: 'Bearer key',
      'Content-Type': 'application/octet-stream',
      'Accept-Language': 'da',
    });
    expect(calls[0]?.init.body).toBeInstanceOf(Blob);
    expect(progress).toHaveBeenLastCalledWith(4, 4);
  });

  it('turns a refusal into a SkemaApiError with the problem, and never retries an upload', async () => {
    const { calls, files } = setup(
      () =>
        new Response(
          JSON.stringify({
            type: 'https://skema.dk/problems/payload-too-large',
            title: 'Too large',
            status: 413,
            detail: 'Filen er større end grænsen på 25 MB.',
          }),
          { status: 413, headers: { 'Content-Type': 'application/problem+json' } },
        ),
    );
    const refused = files.upload({ kind: 'submission', id: 's1' }, new Blob(['x']), {
      fileName: 'stor.pdf',
    });
    await expect(refused).rejects.toBeInstanceOf(SkemaApiError);
    await expect(refused).rejects.toMatchObject({
      status: 413,
      code: 'payload-too-large',
      message: 'Filen er større end grænsen på 25 MB.',
    });
    expect(calls).toHaveLength(1);
  });

  it('deletes by id (204) and lists by owner', async () => {
    const { calls, files } = setup(() =>
      calls.length === 1
        ? new Response(null, { status: 204 })
        : new Response(JSON.stringify({ items: [record] }), { status: 200 }),
    );
    await files.remove('a1');
    expect(calls[0]).toMatchObject({
      url: 'https://skema.test/api/v1/attachments/a1',
      init: { method: 'DELETE' },
    });
    expect(await files.list({ kind: 'submission', id: 's1' })).toEqual([record]);
    expect(calls[1]?.url).toBe('https://skema.test/api/v1/submissions/s1/attachments');
  });
});
