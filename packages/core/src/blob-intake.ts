import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import {
  BLOB_HEAD_BYTES,
  BLOB_TAIL_BYTES,
  BlobTooLargeError,
  type BlobInspector,
  type BlobLimits,
} from './blob-store.js';

export interface BlobIntake {
  /** The content, passed on chunk by chunk once its head was inspected; throws past the limit. */
  chunks: AsyncIterable<Uint8Array>;
  /** After `chunks` is exhausted: what was taken in. */
  result(): { size: number; sha256: string; mediaType: string };
}

/**
 * What every blob store does with an upload, in one place: holds back the first bytes until the
 * type detection has seen them (a refused file is never written), counts bytes against the limit
 * and hashes as the content passes. Streams: memory use is one chunk plus the head.
 */
/** An incremental SHA-256; a store on Node passes `node:crypto`'s (several times faster than the portable one). */
export interface BlobHasher {
  update(chunk: Uint8Array): unknown;
  digestHex(): string;
}

const portableSha256 = (): BlobHasher => {
  const h = sha256.create();
  return { update: (chunk) => h.update(chunk), digestHex: () => bytesToHex(h.digest()) };
};

export function blobIntake(
  content: AsyncIterable<Uint8Array>,
  limits: BlobLimits,
  inspect: BlobInspector,
  hasher: BlobHasher = portableSha256(),
): BlobIntake {
  const hash = hasher;
  let size = 0;
  let mediaType: string | undefined;
  let done = false;
  async function* chunks(): AsyncGenerator<Uint8Array> {
    const held: Uint8Array[] = [];
    let heldBytes = 0;
    // The last bytes, for `inspect.end`: kept as chunks, trimmed when more than the tail is held.
    const tail: Uint8Array[] = [];
    let tailBytes = 0;
    const count = (chunk: Uint8Array): void => {
      size += chunk.byteLength;
      if (size > limits.maxBytes) throw new BlobTooLargeError(limits.maxBytes);
      hash.update(chunk);
      if (!inspect.end) return;
      // Kept by reference: a source must not reuse a chunk's buffer once yielded (Node streams do not).
      tail.push(chunk);
      tailBytes += chunk.byteLength;
      while (tail.length > 1 && tailBytes - tail[0]!.byteLength >= BLOB_TAIL_BYTES)
        tailBytes -= tail.shift()!.byteLength;
    };
    const release = async function* (): AsyncGenerator<Uint8Array> {
      const head = concat(held, heldBytes).subarray(0, BLOB_HEAD_BYTES);
      mediaType = await inspect.head(head);
      yield* held;
      held.length = 0;
    };
    for await (const chunk of content) {
      count(chunk);
      if (mediaType !== undefined) {
        yield chunk;
        continue;
      }
      held.push(chunk);
      heldBytes += chunk.byteLength;
      if (heldBytes >= BLOB_HEAD_BYTES) yield* release();
    }
    if (mediaType === undefined) yield* release();
    if (inspect.end) {
      const all = concat(tail, tailBytes);
      await inspect.end(all.subarray(Math.max(0, all.byteLength - BLOB_TAIL_BYTES)), size, mediaType!);
    }
    done = true;
  }
  return {
    chunks: chunks(),
    result() {
      if (!done || mediaType === undefined) throw new Error('blobIntake: the content was not taken in completely');
      return { size, sha256: hash.digestHex(), mediaType };
    },
  };
}

function concat(parts: readonly Uint8Array[], total: number): Uint8Array {
  const out = new Uint8Array(total);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.byteLength;
  }
  return out;
}
