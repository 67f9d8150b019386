export {
  attachmentRenderers as default,
  attachmentRenderers,
  attachmentRendererEntry,
  attachmentListRendererEntry,
  AttachmentRenderer,
  AttachmentListRenderer,
  refOf,
} from './AttachmentControl.js';
export { attachmentTester, attachmentListTester, isAttachmentSchema, refsOf } from './attachment-schema.js';
export { ATTACHMENT_TEXT, formatSize, uploadErrorMessage } from './attachment-text.js';
export { ATTACHMENT_CSS } from './styles.js';
