import {
  isExpired,
  retentionStart,
  type BlobStore,
  type OutboxStore,
  type RetentionPolicy,
  type Submission,
  type SubmissionStore,
} from '@skema/core';
import { outboxEvent } from '@skema/submissions';
import { archiveHolds } from './archive-gate.js';
import type { Logger } from '../observability/logger.js';
import { CLOSED_STATUSES } from './retention-policy-schema.js';

/** The audit actor of deletions by retention; reserved, so no API key can be configured with it. */
export const RETENTION_ACTOR = 'retention-job';

/** The store's largest page. */
const PAGE_SIZE = 100;

export interface RetentionTenant {
  id: string;
  retention?: RetentionPolicy;
}

export interface RetentionOptions {
  store: SubmissionStore;
  /** Usually `ServerConfig.tenants`; a tenant without `retention` is left alone. */
  tenants: readonly RetentionTenant[];
  now?: () => Date;
  logger: Logger;
  /** Stops the run between submissions (shutdown); what is done stays done. */
  signal?: AbortSignal;
  /**
   * The outbox: a submission is deleted only after an archive subscription acknowledged its final
   * document (unless the tenant's policy says `withoutArchive`), and the deletion is an event.
   */
  outbox?: OutboxStore;
  /**
   * The attachments' store: a deleted submission's files (content and metadata) go with it. Left
   * out, files stay (a server without attachments).
   */
  blobs?: BlobStore;
}

export interface TenantRetentionCounts {
  /** Closed submissions looked at. */
  examined: number;
  deleted: number;
  /** Expired but kept because of a legal hold. */
  held: number;
  /** Deletions (or page reads) that failed; the next run tries again. */
  failed: number;
  /** Expired but kept until an archive has acknowledged the final document (present when any). */
  awaitingArchive?: number;
}

export interface RetentionRunResult {
  /** Per tenant with a policy; tenants without one do not appear. */
  tenants: Record<string, TenantRetentionCounts>;
}

/**
 * Deletes every tenant's submissions whose retention period has run out (spec DP-03, Q17). Pages
 * through each closed status (never the whole store at once), deletes with an audit entry
 * (`delete` by `retention-job`, non-personal details only) and leaves legal holds alone. One
 * failing deletion or tenant is logged and counted, and the run goes on.
 */
export async function runRetention(options: RetentionOptions): Promise<RetentionRunResult> {
  const now = (options.now ?? (() => new Date()))();
  const result: RetentionRunResult = { tenants: {} };
  for (const tenant of options.tenants) {
    if (!tenant.retention || options.signal?.aborted) continue;
    const counts: TenantRetentionCounts = { examined: 0, deleted: 0, held: 0, failed: 0 };
    result.tenants[tenant.id] = counts;
    for (const status of tenant.retention.closedStatuses ?? CLOSED_STATUSES) {
      try {
        await sweepStatus(options, tenant.id, tenant.retention, status, now, counts);
      } catch (e) {
        counts.failed += 1;
        options.logger.error({ err: e, tenant: tenant.id, status }, 'retention: listing submissions failed');
      }
    }
    const level = counts.failed ? 'warn' : 'info';
    options.logger[level]({ tenant: tenant.id, ...counts }, 'retention run finished for tenant');
  }
  return result;
}

async function sweepStatus(
  options: RetentionOptions,
  tenantId: string,
  policy: RetentionPolicy,
  status: Submission['status'],
  now: Date,
  counts: TenantRetentionCounts,
): Promise<void> {
  let cursor: string | undefined;
  do {
    // Every store pages by a key (not an offset), so deleting what a page held never skips the next page.
    const page = await options.store.list(tenantId, { status, limit: PAGE_SIZE, ...(cursor ? { cursor } : {}) });
    for (const submission of page.items) {
      if (options.signal?.aborted) return;
      counts.examined += 1;
      if (!isExpired({ ...submission, legalHold: false }, policy, now)) continue;
      if (submission.legalHold) {
        counts.held += 1;
        continue;
      }
      try {
        const outcome = await deleteIfStillExpired(options, submission, policy, now);
        if (outcome === 'awaitingArchive') counts.awaitingArchive = (counts.awaitingArchive ?? 0) + 1;
        else if (outcome !== 'kept') counts[outcome] += 1;
      } catch (e) {
        counts.failed += 1;
        options.logger.error(
          { err: e, tenant: tenantId, submissionId: submission.id },
          'retention: deleting a submission failed',
        );
      }
    }
    cursor = page.nextCursor;
  } while (cursor && !options.signal?.aborted);
}

async function deleteIfStillExpired(
  options: RetentionOptions,
  listed: Submission,
  policy: RetentionPolicy,
  now: Date,
): Promise<'deleted' | 'held' | 'kept' | 'awaitingArchive'> {
  // Read again: a case reopened or put on hold since its page was read must stay. (The store itself
  // refuses to delete a legal hold; the re-read narrows the window for a reopening.)
  const current = await options.store.get(listed.tenantId, listed.id);
  if (current?.legalHold) return 'held';
  if (!current || !isExpired(current, policy, now)) return 'kept';
  if (await archiveHolds(options, current, policy)) return 'awaitingArchive';
  const days = policy.forms?.[current.formId] ?? policy.defaultDays;
  const at = now.toISOString();
  const deletedEvent = outboxEvent('submission.deleted', current, at, { reason: 'retention', retentionDays: days });
  const deleted = await options.store.delete(
    current.tenantId,
    current.id,
    {
      tenantId: current.tenantId,
      at: now.toISOString(),
      actor: RETENTION_ACTOR,
      action: 'delete',
      submissionId: current.id,
      // Non-personal details only: what kind of case, in which state, under which period.
      details: {
        formId: current.formId,
        version: current.version,
        status: current.status,
        retentionDays: days,
        closedAt: retentionStart(current),
      },
    },
    [deletedEvent],
  );
  // False: gone meanwhile, or put on hold between the read and the delete.
  if (!deleted) return 'kept';
  // After the submission, never before: a hold set in between keeps the submission, and then its files.
  await deleteAttachments(options, current);
  return 'deleted';
}

/**
 * The files of a submission deleted by retention. A failure here is logged and the run goes on;
 * the submission is gone, so its files are then left without an owner until removed by hand.
 */
async function deleteAttachments(options: RetentionOptions, submission: Submission): Promise<void> {
  const blobs = options.blobs;
  if (!blobs) return;
  try {
    for (const record of await blobs.listBlobs(submission.tenantId, { kind: 'submission', id: submission.id })) {
      await blobs.deleteBlob(submission.tenantId, record.id);
    }
  } catch (e) {
    options.logger.error(
      { err: e, tenant: submission.tenantId, submissionId: submission.id },
      'retention: deleting the attachments of a deleted submission failed',
    );
  }
}
