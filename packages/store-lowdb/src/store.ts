import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type {
  AuditEntry,
  AuditFilter,
  AuditVerification,
  CaseChange,
  CaseFilter,
  CasePage,
  CaseRecord,
  CaseStore,
  ClaimedDelivery,
  CreateResult,
  Delivery,
  DeliveryCompletion,
  DeliveryFilter,
  DeliveryOutcome,
  EmbedSessionRecord,
  EmbedSessionStore,
  FormConfigStore,
  OutboxEvent,
  OutboxStore,
  WebhookSubscription,
  FormStatus,
  ListFormConfigsOptions,
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
import type { StartupReport } from './recover.js';
import { recoverDataDir } from './recover.js';
import { AuditLog } from './audit-log.js';
import { appendAuditEntry, queryAuditEntries } from './audit-entries.js';
import { SUBMISSIONS_DIR } from './doc.js';
import { DurableWriter } from './durable-writer.js';
import { StoreUnavailableError } from './errors.js';
import { DirSyncer } from './fs-sync.js';
import type { FormConfigWriter } from './form-configs.js';
import { LowdbFormConfigs } from './form-configs.js';
import { LowdbEmbedSessions } from './embed-sessions.js';
import { LowdbCases, type CaseWriter } from './cases.js';
import { DataDirLock } from './lock.js';
import { OperationGate } from './operation-gate.js';
import { LowdbOutbox, type CompactionReport } from './outbox.js';
import type { OutboxCompactionOptions } from './outbox-compaction.js';
import { outboxCommitCheck } from './outbox-recovery.js';
import { INDEX_DIR } from './snapshot.js';
import { SnapshotSchedule } from './snapshot-schedule.js';
import type { StoreParts } from './store-parts.js';
import { SubmissionIndex } from './submission-index.js';
import type { IndexEntry } from './submission-index.js';
import { SubmissionReads } from './submission-reads.js';
import { SubmissionWrites } from './submission-writes.js';
import { VoidedEntries } from './voided.js';

export interface LowdbStoreOptions {
  dataDir: string;
  /** 'stat' (default): files whose inode/size/mtime match the snapshot are trusted; 'full': read and verify every file. */
  verify?: 'stat' | 'full';
  /** Audit lines per segment file (default 100 000); segments also roll over every UTC day. */
  auditSegmentLines?: number;
  /** Writes between automatic index snapshots (default 20 000); one is always written at init and close. */
  snapshotEvery?: number;
  /**
   * Start writing although audit entries known to exist are missing from the end of the log (or the
   * head file is gone), recording the gap in the log. Only after an operator has tried to restore
   * the missing segment from backup; without it such a store starts read-only.
   */
  acceptAuditGap?: boolean;
  /** When the outbox log is compacted and what it keeps (README "Outbox"). */
  outboxCompaction?: OutboxCompactionOptions;
}

/** Embedded store: one lowdb document per submission or form configuration, a JSON-lines audit log, an in-memory index. */
export class LowdbSubmissionStore
  implements SubmissionStore, FormConfigStore, OutboxStore, CaseStore, EmbedSessionStore
{
  readonly name = 'lowdb';
  readonly dataDir: string;
  readonly dirSyncer = new DirSyncer();
  startupReport: StartupReport | undefined;
  /** Why the store refuses writes although it is open (audit entries missing from the log). */
  private auditReadOnly: string | undefined;
  private readonly submissionsDir: string;
  private readonly lock: DataDirLock;
  private readonly parts: StoreParts;
  private readonly gate: OperationGate;
  private readonly snapshots: SnapshotSchedule;
  private readonly reads: SubmissionReads;
  private readonly writes: SubmissionWrites;
  private readonly formConfigs: LowdbFormConfigs;
  private readonly configWriter: FormConfigWriter;
  private readonly cases: LowdbCases;
  private readonly caseWriter: CaseWriter;
  private readonly embedSessions: LowdbEmbedSessions;

  constructor(private readonly options: LowdbStoreOptions) {
    this.dataDir = path.resolve(options.dataDir);
    this.submissionsDir = path.join(this.dataDir, SUBMISSIONS_DIR);
    this.lock = new DataDirLock(this.dataDir);
    const audit = new AuditLog(this.dataDir, options.auditSegmentLines, this.dirSyncer);
    const voided: VoidedEntries = new VoidedEntries(this.dataDir, audit, (): number => writer.nextSeq());
    const writer = new DurableWriter(audit, voided, this.dirSyncer, () => this.snapshots.afterWrite());
    this.parts = {
      dataDir: this.dataDir,
      audit,
      voided,
      writer,
      index: new SubmissionIndex(),
      outbox: new LowdbOutbox(this.dataDir, options.outboxCompaction),
    };
    this.gate = new OperationGate(
      () =>
        this.auditReadOnly ??
        (writer.failure || this.parts.outbox.failure
          ? 'The store stopped writing after an I/O error; restart to recover'
          : undefined),
    );
    this.snapshots = new SnapshotSchedule(
      {
        dataDir: this.dataDir,
        submissionsDir: this.submissionsDir,
        dirSyncer: this.dirSyncer,
        index: () => this.parts.index,
        settledSeq: () => writer.settledSeq(),
      },
      options,
    );
    this.reads = new SubmissionReads(this.parts);
    this.writes = new SubmissionWrites(this.parts, this.reads);
    this.formConfigs = new LowdbFormConfigs(this.dataDir);
    this.configWriter = {
      nextSeq: () => writer.nextSeq(),
      commit: (file, doc, line) => writer.writeFile(file, doc, line).then(() => undefined),
    };
    this.cases = new LowdbCases(this.dataDir);
    this.caseWriter = {
      nextSeq: () => writer.nextSeq(),
      commit: (file, doc, line) => writer.writeFile(file, doc, line).then(() => undefined),
    };
    this.embedSessions = new LowdbEmbedSessions(this.dataDir, this.dirSyncer);
  }

  async init(): Promise<void> {
    const { parts, gate } = this;
    if (gate.state !== 'new') throw new StoreUnavailableError(`Store already ${gate.state}`);
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
        audit: parts.audit,
        voided: parts.voided,
      });
      parts.index = recovered.index;
      this.formConfigs.load(recovered.formConfigs);
      await this.embedSessions.load();
      this.cases.load(recovered.cases);
      parts.writer.seq = recovered.seq;
      const audit = await this.openAudit(recovered);
      const outbox = await parts.outbox.load(outboxCommitCheck(this.reads));
      gate.state = 'open';
      if (recovered.changed) await this.snapshots.writeNow();
      else this.snapshots.trust(parts.writer.seq);
      this.startupReport = {
        ...recovered.report,
        audit,
        outbox,
        ...(tookOverFromPid !== undefined ? { tookOverLockFromPid: tookOverFromPid } : {}),
        ms: Math.round(performance.now() - started),
      };
    } catch (error) {
      gate.state = 'closed';
      await parts.outbox.close().catch(() => undefined);
      await parts.audit.close().catch(() => undefined);
      await this.lock.release();
      throw error;
    }
  }

  /**
   * Opens the audit log for appending, records what recovery voided, or, when entries known to exist
   * are missing, stays read-only (every write needs an audit entry) unless the gap is accepted.
   */
  private async openAudit(recovered: Awaited<ReturnType<typeof recoverDataDir>>): Promise<StartupReport['audit']> {
    const { audit, voided, writer } = this.parts;
    const gap = recovered.gap;
    if (gap && !this.options.acceptAuditGap) {
      this.auditReadOnly = `${gap.message}. The store is read-only: restore ${gap.file} from backup and restart, or, if it cannot be restored, restart once with acceptAuditGap (SKEMA_ACCEPT_AUDIT_GAP=1) to record the gap and write again.`;
      return 'read-only';
    }
    await audit.startWriting();
    if (gap)
      await audit.append({
        seq: writer.nextSeq(),
        gap: { lastSeq: gap.lastSeq, headSeq: gap.headSeq, at: new Date().toISOString() },
      });
    await voided.add([...recovered.legacyVoided, ...recovered.toVoid]);
    if (recovered.legacyVoided.length > 0) await voided.retireLegacy();
    return gap ? 'gap-accepted' : 'ok';
  }

  async close(): Promise<void> {
    const { parts, gate } = this;
    if (gate.state !== 'open') {
      gate.state = 'closed';
      return;
    }
    gate.state = 'closing';
    await gate.settled();
    await this.snapshots.running;
    try {
      const stale = this.snapshots.isStale(parts.writer.seq);
      if (stale && !parts.writer.failure && !parts.audit.failed && !this.auditReadOnly) await this.snapshots.writeNow();
    } finally {
      await parts.outbox.close().catch(() => undefined);
      await parts.audit.close();
      await this.lock.release();
      gate.state = 'closed';
    }
  }

  create(
    input: NewSubmission,
    audit: Omit<AuditEntry, 'id'>,
    idempotency?: { key: string; requestHash: string },
  ): Promise<CreateResult> {
    return this.gate.track(true, () => this.writes.create(input, audit, idempotency));
  }

  get(tenantId: string, id: string): Promise<Submission | undefined> {
    return this.gate.track(false, () => this.reads.get(tenantId, id));
  }

  update(tenantId: string, id: string, change: SubmissionChange, audit: Omit<AuditEntry, 'id'>): Promise<Submission> {
    return this.gate.track(true, () => this.writes.update(tenantId, id, change, audit));
  }

  list(tenantId: string, filter: SubmissionFilter): Promise<SubmissionPage> {
    return this.gate.track(false, () => this.reads.list(tenantId, filter));
  }

  revisions(tenantId: string, id: string): Promise<SubmissionRevision[]> {
    return this.gate.track(false, () => this.reads.revisions(tenantId, id));
  }

  appendAudit(entry: Omit<AuditEntry, 'id'>): Promise<AuditEntry> {
    return this.gate.track(true, () => appendAuditEntry(this.parts, entry));
  }

  queryAudit(tenantId: string, filter: AuditFilter): Promise<{ items: AuditEntry[]; nextCursor?: string }> {
    return this.gate.track(false, () => queryAuditEntries(this.parts, tenantId, filter));
  }

  delete(tenantId: string, id: string, audit: Omit<AuditEntry, 'id'>, events?: OutboxEvent[]): Promise<boolean> {
    return this.gate.track(true, () => this.writes.delete(tenantId, id, audit, events));
  }

  // The outbox (README "Outbox"): one process delivers, the one holding the data-folder lock.

  emitEvents(events: OutboxEvent[]): Promise<OutboxEvent[]> {
    return this.gate.track(true, () => this.parts.outbox.emit(events));
  }

  claimDeliveries(now: string, limit: number, leaseMs: number): Promise<ClaimedDelivery[]> {
    return this.gate.track(false, async () => this.parts.outbox.claim(now, limit, leaseMs));
  }

  completeDelivery(id: string, claimToken: string, outcome: DeliveryOutcome): Promise<boolean> {
    return this.gate.track(false, () => this.parts.outbox.complete(id, claimToken, outcome));
  }

  completeDeliveries(completions: readonly DeliveryCompletion[]): Promise<boolean[]> {
    return this.gate.track(false, () => this.parts.outbox.completeAll(completions));
  }

  /** Compacts the outbox log now (it also compacts itself as it grows); undefined when the store is not open. */
  compactOutbox(now?: Date): Promise<CompactionReport | undefined> {
    return this.gate.track(false, () => this.parts.outbox.compact(now));
  }

  listDeliveries(tenantId: string, filter: DeliveryFilter): Promise<{ items: Delivery[]; nextCursor?: string }> {
    return this.gate.track(false, async () => this.parts.outbox.list(tenantId, filter));
  }

  retryDelivery(tenantId: string, id: string, now: string): Promise<Delivery | undefined> {
    return this.gate.track(false, () => this.parts.outbox.retry(tenantId, id, now));
  }

  saveSubscription(subscription: WebhookSubscription): Promise<WebhookSubscription> {
    return this.gate.track(false, () => this.parts.outbox.saveSubscription(subscription));
  }

  listSubscriptions(tenantId: string): Promise<WebhookSubscription[]> {
    return this.gate.track(false, async () => this.parts.outbox.subscriptions(tenantId));
  }

  deleteSubscription(tenantId: string, id: string): Promise<boolean> {
    return this.gate.track(false, () => this.parts.outbox.deleteSubscription(tenantId, id));
  }

  archivedRevision(tenantId: string, submissionId: string): Promise<number | undefined> {
    return this.gate.track(false, async () => this.parts.outbox.archivedRevision(tenantId, submissionId));
  }

  verifyAudit(): Promise<AuditVerification> {
    return this.gate.track(false, async () => {
      const result = await this.parts.audit.verify();
      const gap = this.startupReport?.auditGap;
      if (result.ok && this.auditReadOnly && gap)
        return { ok: false, checked: result.checked, damage: { where: gap.file, reason: gap.message } };
      return result;
    });
  }

  listFormConfigs(tenantId: string, options: ListFormConfigsOptions = {}): Promise<TenantFormRecord[]> {
    return this.gate.track(false, async () => this.formConfigs.list(tenantId, options.statuses));
  }

  getFormConfig(
    tenantId: string,
    kind: TenantFormRecord['kind'],
    formId: string,
    version: string,
  ): Promise<TenantFormRecord | undefined> {
    return this.gate.track(false, async () => this.formConfigs.get({ tenantId, kind, formId, version }));
  }

  saveFormConfigDraft(record: TenantFormRecord, audit: Omit<AuditEntry, 'id'>): Promise<TenantFormRecord> {
    return this.gate.track(true, async () => this.formConfigs.saveDraft(record, audit, this.configWriter));
  }

  setFormConfigStatus(
    tenantId: string,
    kind: TenantFormRecord['kind'],
    formId: string,
    version: string,
    status: Exclude<FormStatus, 'draft'>,
    audit: Omit<AuditEntry, 'id'>,
  ): Promise<TenantFormRecord> {
    return this.gate.track(true, async () =>
      this.formConfigs.setStatus({ tenantId, kind, formId, version }, status, audit, this.configWriter),
    );
  }

  createCase(record: CaseRecord, audit: Omit<AuditEntry, 'id'>): Promise<CaseRecord> {
    return this.gate.track(true, () => this.cases.create(record, audit, this.caseWriter));
  }

  getCase(tenantId: string, id: string): Promise<CaseRecord | undefined> {
    return this.gate.track(false, () => this.cases.get(tenantId, id));
  }

  updateCase(tenantId: string, id: string, change: CaseChange, audit: Omit<AuditEntry, 'id'>): Promise<CaseRecord> {
    return this.gate.track(true, () => this.cases.update(tenantId, id, change, audit, this.caseWriter));
  }

  listCases(tenantId: string, filter: CaseFilter): Promise<CasePage> {
    return this.gate.track(false, async () => this.cases.list(tenantId, filter));
  }

  caseOfSubmission(tenantId: string, submissionId: string): Promise<string | undefined> {
    return this.gate.track(false, async () => this.cases.caseOf(tenantId, submissionId));
  }

  // Embed sessions (embed-sessions.ts): one process holds the data directory, so apps sharing this object share them.
  createEmbedSession(record: EmbedSessionRecord): Promise<void> {
    return this.gate.track(true, () => this.embedSessions.create(record));
  }

  embedSessionByToken(tokenHash: string, now: string): Promise<EmbedSessionRecord | undefined> {
    return this.gate.track(false, async () => this.embedSessions.byTokenHash(tokenHash, now));
  }

  reserveEmbedCreate(id: string, reservation: { id: string; until: string }, now: string): Promise<boolean> {
    return this.gate.track(true, () => this.embedSessions.reserve(id, reservation, now));
  }

  commitEmbedCreate(id: string, reservationId: string, submissionId: string): Promise<void> {
    return this.gate.track(true, () => this.embedSessions.commit(id, reservationId, submissionId));
  }

  releaseEmbedCreate(id: string, reservationId: string): Promise<void> {
    return this.gate.track(true, () => this.embedSessions.release(id, reservationId));
  }

  purgeExpiredEmbedSessions(now: string): Promise<number> {
    return this.gate.track(true, () => this.embedSessions.purge(now));
  }

  async health(): Promise<StoreHealth> {
    const { parts, gate } = this;
    const failure = parts.writer.failure ?? parts.audit.failed ?? parts.outbox.failure ?? this.auditReadOnly;
    const ok = gate.state === 'open' && !failure;
    return {
      ok,
      store: this.name,
      details: {
        state: gate.state,
        submissions: parts.index.size,
        formConfigs: this.formConfigs.size,
        audit: this.auditReadOnly ? 'read-only' : 'ok',
        ...(ok ? {} : { error: String(failure ?? 'not open') }),
      },
    };
  }

  /** Adds entries for files written by `seedLowdbStore`; benchmarks and tests only. */
  adoptSeeded(entries: IndexEntry[]): void {
    if (this.gate.state !== 'open') throw new StoreUnavailableError('Store is not open');
    this.parts.index.load(entries);
  }
}

export function createLowdbStore(options: LowdbStoreOptions): LowdbSubmissionStore {
  return new LowdbSubmissionStore(options);
}
