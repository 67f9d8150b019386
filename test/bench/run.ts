// `npm run bench` (in test/): runs every bench module's default export in turn, engine first.
// `npm run bench -- engine stores` runs only the named sections.
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const dir = dirname(fileURLToPath(import.meta.url));
const only = process.argv.slice(2).filter((a) => !a.startsWith('-'));

const sections = readdirSync(dir)
  .filter((f) => f.endsWith('.ts') && f !== 'run.ts' && !f.endsWith('.test.ts') && !f.endsWith('.d.ts'))
  .map((f) => f.slice(0, -3))
  .filter((name) => only.length === 0 || only.includes(name))
  .sort((a, b) => (a === 'engine' ? -1 : b === 'engine' ? 1 : a.localeCompare(b)));

if (only.length > 0 && sections.length < only.length) {
  console.error(`Unknown bench section(s): ${only.filter((n) => !sections.includes(n)).join(', ')}`);
  process.exitCode = 2;
}

const failed: string[] = [];
for (const name of sections) {
  console.log(`\n=== ${name} ${'='.repeat(Math.max(3, 72 - name.length))}`);
  const started = process.hrtime.bigint();
  try {
    const mod = (await import(pathToFileURL(join(dir, `${name}.ts`)).href)) as { default?: unknown };
    if (typeof mod.default !== 'function') {
      console.log(`(${name}.ts has no default export; skipped)`);
      continue;
    }
    await (mod.default as () => unknown)();
  } catch (e) {
    failed.push(name);
    console.error(`${name} failed:`, e);
  }
  console.log(`--- ${name}: ${(Number(process.hrtime.bigint() - started) / 1e9).toFixed(1)} s`);
}

if (failed.length > 0) {
  console.error(`\nFailed sections: ${failed.join(', ')}`);
  process.exitCode = 1;
}
