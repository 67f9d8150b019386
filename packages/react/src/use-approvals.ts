import type { Wire } from '@skema/core';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { SkemaApiError, type SkemaClient, type SubmissionWriteResult } from './api.js';
import type { SignedInPerson, SubmissionApprovals } from './approvals-context.js';
import type { SavedSubmission } from './use-submission.js';

interface SubmissionState {
  saved: SavedSubmission | undefined;
  result: SubmissionWriteResult | undefined;
  adopt: (submission: { id: string; status: string; updatedAt: string }, etag: string | undefined) => void;
}

/**
 * The stored submission's recorded approvals and `approve(role)` for the form's renderers: the
 * approval is the signed-in person's (`POST /submissions/{id}/approvals`), and its new revision
 * (ETag) is adopted so the next save does not collide with it.
 */
export function useApprovals(
  client: SkemaClient,
  submission: SubmissionState,
  initial: readonly Wire.Approval[] | undefined,
  person: SignedInPerson | undefined,
  networkMessage: string,
): SubmissionApprovals {
  const [approvals, setApprovals] = useState<readonly Wire.Approval[]>(() => initial ?? []);
  const [state, setState] = useState<{ busy: boolean; error?: string }>({ busy: false });
  // A write of the data voids approvals; the server's answer says which remain.
  useEffect(() => {
    if (submission.result) setApprovals(submission.result.submission.approvals ?? []);
  }, [submission.result]);
  const { saved, adopt } = submission;
  const approve = useCallback(
    async (role: string) => {
      if (!saved) return;
      setState({ busy: true });
      try {
        const answer = await client.approve(saved.id, { role, decision: 'approved' }, { ifMatch: saved.etag ?? '*' });
        setApprovals(answer.submission.approvals ?? []);
        adopt(answer.submission, answer.etag);
        setState({ busy: false });
      } catch (error) {
        setState({ busy: false, error: error instanceof SkemaApiError ? error.message : networkMessage });
      }
    },
    [client, saved, adopt, networkMessage],
  );
  return useMemo<SubmissionApprovals>(
    () => ({
      ...(saved ? { submissionId: saved.id, status: saved.status } : {}),
      approvals,
      ...(person ? { person } : {}),
      busy: state.busy,
      ...(state.error ? { error: state.error } : {}),
      approve,
    }),
    [saved, approvals, person, state, approve],
  );
}
