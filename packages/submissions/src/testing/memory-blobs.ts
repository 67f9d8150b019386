import {
  blobIntake,
  type AttachmentOwner,
  type AttachmentRecord,
  type BlobInspector,
  type BlobLimits,
  type BlobStore,
} from '@skema/core';

/** An in-memory `BlobStore` for tests; a refused or failed put stores nothing, as the contract asks. */
export class MemoryBlobStore implements BlobStore {
  private readonly blobs = new Map<string, { record: AttachmentRecord; bytes: Uint8Array[] }>();

  async putBlob(
    record: Omit<AttachmentRecord, 'size' | 'sha256' | 'mediaType'>,
    content: AsyncIterable<Uint8Array>,
    limits: BlobLimits,
    inspect: BlobInspector,
  ): Promise<AttachmentRecord> {
    const intake = blobIntake(content, limits, inspect);
    const bytes: Uint8Array[] = [];
    for await (const chunk of intake.chunks) bytes.push(chunk.slice());
    const stored: AttachmentRecord = { ...record, ...intake.result() };
    this.blobs.set(`${record.tenantId}\u0000${record.id}`, { record: stored, bytes });
    return structuredClone(stored);
  }

  async getBlob(tenantId: string, id: string): Promise<AttachmentRecord | undefined> {
    const blob = this.blobs.get(`${tenantId}\u0000${id}`);
    return blob ? structuredClone(blob.record) : undefined;
  }

  async readBlob(tenantId: string, id: string): Promise<AsyncIterable<Uint8Array> | undefined> {
    const blob = this.blobs.get(`${tenantId}\u0000${id}`);
    if (!blob) return undefined;
    return (async function* () {
      yield* blob.bytes;
    })();
  }

  async listBlobs(tenantId: string, owner: AttachmentOwner): Promise<AttachmentRecord[]> {
    return [...this.blobs.values()]
      .map((b) => b.record)
      .filter((r) => r.tenantId === tenantId && r.owner.kind === owner.kind && r.owner.id === owner.id);
  }

  async deleteBlob(tenantId: string, id: string): Promise<boolean> {
    return this.blobs.delete(`${tenantId}\u0000${id}`);
  }

  async tenantUsage(tenantId: string): Promise<number> {
    return [...this.blobs.values()]
      .filter((b) => b.record.tenantId === tenantId)
      .reduce((sum, b) => sum + b.record.size, 0);
  }

  /** Blobs stored, for tests that check nothing was left behind. */
  get count(): number {
    return this.blobs.size;
  }
}
