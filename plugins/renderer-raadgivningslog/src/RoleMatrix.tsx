import {
  composePaths,
  isControl,
  Resolve,
  scopeEndsWith,
  type ArrayControlProps,
  type JsonSchema,
  type RankedTester,
} from '@jsonforms/core';
import { useJsonForms, withJsonFormsArrayControlProps } from '@jsonforms/react';
import { i18nKeyForPointer } from '@skema/core';
import { fieldId, pathToPointer, pluginTester, useSkemaForm } from '@skema/react';
import { Cell, useUpdate } from './cells.js';
import { DEFAULT_MEETINGS_POINTER, meetingCount, TEXT } from './meetings.js';
import { TableFrame } from './TableFrame.js';

type Schema = JsonSchema & Record<string, unknown>;

interface Column {
  id: string;
  header: string;
  /** Dot path of the value below the row. */
  sub: string;
  schema: Schema | undefined;
  multi: boolean;
}

const OTHER = 'Andre';

/** «Skole/fritidsinstitution» may wrap after its slash: the matrix then fits a 1280 px screen. */
const wrapAfterSlash = (text: string) => text.replace(/\//g, '/\u200b');

/**
 * The rådgivningslog's «Rolle- og opgavefordeling»: one row per role (with its names), one column
 * per period of agreements, a column for each working meeting. Every cell is a labelled input named
 * by its role and its period.
 */
function RoleMatrix(props: ArrayControlProps) {
  const { path, schema, rootSchema, label, errors, description, visible, enabled, uischema } = props;
  const data: unknown = props.data;
  // The rows are the role objects the item schema describes.
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
  const props_ = (item.properties ?? {}) as Record<string, Schema>;
  const roleSchema = props_.rolle;
  const agreements = Resolve.schema(item, '#/properties/aftaler', rootSchema) as Schema | undefined;
  const periods = (agreements?.properties ?? {}) as Record<string, Schema>;
  const meetingsPointer =
    ((uischema.options ?? {}) as { meetingsPointer?: string }).meetingsPointer ?? DEFAULT_MEETINGS_POINTER;
  const filled = rows.map((r) => {
    const list = (r.aftaler as Record<string, unknown> | undefined)?.fremTilArbejdsmoeder;
    return Array.isArray(list) ? list.length : 0;
  });
  const n = meetingCount(ctx.core?.data, meetingsPointer, ...filled);

  const columns: Column[] = [];
  if (props_.navne)
    columns.push({
      id: 'navne',
      header: t(`${prefix}.navne.label`, 'Navne'),
      sub: 'navne',
      schema: props_.navne,
      multi: false,
    });
  for (const [name, periodSchema] of Object.entries(periods)) {
    if (periodSchema.type === 'array') {
      for (let i = 0; i < n; i++) {
        columns.push({
          id: `${name}-${i}`,
          header: text.agreementsUntil(i + 1),
          sub: `aftaler.${name}.${i}`,
          schema: periodSchema.items as Schema,
          multi: true,
        });
      }
    } else {
      columns.push({
        id: name,
        header: t(`${prefix}.aftaler.${name}.label`, name),
        sub: `aftaler.${name}`,
        schema: periodSchema,
        multi: true,
      });
    }
  }
  const roleLabel = (value: unknown) => (typeof value === 'string' ? t(`${prefix}.rolle.${value}`, value) : '');
  const canAddOther = Array.isArray(roleSchema?.enum) && (roleSchema.enum as unknown[]).includes(OTHER);

  return (
    <TableFrame
      className="skema-table--matrix"
      baseId={baseId}
      pointer={pointer}
      visible={visible}
      label={label}
      description={description}
      errors={errors}
      actions={
        <>
          {canAddOther ? (
            <button
              type="button"
              className="skema-button skema-button--secondary"
              disabled={!enabled}
              onClick={props.addItem(path, { rolle: OTHER, navne: [], aftaler: {} })}
            >
              {text.addRole}
            </button>
          ) : null}
        </>
      }
    >
      <thead>
        <tr>
          <th scope="col" id={`${baseId}-col-rolle`}>
            {t(`${prefix}.rolle.label`, 'Rolle')}
          </th>
          {columns.map((c) => (
            <th scope="col" key={c.id} id={`${baseId}-col-${c.id}`}>
              {wrapAfterSlash(c.header)}
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
          const other = row.rolle === OTHER;
          return (
            <tr key={index}>
              <th scope="row" id={rowHeaderId}>
                {other && props_.andenRolle ? (
                  <>
                    <span className="skema-visually-hidden">{roleLabel(OTHER)}: </span>
                    <Cell
                      pointer={`${rowPointer}/andenRolle`}
                      path={composePaths(rowPath, 'andenRolle')}
                      value={row.andenRolle}
                      schema={props_.andenRolle}
                      labelledBy={`${baseId}-col-rolle`}
                      enabled={enabled}
                      update={update}
                    />
                  </>
                ) : (
                  wrapAfterSlash(roleLabel(row.rolle) || text.otherRole)
                )}
              </th>
              {columns.map((c) => {
                const value = c.sub
                  .split('.')
                  .reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], row);
                return (
                  <td key={c.id} data-label={c.header}>
                    <Cell
                      pointer={`${rowPointer}/${c.sub.split('.').join('/')}`}
                      path={composePaths(rowPath, c.sub)}
                      value={value}
                      schema={c.schema}
                      labelledBy={`${rowHeaderId} ${baseId}-col-${c.id}`}
                      enabled={enabled}
                      update={update}
                      multi={c.multi}
                    />
                  </td>
                );
              })}
              <td className="skema-table-actions">
                {other ? (
                  <button
                    type="button"
                    className="skema-button skema-button--small skema-button--secondary"
                    disabled={!enabled}
                    onClick={props.removeItems?.(path, [index])}
                  >
                    {text.removeRole(
                      typeof row.andenRolle === 'string' && row.andenRolle ? row.andenRolle : roleLabel(OTHER),
                    )}
                  </button>
                ) : null}
              </td>
            </tr>
          );
        })}
      </tbody>
    </TableFrame>
  );
}

/** `rolleOgOpgavefordeling` (or `options.renderer: "role-matrix"`). */
export const roleMatrixTester: RankedTester = pluginTester(
  'role-matrix',
  isControl,
  scopeEndsWith('rolleOgOpgavefordeling'),
);

export const RoleMatrixRenderer = withJsonFormsArrayControlProps(RoleMatrix);
