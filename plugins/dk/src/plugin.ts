import type { SkemaPlugin, SkemaPluginFactory } from '@skema/core';
import { createDanishCalendar, type DanishCalendarOptions } from './calendar.js';
import { isValidCpr } from './cpr.js';
import { isDanishPhone } from './phone.js';
import { PACKAGE_VERSION } from './version.js';

export interface DkPluginOptions {
  /** Which optional closing days the working-day calendar observes. */
  calendar?: DanishCalendarOptions;
}

/** The options a tenant may set for the Danish working-day calendar. */
export const DANISH_CALENDAR_OPTIONS_SCHEMA = {
  type: 'object',
  additionalProperties: false,
  properties: {
    grundlovsdag: { type: 'boolean' },
    juleaften: { type: 'boolean' },
    nytaarsaften: { type: 'boolean' },
    extraClosedDays: { type: 'array', uniqueItems: true, items: { type: 'string', format: 'date' } },
  },
} as const;

export const DK_PLUGIN_NAME = '@skema/plugin-dk';
/** From package.json (src/version.ts is generated at build), so receipts name the version that ran. */
export const DK_PLUGIN_VERSION = PACKAGE_VERSION;

/** Danish basics: the `cpr` and `dk-phone` formats and the Danish working-day calendar. */
const dkPlugin: SkemaPluginFactory<DkPluginOptions> = (options = {}): SkemaPlugin => ({
  name: DK_PLUGIN_NAME,
  version: DK_PLUGIN_VERSION,
  formats: {
    cpr: { type: 'string', validate: (value: string) => isValidCpr(value) },
    'dk-phone': { type: 'string', validate: (value: string) => isDanishPhone(value) },
  },
  messages: {
    cpr: {
      da: 'skal være et gyldigt CPR-nummer (DDMMÅÅ-XXXX)',
      en: 'must be a valid CPR number (DDMMYY-XXXX)',
    },
    'dk-phone': {
      da: 'skal være et dansk telefonnummer på 8 cifre, evt. med +45 foran',
      en: 'must be a Danish phone number of 8 digits, optionally preceded by +45',
    },
  },
  calendar: createDanishCalendar(options.calendar),
  // A tenant's own choice of closing days, on top of the installation's (SKEMA_CONFIG `calendar`).
  calendarOptions: {
    schema: DANISH_CALENDAR_OPTIONS_SCHEMA,
    create: (tenant) => createDanishCalendar({ ...options.calendar, ...(tenant as DanishCalendarOptions) }),
  },
});

export default dkPlugin;
