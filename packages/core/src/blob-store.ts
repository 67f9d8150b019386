/** What an attachment belongs to: a submission or a case. */
export interface AttachmentOwner {
  kind: 'submission' | 'case';
  id: string;
}

/** A stored file's metadata; the bytes live in the blob store, never in a JSON document. */
export interface AttachmentRecord {
  id: string;
  tenantId: string;
  owner: AttachmentOwner;
  /** The name the uploader gave (a base name, no path). */
  fileName: string;
  /** Detected from the content (magic bytes), never from the name or the request's type. */
  mediaType: string;
  size: number;
  /** Hex SHA-256 of the content. */
  sha256: string;
  createdAt: string;
  createdBy: string;
}

/**
 * Checks an upload as it passes: `head` sees the first bytes (at most `BLOB_HEAD_BYTES`) and
 * returns the media type or throws to refuse before anything is written; `end` sees the last bytes
 * (at most `BLOB_TAIL_BYTES`, e.g. a zip's central directory) and may still refuse before the
 * store commits.
 */
export interface BlobInspector {
  head(head: Uint8Array): Promise<string>;
  end?(tail: Uint8Array, size: number, mediaType: string): Promise<void>;
}

/** Bytes `BlobInspector.end` sees: a zip's end record and a Word document's central directory fit. */
export const BLOB_TAIL_BYTES = 256 * 1024;

/** What a put was allowed to take; a stream longer than `maxBytes` is refused with `BlobTooLargeError`. */
export interface BlobLimits {
  maxBytes: number;
}

/**
 * Files outside the JSON documents: content and metadata of attachments, per tenant. `put`
 * streams (never holds a whole file in memory), hashes as it writes, and stores nothing when the
 * stream fails, is cut off or is too large. Implementations: files with fsync (embedded), a table
 * (PostgreSQL), memory (tests); an S3-compatible store can implement the same contract.
 */
export interface BlobStore {
  /**
   * Stores the stream's bytes under `record.id` once `inspect` accepted their beginning and end.
   */
  putBlob(
    record: Omit<AttachmentRecord, 'size' | 'sha256' | 'mediaType'>,
    content: AsyncIterable<Uint8Array>,
    limits: BlobLimits,
    inspect: BlobInspector,
  ): Promise<AttachmentRecord>;
  getBlob(tenantId: string, id: string): Promise<AttachmentRecord | undefined>;
  /** The content, streamed; undefined when absent (or another tenant's). */
  readBlob(tenantId: string, id: string): Promise<AsyncIterable<Uint8Array> | undefined>;
  listBlobs(tenantId: string, owner: AttachmentOwner): Promise<AttachmentRecord[]>;
  /** Removes content and metadata (retention); false when absent. */
  deleteBlob(tenantId: string, id: string): Promise<boolean>;
  /** Bytes a tenant stores, for its quota. */
  tenantUsage(tenantId: string): Promise<number>;
}

/** Bytes the type detection sees: enough for every magic number on the allow-list. */
export const BLOB_HEAD_BYTES = 4100;

/** A stream longer than the limit: nothing was stored. */
export class BlobTooLargeError extends Error {
  override readonly name = 'BlobTooLargeError';
  constructor(readonly maxBytes: number) {
    super(`The content is larger than ${maxBytes} bytes`);
  }
}
