import type { FormRegistry, SkemaEngine, SubmissionStore, TenantForms, TransitionGuardRegistry } from '@skema/core';
import type { Attachments, Cases, Submissions } from '@skema/submissions';
import type { KeyRing } from './auth/key-ring.js';
import type { RequestValidator } from './http/request-validator.js';
import type { Logger } from './observability/logger.js';
import type { Metrics } from './observability/metrics.js';
import type { FormValidation } from './validation/form-validation.js';

/** What every router needs; built once by `createApp`. */
export interface AppContext {
  engine: SkemaEngine;
  /** Validates data against a form: trusted forms in-process, untrusted ones in the worker pool. */
  validation: FormValidation;
  registry: FormRegistry;
  /**
   * What each tenant sees: base forms with its overlays, and its own forms. Replaced (never
   * mutated) when a tenant publishes or deprecates configuration, so read it per request.
   */
  forms: TenantForms;
  /** The store, instrumented with latency metrics. */
  store: SubmissionStore;
  keys: KeyRing;
  guards: TransitionGuardRegistry;
  /** The submission use cases (no HTTP in them); routes translate requests into their calls. */
  submissions: Submissions;
  /** The case use cases; absent when the store keeps no cases (the case endpoints answer 501). */
  cases?: Cases;
  /** Attachments of submissions and cases; absent without a blob store (501). */
  attachments?: Attachments;
  metrics: Metrics;
  logger: Logger;
  validator: RequestValidator;
  now: () => Date;
}

export const API_BASE = '/api/v1';
