import {
  todayInDenmark,
  weekendCalendar,
  type DerivedDeadline,
  type Locale,
  type ValidationIssue,
  type WorkingDayCalendar,
} from '@skema/core';
import { createContext, useCallback, useContext, useSyncExternalStore } from 'react';
import { PendingCommits } from './pending-commits.js';
import { IssueStore } from './issue-store.js';
import { fieldId } from './pointer.js';
import { uiText, type UiText } from './ui-text.js';

/** What every Skema renderer may use; the value is stable for the life of a form. */
export interface SkemaFormContextValue {
  locale: Locale;
  /** Reference date for ages and deadlines (YYYY-MM-DD). */
  today: string;
  ui: UiText;
  idPrefix: string;
  store: IssueStore;
  /** A field was left: its errors may now be shown. */
  markTouched: (pointer: string) => void;
  /** A list row was added: its errors wait until it is touched, even after a submit was tried. */
  markAdded: (pointer: string) => void;
  /** Typed text not yet in the form's data (see `useDraftValue`). */
  pending: PendingCommits;
  /** The working-day calendar deadlines are computed with (the tenant's, when it sets one). */
  calendar: WorkingDayCalendar;
}

const fallbackStore = new IssueStore();

const defaultValue: SkemaFormContextValue = {
  locale: 'da',
  today: todayInDenmark(),
  ui: uiText('da'),
  idPrefix: 'skema',
  store: fallbackStore,
  markTouched: () => undefined,
  markAdded: () => undefined,
  pending: new PendingCommits(),
  calendar: weekendCalendar,
};

export const SkemaFormContext = createContext<SkemaFormContextValue>(defaultValue);

export function useSkemaForm(): SkemaFormContextValue {
  return useContext(SkemaFormContext);
}

/** The DOM id of a field's input, with this form's prefix. */
export function useFieldId(pointer: string): string {
  const { idPrefix } = useSkemaForm();
  return fieldId(pointer, idPrefix);
}

/** Shown errors for one field (for renderers that draw several inputs, e.g. table cells). */
export function useFieldErrors(pointer: string): readonly ValidationIssue[] {
  const { store } = useSkemaForm();
  const get = useCallback(() => store.errorsAt(pointer), [store, pointer]);
  return useSyncExternalStore(store.subscribe, get, get);
}

/** Warnings for one field; re-renders only when they change. */
export function useFieldWarnings(pointer: string): readonly ValidationIssue[] {
  const { store } = useSkemaForm();
  const get = useCallback(() => store.warningsAt(pointer), [store, pointer]);
  return useSyncExternalStore(store.subscribe, get, get);
}

/** True when a condition or a rule requires the field now (the schema's own `required` aside). */
export function useRequiredNow(pointer: string): boolean {
  const { store } = useSkemaForm();
  const get = useCallback(() => store.requiredAt(pointer), [store, pointer]);
  return useSyncExternalStore(store.subscribe, get, get);
}

/** Derived deadlines (process rules) for one field, e.g. for date inputs' hints. */
export function useFieldDeadlines(pointer: string): readonly DerivedDeadline[] {
  const { store } = useSkemaForm();
  const get = useCallback(() => store.deadlinesAt(pointer), [store, pointer]);
  return useSyncExternalStore(store.subscribe, get, get);
}

/** Shown errors at or below any of the pointers. */
export function useErrorCount(pointers: readonly string[]): number {
  const { store } = useSkemaForm();
  const get = useCallback(() => store.errorCountWithin(pointers), [store, pointers]);
  return useSyncExternalStore(store.subscribe, get, get);
}
