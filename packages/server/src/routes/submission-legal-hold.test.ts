import type { SubmissionStore } from '@skema/core';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../observability/logger.js';
import { runRetention } from '../retention/retention-job.js';
import { fixtureData } from '../testing/fixture-forms.js';
import { startPersonTokens, type PersonTokens } from '../testing/person-tokens.js';
import { bearer, createTestApp, testConfig, TEST_KEYS } from '../testing/test-app.js';

let people: PersonTokens;
beforeAll(async () => void (people = await startPersonTokens()));
afterAll(() => people.close());

const DAY = 86_400_000;
const BETA_LEDER = 'beta-leder-key-0000000001';
const leder = bearer(TEST_KEYS.leder);
const admin = bearer(TEST_KEYS.admin);
const reason = 'Retssag BS-1234/2026';

function config() {
  const c = testConfig();
  c.tenants[1]!.keys.push({ id: 'beta-leder', key: BETA_LEDER, roles: ['leder'] });
  return c;
}

/** An app on a clock the test moves, with one approved fixture submission of tenant alpha. */
async function approvedSubmission() {
  let clock = new Date('2026-01-01T10:00:00Z');
  const t = createTestApp({ config: config(), now: () => clock });
  const created = await request(t.app)
    .post('/api/v1/submissions')
    .set(bearer(TEST_KEYS.fagkonsulent))
    .send({ formId: 'fixture', version: '1.0.0', status: 'submitted', data: fixtureData() })
    .expect(201);
  const id = created.body.submission.id as string;
  await request(t.app)
    .post(`/api/v1/submissions/${id}/status`)
    .set('If-Match', '*')
    .set(bearer(TEST_KEYS.fagkonsulent))
    .send({ status: 'approved' })
    .expect(200);
  return {
    ...t,
    id,
    url: `/api/v1/submissions/${id}/legal-hold`,
    setClock: (d: Date) => (clock = d),
    clock: () => clock,
  };
}

const holdEntries = async (t: { store: SubmissionStore }, id: string) =>
  (await t.store.queryAudit('alpha', { submissionId: id })).items.filter((a) => a.action === 'legal-hold');

