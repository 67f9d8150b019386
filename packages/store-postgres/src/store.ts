import pg from 'pg';
import { StoreCorruptionError } from '@skema/core';
import type {
  AuditEntry,
  AuditFilter,
  AuditVerification,
  CaseChange,
  CaseFilter,
  CasePage,
  CaseRecord,
  CaseStore,
  EmbedSessionRecord,
  EmbedSessionStore,
  ClaimedDelivery,
  CreateResult,
  Delivery,
  DeliveryFilter,
  DeliveryCompletion,
  DeliveryOutcome,
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
import { appendAuditEntry, queryAuditEntries } from './audit-entries.js';
import { verifyAuditChain } from './audit-verify.js';
import { bulkSeed } from './bulk-seed.js';
import { PostgresFormConfigs } from './form-configs.js';
import { PostgresCases } from './cases.js';
import { PostgresEmbedSessions } from './embed-sessions.js';
import { caseTables } from './cases-sql.js';
import { migrate } from './migrations.js';
import { PostgresOutbox } from './outbox.js';
import { migrateOutbox, outboxTables } from './outbox-sql.js';
import type { Db } from './sql.js';
import { assertSchemaName, tables } from './sql.js';
import { deleteSubmission, updateSubmission } from './submission-changes.js';
import { createSubmission } from './submission-create.js';
import { getSubmission, listSubmissions, submissionRevisions } from './submission-reads.js';

export interface PostgresStoreOptions {
  /** Used when no pool is given. */
  connectionString?: string;
  /** PostgreSQL schema holding the tables (default `skema`). */
  schema?: string;
  /** An existing pool; the store then leaves closing it to the owner. */
  pool?: pg.Pool;
  /** Size of the pool the store creates (default 10). */
  poolSize?: number;
  /** Verify the whole audit chain in init (default true): one pass over the audit table. */
  verifyAuditAtStart?: boolean;
}

/** What init found; no personal data, safe to log. */
export interface PostgresStartupReport {
  migrationsApplied: number[];
  /** `ok`, or `not-checked` when `verifyAuditAtStart` is false. A damaged chain stops init instead. */
  audit: 'ok' | 'not-checked';
  auditChecked?: number;
  ms: number;
}

export class PostgresSubmissionStore
  implements SubmissionStore, FormConfigStore, OutboxStore, CaseStore, EmbedSessionStore
{
  readonly name = 'postgres';
  readonly schema: string;
  readonly pool: pg.Pool;
  private readonly ownsPool: boolean;
  private readonly db: Db;
  private readonly formConfigs: PostgresFormConfigs;
  private readonly cases: PostgresCases;
  private readonly embedSessions: PostgresEmbedSessions;
  private readonly outbox: PostgresOutbox;
  private lastPoolError: unknown;
  startupReport: PostgresStartupReport | undefined;

  constructor(private readonly options: PostgresStoreOptions) {
    this.schema = options.schema ?? 'skema';
    assertSchemaName(this.schema);
    const t = tables(this.schema);
    this.ownsPool = !options.pool;
    this.pool =
      options.pool ?? new pg.Pool({ connectionString: options.connectionString, max: options.poolSize ?? 10 });
    // An idle client losing its connection must not crash the process; health() reports it.
    if (this.ownsPool) this.pool.on('error', (error) => (this.lastPoolError = error));
    this.db = { pool: this.pool, t };
    this.formConfigs = new PostgresFormConfigs(this.pool, t);
    this.cases = new PostgresCases(this.pool, t, caseTables(this.schema));
    this.embedSessions = new PostgresEmbedSessions(this.pool, this.schema);
    this.outbox = new PostgresOutbox(this.pool, outboxTables(this.schema));
  }

  /** Migrates, then verifies the audit chain; damage stops start-up with `StoreCorruptionError` naming where. */
  async init(): Promise<void> {
    const started = performance.now();
    const migrationsApplied = await migrate(this.pool, this.schema);
    await migrateOutbox(this.pool, this.schema);
    let checked: number | undefined;
    if (this.options.verifyAuditAtStart !== false) {
      const result = await verifyAuditChain(this.db);
      if (!result.ok && result.damage) {
        throw new StoreCorruptionError(
          `The audit log is damaged at ${result.damage.where}: ${result.damage.reason}. Restore it from backup (see packages/store-postgres/README.md), then start again.`,
          [result.damage.where],
        );
      }
      checked = result.checked;
    }
    this.startupReport = {
      migrationsApplied,
      audit: checked === undefined ? 'not-checked' : 'ok',
      ...(checked === undefined ? {} : { auditChecked: checked }),
      ms: Math.round(performance.now() - started),
    };
  }

  async close(): Promise<void> {
    if (this.ownsPool && !this.pool.ended) await this.pool.end();
  }

  create(
    input: NewSubmission,
    audit: Omit<AuditEntry, 'id'>,
    idempotency?: { key: string; requestHash: string },
  ): Promise<CreateResult> {
    return createSubmission(this.db, input, audit, idempotency);
  }

  get(tenantId: string, id: string): Promise<Submission | undefined> {
    return getSubmission(this.db, tenantId, id);
  }

  update(tenantId: string, id: string, change: SubmissionChange, audit: Omit<AuditEntry, 'id'>): Promise<Submission> {
    return updateSubmission(this.db, tenantId, id, change, audit);
  }

  list(tenantId: string, filter: SubmissionFilter): Promise<SubmissionPage> {
    return listSubmissions(this.db, tenantId, filter);
  }

  revisions(tenantId: string, id: string): Promise<SubmissionRevision[]> {
    return submissionRevisions(this.db, tenantId, id);
  }

  appendAudit(entry: Omit<AuditEntry, 'id'>): Promise<AuditEntry> {
    return appendAuditEntry(this.db, entry);
  }

  queryAudit(tenantId: string, filter: AuditFilter): Promise<{ items: AuditEntry[]; nextCursor?: string }> {
    return queryAuditEntries(this.db, tenantId, filter);
  }

  delete(tenantId: string, id: string, audit: Omit<AuditEntry, 'id'>, events?: OutboxEvent[]): Promise<boolean> {
    return deleteSubmission(this.db, tenantId, id, audit, events);
  }

  emitEvents(events: OutboxEvent[]): Promise<OutboxEvent[]> {
    return this.outbox.emit(events);
  }

  claimDeliveries(now: string, limit: number, leaseMs: number): Promise<ClaimedDelivery[]> {
    return this.outbox.claim(now, limit, leaseMs);
  }

  completeDelivery(id: string, claimToken: string, outcome: DeliveryOutcome): Promise<boolean> {
    return this.outbox.complete(id, claimToken, outcome);
  }

  completeDeliveries(completions: readonly DeliveryCompletion[]): Promise<boolean[]> {
    return this.outbox.completeAll(completions);
  }

  listDeliveries(tenantId: string, filter: DeliveryFilter): Promise<{ items: Delivery[]; nextCursor?: string }> {
    return this.outbox.list(tenantId, filter);
  }

  retryDelivery(tenantId: string, id: string, now: string): Promise<Delivery | undefined> {
    return this.outbox.retry(tenantId, id, now);
  }

  saveSubscription(subscription: WebhookSubscription): Promise<WebhookSubscription> {
    return this.outbox.saveSubscription(subscription);
  }

  listSubscriptions(tenantId: string): Promise<WebhookSubscription[]> {
    return this.outbox.subscriptions(tenantId);
  }

  deleteSubscription(tenantId: string, id: string): Promise<boolean> {
    return this.outbox.deleteSubscription(tenantId, id);
  }

  archivedRevision(tenantId: string, submissionId: string): Promise<number | undefined> {
    return this.outbox.archivedRevision(tenantId, submissionId);
  }

  verifyAudit(): Promise<AuditVerification> {
    return verifyAuditChain(this.db);
  }

  listFormConfigs(tenantId: string, options: ListFormConfigsOptions = {}): Promise<TenantFormRecord[]> {
    return this.formConfigs.list(tenantId, options.statuses);
  }

  getFormConfig(
    tenantId: string,
    kind: TenantFormRecord['kind'],
    formId: string,
    version: string,
  ): Promise<TenantFormRecord | undefined> {
    return this.formConfigs.get({ tenantId, kind, formId, version });
  }

  saveFormConfigDraft(record: TenantFormRecord, audit: Omit<AuditEntry, 'id'>): Promise<TenantFormRecord> {
    return this.formConfigs.saveDraft(record, audit);
  }

  setFormConfigStatus(
    tenantId: string,
    kind: TenantFormRecord['kind'],
    formId: string,
    version: string,
    status: Exclude<FormStatus, 'draft'>,
    audit: Omit<AuditEntry, 'id'>,
  ): Promise<TenantFormRecord> {
    return this.formConfigs.setStatus({ tenantId, kind, formId, version }, status, audit);
  }

  createCase(record: CaseRecord, audit: Omit<AuditEntry, 'id'>): Promise<CaseRecord> {
    return this.cases.create(record, audit);
  }

  getCase(tenantId: string, id: string): Promise<CaseRecord | undefined> {
    return this.cases.get(tenantId, id);
  }

  updateCase(tenantId: string, id: string, change: CaseChange, audit: Omit<AuditEntry, 'id'>): Promise<CaseRecord> {
    return this.cases.update(tenantId, id, change, audit);
  }

  listCases(tenantId: string, filter: CaseFilter): Promise<CasePage> {
    return this.cases.list(tenantId, filter);
  }

  caseOfSubmission(tenantId: string, submissionId: string): Promise<string | undefined> {
    return this.cases.caseOf(tenantId, submissionId);
  }

  // Embed sessions (embed-sessions.ts), shared by every instance on this database.
  createEmbedSession(record: EmbedSessionRecord): Promise<void> {
    return this.embedSessions.create(record);
  }

  embedSessionByToken(tokenHash: string, now: string): Promise<EmbedSessionRecord | undefined> {
    return this.embedSessions.byToken(tokenHash, now);
  }

  reserveEmbedCreate(id: string, reservation: { id: string; until: string }, now: string): Promise<boolean> {
    return this.embedSessions.reserve(id, reservation, now);
  }

  commitEmbedCreate(id: string, reservationId: string, submissionId: string): Promise<void> {
    return this.embedSessions.commit(id, reservationId, submissionId);
  }

  releaseEmbedCreate(id: string, reservationId: string): Promise<void> {
    return this.embedSessions.release(id, reservationId);
  }

  purgeExpiredEmbedSessions(now: string): Promise<number> {
    return this.embedSessions.purge(now);
  }

  async health(): Promise<StoreHealth> {
    try {
      await this.pool.query('SELECT 1');
      return {
        ok: true,
        store: this.name,
        details: { schema: this.schema, pool: { total: this.pool.totalCount, idle: this.pool.idleCount } },
      };
    } catch (error) {
      return { ok: false, store: this.name, details: { schema: this.schema, error: (error as Error).message } };
    }
  }

  /** Bulk-loads benchmark data with multi-row inserts (no audit rows). Never use for real records. */
  unsafeBulkSeed(count: number, make: (i: number) => NewSubmission, batchSize = 2000): Promise<void> {
    return bulkSeed(this.db, count, make, batchSize);
  }

  /** The last error an idle pooled connection reported (the pool replaces such connections itself). */
  get poolError(): unknown {
    return this.lastPoolError;
  }
}

export function createPostgresStore(options: PostgresStoreOptions): PostgresSubmissionStore {
  return new PostgresSubmissionStore(options);
}
