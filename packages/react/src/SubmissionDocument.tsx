import { i18nKeyForPointer, type FormVersion, type Locale } from '@skema/core';
import type { ReactNode } from 'react';
import { generateDetail } from './renderers/detail.js';
import { scopeToPointer } from './renderers/schema-tests.js';
import { createTranslate, type Translate } from './translate.js';
import { uiText } from './ui-text.js';
import { valueAtPointer } from './pointer.js';

type Schema = Record<string, unknown>;
interface Element {
  type: string;
  scope?: string;
  label?: string | boolean;
  i18n?: string;
  elements?: Element[];
  options?: { detail?: Element };
}

interface Ctx {
  root: Schema;
  t: Translate;
  locale: Locale;
  data: unknown;
}

function resolve(schema: Schema | undefined, root: Schema): Schema | undefined {
  let node = schema;
  for (let i = 0; node && typeof node.$ref === 'string' && i < 16; i++) {
    let target: unknown = root;
    for (const seg of node.$ref.replace(/^#\//, '').split('/'))
      target = (target as Schema | undefined)?.[seg.replace(/~1/g, '/').replace(/~0/g, '~')];
    const { $ref: _ref, ...rest } = node;
    node = { ...(target as Schema), ...rest };
  }
  return node;
}

function schemaAtScope(schema: Schema, scope: string, root: Schema): Schema | undefined {
  let node: Schema | undefined = resolve(schema, root);
  for (const seg of scope.replace(/^#\/?/, '').split('/').filter(Boolean))
    node = resolve(node?.[seg] as Schema | undefined, root);
  return node;
}

function sectionLabel(element: Element, t: Translate): string | undefined {
  if (element.i18n) return t(`${element.i18n}.label`, typeof element.label === 'string' ? element.label : undefined);
  return typeof element.label === 'string' ? element.label : undefined;
}

function formatValue(value: unknown, schema: Schema | undefined, key: string, ctx: Ctx): string {
  const ui = uiText(ctx.locale);
  if (value === undefined || value === null || value === '') return '–';
  if (typeof value === 'boolean') return value ? ui.yes : ui.no;
  // 6,5 and 1.250 on a Danish page, not JSON's 6.5.
  if (typeof value === 'number')
    return value.toLocaleString(ctx.locale === 'da' ? 'da-DK' : 'en-GB', { maximumFractionDigits: 10 });
  if (Array.isArray(value))
    return value
      .map((v) => formatValue(v, resolve(schema?.items as Schema | undefined, ctx.root), key, ctx))
      .join(', ');
  if (typeof value === 'string' && schema?.format === 'date' && /^\d{4}-\d{2}-\d{2}$/.test(value)) {
    return new Date(`${value}T12:00:00Z`).toLocaleDateString(ctx.locale === 'da' ? 'da-DK' : 'en-GB', {
      day: 'numeric',
      month: 'long',
      year: 'numeric',
      timeZone: 'UTC',
    });
  }
  if (typeof value === 'string' && Array.isArray(schema?.enum)) return ctx.t(`${key}.${value}`, value) ?? value;
  if (typeof value === 'string') return value;
  // What is left of JSON data is an object.
  return JSON.stringify(value);
}

function renderControl(element: Element, schema: Schema, base: string, ctx: Ctx, key: string): ReactNode {
  const pointer = base + scopeToPointer(element.scope ?? '#');
  const propSchema = schemaAtScope(schema, element.scope ?? '#', ctx.root);
  const i18nKey = i18nKeyForPointer(pointer);
  const label =
    element.label === false
      ? ''
      : (ctx.t(`${i18nKey}.label`, (propSchema?.title as string | undefined) ?? i18nKey.split('.').pop()) ?? '');
  const value = valueAtPointer(ctx.data, pointer);
  const itemSchema = resolve(propSchema?.items as Schema | undefined, ctx.root);
  if (propSchema?.type === 'object' || propSchema?.properties) {
    const detail = element.options?.detail ?? (generateDetail(propSchema) as unknown as Element);
    return (
      <section key={key} className="skema-document-object">
        <h4>{label}</h4>
        {renderElement(detail, propSchema, pointer, ctx, `${key}.d`)}
      </section>
    );
  }
  if (Array.isArray(value) && (itemSchema?.type === 'object' || itemSchema?.properties)) {
    const detail = element.options?.detail ?? (generateDetail(itemSchema) as unknown as Element);
    return (
      <section key={key} className="skema-document-array">
        <h4>{label}</h4>
        {value.length === 0 ? <p>–</p> : null}
        {value.map((_item, index) => (
          <section key={index} className="skema-document-item">
            <h5>
              {uiText(ctx.locale).item(
                {
                  list: label,
                  item: ctx.t(
                    `${i18nKey}.item.label`,
                    typeof itemSchema.title === 'string' ? itemSchema.title : undefined,
                  ),
                },
                index + 1,
              )}
            </h5>
            {renderElement(detail, itemSchema, `${pointer}/${index}`, ctx, `${key}.${index}`)}
          </section>
        ))}
      </section>
    );
  }
  return (
    <dl key={key}>
      <dt>{label}</dt>
      <dd>{formatValue(value, propSchema, i18nKey, ctx)}</dd>
    </dl>
  );
}

function renderElement(element: Element, schema: Schema, base: string, ctx: Ctx, key: string): ReactNode {
  if (element.type === 'Control') return renderControl(element, schema, base, ctx, key);
  if (element.type === 'Label') return null;
  const children = (element.elements ?? []).map((child, i) => renderElement(child, schema, base, ctx, `${key}.${i}`));
  const label = sectionLabel(element, ctx.t);
  if (element.type === 'Group' || element.type === 'Category') {
    return (
      <section key={key}>
        {label ? <h3>{label}</h3> : null}
        {children}
      </section>
    );
  }
  return <div key={key}>{children}</div>;
}

/** A submission as a read-only document in the form's own layout and texts (submission page, print). */
export function SubmissionDocument(props: { form: FormVersion; data: unknown; locale?: Locale }) {
  const locale = props.locale ?? 'da';
  const ctx: Ctx = { root: props.form.schema, t: createTranslate(props.form.i18n, locale), locale, data: props.data };
  return (
    <div className="skema-document">
      {renderElement(props.form.uischema as unknown as Element, props.form.schema, '', ctx, 'root')}
    </div>
  );
}
