import { rankWith, uiTypeIs, type LabelProps, type RankedTester } from '@jsonforms/core';
import { withJsonFormsLabelProps } from '@jsonforms/react';
import { SKEMA_CONTROL_RANK } from './controls.js';

/** Free text in the layout: a paragraph, not an orphaned `<label>` as in the vanilla set. */
function LabelRenderer({ text, visible }: LabelProps) {
  return (
    <p className="skema-text" hidden={!visible}>
      {text}
    </p>
  );
}

export const labelTester: RankedTester = rankWith(SKEMA_CONTROL_RANK, uiTypeIs('Label'));
export const SkemaLabel = withJsonFormsLabelProps(LabelRenderer);
