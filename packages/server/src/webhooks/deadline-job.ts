import type { FormVersion, OutboxStore, Submission, SubmissionStatus, SubmissionStore, TenantForms } from '@skema/core';
import { outboxEvent, storedJudgedDate, type SubmissionActor, type SubmissionValidator } from '@skema/submissions';
import type { Logger } from '../observability/logger.js';

/** Open cases: their deadlines still run. */
const OPEN: SubmissionStatus[] = ['draft', 'submitted'];
const DAY = 86_400_000;

export interface DeadlineScanOptions {
  store: SubmissionStore & OutboxStore;
  forms: () => TenantForms;
  validator: SubmissionValidator;
  /** The tenants, as the actor the job validates as (rule options and calendar apply). */
  tenants: readonly SubmissionActor[];
  now: () => Date;
  /** A deadline this many days ahead counts as near (default 3). */
  horizonDays?: number;
  logger: Logger;
  signal?: AbortSignal;
}

/**
 * `deadline.due` (issue #15): re-validates each tenant's open submissions and emits one event per
 * derived deadline (`derived.deadlines`, not met) that is due within the horizon or overdue. The
 * dedupe key (submission, rule, field, date) makes it once per deadline however often the job
 * runs; a deadline moved to another date is a new one. Returns how many events were stored.
 */
export async function runDeadlineScan(options: DeadlineScanOptions): Promise<number> {
  const now = options.now();
  const horizon = new Date(now.getTime() + (options.horizonDays ?? 3) * DAY).toISOString().slice(0, 10);
  let emitted = 0;
  for (const actor of options.tenants) {
    for (const status of OPEN) {
      let cursor: string | undefined;
      do {
        if (options.signal?.aborted) return emitted;
        const page = await options.store.list(actor.tenantId, { status, limit: 100, ...(cursor ? { cursor } : {}) });
        for (const submission of page.items) emitted += await scanOne(options, actor, submission, now, horizon);
        cursor = page.nextCursor;
      } while (cursor);
    }
  }
  return emitted;
}

async function scanOne(
  options: DeadlineScanOptions,
  actor: SubmissionActor,
  submission: Submission,
  now: Date,
  horizon: string,
): Promise<number> {
  let form: FormVersion;
  try {
    form = options.forms().resolve(actor.tenantId, submission.formId, submission.version);
  } catch (e) {
    options.logger.warn({ err: e, submissionId: submission.id }, 'deadline scan: the form no longer resolves');
    return 0;
  }
  // Deadlines count from the date the submission was received (its stamp), not from the scan's clock.
  const result = await options.validator.validate(form, submission.data, {
    locale: 'da',
    mode: submission.status === 'draft' ? 'draft' : 'submitted',
    tenant: actor,
    now,
    ...storedJudgedDate(submission),
  });
  const at = now.toISOString();
  const events = result.derived.deadlines
    .filter((d) => d.status !== 'met' && d.due <= horizon)
    .map((d) =>
      outboxEvent(
        'deadline.due',
        submission,
        at,
        { deadline: { ruleId: d.ruleId, path: d.path, due: d.due, overdue: d.status === 'overdue' } },
        `${submission.id}|${d.ruleId}|${d.path}|${d.due}`,
      ),
    );
  return events.length ? (await options.store.emitEvents(events)).length : 0;
}
