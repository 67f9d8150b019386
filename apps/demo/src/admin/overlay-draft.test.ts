import { describe, expect, it } from 'vitest';
import { baseRange, devKeyTenant, documentVersion, nextOverlayVersion, overlaySkeleton, parseOverlayText } from './overlay-draft.js';

const indsatsplan = {
  id: 'indsatsplan',
  latest: '2.0.0',
  versions: [
    { version: '1.0.0', status: 'published' as const },
    { version: '2.0.0', status: 'published' as const },
  ],
};

describe('overlaySkeleton', () => {
  it('names the tenant, the form, a first version and the latest major as base range', () => {
    expect(overlaySkeleton({ form: indsatsplan, tenantId: 'ringsted' })).toEqual({
      tenantId: 'ringsted',
      formId: 'indsatsplan',
      version: '1.0.0',
      baseVersion: '^2.0.0',
      texts: { da: {}, en: {} },
    });
  });

  it('leaves the tenant to the server when it is not known, and follows existing versions', () => {
    const skeleton = overlaySkeleton({ form: indsatsplan, existingVersions: ['1.0.0', '1.2.0', '1.10.3'] });
    expect(skeleton).not.toHaveProperty('tenantId');
    expect(skeleton.version).toBe('1.10.4');
  });
});

describe('helpers', () => {
  it('nextOverlayVersion compares numerically and ignores non-versions', () => {
    expect(nextOverlayVersion([])).toBe('1.0.0');
    expect(nextOverlayVersion(['1.9.0', '1.10.0', 'x'])).toBe('1.10.1');
  });

  it('baseRange uses the latest published version, else the newest version', () => {
    expect(baseRange(indsatsplan)).toBe('^2.0.0');
    expect(baseRange({ versions: [{ version: '3.1.0' }] })).toBe('^3.0.0');
  });

  it('devKeyTenant knows the development keys only, not inherited keys', () => {
    expect(devKeyTenant('skema-dev-key-ringsted')).toBe('ringsted');
    expect(devKeyTenant('skema-dev-key')).toBe('demo');
    expect(devKeyTenant('toString')).toBeUndefined();
    expect(devKeyTenant('en-anden-nøgle')).toBeUndefined();
  });

  it('parseOverlayText accepts an object and explains anything else in Danish', () => {
    expect(parseOverlayText('{ "formId": "indsatsplan" }')).toEqual({ ok: true, document: { formId: 'indsatsplan' } });
    const broken = parseOverlayText('{ "formId": ');
    expect(broken.ok).toBe(false);
    expect(!broken.ok && broken.message).toMatch(/^Ugyldig JSON: /);
    expect(parseOverlayText('[1]')).toEqual({ ok: false, message: 'Et overlay skal være et JSON-objekt ({ … }).' });
    expect(parseOverlayText('null').ok).toBe(false);
  });

  it('documentVersion takes only a plain semver version (it goes into the URL)', () => {
    expect(documentVersion({ version: '1.2.3' })).toBe('1.2.3');
    expect(documentVersion({ version: '../1.0.0' })).toBeUndefined();
    expect(documentVersion({ version: 1 })).toBeUndefined();
    expect(documentVersion({})).toBeUndefined();
  });
});
