import type { DerivedDeadline, ValidationIssue } from '@skema/core';
import { isWithin } from './pointer.js';

type Listener = () => void;

const EMPTY: readonly never[] = Object.freeze([]);

/**
 * The form's current issues and deadlines, outside React state: renderers subscribe to the slice
 * for their own pointer (useSyncExternalStore), so a validation result re-renders only the fields
 * whose issues changed, never the whole form.
 */
export class IssueStore {
  private listeners = new Set<Listener>();
  private revealListeners = new Set<(pointer: string) => void>();
  private errors: readonly ValidationIssue[] = EMPTY;
  private warnings: readonly ValidationIssue[] = EMPTY;
  private deadlines: readonly DerivedDeadline[] = EMPTY;
  private required: ReadonlySet<string> = new Set();
  private cache = new Map<string, unknown>();

  subscribe = (listener: Listener): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** Shown errors (already filtered by touched/submitted), all warnings, derived deadlines. */
  set(next: {
    errors: readonly ValidationIssue[];
    warnings: readonly ValidationIssue[];
    deadlines: readonly DerivedDeadline[];
    required?: ReadonlySet<string>;
  }): void {
    this.errors = next.errors;
    this.warnings = next.warnings;
    this.deadlines = next.deadlines;
    if (next.required) this.required = next.required;
    this.cache.clear();
    for (const listener of this.listeners) listener();
  }

  /** The same array instance while the content is unchanged, so subscribers can bail out cheaply. */
  private stable<T>(key: string, compute: () => readonly T[]): readonly T[] {
    if (this.cache.has(key)) return this.cache.get(key) as readonly T[];
    const value = compute();
    const result = value.length === 0 ? (EMPTY as readonly T[]) : value;
    this.cache.set(key, result);
    return result;
  }

  errorsAt(pointer: string): readonly ValidationIssue[] {
    return this.stable(`e:${pointer}`, () => this.errors.filter((e) => e.path === pointer));
  }

  warningsAt(pointer: string): readonly ValidationIssue[] {
    return this.stable(`w:${pointer}`, () => this.warnings.filter((w) => w.path === pointer));
  }

  deadlinesAt(pointer: string): readonly DerivedDeadline[] {
    return this.stable(`d:${pointer}`, () => this.deadlines.filter((d) => d.path === pointer));
  }

  /** Required now by a condition or a rule (see `requiredNow`), beyond the schema's `required`. */
  requiredAt(pointer: string): boolean {
    return this.required.has(pointer);
  }

  allDeadlines(): readonly DerivedDeadline[] {
    return this.deadlines;
  }

  /**
   * How many shown errors concern any of the pointers (a step's error count): errors at or below
   * them, and errors on an object that holds one of them (e.g. a list whose rows the step shows).
   */
  errorCountWithin(pointers: readonly string[]): number {
    const key = `c:${pointers.join('|')}`;
    if (this.cache.has(key)) return this.cache.get(key) as number;
    const count = this.errors.filter((e) =>
      pointers.some((p) => isWithin(e.path, p) || (e.path !== '' && isWithin(p, e.path))),
    ).length;
    this.cache.set(key, count);
    return count;
  }

  /** Asks containers that hide part of the form (steps) to show the field at `pointer`. */
  reveal(pointer: string): void {
    for (const listener of this.revealListeners) listener(pointer);
  }

  onReveal(listener: (pointer: string) => void): () => void {
    this.revealListeners.add(listener);
    return () => this.revealListeners.delete(listener);
  }
}
