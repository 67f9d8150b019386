import { mkdir, unlink } from 'node:fs/promises';
import path from 'node:path';
import { Low } from 'lowdb';
import type {
  AuditEntry,
  AuditFilter,
  CreateResult,
  FormConfigStore,
  FormStatus,
  NewSubmission,
  StoreHealth,
  Submission,
  SubmissionChange,
  SubmissionFilter,
  SubmissionPage,
  SubmissionRevision,
  SubmissionStore,
  TenantFormRecord,
} from '@skema/core';
import { NotFoundError, RevisionConflictError, StoreCorruptionError } from '@skema/core';
import type { StartupReport } from './recover.js';
import { recoverDataDir } from './recover.js';
import type { FileStamp } from './adapter.js';
import { DurableJsonFile } from './adapter.js';
import type { AuditLine } from './audit-log.js';
import { AuditLog } from './audit-log.js';
import { decodeCursor, encodeCursor, pageSize } from './cursor.js';
import type { SubmissionDoc } from './doc.js';
import { SUBMISSIONS_DIR, assertSafeId, docPath, normaliseInstant, shapeProblem } from './doc.js';
import { DuplicateSubmissionError, StoreUnavailableError } from './errors.js';
import { DirSyncer } from './fs-sync.js';
import type { FormConfigDoc } from './form-config-doc.js';
import type { FormConfigWriter } from './form-configs.js';
import { LowdbFormConfigs } from './form-configs.js';
import { DataDirLock } from './lock.js';
import { KeyedMutex } from './mutex.js';
import { auditFor, changedSubmission, decodeSeqCursor, encodeSeqCursor, newSubmission } from './records.js';
import { INDEX_DIR, shardDirTimes, writeSnapshot } from './snapshot.js';
import { entryFromDoc } from './startup.js';
import { SubmissionIndex } from './submission-index.js';
import type { IndexEntry } from './submission-index.js';
import { VoidedEntries } from './voided.js';

export interface LowdbStoreOptions {
  dataDir: string;
  /** 'stat' (default): files whose inode/size/mtime match the snapshot are trusted; 'full': read and verify every file. */
  verify?: 'stat' | 'full';
  /** Audit lines per segment file (default 100 000); segments also roll over every UTC day. */
  auditSegmentLines?: number;
  /** Writes between automatic index snapshots (default 20 000); one is always written at init and close. */
  snapshotEvery?: number;
}

/** Embedded store: one lowdb document per submission or form configuration, a JSON-lines audit log, an in-memory index. */
export class LowdbSubmissionStore implements SubmissionStore, FormConfigStore {
  readonly name = 'lowdb';
  readonly dataDir: string;
  readonly dirSyncer = new DirSyncer();
  startupReport: StartupReport | undefined;
  private readonly submissionsDir: string;
  private readonly lock: DataDirLock;
  private readonly audit: AuditLog;
  private readonly voided: VoidedEntries;
  private index = new SubmissionIndex();
  private readonly formConfigs: LowdbFormConfigs;
  private readonly configWriter: FormConfigWriter = {
    nextSeq: () => ++this.seq,
    commit: (file: string, doc: FormConfigDoc, line: AuditLine) => this.commitFile(file, doc, line).then(() => undefined),
  };
  private readonly mutex = new KeyedMutex();
  private readonly inFlight = new Set<number>();
  /** Audit ids of writes not yet committed: queries must not show them before they are settled. */
  private readonly pendingAudit = new Set<string>();
  private readonly operations = new Set<Promise<unknown>>();
  /** Shard folders known to exist, to spare a mkdir per write. */
  private readonly shardDirs = new Set<string>();
  private seq = 0;
  private writesSinceSnapshot = 0;
  /** The seq the snapshot on disk vouches for; close() skips an identical rewrite. */
  private snapshotSeq = -1;
  private snapshotting: Promise<void> | undefined;
  private state: 'new' | 'open' | 'closing' | 'closed' = 'new';
  private failure: unknown;

  constructor(private readonly options: LowdbStoreOptions) {
    this.dataDir = path.resolve(options.dataDir);
    this.submissionsDir = path.join(this.dataDir, SUBMISSIONS_DIR);
    this.lock = new DataDirLock(this.dataDir);
    this.audit = new AuditLog(this.dataDir, options.auditSegmentLines);
    this.voided = new VoidedEntries(this.dataDir, this.dirSyncer);
    this.formConfigs = new LowdbFormConfigs(this.dataDir);
  }

