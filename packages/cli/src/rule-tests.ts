import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** `it('HEN-05 …')`, `test("LEV-07: …")`, `describe(\`UND-07\`)`: a test or suite whose name starts with a rule id. */
const TEST_NAME = /\b(?:it|test|describe)(?:\.(?:only|skip|concurrent|todo))?\(\s*(['"`])([A-Z][A-Z0-9]*-\d+)\b/g;

/** Commented-out tests do not count. */
function withoutComments(source: string): string {
  return source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
}

function testFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (name === 'node_modules' || name === 'dist') return [];
    if (statSync(path).isDirectory()) return testFiles(path);
    return name.endsWith('.test.ts') ? [path] : [];
  });
}

/** Rule ids that have at least one test named after them in `plugins/*\/src/**\/*.test.ts`. */
export function testedRuleIds(pluginsDir: string): Set<string> {
  const ids = new Set<string>();
  if (!existsSync(pluginsDir)) return ids;
  for (const plugin of readdirSync(pluginsDir)) {
    for (const file of testFiles(join(pluginsDir, plugin, 'src'))) {
      for (const m of withoutComments(readFileSync(file, 'utf8')).matchAll(TEST_NAME)) ids.add(m[2]!);
    }
  }
  return ids;
}
