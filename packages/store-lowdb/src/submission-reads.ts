import type { Submission, SubmissionFilter, SubmissionPage, SubmissionRevision } from '@skema/core';
import { readCheckedDoc } from './checked-read.js';
import { decodeCursor, encodeCursor, pageSize } from './cursor.js';
import type { SubmissionDoc } from './doc.js';
import { docPath, normaliseInstant, shapeProblem } from './doc.js';
import { withStatusChangedAt } from './records.js';
import type { StoreParts } from './store-parts.js';

/** Submission reads: the index says which files to open, and every answer comes from the file itself. */
export class SubmissionReads {
  constructor(private readonly parts: StoreParts) {}

  async get(tenantId: string, id: string): Promise<Submission | undefined> {
    return (await this.readOwned(tenantId, id))?.submission;
  }

  async revisions(tenantId: string, id: string): Promise<SubmissionRevision[]> {
    return (await this.readOwned(tenantId, id))?.revisions ?? [];
  }

  async list(tenantId: string, filter: SubmissionFilter): Promise<SubmissionPage> {
    const limit = pageSize(filter.limit);
    const after = filter.cursor ? decodeCursor(filter.cursor) : undefined;
    const sinceMs = filter.updatedSince === undefined ? undefined : Date.parse(normaliseInstant(filter.updatedSince, 'updatedSince'));
    const { entries, more } = this.parts.index.page(
      tenantId,
      {
        ...(filter.formId !== undefined ? { formId: filter.formId } : {}),
        ...(filter.version !== undefined ? { version: filter.version } : {}),
        ...(filter.status !== undefined ? { status: filter.status } : {}),
        ...(sinceMs !== undefined ? { sinceMs } : {}),
      },
      after,
      limit,
    );
    const docs = await Promise.all(entries.map((e) => this.readDoc(e.id)));
    // A file deleted since the index was read is simply left out of the page.
    const items = docs.filter((d): d is SubmissionDoc => d?.submission.tenantId === tenantId).map((d) => d.submission);
    const last = entries.at(-1);
    return more && last ? { items, nextCursor: encodeCursor({ ms: last.updatedAtMs, id: last.id }) } : { items };
  }

  async readDoc(id: string): Promise<SubmissionDoc | undefined> {
    const doc = await readCheckedDoc<SubmissionDoc>(docPath(this.parts.dataDir, id), (d) => shapeProblem(d, id));
    return doc && withStatusChangedAt(doc);
  }

  /** Tenant scoping: another tenant's id reads exactly like an absent one. */
  async readOwned(tenantId: string, id: string): Promise<SubmissionDoc | undefined> {
    if (this.parts.index.get(id)?.tenantId !== tenantId) return undefined;
    const doc = await this.readDoc(id);
    return doc?.submission.tenantId === tenantId ? doc : undefined;
  }
}
