import type { SkemaPlugin } from './plugin.js';
import type { SubmissionStatus } from './store.js';

/**
 * A status change a person's approval brings about, contributed by a plugin beside its guards:
 * when a signed-in person records an approval (decision `approved`) in one of `roles` on a
 * submission of `formId` in one of the `from` statuses, the submission moves to `to` in the same
 * write, provided the data is complete and the form's transition guards for `to` allow it (they
 * decide who may, e.g. FRL-03's initiativtager or leder). Otherwise the approval is recorded and
 * the status stays. The declaration replaces the status graph's role list for this one move: the
 * plugin names who approves.
 */
export interface ApprovalTransition {
  /** Names it in audit entries and documentation, e.g. `<form>:<rule id>`. */
  name: string;
  formId: string;
  from: readonly SubmissionStatus[];
  to: SubmissionStatus;
  /** The approval roles that bring it about. */
  roles: readonly string[];
}

/** The plugins' approval transitions by form. Forms add them by registration, never by code that switches on form ids. */
export class ApprovalTransitions {
  private readonly byForm = new Map<string, ApprovalTransition[]>();

  constructor(transitions: readonly ApprovalTransition[] = []) {
    for (const t of transitions) this.byForm.set(t.formId, [...(this.byForm.get(t.formId) ?? []), t]);
  }

  static fromPlugins(plugins: readonly SkemaPlugin[]): ApprovalTransitions {
    return new ApprovalTransitions(plugins.flatMap((p) => p.approvalTransitions ?? []));
  }

  /** The first transition an approval in `role` on a submission of `formId` in status `from` brings about, if any. */
  find(formId: string, from: SubmissionStatus, role: string): ApprovalTransition | undefined {
    return this.byForm.get(formId)?.find((t) => t.from.includes(from) && t.roles.includes(role));
  }
}
