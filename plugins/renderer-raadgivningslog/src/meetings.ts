import type { Locale } from '@skema/core';
import { valueAtPointer } from '@skema/react';

/** Where the rådgivningslog keeps its working meetings; their count is the number of period columns (Q10). */
export const DEFAULT_MEETINGS_POINTER = '/moeder/arbejdsmoeder';

/** How many arbejdsmøder to show: as many as the log has (two by default), or as many as already filled. */
export function meetingCount(rootData: unknown, meetingsPointer: string, ...filled: number[]): number {
  const meetings = valueAtPointer(rootData, meetingsPointer);
  const planned = Array.isArray(meetings) ? meetings.length : 2;
  return Math.max(1, planned, ...filled);
}

export const TEXT = {
  da: {
    agreementsUntil: (n: number) => `Aftaler frem til ${n}. arbejdsmøde`,
    goalsUntil: (n: number) => `Delmål frem til ${n}. arbejdsmøde`,
    actions: 'Handlinger',
    addRole: 'Tilføj anden rolle',
    removeRole: (role: string) => `Fjern rækken ${role}`,
    addRow: (label: string) => `Tilføj række til ${label.toLowerCase()}`,
    removeRow: (n: number) => `Fjern række ${n}`,
    remove: 'Fjern',
    row: (n: number) => `Række ${n}`,
    otherRole: 'Anden rolle',
  },
  en: {
    agreementsUntil: (n: number) => `Agreements until working meeting ${n}`,
    goalsUntil: (n: number) => `Sub-goals until working meeting ${n}`,
    actions: 'Actions',
    addRole: 'Add another role',
    removeRole: (role: string) => `Remove the row ${role}`,
    addRow: (label: string) => `Add a row to ${label.toLowerCase()}`,
    removeRow: (n: number) => `Remove row ${n}`,
    remove: 'Remove',
    row: (n: number) => `Row ${n}`,
    otherRole: 'Other role',
  },
} satisfies Record<Locale, unknown>;
