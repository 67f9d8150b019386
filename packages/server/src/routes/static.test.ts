import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { createTestApp } from '../testing/test-app.js';

describe('staticDirs', () => {
  it('serves the demo at / and the embed bundle under /embed; skips missing folders', async () => {
    const root = mkdtempSync(join(tmpdir(), 'skema-static-'));
    mkdirSync(join(root, 'demo'));
    mkdirSync(join(root, 'embed'));
    writeFileSync(join(root, 'demo', 'index.html'), '<!doctype html><title>Skema demo</title>');
    writeFileSync(join(root, 'embed', 'skema-form.js'), 'export const skema = 1;');
    const { app } = createTestApp({
      staticDirs: { '/': join(root, 'demo'), '/embed': join(root, 'embed'), '/missing': join(root, 'nope') },
    });
    expect((await request(app).get('/').expect(200)).text).toContain('Skema demo');
    const bundle = await request(app).get('/embed/skema-form.js').expect(200);
    expect(bundle.headers['content-type']).toMatch(/javascript/);
    await request(app).get('/missing/x').expect(404);
    await request(app).get('/api/v1/forms').expect(200);
  });
  it('serves /embed with Cross-Origin-Resource-Policy: cross-origin, so portals on other origins can load the script; pages stay same-origin', async () => {
    const root = mkdtempSync(join(tmpdir(), 'skema-static-'));
    mkdirSync(join(root, 'demo'));
    mkdirSync(join(root, 'embed'));
    writeFileSync(join(root, 'demo', 'index.html'), '<!doctype html><title>Skema demo</title>');
    writeFileSync(join(root, 'demo', 'plain.js'), 'console.log(1);');
    writeFileSync(join(root, 'embed', 'skema-form.js'), 'export const skema = 1;');
    const { app } = createTestApp({ staticDirs: { '/': join(root, 'demo'), '/embed': join(root, 'embed') } });
    const bundle = await request(app).get('/embed/skema-form.js').set('Origin', 'https://borger.alpha.dk').expect(200);
    expect(bundle.headers['cross-origin-resource-policy']).toBe('cross-origin');
    // The page security headers still apply to the script (nosniff matters for a script).
    expect(bundle.headers['x-content-type-options']).toBe('nosniff');
    expect((await request(app).get('/').expect(200)).headers['cross-origin-resource-policy']).toBe('same-origin');
    expect((await request(app).get('/plain.js').expect(200)).headers['cross-origin-resource-policy']).toBe(
      'same-origin',
    );
    // A missing bundle file is the usual 404, not a cross-origin one.
    expect((await request(app).get('/embed/nope.js').expect(404)).headers['cross-origin-resource-policy']).toBe(
      'same-origin',
    );
  });
});
