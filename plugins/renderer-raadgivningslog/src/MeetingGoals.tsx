import { and, composePaths, isControl, optionIs, or, rankWith, scopeEndsWith, type ArrayControlProps, type RankedTester } from '@jsonforms/core';
import { useJsonForms, withJsonFormsArrayControlProps } from '@jsonforms/react';
import { fieldId, pathToPointer, SKEMA_PLUGIN_RANK, useSkemaForm } from '@skema/react';
import { Cell, useUpdate } from './cells.js';
import { DEFAULT_MEETINGS_POINTER, meetingCount, TEXT } from './meetings.js';

const GOAL_SCHEMA = { type: 'string' } as const;

/**
 * «Delmål frem til …»: one text per working meeting, as many as the log has meetings, in a table
 * row beside each other (the seed's goal table), each labelled with its meeting.
 */
function MeetingGoals(props: ArrayControlProps) {
  const { data, path, label, errors, description, visible, enabled, uischema } = props;
  const goals: unknown[] = Array.isArray(data) ? data : [];
  const { locale, idPrefix } = useSkemaForm();
  const ctx = useJsonForms();
  const update = useUpdate();
  const text = TEXT[locale];
  const pointer = pathToPointer(path);
  const baseId = fieldId(pointer, idPrefix);
  const meetingsPointer = ((uischema.options ?? {}) as { meetingsPointer?: string }).meetingsPointer ?? DEFAULT_MEETINGS_POINTER;
  const n = meetingCount(ctx.core?.data, meetingsPointer, goals.length);
  const describedBy = [errors ? `${baseId}-error` : '', description ? `${baseId}-description` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div className="skema-matrix" hidden={!visible} data-pointer={pointer}>
      {description ? (
        <div id={`${baseId}-description`} className="skema-description">
          {description}
        </div>
      ) : null}
      {errors ? (
        <p id={`${baseId}-error`} className="skema-error-message">
          {errors}
        </p>
      ) : null}
      <div className="skema-table-wrap" id={baseId} tabIndex={-1} role="region" aria-labelledby={`${baseId}-caption`} aria-describedby={describedBy}>
        <table className="skema-table">
          <caption id={`${baseId}-caption`}>{label}</caption>
          <tbody>
            <tr>
              {Array.from({ length: n }, (_, i) => (
                <th scope="col" key={i} id={`${baseId}-col-${i}`}>
                  {text.goalsUntil(i + 1)}
                </th>
              ))}
            </tr>
            <tr>
              {Array.from({ length: n }, (_, i) => (
                <td key={i}>
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
        </table>
      </div>
    </div>
  );
}

/** `fremTilArbejdsmoeder` (delmål per working meeting), or `options.renderer: "per-meeting"`. */
export const meetingGoalsTester: RankedTester = rankWith(
  SKEMA_PLUGIN_RANK,
  and(isControl, or(scopeEndsWith('delmaal/properties/fremTilArbejdsmoeder'), optionIs('renderer', 'per-meeting'))),
);

export const MeetingGoalsRenderer = withJsonFormsArrayControlProps(MeetingGoals);
