import type { Wire } from '@skema/core';

/** Flat names for the wire types the client's methods take and return (`Wire.Problem` as `Problem`). */
export type Problem = Wire.Problem;
export type ProblemIssue = Wire.ProblemIssue;
export type ValidationIssue = Wire.ValidationIssue;
export type ValidationResult = Wire.ValidationResult;
export type Submission<D = unknown> = Wire.Submission<D>;
export type SubmissionListItem<D = unknown> = Wire.SubmissionListItem<D>;
export type SubmissionPage<D = unknown> = Wire.SubmissionPage<D>;
export type SubmissionStatus = Wire.SubmissionStatus;
export type Revision = Wire.Revision;
export type AuditEntry = Wire.AuditEntry;
export type AuditPage = Wire.AuditPage;
export type FormSummary = Wire.FormSummary;
export type Rule = Wire.Rule;
export type FormDiff = Wire.FormDiff;
export type FormConfigSummary = Wire.FormConfigSummary;
export type FormConfigRecord = Wire.FormConfigRecord;
export type FormConfigCheck = Wire.FormConfigCheck;
export type FormConfigPreview = Wire.FormConfigPreview;
export type ConfigProblem = Wire.ConfigProblem;
