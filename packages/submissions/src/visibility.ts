import type { Submission, SubmissionStore } from '@skema/core';
import { AccessPolicy } from './access-policy.js';
import type { SubmissionActor } from './actor.js';
import type { SubmissionsDeps } from './deps.js';
import { SubmissionNotFoundError } from './errors.js';
import { loadOwned } from './preconditions.js';

/** The case a submission names itself (the cases work adds `caseId`), else none. */
function caseIdOn(submission: Submission): string | undefined {
  const caseId: unknown = (submission as Submission & { caseId?: unknown }).caseId;
  return typeof caseId === 'string' ? caseId : undefined;
}

/** The access policy applied to stored submissions: which the actor may see, and 404 for the others. */
export class SubmissionVisibility {
  readonly policy: AccessPolicy;

  constructor(private readonly deps: Pick<SubmissionsDeps, 'store' | 'plugins' | 'access' | 'caseAccess'>) {
    this.policy = deps.access ?? AccessPolicy.fromPlugins(deps.plugins);
  }

  canSee(actor: SubmissionActor, submission: Submission): Promise<boolean> {
    const hooks = this.deps.caseAccess;
    const teamOf = hooks?.teamOf
      ? async () => {
          const caseId = caseIdOn(submission) ?? (await hooks.caseOf?.(actor.tenantId, submission.id));
          return caseId === undefined ? undefined : hooks.teamOf!(actor.tenantId, caseId);
        }
      : undefined;
    return this.policy.canSee({ actor, submission, ...(teamOf ? { teamOf } : {}) });
  }

  /** The submission, or `SubmissionNotFoundError` when it is absent, another tenant's, or not the actor's to see. */
  async load(actor: SubmissionActor, id: string): Promise<Submission> {
    const submission = await loadOwned(this.deps.store, actor.tenantId, id);
    if (!(await this.canSee(actor, submission))) throw new SubmissionNotFoundError();
    return submission;
  }

  /**
   * The store as the actor may see it: a submission they may not see reads as absent, so every use
   * case answers it as not found (after checking its input, as for any unknown id). Systems see
   * the store as it is.
   */
  storeFor(actor: SubmissionActor): SubmissionStore {
    const store = this.deps.store;
    if (actor.kind !== 'person') return store;
    const get = async (tenantId: string, id: string): Promise<Submission | undefined> => {
      const submission = await store.get(tenantId, id);
      return submission && (await this.canSee(actor, submission)) ? submission : undefined;
    };
    return new Proxy(store, {
      get(target, property) {
        if (property === 'get') return get;
        const value: unknown = Reflect.get(target, property, target);
        return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
      },
    });
  }

  /** Only the submissions the actor may see, in order. */
  async filter<T extends Submission>(actor: SubmissionActor, submissions: readonly T[]): Promise<T[]> {
    const visible = await Promise.all(submissions.map((s) => this.canSee(actor, s)));
    return submissions.filter((_, i) => visible[i]);
  }
}
