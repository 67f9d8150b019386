export {
  Attachments,
  AttachmentTooLargeError,
  AttachmentIncompleteError,
  AttachmentNotFoundError,
  UploadInterruptedError,
  DEFAULT_ATTACHMENT_LIMITS,
  type AttachmentLimits,
  type AttachmentsDeps,
} from './attachments.js';
export { AttachmentTypeError, ALLOWED_MEDIA_TYPES, detectMediaType } from './media-types.js';
export { checkedFileName } from './file-name.js';
