import {
  and,
  isControl,
  rankWith,
  type ControlProps,
  type DispatchPropsOfMultiEnumControl,
  type OwnPropsOfEnum,
  type RankedTester,
} from '@jsonforms/core';
import { withJsonFormsMultiEnumProps } from '@jsonforms/react';
import { pathToPointer } from '../pointer.js';
import { isArrayOf } from './ArrayControl.js';
import { ControlFrame } from './ControlFrame.js';
import { SKEMA_CONTROL_RANK } from './controls.js';
import { isEnumSchema } from './schema-tests.js';

/** An array of enumeration values (e.g. several `særligeForhold`): a group of checkboxes. */
function MultiEnumControl(props: ControlProps & OwnPropsOfEnum & DispatchPropsOfMultiEnumControl) {
  const { path, label, required, description, errors, visible, enabled, addItem, removeItem } = props;
  const selected: unknown[] = Array.isArray(props.data) ? props.data : [];
  const pointer = pathToPointer(path);
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
          {(props.options ?? []).map((option, index) => {
            const id = index === 0 ? a11y.id : `${a11y.id}--${index}`;
            const checked = selected.includes(option.value);
            return (
              <div className="skema-choice" key={String(option.value)}>
                <input
                  id={id}
                  type="checkbox"
                  className="skema-checkbox"
                  checked={checked}
                  disabled={!enabled}
                  aria-invalid={a11y['aria-invalid']}
                  onChange={() => (checked ? removeItem?.(path, option.value) : addItem(path, option.value))}
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

export const multiEnumControlTester: RankedTester = rankWith(
  SKEMA_CONTROL_RANK + 1,
  and(isControl, isArrayOf(isEnumSchema)),
);

export const SkemaMultiEnumControl = withJsonFormsMultiEnumProps(MultiEnumControl);
