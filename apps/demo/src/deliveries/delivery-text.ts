import type { Delivery } from '@skema/client';

/** The events in Danish, as a municipality's administrator reads them. */
export const EVENT_TEXT: Record<string, string> = {
  'submission.created': 'Indsendelse oprettet',
  'submission.submitted': 'Indsendt',
  'submission.status-changed': 'Status ændret',
  'submission.approved': 'Godkendt',
  'submission.migrated': 'Flyttet til ny version',
  'submission.document-ready': 'Dokument klar (PDF)',
  'submission.deleted': 'Slettet efter slettefrist',
  'deadline.due': 'Frist nærmer sig',
  '*': 'Alle hændelser',
};

export const eventText = (type: string): string => EVENT_TEXT[type] ?? type;

/** The last answer of a delivery in words: the receiver's HTTP status, or why no answer came. */
export function lastAnswer(delivery: Pick<Delivery, 'lastStatusCode' | 'lastError' | 'attempts'>): string {
  if (delivery.attempts === 0) return 'Ikke forsøgt endnu';
  if (delivery.lastStatusCode !== undefined) return `Modtageren svarede ${delivery.lastStatusCode}`;
  return delivery.lastError ? `Intet svar: ${delivery.lastError}` : 'Intet svar';
}

export function dateTime(iso: string | undefined): string {
  return iso ? new Date(iso).toLocaleString('da-DK') : '–';
}
