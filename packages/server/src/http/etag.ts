import type { Request } from 'express';
import type { ExpectedRevision } from '@skema/submissions';

/** Strong entity tag for a submission revision: `"<id>:<revision>"`. */
export function submissionEtag(id: string, revision: number): string {
  return `"${id}:${revision}"`;
}

function tags(header: string): string[] {
  return header
    .split(',')
    .map((t) => t.trim())
    .filter((t) => t.length > 0);
}

/** True when If-None-Match names the tag (weak comparison, as RFC 9110 asks for GET). */
export function ifNoneMatchHits(req: Request, etag: string): boolean {
  const header = req.get('if-none-match');
  if (!header) return false;
  return tags(header).some((t) => t === '*' || t.replace(/^W\//, '') === etag);
}

/**
 * The revision an If-Match header expects for this submission, `'any'` for `*`, or
 * `undefined` when it names another entity (which can never match: 412).
 */
export function expectedRevision(header: string, id: string): number | 'any' | undefined {
  for (const tag of tags(header)) {
    if (tag === '*') return 'any';
    const match = /^"(.+):(\d+)"$/.exec(tag);
    if (match && match[1] === id) return Number(match[2]);
  }
  return undefined;
}

/**
 * The revision a write expects, from If-Match: `undefined` without the header (the use case
 * answers 428), `'any'` for `*`, else the named revision; a tag naming another entity can never
 * match, so it becomes 0 (revisions start at 1) and the write answers 412.
 */
export function ifMatchOf(req: Request, id: string): ExpectedRevision {
  const header = req.get('if-match');
  if (!header) return undefined;
  return expectedRevision(header, id) ?? 0;
}
