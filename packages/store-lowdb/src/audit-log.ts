import { createReadStream } from 'node:fs';
import { mkdir, open, readdir, readFile, stat, truncate, unlink, writeFile } from 'node:fs/promises';
import type { FileHandle } from 'node:fs/promises';
import path from 'node:path';
import { createInterface } from 'node:readline';
import type { AuditEntry, AuditVerification } from '@skema/core';
import { StoreCorruptionError } from '@skema/core';
import type { AuditLine, ChainLine } from './audit-chain.js';
import { ChainReader, GENESIS, encodeLine, isEntryLine, lineHash, prevOf } from './audit-chain.js';
import { AuditHead, HEAD_FILE } from './audit-head.js';
import { DirSyncer, fsyncDir } from './fs-sync.js';
import { asError } from './as-error.js';

export type { AuditLine } from './audit-chain.js';

interface Segment {
  name: string;
  firstSeq: number;
}

interface Pending {
  bytes: Buffer;
  seq: number;
  hash: string;
  resolve: () => void;
  reject: (error: unknown) => void;
}

export interface AuditQuery {
  submissionId?: string;
  sinceMs?: number;
  afterSeq?: number;
  limit: number;
}

/** Entries known to exist (the head file says so) are missing from the end of the log. */
export interface AuditGap {
  /** The file that should hold them (or the head file, when that is what is missing). */
  file: string;
  lastSeq: number;
  headSeq: number;
  message: string;
}

export interface AuditScan {
  lines: AuditLine[];
  maxSeq: number;
  voided: Set<string>;
  checked: number;
  torn?: { file: string; bytes: number };
  gap?: AuditGap;
}

const SEGMENT = /^(\d{4}-\d{2}-\d{2})_(\d{12})\.jsonl$/;
export const AUDIT_DIR = 'audit';

function segmentName(seq: number, now: Date): string {
  return `${now.toISOString().slice(0, 10)}_${String(seq).padStart(12, '0')}.jsonl`;
}

/**
 * Append-only JSON-lines audit log in segments (one per UTC day or per `maxLines`), hash-chained
 * (see audit-chain.ts) with its head kept in `audit/head.json`. Appends are group-committed:
 * concurrent appends share one write and one fdatasync.
 */
export class AuditLog {
  readonly dir: string;
  private readonly head: AuditHead;
  private segments: Segment[] = [];
  private handle: FileHandle | undefined;
  private current: { segment: Segment; day: string; lines: number; durableSize: number; newFile: boolean } | undefined;
  private queue: Pending[] = [];
  private flushing: Promise<void> | undefined;
  private failure: Error | undefined;
  /** Hash and seq of the last line handed to append (the next line's `prev`), and of the last durable one. */
  private tip = { seq: 0, hash: GENESIS };
  private durableTip = { seq: 0, hash: GENESIS };

  constructor(
    dataDir: string,
    private readonly maxLines = 100_000,
    dirSyncer?: DirSyncer,
  ) {
    this.dir = path.join(dataDir, AUDIT_DIR);
    this.head = new AuditHead(this.dir, dirSyncer ?? new DirSyncer());
  }

  async open(): Promise<void> {
    await mkdir(this.dir, { recursive: true });
    const names = await readdir(this.dir);
    // Temp files of a head write cut short by a crash: never data.
    for (const name of names)
      if (name.startsWith(`${HEAD_FILE}.`) && name.endsWith('.tmp'))
        await unlink(path.join(this.dir, name)).catch(() => undefined);
    this.segments = names
      .map((name) => ({ name, m: SEGMENT.exec(name) }))
      .filter((x) => x.m)
      .map((x) => ({ name: x.name, firstSeq: Number(x.m?.[2]) }))
      .sort((a, b) => a.firstSeq - b.firstSeq);
  }

  private file(segment: Segment): string {
    return path.join(this.dir, segment.name);
  }

