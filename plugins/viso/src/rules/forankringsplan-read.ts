import { arrayAt, compareDates, pointer, valueAt, type IsoDate } from '@skema/core';
import { dateAt } from './opsamlingsnotat-read.js';

export const FORM = ['forankringsplan'] as const;

/** One opfølgende møde: an entry of the list, or the agreed next meeting when the list does not hold it yet. */
export interface FollowUp {
  /** JSON Pointer of the meeting's date field. */
  datePath: string;
  /** JSON Pointer of the meeting (the list entry), or of `naesteOpfoelgendeMoede`. */
  path: string;
  dato: IsoDate | undefined;
  afholdt: boolean;
  value: unknown;
}

export function listedFollowUps(data: unknown): FollowUp[] {
  return arrayAt(data, '/opfoelgendeMoeder').map((value, i) => {
    const path = pointer('opfoelgendeMoeder', i);
    return {
      path,
      datePath: `${path}/dato`,
      dato: dateAt(value, '/dato'),
      afholdt: valueAt(value, '/afholdt') === true,
      value,
    };
  });
}

/** Every opfølgende møde the plan knows of; «Næste opfølgende møde» counts when its date is not in the list. */
export function allFollowUps(data: unknown): FollowUp[] {
  const listed = listedFollowUps(data);
  const next = dateAt(data, '/naesteOpfoelgendeMoede');
  if (next && !listed.some((m) => m.dato === next)) {
    listed.push({
      path: '/naesteOpfoelgendeMoede',
      datePath: '/naesteOpfoelgendeMoede',
      dato: next,
      afholdt: false,
      value: undefined,
    });
  }
  return listed;
}

/** Scheduled after today and not yet held. */
export const isFuture = (m: FollowUp, today: IsoDate): boolean =>
  m.dato !== undefined && !m.afholdt && compareDates(m.dato, today) > 0;

export const afsluttendeMoede = (data: unknown): IsoDate | undefined => dateAt(data, '/afsluttendeMoedeDato');
export const forankringsmoede = (data: unknown): IsoDate | undefined => dateAt(data, '/forankringsmoede/dato');
