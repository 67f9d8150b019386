import { composePaths, isControl, scopeEndsWith, type ArrayControlProps, type RankedTester } from '@jsonforms/core';
import { useJsonForms, withJsonFormsArrayControlProps } from '@jsonforms/react';
import { fieldId, pathToPointer, pluginTester, useSkemaForm } from '@skema/react';
import { Cell, useUpdate } from './cells.js';
import { DEFAULT_MEETINGS_POINTER, meetingCount, TEXT } from './meetings.js';
import { TableFrame } from './TableFrame.js';

const GOAL_SCHEMA = { type: 'string' } as const;

/**
 * «Delmål frem til …»: one text per working meeting, as many as the log has meetings, in a table
 * row beside each other (the seed's goal table), each labelled with its meeting.
 */
function MeetingGoals(props: ArrayControlProps) {
  const { path, label, errors, description, visible, enabled, uischema } = props;
  const data: unknown = props.data;
  const goals: unknown[] = Array.isArray(data) ? data : [];
  const { locale, idPrefix } = useSkemaForm();
  const ctx = useJsonForms();
  const update = useUpdate();
  const text = TEXT[locale];
  const pointer = pathToPointer(path);
  const baseId = fieldId(pointer, idPrefix);
  const meetingsPointer =
    ((uischema.options ?? {}) as { meetingsPointer?: string }).meetingsPointer ?? DEFAULT_MEETINGS_POINTER;
  const n = meetingCount(ctx.core?.data, meetingsPointer, goals.length);
  return (
    <TableFrame
      baseId={baseId}
      pointer={pointer}
      visible={visible}
      label={label}
      description={description}
      errors={errors}
    >
      <tbody>
        <tr className="skema-table-head">
          {Array.from({ length: n }, (_, i) => (
            <th scope="col" key={i} id={`${baseId}-col-${i}`}>
              {text.goalsUntil(i + 1)}
            </th>
          ))}
        </tr>
        <tr>
          {Array.from({ length: n }, (_, i) => (
            <td key={i} data-label={text.goalsUntil(i + 1)}>
              <Cell
                pointer={`${pointer}/${i}`}
                path={composePaths(path, String(i))}
                value={goals[i]}
                schema={GOAL_SCHEMA}
                labelledBy={`${baseId}-col-${i}`}
                enabled={enabled}
                update={update}
                multi
              />
            </td>
          ))}
        </tr>
      </tbody>
    </TableFrame>
  );
}

/** `fremTilArbejdsmoeder` (delmål per working meeting), or `options.renderer: "per-meeting"`. */
export const meetingGoalsTester: RankedTester = pluginTester(
  'per-meeting',
  isControl,
  scopeEndsWith('delmaal/properties/fremTilArbejdsmoeder'),
);

export const MeetingGoalsRenderer = withJsonFormsArrayControlProps(MeetingGoals);
