import { fileTypeFromBuffer } from 'file-type';
import { SubmissionError } from '../errors.js';

/**
 * The allow-list, by detected type: PDF, images, Word (docx, and the old .doc container) and
 * plain text. Detection reads magic bytes of the first 4 100 bytes only; the name and the
 * request's Content-Type are never trusted. A zip-based type is recognised from its first entry's
 * header; nothing is unpacked beyond what those bytes hold, so a zip bomb costs at most that (its
 * size is bounded by the upload limit, and a plain zip is not on the list).
 */
const ALLOWED: Readonly<Record<string, string>> = {
  'application/pdf': 'application/pdf',
  'image/png': 'image/png',
  'image/jpeg': 'image/jpeg',
  'image/gif': 'image/gif',
  'image/webp': 'image/webp',
  'image/tiff': 'image/tiff',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document':
    'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  // The compound file container of .doc: named for what it holds here (Word is what the list allows).
  'application/x-cfb': 'application/msword',
};

export const ALLOWED_MEDIA_TYPES: readonly string[] = [...new Set([...Object.values(ALLOWED), 'text/plain'])];

/** The type is not on the allow-list (or could not be recognised). */
export class AttachmentTypeError extends SubmissionError {
  override readonly name = 'AttachmentTypeError';
  constructor(detected: string | undefined) {
    super(
      'attachment-type',
      {
        da: `Filtypen ${detected ?? '(ukendt)'} må ikke vedhæftes; tilladt er PDF, billeder (PNG, JPEG, GIF, WebP, TIFF), Word og ren tekst.`,
        en: `Files of type ${detected ?? '(unknown)'} cannot be attached; allowed are PDF, images (PNG, JPEG, GIF, WebP, TIFF), Word and plain text.`,
      },
      undefined,
      { detected: detected ?? null, allowed: ALLOWED_MEDIA_TYPES },
    );
  }
}

/** Plain text: valid UTF-8 without control characters other than tab, line breaks and form feed. */
function isPlainText(head: Uint8Array): boolean {
  if (head.byteLength === 0) return false;
  for (const b of head) if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c) return false;
  try {
    // A multi-byte character cut at the end of the head is not an error.
    new TextDecoder('utf-8', { fatal: true }).decode(head.byteLength === 4100 ? trimPartial(head) : head);
    return true;
  } catch {
    return false;
  }
}

function trimPartial(head: Uint8Array): Uint8Array {
  const end = head.byteLength;
  for (let i = 1; i <= 3 && end - i >= 0; i++) {
    const b = head[end - i]!;
    if ((b & 0xc0) === 0xc0) return head.subarray(0, end - i);
    if ((b & 0x80) === 0) break;
  }
  return head;
}

/** The media type of a file from its first bytes, or `AttachmentTypeError`. */
export async function detectMediaType(head: Uint8Array): Promise<string> {
  const detected = await fileTypeFromBuffer(head);
  if (detected) {
    const allowed = ALLOWED[detected.mime];
    if (!allowed) throw new AttachmentTypeError(detected.mime);
    return allowed;
  }
  if (isPlainText(head)) return 'text/plain';
  throw new AttachmentTypeError(undefined);
}
