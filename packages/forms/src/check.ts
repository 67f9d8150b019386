import semver from 'semver';
import { checkVersionBump, resolveSchemaRefs, type FormVersion, type SkemaEngine } from '@skema/core';
import { verifyLock, type FormsLock } from './lock.js';
import { checkPrefill } from './prefill-check.js';

/** One thing wrong with one form version, pointing at the file to fix. */
export interface CheckProblem {
  formId: string;
  version: string;
  /** Path relative to the schemas folder, e.g. `underretning/1.0.0/uischema.json`. */
  file: string;
  message: string;
}

export interface CheckFormsInput {
  forms: FormVersion[];
  engine: SkemaEngine;
  lock: FormsLock;
}

const META_SCHEMA = 'https://json-schema.org/draft/2020-12/schema';
const DEFAULT_TODAY = '2026-06-01';

type Report = (file: string, message: string) => void;
type Json = Record<string, unknown>;

function isObject(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * Everything `skema check` verifies, for every form version: schema, compilation, UI-schema
 * scopes, texts, examples, the lock of published versions and the size of each version bump.
 */
export function checkForms({ forms, engine, lock }: CheckFormsInput): CheckProblem[] {
  const problems: CheckProblem[] = [];
  for (const form of forms) {
    const { id, version } = form.manifest;
    const report: Report = (file, message) =>
      problems.push({ formId: id, version, file: `${id}/${version}/${file}`, message });
    const compiled = checkSchema(form, engine, report);
    checkUiSchema(form, report);
    checkTexts(form, report);
    if (compiled) checkExamples(form, engine, report);
  }
  for (const p of verifyLock(forms, lock)) {
    const at = p.key.lastIndexOf('@');
    const [formId, version] = [p.key.slice(0, at), p.key.slice(at + 1)];
    problems.push({ formId, version, file: 'forms.lock.json', message: p.message });
  }
  problems.push(...checkVersionBumps(forms));
  problems.push(...checkPrefill(forms));
  return problems;
}

/** Meta-schema, `$id`, and compilation in the engine (unknown plugins and formats surface here). */
function checkSchema(form: FormVersion, engine: SkemaEngine, report: Report): boolean {
  const { id, version } = form.manifest;
  const { schema } = form;
  if (schema.$schema !== META_SCHEMA) report('schema.json', `"$schema" must be "${META_SCHEMA}"`);
  const expectedId = `https://skema.dk/schemas/${id}/${version}/schema.json`;
  if (typeof schema.$id !== 'string' || schema.$id === '')
    report('schema.json', `"$id" is missing (expected "${expectedId}")`);
  else if (schema.$id !== expectedId) report('schema.json', `"$id" is "${schema.$id}", expected "${expectedId}"`);

  let metaValid: boolean;
  try {
    metaValid = engine.ajv.validateSchema(schema) as boolean;
  } catch (e) {
    metaValid = false;
    report('schema.json', `cannot be checked against the meta-schema: ${(e as Error).message}`);
  }
  if (!metaValid) {
    for (const e of engine.ajv.errors ?? []) {
      report('schema.json', `not a valid JSON Schema 2020-12: ${e.instancePath || '/'} ${e.message ?? e.keyword}`);
    }
  }
  try {
    engine.compile(form);
    return true;
  } catch (e) {
    report('schema.json', `does not compile: ${(e as Error).message}`);
    return false;
  }
}

/** The schema node at a JSON Forms scope, relative to `base`, following local `$ref`s. */
function schemaAtScope(root: Json, base: unknown, scope: string): unknown {
  if (scope !== '#' && !scope.startsWith('#/')) return undefined;
  let node = resolveSchemaRefs(root, base);
  for (const raw of scope === '#' ? [] : scope.slice(2).split('/')) {
    const segment = decodeURIComponent(raw).replace(/~1/g, '/').replace(/~0/g, '~');
    if (Array.isArray(node)) node = node[Number(segment)];
    else if (isObject(node)) node = node[segment];
    else return undefined;
    node = resolveSchemaRefs(root, node);
  }
  return node;
}

/** The data names a scope walks through: the segment after each `properties`. */
function scopeDataPath(scope: string): string[] {
  const segments = scope.split('/').slice(1);
  return segments
    .filter((_, i) => segments[i - 1] === 'properties')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/** Enum values a control offers: `enum`, `oneOf`/`anyOf` of `const`s, or those of its items (multi-select). */
function enumValues(root: Json, node: unknown): unknown[] {
  const schema = resolveSchemaRefs(root, node);
  if (!isObject(schema)) return [];
  if (Array.isArray(schema.enum)) return schema.enum;
  for (const key of ['oneOf', 'anyOf'] as const) {
    const list = schema[key];
    if (Array.isArray(list) && list.length > 0 && list.every((s) => isObject(s) && 'const' in s))
      return list.map((s) => (s as Json).const);
  }
  if (schema.type === 'array' && schema.items !== undefined) return enumValues(root, schema.items);
  return [];
}

interface UiContext {
  /** Schema node scopes are relative to: the root, or an array's item schema inside `options.detail`. */
  base: unknown;
  /** Data path of that node (i18n key prefix). */
  prefix: string[];
  /** JSON Pointer of the element in uischema.json, for messages. */
  at: string;
}

/** Every `scope` resolves, every Control and titled layout has texts, every enum value has an English label. */
function checkUiSchema(form: FormVersion, report: Report): void {
  const root = form.schema;
  const { en } = form.i18n;
  const requireText = (key: string, at: string, locales: Array<'da' | 'en'> = ['da', 'en']) => {
    for (const locale of locales) {
      if (typeof form.i18n[locale][key] !== 'string')
        report(`i18n/${locale}.json`, `missing "${key}" (used by uischema.json ${at || '/'})`);
    }
  };
  const checkCondition = (condition: unknown, ctx: UiContext, at: string): void => {
    if (!isObject(condition)) return;
    if (typeof condition.scope === 'string' && schemaAtScope(root, ctx.base, condition.scope) === undefined) {
      report('uischema.json', `${at}: rule condition scope "${condition.scope}" does not resolve to a schema location`);
    }
    if (Array.isArray(condition.conditions))
      condition.conditions.forEach((c, i) => checkCondition(c, ctx, `${at}/conditions/${i}`));
  };

  const visit = (element: unknown, ctx: UiContext): void => {
    if (!isObject(element)) return report('uischema.json', `${ctx.at || '/'}: a UI element must be an object`);
    if (typeof element.type !== 'string') report('uischema.json', `${ctx.at || '/'}: element has no "type"`);
    if (isObject(element.rule)) checkCondition(element.rule.condition, ctx, `${ctx.at}/rule/condition`);

    if (typeof element.scope === 'string') {
      const target = schemaAtScope(root, ctx.base, element.scope);
      if (target === undefined) {
        report('uischema.json', `${ctx.at || '/'}: scope "${element.scope}" does not resolve to a schema location`);
      } else if (element.type === 'Control') {
        const path = [...ctx.prefix, ...scopeDataPath(element.scope)];
        const key = typeof element.i18n === 'string' ? element.i18n : path.join('.');
        requireText(`${key}.label`, ctx.at);
        for (const value of enumValues(root, target)) {
          if (typeof en[`${key}.${String(value)}`] !== 'string') {
            report('i18n/en.json', `missing "${key}.${String(value)}" (English label of an enum value)`);
          }
        }
        const detail = isObject(element.options) ? element.options.detail : undefined;
        const items = isObject(target) ? target.items : undefined;
        if (isObject(detail)) {
          if (items === undefined) report('uischema.json', `${ctx.at}: options.detail on a field that is not an array`);
          else visit(detail, { base: items, prefix: path, at: `${ctx.at}/options/detail` });
        }
      }
    } else if (element.type === 'Control') {
      report('uischema.json', `${ctx.at || '/'}: Control without a scope`);
    }

    if (typeof element.i18n === 'string' && element.type !== 'Control') requireText(`${element.i18n}.label`, ctx.at);
    if (Array.isArray(element.elements)) {
      element.elements.forEach((child, i) => visit(child, { ...ctx, at: `${ctx.at}/elements/${i}` }));
    }
  };
  visit(form.uischema, { base: root, prefix: [], at: '' });
}

/** Danish and English have the same keys and no empty texts. */
function checkTexts(form: FormVersion, report: Report): void {
  const { da, en } = form.i18n;
  for (const key of Object.keys(da)) if (!(key in en)) report('i18n/en.json', `missing "${key}" (present in da.json)`);
  for (const key of Object.keys(en)) if (!(key in da)) report('i18n/da.json', `missing "${key}" (present in en.json)`);
  for (const [locale, texts] of [
    ['da', da],
    ['en', en],
  ] as const) {
    for (const [key, text] of Object.entries(texts)) {
      if (typeof text !== 'string' || text.trim() === '') report(`i18n/${locale}.json`, `"${key}" is empty`);
    }
  }
}

/** Valid examples pass without errors; invalid ones fail with every declared code and path. */
function checkExamples(form: FormVersion, engine: SkemaEngine, report: Report): void {
  for (const example of form.examples?.valid ?? []) {
    const file = `examples/valid/${example.name}.json`;
    const result = engine.validate(form, example.data, { today: example.today ?? DEFAULT_TODAY });
    for (const e of result.errors) report(file, `valid example fails: ${e.path || '/'} ${e.code}: ${e.messages.en}`);
  }
  for (const example of form.examples?.invalid ?? []) {
    const file = `examples/invalid/${example.name}.json`;
    const codes = example.expect?.codes ?? [];
    const paths = example.expect?.paths ?? [];
    if (codes.length === 0 && paths.length === 0) {
      report(file, 'invalid example declares neither expect.codes nor expect.paths');
      continue;
    }
    const result = engine.validate(form, example.data, { today: example.today ?? DEFAULT_TODAY });
    if (result.valid) {
      report(file, `invalid example passes; expected ${[...codes, ...paths].join(', ')}`);
      continue;
    }
    const found = result.errors.map((e) => `${e.path || '/'} ${e.code}`).join(', ');
    for (const code of codes) {
      if (!result.errors.some((e) => e.code === code)) report(file, `expected error code ${code}, got ${found}`);
    }
    for (const path of paths) {
      if (!result.errors.some((e) => e.path === path))
        report(file, `expected an error at ${path || '/'}, got ${found}`);
    }
  }
}

/** Each version's number must be at least the bump its diff from the previous version requires. */
function checkVersionBumps(forms: FormVersion[]): CheckProblem[] {
  const byId = new Map<string, FormVersion[]>();
  for (const form of forms) {
    if (!semver.valid(form.manifest.version)) continue;
    const list = byId.get(form.manifest.id) ?? [];
    list.push(form);
    byId.set(form.manifest.id, list);
  }
  const problems: CheckProblem[] = [];
  for (const [id, versions] of byId) {
    versions.sort((a, b) => semver.compare(a.manifest.version, b.manifest.version));
    for (let i = 1; i < versions.length; i++) {
      const next = versions[i]!;
      const problem = checkVersionBump(versions[i - 1]!, next);
      if (problem)
        problems.push({
          formId: id,
          version: next.manifest.version,
          file: `${id}/${next.manifest.version}/form.json`,
          message: problem.message,
        });
    }
  }
  return problems;
}
