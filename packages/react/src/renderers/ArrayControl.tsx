import {
  and,
  composePaths,
  isControl,
  rankWith,
  type ArrayControlProps,
  type JsonSchema,
  type RankedTester,
  type UISchemaElement,
} from '@jsonforms/core';
import { JsonFormsDispatch, useJsonForms, withJsonFormsArrayControlProps } from '@jsonforms/react';
import { useEffect, useMemo, useRef } from 'react';
import { useFieldId, useSkemaForm } from '../context.js';
import { withSchemaDefaults } from '../defaults.js';
import { fieldId, pathToPointer } from '../pointer.js';
import { SKEMA_CONTROL_RANK } from './controls.js';
import { detailUiSchema } from './detail.js';
import { controlSchema, isEnumSchema, schemaType } from './schema-tests.js';
import { registries } from './registries.js';

type Schema = JsonSchema & Record<string, unknown>;

function newItem(schema: Schema, rootSchema: JsonSchema): unknown {
  switch (schemaType(schema)) {
    case 'object':
      return withSchemaDefaults({ ...(rootSchema as Schema), ...schema }, {});
    case 'string':
      return '';
    default:
      return schema.default;
  }
}

function itemTitle(item: unknown, prop: string | undefined): string | undefined {
  if (!prop || item === null || typeof item !== 'object') return undefined;
  const value = (item as Record<string, unknown>)[prop];
  return typeof value === 'string' && value ? value : undefined;
}

/**
 * The singular name of one item («Samtykke» in the list «Samtykker»): the i18n key
 * `<list key>.item.label`, else `options.itemLabel` (text, or `{ "da": …, "en": … }`), else the items
 * schema's `title`. Without any, rows are named by the list («Samtykker: nr. 1», «Tilføj til samtykker»).
 */
function singularItemLabel(
  uischema: UISchemaElement,
  path: string,
  itemSchema: Schema,
  locale: string,
  translate: ((key: string, fallback: undefined) => string | undefined) | undefined,
): string | undefined {
  const ownKey = (uischema as { i18n?: unknown }).i18n;
  const prefix =
    typeof ownKey === 'string'
      ? ownKey
      : path
          .split('.')
          .filter((s) => !/^\d+$/.test(s))
          .join('.');
  const translated = translate?.(`${prefix}.item.label`, undefined);
  if (translated) return translated;
  const option = (uischema.options as { itemLabel?: unknown } | undefined)?.itemLabel;
  if (typeof option === 'string' && option) return option;
  if (option && typeof option === 'object') {
    const localized = (option as Record<string, unknown>)[locale];
    if (typeof localized === 'string' && localized) return localized;
  }
  return typeof itemSchema.title === 'string' && itemSchema.title ? itemSchema.title : undefined;
}

const itemUiCache = new Map<string, UISchemaElement>();

/** A Control for one primitive item, labelled "<label> nr. n"; the i18n key is one no form defines, so the label stands. */
function primitiveItemUi(label: string): UISchemaElement {
  let ui = itemUiCache.get(label);
  if (!ui) {
    ui = { type: 'Control', scope: '#', label, i18n: 'skema.item.unused' } as unknown as UISchemaElement;
    itemUiCache.set(label, ui);
  }
  return ui;
}

