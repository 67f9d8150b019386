import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { DEV_KEYS } from '../config/dev-config.js';
import { bearer, createTestApp, TEST_KEYS } from '../testing/test-app.js';
import { aftaleData, nordbyGitOverlay, tenantConfigApp } from '../testing/tenant-config-app.js';

const nordby = bearer(DEV_KEYS.nordby);
const ringsted = bearer(DEV_KEYS.ringsted);
const URL = '/api/v1/admin/form-configs';
const LABEL = 'foraeldre.foraeldreSamtykke.label';

/** Nordby's git overlay without the fields the API fills in, with one label changed. */
function nordbyDraft(label: string, extra: Record<string, unknown> = {}) {
  const { tenantId: _t, formId: _f, version: _v, ...rest } = nordbyGitOverlay();
  return { ...rest, texts: { ...rest.texts, da: { ...rest.texts!.da, [LABEL]: label } }, ...extra };
}

/** With AFT-02 raised, the child's participation needs the preparation fields (errors, not warnings). */
const withChild = () => ({ ...aftaleData(), barnet: { barnDeltog: true, barnetsPerspektiv: 'Emil fortalte selv.' } });

describe('admin form configuration: draft → check → publish → deprecate', () => {
  it('publishes an overlay that wins over the git-kept one, and falls back when it is deprecated', async () => {
    const { app } = tenantConfigApp();
    const latest = () => request(app).get('/api/v1/forms/aftaleskema/versions/latest').set(nordby).expect(200);
    const before = await latest();
    expect(before.body.i18n.da[LABEL]).toMatch(/kræves i Nordby/);
    expect((await request(app).get(URL).set(nordby).expect(200)).body).toEqual({ items: [] });

    const put = await request(app)
      .put(`${URL}/overlay/aftaleskema/1.0.1`)
      .set(nordby)
      .send(nordbyDraft('Samtykke fra forældrene (API)'))
      .expect(200);
    expect(put.body).toMatchObject({
      kind: 'overlay',
      formId: 'aftaleskema',
      version: '1.0.1',
      status: 'draft',
      updatedBy: 'nordby-dev',
      tenantId: 'nordby',
    });
    expect(put.body.document).toMatchObject({
      tenantId: 'nordby',
      formId: 'aftaleskema',
      version: '1.0.1',
      baseVersion: '1.0.0',
    });
    // A draft changes nothing yet.
    expect((await latest()).body.hash).toBe(before.body.hash);

    const check = await request(app).post(`${URL}/overlay/aftaleskema/1.0.1/check`).set(nordby).expect(200);
    expect(check.body).toMatchObject({ ok: true, problems: [], previousVersion: '1.0.0', requiredBump: 'patch' });
    expect(check.body.diff).toMatchObject({ formId: 'aftaleskema', from: '1.0.0', to: '1.0.1', requiredBump: 'patch' });
    expect(check.body.diff.changes.map((c: { kind: string }) => c.kind)).toEqual(['text-changed']);

    const published = await request(app).post(`${URL}/overlay/aftaleskema/1.0.1/publish`).set(nordby).expect(200);
    expect(published.body).toMatchObject({ status: 'published', hash: expect.stringMatching(/^sha256-[0-9a-f]{64}$/) });
    const after = await latest();
    expect(after.body.i18n.da[LABEL]).toBe('Samtykke fra forældrene (API)');
    expect(after.body.hash).not.toBe(before.body.hash);

    const list = await request(app).get(URL).set(nordby).expect(200);
    expect(list.body.items).toEqual([
      {
        kind: 'overlay',
        formId: 'aftaleskema',
        version: '1.0.1',
        status: 'published',
        hash: published.body.hash,
        updatedAt: '2026-06-01T10:00:00.000Z',
        updatedBy: 'nordby-dev',
      },
    ]);
    expect(
      (await request(app).get(`${URL}/overlay/aftaleskema/1.0.1`).set(nordby).expect(200)).body.document.texts.da[
        LABEL
      ],
    ).toBe('Samtykke fra forældrene (API)');

    const again = await request(app)
      .put(`${URL}/overlay/aftaleskema/1.0.1`)
      .set(nordby)
      .send(nordbyDraft('Ændret'))
      .expect(409);
    expect(again.body.type).toBe('https://skema.dk/problems/version-immutable');
    await request(app).post(`${URL}/overlay/aftaleskema/1.0.1/publish`).set(nordby).expect(409);

    const deprecated = await request(app).post(`${URL}/overlay/aftaleskema/1.0.1/deprecate`).set(nordby).expect(200);
    expect(deprecated.body.status).toBe('deprecated');
    expect((await latest()).body.hash).toBe(before.body.hash);
    await request(app).post(`${URL}/overlay/aftaleskema/1.0.1/deprecate`).set(nordby).expect(409);

    const audit = await request(app).get('/api/v1/audit').set(nordby).expect(200);
    expect(audit.body.items.map((e: { action: string }) => e.action)).toEqual([
      'form-config.draft',
      'form-config.publish',
      'form-config.deprecate',
    ]);
    expect(audit.body.items[1].details).toEqual({ kind: 'overlay', formId: 'aftaleskema', version: '1.0.1' });
  });

  it('refuses a wrong semver bump with the diff and the required bump; the right one publishes and applies the rule options', async () => {
    const { app } = tenantConfigApp();
    const strict = nordbyDraft('Samtykke', { ruleOptions: { 'AFT-02': { severity: 'error' } } });
    const validate = () =>
      request(app)
        .post('/api/v1/forms/aftaleskema/versions/latest/validate')
        .set(nordby)
        .send({ data: withChild(), today: '2026-06-01' })
        .expect(200);
    expect((await validate()).body.warnings.map((w: { code: string }) => w.code)).toContain('AFT-02');

    await request(app).put(`${URL}/overlay/aftaleskema/1.1.0`).set(nordby).send(strict).expect(200);
    const refused = await request(app).post(`${URL}/overlay/aftaleskema/1.1.0/publish`).set(nordby).expect(422);
    expect(refused.body.type).toBe('https://skema.dk/problems/form-config-invalid');
    expect(refused.body.requiredBump).toBe('major');
    expect(refused.body.problems).toEqual([
      {
        path: '/version',
        code: 'version-bump-too-small',
        message: expect.stringMatching(
          /^Versionsnummeret skal være mindst 2\.0\.0: .*kræver en ny hovedversion .*ruleOptions\/AFT-02\/severity/,
        ),
        messages: {
          da: expect.stringMatching(/^Versionsnummeret/),
          en: expect.stringMatching(/^2\.0\.0 needed: .*AFT-02 severity/),
        },
      },
    ]);
    // Core's diff classifies the overlay's rule options itself.
    expect(refused.body.diff.changes).toContainEqual(
      expect.objectContaining({
        path: 'form.json#/ruleOptions/AFT-02/severity',
        kind: 'rule-option-changed',
        level: 'major',
      }),
    );
    expect((await request(app).get(`${URL}/overlay/aftaleskema/1.1.0`).set(nordby).expect(200)).body.status).toBe(
      'draft',
    );
    expect((await validate()).body.errors).toEqual([]);

    await request(app).put(`${URL}/overlay/aftaleskema/2.0.0`).set(nordby).send(strict).expect(200);
    await request(app).post(`${URL}/overlay/aftaleskema/2.0.0/publish`).set(nordby).expect(200);
    const strictResult = (await validate()).body;
    expect(strictResult.valid).toBe(false);
    expect(strictResult.errors.map((e: { code: string; path: string }) => `${e.code} ${e.path}`)).toEqual([
      'AFT-02 /barnet/hensynTilAlderOgModenhed',
      'AFT-02 /barnet/forberedtMedBarnet',
    ]);
    expect(strictResult.receipt.overlay).toMatchObject({ tenantId: 'nordby', version: '2.0.0' });
    // A lower version can no longer be published over it.
    const lower = await request(app).post(`${URL}/overlay/aftaleskema/1.1.0/publish`).set(nordby).expect(422);
    expect(lower.body.problems[0]).toMatchObject({
      code: 'version-not-greater',
      messages: { en: expect.stringMatching(/not greater than 2\.0\.0/) },
    });
  });

  it('check reports what is wrong with a draft (unknown field, lowered legal rule) without publishing it', async () => {
    const { app } = tenantConfigApp();
    await request(app)
      .put(`${URL}/overlay/aftaleskema/3.0.0`)
      .set(nordby)
      .send(nordbyDraft('x', { hide: ['/findesIkke'], ruleOptions: { 'AFT-01': { severity: 'warning' } } }))
      .expect(200);
    const check = await request(app).post(`${URL}/overlay/aftaleskema/3.0.0/check`).set(nordby).expect(200);
    expect(check.body.ok).toBe(false);
    expect(check.body.problems.map((p: { path: string; code: string }) => `${p.code} ${p.path}`)).toEqual(
      expect.arrayContaining(['overlay-unknown-field /hide/0', 'rule-option-lowered /ruleOptions/AFT-01/severity']),
    );
    await request(app).post(`${URL}/overlay/aftaleskema/3.0.0/publish`).set(nordby).expect(422);
  });

  it('answers check, publish and preview problems in the request’s language, with both texts and a stable code', async () => {
    const { app } = tenantConfigApp();
    await request(app)
      .put(`${URL}/overlay/aftaleskema/3.0.0`)
      .set(nordby)
      .send(nordbyDraft('x', { hide: ['/findesIkke'], ruleOptions: { 'AFT-01': { severity: 'warning' } } }))
      .expect(200);
    const check = (language?: string) => {
      const req = request(app).post(`${URL}/overlay/aftaleskema/3.0.0/check`).set(nordby);
      return (language ? req.set('Accept-Language', language) : req).expect(200);
    };
    const danish = (await check('da')).body.problems;
    const english = (await check('en-GB,en;q=0.9')).body.problems;
    const hidden = {
      path: '/hide/0',
      code: 'overlay-unknown-field',
      messages: { da: '/findesIkke er ikke et felt i aftaleskema.', en: '/findesIkke is not a field of aftaleskema' },
    };
    expect(danish).toContainEqual({ ...hidden, message: hidden.messages.da });
    expect(english).toContainEqual({ ...hidden, message: hidden.messages.en });
    expect(danish.find((p: { code: string }) => p.code === 'rule-option-lowered').message).toBe(
      'AFT-01 er et lovkrav (fejl) og kan ikke sænkes til en advarsel.',
    );
    expect(english.find((p: { code: string }) => p.code === 'rule-option-lowered').message).toBe(
      'AFT-01 is a legal requirement (error) and cannot be lowered to a warning',
    );
    // Without a preference the API speaks Danish.
    expect((await check()).body.problems).toEqual(danish);

    const publish = await request(app)
      .post(`${URL}/overlay/aftaleskema/3.0.0/publish`)
      .set(nordby)
      .set('Accept-Language', 'en')
      .expect(422);
    expect(publish.body.problems).toEqual(english);

    const preview = (language: string) =>
      request(app)
        .post(`${URL}/preview`)
        .set(nordby)
        .set('Accept-Language', language)
        .send({
          kind: 'overlay',
          document: { formId: 'aftaleskema', version: '1.0.0', baseVersion: '1.0.0', schema: {} },
        })
        .expect(200);
    const notConfigurable = {
      path: '/schema',
      code: 'overlay-not-configurable',
      messages: {
        da: '«schema» kan ikke indstilles i en tilpasning (overlay).',
        en: '"schema" cannot be configured in an overlay',
      },
    };
    expect((await preview('da')).body.problems).toEqual([{ ...notConfigurable, message: notConfigurable.messages.da }]);
    expect((await preview('en')).body.problems).toEqual([{ ...notConfigurable, message: notConfigurable.messages.en }]);
  });

  it('the document must match the key’s tenant and the URL', async () => {
    const { app } = tenantConfigApp();
    const res = await request(app)
      .put(`${URL}/overlay/aftaleskema/1.0.1`)
      .set(ringsted)
      .send({ ...nordbyDraft('x'), tenantId: 'nordby', version: '9.9.9' })
      .expect(400);
    expect(res.body.issues.map((i: { path: string }) => i.path)).toEqual(['/tenantId', '/version']);
    await request(app).put(`${URL}/widget/aftaleskema/1.0.1`).set(ringsted).send({}).expect(404);
    await request(app).put(`${URL}/overlay/aftaleskema/latest`).set(ringsted).send({}).expect(400);
    await request(app).get(`${URL}/overlay/aftaleskema/7.0.0`).set(ringsted).expect(404);
  });

  it('only admins may configure forms (403), and a key is needed (401)', async () => {
    const { app } = tenantConfigApp();
    const leder = bearer(DEV_KEYS.demoLeder);
    await request(app).get(URL).set(leder).expect(403);
    await request(app).put(`${URL}/overlay/aftaleskema/1.0.1`).set(leder).send(nordbyDraft('x')).expect(403);
    await request(app).post(`${URL}/overlay/aftaleskema/1.0.1/publish`).set(leder).expect(403);
    await request(app).post(`${URL}/preview`).set(leder).send({ kind: 'overlay', document: {} }).expect(403);
    await request(app).get(URL).expect(401);
  });

  it('without a form configuration store the admin endpoints answer 501', async () => {
    const { app } = createTestApp({ formConfigStore: undefined });
    const res = await request(app).get(URL).set(bearer(TEST_KEYS.admin)).expect(501);
    expect(res.body.detail).toMatch(/ingen|har ikke/);
    await request(app).put(`${URL}/overlay/fixture/1.0.0`).set(bearer(TEST_KEYS.admin)).send({}).expect(501);
    await request(app).get(URL).set(bearer(TEST_KEYS.caseworker)).expect(403);
  });
});

