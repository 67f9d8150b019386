import { isIntegerControl, isNumberControl, or, rankWith, type CellProps, type RankedTester } from '@jsonforms/core';
import { withJsonFormsCellProps } from '@jsonforms/react';
import { NumberInput } from './NumberInput.js';

/**
 * JSON Forms' vanilla number and integer cells (used by its table layouts) take `6,5` as 65; this
 * cell replaces both, above their rank, with the form's one number reader.
 */
function NumberCell(props: CellProps) {
  const { path, id, enabled, schema, isValid } = props;
  const data: unknown = props.data;
  return (
    <NumberInput
      id={id}
      className="skema-input skema-input--number"
      integer={schema.type === 'integer'}
      value={data}
      disabled={!enabled}
      aria-invalid={isValid ? undefined : true}
      onValue={(next) => props.handleChange(path, next)}
    />
  );
}

export const numberCellTester: RankedTester = rankWith(5, or(isNumberControl, isIntegerControl));
export const SkemaNumberCell = withJsonFormsCellProps(NumberCell);
