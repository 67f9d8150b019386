import { describe, expect, it } from 'vitest';
import { testForm } from './test-forms.js';
import { checkVersionBump, nextVersionFor, requiredBump, versionBump } from './version-bump.js';

const removeStatus = (f: Parameters<Parameters<typeof testForm>[1] & {}>[0]) => {
  delete (f.schema.properties as Record<string, unknown>).status;
};

describe('versionBump', () => {
  it('names the level of the increment', () => {
    expect(versionBump('1.2.3', '2.0.0')).toBe('major');
    expect(versionBump('1.2.3', '1.3.0')).toBe('minor');
    expect(versionBump('1.2.3', '1.2.4')).toBe('patch');
    expect(versionBump('1.0.0-rc.1', '1.0.0')).toBe('none');
  });

  it('refuses a version that is not greater', () => {
    expect(() => versionBump('1.2.0', '1.1.9')).toThrow(/not greater/);
    expect(() => versionBump('1.2.0', '1.2.0')).toThrow(/not greater/);
    expect(() => versionBump('1.2', '1.3.0')).toThrow(/semver/);
  });
});

describe('nextVersionFor', () => {
  it('gives the smallest sufficient version', () => {
    expect(nextVersionFor('1.2.3', 'major')).toBe('2.0.0');
    expect(nextVersionFor('1.2.3', 'minor')).toBe('1.3.0');
    expect(nextVersionFor('1.2.3', 'patch')).toBe('1.2.4');
  });
});

describe('requiredBump / checkVersionBump', () => {
  it('asks for a major version when a property is removed', () => {
    const prev = testForm('1.0.0');
    const next = testForm('1.1.0', removeStatus);
    expect(requiredBump(prev, next)).toBe('major');
    const problem = checkVersionBump(prev, next);
    expect(problem).toMatchObject({
      code: 'version-bump-too-small',
      required: 'major',
      actual: 'minor',
      needed: '2.0.0',
    });
    expect(problem!.messages.da).toBe(
      'Versionsnummeret skal være mindst 2.0.0: testskema 1.0.0 → 1.1.0 er en ny delversion (minor), men ændringerne kræver en ny hovedversion (major). Det skyldes ændringerne i #/properties/status (feltet "status" er fjernet).',
    );
    expect(problem!.messages.en).toBe(problem!.message);
    expect(problem!.message).toBe(
      '2.0.0 needed: testskema 1.0.0 → 1.1.0 is a minor bump, but the changes need a major bump: #/properties/status: property "status" removed',
    );
  });

  it('accepts a sufficient or larger bump', () => {
    expect(checkVersionBump(testForm('1.0.0'), testForm('2.0.0', removeStatus))).toBeUndefined();
    expect(checkVersionBump(testForm('1.0.0'), testForm('3.0.0', removeStatus))).toBeUndefined();
    const label = (f: Parameters<Parameters<typeof testForm>[1] & {}>[0]) => (f.i18n.en['navn.label'] = 'Full name');
    expect(checkVersionBump(testForm('1.0.0'), testForm('1.0.1', label))).toBeUndefined();
    expect(checkVersionBump(testForm('1.0.0'), testForm('1.1.0', label))).toBeUndefined();
  });

  it('asks for a minor version when a patch adds an optional field', () => {
    const next = testForm('1.0.1', (f) => ((f.schema.properties as Record<string, unknown>).note = { type: 'string' }));
    expect(checkVersionBump(testForm('1.0.0'), next)?.message).toMatch(
      /^1\.1\.0 needed: .* is a patch bump, but the changes need a minor bump/,
    );
  });

  it('reports a version number that does not increase', () => {
    const problem = checkVersionBump(testForm('1.2.0'), testForm('1.1.0', removeStatus));
    expect(problem).toMatchObject({ code: 'version-not-greater', actual: 'invalid', needed: '2.0.0' });
    expect(problem!.message).toBe('2.0.0 needed: 1.1.0 is not greater than 1.2.0');
    expect(problem!.messages).toEqual({
      da: 'Versionsnummeret skal være mindst 2.0.0: 1.1.0 kommer ikke efter 1.2.0.',
      en: problem!.message,
    });
  });
});
