import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { testedRuleIds } from './rule-tests.js';

const dir = mkdtempSync(join(tmpdir(), 'skema-rule-tests-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('testedRuleIds', () => {
  it('finds tests and suites named after a rule id, in plugin test sources only', () => {
    mkdirSync(join(dir, 'viso/src/rules'), { recursive: true });
    mkdirSync(join(dir, 'viso/dist'), { recursive: true });
    writeFileSync(
      join(dir, 'viso/src/rules/henvendelse.test.ts'),
      [
        "describe('HEN-05 youth consent', () => {",
        "  it('HEN-05: fails without the youth', () => {});",
        '});',
        'it("LEV-07 needs the leader", () => {});',
        'test.skip(`UND-07 warns`, () => {});',
        "it('checks HEN-06 in the middle of a name', () => {});",
        "// it('HEN-98 commented out', () => {});",
        "/* it('HEN-99 commented out', () => {}); */",
      ].join('\n'),
    );
    writeFileSync(join(dir, 'viso/src/rules/henvendelse.ts'), "it('HEN-11 in a non-test file', () => {});");
    writeFileSync(join(dir, 'viso/dist/old.test.ts'), "it('HEN-12 in dist', () => {});");
    expect([...testedRuleIds(dir)].sort()).toEqual(['HEN-05', 'LEV-07', 'UND-07']);
  });

  it('returns nothing for a missing folder', () => {
    expect(testedRuleIds(join(dir, 'missing')).size).toBe(0);
  });
});
