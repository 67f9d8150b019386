import type { IsoDate, ValidationResult } from '@skema/core';
import { createStandardEngine, loadStandardRegistry, loadTenantForms } from '@skema/forms';
import { getEngine, tenantCalendarOf, tenantRuleOptionsOf, toFormVersion } from '@skema/react';
import { devConfig, DEV_KEYS, type ServerConfig } from '@skema/server';
import { bearer, createTestApp } from '@skema/server/testing';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { outcome } from './outcome.js';

/**
 * Browser–server parity through the API, as a portal sees it: the browser gets the form version
 * (with the tenant's overlay and rule options) from GET …/versions/{version} and validates it with
 * `@skema/react`'s engine; the server answers POST …/validate for the same key. Both must report
 * the same findings for every example of every form: anonymously, for Ringsted (whose overlay
 * raises AFT-02) and for Nordby configured with UND-07 raised to an error and its own working-day
 * calendar (open on grundlovsdag, closed on three days the examples' deadlines run over).
 */

const DEFAULT_TODAY = '2026-06-01';
const NORDBY_CLOSED = ['2026-04-21', '2026-04-22', '2026-05-13'];
const engine = createStandardEngine();
const registry = loadStandardRegistry();
const config: ServerConfig = {
  ...devConfig(),
  // Every example of every form version, three callers, two requests each: far past a real key's limit.
  rateLimit: { windowMs: 60_000, limit: 1_000_000 },
  anonymousRateLimit: { windowMs: 60_000, limit: 1_000_000 },
  tenants: devConfig().tenants.map((t) =>
    t.id === 'nordby'
      ? {
          ...t,
          ruleOptions: { 'UND-07': { severity: 'error' } },
          calendar: { grundlovsdag: false, extraClosedDays: NORDBY_CLOSED },
        }
      : t,
  ),
};
const { app } = createTestApp({ engine, registry, tenantForms: loadTenantForms(registry, engine), config });
const browser = getEngine();

const callers = [
  ['anonymous', undefined],
  ['ringsted', DEV_KEYS.ringsted],
  ['nordby (UND-07 raised)', DEV_KEYS.nordby],
] as const;

/** The browser's and the server's findings for the same data, key and day, as comparable lines. */
async function bothSides(formId: string, version: string, auth: Record<string, string>, data: unknown, today: IsoDate) {
  const path = `/api/v1/forms/${formId}/versions/${version}`;
  const got = await request(app).get(path).set(auth).expect(200);
  const ruleOptions = tenantRuleOptionsOf(got.body);
  const calendar = browser.calendarFor(tenantCalendarOf(got.body));
  const local = browser.validate(browser.compile(toFormVersion(got.body)), data, {
    today,
    locale: 'da',
    mode: 'submitted',
    calendar,
    ...(ruleOptions ? { ruleOptions } : {}),
  });
  const server = (
    await request(app).post(`${path}/validate`).set(auth).set('Accept-Language', 'da').send({ data, today }).expect(200)
  ).body as ValidationResult;
  return { browser: outcome(local), server: outcome(server) };
}

/** Example data changed to meet a warning rule a tenant raises. */
function exampleData(formId: string, name: string): Record<string, unknown> {
  const found = registry.resolve(formId, '1.0.0').examples?.valid.find((e) => e.name === name);
  if (!found) throw new Error(`${formId} has no valid example ${name}`);
  return structuredClone(found.data) as Record<string, unknown>;
}
const und07Data = () => {
  const data = exampleData('underretning', 'ankestyrelsen-saerlige-forhold');
  const { cpr: _cpr, ...barn } = data.barn as Record<string, unknown>;
  return { ...data, barn };
};
const aft02Data = () => ({
  ...exampleData('aftaleskema', 'samarbejdsmoede'),
  barnet: { barnDeltog: true, barnetsPerspektiv: 'Fortalte selv' },
});

