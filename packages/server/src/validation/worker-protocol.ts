import type {
  CalendarOptions,
  FormVersion,
  Locale,
  RuleOptionsByRule,
  ValidationMode,
  ValidationResult,
} from '@skema/core';

/** Validation options as plain data (a worker gets no functions): the tenant's calendar as its options. */
export interface PlainValidateOptions {
  locale: Locale;
  mode: ValidationMode;
  ruleOptions?: RuleOptionsByRule;
  calendarOptions?: CalendarOptions;
  today?: string;
  /** The submission's stamped date, `null` before its first submission (see `ValidateOptions.referenceDate`). */
  referenceDate?: string | null;
  /** ISO timestamp for the receipt. */
  now: string;
}

export interface ValidationJob {
  id: number;
  hash: string;
  /** Sent once per worker and content hash; the worker compiles it and keeps it. */
  form?: FormVersion;
  /** Compile only (the publish check): the form compiles on the untrusted Ajv, or the reply says why not. */
  compileOnly?: true;
  data: unknown;
  options: PlainValidateOptions;
}

/** `started`: the worker has its engine and begins the validation; the deadline counts from here. */
export type ValidationReply =
  | { ready: true }
  | { id: number; started: true }
  | { id: number; result: ValidationResult }
  | { id: number; compiled: true }
  | { id: number; error: string; name: string }
  | { id: number; missingForm: true };
