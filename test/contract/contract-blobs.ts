import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BlobTooLargeError, type AttachmentRecord, type BlobInspector, type BlobStore } from '@skema/core';
import { tenant } from './fixtures.js';

export interface BlobHarness {
  store: BlobStore;
  /** Whatever the store keeps on disk or in tables besides committed blobs (temp files): must be empty after a failed put. */
  leftovers?(): Promise<string[]>;
  cleanup(): Promise<void>;
}

const pdf = (bytes: number): Uint8Array => {
  const b = new Uint8Array(bytes).fill(0x41);
  b.set(new TextEncoder().encode('%PDF-1.7\n'));
  return b;
};

async function* chunks(data: Uint8Array, size = 65536, failAt?: number): AsyncGenerator<Uint8Array> {
  for (let at = 0; at < data.byteLength; at += size) {
    if (failAt !== undefined && at >= failAt) throw new Error('connection reset');
    yield data.subarray(at, at + size);
  }
}

const accept: BlobInspector = { head: async () => 'application/pdf' };
const record = (tenantId: string, id: string): Omit<AttachmentRecord, 'size' | 'sha256' | 'mediaType'> => ({
  id,
  tenantId,
  owner: { kind: 'submission', id: 's1' },
  fileName: 'notat.pdf',
  createdAt: '2026-03-01T09:00:00.000Z',
  createdBy: 'sara',
});

async function bytesOf(stream: AsyncIterable<Uint8Array> | undefined): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const c of stream ?? []) parts.push(Buffer.from(c));
  return Buffer.concat(parts);
}

/** Every BlobStore: streams in and out exactly, hashes, isolates tenants, and leaves nothing after a refused, oversized or cut-off upload. */
export function runBlobContract(name: string, make: () => Promise<BlobHarness>): void {
  describe(`BlobStore contract: ${name}`, () => {
    let h: BlobHarness;
    beforeAll(async () => {
      h = await make();
    });
    afterAll(() => h.cleanup());

    it('stores a streamed file with its size, SHA-256 and detected type, and streams it back exactly', async () => {
      const t = tenant();
      const data = pdf(700_000);
      const stored = await h.store.putBlob(record(t, 'a1'), chunks(data), { maxBytes: 1_000_000 }, accept);
      expect(stored).toMatchObject({
        id: 'a1',
        size: 700_000,
        mediaType: 'application/pdf',
        sha256: createHash('sha256').update(data).digest('hex'),
      });
      expect(await h.store.getBlob(t, 'a1')).toEqual(stored);
      expect((await bytesOf(await h.store.readBlob(t, 'a1'))).equals(Buffer.from(data))).toBe(true);
      expect(await h.store.listBlobs(t, { kind: 'submission', id: 's1' })).toEqual([stored]);
      expect(await h.store.tenantUsage(t)).toBe(700_000);
      expect(await h.store.getBlob(tenant(), 'a1')).toBeUndefined();
      expect(await h.store.readBlob(tenant(), 'a1')).toBeUndefined();
    });

    it('inspects only the head, and a refusal stores nothing', async () => {
      const t = tenant();
      let seen = 0;
      const refuse: BlobInspector = {
        head: async (head) => {
          seen = head.byteLength;
          throw new Error('not allowed');
        },
      };
      await expect(
        h.store.putBlob(record(t, 'r1'), chunks(pdf(100_000)), { maxBytes: 1_000_000 }, refuse),
      ).rejects.toThrow('not allowed');
      expect(seen).toBe(4100);
      expect(await h.store.getBlob(t, 'r1')).toBeUndefined();
      expect(await h.store.tenantUsage(t)).toBe(0);
      expect((await h.leftovers?.()) ?? []).toEqual([]);
    });

    it('lets the inspector refuse at the end (it sees the last bytes) and stores nothing', async () => {
      const t = tenant();
      let tail = 0;
      const refuseAtEnd: BlobInspector = {
        head: async () => 'application/pdf',
        end: async (last, size) => {
          tail = last.byteLength;
          expect(size).toBe(600_000);
          throw new Error('bad end');
        },
      };
      await expect(
        h.store.putBlob(record(t, 'e1'), chunks(pdf(600_000)), { maxBytes: 1_000_000 }, refuseAtEnd),
      ).rejects.toThrow('bad end');
      expect(tail).toBe(256 * 1024);
      expect(await h.store.getBlob(t, 'e1')).toBeUndefined();
      expect((await h.leftovers?.()) ?? []).toEqual([]);
    });

    it('refuses a stream past the limit and stores nothing', async () => {
      const t = tenant();
      await expect(
        h.store.putBlob(record(t, 'big'), chunks(pdf(300_000)), { maxBytes: 200_000 }, accept),
      ).rejects.toBeInstanceOf(BlobTooLargeError);
      expect(await h.store.getBlob(t, 'big')).toBeUndefined();
      expect((await h.leftovers?.()) ?? []).toEqual([]);
    });

    it('stores nothing from an upload cut off mid-stream', async () => {
      const t = tenant();
      await expect(
        h.store.putBlob(record(t, 'cut'), chunks(pdf(500_000), 65536, 300_000), { maxBytes: 1_000_000 }, accept),
      ).rejects.toThrow('connection reset');
      expect(await h.store.getBlob(t, 'cut')).toBeUndefined();
      expect(await h.store.tenantUsage(t)).toBe(0);
      expect((await h.leftovers?.()) ?? []).toEqual([]);
    });

    it('deletes content and metadata', async () => {
      const t = tenant();
      await h.store.putBlob(record(t, 'd1'), chunks(pdf(10)), { maxBytes: 100 }, accept);
      expect(await h.store.deleteBlob(t, 'd1')).toBe(true);
      expect(await h.store.getBlob(t, 'd1')).toBeUndefined();
      expect(await h.store.deleteBlob(t, 'd1')).toBe(false);
    });
  });
}