describe('admin form configuration: preview', () => {
  it('shows the effective form of an unsaved overlay and its diff against the base, storing nothing', async () => {
    const { app } = tenantConfigApp();
    const document = {
      formId: 'aftaleskema',
      version: '1.0.0',
      baseVersion: '1.0.0',
      require: ['/opfoelgningsansvarlig'],
      texts: { en: { 'opfoelgningsansvarlig.label': 'Follow-up owner' } },
    };
    const res = await request(app).post(`${URL}/preview`).set(ringsted).send({ kind: 'overlay', document }).expect(200);
    expect(res.body.ok).toBe(true);
    expect(res.body.form.manifest.overlay).toMatchObject({
      tenantId: 'ringsted',
      version: '1.0.0',
      baseVersion: '1.0.0',
    });
    expect(res.body.form.i18n.en['opfoelgningsansvarlig.label']).toBe('Follow-up owner');
    expect(res.body.form.schema.required).toContain('opfoelgningsansvarlig');
    expect(res.body.diff).toMatchObject({ formId: 'aftaleskema', from: '1.0.0', requiredBump: 'major' });
    expect(res.body.diff.changes).toContainEqual(expect.objectContaining({ kind: 'required-added' }));
    // The base version's examples are not part of the effective form, so they are not reported as removed.
    expect(res.body.diff.changes.map((c: { kind: string }) => c.kind).sort()).toEqual([
      'required-added',
      'text-changed',
    ]);
    expect((await request(app).get(URL).set(ringsted).expect(200)).body.items).toEqual([]);

    const bad = await request(app)
      .post(`${URL}/preview`)
      .set(ringsted)
      .send({ kind: 'overlay', document: { ...document, hide: ['/moede'] } })
      .expect(200);
    expect(bad.body).toMatchObject({
      ok: false,
      problems: [
        { path: '/hide/0', code: 'overlay-hide-required', message: '/moede skal udfyldes og kan derfor ikke skjules.' },
      ],
    });
    expect(bad.body.form).toBeUndefined();
    await request(app).post(`${URL}/preview`).set(ringsted).send({ kind: 'form', document }).expect(400);
  });
});

