import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import canonicalize from 'canonicalize';
import type { FormVersion } from './form.js';

/** RFC 8785 canonical JSON: the same content always serialises to the same bytes. */
export function canonicalJson(value: unknown): string {
  const text = (canonicalize as unknown as (v: unknown) => string | undefined)(value);
  if (text === undefined) throw new TypeError('Value cannot be serialised as JSON');
  return text;
}

export function contentHash(value: unknown): string {
  return `sha256-${bytesToHex(sha256(utf8ToBytes(canonicalJson(value))))}`;
}

/**
 * The content hash of a form version: manifest (without its status, which changes on
 * deprecation), schema, UI schema and texts. Examples are tests, not content; prefill mappings
 * (`prefill.json`) are configuration, not content: they say where a case's earlier documents fill
 * initial values from, never what is valid or asked, so adding or correcting them changes no
 * published version's hash (receipts and the lock file keep meaning what they meant).
 */
export function formContentHash(form: Omit<FormVersion, 'hash'>): string {
  const { status: _status, ...manifest } = form.manifest;
  return contentHash({ manifest, schema: form.schema, uischema: form.uischema, i18n: form.i18n });
}
