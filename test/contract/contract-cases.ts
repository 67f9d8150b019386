import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CaseMembershipError,
  NotFoundError,
  RevisionConflictError,
  type AuditEntry,
  type CaseRecord,
  type CaseStore,
  type SubmissionStore,
} from '@skema/core';
import { tenant } from './fixtures.js';

export interface CaseHarness {
  store: CaseStore & Pick<SubmissionStore, 'queryAudit'>;
  /** Close and open the storage again (durable stores). */
  reopen?(): Promise<CaseStore & Pick<SubmissionStore, 'queryAudit'>>;
  cleanup(): Promise<void>;
}

const at = (minute: number): string => `2025-03-01T09:${String(minute).padStart(2, '0')}:00.000Z`;

export function caseRecord(tenantId: string, id: string, overrides: Partial<CaseRecord> = {}): CaseRecord {
  return {
    id,
    tenantId,
    title: `Sag ${id}`,
    borger: { name: 'Asta Jensen', cpr: '010110-1234' },
    team: ['sara'],
    status: 'open',
    submissions: [],
    revision: 1,
    createdAt: at(0),
    updatedAt: at(0),
    createdBy: 'sara',
    updatedBy: 'sara',
    ...overrides,
  };
}

const audit = (tenantId: string, action: AuditEntry['action'], caseId: string, minute = 0): Omit<AuditEntry, 'id'> => ({
  tenantId,
  at: at(minute),
  actor: 'sara',
  action,
  details: { caseId },
});

const member = (submissionId: string, formId = 'henvendelsesskema') => ({ submissionId, formId, attachedAt: at(1) });