describe('PUT /api/v1/submissions/{id}/legal-hold', () => {
  it('DP-03 a leder sets a hold: a legal-hold revision and audit entry with the reason, and the retention job keeps the submission', async () => {
    const t = await approvedSubmission();
    const closedAt = t.clock().toISOString();
    t.setClock(new Date(t.clock().getTime() + 5 * DAY));
    const res = await request(t.app)
      .put(t.url)
      .set('If-Match', '*')
      .set(leder)
      .send({ hold: true, reason })
      .expect(200);
    expect(res.body).toMatchObject({
      id: t.id,
      status: 'approved',
      revision: 3,
      legalHold: true,
      statusChangedAt: closedAt,
      updatedAt: t.clock().toISOString(),
    });
    expect(res.headers.etag).toBe(`"${t.id}:3"`);
    expect(await holdEntries(t, t.id)).toEqual([
      expect.objectContaining({ actor: 'alpha-leder', details: { legalHold: true, reason, revision: 3 } }),
    ]);
    const audit = (await t.store.queryAudit('alpha', { submissionId: t.id })).items;
    expect(audit.map((a) => a.action)).toEqual(['create', 'status', 'legal-hold']);
    const revisions = await t.store.revisions('alpha', t.id);
    expect(revisions.at(-1)).toMatchObject({ revision: 3, action: 'legal-hold', by: 'alpha-leder', changes: [] });

    const logger = createLogger({ level: 'silent' });
    const policy = [{ id: 'alpha', retention: { defaultDays: 30, withoutArchive: true } }];
    const later = new Date(t.clock().getTime() + 400 * DAY);
    const result = await runRetention({ store: t.store, tenants: policy, now: () => later, logger });
    expect(result.tenants.alpha).toMatchObject({ deleted: 0, held: 1 });
    expect(await t.store.get('alpha', t.id)).toBeDefined();

    // Released long after the period ran out: the period counts from closure, not from the
    // release, so the next run deletes it.
    t.setClock(later);
    const released = await request(t.app)
      .put(t.url)
      .set('If-Match', '*')
      .set(admin)
      .send({ hold: false, reason: 'Sagen er afsluttet' })
      .expect(200);
    expect(released.body).toMatchObject({ revision: 4, statusChangedAt: closedAt, updatedAt: later.toISOString() });
    expect((await t.store.get('alpha', t.id))?.legalHold ?? false).toBe(false);
    expect((await holdEntries(t, t.id)).map((a) => [a.actor, a.details?.legalHold])).toEqual([
      ['alpha-leder', true],
      ['alpha-admin', false],
    ]);
    expect(
      (await runRetention({ store: t.store, tenants: policy, now: () => later, logger })).tenants.alpha,
    ).toMatchObject({ deleted: 1 });
    expect(await t.store.get('alpha', t.id)).toBeUndefined();
  });

  it('DP-03 a hold released a month after closure does not restart the retention period', async () => {
    const t = await approvedSubmission();
    const closedAt = t.clock().getTime();
    const policy = [{ id: 'alpha', retention: { defaultDays: 60, withoutArchive: true } }];
    const logger = createLogger({ level: 'silent' });
    t.setClock(new Date(closedAt + 3 * DAY));
    await request(t.app).put(t.url).set('If-Match', '*').set(leder).send({ hold: true, reason }).expect(200);
    t.setClock(new Date(closedAt + 31 * DAY));
    await request(t.app).put(t.url).set('If-Match', '*').set(leder).send({ hold: false, reason }).expect(200);
    await runRetention({ store: t.store, tenants: policy, now: () => new Date(closedAt + 60 * DAY - 1), logger });
    expect(await t.store.get('alpha', t.id)).toBeDefined();
    // 60 days after closure, though only 29 after the release (counting from it would keep it until day 91).
    await runRetention({ store: t.store, tenants: policy, now: () => new Date(closedAt + 60 * DAY), logger });
    expect(await t.store.get('alpha', t.id)).toBeUndefined();
    const deletion = (await t.store.queryAudit('alpha', { submissionId: t.id })).items.find(
      (a) => a.action === 'delete',
    );
    expect(deletion?.details).toMatchObject({ closedAt: new Date(closedAt).toISOString(), retentionDays: 60 });
  });

  it('LEV-07 a hold set and released after the fagkonsulent’s højpris approval keeps that approval pending', async () => {
    const t = createTestApp({ config: people.config(config()) });
    const frederik = await people.as('alpha-fagkonsulent', ['caseworker', 'fagkonsulent']);
    const lene = await people.as('alpha-leder', ['caseworker', 'leder']);
    const created = await request(t.app)
      .post('/api/v1/submissions')
      .set(bearer(TEST_KEYS.fagkonsulent))
      .send({
        formId: 'leveranceaftale',
        version: '1.0.0',
        status: 'submitted',
        data: { formaal: 'Rådgivning', hoejpris: true },
      })
      .expect(201);
    const id = created.body.submission.id as string;
    const status = `/api/v1/submissions/${id}/status`;
    const first = await request(t.app)
      .post(status)
      .set('If-Match', '*')
      .set(frederik)
      .send({ status: 'approved' })
      .expect(202);
    expect(first.body.pendingApprovals).toEqual(['leder']);
    await request(t.app)
      .put(`/api/v1/submissions/${id}/legal-hold`)
      .set('If-Match', '*')
      .set(admin)
      .send({ hold: true, reason })
      .expect(200);
    await request(t.app)
      .put(`/api/v1/submissions/${id}/legal-hold`)
      .set('If-Match', '*')
      .set(admin)
      .send({ hold: false, reason })
      .expect(200);
    // Without the first approval the leder would be refused (LEV-07: the fagkonsulent approves first).
    const second = await request(t.app)
      .post(status)
      .set('If-Match', '*')
      .set(lene)
      .send({ status: 'approved' })
      .expect(200);
    expect(second.body.submission).toMatchObject({ status: 'approved', revision: 5 });
  });

  it('DP-03 only leder and admin may set a hold; other roles 403, no key 401, nothing stored', async () => {
    const t = await approvedSubmission();
    for (const key of [TEST_KEYS.caseworker, TEST_KEYS.fagkonsulent, TEST_KEYS.auditor]) {
      await request(t.app).put(t.url).set('If-Match', '*').set(bearer(key)).send({ hold: true, reason }).expect(403);
    }
    await request(t.app).put(t.url).set('If-Match', '*').send({ hold: true, reason }).expect(401);
    expect((await t.store.get('alpha', t.id))?.legalHold).toBeUndefined();
    expect(await holdEntries(t, t.id)).toEqual([]);
    await request(t.app).put(t.url).set('If-Match', '*').set(admin).send({ hold: true, reason }).expect(200);
  });

  it('DP-03 another tenant’s leder sees no such submission (404)', async () => {
    const t = await approvedSubmission();
    await request(t.app)
      .put(t.url)
      .set('If-Match', '*')
      .set(bearer(BETA_LEDER))
      .send({ hold: true, reason })
      .expect(404);
    expect((await t.store.get('alpha', t.id))?.legalHold).toBeUndefined();
  });

  it('DP-03 refuses a reason with a CPR number, an empty reason and a missing hold, naming the field', async () => {
    const t = await approvedSubmission();
    const cpr = await request(t.app)
      .put(t.url)
      .set('If-Match', '*')
      .set(leder)
      .send({ hold: true, reason: 'Barnet 010190-1234 er part' })
      .expect(400);
    expect(cpr.body.issues).toEqual([expect.objectContaining({ path: '/reason', code: 'personal-data' })]);
    expect(cpr.body.detail).toContain('CPR-nummer');
    const english = await request(t.app)
      .put(t.url)
      .set('If-Match', '*')
      .set(leder)
      .set('Accept-Language', 'en')
      .send({ hold: true, reason: '0101901234' })
      .expect(400);
    expect(english.body.detail).toContain('CPR number');
    const blank = await request(t.app)
      .put(t.url)
      .set('If-Match', '*')
      .set(leder)
      .send({ hold: true, reason: '   ' })
      .expect(400);
    expect(blank.body.issues[0].path).toBe('/reason');
    const missing = await request(t.app).put(t.url).set('If-Match', '*').set(leder).send({ reason }).expect(400);
    expect(missing.body.issues[0].path).toBe('/hold');
    expect((await t.store.get('alpha', t.id))?.revision).toBe(2);
    expect(JSON.stringify((await t.store.queryAudit('alpha', {})).items)).not.toContain('1234');
  });

  it('DP-03 asking for the hold it already has writes nothing; a stale If-Match is 412', async () => {
    const t = await approvedSubmission();
    const again = await request(t.app)
      .put(t.url)
      .set('If-Match', '*')
      .set(leder)
      .send({ hold: false, reason })
      .expect(200);
    expect(again.body.revision).toBe(2);
    expect(await holdEntries(t, t.id)).toEqual([]);
    await request(t.app).put(t.url).set(leder).set('If-Match', `"${t.id}:1"`).send({ hold: true, reason }).expect(412);
    await request(t.app).put(t.url).set(leder).set('If-Match', `"${t.id}:2"`).send({ hold: true, reason }).expect(200);
  });
});
