import { CalendarOptionsError, formContentHash, SkemaEngine, type FormVersion } from '@skema/core';
import { describe, expect, it } from 'vitest';
import dkPlugin, { ageFromCprOn, createDanishCalendar, DK_PLUGIN_NAME, isValidCpr } from './index.js';

function makeForm(): FormVersion {
  const form: Omit<FormVersion, 'hash'> = {
    manifest: {
      id: 'dk-test',
      version: '1.0.0',
      title: { da: 'Test', en: 'Test' },
      status: 'published',
      plugins: [{ name: DK_PLUGIN_NAME, version: '^1.0.0' }],
      changelog: 'first',
    },
    schema: {
      $schema: 'https://json-schema.org/draft/2020-12/schema',
      $id: 'https://skema.dk/schemas/dk-test/1.0.0',
      type: 'object',
      properties: {
        cpr: { type: 'string', format: 'cpr' },
        mobil: { type: 'string', format: 'dk-phone' },
      },
    },
    uischema: { type: 'VerticalLayout', elements: [] },
    i18n: {
      da: { 'cpr.label': 'CPR-nummer', 'mobil.label': 'Mobil' },
      en: { 'cpr.label': 'CPR number', 'mobil.label': 'Mobile' },
    },
  };
  return { ...form, hash: formContentHash(form) };
}

describe('dkPlugin', () => {
  it('identifies itself', () => {
    const plugin = dkPlugin();
    expect(plugin.name).toBe('@skema/plugin-dk');
    expect(plugin.version).toBe('1.0.0');
    expect(Object.keys(plugin.formats ?? {}).sort()).toEqual(['cpr', 'dk-phone']);
    expect(Object.keys(plugin.messages ?? {}).sort()).toEqual(['cpr', 'dk-phone']);
  });

  it('validates the formats through the engine with its own messages', () => {
    const engine = new SkemaEngine({ plugins: [dkPlugin()] });
    const form = makeForm();
    expect(engine.validate(form, { cpr: '010190-1234', mobil: '+45 12 34 56 78' }, { today: '2025-01-01' }).valid).toBe(
      true,
    );
    expect(engine.validate(form, { cpr: '0101901234', mobil: '12345678' }, { today: '2025-01-01' }).valid).toBe(true);

    const result = engine.validate(form, { cpr: '310299-1234', mobil: '1234' }, { today: '2025-01-01', locale: 'da' });
    expect(result.valid).toBe(false);
    const byPath = Object.fromEntries(result.errors.map((e) => [e.path, e]));
    expect(byPath['/cpr']?.code).toBe('format');
    expect(byPath['/cpr']?.messages.da).toContain('skal være et gyldigt CPR-nummer (DDMMÅÅ-XXXX)');
    expect(byPath['/cpr']?.messages.en).toContain('must be a valid CPR number (DDMMYY-XXXX)');
    expect(byPath['/mobil']?.messages.da).toContain('dansk telefonnummer');
  });

  it('makes the Danish calendar the engine default', () => {
    const engine = new SkemaEngine({ plugins: [dkPlugin()] });
    expect(engine.calendar.name).toBe('dk');
    expect(engine.calendar.addWorkingDays('2025-04-16', 1)).toBe('2025-04-22');
  });

  it('passes calendar options on', () => {
    const plugin = dkPlugin({ calendar: { grundlovsdag: false, extraClosedDays: ['2025-05-30'] } });
    expect(plugin.calendar?.isWorkingDay('2025-06-05')).toBe(true);
    expect(plugin.calendar?.isWorkingDay('2025-05-30')).toBe(false);
    expect(dkPlugin().calendar?.isWorkingDay('2025-06-05')).toBe(false);
  });

  it('re-exports the helpers', () => {
    expect(isValidCpr('010190-1234')).toBe(true);
    expect(ageFromCprOn('150610-4123', '2025-06-15')).toBe(15);
    expect(createDanishCalendar().name).toBe('dk');
  });
});

describe('tenant calendar options', () => {
  it("a tenant's options adjust the Danish calendar on top of the installation's; unknown options are refused", () => {
    const engine = new SkemaEngine({ plugins: [dkPlugin({ calendar: { extraClosedDays: ['2026-06-08'] } })] });
    // Grundlovsdag (Friday 5 June 2026) is a closing day by default; a tenant may work on it.
    expect(engine.calendar.isWorkingDay('2026-06-05')).toBe(false);
    const open = engine.calendarFor({ grundlovsdag: false });
    expect(open.isWorkingDay('2026-06-05')).toBe(true);
    expect(open.isWorkingDay('2026-06-08')).toBe(false); // the installation's extra day still counts
    expect(open.addWorkingDays('2026-06-04', 1)).toBe('2026-06-05');
    expect(engine.calendar.addWorkingDays('2026-06-04', 1)).toBe('2026-06-09');
    expect(() => engine.calendarFor({ grundlovsdag: 'nej' })).toThrow(CalendarOptionsError);
    expect(() => engine.calendarFor({ helligdage: [] })).toThrow(CalendarOptionsError);
  });
});
