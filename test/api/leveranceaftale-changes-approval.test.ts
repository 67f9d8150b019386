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
 * LEV-11 over HTTP with the real leveranceaftale 1.3.0: an agreement with changes is sent only
 * after a signed-in fagkonsulent approved its content (`POST /submissions/{id}/approvals`), recorded
 * on the revision with the person; a typed name or a key is no approval; an edit voids it. A 1.2.0
 * agreement migrates with its typed approvers kept as «ikke verificeret» history.
 */
let people: PersonTokens;
let signe: Record<string, string>;
let frederik: Record<string, string>;
beforeAll(async () => {
  people = await startPersonTokens();
  signe = await people.as('alpha-signe', ['caseworker'], 'Signe Sagsbehandler');
  frederik = await people.as('alpha-frederik', ['caseworker', 'fagkonsulent'], 'Frederik Fagkonsulent');
});
afterAll(() => people.close());

const v12 = loadFormVersion(join(schemasDir(), 'leveranceaftale', '1.2.0'));
const v13 = loadFormVersion(join(schemasDir(), 'leveranceaftale', '1.3.0'));
const registry = new FormRegistry([v12, v13]);
const engine = createStandardEngine();
const example = (form: typeof v13, name: string) => {
  const found = form.examples!.valid.find((e) => e.name === name)!;
  return { data: found.data as Record<string, unknown>, today: found.today ?? '2026-06-01' };
};

function app() {
  const { today } = example(v13, 'hoejpris-to-leverandoerer');
  return createTestApp({
    engine,
    registry,
    now: () => new Date(`${today}T10:00:00Z`),
    config: people.config(testConfig()),
  });
}

const send = (t: ReturnType<typeof app>, url: string, who: Record<string, string>) =>
  request(t.app).post(`${url}/status`).set(who).set('If-Match', '*').send({ status: 'submitted' });

describe('LEV-11: changes are approved by a signed-in fagkonsulent (leveranceaftale 1.3.0)', () => {
  it('LEV-11 invalid then valid: refused without the fagkonsulent’s approval (a typed name does not count), sent after it; the revision names the person', async () => {
    const t = app();
    const { data } = example(v13, 'hoejpris-to-leverandoerer');
    const aendringer = (data.aendringer as Array<Record<string, unknown>>).map((c) => ({
      ...c,
      godkendtAf: 'Frederik Fagkonsulent',
    }));
    const created = await request(t.app)
      .post('/api/v1/submissions')
      .set(signe)
      .send({ formId: 'leveranceaftale', version: '1.3.0', status: 'draft', data: { ...data, aendringer } })
      .expect(201);
    const url = created.headers.location as string;

    const refused = await send(t, url, signe).expect(403);
    expect(refused.body.issues).toEqual([expect.objectContaining({ code: 'LEV-11' })]);
    expect(refused.body.detail).toContain('som en fagkonsulent skal godkende (logget ind)');
    await request(t.app)
      .post(`${url}/approvals`)
      .set(bearer(TEST_KEYS.fagkonsulent))
      .set('If-Match', '*')
      .send({ role: 'fagkonsulent', decision: 'approved' })
      .expect(403);

    const approved = await request(t.app)
      .post(`${url}/approvals`)
      .set(frederik)
      .set('If-Match', '*')
      .send({ role: 'fagkonsulent', decision: 'approved' })
      .expect(200);
    expect(approved.body.approvals).toEqual([
      expect.objectContaining({
        actorId: 'oidc:alpha-frederik',
        actorName: 'Frederik Fagkonsulent',
        subject: 'alpha-frederik',
        kind: 'person',
        role: 'fagkonsulent',
        decision: 'approved',
        revision: 2,
      }),
    ]);
    const sent = await send(t, url, signe).expect(200);
    expect(sent.body.submission.status).toBe('submitted');
    const revisions = (await request(t.app).get(`${url}/revisions`).set(signe).expect(200)).body.items as Array<{
      action: string;
      approvals?: Array<{ subject: string }>;
    }>;
    expect(revisions.map((r) => r.action)).toEqual(['create', 'approval', 'status']);
    expect(revisions[1]!.approvals!.map((a) => a.subject)).toEqual(['alpha-frederik']);
  });

  it('LEV-11: an edit of the content voids the approval, so a new change needs a new one; a fagkonsulent sending it gives it with the request', async () => {
    const t = app();
    const { data } = example(v13, 'hoejpris-to-leverandoerer');
    const created = await request(t.app)
      .post('/api/v1/submissions')
      .set(signe)
      .send({ formId: 'leveranceaftale', version: '1.3.0', status: 'draft', data })
      .expect(201);
    const url = created.headers.location as string;
    await request(t.app)
      .post(`${url}/approvals`)
      .set(frederik)
      .set('If-Match', '*')
      .send({ role: 'fagkonsulent', decision: 'approved' })
      .expect(200);
    const more = [
      ...(data.aendringer as unknown[]),
      { type: 'Ændring i tidsplanen', dato: '2026-05-20', beskrivelse: 'Afsluttende møde flyttet' },
    ];
    await request(t.app)
      .put(url)
      .set(signe)
      .set('If-Match', '*')
      .send({ data: { ...data, aendringer: more } })
      .expect(200);
    // The edit voided Frederik's approval: the new change is not approved.
    expect((await send(t, url, signe).expect(403)).body.issues).toEqual([expect.objectContaining({ code: 'LEV-11' })]);
    const byFagkonsulent = await send(t, url, frederik).expect(200);
    expect(byFagkonsulent.body.submission).toMatchObject({
      status: 'submitted',
      approvals: [expect.objectContaining({ subject: 'alpha-frederik', role: 'fagkonsulent' })],
    });
  });

  it('a 1.2.0 agreement with typed approvers of its changes migrates to 1.3.0 with them under «Tidligere indtastede godkendelser (ikke verificeret)»', async () => {
    const t = app();
    const { data } = example(v12, 'hoejpris-to-leverandoerer');
    const created = await request(t.app)
      .post('/api/v1/submissions')
      .set(signe)
      .send({ formId: 'leveranceaftale', version: '1.2.0', status: 'draft', data })
      .expect(201);
    const url = created.headers.location as string;
    const migrated = await request(t.app)
      .post(`${url}/migrate`)
      .set(signe)
      .set('If-Match', '*')
      .send({ version: '1.3.0' })
      .expect(201);
    const body = (migrated.body.submission ?? migrated.body) as {
      version: string;
      data: { aendringer: Array<Record<string, unknown>>; tidligereGodkendelser: { aendringer: unknown[] } };
    };
    expect(body.version).toBe('1.3.0');
    expect(body.data.aendringer.every((c) => !('godkendtAf' in c))).toBe(true);
    expect(body.data.tidligereGodkendelser.aendringer).toEqual([
      { aendring: 1, type: 'Ændring i tidsplanen', godkendtAf: 'Mette Prøvesen', godkendtDato: '2026-04-21' },
      expect.objectContaining({ aendring: 2, type: 'Ændring i leverancebeskrivelsen', godkendtAf: expect.any(String) }),
    ]);
  });
});
