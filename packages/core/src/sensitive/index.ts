export {
  SENSITIVE_CATEGORIES,
  NOT_SENSITIVE_KEYWORD,
  SENSITIVE_KEYWORD,
  SENSITIVE_KEYWORD_SCHEMA,
  isSensitiveCategory,
  notSensitiveKeyword,
  sensitiveKeyword,
  type SensitiveCategory,
} from './sensitive-keyword.js';
export { sensitiveFields, type SensitiveField } from './sensitive-fields.js';
export {
  sensitiveCategoriesIn,
  sensitiveFieldsWithin,
  sensitivePaths,
  withoutSensitive,
  type Redaction,
  type SensitiveValue,
} from './sensitive-data.js';
