/**
 * The API's bodies as TypeScript types, one per schema of `wireSchemas` (same names). Written by
 * hand so they read well in editors and `.d.ts` files (no index signatures, no type-level schema
 * evaluation in every consumer's compiler); `wire-types.test-d.ts` derives the type of each schema
 * with json-schema-to-ts and fails when the two differ, so they cannot drift.
 *
 * Types whose `data` is form data take it as a parameter: `@skema/client` fills it in per form
 * version from `@skema/types`.
 */
export type LocalizedText = { da: string; en: string };
export type SubmissionStatus = 'draft' | 'submitted' | 'approved' | 'rejected' | 'withdrawn';
export type IssueSeverity = 'error' | 'warning';
export type VersionBump = 'none' | 'patch' | 'minor' | 'major';
export type FormStatus = 'draft' | 'published' | 'deprecated';
/** Totals of the issues found when more were found than reported. */
export type IssueTotals = { errors: number; warnings: number };
/** A JSON object whose members this contract leaves open. */
export type JsonObject = Record<string, unknown>;

export type ProblemIssue = { path: string; code: string; message: string; severity?: IssueSeverity };
export type ValidationIssue = {
  path: string;
  code: string;
  severity: IssueSeverity;
  message: string;
  messages: LocalizedText;
  params?: JsonObject;
};
export type ConfigProblem = { path: string; code: string; message: string; messages: LocalizedText };
export type SchemaChange = {
  path: string;
  kind: string;
  level: 'patch' | 'minor' | 'major';
  message: string;
  messages: LocalizedText;
};
export type FormDiff = { formId: string; from: string; to: string; requiredBump: VersionBump; changes: SchemaChange[] };

/** RFC 9457 problem details (`application/problem+json`), with the API's extension members. */
export type Problem = {
  type: string;
  title: string;
  status: number;
  detail?: string;
  instance?: string;
  issues?: ProblemIssue[];
  pendingApprovals?: string[];
  problems?: ConfigProblem[];
  diff?: FormDiff;
  requiredBump?: VersionBump;
  errors?: ValidationIssue[];
  reason?: string;
  limit?: { name: 'bodyBytes' | 'dataNodes' | 'dataDepth' | 'arrayLength'; max: number };
  truncated?: IssueTotals;
};

export type DerivedDeadline = {
  ruleId: string;
  path: string;
  label: LocalizedText;
  due: string;
  basis: { from: string; amount: number; unit: string };
  status: 'pending' | 'overdue' | 'met';
};
export type ValidationReceipt = {
  formId: string;
  version: string;
  schemaHash: string;
  plugins: Array<{ name: string; version: string }>;
  validatedAt: string;
  overlay?: { tenantId: string; version: string; hash: string };
  referenceDate?: string;
};
export type ValidationResult = {
  valid: boolean;
  errors: ValidationIssue[];
  warnings: ValidationIssue[];
  derived: { deadlines: DerivedDeadline[] };
  receipt: ValidationReceipt;
  truncated?: IssueTotals;
};
export type ValidateRequest<D = unknown> = { data: D; mode?: 'draft' | 'submitted'; today?: string; caseId?: string };

export type SubmissionCreate<D = JsonObject> = {
  formId: string;
  version: string;
  data: D;
  status: 'draft' | 'submitted';
};
export type SubmissionUpdate<D = JsonObject> = { data: D; version?: string };
export type StatusChange = { status: SubmissionStatus };
export type LegalHoldChange = { hold: boolean; reason: string };
export type MigrateRequest = { version: string };
export type ApprovalRequest = { role: string; decision: 'approved' | 'rejected'; comment?: string };
export type AssigneesChange = { assignees: string[] };
export type EmbedSessionRequest = { formId: string; version: string };
export type EmbedSession = { token: string; expiresAt: string; formId: string; version: string };
export type AuthMe = {
  kind: 'person' | 'system';
  subject: string;
  name?: string;
  tenantId: string;
  tenantName: string;
  roles: string[];
  scope?: { kind: 'embed'; formId: string; version: string };
};
export type SignInProviders = {
  providers: Array<{
    tenantId: string;
    tenantName: string;
    issuer: string;
    clientId: string;
    scope: string;
    audience: string;
  }>;
};
/** An approval or co-signature; only `kind: 'person'` counts. */
export type Approval = {
  actorId: string;
  actorName?: string;
  subject?: string;
  kind?: 'person' | 'system';
  role: string;
  at: string;
  decision: SubmissionStatus;
  revision: number;
  comment?: string;
};

export type Submission<D = unknown> = {
  id: string;
  tenantId: string;
  formId: string;
  version: string;
  status: SubmissionStatus;
  data: D;
  revision: number;
  receipt: ValidationReceipt;
  createdAt: string;
  updatedAt: string;
  statusChangedAt?: string;
  createdBy: string;
  updatedBy: string;
  legalHold?: boolean;
  approvals?: Approval[];
  assignees?: string[];
};
export type SubmissionWriteResult<D = unknown> = {
  submission: Submission<D>;
  receipt: ValidationReceipt;
  warnings: ValidationIssue[];
  deadlines: DerivedDeadline[];
  pendingApprovals?: string[];
};
/** A list item: `data` holds only what the tenant's list policy names; `redacted` the pointers withheld. */
export type SubmissionListItem<D = unknown> = Submission<D> & {
  redacted: string[];
  /** The case the submission belongs to, when it is in one. */
  caseSummary?: { id: string; title: string };
  /** Who created it: a signed-in person's name, or the API key's label. */
  creator?: { kind: 'person' | 'system'; label: string };
};
export type SubmissionPage<D = unknown> = { items: Array<SubmissionListItem<D>>; nextCursor?: string };
export type RevisionAction = 'create' | 'update' | 'status' | 'migrate' | 'legal-hold' | 'approval' | 'assign';
export type Revision = {
  revision: number;
  action: RevisionAction;
  by: string;
  at: string;
  status: SubmissionStatus;
  formId: string;
  version: string;
  changes: Array<{ op: string; path: string }>;
  approvals?: Approval[];
  referenceDate?: string;
};
export type RevisionList = { items: Revision[] };

