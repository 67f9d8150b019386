import type { SkemaEngine } from '@skema/core';
import { createStandardEngine } from '@skema/forms';

/**
 * The standard engine plus a format that never returns, for tests of the validation worker's
 * deadline: a form using `format: "runaway-test"` loops forever in whichever thread validates it.
 */
export function createRunawayEngine(): SkemaEngine {
  return createStandardEngine().use({
    name: 'runaway-test',
    version: '1.0.0',
    formats: {
      'runaway-test': {
        type: 'string',
        validate: (): boolean => {
          for (;;) {
            // Spins: the worker's deadline must end it.
          }
        },
      },
    },
  });
}
