import type { SkemaPlugin, Submission, SubmissionAccessRule } from '@skema/core';
import type { SubmissionActor } from './actor.js';

/**
 * Hooks into cases: the case a submission belongs to and the actor ids of its team (the
 * need-to-know group). Without them, or for a submission in no case, no team grants access.
 */
export interface CaseAccessHooks {
  caseOf?(tenantId: string, submissionId: string): Promise<string | undefined>;
  teamOf?(tenantId: string, caseId: string): Promise<readonly string[] | undefined>;
}

/** What an access decision reads: who asks, the submission, and its case's team when it has one. */
export interface AccessInput {
  actor: SubmissionActor;
  submission: Submission;
  /** The team of the submission's case, looked up only when nothing cheaper decided. */
  teamOf?: () => Promise<readonly string[] | undefined>;
}

/**
 * Need-to-know access to submissions. A form is need-to-know when a plugin declares access for it
 * (`SkemaPlugin.access`, e.g. the underretning in the viso plugin) or the tenant configures it
 * (`access: { <formId>: { roles } }`); a person then sees a submission of it only when they
 * created it, are among its `assignees`, are on its case's team, gave a recorded approval (when
 * the declaration says `approvers`), or hold a role the declaration or the tenant grants. Other
 * forms, and systems (API keys, embed sessions, whose scope is checked elsewhere), keep
 * tenant-wide access. A submission the caller may not see reads as absent (404), like another
 * tenant's.
 */
export class AccessPolicy {
  private readonly rules = new Map<string, SubmissionAccessRule[]>();

  constructor(rules: readonly SubmissionAccessRule[] = []) {
    for (const rule of rules) this.rules.set(rule.formId, [...(this.rules.get(rule.formId) ?? []), rule]);
  }

  /** Every declaration the plugins contribute. */
  static fromPlugins(plugins: readonly SkemaPlugin[]): AccessPolicy {
    return new AccessPolicy(plugins.flatMap((p) => p.access ?? []));
  }

  /** Whether the form's submissions are need-to-know for this tenant. */
  isNeedToKnow(actor: SubmissionActor, formId: string): boolean {
    return this.rules.has(formId) || actor.formAccess?.[formId] !== undefined;
  }

  async canSee({ actor, submission, teamOf }: AccessInput): Promise<boolean> {
    if (actor.kind !== 'person') return true;
    if (submission.tenantId !== actor.tenantId) return false;
    if (!this.isNeedToKnow(actor, submission.formId)) return true;
    if (submission.createdBy === actor.id || submission.assignees?.includes(actor.id)) return true;
    const rules = this.rules.get(submission.formId) ?? [];
    const roles = [...rules.flatMap((r) => r.roles), ...(actor.formAccess?.[submission.formId]?.roles ?? [])];
    if (actor.roles.some((r) => roles.includes(r))) return true;
    if (
      rules.some((r) => r.approvers) &&
      submission.approvals?.some((a) => a.kind === 'person' && a.actorId === actor.id)
    )
      return true;
    const team = teamOf ? await teamOf() : undefined;
    return team?.includes(actor.id) ?? false;
  }
}