function ArrayControl(props: ArrayControlProps) {
  // The dispatch functions (addItem, moveUp, …) are called on props: JSON Forms types them as methods.
  const {
    path,
    schema,
    uischema,
    uischemas,
    rootSchema,
    label,
    errors,
    description,
    visible,
    enabled,
    renderers,
    cells,
  } = props;
  const items: unknown[] = Array.isArray(props.data) ? props.data : [];
  const pointer = pathToPointer(path);
  const id = useFieldId(pointer);
  const { ui, idPrefix, markAdded, locale } = useSkemaForm();
  const translate = useJsonForms().i18n?.translate as
    ((key: string, fallback: undefined) => string | undefined) | undefined;
  const options = (uischema.options ?? {}) as { showSortButtons?: boolean; elementLabelProp?: string };
  const itemSchema = schema as Schema;
  const isObject = schemaType(itemSchema) === 'object';
  const detail = useMemo(
    () => (isObject ? detailUiSchema(uischemas, schema, uischema, path, rootSchema) : undefined),
    [isObject, uischemas, schema, uischema, path, rootSchema],
  );
  const listRef = useRef<HTMLOListElement>(null);
  const addRef = useRef<HTMLButtonElement>(null);
  const focusItem = useRef<number | 'add' | null>(null);

  // After adding, focus moves into the new item; after removing, to the add button.
  useEffect(() => {
    const target = focusItem.current;
    focusItem.current = null;
    if (target === 'add') addRef.current?.focus();
    else if (typeof target === 'number') {
      const item = listRef.current?.children[target];
      item?.querySelector<HTMLElement>('input, select, textarea')?.focus();
    }
  }, [items.length]);

  const itemLabel = useMemo(
    () => ({ list: label, item: singularItemLabel(uischema, path, itemSchema, locale, translate) }),
    [label, uischema, path, itemSchema, locale, translate],
  );
  const describedBy =
    [errors ? `${id}-error` : '', description ? `${id}-description` : ''].filter(Boolean).join(' ') || undefined;

  // Hidden by a rule: nothing inside to reach, and no ids twice in the page.
  if (!visible) return <fieldset className="skema-array" hidden data-pointer={pointer} />;
  return (
    <fieldset className="skema-array" id={id} tabIndex={-1} data-pointer={pointer} aria-describedby={describedBy}>
      <legend className="skema-legend">{label}</legend>
      {description ? (
        <div id={`${id}-description`} className="skema-description">
          {description}
        </div>
      ) : null}
      {errors ? (
        <p id={`${id}-error`} className="skema-error-message">
          {errors}
        </p>
      ) : null}
      {items.length === 0 ? <p className="skema-empty">{ui.noItems}</p> : null}
      <ol className="skema-array-items" ref={listRef}>
        {items.map((item, index) => {
          const childPath = composePaths(path, String(index));
          const childPointer = pathToPointer(childPath);
          const n = index + 1;
          const title = itemTitle(item, options.elementLabelProp);
          return (
            <li key={index} className="skema-array-item">
              {isObject && detail ? (
                <fieldset className="skema-array-item-fields" id={fieldId(childPointer, idPrefix)} tabIndex={-1}>
                  <legend className="skema-legend skema-legend--item">
                    {ui.item(itemLabel, n)}
                    {title ? `: ${title}` : ''}
                  </legend>
                  <JsonFormsDispatch
                    schema={schema}
                    uischema={detail}
                    path={childPath}
                    enabled={enabled}
                    {...registries({ renderers, cells })}
                  />
                </fieldset>
              ) : (
                <JsonFormsDispatch
                  schema={schema}
                  uischema={primitiveItemUi(ui.item(itemLabel, n))}
                  path={childPath}
                  enabled={enabled}
                  {...registries({ renderers, cells })}
                />
              )}
              <div className="skema-array-actions">
                {options.showSortButtons ? (
                  <>
                    <button
                      type="button"
                      className="skema-button skema-button--small"
                      disabled={!enabled || index === 0}
                      onClick={props.moveUp?.(path, index)}
                    >
                      <span aria-hidden="true">↑ </span>
                      <span className="skema-visually-hidden">{ui.moveUp(itemLabel, n)}</span>
                    </button>
                    <button
                      type="button"
                      className="skema-button skema-button--small"
                      disabled={!enabled || index === items.length - 1}
                      onClick={props.moveDown?.(path, index)}
                    >
                      <span aria-hidden="true">↓ </span>
                      <span className="skema-visually-hidden">{ui.moveDown(itemLabel, n)}</span>
                    </button>
                  </>
                ) : null}
                <button
                  type="button"
                  className="skema-button skema-button--small skema-button--secondary"
                  disabled={!enabled}
                  onClick={() => {
                    focusItem.current = 'add';
                    props.removeItems?.(path, [index])();
                  }}
                >
                  {ui.remove(itemLabel, n)}
                </button>
              </div>
            </li>
          );
        })}
      </ol>
      <button
        ref={addRef}
        type="button"
        className="skema-button skema-button--secondary"
        disabled={!enabled}
        onClick={() => {
          focusItem.current = items.length;
          markAdded(pathToPointer(composePaths(path, String(items.length))));
          props.addItem(path, newItem(itemSchema, rootSchema))();
        }}
      >
        {ui.add(itemLabel)}
      </button>
    </fieldset>
  );
}

const isArrayOf =
  (predicate: (items: Schema) => boolean) =>
  (...args: Parameters<typeof controlSchema>): boolean => {
    const schema = controlSchema(...args);
    if (schemaType(schema) !== 'array' || !schema?.items || Array.isArray(schema.items)) return false;
    let items = schema.items as Schema;
    if (typeof items.$ref === 'string') {
      const root = (args[2]?.rootSchema ?? args[1]) as Schema;
      items =
        controlSchema({ type: 'Control', scope: items.$ref }, root, { rootSchema: root, config: undefined }) ?? items;
    }
    return predicate(items);
  };

export const arrayControlTester: RankedTester = rankWith(
  SKEMA_CONTROL_RANK,
  and(
    isControl,
    isArrayOf((items) => !isEnumSchema(items)),
  ),
);

export const SkemaArrayControl = withJsonFormsArrayControlProps(ArrayControl);
export { isArrayOf };
