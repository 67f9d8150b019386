import {
  and,
  composePaths,
  isControl,
  Resolve,
  type ArrayControlProps,
  type JsonSchema,
  type RankedTester,
  type TesterContext,
  type UISchemaElement,
} from '@jsonforms/core';
import { useJsonForms, withJsonFormsArrayControlProps } from '@jsonforms/react';
import { i18nKeyForPointer } from '@skema/core';
import { fieldId, pathToPointer, scopeName, pluginTester, useSkemaForm, withSchemaDefaults } from '@skema/react';
import { Cell, useUpdate } from './cells.js';
import { TEXT } from './meetings.js';
import { TableFrame } from './TableFrame.js';

type Schema = JsonSchema & Record<string, unknown>;

/** Columns in the order of the item layout (`options.detail`), else of the schema. */
function columnNames(item: Schema, uischema: UISchemaElement): string[] {
  const detail = (uischema.options as { detail?: UISchemaElement } | undefined)?.detail;
  const scopes: string[] = [];
  const walk = (el: UISchemaElement) => {
    const scope = (el as { scope?: string }).scope;
    if (scope) scopes.push(scope.split('/').pop()!);
    ((el as { elements?: UISchemaElement[] }).elements ?? []).forEach(walk);
  };
  if (detail && typeof detail === 'object') walk(detail);
  return scopes.length ? scopes : Object.keys(item.properties ?? {});
}

/**
 * An array of flat objects as an editable table (the rådgivningslog's goal history, meetings and
 * contacts): a row per item, a labelled input per cell, add and remove buttons with clear names.
 */
