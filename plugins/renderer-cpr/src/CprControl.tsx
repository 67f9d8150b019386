import { formatIs, isControl, type ControlProps, type RankedTester } from '@jsonforms/core';
import { withJsonFormsControlProps } from '@jsonforms/react';
import { ControlFrame, pathToPointer, pluginTester, useDraftValue, useSkemaForm } from '@skema/react';
import { ageFromCprOn } from '@skema/plugin-dk';
import { formatCprInput } from './cpr-input.js';
import type { SkemaRendererEntry } from '@skema/react';
import { CPR_CSS } from './styles.js';

const TEXT = {
  da: { placeholder: 'DDMMÅÅ-XXXX', age: (n: number) => `Alder i dag: ${n} år` },
  en: { placeholder: 'DDMMYY-XXXX', age: (n: number) => `Age today: ${n}` },
} as const;

/**
 * A CPR number input: formatted as DDMMÅÅ-XXXX while typing, with the person's age (from the
 * birth date and century digit) shown under it. The value is never logged or sent anywhere but the form.
 */
function CprControl(props: ControlProps) {
  const { path, label, required, description, errors, visible, enabled } = props;
  const data: unknown = props.data;
  const { locale, today } = useSkemaForm();
  const text = TEXT[locale];
  // The input keeps what is typed; the form's data (and every control that depends on it) follows
  // on a pause or on leaving the field, as for other text inputs.
  const input = useDraftValue(typeof data === 'string' ? data : '', (next) =>
    props.handleChange(path, next || undefined),
  );
  const value = input.draft;
  const age = value.length === 11 ? ageFromCprOn(value, today) : undefined;
  return (
    <ControlFrame
      pointer={pathToPointer(path)}
      label={label}
      required={required}
      description={description}
      errors={errors}
      visible={visible}
      hint={age === undefined ? undefined : text.age(age)}
      className="skema-field--cpr"
    >
      {(a11y) => (
        <input
          {...a11y}
          className="skema-input skema-input--cpr"
          type="text"
          inputMode="numeric"
          autoComplete="off"
          spellCheck={false}
          maxLength={11}
          size={12}
          placeholder={text.placeholder}
          value={value}
          disabled={!enabled}
          onChange={(event) => {
            // Written back to the element: Preact (the embed) does not restore a controlled value that did not change.
            const formatted = formatCprInput(event.target.value);
            if (formatted !== event.target.value) event.target.value = formatted;
            input.change(formatted);
          }}
          onBlur={() => input.flush()}
        />
      )}
    </ControlFrame>
  );
}

/** `format: cpr` in the schema, or `options.renderer: "cpr"` in the UI schema. */
export const cprTester: RankedTester = pluginTester('cpr', isControl, formatIs('cpr'));

export const CprRenderer = withJsonFormsControlProps(CprControl);

export const cprRendererEntry: SkemaRendererEntry = { tester: cprTester, renderer: CprRenderer, css: CPR_CSS };

/** Every renderer of this plugin, for `<SkemaForm renderers={...} />`. */
export const cprRenderers: readonly SkemaRendererEntry[] = [cprRendererEntry];
