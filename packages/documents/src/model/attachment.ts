import { ATTACHMENT_KEYWORD, isAttachmentRef, type AttachmentRef, type Locale } from '@skema/core';
import { formatNumber } from './format.js';
import type { SchemaNode } from './schema-nodes.js';

/** True for a value the form declares as an attachment reference (`x-skema-attachment`). */
export function isAttachmentValue(schema: SchemaNode, value: unknown): value is AttachmentRef {
  return schema[ATTACHMENT_KEYWORD] === true && isAttachmentRef(value);
}

const SHORT_TYPES: Readonly<Record<string, string>> = {
  'application/pdf': 'PDF',
  'image/png': 'PNG',
  'image/jpeg': 'JPEG',
  'image/gif': 'GIF',
  'image/tiff': 'TIFF',
  'text/plain': 'tekst',
  'application/msword': 'Word',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'Word',
};

function size(bytes: number, locale: Locale): string {
  if (bytes < 1024) return `${formatNumber(bytes, locale)} B`;
  if (bytes < 1024 * 1024) return `${formatNumber(Math.round((bytes / 1024) * 10) / 10, locale)} kB`;
  return `${formatNumber(Math.round((bytes / 1024 / 1024) * 10) / 10, locale)} MB`;
}

/**
 * One attached file as the document shows it: its name, then type, size and a short SHA-256
 * (first eight and last four hex digits, enough to compare with the stored file by eye), e.g.
 * «ppv-2026.pdf (PDF, 120,5 kB, SHA-256 3f2a9c01…9c1d)». The name may be masked by the caller.
 */
export function formatAttachment(
  ref: AttachmentRef,
  locale: Locale,
  name: (fileName: string) => string = (n) => n,
): string {
  const facts: string[] = [];
  if (ref.mediaType)
    facts.push(
      SHORT_TYPES[ref.mediaType] === 'tekst' && locale === 'en'
        ? 'text'
        : (SHORT_TYPES[ref.mediaType] ?? ref.mediaType),
    );
  if (typeof ref.size === 'number') facts.push(size(ref.size, locale));
  if (ref.sha256) facts.push(`SHA-256 ${ref.sha256.slice(0, 8)}…${ref.sha256.slice(-4)}`);
  return facts.length > 0 ? `${name(ref.fileName)} (${facts.join(', ')})` : name(ref.fileName);
}
