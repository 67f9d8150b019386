import type { SubmissionRevision } from '@skema/core';
import { describe, expect, it } from 'vitest';
import { approvalBaseline } from './approval-baseline.js';

const receipt = { formId: 'leveranceaftale', version: '1.0.0', schemaHash: 'h', plugins: [], validatedAt: '2026-01-01T00:00:00Z' };
const rev = (revision: number, action: SubmissionRevision['action'], status: SubmissionRevision['status']): SubmissionRevision => ({
  submissionId: 's', revision, formId: 'leveranceaftale', version: '1.0.0', status, data: {}, receipt, by: 'k', at: '2026-01-01T00:00:00.000Z', changes: [], action,
});

describe('approvalBaseline (LEV-07)', () => {
  const created = rev(1, 'create', 'submitted');
  const firstApproval = rev(2, 'status', 'submitted');

  it('an approval recorded without a status change keeps the baseline', () => {
    expect(approvalBaseline([created, firstApproval])).toBe(1);
  });

  it('a legal hold set or released after the first approval keeps it', () => {
    expect(approvalBaseline([created, firstApproval, rev(3, 'legal-hold', 'submitted')])).toBe(1);
    expect(approvalBaseline([created, firstApproval, rev(3, 'legal-hold', 'submitted'), rev(4, 'legal-hold', 'submitted')])).toBe(1);
  });

  it('an edit, a migration or a new status voids earlier approvals, also after a hold', () => {
    expect(approvalBaseline([created, firstApproval, rev(3, 'update', 'submitted')])).toBe(3);
    expect(approvalBaseline([created, firstApproval, rev(3, 'migrate', 'submitted')])).toBe(3);
    expect(approvalBaseline([created, firstApproval, rev(3, 'legal-hold', 'submitted'), rev(4, 'update', 'submitted')])).toBe(4);
    expect(approvalBaseline([created, rev(2, 'status', 'draft'), rev(3, 'legal-hold', 'draft'), rev(4, 'status', 'submitted')])).toBe(4);
  });
});
