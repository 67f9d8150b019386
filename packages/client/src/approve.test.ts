import {
  createTestApp,
  fixtureData,
  startPersonTokens,
  TEST_KEYS,
  testConfig,
  type PersonTokens,
} from '@skema/server/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SkemaClient } from './client.js';
import type { SkemaApiError } from './errors.js';
import { listen } from './test-server.js';

let api: Awaited<ReturnType<typeof listen>>;
let people: PersonTokens;
const client = (token: string) => new SkemaClient({ baseUrl: api.url, token, locale: 'en', retry: { retries: 0 } });

beforeAll(async () => {
  people = await startPersonTokens();
  api = await listen(createTestApp({ config: people.config(testConfig()) }).app);
});
afterAll(async () => {
  await api.close();
  await people.close();
});

describe('SkemaClient.approve()', () => {
  it('records the signed-in person’s approval with If-Match; an API key gets a typed 403', async () => {
    const { submission, etag } = await client(TEST_KEYS.caseworker).createSubmission(
      'fixture',
      '1.0.0',
      fixtureData(),
      { status: 'draft' },
    );
    const refused = (await client(TEST_KEYS.leder)
      .approve(submission.id, { role: 'leder', decision: 'approved' }, { ifMatch: etag! })
      .catch((e: unknown) => e)) as SkemaApiError;
    expect(refused).toMatchObject({ status: 403 });
    const token = (await people.as('alpha-leder', ['caseworker', 'leder'], 'Lene Leder')).Authorization.slice(
      'Bearer '.length,
    );
    const approved = await client(token).approve(
      submission.id,
      { role: 'leder', decision: 'approved' },
      { ifMatch: etag! },
    );
    expect(approved.submission.approvals).toEqual([
      expect.objectContaining({ actorId: 'oidc:alpha-leder', actorName: 'Lene Leder', kind: 'person', role: 'leder' }),
    ]);
    expect(approved.etag).toBe(`"${submission.id}:2"`);
  });

  it('me() tells a signed-in person (name, roles) from a system key', async () => {
    const token = (
      await people.as('alpha-fagkonsulent', ['caseworker', 'fagkonsulent'], 'Frederik Fagkonsulent')
    ).Authorization.slice('Bearer '.length);
    expect(await client(token).me()).toMatchObject({
      kind: 'person',
      name: 'Frederik Fagkonsulent',
      roles: ['caseworker', 'fagkonsulent'],
    });
    expect(await client(TEST_KEYS.caseworker).me()).toMatchObject({ kind: 'system' });
  });
});
