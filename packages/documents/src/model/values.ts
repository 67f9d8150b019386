import { isFilled, type FormTexts, type Locale } from '@skema/core';
import { formatBoolean, formatCpr, formatDate, formatDateTime, formatNumber, maskCprLike } from './format.js';
import { enumValues, schemaType, type SchemaNode } from './schema-nodes.js';
import { formatAttachment, isAttachmentValue } from './attachment.js';

/** What formatting a value needs besides the value: the form's texts and the CPR policy. */
export interface ValueContext {
  locale: Locale;
  texts: FormTexts;
  showCpr: boolean;
}

/** One scalar as text: enum labels from the texts (`<key>.<value>`), «Ja»/«Nej», Danish dates and numbers, CPR masked. */
export function formatScalar(value: unknown, schema: SchemaNode, key: string, ctx: ValueContext): string {
  // An attached file: its name and facts, never its members one by one.
  if (isAttachmentValue(schema, value))
    return formatAttachment(value, ctx.locale, ctx.showCpr ? undefined : maskCprLike);
  if (
    enumValues(schema) !== undefined &&
    (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean')
  ) {
    const label = ctx.texts[`${key}.${String(value)}`];
    if (label !== undefined) return label;
  }
  if (typeof value === 'boolean') return formatBoolean(value, ctx.locale);
  if (typeof value === 'number') return formatNumber(value, ctx.locale);
  if (typeof value === 'string') {
    if (schema.format === 'date') return formatDate(value, ctx.locale);
    if (schema.format === 'date-time') return formatDateTime(value, ctx.locale);
    if (schema.format === 'cpr') return formatCpr(value, ctx.showCpr);
    // A CPR number typed into a free text is masked as well as the CPR fields are.
    return ctx.showCpr ? value : maskCprLike(value);
  }
  if (Array.isArray(value))
    return value
      .filter(isFilled)
      .map((v) => formatScalar(v, {}, key, ctx))
      .join(', ');
  if (typeof value === 'object' && value !== null) {
    return Object.values(value)
      .filter(isFilled)
      .map((v) => formatScalar(v, {}, key, ctx))
      .join(', ');
  }
  return String(value);
}

/** True for a string that reads better as a paragraph than as a table cell. */
export function isLongText(text: string): boolean {
  return text.length > 90 || text.includes('\n');
}

export function isNumeric(schema: SchemaNode): boolean {
  const t = schemaType(schema);
  return (t === 'number' || t === 'integer') && enumValues(schema) === undefined;
}
