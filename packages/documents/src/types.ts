import type { Approval, FormVersion, Locale, SubmissionStatus, ValidationResult } from '@skema/core';

/** The submission a document is made of: the stored record or as much of it as the caller has. */
export interface DocumentSubmission {
  /** The kvitteringsnummer. */
  id: string;
  data: unknown;
  status: SubmissionStatus;
  /** ISO date-time. */
  createdAt: string;
  /** ISO date-time; the document's modification date (default `createdAt`). */
  updatedAt?: string;
  /** ISO date-time the submission entered `submitted` (default: none shown). */
  submittedAt?: string;
  createdBy?: string;
  revision?: number;
  /** The stored approvals, shown as «Godkendt af» unless `options.approvals` is given. */
  approvals?: Approval[];
}

/** Who submitted, as the caller knows it (the API key's identity, a caseworker's name). */
export interface DocumentPerson {
  id?: string;
  name?: string;
  role?: string;
  /** ISO date-time. */
  at?: string;
}

export interface DocumentOptions {
  /**
   * Show CPR numbers in full (the tenant's policy allows it). Default false: every `format: "cpr"`
   * value is shown and embedded as DDMMYY-XXXX.
   */
  showCpr?: boolean;
  /** Approvals to list; default the submission's own. */
  approvals?: Approval[];
  submittedBy?: DocumentPerson;
  /**
   * JSON Pointer of the object that names the person the document concerns (with `navn` and a CPR
   * number); default: the first object in the form holding a `format: "cpr"` field, else `/barn` or `/borger`.
   */
  subjectPath?: string;
  /** Embed the submission's JSON in the PDF (default true). */
  embedData?: boolean;
}

export interface RenderSubmissionInput {
  form: FormVersion;
  submission: DocumentSubmission;
  /** Rule warnings, errors and derived deadlines to list, and the receipt for the closing box. */
  validation?: ValidationResult;
  locale: Locale;
  options?: DocumentOptions;
}
