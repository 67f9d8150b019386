import { diffFormVersions } from '@skema/core';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { DEV_KEYS } from '../config/dev-config.js';
import { bearer } from '../testing/test-app.js';
import { indsatsplan1, indsatsplan2, tenantConfigApp } from '../testing/tenant-config-app.js';

const DIFF = '/api/v1/forms/indsatsplan/versions/1.0.0/diff/2.0.0';
const NEW_FIELD = '#/properties/dialog/properties/hvemKanGoereHvad';

interface Change {
  path: string;
  kind: string;
  level: string;
  message: string;
  messages: { da: string; en: string };
}

describe('GET /forms/{formId}/versions/{a}/diff/{b}: texts of the changes', () => {
  const { app } = tenantConfigApp();
  const core = diffFormVersions(indsatsplan1, indsatsplan2).changes;

  it('answers each change in Danish by default, with both texts beside it', async () => {
    const res = await request(app).get(DIFF).expect(200);
    const changes = res.body.changes as Change[];
    expect(changes.find((c) => c.path === NEW_FIELD)).toEqual({
      path: NEW_FIELD,
      kind: 'property-added',
      level: 'minor',
      message: 'nyt valgfrit felt "hvemKanGoereHvad"',
      messages: { da: 'nyt valgfrit felt "hvemKanGoereHvad"', en: 'new optional property "hvemKanGoereHvad"' },
    });
    // Every change of core's diff, in the same order, with its Danish text as `message`.
    expect(changes.map((c) => [c.kind, c.path, c.message, c.messages])).toEqual(
      core.map((c) => [c.kind, c.path, c.messages.da, c.messages]),
    );
    expect(changes.every((c) => c.message !== c.messages.en)).toBe(true);
  });

  it('answers in English when Accept-Language prefers it, and in Danish when Danish weighs more', async () => {
    const en = await request(app).get(DIFF).set('Accept-Language', 'en-GB,da;q=0.5').expect(200);
    expect((en.body.changes as Change[]).map((c) => c.message)).toEqual(core.map((c) => c.message));
    expect((en.body.changes as Change[]).find((c) => c.path === NEW_FIELD)?.message).toBe(
      'new optional property "hvemKanGoereHvad"',
    );
    expect(en.headers.vary).toMatch(/Accept-Language/i);

    const da = await request(app).get(DIFF).set('Accept-Language', 'en;q=0.3, da').expect(200);
    expect((da.body.changes as Change[]).map((c) => c.message)).toEqual(core.map((c) => c.messages.da));
  });

  it('localizes the diff of an admin preview the same way', async () => {
    const document = {
      formId: 'aftaleskema',
      version: '1.0.0',
      baseVersion: '1.0.0',
      require: ['/opfoelgningsansvarlig'],
    };
    const send = (language: string) =>
      request(app)
        .post('/api/v1/admin/form-configs/preview')
        .set(bearer(DEV_KEYS.ringsted))
        .set('Accept-Language', language)
        .send({ kind: 'overlay', document })
        .expect(200);
    const required = (body: { diff: { changes: Change[] } }) =>
      body.diff.changes.find((c) => c.kind === 'required-added');
    const messages = {
      da: 'feltet "opfoelgningsansvarlig" er blevet påkrævet',
      en: '"opfoelgningsansvarlig" is now required',
    };
    expect(required((await send('da')).body)).toMatchObject({ message: messages.da, messages });
    expect(required((await send('en')).body)).toMatchObject({ message: messages.en, messages });
  });
});
