/** Dates are ISO calendar dates (YYYY-MM-DD) so rules stay pure and time-zone free. */
export type IsoDate = string;

export interface Holiday {
  date: IsoDate;
  name: string;
}

/** A working-day calendar. The Danish one is supplied by `@skema/plugin-dk`. */
export interface WorkingDayCalendar {
  readonly name: string;
  isWorkingDay(date: IsoDate): boolean;
  /** The date `n` working days after `date` (n may be negative). `date` itself is not counted. */
  addWorkingDays(date: IsoDate, n: number): IsoDate;
  /** Working days after `from` up to and including `to` (negative when `to` is before `from`). */
  workingDaysBetween(from: IsoDate, to: IsoDate): number;
  holidays(year: number): Holiday[];
}
