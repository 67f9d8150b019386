import { isIsoDate, stringAt, type IsoDate } from '@skema/core';

// The date and option readers below are shared by the opsamlingsnotat, raadgivningsrapport and forankringsplan rules.

export const FORM = ['opsamlingsnotat'] as const;

export const meetingType = (data: unknown): string | undefined => stringAt(data, '/moede/moedetype');

/** The date at a pointer when it is a real ISO date. */
export function dateAt(data: unknown, ptr: string): IsoDate | undefined {
  const v = stringAt(data, ptr);
  return isIsoDate(v) ? v : undefined;
}

/** A rule option holding a list of strings, or the fallback when the tenant set something else. */
export function stringList(value: unknown, fallback: readonly string[]): readonly string[] {
  return Array.isArray(value) && value.every((v) => typeof v === 'string') ? value : fallback;
}
