import type { LocalizedText } from './issues.js';
import type { SkemaPlugin } from './plugin.js';
import type { Actor, Approval, SubmissionStatus } from './store.js';

/** What a transition guard sees: the submission's form, data and move, who asks, and the approvals that count now. */
export interface TransitionRequest {
  formId: string;
  version: string;
  /** `null` when a submission is created directly in `to`. */
  from: SubmissionStatus | null;
  to: SubmissionStatus;
  data: unknown;
  actor: Actor;
  /**
   * The approvals that count (the submission use cases pass only signed-in people's, one per
   * person); a typed name in the data is never one.
   */
  approvals: readonly Approval[];
  /** The actor id of who created the submission; absent when it is being created. */
  createdBy?: string;
}

export type GuardDecision =
  | { outcome: 'allow' }
  | { outcome: 'deny'; code: string; reason: LocalizedText }
  /** Record the actor's approval in role `as`; the status changes only when `pending` is empty. */
  | { outcome: 'approve'; as: string; pending: string[] };

/** A condition on one status transition of one form; plugins contribute them beside rules and deadlines. */
export interface TransitionGuard {
  /** Names the guard in logs and documentation, e.g. `<form>:<rule id>`. */
  name: string;
  formId: string;
  to: SubmissionStatus;
  check(request: TransitionRequest): GuardDecision;
}

/** Guards by form and target status. Forms extend the workflow by registering guards, never by code that switches on form ids. */
export class TransitionGuardRegistry {
  private readonly guards = new Map<string, TransitionGuard[]>();

  /** Every guard the plugins contribute, in registration order (as the engine collects rules). */
  static fromPlugins(plugins: readonly SkemaPlugin[]): TransitionGuardRegistry {
    return new TransitionGuardRegistry().register(...plugins.flatMap((p) => p.guards ?? []));
  }

  register(...guards: TransitionGuard[]): this {
    for (const guard of guards) {
      const key = `${guard.formId}\u0000${guard.to}`;
      this.guards.set(key, [...(this.guards.get(key) ?? []), guard]);
    }
    return this;
  }

  guardsFor(formId: string, to: SubmissionStatus): readonly TransitionGuard[] {
    return this.guards.get(`${formId}\u0000${to}`) ?? [];
  }

  all(): TransitionGuard[] {
    return [...this.guards.values()].flat();
  }

  /**
   * Runs every guard: the first denial wins; approvals merge (the status changes only when no
   * guard still waits for a role).
   */
  decide(request: TransitionRequest): GuardDecision {
    let approval: { as: string; pending: Set<string> } | undefined;
    for (const guard of this.guardsFor(request.formId, request.to)) {
      const decision = guard.check(request);
      if (decision.outcome === 'deny') return decision;
      if (decision.outcome === 'approve') {
        approval ??= { as: decision.as, pending: new Set() };
        for (const role of decision.pending) approval.pending.add(role);
      }
    }
    return approval ? { outcome: 'approve', as: approval.as, pending: [...approval.pending] } : { outcome: 'allow' };
  }
}
