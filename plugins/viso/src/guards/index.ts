import type { SubmissionAccessRule, TransitionGuard } from '@skema/core';
import { underretningAccess } from './access.js';
import { coSignatureGuard } from './co-signature.js';
import { hoejprisApprovalGuard } from './hoejpris-approval.js';
import { changesApprovalGuards } from './changes-approval.js';

export { coSignatureGuard, type CoSignatureOptions } from './co-signature.js';
export { hoejprisApprovalGuard, type HoejprisApprovalOptions } from './hoejpris-approval.js';
export { changesApprovalGuards, type ChangesApprovalOptions } from './changes-approval.js';

/** The plugin's transition guards: LEV-07's two approvals of a højpris leveranceaftale, UND-03's co-signature, LEV-11's approval of changes. */
export const visoGuards = (): TransitionGuard[] => [
  hoejprisApprovalGuard(),
  coSignatureGuard(),
  ...changesApprovalGuards(),
];

export { underretningAccess } from './access.js';

/** The plugin's need-to-know declarations: the underretning. */
export const visoAccess = (): SubmissionAccessRule[] => [underretningAccess()];
