import type { FromSchema, JSONSchema } from 'json-schema-to-ts';
import { describe, expectTypeOf, it } from 'vitest';
import type { wireSchemas } from './wire-schemas.js';
import type * as Wire from './wire-types.js';

/**
 * Each hand-written wire type against the type json-schema-to-ts derives from its schema (with the
 * `#/components/schemas/…` references resolved), so a schema change without the type (or the
 * reverse) fails here. Open objects differ only in an index signature `[x: string]: unknown`,
 * which the schemas imply (no `additionalProperties: false`) and the readable types leave out:
 * both sides drop it before comparing.
 */
type Schemas = typeof wireSchemas;
/** The schema's type, its references resolved against `wireSchemas`; request defaults stay optional. */
type Derived<N extends keyof Schemas> = Schemas[N] & { components: { schemas: Schemas } } extends infer S extends
  JSONSchema
  ? FromSchema<S, { keepDefaultedPropertiesOptional: true }>
  : never;

type Plain<T> = T extends readonly (infer E)[]
  ? Plain<E>[]
  : T extends object
    ? { [K in keyof T as string extends K ? never : number extends K ? never : K]: Plain<T[K]> }
    : T;

/** True when the two types are identical after dropping index signatures (and flattening intersections). */
type Same<A, B> = (<T>() => T extends Plain<A> ? 1 : 2) extends <T>() => T extends Plain<B> ? 1 : 2 ? true : false;

type Checks = {
  LocalizedText: Same<Derived<'LocalizedText'>, Wire.LocalizedText>;
  SubmissionStatus: Same<Derived<'SubmissionStatus'>, Wire.SubmissionStatus>;
  Problem: Same<Derived<'Problem'>, Wire.Problem>;
  ProblemIssue: Same<Derived<'ProblemIssue'>, Wire.ProblemIssue>;
  ValidationIssue: Same<Derived<'ValidationIssue'>, Wire.ValidationIssue>;
  DerivedDeadline: Same<Derived<'DerivedDeadline'>, Wire.DerivedDeadline>;
  ValidationReceipt: Same<Derived<'ValidationReceipt'>, Wire.ValidationReceipt>;
  ValidationResult: Same<Derived<'ValidationResult'>, Wire.ValidationResult>;
  ValidateRequest: Same<Derived<'ValidateRequest'>, Wire.ValidateRequest>;
  SubmissionCreate: Same<Derived<'SubmissionCreate'>, Wire.SubmissionCreate>;
  SubmissionUpdate: Same<Derived<'SubmissionUpdate'>, Wire.SubmissionUpdate>;
  StatusChange: Same<Derived<'StatusChange'>, Wire.StatusChange>;
  LegalHoldChange: Same<Derived<'LegalHoldChange'>, Wire.LegalHoldChange>;
  ApprovalRequest: Same<Derived<'ApprovalRequest'>, Wire.ApprovalRequest>;
  AssigneesChange: Same<Derived<'AssigneesChange'>, Wire.AssigneesChange>;
  Approval: Same<Derived<'Approval'>, Wire.Approval>;
  EmbedSessionRequest: Same<Derived<'EmbedSessionRequest'>, Wire.EmbedSessionRequest>;
  EmbedSession: Same<Derived<'EmbedSession'>, Wire.EmbedSession>;
  AuthMe: Same<Derived<'AuthMe'>, Wire.AuthMe>;
  SignInProviders: Same<Derived<'SignInProviders'>, Wire.SignInProviders>;
  MigrateRequest: Same<Derived<'MigrateRequest'>, Wire.MigrateRequest>;
  Submission: Same<Derived<'Submission'>, Wire.Submission>;
  SubmissionWriteResult: Same<Derived<'SubmissionWriteResult'>, Wire.SubmissionWriteResult>;
  SubmissionListItem: Same<Derived<'SubmissionListItem'>, Wire.SubmissionListItem>;
  SubmissionPage: Same<Derived<'SubmissionPage'>, Wire.SubmissionPage>;
  Revision: Same<Derived<'Revision'>, Wire.Revision>;
  RevisionList: Same<Derived<'RevisionList'>, Wire.RevisionList>;
  FormSummary: Same<Derived<'FormSummary'>, Wire.FormSummary>;
  FormList: Same<Derived<'FormList'>, Wire.FormList>;
  FormVersion: Same<Derived<'FormVersion'>, Wire.FormVersion>;
  Rule: Same<Derived<'Rule'>, Wire.Rule>;
  RuleList: Same<Derived<'RuleList'>, Wire.RuleList>;
  AuditEntry: Same<Derived<'AuditEntry'>, Wire.AuditEntry>;
  AuditPage: Same<Derived<'AuditPage'>, Wire.AuditPage>;
  Health: Same<Derived<'Health'>, Wire.Health>;
  ConfigProblem: Same<Derived<'ConfigProblem'>, Wire.ConfigProblem>;
  SchemaChange: Same<Derived<'SchemaChange'>, Wire.SchemaChange>;
  FormDiff: Same<Derived<'FormDiff'>, Wire.FormDiff>;
  FormConfigSummary: Same<Derived<'FormConfigSummary'>, Wire.FormConfigSummary>;
  FormConfigList: Same<Derived<'FormConfigList'>, Wire.FormConfigList>;
  FormConfigRecord: Same<Derived<'FormConfigRecord'>, Wire.FormConfigRecord>;
  FormConfigDocument: Same<Derived<'FormConfigDocument'>, Wire.FormConfigDocument>;
  FormConfigCheck: Same<Derived<'FormConfigCheck'>, Wire.FormConfigCheck>;
  FormConfigPreviewRequest: Same<Derived<'FormConfigPreviewRequest'>, Wire.FormConfigPreviewRequest>;
  FormConfigPreview: Same<Derived<'FormConfigPreview'>, Wire.FormConfigPreview>;
  EffectiveFormConfig: Same<Derived<'EffectiveFormConfig'>, Wire.EffectiveFormConfig>;
  CaseBorger: Same<Derived<'CaseBorger'>, Wire.CaseBorger>;
  CaseCreate: Same<Derived<'CaseCreate'>, Wire.CaseCreate>;
  CaseUpdate: Same<Derived<'CaseUpdate'>, Wire.CaseUpdate>;
  CaseAttach: Same<Derived<'CaseAttach'>, Wire.CaseAttach>;
  CaseMember: Same<Derived<'CaseMember'>, Wire.CaseMember>;
  Case: Same<Derived<'Case'>, Wire.Case>;
  CasePage: Same<Derived<'CasePage'>, Wire.CasePage>;
  PrefillSource: Same<Derived<'PrefillSource'>, Wire.PrefillSource>;
  WorklistItem: Same<Derived<'WorklistItem'>, Wire.WorklistItem>;
  Worklist: Same<Derived<'Worklist'>, Wire.Worklist>;
  PrefillResult: Same<Derived<'PrefillResult'>, Wire.PrefillResult>;
};

describe('wire types', () => {
  it('every schema of wireSchemas has a hand-written type', () => {
    expectTypeOf<keyof Checks>().toEqualTypeOf<keyof Schemas>();
  });

  it('each hand-written type is the type of its schema', () => {
    // The error message names the types that differ.
    // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- a mapped type that keeps no key is exactly `{}`
    expectTypeOf<{ [K in keyof Checks as Checks[K] extends true ? never : K]: K }>().toEqualTypeOf<{}>();
  });
});
