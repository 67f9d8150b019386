import {
  SENSITIVE_CATEGORIES,
  sensitiveCategoriesIn,
  sensitiveFields,
  sensitiveFieldsWithin,
  type FormVersion,
  type SensitiveCategory,
  type SensitiveField,
  type Submission,
  type SubmissionListItem,
  type SubmissionRevision,
} from '@skema/core';
import type { SubmissionsDeps } from './deps.js';
import { listedData } from './list-policy.js';

/** What a read audit entry records about sensitive data: the categories read, never the values. */
export type SensitiveAuditDetails = { sensitive: SensitiveCategory[] } | { sensitiveUnknown: true };

type FieldsOf = (formId: string, version: string) => readonly SensitiveField[] | undefined;

/**
 * DP-02's stricter access. A list is bulk access: it must not hand out CPR numbers or
 * health data in bulk, so every item's sensitive values are removed. The full record is read one
 * submission at a time (`GET /submissions/{id}`), and each such read is audited with the
 * categories of sensitive data it disclosed.
 */
export class SensitiveAccess {
  constructor(private readonly deps: Pick<SubmissionsDeps, 'forms' | 'registry'>) {}

  /**
   * The sensitive fields of submissions, by the form each was stored under as the tenant sees it
   * now; memoised for one request (`sensitiveFields` itself is cached per schema, so per form hash).
   * When the tenant's form no longer resolves (an overlay disabled, or moved on to other base
   * versions), the base version is used: an overlay can only add tags. When nothing resolves,
   * `undefined`: the caller withholds everything.
   */
  fieldsFor(tenantId: string): FieldsOf {
    const memo = new Map<string, readonly SensitiveField[] | undefined>();
    return (formId, version) => {
      const key = `${formId}\u0000${version}`;
      if (!memo.has(key)) memo.set(key, this.resolve(tenantId, formId, version));
      return memo.get(key);
    };
  }

  /**
   * A list item: the submission with only the data the tenant's list policy names for its form
   * (`named`; by default none), never its sensitive values or, unless named one by one, a person
   * record's fields (see `listedData`). All of its data is withheld when its form is unknown.
   */
  listItem(
    submission: Submission,
    fields: readonly SensitiveField[] | undefined,
    named: readonly string[] = [],
  ): SubmissionListItem {
    if (!fields) return { ...submission, data: {}, redacted: [''] };
    const { data, redacted } = listedData(submission.data, named, fields);
    return { ...submission, data, redacted };
  }

  /** The audit details of a single read of a submission's data. */
  readDetails(data: unknown, fields: readonly SensitiveField[] | undefined): SensitiveAuditDetails {
    return fields ? { sensitive: sensitiveCategoriesIn(data, fields) } : { sensitiveUnknown: true };
  }

  /** The audit details of a read of the revisions: what their JSON Patch values disclose. */
  revisionsDetails(revisions: readonly SubmissionRevision[], fieldsOf: FieldsOf): SensitiveAuditDetails {
    const found = new Set<SensitiveCategory>();
    for (const r of revisions) {
      const fields = fieldsOf(r.formId, r.version);
      if (!fields) return { sensitiveUnknown: true };
      for (const change of r.changes) {
        const path = change.path;
        // Operations on `/status` and `/version` hold no data; a removal discloses no value.
        if (typeof path !== 'string' || !(path === '/data' || path.startsWith('/data/')) || !('value' in change))
          continue;
        for (const c of sensitiveCategoriesIn(change.value, sensitiveFieldsWithin(fields, path.slice('/data'.length))))
          found.add(c);
      }
    }
    return { sensitive: SENSITIVE_CATEGORIES.filter((c) => found.has(c)) };
  }

  private resolve(tenantId: string, formId: string, version: string): readonly SensitiveField[] | undefined {
    let form: FormVersion;
    try {
      form = this.deps.forms().resolve(tenantId, formId, version);
    } catch {
      try {
        form = this.deps.registry.resolve(formId, version);
      } catch {
        return undefined;
      }
    }
    return sensitiveFields(form.schema);
  }
}
