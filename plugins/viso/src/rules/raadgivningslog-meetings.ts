import { arrayAt, isIsoDate, pointer, valueAt, type IsoDate, type LocalizedText } from '@skema/core';

/** Which part of the rådgivningslog's meeting overview a meeting comes from. */
export type LogMeetingKind = 'afklarende' | 'arbejdsmoede' | 'afsluttende' | 'forankring';

/** One "Møde for alle" of the rådgivningslog, read defensively from the data. */
export interface LogMeeting {
  kind: LogMeetingKind;
  /** 1-based number among the arbejdsmøder or forankringsmøder; 0 for the single meetings. */
  nr: number;
  /** JSON Pointer of the meeting object, e.g. `/moeder/arbejdsmoeder/0`. */
  path: string;
  /** The meeting date when it is a real ISO date. */
  dato: IsoDate | undefined;
  /** The raw meeting object (may be anything). */
  value: unknown;
  name: LocalizedText;
}

function meetingName(kind: LogMeetingKind, nr: number): LocalizedText {
  switch (kind) {
    case 'afklarende':
      return { da: 'det afklarende møde', en: 'the clarifying meeting' };
    case 'arbejdsmoede':
      return { da: `${nr}. arbejdsmøde`, en: `working meeting ${nr}` };
    case 'afsluttende':
      return { da: 'det afsluttende møde', en: 'the closing meeting' };
    case 'forankring':
      return { da: `${nr}. forankringsmøde`, en: `anchoring meeting ${nr}` };
  }
}

function meeting(data: unknown, kind: LogMeetingKind, nr: number, path: string): LogMeeting | undefined {
  const value = valueAt(data, path);
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const dato = valueAt(value, '/dato');
  return { kind, nr, path, dato: isIsoDate(dato) ? dato : undefined, value, name: meetingName(kind, nr) };
}

/**
 * The forløb's own joint meetings in their intended order: afklarende møde, the arbejdsmøder
 * (a variable number, decision Q10) and the afsluttende møde. Forankringsmøder come after and are
 * listed separately because they do not open a new delmål period.
 */
export function forloebMeetings(data: unknown): LogMeeting[] {
  const out: LogMeeting[] = [];
  const first = meeting(data, 'afklarende', 0, '/moeder/afklarendeMoede');
  if (first) out.push(first);
  arrayAt(data, '/moeder/arbejdsmoeder').forEach((_, i) => {
    const m = meeting(data, 'arbejdsmoede', i + 1, pointer('moeder', 'arbejdsmoeder', i));
    if (m) out.push(m);
  });
  const last = meeting(data, 'afsluttende', 0, '/moeder/afsluttendeMoede');
  if (last) out.push(last);
  return out;
}

export function forankringMeetings(data: unknown): LogMeeting[] {
  return arrayAt(data, '/moeder/forankringsmoeder').flatMap((_, i) => {
    const m = meeting(data, 'forankring', i + 1, pointer('moeder', 'forankringsmoeder', i));
    return m ? [m] : [];
  });
}

/** Every "Møde for alle": the seed asks for an update and a distribution after each of them. */
export function allJointMeetings(data: unknown): LogMeeting[] {
  return [...forloebMeetings(data), ...forankringMeetings(data)];
}

/** A meeting counts as held when its date is today or earlier. */
export function isHeld(m: LogMeeting, today: IsoDate): boolean {
  return m.dato !== undefined && m.dato <= today;
}

export const TOVHOLDER_ROW = 'Tovholder for arbejdsmøder undervejs/efter VISO-forløbet';
export const INDDRAGELSE_ROW = 'Inddragelse af barnet/den unge';
