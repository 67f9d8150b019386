import type { SubmissionStatus } from '@skema/core';
import type { FileStamp } from './adapter.js';
import type { ListPosition } from './cursor.js';

/** What `list` needs to know about a submission without opening its file. */
export interface IndexEntry {
  id: string;
  tenantId: string;
  formId: string;
  version: string;
  status: SubmissionStatus;
  updatedAtMs: number;
  stamp: FileStamp;
  idempotencyKey?: string | undefined;
}

export interface IndexFilter {
  formId?: string;
  version?: string;
  status?: SubmissionStatus;
  sinceMs?: number;
}

export interface KeyRecord {
  submissionId: string;
  requestHash: string;
}

/** Negative when a sorts before b: newest first, id descending as tiebreak. */
function order(a: ListPosition, b: ListPosition): number {
  if (a.ms !== b.ms) return b.ms - a.ms;
  return a.id < b.id ? 1 : a.id > b.id ? -1 : 0;
}

const pos = (e: IndexEntry): ListPosition => ({ ms: e.updatedAtMs, id: e.id });

/** First index whose entry does not sort before `key` (strict: after it). */
function bound(list: IndexEntry[], key: ListPosition, strict: boolean): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const c = order(pos(list[mid] as IndexEntry), key);
    if (c < 0 || (strict && c === 0)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Compact in-memory index: per tenant a sorted array, so a page is a binary search plus a short scan. */
export class SubmissionIndex {
  private readonly byId = new Map<string, IndexEntry>();
  private readonly byTenant = new Map<string, IndexEntry[]>();
  private readonly keys = new Map<string, KeyRecord>();
  private readonly strings = new Map<string, string>();

  get size(): number {
    return this.byId.size;
  }

  /** Repeated tenant/form/version strings share one copy (100k entries, a handful of distinct values). */
  intern<T extends string>(value: T): T {
    const found = this.strings.get(value);
    if (found !== undefined) return found as T;
    this.strings.set(value, value);
    return value;
  }

  get(id: string): IndexEntry | undefined {
    return this.byId.get(id);
  }

  /** Bulk load at start-up: append everything, then sort each touched tenant once (upsert would be quadratic). */
  load(entries: Iterable<IndexEntry>): void {
    const incoming = new Map<string, IndexEntry>();
    for (const e of entries) incoming.set(e.id, e);
    for (const id of incoming.keys()) this.remove(id, true);
    const touched = new Set<IndexEntry[]>();
    for (const input of incoming.values()) {
      const entry = this.interned(input);
      this.byId.set(entry.id, entry);
      touched.add(this.tenantList(entry.tenantId));
      this.tenantList(entry.tenantId).push(entry);
    }
    for (const list of touched) list.sort((a, b) => order(pos(a), pos(b)));
  }

  upsert(input: IndexEntry): void {
    const entry = this.interned(input);
    this.remove(entry.id, true);
    this.byId.set(entry.id, entry);
    const list = this.tenantList(entry.tenantId);
    list.splice(bound(list, pos(entry), false), 0, entry);
  }

  private tenantList(tenantId: string): IndexEntry[] {
    let list = this.byTenant.get(tenantId);
    if (!list) {
      list = [];
      this.byTenant.set(tenantId, list);
    }
    return list;
  }

  /** Same property set and order for every entry, so V8 keeps them compact (one hidden class). */
  private interned(input: IndexEntry): IndexEntry {
    return {
      id: input.id,
      tenantId: this.intern(input.tenantId),
      formId: this.intern(input.formId),
      version: this.intern(input.version),
      status: this.intern(input.status),
      updatedAtMs: input.updatedAtMs,
      stamp: { ino: input.stamp.ino, size: input.stamp.size, mtimeMs: input.stamp.mtimeMs },
      idempotencyKey: input.idempotencyKey,
    };
  }

  /** Removes the entry; its idempotency key goes with it unless `keepKey` (used when re-inserting). */
  remove(id: string, keepKey = false): void {
    const entry = this.byId.get(id);
    if (!entry) return;
    this.byId.delete(id);
    const list = this.byTenant.get(entry.tenantId);
    if (list) {
      const i = bound(list, pos(entry), false);
      if (list[i]?.id === id) list.splice(i, 1);
      if (list.length === 0) this.byTenant.delete(entry.tenantId);
    }
    if (!keepKey && entry.idempotencyKey !== undefined) this.keys.delete(keyOf(entry.tenantId, entry.idempotencyKey));
  }

  findKey(tenantId: string, key: string): KeyRecord | undefined {
    return this.keys.get(keyOf(tenantId, key));
  }

  setKey(tenantId: string, key: string, record: KeyRecord): void {
    this.keys.set(keyOf(tenantId, key), record);
  }

  /** Up to `limit` entries after `after`, matching the filter; `more` tells whether another page exists. */
  page(
    tenantId: string,
    filter: IndexFilter,
    after: ListPosition | undefined,
    limit: number,
  ): { entries: IndexEntry[]; more: boolean } {
    const list = this.byTenant.get(tenantId) ?? [];
    const entries: IndexEntry[] = [];
    for (let i = after ? bound(list, after, true) : 0; i < list.length; i++) {
      const e = list[i] as IndexEntry;
      if (filter.sinceMs !== undefined && e.updatedAtMs < filter.sinceMs) break;
      if (filter.formId !== undefined && e.formId !== filter.formId) continue;
      if (filter.version !== undefined && e.version !== filter.version) continue;
      if (filter.status !== undefined && e.status !== filter.status) continue;
      if (entries.length === limit) return { entries, more: true };
      entries.push(e);
    }
    return { entries, more: false };
  }

  all(): IterableIterator<IndexEntry> {
    return this.byId.values();
  }

  allKeys(): Array<[tenantId: string, key: string, record: KeyRecord]> {
    return [...this.keys].map(([k, record]) => {
      const cut = k.indexOf('\u0000');
      return [k.slice(0, cut), k.slice(cut + 1), record];
    });
  }
}

function keyOf(tenantId: string, key: string): string {
  return `${tenantId}\u0000${key}`;
}