describe.each(callers)('%s', (_name, key) => {
  const auth: Record<string, string> = key ? bearer(key) : {};

  it.each(registry.summaries().flatMap((s) => s.versions.map((v) => [s.id, v.version] as const)))(
    '%s@%s: browser and server judge every example alike',
    async (formId, version) => {
      const path = `/api/v1/forms/${formId}/versions/${version}`;
      const probe = await request(app).get(path).set(auth);
      if (probe.status === 409) {
        // The tenant's overlay does not apply to this version: neither side can use it.
        expect(probe.body.type).toBe('https://skema.dk/problems/overlay-not-applicable');
        await request(app).post(`${path}/validate`).set(auth).send({ data: {} }).expect(409);
        return;
      }
      const base = registry.resolve(formId, version);
      const examples = [...(base.examples?.valid ?? []), ...(base.examples?.invalid ?? [])];
      expect(examples.length).toBeGreaterThan(0);
      for (const example of examples) {
        const sides = await bothSides(formId, version, auth, example.data, example.today ?? DEFAULT_TODAY);
        expect({ example: example.name, ...sides.browser }).toEqual({ example: example.name, ...sides.server });
      }
    },
  );

  it('UND-07 and AFT-02, the warnings a tenant raises: alike on both sides', async () => {
    const und07 = await bothSides('underretning', '1.0.0', auth, und07Data(), DEFAULT_TODAY);
    expect(und07.browser).toEqual(und07.server);
    const und07Severity = key === DEV_KEYS.nordby ? 'error' : 'warning';
    expect(
      und07.server[`${und07Severity}s`].some((l: string) => l.startsWith(`${und07Severity} UND-07 /barn/cpr`)),
    ).toBe(true);

    const aft02 = await bothSides('aftaleskema', '1.0.0', auth, aft02Data(), DEFAULT_TODAY);
    expect(aft02.browser).toEqual(aft02.server);
    const aft02Severity = key === DEV_KEYS.ringsted ? 'error' : 'warning';
    expect(
      aft02.server[`${aft02Severity}s`].some((l: string) =>
        l.startsWith(`${aft02Severity} AFT-02 /barnet/hensynTilAlderOgModenhed`),
      ),
    ).toBe(true);
  });
});

describe('the tenant options reach the browser', () => {
  it("AFT-02 comes as Ringsted's overlay ruleOptions, UND-07 as Nordby's tenantRuleOptions", async () => {
    const ringsted = await request(app)
      .get('/api/v1/forms/aftaleskema/versions/1.0.0')
      .set(bearer(DEV_KEYS.ringsted))
      .expect(200);
    expect(toFormVersion(ringsted.body).manifest.ruleOptions).toMatchObject({ 'AFT-02': { severity: 'error' } });
    const nordby = await request(app)
      .get('/api/v1/forms/underretning/versions/1.0.0')
      .set(bearer(DEV_KEYS.nordby))
      .expect(200);
    expect(tenantRuleOptionsOf(nordby.body)).toEqual({ 'UND-07': { severity: 'error' } });
    expect(tenantCalendarOf(nordby.body)).toEqual({ grundlovsdag: false, extraClosedDays: NORDBY_CLOSED });
  });

  it("Nordby's calendar moves deadlines of the examples (so the comparison above covers it)", async () => {
    let moved = 0;
    for (const summary of registry.summaries()) {
      const form = registry.resolve(summary.id, summary.versions[0]!.version);
      for (const example of form.examples?.valid ?? []) {
        const today = example.today ?? DEFAULT_TODAY;
        const [anonymous, nordby] = await Promise.all([
          bothSides(summary.id, form.manifest.version, {}, example.data, today),
          bothSides(summary.id, form.manifest.version, bearer(DEV_KEYS.nordby), example.data, today),
        ]);
        if (JSON.stringify(anonymous.server.deadlines) !== JSON.stringify(nordby.server.deadlines)) moved++;
      }
    }
    expect(moved).toBeGreaterThan(0);
  });
});
