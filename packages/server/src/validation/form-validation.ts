import {
  contentHash,
  type FormRegistry,
  type FormVersion,
  type SkemaEngine,
  type TenantForms,
  type ValidationResult,
} from '@skema/core';
import type { SubmissionValidateOptions, SubmissionValidator } from '@skema/submissions';
import { HttpProblem } from '../http/problem.js';
import { ValidationUnavailableError, ValidationWorkerPool, type WorkerPoolOptions } from './worker-pool.js';

/** `tenant`: the caller's tenant rule options and calendar apply (a `Principal` is one). */
export type ServerValidateOptions = SubmissionValidateOptions;

/**
 * Content the platform trusts: the national forms and the git-kept tenant configuration as
 * loaded at start. Everything else (own forms and overlays published through the API) is
 * untrusted; a form not known here is untrusted, so a mistake fails safe.
 */
export function trustedContent(
  registry: FormRegistry,
  tenantForms: TenantForms,
  tenantIds: readonly string[],
): Set<string> {
  const trusted = new Set<string>();
  for (const id of registry.ids()) for (const form of registry.versions(id)) trusted.add(form.hash);
  for (const tenantId of tenantIds) {
    const source = tenantForms.source(tenantId);
    for (const overlay of source?.overlays ?? []) trusted.add(`overlay:${contentHash(overlay)}`);
    for (const id of source?.forms.ids() ?? []) for (const form of source!.forms.versions(id)) trusted.add(form.hash);
  }
  return trusted;
}

/**
 * The one way the server validates data against a form. Trusted forms validate in-process (the
 * fast path); untrusted ones in a worker pool with a deadline and a heap limit, on the engine's
 * untrusted Ajv, so a runaway costs one worker, never the event loop: it answers 503
 * `validation-unavailable` with `Retry-After`.
 */
export class FormValidation implements SubmissionValidator {
  constructor(
    private readonly engine: SkemaEngine,
    private readonly trusted: ReadonlySet<string>,
    private readonly pool: ValidationWorkerPool,
  ) {}

  static create(engine: SkemaEngine, trusted: ReadonlySet<string>, options: WorkerPoolOptions): FormValidation {
    return new FormValidation(engine, trusted, new ValidationWorkerPool(options));
  }

  isTrusted(form: FormVersion): boolean {
    const overlay = form.manifest.overlay;
    return overlay ? this.trusted.has(`overlay:${overlay.hash}`) : this.trusted.has(form.hash);
  }

  async validate(form: FormVersion, data: unknown, options: ServerValidateOptions): Promise<ValidationResult> {
    const { tenant, locale, mode, now, today } = options;
    // The submission's stamped date (or null before its first submission); absent for loose data.
    const judged = options.referenceDate !== undefined ? { referenceDate: options.referenceDate } : {};
    if (this.isTrusted(form)) {
      const inCase = {
        ...(options.case ? { case: options.case } : {}),
        ...(options.attachments ? { attachments: options.attachments } : {}),
      };
      return this.engine.validate(form, data, {
        locale,
        mode,
        ruleOptions: tenant?.ruleOptions,
        calendar: tenant?.calendar,
        now,
        ...(today ? { today } : {}),
        ...inCase,
        ...judged,
      });
    }
    // An untrusted form validates in a worker, which cannot reach the case: its cross-form rules
    // (none ship for own forms) say they could not check, as without a case.
    try {
      return await this.pool.validate(form, data, {
        locale,
        mode,
        now: now.toISOString(),
        ...(tenant ? { ruleOptions: tenant.ruleOptions } : {}),
        ...(tenant?.calendarOptions ? { calendarOptions: tenant.calendarOptions } : {}),
        ...(today ? { today } : {}),
        ...judged,
      });
    } catch (e) {
      // A stored form the worker cannot compile (e.g. published before today's budget) is the
      // tenant configuration's fault, not the request's: the same answer as an overrun.
      const reason = e instanceof ValidationUnavailableError ? e.reason : 'form-not-compiling';
      const seconds = this.pool.deadlineMs / 1000;
      const messages =
        reason === 'form-not-compiling'
          ? {
              da: 'Skemaet kan ikke kontrolleres, fordi kommunens udgave af det ikke kan kompileres; bed kommunens administrator rette skemaet.',
              en: "The form cannot be checked because the municipality's version of it does not compile; ask the municipality's administrator to correct it.",
            }
          : {
              da: `Skemaet kunne ikke kontrolleres inden for ${seconds} s og er stoppet; prøv igen senere, eller bed kommunens administrator forenkle skemaet.`,
              en: `The form could not be checked within ${seconds} s and was stopped; try again later, or ask the municipality's administrator to simplify the form.`,
            };
      throw new HttpProblem('validation-unavailable', messages, {
        headers: { 'Retry-After': '5' },
        members: { reason },
      });
    }
  }

  /**
   * Why an untrusted form does not compile, or `undefined` when it does. Compiled in a worker: a
   * hostile schema can take as long to compile (Ajv generates code per subschema) as to validate.
   */
  async compileProblem(form: FormVersion): Promise<string | undefined> {
    void this.pool.warm();
    try {
      await this.pool.compile(form);
      return undefined;
    } catch (e) {
      if (e instanceof ValidationUnavailableError)
        return `it could not be compiled within ${this.pool.deadlineMs / 1000} s (${e.reason})`;
      return (e as Error).message;
    }
  }

  /** Starts the workers ahead of the first untrusted validation (when a tenant uploads or has published configuration). */
  warm(): Promise<void> {
    return this.pool.warm();
  }

  close(): Promise<void> {
    return this.pool.close();
  }
}
