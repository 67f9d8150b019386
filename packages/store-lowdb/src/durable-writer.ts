import { mkdir, unlink } from 'node:fs/promises';
import path from 'node:path';
import { Low } from 'lowdb';
import type { FileStamp } from './adapter.js';
import { DurableJsonFile } from './adapter.js';
import type { AuditLine, AuditLog } from './audit-log.js';
import type { DirSyncer } from './fs-sync.js';
import type { VoidedEntries } from './voided.js';
import { asError } from './as-error.js';

/**
 * The write protocol every change goes through: its audit line is the intent, the file's rename (or
 * unlink) commits it; see README "Durability protocol". Hands out the audit seqs and knows which are
 * still in flight.
 */
export class DurableWriter {
  seq = 0;
  /** Set when a write's outcome is uncertain: the store stops writing until a restart settles it. */
  failure: Error | undefined;
  private readonly inFlight = new Set<number>();
  /** Audit ids of writes not yet committed: queries must not show them before they are settled. */
  private readonly pendingAudit = new Set<string>();
  /** Shard folders known to exist, to spare a mkdir per write. */
  private readonly shardDirs = new Set<string>();

  constructor(
    private readonly audit: AuditLog,
    private readonly voided: VoidedEntries,
    private readonly dirSyncer: DirSyncer,
    /** Runs after every committed write (it counts towards the next index snapshot). */
    private readonly afterWrite: () => void,
  ) {}

  nextSeq(): number {
    return ++this.seq;
  }

  isPending(auditId: string): boolean {
    return this.pendingAudit.has(auditId);
  }

  /** Intents still in flight may not be on disk yet: a snapshot only vouches for seqs below them. */
  settledSeq(): number {
    return this.inFlight.size > 0 ? Math.min(...this.inFlight) - 1 : this.seq;
  }

  /** Writes a document file after its audit intent (and `alsoDurable`, e.g. its outbox events) is durable. */
  async writeFile<T>(file: string, doc: T, line: AuditLine, alsoDurable?: Promise<void>): Promise<FileStamp> {
    this.begin(line);
    const audited = this.audit.append(line);
    const intent = alsoDurable ? Promise.all([audited, alsoDurable]).then(() => undefined) : audited;
    intent.catch(() => undefined);
    let stamp: FileStamp | undefined;
    await this.settle(line, async (committed) => {
      await this.ensureShard(path.dirname(file));
      const adapter = new DurableJsonFile<T>(file, {
        dirSyncer: this.dirSyncer,
        beforeCommit: () => intent,
        onRenamed: committed,
        onCommitted: (s) => (stamp = s),
      });
      const db = new Low<T>(adapter, doc);
      await db.write();
    });
    return stamp as FileStamp;
  }

  async removeFile(file: string, line: AuditLine, alsoDurable?: Promise<void>): Promise<void> {
    this.begin(line);
    await this.settle(line, async (committed) => {
      // The audit entry is the intent; the unlink commits. Recovery voids an intent whose file survived.
      await (alsoDurable ? Promise.all([this.audit.append(line), alsoDurable]) : this.audit.append(line));
      await unlink(file);
      committed();
      await this.dirSyncer.sync(path.dirname(file));
    });
  }

  private begin(line: AuditLine): void {
    this.inFlight.add(line.seq);
    this.pendingAudit.add(line.e.id);
  }

  /** Runs a write's commit step; `committed` marks its commit point, which decides what a failure means. */
  private async settle(line: AuditLine, commit: (committed: () => void) => Promise<void>): Promise<void> {
    let done = false;
    try {
      await commit(() => {
        done = true;
      });
    } catch (error) {
      await this.abortWrite(line, done, error);
    } finally {
      this.inFlight.delete(line.seq);
      this.pendingAudit.delete(line.e.id);
    }
    this.afterWrite();
  }

  private async ensureShard(dir: string): Promise<void> {
    if (this.shardDirs.has(dir)) return;
    // A new folder's own entry must be durable too, or a power cut could lose it with the files inside.
    if (await mkdir(dir, { recursive: true })) await this.dirSyncer.sync(path.dirname(dir));
    this.shardDirs.add(dir);
  }

  /**
   * Before the commit point nothing changed: void the intent so the audit never shows it. After it the
   * outcome is uncertain (e.g. a failed folder fsync): stop writing; the next start-up settles it.
   */
  private async abortWrite(line: AuditLine, committed: boolean, error: unknown): Promise<never> {
    if (committed) {
      this.failure = asError(error);
    } else {
      try {
        await this.voided.add([line.e.id]);
      } catch (voidError) {
        this.failure = asError(voidError);
      }
    }
    throw error;
  }
}
