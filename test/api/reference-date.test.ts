import { join } from 'node:path';
import { FormRegistry } from '@skema/core';
import { createStandardEngine, loadFormVersion, schemasDir } from '@skema/forms';
import { bearer, createTestApp, TEST_KEYS, testConfig } from '@skema/server/testing';
import request from 'supertest';
import { describe, expect, it } from 'vitest';

/**
 * The date a rule judges, over HTTP (issue #13), with the real henvendelsesskema 1.1.0 (its
 * `x-skema-reference-date` is «Modtaget», `/visitation/modtagetDato`). The server stamps the date
 * it received the henvendelse on its first submission (Europe/Copenhagen, from its clock), over
 * whatever the henvender typed; a fagkonsulent's later update after the child's 15th birthday is
 * judged on that date (HEN-05: still 14), keeps it, and cannot change it.
 */
const form = loadFormVersion(join(schemasDir(), 'henvendelsesskema', '1.1.0'));
const engine = createStandardEngine();
const registry = new FormRegistry([form]);
// CPR 010611-…: born 1 June 2011, 15 on 1 June 2026. Only the parents consented: right at 14, HEN-05 at 15.
const example = form.examples!.valid.find((e) => e.name === 'henvendelse-modtaget-som-14-aarig')!;
const caseworker = bearer(TEST_KEYS.caseworker);
const fagkonsulent = bearer(TEST_KEYS.fagkonsulent);

type Data = Record<string, unknown> & { visitation?: Record<string, unknown> };
const { visitation, ...referral } = structuredClone(example.data) as Data;

function app(clock: { now: Date }) {
  return createTestApp({ engine, registry, now: () => clock.now, config: testConfig() }).app;
}

const issuesOf = (body: { issues?: Array<{ code: string; path: string }> }) =>
  (body.issues ?? []).map((i) => `${i.code} ${i.path}`);

describe('the server stamps the date it received a henvendelse (x-skema-reference-date)', () => {
  it('HEN-05: stamped at 14 (typed date replaced), a fagkonsulent’s update after the 15th birthday keeps the stamp and is judged on it', async () => {
    // 22:30 UTC on 19 May is 00:30 on 20 May in Copenhagen.
    const clock = { now: new Date('2026-05-19T22:30:00Z') };
    const a = app(clock);
    // The henvender types a date of their own (a year ahead): the server's date replaces it.
    const created = await request(a)
      .post('/api/v1/submissions')
      .set(caseworker)
      .send({
        formId: 'henvendelsesskema',
        version: '1.1.0',
        status: 'submitted',
        data: { ...referral, visitation: { modtagetDato: '2027-05-01' } },
      });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body.submission.data.visitation).toEqual({ modtagetDato: '2026-05-20' });
    expect(created.body.submission.receipt.referenceDate).toBe('2026-05-20');
    const url = created.headers.location as string;

    // Four weeks later the child is 15. The fagkonsulent adds the visitation (with the stamped date).
    clock.now = new Date('2026-06-15T09:00:00Z');
    const updated = await request(a)
      .put(url)
      .set(fagkonsulent)
      .set('If-Match', created.headers.etag!)
      .send({ data: { ...referral, visitation } });
    expect(updated.status, JSON.stringify(updated.body)).toBe(200);
    expect(Object.keys(updated.body)).toContain('submission');
    expect(updated.body.submission.receipt.referenceDate).toBe('2026-05-20');

    // An update that leaves the date out gets it back.
    const { modtagetDato: _left, ...withoutDate } = visitation!;
    const restored = await request(a)
      .put(url)
      .set(fagkonsulent)
      .set('If-Match', updated.headers.etag!)
      .send({ data: { ...referral, visitation: withoutDate } });
    expect(restored.status, JSON.stringify(restored.body)).toBe(200);
    expect(restored.body.submission.data.visitation.modtagetDato).toBe('2026-05-20');

    // Moving the date is refused at the field, and nothing is stored.
    const moved = await request(a)
      .put(url)
      .set(fagkonsulent)
      .set('If-Match', restored.headers.etag!)
      .send({ data: { ...referral, visitation: { ...visitation, modtagetDato: '2026-06-15' } } });
    expect(moved.status).toBe(422);
    expect(issuesOf(moved.body)).toContain('reference-date-stamped /visitation/modtagetDato');

    // The status change also judges on the stamp; every revision's receipt shows it.
    const approved = await request(a)
      .post(`${url}/status`)
      .set(fagkonsulent)
      .set('If-Match', restored.headers.etag!)
      .send({ status: 'approved' });
    expect(approved.status, JSON.stringify(approved.body)).toBe(200);
    const revisions = await request(a).get(`${url}/revisions`).set(fagkonsulent).expect(200);
    const items = revisions.body.items as Array<{ referenceDate?: string; changes: Array<{ path: string }> }>;
    expect(items.map((r) => r.referenceDate)).toEqual(['2026-05-20', '2026-05-20', '2026-05-20', '2026-05-20']);
    // No revision's patch ever moved the date.
    expect(items.flatMap((r) => r.changes).filter((c) => c.path === '/data/visitation/modtagetDato')).toEqual([]);
    const stored = await request(a).get(url).set(fagkonsulent).expect(200);
    expect(stored.body.data.visitation.modtagetDato).toBe('2026-05-20');
  });

  it('HEN-05: the same referral received after the 15th birthday is refused, whatever earlier date the henvender types', async () => {
    const a = app({ now: new Date('2026-06-15T09:00:00Z') });
    const res = await request(a)
      .post('/api/v1/submissions')
      .set(caseworker)
      .send({
        formId: 'henvendelsesskema',
        version: '1.1.0',
        status: 'submitted',
        data: { ...referral, visitation: { modtagetDato: '2026-05-20' } },
      });
    expect(res.status).toBe(422);
    expect(issuesOf(res.body).some((i) => i.startsWith('HEN-05 '))).toBe(true);
  });

  it('HEN-05: a draft is judged on today and keeps what was typed; sending it stamps the day it was sent', async () => {
    const clock = { now: new Date('2026-05-10T09:00:00Z') };
    const a = app(clock);
    const draft = await request(a)
      .post('/api/v1/submissions')
      .set(caseworker)
      .send({
        formId: 'henvendelsesskema',
        version: '1.1.0',
        status: 'draft',
        data: { ...referral, visitation: { modtagetDato: '2026-01-01' } },
      })
      .expect(201);
    expect(draft.body.submission.receipt.referenceDate).toBeUndefined();
    expect(draft.body.submission.data.visitation.modtagetDato).toBe('2026-01-01');
    clock.now = new Date('2026-05-20T09:00:00Z');
    const sent = await request(a)
      .post(`${draft.headers.location}/status`)
      .set(caseworker)
      .set('If-Match', draft.headers.etag!)
      .send({ status: 'submitted' });
    expect(sent.status, JSON.stringify(sent.body)).toBe(200);
    expect(sent.body.submission.data.visitation.modtagetDato).toBe('2026-05-20');
    expect(sent.body.submission.receipt.referenceDate).toBe('2026-05-20');
    const audit = await request(a)
      .get(`/api/v1/audit?submissionId=${draft.body.submission.id}`)
      .set(bearer(TEST_KEYS.auditor))
      .expect(200);
    expect(audit.body.items.find((e: { action: string }) => e.action === 'status').details).toMatchObject({
      referenceDate: '2026-05-20',
    });
  });
});