export type FormSummary = {
  id: string;
  title: LocalizedText;
  latest?: string;
  versions: Array<{ version: string; status: FormStatus; hash: string }>;
};
export type FormList = { items: FormSummary[] };
/** `GET /forms/{formId}/versions/{version}`: the manifest's members at the top level, and the form. */
export type FormVersion = {
  id: string;
  version: string;
  status: FormStatus;
  title: LocalizedText;
  description?: LocalizedText;
  changelog: unknown;
  plugins: Array<{ name: string; version: string; options?: JsonObject }>;
  ruleOptions?: Record<string, JsonObject>;
  schema: JsonObject;
  uischema: JsonObject;
  i18n: { da: JsonObject; en: JsonObject };
  hash: string;
  tenantRuleOptions?: Record<string, JsonObject>;
  tenantCalendar?: JsonObject;
};
export type Rule = {
  id: string;
  kind: 'rule' | 'deadline';
  severity?: IssueSeverity;
  forms: string[];
  source: string;
  description: LocalizedText;
  message?: LocalizedText;
  options: Record<string, { description: LocalizedText; default?: unknown; schema?: JsonObject }>;
  plugin: { name: string; version: string };
  judgedDate?: {
    kind: 'reference' | 'field' | 'today';
    pointer?: string;
    fallback?: 'reference' | 'today';
    also?: 'reference' | 'today';
    description: LocalizedText;
  };
};
export type RuleList = { items: Rule[] };
export type AuditAction =
  | 'create'
  | 'read'
  | 'update'
  | 'status'
  | 'migrate'
  | 'legal-hold'
  | 'approval'
  | 'assign'
  | 'delete'
  | 'list'
  | 'form-config.draft'
  | 'form-config.publish'
  | 'form-config.deprecate'
  | 'case.create'
  | 'case.read'
  | 'case.list'
  | 'case.update'
  | 'case.attach'
  | 'case.close'
  | 'attachment.create'
  | 'attachment.read'
  | 'attachment.delete';
export type AuditEntry = {
  id: string;
  tenantId: string;
  at: string;
  actor: string;
  action: AuditAction;
  submissionId?: string;
  details?: JsonObject;
};
export type AuditPage = { items: AuditEntry[]; nextCursor?: string };
export type Health = { status: 'ok' | 'unavailable' };

export type FormConfigKind = 'overlay' | 'form';
export type FormConfigSummary = {
  kind: FormConfigKind;
  formId: string;
  version: string;
  status: FormStatus;
  hash: string;
  updatedAt: string;
  updatedBy: string;
};
export type FormConfigList = { items: FormConfigSummary[] };
export type FormConfigRecord = FormConfigSummary & { tenantId: string; document: JsonObject };
/** An overlay or an own form's `{ manifest, schema, uischema, i18n, examples? }`: untrusted input the server checks. */
export type FormConfigDocument = JsonObject;
export type FormConfigCheck = {
  ok: boolean;
  problems: ConfigProblem[];
  previousVersion?: string;
  requiredBump?: VersionBump;
  diff?: FormDiff;
};
export type FormConfigPreviewRequest = { kind: 'overlay'; document: JsonObject };
export type FormConfigPreview = {
  ok: boolean;
  problems: ConfigProblem[];
  form?: { manifest: JsonObject; schema: JsonObject; uischema: JsonObject; i18n: JsonObject; hash: string };
  diff?: FormDiff;
  next?: { version: string; previousVersion?: string; requiredBump: VersionBump };
};
/** The overlay in effect for the key's tenant and a shared form, and the base version it applies to. */
export type EffectiveFormConfig = {
  tenantId: string;
  formId: string;
  source: 'git' | 'api' | 'none';
  version?: string;
  overlay?: JsonObject;
  base: { manifest: JsonObject; schema: JsonObject; uischema: JsonObject; i18n: JsonObject; hash: string };
};

export type CaseStatus = 'open' | 'closed';
export type CaseBorger = { name: string; cpr?: string; substituteCpr?: string; birthDate?: string };
export type CaseCreate = { title: string; borger: CaseBorger; team?: string[]; submissionIds?: string[] };
export type CaseUpdate = { title?: string; borger?: CaseBorger; team?: string[] };
export type CaseAttach = { submissionIds: string[] };
export type CaseMember = { submissionId: string; formId: string; attachedAt: string };
export type Case = {
  id: string;
  tenantId: string;
  title: string;
  borger: CaseBorger;
  team: string[];
  status: CaseStatus;
  submissions: CaseMember[];
  revision: number;
  createdAt: string;
  updatedAt: string;
  createdBy: string;
  updatedBy: string;
};
export type CasePage = { items: Case[]; nextCursor?: string };
export type PrefillSource = {
  kind: 'case' | 'submission';
  field?: string;
  formId?: string;
  submissionId?: string;
  pointer?: string;
  label?: LocalizedText;
};
export type PrefillResult = {
  formId: string;
  version: string;
  data: JsonObject;
  provenance: Record<string, PrefillSource>;
};
export type WorklistItem = {
  ruleId: string;
  path: string;
  label: LocalizedText;
  due: string;
  basis: { from: string; amount: number; unit: string };
  status: 'pending' | 'overdue';
  caseId: string;
  caseTitle: string;
  submissionId: string;
  formId: string;
  version: string;
};
export type Worklist = { items: WorklistItem[] };
