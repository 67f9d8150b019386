import { toDataPath } from '@jsonforms/core';
import { loadForms, schemasDir } from '@skema/forms';
import { describe, expect, it } from 'vitest';

// Every scope of every UI schema (controls, rule conditions, detail layouts) must reach JSON Forms
// as the data path it names. A mismatch means typed values land in the wrong place, as they did for
// properties ending in "-else"/"-then" before patches/@jsonforms+core+3.8.0.patch.

/** Each property name after a `properties` keyword, in order: the data path a scope names. */
function dataPathOf(scope: string): string {
  const segments = scope.replace(/^#\/?/, '').split('/').map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
  const names: string[] = [];
  for (let i = 0; i < segments.length; i++) {
    if (segments[i] === 'properties' && i + 1 < segments.length) names.push(segments[++i]!);
  }
  return names.join('.');
}

function scopesIn(node: unknown, out: string[] = []): string[] {
  if (Array.isArray(node)) for (const item of node) scopesIn(item, out);
  else if (node && typeof node === 'object') {
    for (const [key, value] of Object.entries(node)) {
      if (key === 'scope' && typeof value === 'string' && value.startsWith('#')) out.push(value);
      else scopesIn(value, out);
    }
  }
  return out;
}

const forms = loadForms(schemasDir());

describe('UI schema scopes become the data paths they name in JSON Forms', () => {
  it('covers every form version', () => {
    expect(forms.length).toBeGreaterThanOrEqual(12);
  });

  for (const form of forms) {
    it(`${form.manifest.id}@${form.manifest.version}`, () => {
      const scopes = [...new Set(scopesIn(form.uischema))];
      expect(scopes.length).toBeGreaterThan(0);
      const wrong = scopes.filter((scope) => toDataPath(scope) !== dataPathOf(scope)).map((scope) => `${scope} → ${toDataPath(scope)}`);
      expect(wrong).toEqual([]);
    });
  }
});