function ObjectTable(props: ArrayControlProps) {
  const { path, schema, rootSchema, label, errors, description, visible, enabled, uischema } = props;
  const data: unknown = props.data;
  // The rows are the flat objects the item schema describes.
  const rows = Array.isArray(data) ? (data as Array<Record<string, unknown>>) : [];
  const { locale, idPrefix } = useSkemaForm();
  const ctx = useJsonForms();
  const update = useUpdate();
  const t = (key: string, fallback: string) => ctx.i18n?.translate?.(key, fallback) ?? fallback;
  const text = TEXT[locale];
  const pointer = pathToPointer(path);
  const prefix = i18nKeyForPointer(pointer);
  const baseId = fieldId(pointer, idPrefix);
  const item = schema as Schema;
  const names = columnNames(item, uischema);
  const options = (uischema.options ?? {}) as { showSortButtons?: boolean };
  const propertySchema = (name: string) =>
    Resolve.schema(item, `#/properties/${name}`, rootSchema) as Schema | undefined;
  const multiNames = new Set<string>();
  const detail = (uischema.options as { detail?: UISchemaElement } | undefined)?.detail;
  const visit = (el: UISchemaElement | undefined) => {
    if (!el) return;
    const o = el.options as { multi?: boolean } | undefined;
    const scope = (el as { scope?: string }).scope;
    if (scope && o?.multi) multiNames.add(scope.split('/').pop()!);
    ((el as { elements?: UISchemaElement[] }).elements ?? []).forEach(visit);
  };
  visit(detail);

  return (
    <TableFrame
      baseId={baseId}
      pointer={pointer}
      visible={visible}
      label={label}
      description={description}
      errors={errors}
      actions={
        <>
          <button
            type="button"
            className="skema-button skema-button--secondary"
            disabled={!enabled}
            onClick={props.addItem(path, withSchemaDefaults({ ...(rootSchema as Schema), ...item }, {}))}
          >
            {text.addRow(label || '')}
          </button>
        </>
      }
    >
      <thead>
        <tr>
          <th scope="col">
            <span className="skema-visually-hidden">#</span>
          </th>
          {names.map((name) => (
            <th scope="col" key={name} id={`${baseId}-col-${name}`}>
              {t(`${prefix}.${name}.label`, propertySchema(name)?.title ?? name)}
            </th>
          ))}
          <th scope="col">
            <span className="skema-visually-hidden">{text.actions}</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row, index) => {
          const rowPath = composePaths(path, String(index));
          const rowPointer = pathToPointer(rowPath);
          const rowHeaderId = `${baseId}-row-${index}`;
          return (
            <tr key={index}>
              <th scope="row" id={rowHeaderId}>
                {index + 1}
                <span className="skema-visually-hidden"> ({text.row(index + 1)})</span>
              </th>
              {names.map((name) => {
                const s = propertySchema(name);
                return (
                  <td key={name} data-label={t(`${prefix}.${name}.label`, s?.title ?? name)}>
                    <Cell
                      pointer={`${rowPointer}/${name}`}
                      path={composePaths(rowPath, name)}
                      value={row[name]}
                      schema={s}
                      labelledBy={`${baseId}-col-${name} ${rowHeaderId}`}
                      enabled={enabled}
                      update={update}
                      multi={multiNames.has(name)}
                      translate={ctx.i18n?.translate}
                      optionKey={`${prefix}.${name}`}
                    />
                  </td>
                );
              })}
              <td className="skema-table-actions">
                <div className="skema-array-actions">
                  {options.showSortButtons ? (
                    <>
                      <button
                        type="button"
                        className="skema-button skema-button--small"
                        disabled={!enabled || index === 0}
                        onClick={props.moveUp?.(path, index)}
                      >
                        <span aria-hidden="true">↑</span>
                        <span className="skema-visually-hidden">{`${text.row(index + 1)} ↑`}</span>
                      </button>
                      <button
                        type="button"
                        className="skema-button skema-button--small"
                        disabled={!enabled || index === rows.length - 1}
                        onClick={props.moveDown?.(path, index)}
                      >
                        <span aria-hidden="true">↓</span>
                        <span className="skema-visually-hidden">{`${text.row(index + 1)} ↓`}</span>
                      </button>
                    </>
                  ) : null}
                  <button
                    type="button"
                    className="skema-button skema-button--small skema-button--secondary"
                    disabled={!enabled}
                    onClick={props.removeItems?.(path, [index])}
                  >
                    {text.remove}
                    <span className="skema-visually-hidden"> {text.row(index + 1).toLowerCase()}</span>
                  </button>
                </div>
              </td>
            </tr>
          );
        })}
      </tbody>
    </TableFrame>
  );
}

/** The rådgivningslog's flat object lists that read best as tables. */
export const TABLE_SCOPES: readonly string[] = [
  'overordnetMaal',
  'kontaktoplysninger',
  'arbejdsmoeder',
  'forankringsmoeder',
  'opsamlingsnotater',
];

function isFlatObjectArray(uischema: UISchemaElement, schema: JsonSchema, context: TesterContext): boolean {
  if (!isControl(uischema)) return false;
  const root = (context?.rootSchema ?? schema) as Schema;
  const array = Resolve.schema(schema, uischema.scope, root) as Schema | undefined;
  if (array?.type !== 'array' || !array.items) return false;
  const item = Resolve.schema(array, '#/items', root) as Schema | undefined;
  const properties = (item?.properties ?? undefined) as Record<string, Schema> | undefined;
  if (!properties) return false;
  return Object.keys(properties).every((name) => {
    const p = Resolve.schema(item!, `#/properties/${name}`, root) as Schema | undefined;
    return (
      p !== undefined &&
      p.type !== 'object' &&
      (p.type !== 'array' || (p.items as Schema | undefined)?.type === 'string')
    );
  });
}

/** Flat object arrays of the rådgivningslog (or `options.renderer: "table"`). */
export const objectTableTester: RankedTester = pluginTester('table', and(isControl, isFlatObjectArray), (uischema) =>
  TABLE_SCOPES.includes(scopeName(uischema) ?? ''),
);

export const ObjectTableRenderer = withJsonFormsArrayControlProps(ObjectTable);
