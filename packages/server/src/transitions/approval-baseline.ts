import type { SubmissionRevision } from '@skema/core';

/**
 * The revision after which recorded approvals still count: the last one that changed the content
 * or the status. Two kinds of revision change neither and so keep earlier approvals: a `status`
 * revision that kept the status (an approval recorded while another is pending) and a
 * `legal-hold` revision (setting or releasing a hold says nothing about the agreement's content).
 */
export function approvalBaseline(revisions: readonly SubmissionRevision[]): number {
  let baseline = 1;
  revisions.forEach((r, i) => {
    if (r.action === 'legal-hold') return;
    const previous = revisions[i - 1];
    if (r.action !== 'status' || !previous || previous.status !== r.status) baseline = r.revision;
  });
  return baseline;
}
