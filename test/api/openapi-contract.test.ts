import { createAjv } from '@skema/core';
import {
  bearer,
  createTestApp,
  fixtureData,
  startPersonTokens,
  TEST_KEYS,
  testConfig,
  type PersonTokens,
} from '@skema/server/testing';
import type { Express } from 'express';
import request, { type Response } from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * Every response of a scripted session must be documented in the generated OpenAPI document:
 * its path, method and status, and its body must match the documented schema.
 */

// Approvals are acts of signed-in people: the session's approvers use real person tokens.
const people: PersonTokens = await startPersonTokens();
afterAll(() => people.close());
const token = async (subject: string, roles: string[]) =>
  (await people.as(subject, roles, subject)).Authorization.slice('Bearer '.length);
const { app } = createTestApp({ config: people.config(testConfig()) });
const ajv = createAjv();
let doc: {
  openapi: string;
  paths: Record<
    string,
    Record<string, { responses: Record<string, { content?: Record<string, { schema: unknown }> }> }>
  >;
};

/** Enough of OpenAPI 3.1's structure to catch a malformed document. */
const openApiShape = {
  type: 'object',
  required: ['openapi', 'info', 'paths', 'components'],
  properties: {
    openapi: { type: 'string', pattern: '^3\\.1\\.\\d+$' },
    info: {
      type: 'object',
      required: ['title', 'version'],
      properties: { title: { type: 'string' }, version: { type: 'string' } },
    },
    paths: {
      type: 'object',
      propertyNames: { pattern: '^/' },
      additionalProperties: {
        type: 'object',
        propertyNames: {
          enum: ['get', 'put', 'post', 'delete', 'patch', 'head', 'options', 'summary', 'description', 'parameters'],
        },
        additionalProperties: {
          type: 'object',
          required: ['responses'],
          properties: {
            parameters: {
              type: 'array',
              items: {
                type: 'object',
                required: ['name', 'in', 'schema'],
                properties: { in: { enum: ['query', 'path', 'header', 'cookie'] } },
              },
            },
            requestBody: { type: 'object', required: ['content'] },
            responses: {
              type: 'object',
              minProperties: 1,
              propertyNames: { pattern: '^[1-5][0-9][0-9]$' },
              additionalProperties: { type: 'object', required: ['description'] },
            },
          },
        },
      },
    },
    components: {
      type: 'object',
      properties: {
        schemas: { type: 'object', additionalProperties: { type: 'object' } },
        securitySchemes: { type: 'object' },
      },
    },
  },
};

