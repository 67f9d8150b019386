import { composeWithUi, toDataPath, type JsonSchema } from '@jsonforms/core';
import { loadForms, schemasDir } from '@skema/forms';
import { pathSafeProps, safeConditionScope, scopeToDataPath } from '@skema/react';
import { describe, expect, it } from 'vitest';

// Every scope of every UI schema (controls, rule conditions, detail layouts) must reach JSON Forms
// as the data path it names. A mismatch means typed values land in the wrong place, as they did for
// properties ending in "-else"/"-then": JSON Forms 3.8 cuts "else/" out of any scope. Our renderers
// hand JSON Forms re-anchored Controls (pathSafeProps) and rewritten rule conditions
// (safeConditionScope); this checks, with the unmodified library, the path it computes from those.

/** Each property name after a `properties` keyword, in order: the data path a scope names. */
function dataPathOf(scope: string): string {
  const segments = scope
    .replace(/^#\/?/, '')
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
  const names: string[] = [];
  for (let i = 0; i < segments.length; i++) {
    if (segments[i] === 'properties' && i + 1 < segments.length) names.push(segments[++i]!);
  }
  return names.join('.');
}

interface Scoped {
  scope: string;
  /** A Control's own scope (rendered through pathSafeProps) rather than a rule condition's. */
  control: boolean;
}

function scopesIn(node: unknown, out: Scoped[] = [], inCondition = false): Scoped[] {
  if (Array.isArray(node)) for (const item of node) scopesIn(item, out, inCondition);
  else if (node && typeof node === 'object') {
    const control = !inCondition && (node as { type?: unknown }).type === 'Control';
    for (const [key, value] of Object.entries(node)) {
      if (key === 'scope' && typeof value === 'string' && value.startsWith('#')) out.push({ scope: value, control });
      else scopesIn(value, out, inCondition || key === 'condition');
    }
  }
  return out;
}

/** The data path JSON Forms computes for a scope as our renderers hand it over (at the root). */
function jsonFormsPath({ scope, control }: Scoped, schema: JsonSchema): string {
  if (!control) return toDataPath(safeConditionScope(scope));
  const safe = pathSafeProps({ type: 'Control', scope }, schema, '', schema);
  return safe ? composeWithUi(safe.uischema, safe.path) : toDataPath(scope);
}

const forms = loadForms(schemasDir());

describe('UI schema scopes become the data paths they name in JSON Forms', () => {
  it('covers every form version', () => {
    expect(forms.length).toBeGreaterThanOrEqual(12);
  });

  it('our path function names the same data path for every scope', () => {
    const wrong = forms
      .flatMap((form) => scopesIn(form.uischema))
      .filter(({ scope }) => scopeToDataPath(scope) !== dataPathOf(scope));
    expect(wrong).toEqual([]);
  });

  for (const form of forms) {
    it(`${form.manifest.id}@${form.manifest.version}`, () => {
      const scopes = scopesIn(form.uischema);
      expect(scopes.length).toBeGreaterThan(0);
      const schema = form.schema as JsonSchema;
      const wrong = scopes
        .filter((s) => jsonFormsPath(s, schema) !== dataPathOf(s.scope))
        .map((s) => `${s.scope} → ${jsonFormsPath(s, schema)}`);
      expect(wrong).toEqual([]);
    });
  }
});
