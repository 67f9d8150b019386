import { createReadStream } from 'node:fs';
import { mkdir, open, readdir, readFile, stat, truncate, writeFile } from 'node:fs/promises';
import type { FileHandle } from 'node:fs/promises';
import path from 'node:path';
import { createInterface } from 'node:readline';
import type { AuditEntry } from '@skema/core';
import { StoreCorruptionError } from '@skema/core';
import { fsyncDir } from './fs-sync.js';

/** One line of the audit log. `intent` marks the entry a submission write appended before committing its file. */
export interface AuditLine {
  seq: number;
  intent?: 'write' | 'delete';
  /** File name (key hash) of the form configuration record a `write` intent belongs to. */
  formConfig?: string;
  e: AuditEntry;
}

interface Segment {
  name: string;
  firstSeq: number;
}

interface Pending {
  bytes: Buffer;
  seq: number;
  resolve: () => void;
  reject: (error: unknown) => void;
}

export interface AuditQuery {
  submissionId?: string;
  sinceMs?: number;
  afterSeq?: number;
  limit: number;
}

const SEGMENT = /^(\d{4}-\d{2}-\d{2})_(\d{12})\.jsonl$/;
export const AUDIT_DIR = 'audit';

function segmentName(seq: number, now: Date): string {
  return `${now.toISOString().slice(0, 10)}_${String(seq).padStart(12, '0')}.jsonl`;
}

function isAuditLine(value: unknown): value is AuditLine {
  const v = value as AuditLine | null;
  return !!v && Number.isInteger(v.seq) && !!v.e && typeof v.e.id === 'string' && typeof v.e.tenantId === 'string';
}

/**
 * Append-only JSON-lines audit log in segments (one per UTC day or per `maxLines`). Appends are
 * group-committed: concurrent appends share one write and one fdatasync.
 */
export class AuditLog {
  readonly dir: string;
  private segments: Segment[] = [];
  private handle: FileHandle | undefined;
  private current: { segment: Segment; day: string; lines: number; durableSize: number; newFile: boolean } | undefined;
  private queue: Pending[] = [];
  private flushing: Promise<void> | undefined;
  private failure: unknown;

  constructor(
    dataDir: string,
    private readonly maxLines = 100_000,
  ) {
    this.dir = path.join(dataDir, AUDIT_DIR);
  }

  async open(): Promise<void> {
    await mkdir(this.dir, { recursive: true });
    this.segments = (await readdir(this.dir))
      .map((name) => ({ name, m: SEGMENT.exec(name) }))
      .filter((x) => x.m)
      .map((x) => ({ name: x.name, firstSeq: Number(x.m?.[2]) }))
      .sort((a, b) => a.firstSeq - b.firstSeq);
  }

  private file(segment: Segment): string {
    return path.join(this.dir, segment.name);
  }

  /**
   * Reads every line with seq > afterSeq. A half-written tail of the last segment (crash during an
   * append that was never acknowledged) is moved to `audit/torn/` and cut off; damage elsewhere throws.
   */
  async readTail(afterSeq: number): Promise<{ lines: AuditLine[]; maxSeq: number; torn?: { file: string; bytes: number } }> {
    const lines: AuditLine[] = [];
    let maxSeq = 0;
    let torn: { file: string; bytes: number } | undefined;
    const start = Math.max(0, this.segments.findLastIndex((s) => s.firstSeq <= afterSeq + 1));
    for (let i = start; i < this.segments.length; i++) {
      const segment = this.segments[i] as Segment;
      const file = this.file(segment);
      const buffer = await readFile(file);
      const isLast = i === this.segments.length - 1;
      let offset = 0;
      let goodEnd = 0;
      let badAt = -1;
      while (offset < buffer.length) {
        const nl = buffer.indexOf(0x0a, offset);
        const end = nl === -1 ? buffer.length : nl;
        const text = buffer.subarray(offset, end).toString('utf8');
        let parsed: unknown;
        try {
          parsed = nl === -1 ? undefined : JSON.parse(text);
        } catch {
          parsed = undefined;
        }
        if (isAuditLine(parsed)) {
          if (badAt !== -1) throw new StoreCorruptionError(`Damaged audit log ${file} at byte ${badAt}`, [file]);
          if (parsed.seq > afterSeq) lines.push(parsed);
          maxSeq = Math.max(maxSeq, parsed.seq);
          goodEnd = end + 1;
        } else if (badAt === -1) {
          badAt = offset;
        }
        offset = end + 1;
      }
      if (badAt !== -1) {
        if (!isLast) throw new StoreCorruptionError(`Damaged audit log ${file} at byte ${badAt}`, [file]);
        torn = await this.cutTornTail(file, buffer, goodEnd);
      }
    }
    return { lines, maxSeq, ...(torn ? { torn } : {}) };
  }

