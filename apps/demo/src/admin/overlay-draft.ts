import type { Wire } from '@skema/client';

/** An overlay as the editor holds it: a plain object, whatever else it carries (constraints, rule options …) is kept as is. */
export type OverlayDraft = Record<string, unknown>;
type Texts = Record<string, string>;

/** The base range a first overlay follows: new minor versions of the base version's major. */
export function baseRange(version: string): string {
  return `^${version.split('.')[0]}.0.0`;
}

/**
 * Where the editor starts: the overlay in effect (from git or the API), so the next version keeps
 * every earlier change; without one, an empty overlay of the base version.
 */
export function overlayStart(effective: Wire.EffectiveFormConfig): OverlayDraft {
  if (effective.overlay) return structuredClone<OverlayDraft>(effective.overlay);
  return {
    tenantId: effective.tenantId,
    formId: effective.formId,
    version: '1.0.0',
    baseVersion: baseRange(String(effective.base.manifest.version)),
    texts: { da: {}, en: {} },
  };
}

function list(draft: OverlayDraft, member: 'hide' | 'require'): string[] {
  const value = draft[member];
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

export const hidden = (draft: OverlayDraft) => list(draft, 'hide');
export const required = (draft: OverlayDraft) => list(draft, 'require');

/** The draft with a field added to or taken out of `hide` or `require` (an empty list is left out). */
export function withListed(
  draft: OverlayDraft,
  member: 'hide' | 'require',
  pointer: string,
  on: boolean,
): OverlayDraft {
  const current = list(draft, member).filter((p) => p !== pointer);
  const next = on ? [...current, pointer] : current;
  const { [member]: _old, ...rest } = draft;
  return next.length ? { ...rest, [member]: next } : rest;
}

export function texts(draft: OverlayDraft, locale: 'da' | 'en'): Texts {
  const all = draft.texts;
  const own = typeof all === 'object' && all !== null ? (all as Record<string, unknown>)[locale] : undefined;
  return typeof own === 'object' && own !== null ? (own as Texts) : {};
}

/** The draft with a Danish text set; the national text (or an empty one) removes the municipality's own. */
export function withText(draft: OverlayDraft, key: string, value: string, national: string | undefined): OverlayDraft {
  const da = { ...texts(draft, 'da') };
  if (value.trim() === '' || value === national) delete da[key];
  else da[key] = value;
  return { ...draft, texts: { ...(draft.texts as object | undefined), da } };
}

/** The title in effect: the draft's own, else the national one. */
export function titleOf(draft: OverlayDraft | undefined, national: string): string {
  const title = draft?.title as { da?: unknown } | undefined;
  return typeof title?.da === 'string' ? title.da : national;
}

export function withTitle(draft: OverlayDraft, value: string, national: string): OverlayDraft {
  const { title: old, ...rest } = draft;
  const others = { ...(old as Record<string, string> | undefined) };
  delete others.da;
  if (value.trim() === '' || value === national) return Object.keys(others).length ? { ...rest, title: others } : rest;
  return { ...rest, title: { ...others, da: value } };
}

export type OwnFieldType = 'text' | 'yesno' | 'date' | 'number';
const OWN_FIELD_SCHEMA: Record<OwnFieldType, Record<string, unknown>> = {
  text: { type: 'string', maxLength: 1000 },
  yesno: { type: 'boolean' },
  date: { type: 'string', format: 'date' },
  number: { type: 'number' },
};

export interface OwnField {
  name: string;
  label: string;
  required: boolean;
}

function fieldsOf(
  draft: OverlayDraft,
): { properties: Record<string, Record<string, unknown>>; required?: string[] } | undefined {
  const fields = draft.fields as { properties?: unknown; required?: unknown } | undefined;
  if (typeof fields?.properties !== 'object' || fields.properties === null) return undefined;
  return {
    properties: fields.properties as Record<string, Record<string, unknown>>,
    ...(Array.isArray(fields.required) ? { required: fields.required as string[] } : {}),
  };
}

/** The municipality's own fields (kept under `x-<tenantId>`), with their Danish labels. */
export function ownFields(draft: OverlayDraft, tenantId: string): OwnField[] {
  const fields = fieldsOf(draft);
  const da = texts(draft, 'da');
  return Object.keys(fields?.properties ?? {}).map((name) => ({
    name,
    label: da[`x-${tenantId}.${name}.label`] ?? name,
    required: fields?.required?.includes(name) ?? false,
  }));
}

/** A property name from a label: letters and digits in camelCase, Danish letters spelled out. */
export function fieldName(label: string): string {
  const words = label
    .toLowerCase()
    .replace(/æ/g, 'ae')
    .replace(/ø/g, 'oe')
    .replace(/å/g, 'aa')
    .normalize('NFD')
    .replace(/[^a-z0-9 ]/g, ' ')
    .split(' ')
    .filter(Boolean);
  const name = words.map((w, i) => (i === 0 ? w : w[0]!.toUpperCase() + w.slice(1))).join('');
  return /^[a-z]/.test(name) ? name.slice(0, 60) : `felt${name}`.slice(0, 60);
}

/** The draft with one own field added: its schema, its label in both languages (the check needs both), and whether it must be filled in. */
export function withOwnField(
  draft: OverlayDraft,
  tenantId: string,
  field: { label: string; type: OwnFieldType; required: boolean },
): OverlayDraft {
  const fields = fieldsOf(draft) ?? { properties: {} };
  let name = fieldName(field.label);
  for (let i = 2; name in fields.properties; i++) name = `${fieldName(field.label)}${i}`;
  const key = `x-${tenantId}.${name}.label`;
  const requiredNames = [...(fields.required ?? []), ...(field.required ? [name] : [])];
  const next = {
    ...draft,
    fields: {
      properties: { ...fields.properties, [name]: OWN_FIELD_SCHEMA[field.type] },
      ...(requiredNames.length ? { required: requiredNames } : {}),
    },
    texts: {
      ...(draft.texts as object | undefined),
      da: { ...texts(draft, 'da'), [key]: field.label },
      en: { ...texts(draft, 'en'), [key]: field.label },
    },
  };
  return next;
}

/** The draft without one own field, its texts and its requirement. */
export function withoutOwnField(draft: OverlayDraft, tenantId: string, name: string): OverlayDraft {
  const fields = fieldsOf(draft);
  if (!fields) return draft;
  const { [name]: _gone, ...properties } = fields.properties;
  const requiredNames = (fields.required ?? []).filter((n) => n !== name);
  const prefix = `x-${tenantId}.${name}.`;
  const without = (t: Texts) => Object.fromEntries(Object.entries(t).filter(([k]) => !k.startsWith(prefix)));
  const { fields: _old, ...rest } = draft;
  return {
    ...rest,
    ...(Object.keys(properties).length
      ? { fields: { properties, ...(requiredNames.length ? { required: requiredNames } : {}) } }
      : {}),
    texts: { ...(draft.texts as object | undefined), da: without(texts(draft, 'da')), en: without(texts(draft, 'en')) },
  };
}

export type ParsedOverlay = { ok: true; document: OverlayDraft } | { ok: false; message: string };

/** What the JSON parser expected, in Danish, from its (V8) message. */
const EXPECTED: ReadonlyArray<[RegExp, string]> = [
  [/Unexpected end of JSON input/, 'teksten slutter for tidligt; der mangler en værdi eller en afsluttende } eller ]'],
  [/Expected property name or '}'/, 'her skulle stå et feltnavn i anførselstegn (fx "hide") eller }'],
  [/Expected ',' or '}' after property value/, 'her skulle stå et komma (,) før næste felt, eller } til sidst'],
  [/Expected ',' or ']' after array element/, 'her skulle stå et komma (,) før næste element, eller ] til sidst'],
  [/Expected ':' after property name/, 'her skulle stå et kolon (:) efter feltnavnet'],
  [/Unterminated string/, 'en tekst mangler sit afsluttende anførselstegn (")'],
  [/Bad control character/, 'en tekst indeholder et linjeskift eller tabulatortegn; skriv det som \\n eller \\t'],
  [/Unexpected non-whitespace character after JSON/, 'der står mere efter den afsluttende }'],
  [
    /Unexpected token/,
    'her skulle stå en værdi: en tekst i anførselstegn, et tal, true, false, null, { … } eller [ … ]',
  ],
];

function where(text: string, message: string): string {
  const at = /at position (\d+)/.exec(message);
  if (!at) return '';
  const before = text.slice(0, Number(at[1]));
  const line = before.split('\n').length;
  const column = before.length - before.lastIndexOf('\n');
  return ` (linje ${line}, tegn ${column})`;
}

/** The editor's text as an overlay object, or a Danish message saying where the JSON breaks and what was expected. */
export function parseOverlayText(text: string): ParsedOverlay {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    const message = (e as Error).message;
    const expected = EXPECTED.find(([pattern]) => pattern.test(message))?.[1];
    return {
      ok: false,
      message: `Teksten er ikke gyldig JSON${where(text, message)}: ${expected ?? 'kontrollér anførselstegn, kommaer og klammer'}.`,
    };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return { ok: false, message: 'Indstillingerne skal være ét JSON-objekt, der begynder med { og slutter med }.' };
  return { ok: true, document: value as OverlayDraft };
}
