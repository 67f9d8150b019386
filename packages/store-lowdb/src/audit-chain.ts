import { createHash } from 'node:crypto';
import type { AuditEntry } from '@skema/core';
import { StoreCorruptionError } from '@skema/core';

/**
 * One line of the audit log. `prev` is the SHA-256 of the previous line's bytes (without its
 * newline), so changing, removing or inserting a line breaks the chain. Lines written before the
 * chain existed have no `prev`; they may only precede the first chained line.
 */
interface Linked {
  prev?: string;
  seq: number;
}

/** An audit entry. `intent` marks the entry a write appended before committing its file. */
export interface AuditLine extends Linked {
  intent?: 'write' | 'delete';
  /** File name (key hash) of the form configuration record a `write` intent belongs to. */
  formConfig?: string;
  /** File name (key hash) of the case a `write` intent belongs to. */
  case?: string;
  e: AuditEntry;
}

/** Voids the entries of writes that never committed: the log stays append-only, queries hide them. */
export interface VoidLine extends Linked {
  void: string[];
}

/** An operator accepted that entries after `lastSeq` up to `headSeq` are lost (see README); recorded in the chain. */
export interface GapLine extends Linked {
  gap: { lastSeq: number; headSeq: number; at: string };
}

export type ChainLine = AuditLine | VoidLine | GapLine;

/** `prev` of the very first chained line of a log that has no line before it. */
export const GENESIS = '0'.repeat(64);
const HASH = /^[0-9a-f]{64}$/;

export function lineHash(bytes: Buffer | string): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** Line bytes with `prev` first, so a reader finds it at a fixed place without parsing. */
export function encodeLine(line: ChainLine, prev: string): Buffer {
  return Buffer.from(JSON.stringify({ prev, ...line }), 'utf8');
}

export const PREV_START = '{"prev":"'.length;

/** `prev` of a line's text, without parsing it; undefined for a line written before the chain. */
export function prevOf(text: string): string | undefined {
  return text.startsWith('{"prev":"') ? text.slice(PREV_START, PREV_START + 64) : undefined;
}

export function isEntryLine(value: unknown): value is AuditLine {
  const v = value as AuditLine | null;
  return !!v && Number.isInteger(v.seq) && !!v.e && typeof v.e.id === 'string' && typeof v.e.tenantId === 'string';
}

function parseLine(text: string): ChainLine | undefined {
  let v: Partial<AuditLine & VoidLine & GapLine> | null;
  try {
    v = JSON.parse(text) as typeof v;
  } catch {
    return undefined;
  }
  if (!v || !Number.isInteger(v.seq) || (v.prev !== undefined && !(typeof v.prev === 'string' && HASH.test(v.prev))))
    return undefined;
  if (isEntryLine(v)) return v;
  if (Array.isArray(v.void) && v.void.every((id) => typeof id === 'string')) return v as VoidLine;
  if (v.gap && Number.isInteger(v.gap.lastSeq) && Number.isInteger(v.gap.headSeq)) return v as GapLine;
  return undefined;
}

function damaged(files: string[], reason: string): StoreCorruptionError {
  return new StoreCorruptionError(
    `Damaged audit log ${files.join(' / ')}: ${reason}. Restore the file from backup, then start again.`,
    files,
  );
}

/**
 * Reads the log segment by segment, checking every link of the chain and the order of seqs. Collects
 * the voided ids (from the whole log) and the entries after `afterSeq` (for recovery). Damage throws
 * `StoreCorruptionError` naming the file(s); only unreadable lines at the very end of the last segment
 * (a crash during an append that was never acknowledged) are reported as a torn tail instead.
 */
export class ChainReader {
  lastSeq = 0;
  lastHash: string | undefined;
  checked = 0;
  /** Lines with a `prev`: once one is seen, every later line must have one. */
  chained = false;
  readonly voided = new Set<string>();
  readonly entries: AuditLine[] = [];
  /** Hash of the line with seq `wantSeq` (the head's), if it was read. */
  wantHash: string | undefined;
  private previousFile: string | undefined;

  constructor(
    private readonly afterSeq: number,
    private readonly wantSeq = -1,
  ) {}

  /** Checks one segment's bytes; returns where a torn tail starts (last segment only). */
  read(file: string, buffer: Buffer, isLast: boolean): { tornAt?: number } {
    let offset = 0;
    let goodEnd = 0;
    let badAt = -1;
    let badLine = 0;
    for (let lineNo = 1; offset < buffer.length; lineNo++) {
      const nl = buffer.indexOf(0x0a, offset);
      const end = nl === -1 ? buffer.length : nl;
      const bytes = buffer.subarray(offset, end);
      const line = nl === -1 ? undefined : parseLine(bytes.toString('utf8'));
      if (line) {
        if (badAt !== -1) throw damaged([file], `line ${badLine} (byte ${badAt}) is unreadable`);
        this.link(line, bytes, file, lineNo);
        goodEnd = end + 1;
      } else if (badAt === -1) {
        badAt = offset;
        badLine = lineNo;
      }
      offset = end + 1;
    }
    this.previousFile = file;
    if (badAt === -1) return {};
    if (!isLast) throw damaged([file], `line ${badLine} (byte ${badAt}) is unreadable`);
    return { tornAt: goodEnd };
  }

  private link(line: ChainLine, bytes: Buffer, file: string, lineNo: number): void {
    if (line.prev === undefined) {
      if (this.chained) throw damaged([file], `line ${lineNo} has no chain link although earlier lines have`);
    } else {
      if (line.prev !== (this.lastHash ?? GENESIS)) {
        const atStart = lineNo === 1;
        const files = atStart && this.previousFile ? [this.previousFile, file] : [file];
        const why = atStart
          ? this.previousFile
            ? 'its first line does not follow the last line of the segment before it (a line was changed, removed or inserted, or that segment was cut short)'
            : 'its first line does not start the chain (earlier segments are missing, or the line was changed)'
          : `line ${lineNo} does not follow line ${lineNo - 1} (one of them was changed, or lines were removed or inserted between them)`;
        throw damaged(files, why);
      }
      this.chained = true;
    }
    if (line.seq <= this.lastSeq)
      throw damaged([file], `line ${lineNo} has sequence number ${line.seq} after ${this.lastSeq}`);
    const hash = lineHash(bytes);
    this.lastSeq = line.seq;
    this.lastHash = hash;
    this.checked++;
    if (line.seq === this.wantSeq) this.wantHash = hash;
    if ('void' in line) for (const id of line.void) this.voided.add(id);
    else if ('e' in line && line.seq > this.afterSeq) this.entries.push(line);
  }
}
