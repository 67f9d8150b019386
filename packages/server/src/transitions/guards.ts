import type { LocalizedText, SubmissionStatus } from '@skema/core';
import type { Principal } from '../auth/principal.js';
import type { Role } from '../auth/roles.js';

/** An approval recorded on the way to a status that needs more than one (e.g. højpris). */
export interface RecordedApproval {
  by: string;
  as: Role;
  /** The status the approval is for. */
  to: SubmissionStatus;
  revision: number;
}

export interface TransitionRequest {
  formId: string;
  version: string;
  /** `null` when a submission is created directly in `to`. */
  from: SubmissionStatus | null;
  to: SubmissionStatus;
  data: unknown;
  actor: Principal;
  /** Approvals recorded since the data or the status last changed. */
  approvals: readonly RecordedApproval[];
}

export type GuardDecision =
  | { outcome: 'allow' }
  | { outcome: 'deny'; code: string; reason: LocalizedText }
  /** Record the actor's approval in role `as`; the status changes only when `pending` is empty. */
  | { outcome: 'approve'; as: Role; pending: Role[] };

/** A condition on one status transition of one form, added by registration. */
export interface TransitionGuard {
  /** Names the guard in logs and the README, e.g. `leveranceaftale:LEV-07`. */
  name: string;
  formId: string;
  to: SubmissionStatus;
  check(request: TransitionRequest): GuardDecision;
}

/** Guards by form and target status. Forms extend the workflow by registering guards, never by code that switches on form ids. */
export class TransitionGuardRegistry {
  private readonly guards = new Map<string, TransitionGuard[]>();

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
    let approval: { as: Role; pending: Set<Role> } | undefined;
    for (const guard of this.guardsFor(request.formId, request.to)) {
      const decision = guard.check(request);
      if (decision.outcome === 'deny') return decision;
      if (decision.outcome === 'approve') {
        approval ??= { as: decision.as, pending: new Set() };
        decision.pending.forEach((r) => approval!.pending.add(r));
      }
    }
    return approval ? { outcome: 'approve', as: approval.as, pending: [...approval.pending] } : { outcome: 'allow' };
  }
}
