import { Writable } from 'node:stream';
import {
  retentionExpiry,
  type RetentionPolicy,
  type Submission,
  type SubmissionStatus,
  type SubmissionStore,
} from '@skema/core';
import { describe, expect, it, vi } from 'vitest';
import { createLogger } from '../observability/logger.js';
import { MemorySubmissionStore } from '../testing/memory-store.js';
import { RETENTION_ACTOR, runRetention, type RetentionTenant } from './retention-job.js';
import { CLOSED_STATUSES } from './retention-policy-schema.js';

const DAY = 86_400_000;
const CLOSED_AT = '2025-01-01T00:00:00.000Z';
const at = (days: number) => new Date(Date.parse(CLOSED_AT) + days * DAY);
const CPR = '0101901234';

const receipt = { formId: 'underretning', version: '1.0.0', schemaHash: 'h', plugins: [], validatedAt: CLOSED_AT };

let nextId = 0;
async function seed(
  store: SubmissionStore,
  over: { tenantId?: string; formId?: string; status?: SubmissionStatus; closedAt?: string; legalHold?: boolean } = {},
): Promise<string> {
  const id = `s${++nextId}`;
  const tenantId = over.tenantId ?? 'alpha';
  const when = over.closedAt ?? CLOSED_AT;
  const audit = { tenantId, at: when, actor: 'k', action: 'create' as const, submissionId: id };
  await store.create(
    {
      id,
      tenantId,
      formId: over.formId ?? 'underretning',
      version: '1.0.0',
      status: over.status ?? 'approved',
      data: { cpr: CPR, navn: 'Ida' },
      receipt,
      by: 'k',
      at: when,
    },
    audit,
  );
  if (over.legalHold) {
    await store.update(
      tenantId,
      id,
      { expectedRevision: 1, legalHold: true, receipt, action: 'legal-hold', changes: [], by: 'k', at: when },
      { ...audit, action: 'legal-hold' },
    );
  }
  return id;
}

function logSink(): { logger: ReturnType<typeof createLogger>; lines: string[] } {
  const lines: string[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      lines.push(chunk.toString('utf8'));
      callback();
    },
  });
  return { logger: createLogger({ level: 'debug', destination }), lines };
}

const policy: RetentionPolicy = { defaultDays: 30 };
const alpha = (retention: RetentionPolicy | undefined = policy): RetentionTenant[] => [
  { id: 'alpha', ...(retention ? { retention } : {}) },
];
// These tests are about periods: their tenants say they have no archive (archive-gate.test.ts covers the archive).
const withoutArchive = (tenants: RetentionTenant[]): RetentionTenant[] =>
  tenants.map((t) =>
    t.retention && t.retention.withoutArchive === undefined
      ? { ...t, retention: { ...t.retention, withoutArchive: true } }
      : t,
  );
const run = (store: SubmissionStore, tenants: RetentionTenant[], days: number, logger = logSink().logger) =>
  runRetention({ store, tenants: withoutArchive(tenants), now: () => at(days), logger });

