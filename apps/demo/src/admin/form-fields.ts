import { locateField, scopeToPointer } from '@skema/core';

type Node = Record<string, unknown>;
type Texts = Record<string, string>;

/** What the form editor knows of one field of the national form. */
export interface FieldInfo {
  /** Data pointer (`/barn/navn`; `*` for each row of a list), as the overlay's hide/require name fields. */
  pointer: string;
  /** Prefix of its texts: `barn.navn` (`.label`, `.description`, `.<option>`). */
  key: string;
  /** The national label. */
  label: string;
  /** Required by the national form: it can neither be hidden nor made (more) required. */
  requiredInBase: boolean;
  /** Values of a choice whose labels the national form has texts for. */
  options: string[];
  /** The national form names it in its texts, so its label and help text can be changed. */
  hasText: boolean;
  /** An object whose fields make up a section: hiding it hides the whole section. */
  section?: true;
}

/** A section (group) or step (category) of the form, as the form shows it. */
export interface FieldGroup {
  kind: 'step' | 'section';
  label: string;
  /** Fields and nested groups, in the form's order. */
  items: Array<FieldInfo | FieldGroup>;
}

export const isGroup = (item: FieldInfo | FieldGroup): item is FieldGroup => 'items' in item;

export interface BaseForm {
  schema: Node;
  uischema: Node;
  i18n: { da: Texts; en?: Texts };
}

const isNode = (v: unknown): v is Node => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The texts' key for a data pointer: its segments without `*`, joined by dots. */
export function textKey(pointer: string): string {
  return pointer
    .split('/')
    .slice(1)
    .filter((s) => s !== '*')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
    .join('.');
}

function fieldInfo(form: BaseForm, pointer: string): FieldInfo | undefined {
  const loc = locateField(structuredClone(form.schema), pointer);
  if (!loc) return undefined;
  const key = textKey(pointer);
  const choices = Array.isArray(loc.node.enum)
    ? loc.node.enum
    : isNode(loc.node.items) && Array.isArray(loc.node.items.enum)
      ? loc.node.items.enum
      : [];
  return {
    pointer,
    key,
    hasText: `${key}.label` in form.i18n.da,
    label:
      form.i18n.da[`${key}.label`] ?? (typeof loc.node.title === 'string' ? loc.node.title : key.split('.').pop()!),
    requiredInBase: Array.isArray(loc.parent.required) && loc.parent.required.includes(loc.property),
    options: choices.map(String).filter((v) => `${key}.${v}` in form.i18n.da),
  };
}

/**
 * The form's fields in the order and grouping the form shows them (its UI schema): steps and
 * sections with their labels, a list's own fields after the list (their pointers step into `*`).
 */
export function formOutline(form: BaseForm): FieldGroup {
  const root: FieldGroup = { kind: 'section', label: '', items: [] };
  const seen = new Set<string>();
  const walk = (node: Node, into: FieldGroup, prefix: string) => {
    if (node.type === 'Control' && typeof node.scope === 'string') {
      const pointer = scopeToPointer(node.scope, prefix);
      const info = seen.has(pointer) ? undefined : fieldInfo(form, pointer);
      if (info) {
        seen.add(pointer);
        into.items.push(info);
      }
      const detail = isNode(node.options) && isNode(node.options.detail) ? node.options.detail : undefined;
      if (detail) walk(detail, into, `${pointer}/*`);
      return;
    }
    let target = into;
    if (node.type === 'Group' || node.type === 'Category') {
      const i18n = typeof node.i18n === 'string' ? node.i18n : undefined;
      const label =
        (i18n && (form.i18n.da[`${i18n}.label`] ?? form.i18n.da[i18n])) ??
        (typeof node.label === 'string' ? node.label : '');
      target = { kind: node.type === 'Category' ? 'step' : 'section', label, items: [] };
      into.items.push(target);
    }
    for (const child of Array.isArray(node.elements) ? node.elements : [])
      if (isNode(child)) walk(child, target, prefix);
    // A section of one object's fields (Barnet: /barn/navn, /barn/cpr) can be hidden or required as a whole.
    if (target !== into) {
      const whole = commonObject(outlineFields(target).map((f) => f.pointer));
      const info = whole && !seen.has(whole) ? fieldInfo(form, whole) : undefined;
      if (info) {
        seen.add(whole!);
        target.items.unshift({ ...info, label: info.hasText ? info.label : target.label || info.label, section: true });
      }
    }
  };
  walk(form.uischema, root, '');
  return root;
}

/** The object all the pointers lie in (`/barn` for /barn/navn and /barn/cpr), outside any list. */
function commonObject(pointers: readonly string[]): string | undefined {
  if (pointers.length === 0) return undefined;
  const split = pointers.map((p) => p.split('/').slice(1));
  const common: string[] = [];
  for (let i = 0; split.every((s) => s.length > i + 1 && s[i] === split[0]![i] && s[i] !== '*'); i++)
    common.push(split[0]![i]!);
  return common.length ? `/${common.join('/')}` : undefined;
}

/** Every field of an outline, in order. */
export function outlineFields(group: FieldGroup): FieldInfo[] {
  return group.items.flatMap((item) => (isGroup(item) ? outlineFields(item) : [item]));
}
