import { and, isControl, rankWith, type StatePropsOfControlWithDetail, type RankedTester } from '@jsonforms/core';
import { JsonFormsDispatch, withJsonFormsDetailProps } from '@jsonforms/react';
import { useMemo } from 'react';
import { useFieldId } from '../context.js';
import { pathToPointer } from '../pointer.js';
import { SKEMA_CONTROL_RANK } from './controls.js';
import { detailUiSchema } from './detail.js';
import { controlSchema, schemaType } from './schema-tests.js';
import { registries } from './registries.js';

function ObjectControl(props: StatePropsOfControlWithDetail) {
  const {
    schema,
    uischema,
    uischemas,
    path,
    label,
    errors,
    visible,
    enabled,
    rootSchema,
    renderers,
    cells,
    description,
  } = props;
  const pointer = pathToPointer(path);
  const id = useFieldId(pointer);
  const detail = useMemo(
    () => detailUiSchema(uischemas, schema, uischema, path, rootSchema),
    [uischemas, schema, uischema, path, rootSchema],
  );
  const describedBy =
    [errors ? `${id}-error` : '', description ? `${id}-description` : ''].filter(Boolean).join(' ') || undefined;
  // Hidden by a rule: nothing inside to reach, and no ids twice in the page.
  if (!visible) return <fieldset className="skema-object" hidden data-pointer={pointer} />;
  return (
    <fieldset className="skema-object" id={id} tabIndex={-1} data-pointer={pointer} aria-describedby={describedBy}>
      {label ? <legend className="skema-legend">{label}</legend> : null}
      {description ? (
        <div id={`${id}-description`} className="skema-description">
          {description}
        </div>
      ) : null}
      {errors ? (
        <p id={`${id}-error`} className="skema-error-message">
          {errors}
        </p>
      ) : null}
      <JsonFormsDispatch
        schema={schema}
        uischema={detail}
        path={path}
        enabled={enabled}
        {...registries({ renderers, cells })}
      />
    </fieldset>
  );
}

export const objectControlTester: RankedTester = rankWith(
  SKEMA_CONTROL_RANK,
  and(isControl, (uischema, schema, context) => schemaType(controlSchema(uischema, schema, context)) === 'object'),
);

export const SkemaObjectControl = withJsonFormsDetailProps(ObjectControl);
