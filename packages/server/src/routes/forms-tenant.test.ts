import { join } from 'node:path';
import { FormRegistry } from '@skema/core';
import { createStandardEngine, loadFormVersion, loadTenantForms, schemasDir } from '@skema/forms';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { DEV_KEYS } from '../config/dev-config.js';
import { aftaleskema } from '../testing/tenant-config-app.js';
import { tenantConfigApp } from '../testing/tenant-config-app.js';
import { bearer } from '../testing/test-app.js';

// aftaleskema 1.0.0 and 2.1.0: Nordby's overlay is pinned to 1.0.0, Ringsted's applies to both.
const engine = createStandardEngine();
const registry = new FormRegistry([aftaleskema, loadFormVersion(join(schemasDir(), 'aftaleskema', '2.1.0'))]);
const { app } = tenantConfigApp({ engine, registry, tenantForms: loadTenantForms(registry, engine) });

type Summary = {
  id: string;
  title: { da: string };
  latest?: string;
  versions: Array<{ version: string; hash: string }>;
};
const aftale = (items: Summary[]) => items.find((f) => f.id === 'aftaleskema')!;

describe('GET /api/v1/forms for a tenant', () => {
  it('lists for Nordby only the aftaleskema versions its overlay applies to, each of which opens', async () => {
    const res = await request(app).get('/api/v1/forms').set(bearer(DEV_KEYS.nordby)).expect(200);
    const entry = aftale(res.body.items);
    expect(entry.latest).toBe('1.0.0');
    expect(entry.versions.map((v) => v.version)).toEqual(['1.0.0']);
    for (const { version, hash } of entry.versions) {
      const form = await request(app)
        .get(`/api/v1/forms/aftaleskema/versions/${version}`)
        .set(bearer(DEV_KEYS.nordby))
        .expect(200);
      expect(form.body.hash).toBe(hash);
      expect(form.body.title.da).toBe(entry.title.da);
    }
    expect(res.headers['cache-control']).toBe('private, no-cache');
    expect(res.headers.vary).toMatch(/Authorization/);
  });

  it("gives Ringsted its overlay's title and the versions its range covers; without a key the base list", async () => {
    const ringsted = aftale(
      (await request(app).get('/api/v1/forms').set(bearer(DEV_KEYS.ringsted)).expect(200)).body.items,
    );
    expect(ringsted.title.da).toBe('Aftaleskema – Udviklingsmodellen 0–16 år');
    expect(ringsted.latest).toBe('2.1.0');
    expect(ringsted.versions.map((v) => v.version)).toEqual(['1.0.0', '2.1.0']);
    const anonymous = aftale((await request(app).get('/api/v1/forms').expect(200)).body.items);
    expect(anonymous.latest).toBe('2.1.0');
    expect(anonymous.title.da).not.toContain('Udviklingsmodellen');
  });

  it('answers GET /forms/{formId} the same way', async () => {
    const res = await request(app).get('/api/v1/forms/aftaleskema').set(bearer(DEV_KEYS.nordby)).expect(200);
    expect(res.body.latest).toBe('1.0.0');
  });
});
