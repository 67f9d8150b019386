export {
  default,
  default as dkPlugin,
  DANISH_CALENDAR_OPTIONS_SCHEMA,
  DK_PLUGIN_NAME,
  DK_PLUGIN_VERSION,
  type DkPluginOptions,
} from './plugin.js';
export {
  ageFromCprOn,
  ageOfPersonOn,
  ageOn,
  cprBirthDate,
  cprSex,
  formatCpr,
  isSubstituteCpr,
  isValidCpr,
  maskCpr,
  normalizeCpr,
  type CprSex,
} from './cpr.js';
export { danishHolidays, easterSunday, LAST_STORE_BEDEDAG_YEAR, type DanishHolidayOptions } from './holidays.js';
export { createDanishCalendar, DANISH_CALENDAR_NAME, type DanishCalendarOptions } from './calendar.js';
export { DKK_AMOUNT_SCHEMA, formatDkk, isDkkAmount, parseDkk } from './dkk.js';
export { formatDanishPhone, isDanishPhone, normalizeDanishPhone } from './phone.js';