  /**
   * Reads and verifies the whole log at start-up and returns every entry with seq > afterSeq. A
   * half-written tail of the last segment (crash during an append that was never acknowledged) is
   * moved to `audit/torn/` and cut off; any other damage throws `StoreCorruptionError` naming the
   * file. A log that ends before the head file's seq (or has no head file although it is chained)
   * is returned with `gap`: the caller decides what to do.
   */
  async scan(afterSeq: number): Promise<AuditScan> {
    const head = await this.head.read();
    const reader = new ChainReader(afterSeq, head?.seq ?? -1);
    let torn: { file: string; bytes: number } | undefined;
    for (let i = 0; i < this.segments.length; i++) {
      const file = this.file(this.segments[i] as Segment);
      const buffer = await readFile(file);
      const { tornAt } = reader.read(file, buffer, i === this.segments.length - 1);
      if (tornAt !== undefined) torn = await this.cutTornTail(file, buffer, tornAt);
    }
    this.tip = { seq: reader.lastSeq, hash: reader.lastHash ?? GENESIS };
    this.durableTip = { ...this.tip };
    const gap = this.checkHead(head, reader);
    return {
      lines: reader.entries,
      maxSeq: Math.max(reader.lastSeq, head?.seq ?? 0),
      voided: reader.voided,
      checked: reader.checked,
      ...(torn ? { torn } : {}),
      ...(gap ? { gap } : {}),
    };
  }