describe('admin form configuration: the overlay in effect (issue #17)', () => {
  it('names the git overlay in effect, then the API version that replaced it, with the base it applies to', async () => {
    const { app } = tenantConfigApp();
    const git = await request(app).get(`${URL}/effective/aftaleskema`).set(nordby).expect(200);
    expect(git.body).toMatchObject({
      tenantId: 'nordby',
      formId: 'aftaleskema',
      source: 'git',
      version: '1.0.0',
      overlay: nordbyGitOverlay(),
      base: { manifest: { id: 'aftaleskema', version: '1.0.0' } },
    });

    await request(app)
      .put(`${URL}/overlay/aftaleskema/1.0.1`)
      .set(nordby)
      .send(nordbyDraft('Samtykke (API)'))
      .expect(200);
    await request(app).post(`${URL}/overlay/aftaleskema/1.0.1/publish`).set(nordby).expect(200);
    const api = await request(app).get(`${URL}/effective/aftaleskema`).set(nordby).expect(200);
    expect(api.body).toMatchObject({
      source: 'api',
      version: '1.0.1',
      overlay: { texts: { da: { [LABEL]: 'Samtykke (API)' } } },
    });

    // A tenant without an overlay of the form edits the latest base version; unknown forms are 404.
    const none = await request(app).get(`${URL}/effective/indsatsplan`).set(nordby).expect(200);
    expect(none.body).toMatchObject({
      formId: 'indsatsplan',
      source: 'none',
      base: { manifest: { version: '2.0.0' } },
    });
    expect(none.body.overlay).toBeUndefined();
    await request(app).get(`${URL}/effective/findes-ikke`).set(nordby).expect(404);
    await request(app).get(`${URL}/effective/aftaleskema`).set(bearer(DEV_KEYS.demoLeder)).expect(403);
  });

  it('refuses to publish an API overlay that is not above the git one (it would never take effect), in Danish and English', async () => {
    const { app } = tenantConfigApp();
    await request(app)
      .put(`${URL}/overlay/aftaleskema/1.0.0`)
      .set(nordby)
      .send(nordbyDraft('Samtykke (API)'))
      .expect(200);
    const refused = await request(app).post(`${URL}/overlay/aftaleskema/1.0.0/publish`).set(nordby).expect(422);
    expect(refused.body.problems).toEqual([
      {
        path: '/version',
        code: 'version-not-after-git',
        message: expect.stringMatching(
          /^Versionen 1\.0\.0 er ikke højere end kommunens tilpasning i git \(version 1\.0\.0\).*mindst version 1\.0\.1\.$/,
        ),
        messages: { da: expect.any(String), en: expect.stringMatching(/^Version 1\.0\.0 is not above/) },
      },
    ]);
    expect((await request(app).get(`${URL}/effective/aftaleskema`).set(nordby).expect(200)).body.source).toBe('git');
  });

  it('previews the version an unsaved overlay would be published as: above the git one, bumped as its changes require', async () => {
    const { app } = tenantConfigApp();
    const preview = async (extra: Record<string, unknown>) =>
      (
        await request(app)
          .post(`${URL}/preview`)
          .set(nordby)
          .send({ kind: 'overlay', document: { ...nordbyGitOverlay(), version: '0.0.0', ...extra } })
          .expect(200)
      ).body;
    expect((await preview({})).next).toEqual({ version: '1.0.1', previousVersion: '1.0.0', requiredBump: 'none' });
    expect((await preview({ texts: { da: { [LABEL]: 'Ny tekst' } } })).next).toEqual({
      version: '1.0.1',
      previousVersion: '1.0.0',
      requiredBump: 'patch',
    });
    expect((await preview({ require: [...nordbyGitOverlay().require!, '/opfoelgningsansvarlig'] })).next).toEqual({
      version: '2.0.0',
      previousVersion: '1.0.0',
      requiredBump: 'major',
    });
    const first = await request(app)
      .post(`${URL}/preview`)
      .set(nordby)
      .send({ kind: 'overlay', document: { formId: 'indsatsplan', version: '0.0.0', baseVersion: '^2.0.0' } })
      .expect(200);
    expect(first.body.next).toEqual({ version: '1.0.0', requiredBump: 'none' });
  });
});
