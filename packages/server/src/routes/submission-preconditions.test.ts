import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { fixtureData } from '../testing/fixture-forms.js';
import { MemorySubmissionStore } from '../testing/memory-store.js';
import { bearer, createTestApp, TEST_KEYS } from '../testing/test-app.js';

const caseworker = bearer(TEST_KEYS.caseworker);

const aMoment = () => new Promise((r) => setTimeout(r, 2));

/** Reads and writes take a moment, as on disk or over the network, so parallel writers overlap between read and write. */
class SlowReadStore extends MemorySubmissionStore {
  override async get(...args: Parameters<MemorySubmissionStore['get']>) {
    await aMoment();
    return super.get(...args);
  }

  override async update(...args: Parameters<MemorySubmissionStore['update']>) {
    await aMoment();
    return super.update(...args);
  }
}

async function draft(app: Parameters<typeof request>[0]): Promise<{ url: string; id: string }> {
  const res = await request(app)
    .post('/api/v1/submissions')
    .set(caseworker)
    .send({ formId: 'fixture', version: '1.0.0', status: 'draft', data: fixtureData() })
    .expect(201);
  return { url: res.headers.location!, id: res.body.submission.id };
}

describe('If-Match on every change of an existing submission', () => {
  it('`*` matches whichever revision is current: 20 parallel PUTs all succeed (19 of 20 were 412)', async () => {
    const { app } = createTestApp({ store: new SlowReadStore() });
    const { url } = await draft(app);
    const answers = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        request(app)
          .put(url)
          .set(caseworker)
          .set('If-Match', '*')
          .send({ data: fixtureData({ alder: i + 1 }) }),
      ),
    );
    expect(answers.map((a) => a.status)).toEqual(Array.from({ length: 20 }, () => 200));
    const revisions = answers.map((a) => a.body.submission.revision).sort((a, b) => a - b);
    expect(revisions).toEqual(Array.from({ length: 20 }, (_, i) => i + 2));
    expect((await request(app).get(url).set(caseworker).expect(200)).body.revision).toBe(21);
  });

  it('a status change, a migration or a legal hold without If-Match is 428 precondition-required, and nothing changes', async () => {
    const { app } = createTestApp();
    const { url } = await draft(app);
    const status = await request(app).post(`${url}/status`).set(caseworker).send({ status: 'withdrawn' }).expect(428);
    expect(status.body.type).toBe('https://skema.dk/problems/precondition-required');
    expect(status.body.detail).toMatch(/If-Match/);
    await request(app).post(`${url}/migrate`).set(caseworker).send({ version: '1.1.0' }).expect(428);
    await request(app)
      .put(`${url}/legal-hold`)
      .set(bearer(TEST_KEYS.leder))
      .send({ hold: true, reason: 'Sag 12/2026' })
      .expect(428);
    await request(app).put(url).set(caseworker).send({ data: fixtureData() }).expect(428);
    expect((await request(app).get(url).set(caseworker).expect(200)).body).toMatchObject({
      revision: 1,
      status: 'draft',
    });
  });

  it('parallel status changes with `*`: one wins, the others see the new status (409), none a racy 412', async () => {
    const { app } = createTestApp({ store: new SlowReadStore() });
    const { url } = await draft(app);
    const answers = await Promise.all(
      Array.from({ length: 5 }, () =>
        request(app).post(`${url}/status`).set(caseworker).set('If-Match', '*').send({ status: 'withdrawn' }),
      ),
    );
    const statuses = answers.map((a) => a.status).sort();
    expect(statuses).toEqual([200, 409, 409, 409, 409]);
  });
});
