import { describe, expect, it } from 'vitest';
import { compareVersions } from './form-config-store.js';

describe('compareVersions', () => {
  it('orders by semver precedence, not by text', () => {
    const sorted = [
      '1.10.0',
      '1.2.0',
      '1.2.0-rc.1',
      '1.2.0-beta.11',
      '1.2.0-beta.2',
      '1.2.0-beta',
      '1.2.0-alpha.beta',
      '0.9.9',
      '10.0.0',
      '2.0.0',
    ].sort(compareVersions);
    expect(sorted).toEqual([
      '0.9.9',
      '1.2.0-alpha.beta',
      '1.2.0-beta',
      '1.2.0-beta.2',
      '1.2.0-beta.11',
      '1.2.0-rc.1',
      '1.2.0',
      '1.10.0',
      '2.0.0',
      '10.0.0',
    ]);
  });

  it('puts numeric pre-release identifiers before alphanumeric ones and ignores build metadata except as a tiebreak', () => {
    expect(compareVersions('1.0.0-1', '1.0.0-alpha')).toBeLessThan(0);
    expect(compareVersions('1.0.0+b', '1.0.0+a')).toBeGreaterThan(0);
    expect(compareVersions('1.0.0+zzz', '1.0.1')).toBeLessThan(0);
  });

  it('sorts strings that are not semver after semver versions, by text', () => {
    expect(['latest', '1.0.0', 'draft'].sort(compareVersions)).toEqual(['1.0.0', 'draft', 'latest']);
  });
});
