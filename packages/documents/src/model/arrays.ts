import { ATTACHMENT_KEYWORD, isFilled, valueAt } from '@skema/core';
import type { Block, TableBlock } from './blocks.js';
import { isShown } from './conditions.js';
import { fieldLabel, type UiElement } from './labels.js';
import { formatNumber } from './format.js';
import { WORDS } from './words.js';
import {
  propertyNames,
  propertySchema,
  schemaAtSegments,
  schemaType,
  scopeSegments,
  type SchemaNode,
} from './schema-nodes.js';
import { formatScalar, isLongText, isNumeric } from './values.js';
import { objectBlocks, type WalkContext } from './walk.js';

/** A table holds at most this many columns; wider items, or items holding lists of their own, are shown one by one. */
const MAX_COLUMNS = 5;
/** A cell longer than this makes the items read better one by one than as a table. */
const MAX_CELL = 120;

interface Column {
  segments: string[];
  schema: SchemaNode;
  key: string;
  label: string;
  /** The rules of the control and of the layouts around it in the detail. */
  rules: UiElement[];
}

export interface ObjectArray {
  label: string;
  key: string;
  itemSchema: SchemaNode;
  items: unknown[];
  options?: Record<string, unknown> | undefined;
}

function detailColumns(
  detail: UiElement,
  input: ObjectArray,
  ctx: WalkContext,
  rules: UiElement[] = [],
): Column[] | undefined {
  const own = detail.rule ? [...rules, detail] : rules;
  if (detail.type === 'Control' && typeof detail.scope === 'string') {
    const segments = scopeSegments(detail.scope);
    const schema = schemaAtSegments(ctx.root, input.itemSchema, segments) ?? {};
    const key = [input.key, ...segments].join('.');
    return [{ segments, schema, key, label: fieldLabel(key, ctx.texts, schema, detail), rules: own }];
  }
  // A labelled group inside the detail is structure a table cannot show.
  if (detail.type === 'Group' || detail.type === 'Category') return undefined;
  const out: Column[] = [];
  for (const child of detail.elements ?? []) {
    const cols = detailColumns(child, input, ctx, own);
    if (!cols) return undefined;
    out.push(...cols);
  }
  return out;
}

function schemaColumns(input: ObjectArray, ctx: WalkContext): Column[] {
  return propertyNames(ctx.root, input.itemSchema).map((name) => {
    const schema = propertySchema(ctx.root, input.itemSchema, name) ?? {};
    const key = `${input.key}.${name}`;
    return { segments: [name], schema, key, label: fieldLabel(key, ctx.texts, schema), rules: [] };
  });
}

const pointerOf = (segments: string[]): string =>
  segments.map((s) => `/${s.replace(/~/g, '~0').replace(/\//g, '~1')}`).join('');

function cellValue(item: unknown, col: Column): unknown {
  if (!col.rules.every((r) => isShown(r, item))) return undefined;
  return valueAt(item, pointerOf(col.segments));
}

/** Sums a numeric column when at least two rows have a number in it (hours, amounts, counts). */
function columnTotal(items: unknown[], col: Column): number | undefined {
  if (!isNumeric(col.schema)) return undefined;
  const numbers = items.map((it) => cellValue(it, col)).filter((v): v is number => typeof v === 'number');
  if (numbers.length < 2) return undefined;
  return numbers.reduce((a, b) => a + b, 0);
}

function asTable(input: ObjectArray, columns: Column[], ctx: WalkContext): TableBlock | undefined {
  const used = columns.filter((c) => input.items.some((it) => isFilled(cellValue(it, c))));
  if (used.length === 0 || used.length > MAX_COLUMNS) return undefined;
  for (const c of used) {
    const t = schemaType(c.schema);
    // An attached file is one cell (its name and facts); other objects are structure.
    if (t === 'object' && c.schema[ATTACHMENT_KEYWORD] !== true) return undefined;
    if (t === 'array' && schemaType((c.schema.items ?? {}) as SchemaNode) === 'object') return undefined;
  }
  const rows = input.items.map((it) =>
    used.map((c) => {
      const v = cellValue(it, c);
      return isFilled(v) ? formatScalar(v, c.schema, c.key, ctx) : '';
    }),
  );
  if (rows.some((r) => r.some((cell) => cell.length > MAX_CELL || cell.includes('\n')))) return undefined;
  const totals = used.map((c) => columnTotal(input.items, c));
  const table: TableBlock = {
    kind: 'table',
    label: input.label,
    columns: used.map((c) => ({ label: c.label, numeric: isNumeric(c.schema) })),
    rows,
  };
  if (totals.some((t) => t !== undefined)) {
    table.totals = totals.map((t) => (t === undefined ? undefined : formatNumber(t, ctx.locale)));
    table.totalLabel = WORDS[ctx.locale].total;
  }
  return table;
}

/** An array of objects: a table when its items are few short columns, else one labelled group per item. */
export function objectArrayBlocks(input: ObjectArray, ctx: WalkContext): Block[] {
  const items = input.items.filter(isFilled);
  if (items.length === 0) return [];
  const detail = input.options?.detail as UiElement | undefined;
  const columns = detail && typeof detail === 'object' ? detailColumns(detail, input, ctx) : schemaColumns(input, ctx);
  const table = columns ? asTable({ ...input, items }, columns, ctx) : undefined;
  if (table) return [table];

  const labelProp = typeof input.options?.elementLabelProp === 'string' ? input.options.elementLabelProp : undefined;
  const groups: Block[] = [];
  items.forEach((item, i) => {
    if (typeof item !== 'object' || item === null) return;
    const blocks = objectBlocks(input.itemSchema, item, input.key, ctx, input.options);
    if (blocks.length === 0) return;
    const named = labelProp ? (item as Record<string, unknown>)[labelProp] : undefined;
    const name =
      typeof named === 'string' && named.trim() !== '' && !isLongText(named) ? `${i + 1}. ${named}` : `${i + 1}.`;
    groups.push({ kind: 'group', label: `${input.label} ${name}`, blocks });
  });
  return groups.length > 0 ? [{ kind: 'group', label: input.label, blocks: groups }] : [];
}
