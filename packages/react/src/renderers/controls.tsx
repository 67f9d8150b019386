import {
  and,
  isControl,
  rankWith,
  type ControlProps,
  type EnumOption,
  type JsonSchema,
  type OwnPropsOfEnum,
  type RankedTester,
  type TesterContext,
  type UISchemaElement,
} from '@jsonforms/core';
import { withJsonFormsControlProps, withJsonFormsEnumProps, withJsonFormsOneOfEnumProps } from '@jsonforms/react';
import { useSkemaForm } from '../context.js';
import { useDraftValue } from '../draft-value.js';
import { pathToPointer } from '../pointer.js';
import { ControlFrame } from './ControlFrame.js';
import { NumberInput } from './NumberInput.js';
import { controlSchema, isEnumSchema, schemaType } from './schema-tests.js';

/** Ranks above the vanilla renderers (1–4), below renderer plugins (10+). */
export const SKEMA_CONTROL_RANK = 5;
/** The rank renderer plugins start at, so they win over every built-in control. */
export const SKEMA_PLUGIN_RANK = 10;

type Options = { multi?: boolean; format?: string; placeholder?: string; autocomplete?: string };

function optionsOf(uischema: UISchemaElement): Options {
  return uischema.options ?? {};
}

const schemaIs =
  (predicate: (schema: Record<string, unknown> | undefined) => boolean) =>
  (uischema: UISchemaElement, schema: JsonSchema, context: TesterContext): boolean =>
    predicate(controlSchema(uischema, schema, context));

const INPUT_TYPES: Record<string, string> = {
  date: 'date',
  time: 'time',
  'date-time': 'datetime-local',
  email: 'email',
  'dk-phone': 'tel',
  uri: 'url',
};

const AUTOCOMPLETE: Record<string, string> = { email: 'email', 'dk-phone': 'tel' };

// JSON Forms types `handleChange` as a method, so the controls call it on `props`.
function TextControl(props: ControlProps) {
  const { path, label, required, description, errors, visible, enabled, schema, uischema } = props;
  const data: unknown = props.data;
  const pointer = pathToPointer(path);
  const options = optionsOf(uischema);
  const format = typeof schema.format === 'string' ? schema.format : undefined;
  const multi = Boolean(options.multi);
  const type = (format && INPUT_TYPES[format]) ?? 'text';
  // datetime-local has no zone; the data keeps ISO date-times, shown without seconds.
  const value = typeof data === 'string' ? (type === 'datetime-local' ? data.slice(0, 16) : data) : '';
  const toData = (raw: string) => (raw === '' ? undefined : type === 'datetime-local' ? `${raw}:00` : raw);
  // Free text is buffered while typing; pickers (date, time) commit at once.
  const buffered = type === 'text' || type === 'email' || type === 'tel' || type === 'url';
  const text = useDraftValue(value, (raw) => props.handleChange(path, toData(raw)));
  const shown = buffered || multi ? text.draft : value;
  const onChange = (raw: string) => (buffered || multi ? text.change(raw) : props.handleChange(path, toData(raw)));
  return (
    <ControlFrame
      pointer={pointer}
      label={label}
      required={required}
      description={description}
      errors={errors}
      visible={visible}
    >
      {(a11y) =>
        multi ? (
          <textarea
            {...a11y}
            className="skema-input skema-textarea"
            value={shown}
            disabled={!enabled}
            rows={4}
            onBlur={text.flush}
            maxLength={typeof schema.maxLength === 'number' ? schema.maxLength : undefined}
            placeholder={options.placeholder}
            onChange={(e) => onChange(e.target.value)}
          />
        ) : (
          <input
            {...a11y}
            className="skema-input"
            type={type}
            value={shown}
            disabled={!enabled}
            onBlur={text.flush}
            autoComplete={options.autocomplete ?? (format ? AUTOCOMPLETE[format] : undefined) ?? 'off'}
            maxLength={typeof schema.maxLength === 'number' ? schema.maxLength : undefined}
            placeholder={options.placeholder}
            onChange={(e) => onChange(e.target.value)}
          />
        )
      }
    </ControlFrame>
  );
}

function NumberControl(props: ControlProps) {
  const { path, label, required, description, errors, visible, enabled, schema } = props;
  const data: unknown = props.data;
  const pointer = pathToPointer(path);
  const integer = schemaType(schema as Record<string, unknown>) === 'integer';
  return (
    <ControlFrame
      pointer={pointer}
      label={label}
      required={required}
      description={description}
      errors={errors}
      visible={visible}
    >
      {(a11y) => (
        <NumberInput
          {...a11y}
          className="skema-input skema-input--number"
          integer={integer}
          value={data}
          disabled={!enabled}
          onValue={(next) => props.handleChange(path, next)}
        />
      )}
    </ControlFrame>
  );
}