  async init(): Promise<void> {
    if (this.state !== 'new') throw new StoreUnavailableError(`Store already ${this.state}`);
    const started = performance.now();
    await mkdir(this.dataDir, { recursive: true });
    const { tookOverFromPid } = await this.lock.acquire();
    try {
      await mkdir(this.submissionsDir, { recursive: true });
      await mkdir(path.join(this.dataDir, INDEX_DIR), { recursive: true });
      const recovered = await recoverDataDir({
        dataDir: this.dataDir,
        submissionsDir: this.submissionsDir,
        verify: this.options.verify ?? 'stat',
        audit: this.audit,
        voided: this.voided,
      });
      this.index = recovered.index;
      this.formConfigs.load(recovered.formConfigs);
      this.seq = recovered.seq;
      await this.audit.startWriting();
      this.state = 'open';
      if (recovered.changed) await this.writeSnapshotNow();
      else this.snapshotSeq = this.seq;
      this.startupReport = {
        ...recovered.report,
        ...(tookOverFromPid !== undefined ? { tookOverLockFromPid: tookOverFromPid } : {}),
        ms: Math.round(performance.now() - started),
      };
    } catch (error) {
      this.state = 'closed';
      await this.audit.close().catch(() => undefined);
      await this.lock.release();
      throw error;
    }
  }

  async close(): Promise<void> {
    if (this.state !== 'open') {
      this.state = 'closed';
      return;
    }
    this.state = 'closing';
    await Promise.allSettled([...this.operations]);
    await this.snapshotting;
    try {
      const stale = this.writesSinceSnapshot > 0 || this.snapshotSeq !== this.seq;
      if (stale && !this.failure && !this.audit.failed) await this.writeSnapshotNow();
    } finally {
      await this.audit.close();
      await this.lock.release();
      this.state = 'closed';
    }
  }

  create(
    input: NewSubmission,
    audit: Omit<AuditEntry, 'id'>,
    idempotency?: { key: string; requestHash: string },
  ): Promise<CreateResult> {
    return this.track(true, async () => {
      assertSafeId(input.id);
      const attempt = (): Promise<CreateResult> =>
        this.mutex.run(`id:${input.id}`, () => this.createLocked(input, audit, idempotency));
      if (!idempotency) return attempt();
      // Same tenant + key run one at a time, so a retry racing the original sees its result.
      return this.mutex.run(`key:${input.tenantId}\u0000${idempotency.key}`, async () => {
        const earlier = this.index.findKey(input.tenantId, idempotency.key);
        const doc = earlier ? await this.readDoc(earlier.submissionId) : undefined;
        if (earlier && doc) {
          return {
            created: false,
            submission: doc.submission,
            idempotency: { key: idempotency.key, tenantId: input.tenantId, requestHash: earlier.requestHash, submissionId: earlier.submissionId },
          };
        }
        return attempt();
      });
    });
  }

  private async createLocked(
    input: NewSubmission,
    audit: Omit<AuditEntry, 'id'>,
    idempotency?: { key: string; requestHash: string },
  ): Promise<CreateResult> {
    if (this.index.get(input.id)) throw new DuplicateSubmissionError(input.id);
    const { submission, revision } = newSubmission(input);
    const line: AuditLine = { seq: ++this.seq, intent: 'write', e: auditFor(audit, input.tenantId, input.id) };
    const doc: SubmissionDoc = {
      format: 1,
      submission,
      revisions: [revision],
      journal: [{ revision: 1, seq: line.seq, auditId: line.e.id }],
      ...(idempotency ? { idempotency: { key: idempotency.key, requestHash: idempotency.requestHash } } : {}),
    };
    const stamp = await this.commitDoc(doc, line);
    this.index.upsert(entryFromDoc(doc, stamp));
    if (idempotency) {
      this.index.setKey(input.tenantId, idempotency.key, { submissionId: input.id, requestHash: idempotency.requestHash });
    }
    return { created: true, submission };
  }

  get(tenantId: string, id: string): Promise<Submission | undefined> {
    return this.track(false, async () => (await this.readOwned(tenantId, id))?.submission);
  }

  update(tenantId: string, id: string, change: SubmissionChange, audit: Omit<AuditEntry, 'id'>): Promise<Submission> {
    return this.track(true, () =>
      this.mutex.run(`id:${id}`, async () => {
        const doc = await this.readOwned(tenantId, id);
        if (!doc) throw new NotFoundError(`Submission ${id} not found`);
        const stored = doc.submission.revision;
        if (stored !== change.expectedRevision) throw new RevisionConflictError(change.expectedRevision, stored);
        const { submission, revision } = changedSubmission(doc.submission, change);
        const line: AuditLine = { seq: ++this.seq, intent: 'write', e: auditFor(audit, tenantId, id) };
        const next: SubmissionDoc = {
          ...doc,
          submission,
          revisions: [...doc.revisions, revision],
          journal: [...doc.journal, { revision: submission.revision, seq: line.seq, auditId: line.e.id }],
        };
        const stamp = await this.commitDoc(next, line);
        this.index.upsert(entryFromDoc(next, stamp));
        return submission;
      }),
    );
  }

