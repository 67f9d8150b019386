import type {
  AttachmentOwner,
  CaseAttachment,
  CaseContext,
  FormRegistry,
  FormVersion,
  Locale,
  SkemaPlugin,
  SubmissionStore,
  TenantForms,
  TransitionGuardRegistry,
  ValidationMode,
  ValidationResult,
} from '@skema/core';
import type { AccessPolicy, CaseAccessHooks } from './access-policy.js';
import type { TenantRuleSettings } from './actor.js';
import type { ListCaseLookup } from './list-view.js';

export interface SubmissionValidateOptions {
  locale: Locale;
  mode: ValidationMode;
  now: Date;
  /** The tenant's rule options and calendar apply. */
  tenant?: TenantRuleSettings | undefined;
  today?: string;
  /** The case the data belongs to: cross-form rules read its other submissions. */
  case?: CaseContext | undefined;
  /** The stored submission's own attachments (a «bilag» may reference them); absent for loose data. */
  attachments?: readonly CaseAttachment[] | undefined;
  /**
   * The date the rules judge ages and deadlines on: the submission's stamped date, or `null` for
   * a draft never submitted (today, whatever the data says); left out, the form's field is read.
   */
  referenceDate?: string | null | undefined;
}

/** Validates data against a form (the server's `FormValidation`, or the engine directly). */
export interface SubmissionValidator {
  validate(form: FormVersion, data: unknown, options: SubmissionValidateOptions): Promise<ValidationResult>;
}

/** What the submission use cases need; no HTTP anywhere. */
export interface SubmissionsDeps {
  store: SubmissionStore;
  /**
   * What each tenant sees now (base forms with overlays, own forms). A function: the view is
   * replaced when a tenant publishes configuration, so it is read per call.
   */
  forms: () => TenantForms;
  /** The national forms, for migration plans and when a tenant's form no longer resolves. */
  registry: FormRegistry;
  /** The engine's plugins: their migrations move data between versions. */
  plugins: readonly SkemaPlugin[];
  validator: SubmissionValidator;
  guards: TransitionGuardRegistry;
  now: () => Date;
  /**
   * The case a stored submission belongs to, as its rules see it (the case use cases provide it);
   * without it, or for a submission in no case, cross-form rules say they could not check.
   */
  caseContext?: (tenantId: string, submissionId: string) => Promise<CaseContext | undefined>;
  /**
   * The attachments stored for a submission (the attachment store provides them), so rules can
   * check that a «bilag» references a real file. Without it, rules say they could not check.
   */
  attachmentsOf?: (tenantId: string, owner: AttachmentOwner) => Promise<readonly CaseAttachment[]>;
  /** Need-to-know access (default: the plugins' declarations, `AccessPolicy.fromPlugins(plugins)`). */
  access?: AccessPolicy;
  /** The case and team of a submission, for need-to-know access (the case use cases provide them). */
  caseAccess?: CaseAccessHooks;
  /** The cases the submission list shows and searches by id and title (see `caseListLookup`); without it, no case column. */
  listCases?: ListCaseLookup;
}
