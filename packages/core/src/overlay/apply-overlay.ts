import semver from 'semver';
import type { FormVersion } from '../form.js';
import { contentHash, formContentHash } from '../hash.js';
import { checkRuleOptions, type CatalogueEntry } from '../rule-options.js';
import { checkOverlayDocument } from './check-overlay-document.js';
import { overlayProblem, pointerSegment, type OverlayProblem } from './overlay-problems.js';
import { locateField, scopeToPointer } from './schema-location.js';
import type { FormOverlay } from './types.js';

type Node = Record<string, unknown>;

export interface OverlayResult {
  form?: FormVersion;
  problems: OverlayProblem[];
}

/**
 * A tenant's effective form: the base version with the overlay applied. Refuses (with problems,
 * and no form) anything an overlay may not do: change values, loosen constraints, hide required
 * fields, reach outside its namespace, lower an error rule, or carry unsafe schema content.
 */
export function applyOverlay(
  base: FormVersion,
  overlayInput: unknown,
  catalogue?: readonly CatalogueEntry[],
): OverlayResult {
  const refused = checkOverlayDocument(overlayInput);
  if (refused.length) return { problems: refused };
  const overlay = overlayInput as FormOverlay;
  const problems: OverlayProblem[] = [];
  const { manifest } = base;
  if (overlay.formId !== manifest.id)
    problems.push(overlayProblem('/formId', 'overlay-wrong-form', { formId: overlay.formId, expected: manifest.id }));
  if (!semver.satisfies(manifest.version, overlay.baseVersion)) {
    problems.push(
      overlayProblem('/baseVersion', 'overlay-base-version-mismatch', {
        formId: manifest.id,
        version: manifest.version,
        range: overlay.baseVersion,
      }),
    );
  }
  const unknownField = (path: string, pointer: string) =>
    overlayProblem(path, 'overlay-unknown-field', { pointer, formId: manifest.id });
  const schema = structuredClone(base.schema) as Node;
  const uischema = structuredClone(base.uischema) as Node;
  const i18n = { da: { ...base.i18n.da }, en: { ...base.i18n.en } };
  const namespace = `x-${overlay.tenantId}`;

  for (const [i, pointer] of (overlay.require ?? []).entries()) {
    const loc = locateField(schema, pointer);
    if (!loc) problems.push(unknownField(`/require/${i}`, pointer));
    else loc.parent.required = [...new Set([...((loc.parent.required as string[]) ?? []), loc.property])];
  }
  for (const [i, pointer] of (overlay.hide ?? []).entries()) {
    const loc = locateField(structuredClone(base.schema), pointer);
    if (!loc) problems.push(unknownField(`/hide/${i}`, pointer));
    else if (((loc.parent.required as string[]) ?? []).includes(loc.property) || overlay.require?.includes(pointer)) {
      problems.push(overlayProblem(`/hide/${i}`, 'overlay-hide-required', { pointer }));
    } else removeControls(uischema, pointer);
  }
  for (const [pointer, tightening] of Object.entries(overlay.constraints ?? {})) {
    const path = `/constraints/${pointerSegment(pointer)}`;
    const loc = locateField(schema, pointer);
    if (!loc) {
      problems.push(unknownField(path, pointer));
      continue;
    }
    const baseEnum = loc.node.enum;
    if (Array.isArray(tightening.enum) && Array.isArray(baseEnum)) {
      const unknown = tightening.enum.filter((v) => !baseEnum.includes(v));
      if (unknown.length)
        problems.push(overlayProblem(`${path}/enum`, 'overlay-enum-extended', { values: unknown.map(String) }));
    }
    // Added as a conjunction, a constraint can only narrow what the base allows.
    loc.node.allOf = [...((loc.node.allOf as unknown[]) ?? []), tightening];
  }
  if (overlay.fields) {
    const props = schema.properties as Node;
    props[namespace] = {
      type: 'object',
      additionalProperties: false,
      properties: overlay.fields.properties,
      required: overlay.fields.required ?? [],
    };
    // Required tenant fields make their namespace object required too.
    if (overlay.fields.required?.length)
      schema.required = [...new Set([...((schema.required as string[]) ?? []), namespace])];
    const group = {
      type: 'Group',
      label: overlay.title?.da ?? overlay.tenantId,
      i18n: `sections.${namespace}`,
      elements: Object.keys(overlay.fields.properties).map((name) => ({
        type: 'Control',
        scope: `#/properties/${namespace}/properties/${name}`,
      })),
    };
    // A Categorization holds only Categories (renderers find none for it otherwise): the tenant's fields get a step of their own.
    (uischema.elements as unknown[] | undefined)?.push(
      uischema.type === 'Categorization'
        ? { type: 'Category', label: group.label, i18n: group.i18n, elements: [group] }
        : group,
    );
  }
  for (const locale of ['da', 'en'] as const) {
    for (const [key, text] of Object.entries(overlay.texts?.[locale] ?? {})) {
      const own = key.startsWith(`${namespace}.`) || key.startsWith(`sections.${namespace}.`);
      // A help text may be added to any field the base form labels.
      const newHelp =
        key.endsWith('.description') && `${key.slice(0, -'.description'.length)}.label` in base.i18n[locale];
      if (!own && !newHelp && !(key in base.i18n[locale]))
        problems.push(
          overlayProblem(`/texts/${locale}/${pointerSegment(key)}`, 'overlay-unknown-text', {
            key,
            formId: manifest.id,
          }),
        );
      else i18n[locale][key] = text;
    }
    for (const name of Object.keys(overlay.fields?.properties ?? {})) {
      const key = `${namespace}.${name}.label`;
      if (!i18n[locale][key])
        problems.push(
          overlayProblem(`/texts/${locale}/${pointerSegment(key)}`, 'overlay-field-text-missing', { field: name, key }),
        );
    }
  }
  if (catalogue && overlay.ruleOptions) {
    for (const { ruleId, option, code, message, messages } of checkRuleOptions(overlay.ruleOptions, catalogue)) {
      const path = `/ruleOptions/${pointerSegment(ruleId)}${option === undefined ? '' : `/${pointerSegment(option)}`}`;
      problems.push({ path, code, message, messages });
    }
  }
  if (problems.length) return { problems };

  const effective: Omit<FormVersion, 'hash'> = {
    manifest: {
      ...manifest,
      title: { ...manifest.title, ...overlay.title },
      plugins: [...manifest.plugins, ...(overlay.plugins ?? [])],
      ruleOptions: { ...manifest.ruleOptions, ...overlay.ruleOptions },
      overlay: {
        tenantId: overlay.tenantId,
        version: overlay.version,
        baseVersion: manifest.version,
        hash: contentHash(overlay),
      },
    },
    schema,
    uischema,
    i18n,
  };
  return { form: { ...effective, hash: formContentHash(effective) }, problems: [] };
}

/** Removes every Control bound to the field or inside it (also in array item details), and layouts left empty. */
function removeControls(node: Node, pointer: string, prefix = ''): void {
  const elements = node.elements;
  if (!Array.isArray(elements)) return;
  const hidden = (el: Node) => {
    if (el.type !== 'Control' || typeof el.scope !== 'string') return false;
    const at = scopeToPointer(el.scope, prefix);
    return at === pointer || at.startsWith(`${pointer}/`);
  };
  node.elements = elements.filter((el: Node) => !hidden(el));
  for (const el of node.elements as Node[]) {
    const detail = (el.options as Node | undefined)?.detail as Node | undefined;
    if (el.type === 'Control' && typeof el.scope === 'string' && detail)
      removeControls(detail, pointer, `${scopeToPointer(el.scope, prefix)}/*`);
    else removeControls(el, pointer, prefix);
  }
  node.elements = (node.elements as Node[]).filter((el) => !Array.isArray(el.elements) || el.elements.length > 0);
}