  list(tenantId: string, filter: SubmissionFilter): Promise<SubmissionPage> {
    return this.track(false, async () => {
      const limit = pageSize(filter.limit);
      const after = filter.cursor ? decodeCursor(filter.cursor) : undefined;
      const sinceMs = filter.updatedSince === undefined ? undefined : Date.parse(normaliseInstant(filter.updatedSince, 'updatedSince'));
      const { entries, more } = this.index.page(
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
    });
  }

  revisions(tenantId: string, id: string): Promise<SubmissionRevision[]> {
    return this.track(false, async () => (await this.readOwned(tenantId, id))?.revisions ?? []);
  }

  appendAudit(entry: Omit<AuditEntry, 'id'>): Promise<AuditEntry> {
    return this.track(true, async () => {
      const e = auditFor(entry, entry.tenantId);
      await this.audit.append({ seq: ++this.seq, e });
      return e;
    });
  }

  queryAudit(tenantId: string, filter: AuditFilter): Promise<{ items: AuditEntry[]; nextCursor?: string }> {
    return this.track(false, async () => {
      const page = await this.audit.query(
        tenantId,
        {
          limit: pageSize(filter.limit, 100, 1000),
          ...(filter.submissionId !== undefined ? { submissionId: filter.submissionId } : {}),
          ...(filter.since !== undefined ? { sinceMs: Date.parse(normaliseInstant(filter.since, 'since')) } : {}),
          ...(filter.cursor ? { afterSeq: decodeSeqCursor(filter.cursor) } : {}),
        },
        { has: (auditId: string) => this.voided.ids.has(auditId) || this.pendingAudit.has(auditId) },
      );
      return page.more && page.lastSeq !== undefined ? { items: page.items, nextCursor: encodeSeqCursor(page.lastSeq) } : { items: page.items };
    });
  }

  delete(tenantId: string, id: string, audit: Omit<AuditEntry, 'id'>): Promise<boolean> {
    return this.track(true, () =>
      this.mutex.run(`id:${id}`, async () => {
        const doc = await this.readOwned(tenantId, id);
        if (!doc || doc.submission.legalHold) return false;
        const line: AuditLine = { seq: ++this.seq, intent: 'delete', e: auditFor(audit, tenantId, id) };
        const file = docPath(this.dataDir, id);
        this.inFlight.add(line.seq);
        this.pendingAudit.add(line.e.id);
        let removed = false;
        try {
          // The audit entry is the intent; the unlink commits. Recovery voids an intent whose file survived.
          await this.audit.append(line);
          await unlink(file);
          removed = true;
          await this.dirSyncer.sync(path.dirname(file));
        } catch (error) {
          await this.abortWrite(line, removed, error);
        } finally {
          this.inFlight.delete(line.seq);
          this.pendingAudit.delete(line.e.id);
        }
        this.index.remove(id);
        this.afterWrite();
        return true;
      }),
    );
  }

  listFormConfigs(tenantId: string): Promise<TenantFormRecord[]> {
    return this.track(false, async () => this.formConfigs.list(tenantId));
  }

  getFormConfig(tenantId: string, kind: TenantFormRecord['kind'], formId: string, version: string): Promise<TenantFormRecord | undefined> {
    return this.track(false, async () => this.formConfigs.get({ tenantId, kind, formId, version }));
  }

  saveFormConfigDraft(record: TenantFormRecord, audit: Omit<AuditEntry, 'id'>): Promise<TenantFormRecord> {
    return this.track(true, async () => this.formConfigs.saveDraft(record, audit, this.configWriter));
  }

  setFormConfigStatus(
    tenantId: string,
    kind: TenantFormRecord['kind'],
    formId: string,
    version: string,
    status: Exclude<FormStatus, 'draft'>,
    audit: Omit<AuditEntry, 'id'>,
  ): Promise<TenantFormRecord> {
    return this.track(true, async () => this.formConfigs.setStatus({ tenantId, kind, formId, version }, status, audit, this.configWriter));
  }

  async health(): Promise<StoreHealth> {
    const ok = this.state === 'open' && !this.failure && !this.audit.failed;
    return {
      ok,
      store: this.name,
      details: {
        state: this.state,
        submissions: this.index.size,
        formConfigs: this.formConfigs.size,
        ...(ok ? {} : { error: String((this.failure ?? this.audit.failed ?? 'not open') as string) }),
      },
    };
  }

  /** Adds entries for files written by `seedLowdbStore`; benchmarks and tests only. */
  adoptSeeded(entries: IndexEntry[]): void {
    if (this.state !== 'open') throw new StoreUnavailableError('Store is not open');
    this.index.load(entries);
  }

  private async ensureShard(dir: string): Promise<void> {
    if (this.shardDirs.has(dir)) return;
    // A new folder's own entry must be durable too, or a power cut could lose it with the files inside.
    if (await mkdir(dir, { recursive: true })) await this.dirSyncer.sync(path.dirname(dir));
    this.shardDirs.add(dir);
  }

  private commitDoc(doc: SubmissionDoc, line: AuditLine): Promise<FileStamp> {
    return this.commitFile(docPath(this.dataDir, doc.submission.id), doc, line);
  }

  /** Writes a document file after its audit intent is durable; see README "Durability protocol". */
  private async commitFile<T>(file: string, doc: T, line: AuditLine): Promise<FileStamp> {
    this.inFlight.add(line.seq);
    this.pendingAudit.add(line.e.id);
    const intent = this.audit.append(line);
    intent.catch(() => undefined);
    let renamed = false;
    let stamp: FileStamp | undefined;
    try {
      await this.ensureShard(path.dirname(file));
      const adapter = new DurableJsonFile<T>(file, {
        dirSyncer: this.dirSyncer,
        beforeCommit: () => intent,
        onRenamed: () => (renamed = true),
        onCommitted: (s) => (stamp = s),
      });
      const db = new Low<T>(adapter, doc);
      await db.write();
    } catch (error) {
      await this.abortWrite(line, renamed, error);
    } finally {
      this.inFlight.delete(line.seq);
      this.pendingAudit.delete(line.e.id);
    }
    this.afterWrite();
    return stamp as FileStamp;
  }

  /**
   * Before the commit point nothing changed: void the intent so the audit never shows it. After it the
   * outcome is uncertain (e.g. a failed folder fsync): stop writing; the next start-up settles it.
   */
  private async abortWrite(line: AuditLine, committed: boolean, error: unknown): Promise<never> {
    if (committed) {
      this.failure = error;
    } else {
      try {
        await this.voided.add([line.e.id]);
      } catch (voidError) {
        this.failure = voidError;
      }
    }
    throw error;
  }

  private afterWrite(): void {
    this.writesSinceSnapshot++;
    if (this.writesSinceSnapshot >= (this.options.snapshotEvery ?? 20_000) && !this.snapshotting) {
      this.snapshotting = this.writeSnapshotNow()
        .catch(() => undefined) // derived data: a failed snapshot only makes the next start-up slower
        .finally(() => {
          this.snapshotting = undefined;
        });
    }
  }

  private async writeSnapshotNow(): Promise<void> {
    this.writesSinceSnapshot = 0;
    // Intents still in flight may not be on disk yet: the snapshot only vouches for seqs below them.
    const seq = this.inFlight.size > 0 ? Math.min(...this.inFlight) - 1 : this.seq;
    const shards = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));
    const dirs = await shardDirTimes(this.submissionsDir, shards);
    await writeSnapshot(this.dataDir, this.index, seq, dirs, this.dirSyncer);
    this.snapshotSeq = seq;
  }

  private async readDoc(id: string): Promise<SubmissionDoc | undefined> {
    const file = docPath(this.dataDir, id);
    const db = new Low<SubmissionDoc | null>(new DurableJsonFile<SubmissionDoc | null>(file), null);
    await db.read();
    if (!db.data) return undefined;
    const problem = shapeProblem(db.data, id);
    if (problem) throw new StoreCorruptionError(`Damaged data file ${file}: ${problem}`, [file]);
    return db.data;
  }

  /** Tenant scoping: another tenant's id reads exactly like an absent one. */
  private async readOwned(tenantId: string, id: string): Promise<SubmissionDoc | undefined> {
    if (this.index.get(id)?.tenantId !== tenantId) return undefined;
    const doc = await this.readDoc(id);
    return doc?.submission.tenantId === tenantId ? doc : undefined;
  }

  private track<T>(write: boolean, task: () => Promise<T>): Promise<T> {
    if (this.state !== 'open') return Promise.reject(new StoreUnavailableError(`Store is ${this.state === 'new' ? 'not initialised' : 'closed'}`));
    if (write && this.failure) return Promise.reject(new StoreUnavailableError('Store stopped writing after an I/O error; restart to recover'));
    const p = task();
    this.operations.add(p);
    void p.then(
      () => this.operations.delete(p),
      () => this.operations.delete(p),
    );
    return p;
  }
}

export function createLowdbStore(options: LowdbStoreOptions): LowdbSubmissionStore {
  return new LowdbSubmissionStore(options);
}