const escapePointer = (s: string) => s.replace(/~/g, '~0').replace(/\//g, '~1');

function operationFor(method: string, url: string): { template: string; op: (typeof doc.paths)[string][string] } {
  const path = url.split('?')[0]!;
  for (const [template, item] of Object.entries(doc.paths)) {
    const pattern = new RegExp(`^${template.replace(/\{[^}]+\}/g, '[^/]+')}$`);
    const op = item[method];
    if (pattern.test(path) && op) return { template, op };
  }
  throw new Error(`${method.toUpperCase()} ${path} is not in the OpenAPI document`);
}

const checked: string[] = [];

function conforms(method: string, url: string, res: Response): void {
  const { template, op } = operationFor(method, url);
  const status = String(res.status);
  const documented = op.responses[status];
  expect(documented, `${method.toUpperCase()} ${template} → ${status} is not documented`).toBeDefined();
  checked.push(`${method.toUpperCase()} ${template} ${status}`);
  if (res.status === 304 || !documented?.content) return;
  const mediaType = String(res.headers['content-type']).split(';')[0]!;
  expect(Object.keys(documented.content), `${template} ${status} content type`).toContain(mediaType);
  const pointer = `#/paths/${escapePointer(template)}/${method}/responses/${status}/content/${escapePointer(mediaType)}/schema`;
  const validate = ajv.getSchema(`urn:skema:openapi${pointer}`) ?? ajv.compile({ $ref: `urn:skema:openapi${pointer}` });
  const body = mediaType.endsWith('json') ? res.body : res.text;
  expect(validate(body), `${method.toUpperCase()} ${url} → ${status}: ${ajv.errorsText(validate.errors)}`).toBe(true);
}

async function call(
  method: 'get' | 'post' | 'put',
  url: string,
  options: { key?: string; body?: unknown; headers?: Record<string, string>; raw?: string; app?: Express } = {},
) {
  let req = request(options.app ?? app)[method](url);
  if (options.key) req = req.set(bearer(options.key));
  for (const [k, v] of Object.entries(options.headers ?? {})) req = req.set(k, v);
  const res = await (options.raw !== undefined
    ? req.send(options.raw)
    : options.body !== undefined
      ? req.send(options.body as object)
      : req);
  conforms(method, url, res);
  return res;
}

beforeAll(async () => {
  doc = (await request(app).get('/api/v1/openapi.json').expect(200)).body;
  ajv.addSchema(doc, 'urn:skema:openapi');
});

describe('the OpenAPI document', () => {
  it('is structurally an OpenAPI 3.1 document', () => {
    const validate = ajv.compile(openApiShape);
    expect(validate(doc), ajv.errorsText(validate.errors)).toBe(true);
  });

  it('has no dangling $ref', () => {
    const refs = JSON.stringify(doc).match(/"\$ref":"#\/components\/schemas\/[^"]+"/g) ?? [];
    const schemas = (doc as unknown as { components: { schemas: Record<string, unknown> } }).components.schemas;
    for (const ref of refs) expect(schemas).toHaveProperty(ref.slice(29, -1));
    expect(refs.length).toBeGreaterThan(20);
  });
});

describe('a scripted session conforms to the document', () => {
  it('forms, validation, submissions, status, revisions, rules, audit and errors', async () => {
    const cw = TEST_KEYS.caseworker;
    const forms = await call('get', '/api/v1/forms');
    await call('get', '/api/v1/forms', { headers: { 'If-None-Match': forms.headers.etag! } });
    await call('get', '/api/v1/forms/fixture');
    await call('get', '/api/v1/forms/nope');
    const version = await call('get', '/api/v1/forms/fixture/versions/1.0.0');
    await call('get', '/api/v1/forms/fixture/versions/1.0.0', { headers: { 'If-None-Match': version.headers.etag! } });
    await call('get', '/api/v1/forms/fixture/versions/latest');
    const forTenant = await call('get', '/api/v1/forms/fixture/versions/1.0.0', { key: TEST_KEYS.beta });
    expect(forTenant.body.tenantRuleOptions).toBeDefined();
    await call('get', '/api/v1/forms/fixture/versions/1.0.0', { key: 'not-a-key-at-all' });
    await call('get', '/api/v1/forms/fixture/versions/9.0.0');
    await call('post', '/api/v1/forms/fixture/versions/1.0.0/validate', { body: { data: fixtureData() } });
    await call('post', '/api/v1/forms/fixture/versions/1.0.0/validate', {
      body: { data: { alder: 40 } },
      headers: { 'Accept-Language': 'en' },
    });
    await call('post', '/api/v1/forms/fixture/versions/1.0.0/validate', { body: { nodata: true } });
    await call('post', '/api/v1/forms/fixture/versions/1.0.0/validate', {
      raw: '{"data":',
      headers: { 'Content-Type': 'application/json' },
    });
    await call('post', '/api/v1/forms/fixture/versions/1.0.0/validate', {
      raw: 'data',
      headers: { 'Content-Type': 'text/plain' },
    });
    await call('post', '/api/v1/forms/fixture/versions/1.0.0/validate', {
      key: 'not-a-key-at-all',
      body: { data: {} },
    });
    await call('get', '/api/v1/rules');

    await call('post', '/api/v1/submissions', {
      body: { formId: 'fixture', version: '1.0.0', status: 'draft', data: {} },
    });
    await call('post', '/api/v1/submissions', {
      key: TEST_KEYS.auditor,
      body: { formId: 'fixture', version: '1.0.0', status: 'draft', data: {} },
    });
    await call('post', '/api/v1/submissions', {
      key: cw,
      body: { formId: 'fixture', version: '1.0.0', status: 'submitted', data: { alder: 50 } },
    });
    await call('post', '/api/v1/submissions', {
      key: cw,
      body: { formId: 'nope', version: '1.0.0', status: 'draft', data: {} },
    });
    const created = await call('post', '/api/v1/submissions', {
      key: cw,
      headers: { 'Idempotency-Key': 'contract-1' },
      body: { formId: 'fixture', version: '1.0.0', status: 'draft', data: fixtureData({ navn: 'Bo' }) },
    });
    await call('post', '/api/v1/submissions', {
      key: cw,
      headers: { 'Idempotency-Key': 'contract-1' },
      body: { formId: 'fixture', version: '1.0.0', status: 'draft', data: fixtureData({ navn: 'Bo' }) },
    });
    await call('post', '/api/v1/submissions', {
      key: cw,
      headers: { 'Idempotency-Key': 'contract-1' },
      body: { formId: 'fixture', version: '1.0.0', status: 'draft', data: {} },
    });
    const url = created.headers.location!;
    const read = await call('get', url, { key: cw });
    await call('get', url, { key: cw, headers: { 'If-None-Match': read.headers.etag! } });
    await call('get', url, { key: TEST_KEYS.beta });
    await call('put', url, { key: cw, body: { data: fixtureData() } });
    const updated = await call('put', url, {
      key: cw,
      headers: { 'If-Match': read.headers.etag! },
      body: { data: fixtureData({ navn: 'Bodil' }) },
    });
    await call('put', url, { key: cw, headers: { 'If-Match': read.headers.etag! }, body: { data: fixtureData() } });
    await call('put', url, { key: cw, headers: { 'If-Match': updated.headers.etag! }, body: { data: { alder: 'x' } } });
    await call('post', `${url}/status`, { key: cw, body: { status: 'approved' } });
    await call('post', `${url}/status`, { key: TEST_KEYS.fagkonsulent, body: { status: 'approved' } });
    await call('post', `${url}/status`, {
      key: TEST_KEYS.fagkonsulent,
      headers: { 'If-Match': '*' },
      body: { status: 'approved' },
    });
    await call('post', `${url}/status`, {
      key: cw,
      headers: { 'If-Match': updated.headers.etag! },
      body: { status: 'submitted' },
    });
    await call('post', `${url}/status`, {
      key: TEST_KEYS.fagkonsulent,
      headers: { 'If-Match': '*' },
      body: { status: 'rejected' },
    });
    await call('post', `${url}/status`, { key: cw, headers: { 'If-Match': '*' }, body: { status: 'draft' } });
    await call('post', `${url}/status`, { key: cw, body: { status: 'unknown' } });
    await call('get', `${url}/revisions`, { key: cw });
    await call('get', '/api/v1/submissions/none/revisions', { key: cw });

    const lev = await call('post', '/api/v1/submissions', {
      key: TEST_KEYS.fagkonsulent,
      body: {
        formId: 'leveranceaftale',
        version: '1.0.0',
        status: 'submitted',
        data: { formaal: 'x', hoejpris: true },
      },
    });
    const frederik = await token('alpha-fagkonsulent', ['caseworker', 'fagkonsulent']);
    const lene = await token('alpha-leder', ['caseworker', 'leder']);
    await call('post', `${lev.headers.location!}/status`, {
      key: frederik,
      headers: { 'If-Match': '*' },
      body: { status: 'approved' },
    });
    await call('post', `${lev.headers.location!}/status`, {
      key: lene,
      headers: { 'If-Match': '*' },
      body: { status: 'approved' },
    });
    // Approvals by a signed-in person; a key is refused; a second role of the same person 409.
    const und = await call('post', '/api/v1/submissions', {
      key: cw,
      body: { formId: 'underretning', version: '1.0.0', status: 'draft', data: { iagttagelser: 'x' } },
    });
    await call('post', `${und.headers.location!}/approvals`, {
      key: TEST_KEYS.fagkonsulent,
      headers: { 'If-Match': '*' },
      body: { role: 'fagkonsulent', decision: 'approved' },
    });
    await call('post', `${und.headers.location!}/approvals`, {
      key: frederik,
      headers: { 'If-Match': '*' },
      body: { role: 'fagkonsulent', decision: 'approved' },
    });
    await call('post', `${und.headers.location!}/approvals`, {
      key: frederik,
      headers: { 'If-Match': '*' },
      body: { role: 'caseworker', decision: 'approved' },
    });
    await call('put', `${und.headers.location!}/assignees`, {
      key: lene,
      headers: { 'If-Match': '*' },
      body: { assignees: ['oidc:alpha-sagsbehandler'] },
    });
    await call('get', '/api/v1/auth/me', { key: frederik });
    await call('get', '/api/v1/auth/sign-in');

    await call('get', '/api/v1/submissions', { key: cw });
    const page = await call('get', '/api/v1/submissions?limit=1&formId=fixture', { key: cw });
    await call('get', `/api/v1/submissions?limit=1&cursor=${encodeURIComponent(page.body.nextCursor)}`, { key: cw });
    await call('get', '/api/v1/submissions?limit=500', { key: cw });
    await call('get', '/api/v1/submissions');
    await call('get', '/api/v1/audit', { key: TEST_KEYS.auditor });
    await call('get', `/api/v1/audit?submissionId=${created.body.submission.id}&limit=2`, { key: TEST_KEYS.auditor });
    await call('get', '/api/v1/audit', { key: cw });
    await call('get', '/healthz');
    await call('get', '/readyz');
    await call('get', '/metrics');
    await call('get', '/api/v1/openapi.json');

    const statuses = new Set(checked.map((c) => c.split(' ').pop()));
    expect([...statuses].sort()).toEqual([
      '200',
      '201',
      '202',
      '304',
      '400',
      '401',
      '403',
      '404',
      '409',
      '412',
      '415',
      '422',
      '428',
    ]);
  });
});

describe('a scripted form configuration session conforms to the document', () => {
  it('admin form configs, preview, diff and migration', async () => {
    const { app: configApp } = createTestApp();
    const { app: bare } = createTestApp({ formConfigStore: undefined });
    const admin = TEST_KEYS.admin;
    const base = '/api/v1/admin/form-configs';
    const overlay = { baseVersion: '^1.0.0', texts: { da: { 'navn.label': 'Fulde navn' } } };
    const c = (method: 'get' | 'post' | 'put', url: string, options: Parameters<typeof call>[2] = {}) =>
      call(method, url, { app: configApp, ...options });

    await c('get', base, { key: admin });
    await c('get', base);
    await c('get', base, { key: TEST_KEYS.caseworker });
    await call('get', base, { key: admin, app: bare });
    await c('put', `${base}/overlay/fixture/1.0.0`, { key: admin, body: overlay });
    await c('put', `${base}/overlay/fixture/1.0.1`, {
      key: admin,
      raw: '{"baseVersion":"1.0.0","__proto__":{"x":1}}',
      headers: { 'Content-Type': 'application/json' },
    });
    await c('put', `${base}/widget/fixture/1.0.0`, { key: admin, body: overlay });
    await c('get', `${base}/overlay/fixture/1.0.0`, { key: admin });
    await c('get', `${base}/overlay/fixture/9.0.0`, { key: admin });
    await c('post', `${base}/overlay/fixture/1.0.0/check`, { key: admin });
    await c('post', `${base}/overlay/fixture/1.0.0/publish`, { key: admin });
    await c('post', `${base}/overlay/fixture/1.0.0/publish`, { key: admin });
    await c('put', `${base}/overlay/fixture/1.0.0`, { key: admin, body: overlay });
    await c('put', `${base}/overlay/fixture/1.1.0`, { key: admin, body: { ...overlay, require: ['/bemaerkning'] } });
    await c('post', `${base}/overlay/fixture/1.1.0/check`, { key: admin });
    await c('post', `${base}/overlay/fixture/1.1.0/publish`, { key: admin });
    await c('post', `${base}/overlay/fixture/1.0.0/deprecate`, { key: admin });
    await c('post', `${base}/preview`, {
      key: admin,
      body: { kind: 'overlay', document: { formId: 'fixture', version: '2.0.0', ...overlay } },
    });
    await c('post', `${base}/preview`, {
      key: admin,
      body: { kind: 'overlay', document: { formId: 'fixture', version: '2.0.0', hide: ['/navn'], ...overlay } },
    });

    await c('get', '/api/v1/forms/fixture/versions/1.0.0/diff/1.1.0');
    await c('get', '/api/v1/forms/fixture/versions/1.0.0/diff/8.0.0');
    const created = await c('post', '/api/v1/submissions', {
      key: TEST_KEYS.caseworker,
      body: { formId: 'fixture', version: '1.0.0', status: 'draft', data: fixtureData() },
    });
    const url = created.headers.location!;
    await c('post', `${url}/migrate`, {
      key: TEST_KEYS.caseworker,
      headers: { 'If-Match': '"x:9"' },
      body: { version: '1.1.0' },
    });
    await c('post', `${url}/migrate`, { key: TEST_KEYS.caseworker, body: { version: '1.1.0' } });
    await c('post', `${url}/migrate`, {
      key: TEST_KEYS.caseworker,
      headers: { 'If-Match': '*' },
      body: { version: '1.0.0' },
    });
    await c('post', `${url}/migrate`, {
      key: TEST_KEYS.caseworker,
      headers: { 'If-Match': '*' },
      body: { version: '1.1.0' },
    });
    await c('post', `${url}/migrate`, { key: TEST_KEYS.caseworker, body: { nope: 1 } });
    await c('get', '/api/v1/audit', { key: admin });

    const one = '/api/v1/admin/form-configs/{kind}/{formId}/{version}';
    expect(checked).toEqual(
      expect.arrayContaining([
        'GET /api/v1/admin/form-configs 200',
        'GET /api/v1/admin/form-configs 401',
        'GET /api/v1/admin/form-configs 403',
        'GET /api/v1/admin/form-configs 501',
        `PUT ${one} 200`,
        `PUT ${one} 400`,
        `PUT ${one} 404`,
        `PUT ${one} 409`,
        `GET ${one} 200`,
        `GET ${one} 404`,
        `POST ${one}/check 200`,
        `POST ${one}/publish 200`,
        `POST ${one}/publish 409`,
        `POST ${one}/publish 422`,
        `POST ${one}/deprecate 200`,
        'POST /api/v1/admin/form-configs/preview 200',
        'GET /api/v1/forms/{formId}/versions/{a}/diff/{b} 200',
        'GET /api/v1/forms/{formId}/versions/{a}/diff/{b} 404',
        'POST /api/v1/submissions/{id}/migrate 201',
        'POST /api/v1/submissions/{id}/migrate 400',
        'POST /api/v1/submissions/{id}/migrate 409',
        'POST /api/v1/submissions/{id}/migrate 422',
        'POST /api/v1/submissions/{id}/migrate 428',
      ]),
    );
  });
});

describe('a scripted legal-hold session conforms to the document', () => {
  it('sets and releases a hold, refuses bad requests, and shows legal-hold revisions and audit entries', async () => {
    const { app: holdApp } = createTestApp();
    const h = (method: 'get' | 'post' | 'put', url: string, options: Parameters<typeof call>[2] = {}) =>
      call(method, url, { app: holdApp, ...options });
    const created = await h('post', '/api/v1/submissions', {
      key: TEST_KEYS.fagkonsulent,
      body: { formId: 'fixture', version: '1.0.0', status: 'submitted', data: fixtureData() },
    });
    const url = created.headers.location!;
    const approved = await h('post', `${url}/status`, {
      key: TEST_KEYS.fagkonsulent,
      headers: { 'If-Match': '*' },
      body: { status: 'approved' },
    });
    const hold = `${url}/legal-hold`;
    const reason = 'Retssag BS-1234/2026';

    const held = await h('put', hold, {
      key: TEST_KEYS.leder,
      headers: { 'If-Match': approved.headers.etag! },
      body: { hold: true, reason },
    });
    expect(held.body).toMatchObject({
      legalHold: true,
      revision: 3,
      statusChangedAt: approved.body.submission.statusChangedAt,
    });
    await h('put', hold, { key: TEST_KEYS.leder, body: { hold: true, reason } });
    await h('put', hold, { key: TEST_KEYS.leder, headers: { 'If-Match': '*' }, body: { hold: true, reason } });
    await h('put', hold, {
      key: TEST_KEYS.leder,
      headers: { 'If-Match': approved.headers.etag! },
      body: { hold: false, reason },
    });
    await h('put', hold, { key: TEST_KEYS.caseworker, body: { hold: false, reason } });
    await h('put', hold, { body: { hold: false, reason } });
    await h('put', hold, { key: TEST_KEYS.leder, body: { hold: false, reason: 'Barnet 010190-1234' } });
    await h('put', hold, { key: TEST_KEYS.leder, body: { reason } });
    await h('put', '/api/v1/submissions/none/legal-hold', { key: TEST_KEYS.leder, body: { hold: true, reason } });
    await h('put', hold, { key: TEST_KEYS.admin, headers: { 'If-Match': '*' }, body: { hold: false, reason } });

    // The revision and audit action enums must list legal-hold, or these bodies fail the schema.
    const revisions = await h('get', `${url}/revisions`, { key: TEST_KEYS.caseworker });
    expect(JSON.stringify(revisions.body)).toContain('"action":"legal-hold"');
    const audit = await h('get', `/api/v1/audit?submissionId=${created.body.submission.id}`, {
      key: TEST_KEYS.auditor,
    });
    expect((audit.body.items as Array<{ action: string }>).filter((a) => a.action === 'legal-hold')).toHaveLength(2);

    const path = 'PUT /api/v1/submissions/{id}/legal-hold';
    expect(checked).toEqual(
      expect.arrayContaining(['200', '400', '401', '403', '404', '412', '428'].map((s) => `${path} ${s}`)),
    );
  });
});
