import type { FormDiff, Locale, RequiredBump, SchemaChange } from '@skema/core';

/** Core's diff of two versions of a form, named by the form and the versions compared. */
export interface DiffView {
  formId: string;
  from: string;
  to: string;
  requiredBump: RequiredBump;
  changes: SchemaChange[];
}

export const diffView = (formId: string, from: string, to: string, diff: FormDiff): DiffView => ({
  formId,
  from,
  to,
  requiredBump: diff.required,
  changes: diff.changes,
});

/** A change as the API answers it: `kind` is the stable code, `message` in the request's locale, both texts in `messages`. */
export function changeView(c: SchemaChange, locale: Locale): SchemaChange {
  return { path: c.path, kind: c.kind, level: c.level, message: c.messages[locale], messages: c.messages };
}

/** A diff as the API answers it, every change's `message` in the request's locale. */
export function diffResponse(diff: DiffView, locale: Locale): DiffView {
  return { ...diff, changes: diff.changes.map((c) => changeView(c, locale)) };
}
