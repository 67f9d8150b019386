import {
  matchesSearch,
  type Submission,
  type SubmissionFilter,
  type SubmissionPage,
  type SubmissionRevision,
  type SubmissionSearch,
} from '@skema/core';
import { readCheckedDoc } from './checked-read.js';
import { decodeCursor, encodeCursor, pageSize, type ListPosition } from './cursor.js';
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
    const sinceMs =
      filter.updatedSince === undefined ? undefined : Date.parse(normaliseInstant(filter.updatedSince, 'updatedSince'));
    const indexFilter = {
      ...(filter.formId !== undefined ? { formId: filter.formId } : {}),
      ...(filter.version !== undefined ? { version: filter.version } : {}),
      ...(filter.status !== undefined ? { status: filter.status } : {}),
      ...(sinceMs !== undefined ? { sinceMs } : {}),
    };
    if (filter.search) return this.searchPage(tenantId, indexFilter, after, limit, filter.search);
    const { entries, more } = this.parts.index.page(tenantId, indexFilter, after, limit);
    const docs = await Promise.all(entries.map((e) => this.readDoc(e.id)));
    // A file deleted since the index was read is simply left out of the page.
    const items = docs.filter((d): d is SubmissionDoc => d?.submission.tenantId === tenantId).map((d) => d.submission);
    const last = entries.at(-1);
    return more && last ? { items, nextCursor: encodeCursor({ ms: last.updatedAtMs, id: last.id }) } : { items };
  }

  /**
   * A search reads the files in list order, a chunk at a time, until the page is full: the index
   * holds no data. The embedded store is for small installations; PostgreSQL searches by index.
   */
  private async searchPage(
    tenantId: string,
    indexFilter: Parameters<StoreParts['index']['page']>[1],
    after: ListPosition | undefined,
    limit: number,
    search: SubmissionSearch,
  ): Promise<SubmissionPage> {
    const items: Submission[] = [];
    let position = after;
    for (;;) {
      const { entries, more } = this.parts.index.page(tenantId, indexFilter, position, 200);
      const docs = await Promise.all(entries.map((e) => this.readDoc(e.id)));
      for (const doc of docs) {
        const s = doc?.submission;
        if (!s || s.tenantId !== tenantId || !matchesSearch(s, search)) continue;
        const last = items.at(-1);
        if (items.length === limit && last)
          return { items, nextCursor: encodeCursor({ ms: Date.parse(last.updatedAt), id: last.id }) };
        items.push(s);
      }
      const end = entries.at(-1);
      if (!more || !end) return { items };
      position = { ms: end.updatedAtMs, id: end.id };
    }
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
