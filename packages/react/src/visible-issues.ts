import type { ValidationIssue } from '@skema/core';
import { isWithin, valueAtPointer } from './pointer.js';

/** A server issue with the value its field had when the server reported it. */
export interface ServerIssue {
  issue: ValidationIssue;
  snapshot: string;
}

function snapshotAt(data: unknown, pointer: string): string {
  return JSON.stringify(valueAtPointer(data, pointer)) ?? 'undefined';
}

/** Server issues keep their field's value, so they can disappear once the field is changed. */
export function toServerIssues(issues: readonly ValidationIssue[], data: unknown): ServerIssue[] {
  return issues.map((issue) => ({ issue, snapshot: snapshotAt(data, issue.path) }));
}

/** Server issues whose field still holds the value the server rejected. */
export function currentServerIssues(issues: readonly ServerIssue[], data: unknown): ValidationIssue[] {
  return issues.filter((s) => snapshotAt(data, s.issue.path) === s.snapshot).map((s) => s.issue);
}

/** Client and server issues without duplicates (same field, same code). */
export function mergeIssues(...lists: ReadonlyArray<readonly ValidationIssue[]>): ValidationIssue[] {
  const seen = new Set<string>();
  const out: ValidationIssue[] = [];
  for (const issue of lists.flat()) {
    const key = `${issue.path}\u0000${issue.code}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(issue);
  }
  return out;
}

/**
 * Issues a person should see now: all of them once submission was tried, otherwise only those of
 * fields they have left (no red form before anyone typed). A list row added since the last try
 * (`added`) is not marked before its own fields are left: a new, empty row is not a mistake yet.
 */
export function shownIssues(
  issues: readonly ValidationIssue[],
  touched: ReadonlySet<string>,
  all: boolean,
  added: ReadonlySet<string> = NONE,
): ValidationIssue[] {
  const touchedAt = (issue: ValidationIssue) => {
    for (const pointer of touched)
      if (isWithin(pointer, issue.path) || (issue.path !== '' && isWithin(issue.path, pointer))) return true;
    return false;
  };
  const inAddedRow = (issue: ValidationIssue) => {
    for (const row of added) if (isWithin(issue.path, row)) return true;
    return false;
  };
  if (all) return issues.filter((issue) => !inAddedRow(issue) || touchedAt(issue));
  if (touched.size === 0) return [];
  return issues.filter(touchedAt);
}

const NONE: ReadonlySet<string> = new Set();

/** Issues moved to where they can be shown: `placement` maps a pointer without a control to one with. */
export function placeIssues(
  issues: readonly ValidationIssue[],
  placement: ReadonlyMap<string, string>,
): ValidationIssue[] {
  if (placement.size === 0) return [...issues];
  return issues.map((issue) => {
    const target = placement.get(issue.path);
    return target === undefined ? issue : { ...issue, path: target };
  });
}
