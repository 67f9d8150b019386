import type { Ajv2020 } from '../ajv.js';

/**
 * How an engine compiles untrusted forms (tenants' own forms and API-published overlays),
 * registered with `engine.useUntrusted(...)`: its Ajv, and the schema it compiles in place of the
 * form's (budget checked, arrays capped). A contract, so the engine imports no implementation.
 */
export interface UntrustedCompiler {
  createAjv(): Ajv2020;
  /** The schema to compile; throws `SchemaBudgetError` when the form is over its complexity budget. */
  prepareSchema(schema: Record<string, unknown>): Record<string, unknown>;
}