  private async cutTornTail(file: string, buffer: Buffer, goodEnd: number): Promise<{ file: string; bytes: number }> {
    const tornDir = path.join(this.dir, 'torn');
    await mkdir(tornDir, { recursive: true });
    const keep = path.join(tornDir, `${path.basename(file)}.${goodEnd}.bin`);
    await writeFile(keep, buffer.subarray(goodEnd), { flush: true });
    await fsyncDir(tornDir);
    await truncate(file, goodEnd);
    const handle = await open(file, 'r+');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
    return { file: keep, bytes: buffer.length - goodEnd };
  }

  /** Prepares appending after the last segment; call after readTail. */
  async startWriting(): Promise<void> {
    const last = this.segments.at(-1);
    if (!last) return;
    const file = this.file(last);
    const buffer = await readFile(file);
    let lines = 0;
    for (let i = buffer.indexOf(0x0a); i !== -1; i = buffer.indexOf(0x0a, i + 1)) lines++;
    this.handle = await open(file, 'a');
    this.current = { segment: last, day: last.name.slice(0, 10), lines, durableSize: buffer.length, newFile: false };
  }

  append(line: AuditLine): Promise<void> {
    if (this.failure) return Promise.reject(this.failure);
    const bytes = Buffer.from(`${JSON.stringify(line)}\n`, 'utf8');
    return new Promise((resolve, reject) => {
      this.queue.push({ bytes, seq: line.seq, resolve, reject });
      this.flushing ??= this.flush().finally(() => {
        this.flushing = undefined;
      });
    });
  }

  private async flush(): Promise<void> {
    while (this.queue.length > 0) {
      const batch = this.queue.splice(0);
      try {
        await this.ensureSegment((batch[0] as Pending).seq);
        const cur = this.current;
        const handle = this.handle;
        if (!cur || !handle) throw new Error('audit log not open');
        const data = Buffer.concat(batch.map((p) => p.bytes));
        let written = 0;
        while (written < data.length) written += (await handle.write(data, written, data.length - written)).bytesWritten;
        await handle.datasync();
        if (cur.newFile) {
          await fsyncDir(this.dir);
          cur.newFile = false;
        }
        cur.durableSize += data.length;
        cur.lines += batch.length;
        for (const p of batch) p.resolve();
      } catch (error) {
        // A failed append may have left partial bytes: stop appending; a restart repairs the tail.
        this.failure = error;
        for (const p of [...batch, ...this.queue.splice(0)]) p.reject(error);
      }
    }
  }

  /** Starts a new segment on a new UTC day or when the current one is full; named by its first seq. */
  private async ensureSegment(firstSeq: number): Promise<void> {
    const now = new Date();
    const day = now.toISOString().slice(0, 10);
    if (this.current && this.current.day === day && this.current.lines < this.maxLines) return;
    if (this.handle) await this.handle.close();
    this.handle = undefined;
    const segment = { name: segmentName(firstSeq, now), firstSeq };
    this.handle = await open(this.file(segment), 'a');
    this.segments.push(segment);
    this.current = { segment, day, lines: 0, durableSize: 0, newFile: true };
  }

  get failed(): unknown {
    return this.failure;
  }

  async close(): Promise<void> {
    await this.flushing;
    await this.handle?.close();
    this.handle = undefined;
    this.current = undefined;
  }

  /** Tenant-scoped page in append order; `hidden` entries (aborted or unsettled writes) are skipped. */
  async query(tenantId: string, q: AuditQuery, hidden: { has(auditId: string): boolean }): Promise<{ items: AuditEntry[]; lastSeq?: number; more: boolean }> {
    const items: AuditEntry[] = [];
    let lastSeq: number | undefined;
    const after = q.afterSeq ?? 0;
    const needle = `"tenantId":${JSON.stringify(tenantId)}`;
    const idNeedle = q.submissionId === undefined ? undefined : JSON.stringify(q.submissionId);
    const start = Math.max(0, this.segments.findLastIndex((s) => s.firstSeq <= after + 1));
    for (let i = start; i < this.segments.length; i++) {
      const segment = this.segments[i] as Segment;
      const file = this.file(segment);
      const limitBytes = this.current?.segment === segment ? this.current.durableSize : (await stat(file)).size;
      if (limitBytes === 0) continue;
      const rl = createInterface({ input: createReadStream(file, { start: 0, end: limitBytes - 1, encoding: 'utf8' }), crlfDelay: Infinity });
      try {
        for await (const text of rl) {
          if (!text.includes(needle) || (idNeedle !== undefined && !text.includes(idNeedle))) continue;
          let line: unknown;
          try {
            line = JSON.parse(text);
          } catch {
            line = undefined;
          }
          if (!isAuditLine(line)) throw new StoreCorruptionError(`Damaged audit log ${file}`, [file]);
          const e = line.e;
          if (line.seq <= after || e.tenantId !== tenantId || hidden.has(e.id)) continue;
          if (q.submissionId !== undefined && e.submissionId !== q.submissionId) continue;
          if (q.sinceMs !== undefined && Date.parse(e.at) < q.sinceMs) continue;
          if (items.length === q.limit) return { items, lastSeq, more: true };
          items.push(e);
          lastSeq = line.seq;
        }
      } finally {
        rl.close();
      }
    }
    return { items, lastSeq, more: false };
  }
}
