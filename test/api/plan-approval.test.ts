import { join } from 'node:path';
import { FormRegistry } from '@skema/core';
import { createStandardEngine, loadFormVersion, schemasDir } from '@skema/forms';
import {
  bearer,
  createTestApp,
  startPersonTokens,
  TEST_KEYS,
  testConfig,
  type PersonTokens,
} from '@skema/server/testing';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * FRL-03 «Godkend» over HTTP with the real familierådslagning plan: the initiativtager's (or a
 * leder's) approval through `POST /submissions/{id}/approvals` moves the submitted plan to
 * `approved` (the plugin's approval transition), audited; someone else's is recorded and the plan
 * stays submitted.
 */
let people: PersonTokens;
let rikke: Record<string, string>;
let soeren: Record<string, string>;
let lene: Record<string, string>;
beforeAll(async () => {
  people = await startPersonTokens();
  rikke = await people.as('alpha-rikke', ['caseworker'], 'Rikke Rådgiver');
  soeren = await people.as('alpha-soeren', ['caseworker'], 'Søren Sagsbehandler');
  lene = await people.as('alpha-lene', ['caseworker', 'leder'], 'Lene Leder');
});
afterAll(() => people.close());

const plan = loadFormVersion(join(schemasDir(), 'familieraadslagningsplan', '2.1.0'));
const registry = new FormRegistry([plan]);
const engine = createStandardEngine();
const example = plan.examples!.valid.find((e) => e.name === 'forebyggende')!;
const data = {
  ...(example.data as Record<string, unknown>),
  godkendelse: { udfald: 'godkendt', godkendtPaaRaadslagningen: true },
};

async function submittedPlan(by: Record<string, string>) {
  const t = createTestApp({
    engine,
    registry,
    now: () => new Date(`${example.today ?? '2026-06-01'}T10:00:00Z`),
    config: people.config(testConfig()),
  });
  const res = await request(t.app)
    .post('/api/v1/submissions')
    .set(by)
    .send({ formId: 'familieraadslagningsplan', version: '2.1.0', status: 'submitted', data })
    .expect(201);
  return { ...t, id: res.body.submission.id as string, url: res.headers.location as string };
}

describe('FRL-03 «Godkend» moves the plan to approved', () => {
  it('FRL-03 valid: the initiativtager’s approval approves the plan in one call; both revisions and the audit name her', async () => {
    const { app, url, store, id } = await submittedPlan(rikke);
    const res = await request(app)
      .post(`${url}/approvals`)
      .set(rikke)
      .set('If-Match', '*')
      .send({ role: 'caseworker', decision: 'approved' })
      .expect(200);
    expect(res.body).toMatchObject({ status: 'approved', revision: 3 });
    expect(res.headers.etag).toMatch(/:3"$/);
    expect(res.body.approvals).toEqual([
      expect.objectContaining({
        actorId: 'oidc:alpha-rikke',
        actorName: 'Rikke Rådgiver',
        kind: 'person',
        role: 'caseworker',
        decision: 'approved',
      }),
    ]);
    const revisions = await request(app).get(`${url}/revisions`).set(rikke).expect(200);
    expect(revisions.body.items.map((r: { action: string; status: string }) => [r.action, r.status])).toEqual([
      ['create', 'submitted'],
      ['approval', 'submitted'],
      ['status', 'approved'],
    ]);
    const audit = (await store.queryAudit('alpha', { submissionId: id, limit: 100 })).items;
    expect(audit.find((e) => e.action === 'status')).toMatchObject({
      actor: 'oidc:alpha-rikke',
      details: { from: 'submitted', to: 'approved', byApproval: 'familieraadslagningsplan:FRL-03' },
    });
  });

  it('FRL-03 valid: a leder’s approval approves a plan someone else created', async () => {
    const { app, url } = await submittedPlan(rikke);
    const res = await request(app)
      .post(`${url}/approvals`)
      .set(lene)
      .set('If-Match', '*')
      .send({ role: 'leder', decision: 'approved' })
      .expect(200);
    expect(res.body.status).toBe('approved');
  });

  it('FRL-03 invalid: another caseworker’s approval (no leder contacted) is recorded, but the plan stays submitted; an API key cannot approve', async () => {
    const { app, url } = await submittedPlan(rikke);
    const res = await request(app)
      .post(`${url}/approvals`)
      .set(soeren)
      .set('If-Match', '*')
      .send({ role: 'caseworker', decision: 'approved' })
      .expect(200);
    expect(res.body).toMatchObject({ status: 'submitted', revision: 2 });
    expect(res.body.approvals).toHaveLength(1);
    await request(app)
      .post(`${url}/approvals`)
      .set(bearer(TEST_KEYS.fagkonsulent))
      .set('If-Match', '*')
      .send({ role: 'caseworker', decision: 'approved' })
      .expect(403);
  });
});
