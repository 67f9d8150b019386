import type { JsonFormsRendererRegistryEntry } from '@jsonforms/core';
import approvals from '@skema/renderer-approvals';
import attachment from '@skema/renderer-attachment';
import cpr from '@skema/renderer-cpr';
import date from '@skema/renderer-date';
import dkk from '@skema/renderer-dkk';
import raadgivningslog from '@skema/renderer-raadgivningslog';
import trivsel from '@skema/renderer-trivsel';

/** Every renderer plugin, registered through SkemaForm's `renderers` (one stable array). */
export const renderers: readonly JsonFormsRendererRegistryEntry[] = [
  ...cpr,
  ...date,
  ...dkk,
  ...trivsel,
  ...raadgivningslog,
  ...approvals,
  ...attachment,
];
