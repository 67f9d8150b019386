import type { JsonFormsRendererRegistryEntry } from '@jsonforms/core';
import approvals from '@skema/renderer-approvals';
import attachment from '@skema/renderer-attachment';
import cpr from '@skema/renderer-cpr';
import date from '@skema/renderer-date';
import dkk from '@skema/renderer-dkk';
import raadgivningslog from '@skema/renderer-raadgivningslog';
import trivsel from '@skema/renderer-trivsel';

/** The renderer plugins the web component ships with: every standard form renders fully. */
export const standardRenderers: readonly JsonFormsRendererRegistryEntry[] = Object.freeze([
  ...cpr,
  ...date,
  ...dkk,
  ...trivsel,
  ...raadgivningslog,
  ...approvals,
  ...attachment,
]);