describe('runRetention', () => {
  it('DP-03 deletes an expired closed submission and records the deletion without personal data', async () => {
    const store = new MemorySubmissionStore();
    const id = await seed(store, { status: 'rejected' });
    const result = await run(store, alpha(), 31);
    expect(result.tenants.alpha).toEqual({ examined: 1, deleted: 1, held: 0, failed: 0 });
    expect(await store.get('alpha', id)).toBeUndefined();
    expect(await store.revisions('alpha', id)).toEqual([]);
    const audit = (await store.queryAudit('alpha', { submissionId: id })).items.filter((a) => a.action === 'delete');
    expect(audit).toEqual([
      expect.objectContaining({
        actor: RETENTION_ACTOR,
        at: at(31).toISOString(),
        submissionId: id,
        details: {
          formId: 'underretning',
          version: '1.0.0',
          status: 'rejected',
          retentionDays: 30,
          closedAt: CLOSED_AT,
        },
      }),
    ]);
    expect(JSON.stringify(audit)).not.toMatch(new RegExp(`${CPR}|Ida`));
  });

  it('DP-03 keeps open submissions however old they are', async () => {
    const store = new MemorySubmissionStore();
    const draft = await seed(store, { status: 'draft' });
    const submitted = await seed(store, { status: 'submitted' });
    const result = await run(store, alpha(), 3650);
    expect(result.tenants.alpha).toEqual({ examined: 0, deleted: 0, held: 0, failed: 0 });
    expect(await store.get('alpha', draft)).toBeDefined();
    expect(await store.get('alpha', submitted)).toBeDefined();
  });

  it('DP-03 keeps a closed submission within its period and deletes it the moment the period ends', async () => {
    const store = new MemorySubmissionStore();
    const id = await seed(store, { status: 'withdrawn' });
    const justBefore = () => new Date(at(30).getTime() - 1);
    expect(
      (await runRetention({ store, tenants: alpha(), now: justBefore, logger: logSink().logger })).tenants.alpha
        ?.deleted,
    ).toBe(0);
    expect(await store.get('alpha', id)).toBeDefined();
    expect((await run(store, alpha(), 30)).tenants.alpha?.deleted).toBe(1);
    expect(await store.get('alpha', id)).toBeUndefined();
  });

  it('DP-03 keeps a submission on legal hold and counts it as held', async () => {
    const store = new MemorySubmissionStore();
    const held = await seed(store, { legalHold: true });
    const free = await seed(store);
    const result = await run(store, alpha(), 365);
    expect(result.tenants.alpha).toEqual({ examined: 2, deleted: 1, held: 1, failed: 0 });
    expect((await store.get('alpha', held))?.legalHold).toBe(true);
    expect(await store.get('alpha', free)).toBeUndefined();
    expect((await store.queryAudit('alpha', { submissionId: held })).items.map((a) => a.action)).not.toContain(
      'delete',
    );
  });

  it('DP-03 counts from entering the closed status: a hold released a month later does not restart the period', async () => {
    const store = new MemorySubmissionStore();
    const id = await seed(store, { status: 'submitted', closedAt: at(-10).toISOString() });
    const write = (revision: number, days: number, change: object, action: 'status' | 'legal-hold') =>
      store.update(
        'alpha',
        id,
        { expectedRevision: revision, receipt, changes: [], by: 'k', at: at(days).toISOString(), action, ...change },
        { tenantId: 'alpha', at: at(days).toISOString(), actor: 'k', action },
      );
    await write(1, 0, { status: 'approved' }, 'status');
    await write(2, 3, { legalHold: true }, 'legal-hold');
    await write(3, 31, { legalHold: false }, 'legal-hold');
    const tenants = alpha({ defaultDays: 60 });
    expect((await run(store, tenants, 59.9)).tenants.alpha).toMatchObject({ examined: 1, deleted: 0 });
    // Day 60 after closure, 29 after the release: counting from the last update would keep it until day 91.
    expect((await run(store, tenants, 60)).tenants.alpha).toMatchObject({ deleted: 1 });
    const entry = (await store.queryAudit('alpha', { submissionId: id })).items.find((a) => a.action === 'delete');
    expect(entry?.details).toMatchObject({ status: 'approved', retentionDays: 60, closedAt: CLOSED_AT });
  });

  it('DP-03 a form’s own period overrides the tenant default, both ways', async () => {
    const store = new MemorySubmissionStore();
    const underretning = await seed(store, { formId: 'underretning' });
    const log = await seed(store, { formId: 'raadgivningslog' });
    const other = await seed(store, { formId: 'aftaleskema' });
    const tenants = alpha({ defaultDays: 30, forms: { underretning: 365, raadgivningslog: 10 } });
    await run(store, tenants, 20);
    expect(await store.get('alpha', log)).toBeUndefined();
    expect(await store.get('alpha', other)).toBeDefined();
    await run(store, tenants, 100);
    expect(await store.get('alpha', other)).toBeUndefined();
    expect(await store.get('alpha', underretning)).toBeDefined();
    const late = await run(store, tenants, 365);
    expect(late.tenants.alpha?.deleted).toBe(1);
    const entry = (await store.queryAudit('alpha', { submissionId: underretning })).items.find(
      (a) => a.action === 'delete',
    );
    expect(entry?.details).toMatchObject({ formId: 'underretning', retentionDays: 365 });
  });

  it('DP-03 only a form with a period is deleted when the policy has no default', async () => {
    const store = new MemorySubmissionStore();
    const named = await seed(store, { formId: 'underretning' });
    const unnamed = await seed(store, { formId: 'aftaleskema' });
    await run(store, alpha({ forms: { underretning: 1 } }), 3650);
    expect(await store.get('alpha', named)).toBeUndefined();
    expect(await store.get('alpha', unnamed)).toBeDefined();
  });

  it('DP-03 closedStatuses narrows what counts as closed', async () => {
    const store = new MemorySubmissionStore();
    const approved = await seed(store, { status: 'approved' });
    const withdrawn = await seed(store, { status: 'withdrawn' });
    await run(store, alpha({ defaultDays: 1, closedStatuses: ['withdrawn'] }), 100);
    expect(await store.get('alpha', approved)).toBeDefined();
    expect(await store.get('alpha', withdrawn)).toBeUndefined();
  });

  it('DP-03 leaves a tenant without a policy untouched, and never reaches into other tenants', async () => {
    const store = new MemorySubmissionStore();
    const list = vi.spyOn(store, 'list');
    const alphaId = await seed(store, { tenantId: 'alpha' });
    const betaId = await seed(store, { tenantId: 'beta' });
    const gammaId = await seed(store, { tenantId: 'gamma' });
    // gamma's period is long, beta has none: alpha's policy must not delete either.
    const result = await run(
      store,
      [{ id: 'alpha', retention: policy }, { id: 'beta' }, { id: 'gamma', retention: { defaultDays: 3650 } }],
      100,
    );
    expect(Object.keys(result.tenants).sort()).toEqual(['alpha', 'gamma']);
    expect(result.tenants.gamma).toEqual({ examined: 1, deleted: 0, held: 0, failed: 0 });
    expect(await store.get('alpha', alphaId)).toBeUndefined();
    expect(await store.get('beta', betaId)).toBeDefined();
    expect(await store.get('gamma', gammaId)).toBeDefined();
    expect(list.mock.calls.map(([tenant]) => tenant)).not.toContain('beta');
    expect((await store.queryAudit('beta', {})).items.map((a) => a.action)).not.toContain('delete');
  });

  it('DP-03 pages through more than one page, deleting as it goes, never asking for more than 100', async () => {
    const store = new MemorySubmissionStore();
    const list = vi.spyOn(store, 'list');
    const ids: string[] = [];
    for (let i = 0; i < 230; i++) ids.push(await seed(store, { closedAt: i % 2 ? CLOSED_AT : at(25).toISOString() }));
    const result = await run(store, alpha({ defaultDays: 30, closedStatuses: ['approved'] }), 40);
    expect(result.tenants.alpha).toEqual({ examined: 230, deleted: 115, held: 0, failed: 0 });
    const calls = list.mock.calls.map(([, filter]) => filter);
    expect(calls.length).toBeGreaterThanOrEqual(3);
    expect(calls.every((f) => f.status === 'approved' && (f.limit ?? 50) <= 100)).toBe(true);
    expect(calls.slice(1).every((f) => typeof f.cursor === 'string')).toBe(true);
    const left = await Promise.all(ids.map((id) => store.get('alpha', id)));
    expect(left.filter(Boolean)).toHaveLength(115);
  });

  it('DP-03 a failing deletion is logged without the CPR number and the run goes on', async () => {
    const store = new MemorySubmissionStore();
    const failing = await seed(store);
    const others = [await seed(store), await seed(store)];
    const realDelete = store.delete.bind(store);
    vi.spyOn(store, 'delete').mockImplementation(async (tenantId, id, audit) => {
      if (id === failing) throw new Error(`disk full while removing ${CPR}`);
      return realDelete(tenantId, id, audit);
    });
    const { logger, lines } = logSink();
    const result = await run(store, alpha(), 100, logger);
    expect(result.tenants.alpha).toEqual({ examined: 3, deleted: 2, held: 0, failed: 1 });
    expect(await store.get('alpha', failing)).toBeDefined();
    for (const id of others) expect(await store.get('alpha', id)).toBeUndefined();
    const text = lines.join('');
    expect(text).toContain('deleting a submission failed');
    expect(text).toContain(failing);
    expect(text).not.toContain(CPR);
  });

  it('DP-03 a tenant whose listing fails is counted and logged; the next tenant still runs', async () => {
    const store = new MemorySubmissionStore();
    const betaId = await seed(store, { tenantId: 'beta' });
    const realList = store.list.bind(store);
    vi.spyOn(store, 'list').mockImplementation(async (tenantId, filter) => {
      if (tenantId === 'alpha') throw new Error(`connection reset (${CPR})`);
      return realList(tenantId, filter);
    });
    const { logger, lines } = logSink();
    const result = await run(
      store,
      [
        { id: 'alpha', retention: policy },
        { id: 'beta', retention: policy },
      ],
      100,
      logger,
    );
    expect(result.tenants.alpha?.failed).toBe(CLOSED_STATUSES.length);
    expect(result.tenants.beta?.deleted).toBe(1);
    expect(await store.get('beta', betaId)).toBeUndefined();
    expect(lines.join('')).not.toContain(CPR);
  });

  it('DP-03 keeps a submission reopened after its page was read', async () => {
    const store = new MemorySubmissionStore();
    const id = await seed(store, { status: 'rejected' });
    const realList = store.list.bind(store);
    vi.spyOn(store, 'list').mockImplementation(async (tenantId, filter) => {
      const page = await realList(tenantId, filter);
      // A caseworker returns the rejected case to draft while the job holds the stale page.
      if (page.items.some((s: Submission) => s.id === id)) {
        await store.update(
          'alpha',
          id,
          {
            expectedRevision: 1,
            status: 'draft',
            receipt,
            action: 'status',
            changes: [],
            by: 'k',
            at: at(99).toISOString(),
          },
          { tenantId: 'alpha', at: at(99).toISOString(), actor: 'k', action: 'status' },
        );
      }
      return page;
    });
    const result = await run(store, alpha(), 100);
    expect(result.tenants.alpha?.deleted).toBe(0);
    expect((await store.get('alpha', id))?.status).toBe('draft');
  });

  it('DP-03 stops between submissions when aborted', async () => {
    const store = new MemorySubmissionStore();
    for (let i = 0; i < 5; i++) await seed(store);
    const abort = new AbortController();
    const realDelete = store.delete.bind(store);
    vi.spyOn(store, 'delete').mockImplementation(async (tenantId, id, audit) => {
      abort.abort();
      return realDelete(tenantId, id, audit);
    });
    const result = await runRetention({
      store,
      tenants: withoutArchive(alpha()),
      now: () => at(100),
      logger: logSink().logger,
      signal: abort.signal,
    });
    expect(result.tenants.alpha?.deleted).toBe(1);
    expect((await store.list('alpha', {})).items).toHaveLength(4);
  });

  it('DP-03 the job’s default closed statuses are core’s', () => {
    const statuses: SubmissionStatus[] = ['draft', 'submitted', 'approved', 'rejected', 'withdrawn'];
    const closedInCore = statuses.filter((status) =>
      retentionExpiry(
        {
          id: 'x',
          tenantId: 't',
          formId: 'f',
          version: '1',
          status,
          data: {},
          revision: 1,
          receipt,
          createdAt: CLOSED_AT,
          updatedAt: CLOSED_AT,
          createdBy: 'k',
          updatedBy: 'k',
        },
        { defaultDays: 0 },
      ),
    );
    expect([...CLOSED_STATUSES].sort()).toEqual(closedInCore.sort());
  });
});
