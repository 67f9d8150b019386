export {
  ATTACHMENT_KEYWORD,
  attachmentKeyword,
  attachmentRefStatus,
  isAttachmentRef,
  knownAttachments,
  type AttachmentRef,
  type AttachmentRefStatus,
} from './attachment-ref.js';