  private checkHead(head: Awaited<ReturnType<AuditHead['read']>>, reader: ChainReader): AuditGap | undefined {
    if (!head) {
      if (!reader.chained) return undefined; // a log from before the chain: nothing to compare with yet
      return {
        file: this.head.file,
        lastSeq: reader.lastSeq,
        headSeq: reader.lastSeq,
        message: `The audit head file ${this.head.file} is missing, so whether entries are missing from the end of the audit log cannot be checked`,
      };
    }
    const where = head.segment ? path.join(this.dir, head.segment) : this.head.file;
    if (head.seq > reader.lastSeq) {
      return {
        file: where,
        lastSeq: reader.lastSeq,
        headSeq: head.seq,
        message: `The audit log ends at entry ${reader.lastSeq}, but entries up to ${head.seq} were written: ${head.seq - reader.lastSeq} or more entries are missing (last segment emptied, cut short or deleted: ${where})`,
      };
    }
    if (head.seq > 0 && reader.wantHash !== head.hash) {
      const why = reader.wantHash === undefined ? `entry ${head.seq} is missing` : `entry ${head.seq} was changed`;
      throw new StoreCorruptionError(
        `Damaged audit log ${where}: ${why} (the head file ${this.head.file} records it). Restore the file from backup, then start again.`,
        [where],
      );
    }
    return undefined;
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

  /** Prepares appending after the last segment and records the head as it is now; call after scan. */
  async startWriting(): Promise<void> {
    const last = this.segments.at(-1);
    if (last) {
      const file = this.file(last);
      const buffer = await readFile(file);
      let lines = 0;
      for (let i = buffer.indexOf(0x0a); i !== -1; i = buffer.indexOf(0x0a, i + 1)) lines++;
      this.handle = await open(file, 'a');
      this.current = { segment: last, day: last.name.slice(0, 10), lines, durableSize: buffer.length, newFile: false };
    }
    // From now on a log without a head file can only mean the file was removed.
    this.head.note(this.tip.seq, this.tip.hash, last?.name ?? null);
    await this.head.flush();
  }

  /** Appends a line after the current tip; appends are chained in call order, which is seq order. */
  append(line: ChainLine): Promise<void> {
    if (this.failure) return Promise.reject(this.failure);
    if (line.seq <= this.tip.seq)
      return Promise.reject(new Error(`audit seq ${line.seq} is not after ${this.tip.seq}`));
    const bytes = encodeLine(line, this.tip.hash);
    const hash = lineHash(bytes);
    this.tip = { seq: line.seq, hash };
    return new Promise((resolve, reject) => {
      this.queue.push({ bytes: Buffer.concat([bytes, NEWLINE]), seq: line.seq, hash, resolve, reject });
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
        while (written < data.length)
          written += (await handle.write(data, written, data.length - written)).bytesWritten;
        await handle.datasync();
        if (cur.newFile) {
          await fsyncDir(this.dir);
          cur.newFile = false;
        }
        cur.durableSize += data.length;
        cur.lines += batch.length;
        const last = batch.at(-1) as Pending;
        this.durableTip = { seq: last.seq, hash: last.hash };
        this.head.note(last.seq, last.hash, cur.segment.name);
        for (const p of batch) p.resolve();
      } catch (error) {
        // A failed append may have left partial bytes: stop appending; a restart repairs the tail.
        this.failure = asError(error);
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

  get failed(): Error | undefined {
    return this.failure;
  }

  async close(): Promise<void> {
    await this.flushing;
    try {
      // A head left behind is harmless (it only lags); closing must go on and release the lock.
      if (!this.failure) await this.head.flush().catch(() => undefined);
    } finally {
      await this.handle?.close();
      this.handle = undefined;
      this.current = undefined;
    }
  }

  /** Bytes of a segment that are durable (the open segment may have an append under way). */
  private async durableBytes(segment: Segment): Promise<number> {
    return this.current?.segment === segment ? this.current.durableSize : (await stat(this.file(segment))).size;
  }

  /** Checks the whole chain as it is on disk now, and that it reaches the last durable line. */
  async verify(): Promise<AuditVerification> {
    const reader = new ChainReader(Number.MAX_SAFE_INTEGER);
    const durable = this.durableTip;
    try {
      for (const segment of [...this.segments]) {
        const file = this.file(segment);
        const buffer = (await readFile(file)).subarray(0, await this.durableBytes(segment));
        if (reader.read(file, buffer, true).tornAt !== undefined)
          throw new StoreCorruptionError(`Damaged audit log ${file}: an unreadable line`, [file]);
      }
      if (reader.lastSeq < durable.seq) {
        const last = this.segments.at(-1);
        return {
          ok: false,
          checked: reader.checked,
          damage: {
            where: last ? this.file(last) : this.dir,
            reason: `the log ends at entry ${reader.lastSeq}; entries up to ${durable.seq} were written`,
          },
        };
      }
    } catch (error) {
      if (!(error instanceof StoreCorruptionError)) throw error;
      return { ok: false, checked: reader.checked, damage: { where: error.files.join(' / '), reason: error.message } };
    }
    return { ok: true, checked: reader.checked };
  }

  /**
   * Tenant-scoped page in append order; `hidden` entries (aborted or unsettled writes) are skipped.
   * Every line read is checked against the next one's `prev`, so damage in the range read (any
   * tenant's line) is reported as `StoreCorruptionError` rather than served.
   */
  async query(
    tenantId: string,
    q: AuditQuery,
    hidden: { has(auditId: string): boolean },
  ): Promise<{ items: AuditEntry[]; lastSeq?: number | undefined; more: boolean }> {
    const items: AuditEntry[] = [];
    let lastSeq: number | undefined;
    const after = q.afterSeq ?? 0;
    const needle = `"tenantId":${JSON.stringify(tenantId)}`;
    const idNeedle = q.submissionId === undefined ? undefined : JSON.stringify(q.submissionId);
    const start = Math.max(
      0,
      this.segments.findLastIndex((s) => s.firstSeq <= after + 1),
    );
    let prevHash: string | undefined;
    for (let i = start; i < this.segments.length; i++) {
      const segment = this.segments[i] as Segment;
      const file = this.file(segment);
      const limitBytes = await this.durableBytes(segment);
      if (limitBytes === 0) continue;
      const rl = createInterface({
        input: createReadStream(file, { start: 0, end: limitBytes - 1, encoding: 'utf8' }),
        crlfDelay: Infinity,
      });
      let lineNo = 0;
      try {
        for await (const text of rl) {
          lineNo++;
          const prev = prevOf(text);
          if (prevHash !== undefined && prev !== undefined && prev !== prevHash) {
            throw new StoreCorruptionError(
              `Damaged audit log ${file}: line ${lineNo} does not follow the line before it`,
              [file],
            );
          }
          prevHash = lineHash(text);
          if (!text.includes(needle) || (idNeedle !== undefined && !text.includes(idNeedle))) continue;
          let line: unknown;
          try {
            line = JSON.parse(text);
          } catch {
            line = undefined;
          }
          if (!isEntryLine(line))
            throw new StoreCorruptionError(`Damaged audit log ${file}: line ${lineNo} is unreadable`, [file]);
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

const NEWLINE = Buffer.from('\n');
