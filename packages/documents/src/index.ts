export { renderSubmissionPdf, PDFA_SUBSET } from './render.js';
export { buildDocumentModel, type DocumentModel, type LabelledValue } from './model/document-model.js';
export type {
  Block,
  Section,
  FieldsBlock,
  TextBlock,
  ListBlock,
  TableBlock,
  TableColumn,
  GroupBlock,
} from './model/blocks.js';
export { formatDate, formatDateTime, formatCpr } from './model/format.js';
export { escapeXml } from './pdf/metadata.js';
export type { RenderSubmissionInput, DocumentSubmission, DocumentOptions, DocumentPerson } from './types.js';
