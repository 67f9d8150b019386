import { formatIs, isControl, type ControlProps, type RankedTester } from '@jsonforms/core';
import { withJsonFormsControlProps } from '@jsonforms/react';
import { ControlFrame, pathToPointer, pluginTester, useFieldDeadlines, useSkemaForm } from '@skema/react';
import { deadlineText } from './deadline-text.js';
import type { SkemaRendererEntry } from '@skema/react';
import { DATE_CSS } from './styles.js';

/**
 * A date input that shows the process deadlines the rule plugins derive from this date
 * (`result.derived.deadlines` with this field's pointer): due date, basis and working days left.
 */
function DateControl(props: ControlProps) {
  const { path, label, required, description, errors, visible, enabled } = props;
  const data: unknown = props.data;
  const pointer = pathToPointer(path);
  const { locale, today, calendar } = useSkemaForm();
  const deadlines = useFieldDeadlines(pointer);
  const hint = deadlines.length ? (
    <ul className="skema-deadlines">
      {deadlines.map((d) => (
        <li key={`${d.ruleId}:${d.due}`} className={`skema-deadline skema-deadline--${d.status}`} data-rule={d.ruleId}>
          {deadlineText(d, locale, today, calendar)}
        </li>
      ))}
    </ul>
  ) : undefined;
  return (
    <ControlFrame
      pointer={pointer}
      label={label}
      required={required}
      description={description}
      errors={errors}
      visible={visible}
      hint={hint}
    >
      {(a11y) => (
        <input
          {...a11y}
          className="skema-input skema-input--date"
          type="date"
          value={typeof data === 'string' ? data : ''}
          disabled={!enabled}
          onChange={(event) => props.handleChange(path, event.target.value || undefined)}
        />
      )}
    </ControlFrame>
  );
}

/** `format: date`, or `options.renderer: "date"`. */
export const dateTester: RankedTester = pluginTester('date', isControl, formatIs('date'));

export const DateRenderer = withJsonFormsControlProps(DateControl);

export const dateRendererEntry: SkemaRendererEntry = { tester: dateTester, renderer: DateRenderer, css: DATE_CSS };

export const dateRenderers: readonly SkemaRendererEntry[] = [dateRendererEntry];
