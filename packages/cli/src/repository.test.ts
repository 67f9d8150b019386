import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { schemasDir } from '@skema/forms';
import { runCli } from './cli.js';
import { captureIo } from './test-helpers.js';

const MUST_FORMS = [
  'henvendelsesskema',
  'leveranceaftale',
  'underretning',
  'raadgivningslog',
  'evalueringsskema',
  'indsatsplan',
];

describe('the repository schemas/', () => {
  it('pass "skema check" and contain the six must-forms', async () => {
    const io = captureIo();
    const code = await runCli(['check', '--schemas', schemasDir()], io);
    expect(io.lines.filter((l) => !l.startsWith('✓'))).toEqual([]);
    expect(code).toBe(0);
    const summary = io.lines.at(-1) ?? '';
    const forms = Number(/of (\d+) form\(s\)/.exec(summary)?.[1]);
    expect(forms).toBeGreaterThanOrEqual(MUST_FORMS.length);
  });

  it('have a folder for each must-form', () => {
    const missing = MUST_FORMS.filter((id) => !existsSync(join(schemasDir(), id)));
    expect(missing).toEqual([]);
  });
});
