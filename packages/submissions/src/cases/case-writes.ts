import { randomUUID } from 'node:crypto';
import {
  CaseMembershipError,
  NotFoundError,
  RevisionConflictError,
  type CaseBorger,
  type CaseMember,
  type CaseRecord,
} from '@skema/core';
import type { SubmissionActor } from '../actor.js';
import { PreconditionFailedError, PreconditionRequiredError } from '../errors.js';
import { loadOwned, type ExpectedRevision } from '../preconditions.js';
import { mayRead } from './case-access.js';
import { caseAudit, type CasesDeps } from './case-deps.js';
import { alreadyInCase, caseClosed, CaseNotFoundError } from './case-errors.js';
import { checkedTitle, normaliseBorger } from './case-input.js';

export interface CaseCreateInput {
  title: string;
  borger: CaseBorger;
  team?: readonly string[] | undefined;
  submissionIds?: readonly string[] | undefined;
}

export interface CaseUpdateInput {
  title?: string | undefined;
  borger?: CaseBorger | undefined;
  team?: readonly string[] | undefined;
}

const MAX_ANY_ATTEMPTS = 50;

/** A case the actor may see; another tenant's, or one outside the actor's need to know, reads as absent. */
export async function loadCase(deps: CasesDeps, actor: SubmissionActor, id: string): Promise<CaseRecord> {
  const record = await deps.cases.getCase(actor.tenantId, id);
  if (!record || !mayRead(actor, record)) throw new CaseNotFoundError();
  return record;
}

/** The members for submissions to attach: each must exist in the tenant and belong to no case. */
async function membersFor(
  deps: CasesDeps,
  actor: SubmissionActor,
  ids: readonly string[],
  at: string,
  already: readonly CaseMember[] = [],
): Promise<CaseMember[]> {
  const members: CaseMember[] = [];
  for (const id of new Set(ids)) {
    if (already.some((m) => m.submissionId === id)) continue;
    const submission = await loadOwned(deps.store, actor.tenantId, id);
    if ((await deps.cases.caseOfSubmission(actor.tenantId, id)) !== undefined) throw alreadyInCase(id);
    members.push({ submissionId: id, formId: submission.formId, attachedAt: at });
  }
  return members;
}

/** Store errors as the use case's own. */
function translated(error: unknown): never {
  if (error instanceof CaseMembershipError) throw alreadyInCase(error.submissionId);
  if (error instanceof NotFoundError) throw new CaseNotFoundError();
  throw error;
}

export async function createCase(deps: CasesDeps, actor: SubmissionActor, input: CaseCreateInput): Promise<CaseRecord> {
  const at = deps.now().toISOString();
  const submissions = await membersFor(deps, actor, input.submissionIds ?? [], at);
  const record: CaseRecord = {
    id: randomUUID(),
    tenantId: actor.tenantId,
    title: checkedTitle(input.title),
    borger: normaliseBorger(input.borger),
    // The creator works on the case: without it they could not read what they just made.
    team: [...new Set([actor.id, ...(input.team ?? [])])],
    status: 'open',
    submissions,
    revision: 1,
    createdAt: at,
    updatedAt: at,
    createdBy: actor.id,
    updatedBy: actor.id,
  };
  const audit = caseAudit(actor, at, 'case.create', record.id, { revision: 1, submissions: submissions.length });
  return deps.cases.createCase(record, audit).catch(translated);
}

type Change = { title?: string; borger?: CaseBorger; team?: string[]; status?: 'closed'; attach?: CaseMember[] };

/**
 * Loads the case, checks the expected revision and applies a change; with `'any'` a change that
 * lands between read and write is answered by running again on the new revision.
 */
async function writeCase(
  deps: CasesDeps,
  actor: SubmissionActor,
  id: string,
  expected: ExpectedRevision,
  action: 'case.update' | 'case.attach' | 'case.close',
  build: (current: CaseRecord, at: string) => Promise<Change>,
): Promise<CaseRecord> {
  for (let attempt = 1; ; attempt++) {
    const current = await loadCase(deps, actor, id);
    if (expected === undefined) throw new PreconditionRequiredError();
    if (expected !== 'any' && expected !== current.revision) throw new PreconditionFailedError(current.revision);
    if (current.status === 'closed') throw caseClosed();
    const at = deps.now().toISOString();
    const change = await build(current, at);
    const details = {
      revision: current.revision + 1,
      ...(change.status ? { status: change.status } : {}),
      ...(change.attach ? { attached: change.attach.map((m) => m.submissionId) } : {}),
    };
    try {
      return await deps.cases.updateCase(
        actor.tenantId,
        id,
        { ...change, expectedRevision: current.revision, by: actor.id, at },
        caseAudit(actor, at, action, id, details),
      );
    } catch (e) {
      if (e instanceof RevisionConflictError && expected === 'any' && attempt < MAX_ANY_ATTEMPTS) continue;
      if (e instanceof RevisionConflictError) throw new PreconditionFailedError(e.actual);
      translated(e);
    }
  }
}

export function updateCase(
  deps: CasesDeps,
  actor: SubmissionActor,
  id: string,
  input: CaseUpdateInput,
  expected: ExpectedRevision,
): Promise<CaseRecord> {
  return writeCase(deps, actor, id, expected, 'case.update', async () => ({
    ...(input.title !== undefined ? { title: checkedTitle(input.title) } : {}),
    ...(input.borger !== undefined ? { borger: normaliseBorger(input.borger) } : {}),
    // The team may change, but never so that nobody on it can read the case any more.
    ...(input.team !== undefined ? { team: [...new Set(input.team.length ? input.team : [actor.id])] } : {}),
  }));
}

export function closeCase(
  deps: CasesDeps,
  actor: SubmissionActor,
  id: string,
  expected: ExpectedRevision,
): Promise<CaseRecord> {
  return writeCase(deps, actor, id, expected, 'case.close', async () => ({ status: 'closed' }));
}

export function attachSubmissions(
  deps: CasesDeps,
  actor: SubmissionActor,
  id: string,
  submissionIds: readonly string[],
  expected: ExpectedRevision,
): Promise<CaseRecord> {
  return writeCase(deps, actor, id, expected, 'case.attach', async (current, at) => ({
    attach: await membersFor(deps, actor, submissionIds, at, current.submissions),
  }));
}
