import type { FormConfigStore } from '@skema/core';

const METHODS = ['listFormConfigs', 'getFormConfig', 'saveFormConfigDraft', 'setFormConfigStatus'] as const;

/** True when a store object also keeps tenants' form configuration (the lowdb and PostgreSQL stores do). */
export function isFormConfigStore(value: unknown): value is FormConfigStore {
  return (
    typeof value === 'object' &&
    value !== null &&
    METHODS.every((m) => typeof (value as Record<string, unknown>)[m] === 'function')
  );
}
