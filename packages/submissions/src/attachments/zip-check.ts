import { AttachmentTypeError } from './media-types.js';

/** Most a Word file may unpack to, in all and relative to its size: far above any real document. */
const MAX_UNPACKED = 256 * 1024 * 1024;
const MAX_RATIO = 100;

const u16 = (b: Uint8Array, at: number): number => b[at]! | (b[at + 1]! << 8);
const u32 = (b: Uint8Array, at: number): number => (u16(b, at) + u16(b, at + 2) * 0x10000) >>> 0;

/**
 * Refuses a zip-based upload (docx) that would unpack to far more than it is (a zip bomb), from
 * the sizes its central directory declares. Nothing is unpacked: the directory sits at the end of
 * the file, within the tail the store keeps. A zip whose directory cannot be read there, or that
 * needs zip64, is refused too (no Word document is that large).
 */
export async function checkZipEnd(tail: Uint8Array, size: number, mediaType: string): Promise<void> {
  if (mediaType !== 'application/vnd.openxmlformats-officedocument.wordprocessingml.document') return;
  let eocd = -1;
  for (let i = tail.byteLength - 22; i >= Math.max(0, tail.byteLength - 22 - 65535); i--) {
    if (u32(tail, i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new AttachmentTypeError('application/zip (damaged)');
  const entries = u16(tail, eocd + 10);
  const dirSize = u32(tail, eocd + 12);
  const dirOffset = u32(tail, eocd + 16);
  if (entries === 0xffff || dirOffset === 0xffffffff) throw new AttachmentTypeError('application/zip (zip64)');
  // Where the directory starts in the tail: the file's offset, shifted by what the tail left out.
  let at = eocd - dirSize;
  if (at < 0 || dirOffset + dirSize > size) throw new AttachmentTypeError('application/zip (damaged)');
  let unpacked = 0;
  for (let n = 0; n < entries; n++) {
    if (at + 46 > eocd || u32(tail, at) !== 0x02014b50) throw new AttachmentTypeError('application/zip (damaged)');
    const packed = u32(tail, at + 20);
    const plain = u32(tail, at + 24);
    if (packed === 0xffffffff || plain === 0xffffffff) throw new AttachmentTypeError('application/zip (zip64)');
    unpacked += plain;
    at += 46 + u16(tail, at + 28) + u16(tail, at + 30) + u16(tail, at + 32);
  }
  if (unpacked > MAX_UNPACKED || unpacked > MAX_RATIO * Math.max(size, 1024 * 1024)) {
    throw new AttachmentTypeError(`application/zip (unpacks to ${Math.round(unpacked / 1024 / 1024)} MB)`);
  }
}
