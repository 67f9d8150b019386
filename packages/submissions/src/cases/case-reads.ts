import {
  applyPrefill,
  createCaseContext,
  type CaseAttachment,
  type CaseContext,
  type CaseDocument,
  type CaseFilter,
  type CaseRecord,
  type PrefillResult,
  type Submission,
} from '@skema/core';
import type { SubmissionActor } from '../actor.js';
import { seesAllCases } from './case-access.js';
import { caseAudit, type CasesDeps } from './case-deps.js';
import { loadCase } from './case-writes.js';

export interface CaseListPage {
  items: CaseRecord[];
  nextCursor?: string;
}

/** A list is bulk access: it shows the borger's name (to find the case), never a CPR or substitute number. */
export function listedCase(record: CaseRecord): CaseRecord {
  const { cpr: _cpr, substituteCpr: _substitute, ...borger } = record.borger;
  return { ...record, borger };
}

/** What the read disclosed, for the audit entry: the kind of identifier, never its value. */
function disclosed(record: CaseRecord): string[] {
  return [record.borger.cpr ? 'cpr' : undefined, record.borger.substituteCpr ? 'substituteCpr' : undefined].filter(
    (k): k is string => k !== undefined,
  );
}

export async function readCase(deps: CasesDeps, actor: SubmissionActor, id: string): Promise<CaseRecord> {
  const record = await loadCase(deps, actor, id);
  await deps.store.appendAudit(
    caseAudit(actor, deps.now().toISOString(), 'case.read', id, {
      revision: record.revision,
      disclosed: disclosed(record),
    }),
  );
  return record;
}

/** Cases the actor may see: their own team's, or every case for an oversight role. */
export async function listCases(deps: CasesDeps, actor: SubmissionActor, filter: CaseFilter): Promise<CaseListPage> {
  // Someone outside the oversight roles sees only their own cases, whatever member they ask for.
  const ownOnly = !seesAllCases(actor);
  if (ownOnly && filter.member !== undefined && filter.member !== actor.id) return { items: [] };
  const page = await deps.cases.listCases(actor.tenantId, { ...filter, ...(ownOnly ? { member: actor.id } : {}) });
  const { cursor: _c, limit: _l, text: _t, ...criteria } = filter;
  // The search text may be a name: it stays out of the audit log; that there was one does not.
  await deps.store.appendAudit({
    tenantId: actor.tenantId,
    at: deps.now().toISOString(),
    actor: actor.id,
    action: 'case.list',
    details: { ...criteria, ...(filter.text ? { text: true } : {}), count: page.items.length },
  });
  return { items: page.items.map(listedCase), ...(page.nextCursor ? { nextCursor: page.nextCursor } : {}) };
}

/** The case's submissions, read from the store (a member removed by retention is skipped). */
export async function caseSubmissions(deps: CasesDeps, record: CaseRecord): Promise<Submission[]> {
  const read = await Promise.all(record.submissions.map((m) => deps.store.get(record.tenantId, m.submissionId)));
  return read.filter((s): s is Submission => s !== undefined);
}

const documentOf = (s: Submission): CaseDocument => ({
  id: s.id,
  formId: s.formId,
  version: s.version,
  status: s.status,
  data: s.data,
  updatedAt: s.updatedAt,
});

/** The case as rules see it, without the submission being validated (its data is the rule's own). */
export async function contextOf(deps: CasesDeps, record: CaseRecord, excludeId?: string): Promise<CaseContext> {
  return createCaseContext(
    record.id,
    (await caseSubmissions(deps, record)).map(documentOf),
    await caseAttachments(deps, record),
    excludeId,
  );
}

/**
 * The files a «bilag» of a submission in the case may reference besides its own: those uploaded to
 * the case («Sagens bilag»). Another submission's files stay that submission's (one listing per
 * validation, not one per member of the case). Empty without an attachment store.
 */
async function caseAttachments(deps: CasesDeps, record: CaseRecord): Promise<CaseAttachment[]> {
  if (!deps.attachmentsOf) return [];
  const files = await deps.attachmentsOf(record.tenantId, { kind: 'case', id: record.id });
  return files.map((a): CaseAttachment => ({
    id: a.id,
    fileName: a.fileName,
    mediaType: a.mediaType,
    size: a.size,
    sha256: a.sha256,
  }));
}

/** The case context of a stored submission, or undefined when it belongs to no case. */
export async function contextOfSubmission(
  deps: CasesDeps,
  tenantId: string,
  submissionId: string,
): Promise<CaseContext | undefined> {
  const caseId = await deps.cases.caseOfSubmission(tenantId, submissionId);
  const record = caseId === undefined ? undefined : await deps.cases.getCase(tenantId, caseId);
  return record ? contextOf(deps, record, submissionId) : undefined;
}

/** The case fields a prefill mapping may name. */
export function caseFields(record: CaseRecord): Record<string, unknown> {
  return { title: record.title, borger: { ...record.borger } };
}

/**
 * Initial data for a form opened in the case, from the form version's prefill mappings, with
 * where each value came from. Audited like a read: it discloses the case's data.
 */
export async function prefillFor(
  deps: CasesDeps,
  actor: SubmissionActor,
  id: string,
  formId: string,
  version: string,
): Promise<PrefillResult & { formId: string; version: string }> {
  const record = await loadCase(deps, actor, id);
  const form = deps.forms().resolve(actor.tenantId, formId, version);
  const context = await contextOf(deps, record);
  const result = form.prefill
    ? applyPrefill(form.prefill, {
        caseFields: caseFields(record),
        latest: (f) => context.latest(f),
        formTitle: (f) => {
          try {
            return deps.forms().resolve(actor.tenantId, f, 'latest').manifest.title;
          } catch {
            return undefined;
          }
        },
      })
    : { data: {}, provenance: {} };
  await deps.store.appendAudit(
    caseAudit(actor, deps.now().toISOString(), 'case.read', id, {
      prefill: form.manifest.id,
      fields: Object.keys(result.provenance).length,
    }),
  );
  return { formId: form.manifest.id, version: form.manifest.version, ...result };
}
