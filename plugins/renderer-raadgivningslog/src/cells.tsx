import { Actions, type JsonSchema, type Translator } from '@jsonforms/core';
import { useJsonForms } from '@jsonforms/react';
import { fieldId, NumberInput, useDraftValue, useFieldErrors, useSkemaForm } from '@skema/react';
import { memo, useCallback, useEffect, useState, type InputHTMLAttributes } from 'react';

type Schema = JsonSchema & Record<string, unknown>;

const NO_NAMES: string[] = [];

/**
 * Writes one value into the form's data (cells have no JSON Forms control of their own). An array
 * element beyond the end pads the array with empty strings, never with holes.
 */
export type Update = (path: string, updater: (current: unknown) => unknown) => void;

export function useUpdate(): Update {
  const { dispatch } = useJsonForms();
  return useCallback<Update>(
    (path, updater) => {
      const segments = path.split('.');
      const last = segments[segments.length - 1] ?? '';
      if (!/^\d+$/.test(last)) return dispatch?.(Actions.update(path, updater));
      const index = Number(last);
      dispatch?.(
        Actions.update(segments.slice(0, -1).join('.'), (current: unknown) => {
          const next: unknown[] = Array.isArray(current) ? Array.from<unknown>(current) : [];
          while (next.length < index) next.push('');
          next[index] = updater(next[index]) ?? '';
          return next;
        }),
      );
    },
    [dispatch],
  );
}

function splitNames(text: string): string[] {
  return text
    .split(/[,;\n]/)
    .map((s) => s.trim())
    .filter(Boolean);
}

export interface CellProps {
  /** JSON Pointer of the value (gives the input its predictable id). */
  pointer: string;
  /** JSON Forms dot path of the value. */
  path: string;
  value: unknown;
  schema: Schema | undefined;
  /** Ids of the row and column headers that name the cell. */
  labelledBy: string;
  enabled: boolean;
  multi?: boolean;
  /** Writes the value (from `useUpdate`, stable). */
  update: Update;
  /** Translates enumeration labels: `<optionKey>.<value>`. */
  translate?: Translator | undefined;
  optionKey?: string;
}

/**
 * One editable table cell: the input named by its row and column headers, its own errors
 * (from the form's issues) beside it and tied to it with aria-describedby.
 */
export const Cell = memo(function Cell(props: CellProps) {
  const { pointer, path, value, schema, labelledBy, enabled, multi, update, translate, optionKey } = props;
  const form = useSkemaForm();
  const { idPrefix, ui } = form;
  const id = fieldId(pointer, idPrefix);
  const errors = useFieldErrors(pointer);
  const errorId = errors.length ? `${id}-error` : undefined;
  const common = {
    id,
    'aria-labelledby': labelledBy,
    'aria-invalid': errors.length ? (true as const) : undefined,
    'aria-describedby': errorId,
    disabled: !enabled,
    onBlur: () => form.markTouched(pointer),
  };
  const set = (next: unknown) => update(path, () => (next === '' ? undefined : next));
  // Free text is buffered while typing (see useDraftValue); the form's data follows on a pause.
  const text = useDraftValue(typeof value === 'string' ? value : '', (next) => set(next));
  let input;
  const type = schema?.type;
  if (type === 'array') {
    input = (
      <NamesInput
        {...common}
        names={Array.isArray(value) ? (value as string[]) : NO_NAMES}
        onNames={(names) => update(path, () => names)}
      />
    );
  } else if (Array.isArray(schema?.enum)) {
    input = (
      <select
        {...common}
        className="skema-input skema-select"
        value={typeof value === 'string' ? value : ''}
        onChange={(e) => set(e.target.value)}
      >
        <option value="">{ui.choose}</option>
        {(schema.enum as string[]).map((v) => (
          <option key={v} value={v}>
            {(translate && optionKey ? translate(`${optionKey}.${v}`, v) : undefined) ?? v}
          </option>
        ))}
      </select>
    );
  } else if (type === 'boolean') {
    input = (
      <input
        {...common}
        type="checkbox"
        className="skema-checkbox"
        checked={value === true}
        onChange={(e) => update(path, () => e.target.checked)}
      />
    );
  } else if (type === 'number' || type === 'integer') {
    // The form's one number reader: «6,5» is 6.5, and text it cannot read stays as typed.
    input = (
      <NumberInput
        {...common}
        className="skema-input"
        integer={type === 'integer'}
        value={value}
        onValue={(next) => set(next ?? '')}
      />
    );
  } else if (multi) {
    input = (
      <textarea
        {...common}
        onBlur={() => {
          text.flush();
          form.markTouched(pointer);
        }}
        className="skema-input skema-textarea"
        rows={3}
        value={text.draft}
        onChange={(e) => text.change(e.target.value)}
      />
    );
  } else {
    const format = schema?.format;
    const inputType =
      format === 'date' ? 'date' : format === 'email' ? 'email' : format === 'dk-phone' ? 'tel' : 'text';
    input = (
      <input
        {...common}
        type={inputType}
        className="skema-input"
        value={typeof value === 'string' ? value : ''}
        onChange={(e) => set(e.target.value)}
      />
    );
  }
  return (
    <div className={`skema-cell${errors.length ? ' skema-field--invalid' : ''}`} data-pointer={pointer}>
      {input}
      {errorId ? (
        <p id={errorId} className="skema-error-message">
          {errors.map((e) => e.message).join(' ')}
        </p>
      ) : null}
    </div>
  );
});

/**
 * A list of names typed as "Anna, Bo": the text stays as typed while editing (so a trailing comma
 * survives), the data is the list of names.
 */
export function NamesInput(
  props: InputHTMLAttributes<HTMLInputElement> & { names: string[]; onNames: (names: string[]) => void },
) {
  const { names, onNames, ...input } = props;
  const [text, setText] = useState(() => names.join(', '));
  useEffect(() => {
    // Follow outside changes only; while typing, the text and the data already agree.
    setText((current) => (splitNames(current).join('\u0000') === names.join('\u0000') ? current : names.join(', ')));
  }, [names]);
  return (
    <input
      {...input}
      type="text"
      className="skema-input"
      value={text}
      onChange={(e) => {
        setText(e.target.value);
        onNames(splitNames(e.target.value));
      }}
    />
  );
}