/** The behaviour every CaseStore must show: tenant isolation, optimistic revisions, one case per submission, audit with each write, filters and paging. */
export function runCaseContract(name: string, make: () => Promise<CaseHarness>): void {
  describe(`CaseStore contract: ${name}`, () => {
    let harness: CaseHarness | undefined;
    const h = (): CaseHarness => {
      if (!harness) throw new Error('store not created');
      return harness;
    };
    beforeAll(async () => {
      harness = await make();
    });
    afterAll(async () => {
      await harness?.cleanup();
    });

    it('creates and reads a case; another tenant reads it as absent', async () => {
      const t = tenant();
      const record = caseRecord(t, 'c1', { submissions: [member('s1')] });
      expect(await h().store.createCase(record, audit(t, 'case.create', 'c1'))).toEqual(record);
      expect(await h().store.getCase(t, 'c1')).toEqual(record);
      expect(await h().store.getCase(tenant(), 'c1')).toBeUndefined();
      expect(await h().store.caseOfSubmission(t, 's1')).toBe('c1');
      expect(await h().store.caseOfSubmission(tenant(), 's1')).toBeUndefined();
    });

    it('writes the audit entry with the case', async () => {
      const t = tenant();
      await h().store.createCase(caseRecord(t, 'c1'), audit(t, 'case.create', 'c1'));
      await h().store.updateCase(
        t,
        'c1',
        { expectedRevision: 1, title: 'Ny', by: 'bo', at: at(2) },
        audit(t, 'case.update', 'c1', 2),
      );
      const entries = (await h().store.queryAudit(t, { limit: 10 })).items;
      expect(entries.map((e) => [e.action, e.details?.caseId])).toEqual([
        ['case.create', 'c1'],
        ['case.update', 'c1'],
      ]);
    });

    it('updates only the expected revision and appends members', async () => {
      const t = tenant();
      await h().store.createCase(caseRecord(t, 'c1'), audit(t, 'case.create', 'c1'));
      const updated = await h().store.updateCase(
        t,
        'c1',
        { expectedRevision: 1, title: 'Ny', team: ['sara', 'bo'], attach: [member('s1')], by: 'bo', at: at(2) },
        audit(t, 'case.update', 'c1', 2),
      );
      expect(updated).toMatchObject({
        title: 'Ny',
        team: ['sara', 'bo'],
        revision: 2,
        updatedAt: at(2),
        updatedBy: 'bo',
        submissions: [member('s1')],
      });
      await expect(
        h().store.updateCase(
          t,
          'c1',
          { expectedRevision: 1, status: 'closed', by: 'bo', at: at(3) },
          audit(t, 'case.close', 'c1', 3),
        ),
      ).rejects.toBeInstanceOf(RevisionConflictError);
      await expect(
        h().store.updateCase(
          tenant(),
          'c1',
          { expectedRevision: 2, status: 'closed', by: 'bo', at: at(3) },
          audit(t, 'case.close', 'c1', 3),
        ),
      ).rejects.toBeInstanceOf(NotFoundError);
      expect(await h().store.getCase(t, 'c1')).toMatchObject({ revision: 2, status: 'open' });
    });

    it('keeps a submission in one case only, and a refused write changes nothing', async () => {
      const t = tenant();
      await h().store.createCase(caseRecord(t, 'a', { submissions: [member('s1')] }), audit(t, 'case.create', 'a'));
      await h().store.createCase(caseRecord(t, 'b'), audit(t, 'case.create', 'b'));
      await expect(
        h().store.updateCase(
          t,
          'b',
          { expectedRevision: 1, attach: [member('s2'), member('s1')], by: 'sara', at: at(2) },
          audit(t, 'case.attach', 'b'),
        ),
      ).rejects.toBeInstanceOf(CaseMembershipError);
      await expect(
        h().store.createCase(caseRecord(t, 'c', { submissions: [member('s1')] }), audit(t, 'case.create', 'c')),
      ).rejects.toBeInstanceOf(CaseMembershipError);
      expect(await h().store.getCase(t, 'b')).toMatchObject({ revision: 1, submissions: [] });
      expect(await h().store.getCase(t, 'c')).toBeUndefined();
      expect(await h().store.caseOfSubmission(t, 's2')).toBeUndefined();
      // Another tenant's submission ids are its own.
      const other = tenant();
      await expect(
        h().store.createCase(caseRecord(other, 'a', { submissions: [member('s1')] }), audit(other, 'case.create', 'a')),
      ).resolves.toMatchObject({ id: 'a' });
    });

    it('serialises concurrent attaches of one submission: exactly one wins', async () => {
      const t = tenant();
      await h().store.createCase(caseRecord(t, 'a'), audit(t, 'case.create', 'a'));
      await h().store.createCase(caseRecord(t, 'b'), audit(t, 'case.create', 'b'));
      const results = await Promise.allSettled(
        ['a', 'b'].map((id) =>
          h().store.updateCase(
            t,
            id,
            { expectedRevision: 1, attach: [member('s1')], by: 'sara', at: at(2) },
            audit(t, 'case.attach', id),
          ),
        ),
      );
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
      expect((results.find((r) => r.status === 'rejected') as PromiseRejectedResult).reason).toBeInstanceOf(
        CaseMembershipError,
      );
    });

    it('filters by status, member, form and text, newest change first, in pages', async () => {
      const t = tenant();
      await h().store.createCase(
        caseRecord(t, 'a', { title: 'Skolefravær', updatedAt: at(1) }),
        audit(t, 'case.create', 'a'),
      );
      await h().store.createCase(
        caseRecord(t, 'b', {
          borger: { name: 'Bo Hansen', birthDate: '2014-01-01' },
          team: ['bo'],
          updatedAt: at(2),
          submissions: [member('s9', 'trivselsvurdering')],
        }),
        audit(t, 'case.create', 'b'),
      );
      await h().store.createCase(
        caseRecord(t, 'c', { status: 'closed', updatedAt: at(3) }),
        audit(t, 'case.create', 'c'),
      );
      const ids = async (filter: Parameters<CaseStore['listCases']>[1]) =>
        (await h().store.listCases(t, filter)).items.map((c) => c.id);
      expect(await ids({})).toEqual(['c', 'b', 'a']);
      expect(await ids({ status: 'open' })).toEqual(['b', 'a']);
      expect(await ids({ member: 'bo' })).toEqual(['b']);
      expect(await ids({ formId: 'trivselsvurdering' })).toEqual(['b']);
      expect(await ids({ text: 'HANSEN' })).toEqual(['b']);
      expect(await ids({ text: 'skolefr' })).toEqual(['a']);
      const first = await h().store.listCases(t, { limit: 2 });
      expect(first.items.map((c) => c.id)).toEqual(['c', 'b']);
      const second = await h().store.listCases(t, { limit: 2, cursor: first.nextCursor! });
      expect(second.items.map((c) => c.id)).toEqual(['a']);
      expect(second.nextCursor).toBeUndefined();
      expect((await h().store.listCases(tenant(), {})).items).toEqual([]);
    });

    it('keeps cases across a re-open', async () => {
      if (!h().reopen) return;
      const t = tenant();
      const record = caseRecord(t, 'durable', { submissions: [member('s1')] });
      await h().store.createCase(record, audit(t, 'case.create', 'durable'));
      await h().store.updateCase(
        t,
        'durable',
        { expectedRevision: 1, status: 'closed', by: 'sara', at: at(4) },
        audit(t, 'case.close', 'durable', 4),
      );
      const reopened = await h().reopen!();
      expect(await reopened.getCase(t, 'durable')).toMatchObject({ status: 'closed', revision: 2 });
      expect(await reopened.caseOfSubmission(t, 's1')).toBe('durable');
      expect((await reopened.listCases(t, { status: 'closed' })).items.map((c) => c.id)).toEqual(['durable']);
    });
  });
}
