/** Text in both platform languages. Danish is authoritative; English mirrors it. */
export interface LocalizedText {
  da: string;
  en: string;
}

export type Locale = keyof LocalizedText;

export type IssueSeverity = 'error' | 'warning';

/** One problem found in a submission, by the schema or by a business rule. */
export interface ValidationIssue {
  /** JSON Pointer to the field (same form as JSON Forms' instancePath), '' for the whole document. */
  path: string;
  /** Stable code: the rule id (e.g. `HEN-05`) or the JSON Schema keyword (e.g. `required`). */
  code: string;
  severity: IssueSeverity;
  /** The message in the locale the validation was asked for. */
  message: string;
  /** The message in both languages. */
  messages: LocalizedText;
  /** Keyword parameters or rule details, safe to show (never personal data). */
  params?: Record<string, unknown>;
}

export type DeadlineUnit = 'arbejdsdage' | 'dage' | 'uger' | 'måneder' | 'timer';

/** A process deadline or reminder derived from the data (severity P in the spec). */
export interface DerivedDeadline {
  /** Rule id that produced it, e.g. `OPS-01`. */
  ruleId: string;
  /** The field the deadline belongs to (its trigger or its target), as JSON Pointer. */
  path: string;
  label: LocalizedText;
  /** ISO date (YYYY-MM-DD) the deadline falls on. */
  due: string;
  /** What the deadline was computed from. */
  basis: { from: string; amount: number; unit: DeadlineUnit };
  /** Relative to the validation's `today`. */
  status: 'pending' | 'overdue' | 'met';
}

export interface ValidationReceipt {
  formId: string;
  version: string;
  schemaHash: string;
  plugins: Array<{ name: string; version: string }>;
  validatedAt: string;
  /** Set when the form is a tenant's effective form (base form + overlay). */
  overlay?: { tenantId: string; version: string; hash: string };
  /**
   * The date the rules judged ages and deadlines on (YYYY-MM-DD): the date the platform received
   * the submission, stamped on its first submission and kept by every later revision. Set by the
   * submission use cases; absent for a draft never submitted and for data validated on its own.
   */
  referenceDate?: string;
}

export interface ValidationResult {
  valid: boolean;
  /** The errors found, at most `ValidateOptions.maxIssues` of them (see `truncated`). */
  errors: ValidationIssue[];
  /** The warnings found, at most `ValidateOptions.maxIssues` of them (see `truncated`). */
  warnings: ValidationIssue[];
  derived: { deadlines: DerivedDeadline[] };
  receipt: ValidationReceipt;
  /**
   * Set only when issues were left out because there were more than `maxIssues` of a severity:
   * the total number of errors and warnings found (the arrays hold the first ones).
   */
  truncated?: { errors: number; warnings: number };
}
