import type { FormTexts } from '@skema/core';
import type { SchemaNode } from './schema-nodes.js';

/** A UI schema element as the document reads it. */
export interface UiElement {
  type?: string;
  scope?: string;
  label?: unknown;
  i18n?: string;
  elements?: UiElement[];
  options?: Record<string, unknown>;
  rule?: unknown;
}

/** A layout's heading: `<i18n>.label` in the form's texts, else its own `label`. */
export function layoutLabel(el: UiElement, texts: FormTexts): string | undefined {
  if (el.i18n) {
    const text = texts[`${el.i18n}.label`];
    if (text !== undefined) return text;
  }
  return typeof el.label === 'string' && el.label.trim() !== '' ? el.label : undefined;
}

/** A field's label: the control's `i18n` key or its data path's key in the texts, else the schema title, else the property name. */
export function fieldLabel(key: string, texts: FormTexts, schema: SchemaNode | undefined, el?: UiElement): string {
  const own = el?.i18n ? texts[`${el.i18n}.label`] : undefined;
  if (own !== undefined) return own;
  const text = texts[`${key}.label`];
  if (text !== undefined) return text;
  if (typeof el?.label === 'string' && el.label.trim() !== '') return el.label;
  if (typeof schema?.title === 'string') return schema.title;
  return key.split('.').pop() ?? key;
}
