import type { FormatDefinition, KeywordDefinition } from 'ajv';
import type { IsoDate, WorkingDayCalendar } from './calendar.js';
import type { SubmissionAccessRule } from './access.js';
import type { CaseAttachment, CaseContext } from './case-context.js';
import type { TransitionGuard } from './guards.js';
import type { ApprovalTransition } from './approval-transition.js';
import type { DeadlineUnit, IssueSeverity, Locale, LocalizedText } from './issues.js';
import type { JudgedDate } from './judged-date.js';

export type { JudgedDate } from './judged-date.js';

/** Everything a rule may know. Rules are pure: same data and context, same answer, in browser and server. */
export interface RuleContext {
  /** Today's date in Denmark (or the date the caller validates as of), the clock of this validation. */
  today: IsoDate;
  /**
   * The date the submission is about: for a stored submission the date the platform received it
   * (stamped on its first submission, `ValidationReceipt.referenceDate`, and written to the field
   * the form's schema names with `x-skema-reference-date`); validating data on its own, that
   * field's date when it is not later than `today`. Ages and legal deadlines are judged on it, so a
   * later update does not re-judge them by a later clock. Absent for a draft never submitted, or
   * when there is none: use `judgedOn(ctx)`.
   */
  referenceDate?: IsoDate | undefined;
  locale: Locale;
  formId: string;
  version: string;
  /** `draft` runs no business rules; rules see `submitted`. Kept for rules that guard status transitions. */
  mode: ValidationMode;
  /** This rule's options: rule defaults, overridden by the form manifest, overridden by the tenant. */
  options: Readonly<Record<string, unknown>>;
  calendar: WorkingDayCalendar;
  /** The field's label (from the form's texts) for a JSON Pointer, for use in messages. */
  label(path: string): LocalizedText;
  /**
   * The case the submission belongs to, read-only: the other submissions of the case by form id.
   * Absent when the data is validated on its own; a cross-form rule then says it could not check.
   */
  case?: CaseContext;
  /**
   * The attachments stored for the submission being validated (a «bilag» may reference them),
   * given when a stored submission is validated (a new one has none yet: empty). Absent for loose
   * data (e.g. the validate endpoint): a rule that checks references then says it could not check.
   * The case's attachments are `case.attachments`.
   */
  attachments?: readonly CaseAttachment[];
}

export type ValidationMode = 'draft' | 'submitted';

/** One violation found by a rule. */
export interface RuleFinding {
  /** JSON Pointer of the field the finding is about. */
  path: string;
  /** Values interpolated into the rule's message as `{name}`. Never personal data. */
  params?: Record<string, string | number>;
  /** Overrides the rule's message when one rule can fail in several ways. */
  message?: LocalizedText;
  /**
   * The rule could not be checked (a cross-form rule validated outside a case): reported as a
   * warning, since the data itself breaks nothing known, unless the rule's options set
   * `requireCase: true` (a tenant that keeps every such form in a case), which reports it at the
   * rule's own severity.
   */
  unchecked?: boolean;
}

export interface RuleOptionSpec {
  description: LocalizedText;
  default: unknown;
  /**
   * JSON Schema for the option value, used to validate tenant configuration. For an option of an
   * error rule it states the legal bounds: no value it accepts may keep the rule from firing on
   * data the law refuses (a tenant narrows, never switches off).
   */
  schema?: Record<string, unknown>;
  /** Where the option's bounds come from, when not the rule's own `source`; quoted in refusals. */
  legalSource?: string;
}

/** A business rule from the domain spec (severity E or W). */
export interface RuleDefinition {
  /** The spec's rule id; it is the error code everywhere. */
  id: string;
  /** Default severity: E rules are errors, W rules warnings. A tenant may raise, never lower. */
  severity: IssueSeverity;
  /** Form ids the rule applies to. */
  appliesTo: readonly string[];
  description: LocalizedText;
  /** Seed file and section, e.g. `001 §2.2.2`. */
  source: string;
  /** Default message; `{param}` placeholders are filled from the finding's params. */
  message: LocalizedText;
  options?: Readonly<Record<string, RuleOptionSpec>>;
  /**
   * The rule compares the submission with other submissions of its case (`ctx.case`): outside a
   * case it can only say it could not check, so a form's examples (validated on their own) cannot
   * show it failing; its tests build a case.
   */
  crossForm?: boolean;
  /** Which date the rule judges (see `JudgedDate`); every rule that reads a date declares it. */
  judgedDate?: JudgedDate;
  check(data: unknown, ctx: RuleContext): RuleFinding[];
}

/** A deadline as a deadline definition returns it; the engine adds the status. */
export interface DeadlineFinding {
  path: string;
  label: LocalizedText;
  due: IsoDate;
  basis: { from: IsoDate; amount: number; unit: DeadlineUnit };
  /** Set when the data shows the deadline was met (e.g. the target date is recorded). */
  met?: boolean;
}

/** A process rule (severity P): derives deadlines and reminders, never blocks. */
export interface DeadlineDefinition {
  id: string;
  appliesTo: readonly string[];
  description: LocalizedText;
  source: string;
  options?: Readonly<Record<string, RuleOptionSpec>>;
  /** The date the deadlines count from (see `JudgedDate`); every deadline declares it. */
  judgedDate?: JudgedDate;
  derive(data: unknown, ctx: RuleContext): DeadlineFinding[];
}

/** What a plugin contributes. Every member is optional except its identity. */
export interface SkemaPlugin {
  name: string;
  version: string;
  /** Ajv formats, e.g. `cpr`. */
  formats?: Readonly<Record<string, FormatDefinition<string> | RegExp | ((value: string) => boolean)>>;
  /** Ajv keywords. Keywords must not change standard JSON Schema semantics. */
  keywords?: readonly KeywordDefinition[];
  /** Localized messages for this plugin's formats and keywords, by format name or keyword. */
  messages?: Readonly<Record<string, LocalizedText>>;
  rules?: readonly RuleDefinition[];
  deadlines?: readonly DeadlineDefinition[];
  /** Conditions on status transitions of the plugin's forms (e.g. a second approval); see `TransitionGuardRegistry`. */
  guards?: readonly TransitionGuard[];
  /** Status changes a person's approval brings about (e.g. a plan approved by its approval); see `ApprovalTransition`. */
  approvalTransitions?: readonly ApprovalTransition[];
  /** Need-to-know access to the plugin's forms' submissions (see `SubmissionAccessRule`). */
  access?: readonly SubmissionAccessRule[];
  /** A working-day calendar; the last registered calendar becomes the engine's default. */
  calendar?: WorkingDayCalendar;
  /**
   * How a tenant may adjust that calendar (e.g. which optional closing days count): the options'
   * JSON Schema and a factory. `SkemaEngine.calendarFor(options)` checks and builds it.
   */
  calendarOptions?: CalendarOptionsDefinition;
  /**
   * Submission migrations by name, for form versions whose `migration.plugin` names one. Each gets
   * a private copy of data valid for the previous version and returns the data for the next one;
   * it must be pure and may throw when it cannot migrate (see `migrateSubmission`).
   */
  migrations?: Readonly<Record<string, (data: unknown) => unknown>>;
}

export interface CalendarOptionsDefinition {
  /** JSON Schema of the options object; options that fail it are refused before `create`. */
  schema: Readonly<Record<string, unknown>>;
  create(options: Readonly<Record<string, unknown>>): WorkingDayCalendar;
}

/** The shape every plugin package default-exports: `(options) => SkemaPlugin`. */
export type SkemaPluginFactory<Options = Record<string, unknown>> = (options?: Options) => SkemaPlugin;
