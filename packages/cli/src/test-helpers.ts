import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Io } from './io.js';

/** The fixture forms: testskema 1.0.0 and 1.1.0 (published, locked) and 2.0.0 (draft). */
export const FIXTURES = fileURLToPath(new URL('./fixtures/schemas', import.meta.url));

/** An Io that records what a command prints. */
export function captureIo(): Io & { lines: string[]; errors: string[]; text(): string } {
  const lines: string[] = [];
  const errors: string[] = [];
  return {
    lines,
    errors,
    out: (line) => lines.push(...line.split('\n')),
    err: (line) => errors.push(...line.split('\n')),
    text: () => [...lines, ...errors].join('\n'),
  };
}

/** A writable copy of the fixture schemas; removed by the returned cleanup. */
export function fixtureCopy(): { dir: string; cleanup(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'skema-cli-'));
  cpSync(FIXTURES, dir, { recursive: true });
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}
