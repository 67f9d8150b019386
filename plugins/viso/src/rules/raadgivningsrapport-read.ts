import { arrayAt, stringAt } from '@skema/core';

export const FORM = ['raadgivningsrapport'] as const;

export const RAPPORT = 'Rådgivningsrapport';
export const UDREDNINGSRAPPORT = 'Udredningsrapport';
export const BILAG_OPSAMLINGSNOTAT = 'Opsamlingsnotat fra det afsluttende møde';
export const BILAG_UDREDNINGSRAPPORT = 'Udredningsrapport';

export const ydelse = (data: unknown): string | undefined => stringAt(data, '/sag/ydelse');
export const rapporttype = (data: unknown): string | undefined => stringAt(data, '/rapporttype');

/** True when the report is a rådgivningsrapport; a missing type is read as one (the schema reports it). */
export const isAdvisoryReport = (data: unknown): boolean => (rapporttype(data) ?? RAPPORT) === RAPPORT;

export const hasAttachment = (data: unknown, type: string): boolean =>
  arrayAt(data, '/bilag').some((b) => stringAt(b, '/type') === type);
