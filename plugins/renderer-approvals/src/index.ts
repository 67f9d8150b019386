export {
  approvalRenderers as default,
  approvalRenderers,
  approvalLayoutTester,
  approvalControlTester,
  ApprovalLayoutRenderer,
  ApprovalControlRenderer,
  approvalPointerOf,
} from './ApprovalBlock.js';
export { approvalText, APPROVAL_NAMES, type ApprovalData } from './approval-text.js';
export { APPROVALS_CSS } from './styles.js';
