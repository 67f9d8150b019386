import {
  scrubDetails,
  type AuditEntry,
  type AuditFilter,
  type Submission,
  type SubmissionFilter,
  type SubmissionListItem,
  type SubmissionRevision,
} from '@skema/core';
import type { SubmissionActor } from './actor.js';
import type { SubmissionsDeps } from './deps.js';
import { personOf } from './approve.js';
import { buildSearch } from './list-search.js';
import { creatorsOf } from './list-view.js';
import type { SensitiveAccess } from './sensitive-access.js';
import type { SubmissionVisibility } from './visibility.js';

export interface SubmissionListPage {
  items: SubmissionListItem[];
  nextCursor?: string;
}

export interface AuditPage {
  items: AuditEntry[];
  nextCursor?: string;
}

/**
 * Reads of submissions; every read is recorded in the audit log (who read what, never the data).
 * DP-02: a list is bulk access and must not hand out CPR numbers or health data in bulk, so its
 * items come without their sensitive values (`redacted` names what was removed). The full record
 * is read one submission at a time, and each such read's audit entry records the categories of
 * sensitive data it disclosed (`sensitive`), never the values.
 */
export class SubmissionReads {
  constructor(
    private readonly deps: SubmissionsDeps,
    private readonly sensitive: SensitiveAccess,
    private readonly visibility: SubmissionVisibility,
  ) {}

  async get(actor: SubmissionActor, id: string): Promise<Submission> {
    const submission = await this.visibility.load(actor, id);
    const fields = this.sensitive.fieldsFor(actor.tenantId)(submission.formId, submission.version);
    await this.audit(
      actor,
      'read',
      { revision: submission.revision, ...this.sensitive.readDetails(submission.data, fields) },
      submission.id,
    );
    return submission;
  }

  /**
   * `listFields`: the data pointers the tenant's list policy shows, by form id (none by default).
   * `text`: a search over what the list shows the caller (see `buildSearch`). Each item names its
   * case (id and title) and its creator.
   */
  async list(
    actor: SubmissionActor,
    filter: SubmissionFilter,
    listFields?: Readonly<Record<string, readonly string[]>>,
    text?: string,
  ): Promise<SubmissionListPage> {
    const fieldsOf = this.sensitive.fieldsFor(actor.tenantId);
    const search =
      text === undefined
        ? undefined
        : await buildSearch(this.deps, actor.tenantId, text, {
            listFields: listFields ?? {},
            fieldsOf,
            cases: this.deps.listCases,
          });
    const stored = await this.deps.store.list(actor.tenantId, { limit: 50, ...filter, ...(search ? { search } : {}) });
    // Need-to-know: only what the caller may see (a page may then hold fewer items than its limit).
    const page = { ...stored, items: await this.visibility.filter(actor, stored.items) };
    const { cursor: _cursor, limit: _limit, search: _search, ...criteria } = filter;
    // The filters are the caller's text: `?formId=010118-9901` must not put a CPR number in the audit
    // log; a search is recorded as having been made, never its text (it may be a name).
    await this.audit(
      actor,
      'list',
      scrubDetails({ ...criteria, ...(search ? { search: true } : {}), count: page.items.length }),
    );
    const [cases, creators] = await Promise.all([
      this.deps.listCases?.casesOf(
        actor.tenantId,
        page.items.map((s) => s.id),
      ),
      creatorsOf(this.deps.store, actor.tenantId, page.items),
    ]);
    const items = page.items.map((s) => {
      const listed = this.sensitive.listItem(s, fieldsOf(s.formId, s.version), listFields?.[s.formId]);
      const inCase = cases?.get(s.id);
      const creator = creators.get(s.createdBy);
      return { ...listed, ...(inCase ? { caseSummary: inCase } : {}), ...(creator ? { creator } : {}) };
    });
    return page.nextCursor ? { items, nextCursor: page.nextCursor } : { items };
  }

  async revisions(actor: SubmissionActor, id: string): Promise<SubmissionRevision[]> {
    const submission = await this.visibility.load(actor, id);
    const revisions = await this.deps.store.revisions(actor.tenantId, submission.id);
    await this.audit(
      actor,
      'read',
      {
        revisions: revisions.length,
        ...this.sensitive.revisionsDetails(revisions, this.sensitive.fieldsFor(actor.tenantId)),
      },
      submission.id,
    );
    return revisions;
  }

  /** The tenant's audit log; entries written before details were scrubbed at write time are scrubbed on the way out. */
  async auditLog(actor: SubmissionActor, filter: AuditFilter): Promise<AuditPage> {
    const page = await this.deps.store.queryAudit(actor.tenantId, { limit: 50, ...filter });
    const items = page.items.map((e) => (e.details ? { ...e, details: scrubDetails(e.details) } : e));
    return page.nextCursor ? { items, nextCursor: page.nextCursor } : { items };
  }

  private async audit(
    actor: SubmissionActor,
    action: 'read' | 'list',
    details: Record<string, unknown>,
    submissionId?: string,
  ): Promise<void> {
    // A person's reads name the person (subject and name), not only the actor id.
    await this.deps.store.appendAudit({
      tenantId: actor.tenantId,
      at: this.deps.now().toISOString(),
      actor: actor.id,
      action,
      ...(submissionId ? { submissionId } : {}),
      details: { ...details, ...personOf(actor) },
    });
  }
}
