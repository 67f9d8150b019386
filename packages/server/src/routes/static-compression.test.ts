import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { chooseEncoding } from '../http/static-files.js';
import { createTestApp } from '../testing/test-app.js';

const SCRIPT = 'customElements.define("skema-form", class extends HTMLElement {});\n'.repeat(20);

function app() {
  const root = mkdtempSync(join(tmpdir(), 'skema-static-'));
  const embed = join(root, 'embed');
  const demo = join(root, 'demo');
  mkdirSync(embed);
  mkdirSync(join(demo, 'assets'), { recursive: true });
  for (const name of ['skema-form.js', 'skema-form.0123456789abcdef.js']) {
    writeFileSync(join(embed, name), SCRIPT);
    writeFileSync(join(embed, `${name}.br`), brotliCompressSync(SCRIPT));
    writeFileSync(join(embed, `${name}.gz`), gzipSync(SCRIPT));
  }
  writeFileSync(join(demo, 'index.html'), '<!doctype html><title>Skema</title>');
  writeFileSync(join(demo, 'assets', 'index-Bv3UKY5a.js'), SCRIPT);
  writeFileSync(join(demo, 'assets', 'index-Bv3UKY5a.js.br'), brotliCompressSync(SCRIPT));
  return createTestApp({ staticDirs: { '/': demo, '/embed': embed } }).app;
}

describe('built files: compressed at build time, cached by their content hash', () => {
  const server = app();

  it('serves the brotli copy to a client that accepts it, gzip to one that accepts only gzip, and says it varies', async () => {
    const br = await request(server).get('/embed/skema-form.js').set('Accept-Encoding', 'gzip, deflate, br');
    expect(br.status).toBe(200);
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers['content-type']).toMatch(/javascript/);
    expect(br.headers.vary).toMatch(/Accept-Encoding/);
    expect(br.headers['cross-origin-resource-policy']).toBe('cross-origin');
    // The bytes sent are the build's brotli file (the client decodes them).
    expect(Number(br.headers['content-length'])).toBe(brotliCompressSync(SCRIPT).length);
    expect(br.text).toBe(SCRIPT);

    const gz = await request(server).get('/embed/skema-form.js').set('Accept-Encoding', 'gzip');
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gz.text).toBe(SCRIPT);

    const plain = await request(server).get('/embed/skema-form.js').set('Accept-Encoding', 'identity');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.headers.vary).toMatch(/Accept-Encoding/);
    expect(plain.text).toBe(SCRIPT);
  });

  it('caches the versioned bundle and hashed demo assets for a year, the alias for minutes, HTML not at all', async () => {
    const versioned = await request(server).get('/embed/skema-form.0123456789abcdef.js').set('Accept-Encoding', 'br');
    expect(versioned.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    const alias = await request(server).get('/embed/skema-form.js').set('Accept-Encoding', 'br');
    expect(alias.headers['cache-control']).toBe('public, max-age=300');
    const asset = await request(server).get('/assets/index-Bv3UKY5a.js').set('Accept-Encoding', 'br');
    expect(asset.headers['content-encoding']).toBe('br');
    expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(asset.headers['cross-origin-resource-policy']).toBe('same-origin');
    expect((await request(server).get('/').expect(200)).headers['cache-control']).toBe('no-cache');
  });

  it('never serves a file outside the folder', async () => {
    await request(server).get('/embed/..%2f..%2fetc%2fpasswd').set('Accept-Encoding', 'br').expect(404);
  });
});

describe('chooseEncoding', () => {
  it('prefers brotli, honours q=0 and *', () => {
    expect(chooseEncoding('gzip, br').map((e) => e.coding)).toEqual(['br', 'gzip']);
    expect(chooseEncoding('br;q=0, gzip').map((e) => e.coding)).toEqual(['gzip']);
    expect(chooseEncoding('*').map((e) => e.coding)).toEqual(['br', 'gzip']);
    expect(chooseEncoding(undefined)).toEqual([]);
  });
});
