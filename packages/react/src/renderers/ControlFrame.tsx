import type { ValidationIssue } from '@skema/core';
import { memo, useCallback, type FocusEvent, type ReactNode } from 'react';
import { useFieldId, useFieldWarnings, useRequiredNow, useSkemaForm } from '../context.js';
import { usePrefillHint } from '../prefill-hints.js';

/** Attributes that tie an input to its label, help text, hints and messages. */
export interface FieldA11y {
  id: string;
  'aria-describedby'?: string;
  'aria-invalid'?: true;
  'aria-required'?: true;
}

export interface ControlFrameProps {
  /** JSON Pointer of the field; its DOM id is derived from it. */
  pointer: string;
  label: string;
  required?: boolean | undefined;
  description?: string | undefined;
  /** JSON Forms' combined error message for the field (already localized). */
  errors?: string | undefined;
  visible?: boolean;
  /** A fieldset with legend (radio and checkbox groups) instead of a label. */
  group?: boolean;
  /** Extra information under the input (age, deadline), announced with the field. */
  hint?: ReactNode;
  className?: string;
  children: (field: FieldA11y) => ReactNode;
}

function joinIds(...ids: Array<string | false | undefined>): string | undefined {
  const list = ids.filter((id): id is string => Boolean(id));
  return list.length ? list.join(' ') : undefined;
}

function WarningList({ id, warnings }: { id: string; warnings: readonly ValidationIssue[] }) {
  const { ui } = useSkemaForm();
  return (
    <div id={id} className="skema-warning-message">
      {warnings.map((w) => (
        <p key={`${w.code}:${w.message}`}>
          <span className="skema-visually-hidden">{ui.warning}: </span>
          {w.message}
        </p>
      ))}
    </div>
  );
}

/**
 * The accessible frame every Skema control shares: label (or legend), help text, error and warning
 * messages with ids the input refers to through aria-describedby, and the `hidden` state.
 */
export const ControlFrame = memo(function ControlFrame(props: ControlFrameProps) {
  const { pointer, label, description, errors, visible = true, group, className, children } = props;
  // A value prefilled from the case says where it came from, with the field's other hints.
  const prefilled = usePrefillHint(pointer);
  const hint = prefilled ? (
    <>
      <span className="skema-prefill-hint">{prefilled}</span>
      {props.hint ? <> {props.hint}</> : null}
    </>
  ) : (
    props.hint
  );
  const { markTouched, ui } = useSkemaForm();
  // JSON Forms knows only the parent's `required`; a field an `if`/`then` or a rule requires is marked too.
  const required = useRequiredNow(pointer) || props.required;
  const id = useFieldId(pointer);
  const warnings = useFieldWarnings(pointer);
  const hasError = Boolean(errors);
  const descriptionId = description ? `${id}-description` : undefined;
  const errorId = hasError ? `${id}-error` : undefined;
  const hintId = hint ? `${id}-hint` : undefined;
  const warningId = warnings.length ? `${id}-warning` : undefined;
  const describedBy = joinIds(errorId, warningId, descriptionId, hintId);
  const a11y: FieldA11y = {
    id,
    ...(describedBy ? { 'aria-describedby': describedBy } : {}),
    ...(hasError ? { 'aria-invalid': true as const } : {}),
    ...(required ? { 'aria-required': true as const } : {}),
  };
  const onBlur = useCallback(
    (event: FocusEvent<HTMLElement>) => {
      // Leaving one radio for another in the same field is not leaving the field.
      if (event.relatedTarget instanceof Node && event.currentTarget.contains(event.relatedTarget)) return;
      markTouched(pointer);
    },
    [markTouched, pointer],
  );
  const requiredMark = required ? (
    <span className="skema-required" aria-hidden="true">
      {' *'}
    </span>
  ) : null;
  const messages = (
    <>
      {description ? (
        <div id={descriptionId} className="skema-description">
          {description}
        </div>
      ) : null}
      {hasError ? (
        <p id={errorId} className="skema-error-message">
          <span className="skema-visually-hidden">{ui.error}: </span>
          {errors}
        </p>
      ) : null}
      {warningId ? <WarningList id={warningId} warnings={warnings} /> : null}
    </>
  );
  const classes = ['skema-field', hasError ? 'skema-field--invalid' : '', className ?? ''].filter(Boolean).join(' ');
  // A hidden control renders no input at all: nothing to tab to or announce, and two variants of
  // one field (one shown, one hidden by a rule) never put the same id in the page twice.
  if (!visible) return <div className={classes} hidden data-pointer={pointer} />;
  if (group) {
    return (
      <fieldset className={classes} onBlur={onBlur} data-pointer={pointer} aria-describedby={describedBy}>
        <legend className="skema-label">
          {label}
          {requiredMark}
        </legend>
        {messages}
        {children(a11y)}
        {hint ? (
          <div id={hintId} className="skema-hint">
            {hint}
          </div>
        ) : null}
      </fieldset>
    );
  }
  return (
    <div className={classes} onBlur={onBlur} data-pointer={pointer}>
      <label className="skema-label" htmlFor={id}>
        {label}
        {requiredMark}
      </label>
      {messages}
      {children(a11y)}
      {hint ? (
        <div id={hintId} className="skema-hint">
          {hint}
        </div>
      ) : null}
    </div>
  );
});
