import type { CalendarOptions, FormVersion, RuleOptionsByRule, Submission } from '@skema/core';
import { useEffect, useState } from 'react';
import type { SkemaClient } from './api.js';

export type LoadState =
  | { status: 'loading' }
  | { status: 'error'; error: Error }
  | {
      status: 'ready';
      form: FormVersion;
      submission?: { submission: Submission; etag?: string };
      /** The tenant's rule options from the API (only for a fetched form and a token whose tenant has any). */
      tenantRuleOptions?: RuleOptionsByRule;
      /** The tenant's working-day calendar options from the API (likewise). */
      tenantCalendar?: CalendarOptions;
    };

/**
 * The form to render: the `form` given, or the version fetched from the API; with a
 * `submissionId`, the stored submission (a draft to continue) and the version it was made with.
 */
export function useLoadedForm(
  client: SkemaClient,
  input: { form?: FormVersion; formId?: string; version?: string; submissionId?: string },
): LoadState {
  const { form, formId, version, submissionId } = input;
  const [state, setState] = useState<LoadState>(() =>
    form && !submissionId ? { status: 'ready', form } : { status: 'loading' },
  );

  useEffect(() => {
    if (form && !submissionId) {
      setState((s) => (s.status === 'ready' && s.form === form ? s : { status: 'ready', form }));
      return;
    }
    let cancelled = false;
    setState({ status: 'loading' });
    (async () => {
      const stored = submissionId ? await client.getSubmission(submissionId) : undefined;
      const id = stored?.submission.formId ?? formId;
      if (!id) throw new Error('SkemaForm needs formId, form or submissionId');
      // The tenant's rule and calendar options come with the fetched form; a form given directly has none.
      const loaded = form
        ? { form }
        : await client.getFormVersion(id, stored?.submission.version ?? version ?? 'latest');
      if (!cancelled) setState({ status: 'ready', ...loaded, ...(stored ? { submission: stored } : {}) });
    })().catch((error: Error) => {
      if (!cancelled) setState({ status: 'error', error });
    });
    return () => {
      cancelled = true;
    };
  }, [client, form, formId, version, submissionId]);

  return state;
}
