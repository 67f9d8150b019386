import type { Wire } from '@skema/core';
import { createContext, useContext } from 'react';

/** Who is signed in, as `GET /auth/me` tells (absent without a token or for a system key). */
export type SignedInPerson = Pick<Wire.AuthMe, 'kind' | 'subject' | 'name' | 'roles'>;

/**
 * The stored submission's recorded approvals and the means to give one, for renderers that show
 * approvals (`@skema/renderer-approvals`). Approvals are acts of signed-in people
 * (`POST /submissions/{id}/approvals`), never names typed into the form.
 */
export interface SubmissionApprovals {
  /** The stored submission (absent until the first draft is saved). */
  submissionId?: string;
  status?: string;
  approvals: readonly Wire.Approval[];
  person?: SignedInPerson;
  /** An approval request is under way. */
  busy: boolean;
  /** The last approval request's failure, in the form's language. */
  error?: string;
  /** Approves in `role` as the signed-in person; the submission's new revision is adopted. */
  approve(role: string): Promise<void>;
}

const none: SubmissionApprovals = { approvals: [], busy: false, approve: async () => undefined };

export const SubmissionApprovalsContext = createContext<SubmissionApprovals>(none);

export function useSubmissionApprovals(): SubmissionApprovals {
  return useContext(SubmissionApprovalsContext);
}
