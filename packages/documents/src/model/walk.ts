import { isFilled, valueAt } from '@skema/core';
import type { Block, Section } from './blocks.js';
import { isShown } from './conditions.js';
import { fieldLabel, layoutLabel, type UiElement } from './labels.js';
import { objectArrayBlocks } from './arrays.js';
import {
  itemSchema,
  propertyNames,
  propertySchema,
  schemaAtSegments,
  schemaType,
  scopeSegments,
  type SchemaNode,
} from './schema-nodes.js';
import { formatScalar, isLongText, type ValueContext } from './values.js';
import { isAttachmentValue } from './attachment.js';

export interface WalkContext extends ValueContext {
  /** The form's root schema, for `$ref`s. */
  root: SchemaNode;
  /** Words for a section of controls outside any group. */
  looseSectionLabel: string;
}

/** Where a UI element's scopes point: the data and schema they are relative to, and its i18n key prefix. */
export interface Frame {
  data: unknown;
  schema: SchemaNode;
  /** i18n key of the frame's data (`''` for the form's root, `moeder.arbejdsmoeder` for an array item). */
  key: string;
}

const join = (a: string, b: string): string => (a ? `${a}.${b}` : b);
const pointerOf = (segments: string[]): string =>
  segments.map((s) => `/${s.replace(/~/g, '~0').replace(/\//g, '~1')}`).join('');

/** Adds blocks, merging neighbouring label–value rows into one block. */
function pushBlocks(into: Block[], blocks: Block[]): void {
  for (const b of blocks) {
    const last = into[into.length - 1];
    if (b.kind === 'fields' && last?.kind === 'fields') last.rows.push(...b.rows);
    else into.push(b);
  }
}

export function walkElements(elements: UiElement[] | undefined, frame: Frame, ctx: WalkContext): Block[] {
  const out: Block[] = [];
  for (const el of elements ?? []) pushBlocks(out, walkElement(el, frame, ctx));
  return out;
}

function walkElement(el: UiElement, frame: Frame, ctx: WalkContext): Block[] {
  // A UI rule that hides the element for this data leaves it out, as the form would.
  if (!isShown(el, frame.data)) return [];
  switch (el.type) {
    case 'Control':
      return controlBlocks(el, frame, ctx);
    case 'Group':
    case 'Category': {
      const blocks = walkElements(el.elements, frame, ctx);
      if (blocks.length === 0) return [];
      const label = layoutLabel(el, ctx.texts);
      if (!label) return blocks;
      // A group holding just one labelled thing of the same name shows that name once.
      const only = blocks.length === 1 ? blocks[0] : undefined;
      if (only && only.kind !== 'fields' && only.label === label)
        return only.kind === 'group' ? [only] : [{ kind: 'group', label, blocks: [{ ...only, label: '' }] }];
      return [{ kind: 'group', label, blocks }];
    }
    case 'Label':
      return [];
    default:
      return walkElements(el.elements, frame, ctx);
  }
}

function controlBlocks(el: UiElement, frame: Frame, ctx: WalkContext): Block[] {
  if (typeof el.scope !== 'string') return [];
  const segments = scopeSegments(el.scope);
  const schema = schemaAtSegments(ctx.root, frame.schema, segments) ?? {};
  const value = valueAt(frame.data, pointerOf(segments));
  const key = segments.reduce(join, frame.key);
  return valueBlocks(fieldLabel(key, ctx.texts, schema, el), key, schema, value, ctx, el.options);
}

/** The blocks for one value under its label; nothing for an empty value. */
export function valueBlocks(
  label: string,
  key: string,
  schema: SchemaNode,
  value: unknown,
  ctx: WalkContext,
  options?: Record<string, unknown>,
): Block[] {
  if (!isFilled(value)) return [];
  const type =
    schemaType(schema) ?? (Array.isArray(value) ? 'array' : typeof value === 'object' ? 'object' : undefined);
  if (type === 'array' && Array.isArray(value)) {
    const items = itemSchema(ctx.root, schema);
    const itemType = schemaType(items);
    if (itemType === 'object' || value.some((v) => typeof v === 'object' && v !== null && !Array.isArray(v))) {
      return objectArrayBlocks({ label, key, itemSchema: items, items: value, options }, ctx);
    }
    const texts = value.filter(isFilled).map((v) => formatScalar(v, items, key, ctx));
    return texts.length > 0 ? [{ kind: 'list', label, items: texts }] : [];
  }
  if (isAttachmentValue(schema, value))
    return [{ kind: 'fields', rows: [{ label, value: formatScalar(value, schema, key, ctx) }] }];
  if (type === 'object' && typeof value === 'object' && value !== null) {
    const blocks = objectBlocks(schema, value, key, ctx, options);
    return blocks.length > 0 ? [{ kind: 'group', label, blocks }] : [];
  }
  const text = formatScalar(value, schema, key, ctx);
  if (text.trim() === '') return [];
  return isLongText(text) ? [{ kind: 'text', label, text }] : [{ kind: 'fields', rows: [{ label, value: text }] }];
}

/** An object's members: through its detail layout when the UI schema gives one, else in schema order. */
export function objectBlocks(
  schema: SchemaNode,
  value: object,
  key: string,
  ctx: WalkContext,
  options?: Record<string, unknown>,
): Block[] {
  const detail = options?.detail as UiElement | undefined;
  const frame: Frame = { data: value, schema, key };
  if (detail && typeof detail === 'object') return walkElements([detail], frame, ctx);
  const out: Block[] = [];
  const names = propertyNames(ctx.root, schema);
  for (const name of Object.keys(value)) if (!names.includes(name)) names.push(name);
  for (const name of names) {
    const member = propertySchema(ctx.root, schema, name) ?? {};
    const memberKey = join(key, name);
    pushBlocks(
      out,
      valueBlocks(
        fieldLabel(memberKey, ctx.texts, member),
        memberKey,
        member,
        (value as Record<string, unknown>)[name],
        ctx,
      ),
    );
  }
  return out;
}

/** The UI schema's sections: its categories, or its top-level groups; controls outside any group gather in sections of their own. */
export function buildSections(uischema: UiElement, data: unknown, ctx: WalkContext): Section[] {
  const frame: Frame = { data, schema: ctx.root, key: '' };
  const sections: Section[] = [];
  let loose: Block[] = [];
  const flushLoose = (): void => {
    if (loose.length > 0) sections.push({ label: ctx.looseSectionLabel, blocks: loose });
    loose = [];
  };
  const visit = (el: UiElement): void => {
    if (!isShown(el, data)) return;
    const isSection = (el.type === 'Group' || el.type === 'Category') && layoutLabel(el, ctx.texts) !== undefined;
    if (isSection) {
      flushLoose();
      const blocks = walkElements(el.elements, frame, ctx);
      if (blocks.length > 0) sections.push({ label: layoutLabel(el, ctx.texts) as string, blocks });
    } else if (el.type === 'Control' || el.type === 'Group' || el.type === 'Category') {
      pushBlocks(loose, walkElement(el, frame, ctx));
    } else {
      for (const child of el.elements ?? []) visit(child);
    }
  };
  visit(uischema);
  flushLoose();
  return sections;
}