function BooleanControl(props: ControlProps) {
  const { path, label, required, description, errors, visible, enabled } = props;
  const data: unknown = props.data;
  const pointer = pathToPointer(path);
  const { ui } = useSkemaForm();
  // Yes/no as two radios: "not answered" stays distinguishable from "no", which a checkbox cannot show.
  return (
    <ControlFrame
      pointer={pointer}
      label={label}
      required={required}
      description={description}
      errors={errors}
      visible={visible}
      group
    >
      {(a11y) => (
        <div className="skema-choices skema-choices--inline">
          {[true, false].map((choice, index) => {
            const id = index === 0 ? a11y.id : `${a11y.id}--${index}`;
            return (
              <div className="skema-choice" key={String(choice)}>
                <input
                  id={id}
                  type="radio"
                  name={a11y.id}
                  className="skema-radio"
                  checked={data === choice}
                  disabled={!enabled}
                  aria-invalid={a11y['aria-invalid']}
                  onChange={() => props.handleChange(path, choice)}
                />
                <label htmlFor={id}>{choice ? ui.yes : ui.no}</label>
              </div>
            );
          })}
        </div>
      )}
    </ControlFrame>
  );
}

function EnumControl(props: ControlProps & OwnPropsOfEnum) {
  const { path, label, required, description, errors, visible, enabled, uischema } = props;
  const data: unknown = props.data;
  const options: EnumOption[] = props.options ?? [];
  const pointer = pathToPointer(path);
  const { ui } = useSkemaForm();
  const radio = optionsOf(uischema).format === 'radio';
  if (radio) {
    return (
      <ControlFrame
        pointer={pointer}
        label={label}
        required={required}
        description={description}
        errors={errors}
        visible={visible}
        group
      >
        {(a11y) => (
          <div className="skema-choices">
            {options.map((option, index) => {
              const id = index === 0 ? a11y.id : `${a11y.id}--${index}`;
              return (
                <div className="skema-choice" key={String(option.value)}>
                  <input
                    id={id}
                    type="radio"
                    name={a11y.id}
                    className="skema-radio"
                    checked={data === option.value}
                    disabled={!enabled}
                    aria-invalid={a11y['aria-invalid']}
                    onChange={() => props.handleChange(path, option.value)}
                  />
                  <label htmlFor={id}>{option.label}</label>
                </div>
              );
            })}
          </div>
        )}
      </ControlFrame>
    );
  }
  const index = options.findIndex((o) => o.value === data);
  return (
    <ControlFrame
      pointer={pointer}
      label={label}
      required={required}
      description={description}
      errors={errors}
      visible={visible}
    >
      {(a11y) => (
        <select
          {...a11y}
          className="skema-input skema-select"
          value={index < 0 ? '' : String(index)}
          disabled={!enabled}
          onChange={(e) =>
            props.handleChange(path, e.target.value === '' ? undefined : options[Number(e.target.value)]?.value)
          }
        >
          <option value="">{ui.choose}</option>
          {options.map((option, i) => (
            <option key={String(option.value)} value={String(i)}>
              {option.label}
            </option>
          ))}
        </select>
      )}
    </ControlFrame>
  );
}

const isPrimitiveOf = (types: string[]) =>
  schemaIs((s) => s !== undefined && !isEnumSchema(s) && types.includes(schemaType(s) ?? ''));

export const textControlTester: RankedTester = rankWith(SKEMA_CONTROL_RANK, and(isControl, isPrimitiveOf(['string'])));
export const numberControlTester: RankedTester = rankWith(
  SKEMA_CONTROL_RANK,
  and(isControl, isPrimitiveOf(['number', 'integer'])),
);
export const booleanControlTester: RankedTester = rankWith(
  SKEMA_CONTROL_RANK,
  and(isControl, isPrimitiveOf(['boolean'])),
);
export const enumControlTester: RankedTester = rankWith(
  SKEMA_CONTROL_RANK,
  and(
    isControl,
    schemaIs((s) => Array.isArray(s?.enum)),
  ),
);
export const oneOfEnumControlTester: RankedTester = rankWith(
  SKEMA_CONTROL_RANK,
  and(
    isControl,
    schemaIs((s) => !Array.isArray(s?.enum) && isEnumSchema(s)),
  ),
);

export const SkemaTextControl = withJsonFormsControlProps(TextControl);
export const SkemaNumberControl = withJsonFormsControlProps(NumberControl);
export const SkemaBooleanControl = withJsonFormsControlProps(BooleanControl);
export const SkemaEnumControl = withJsonFormsEnumProps(EnumControl);
export const SkemaOneOfEnumControl = withJsonFormsOneOfEnumProps(EnumControl);
