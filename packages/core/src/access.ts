/**
 * Who besides a submission's need-to-know group may see submissions of a form, as a plugin
 * declares it (e.g. the viso plugin: an underretning is seen by leaders and the fagkonsulenter who
 * co-sign). A form with a declaration (or with a tenant's `access` configuration) is need-to-know:
 * a person sees one of its submissions only when they created it, are assigned to it, are on its
 * case's team, approved it (when `approvers`), or hold one of `roles`. Systems (API keys) are not
 * people and keep their tenant-wide access.
 */
export interface SubmissionAccessRule {
  /** Names the declaration in logs and documentation, e.g. `underretning:need-to-know`. */
  name: string;
  formId: string;
  /** Roles that see every submission of the form in their tenant. */
  roles: readonly string[];
  /** People with a recorded approval or co-signature on the submission see it. */
  approvers?: boolean;
}
