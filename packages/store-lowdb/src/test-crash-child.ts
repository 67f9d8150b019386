// Test support (not built): runs a script against the built store in a child process whose
// fs/promises is patched, so the child can kill -9 itself at an exact step of a write.
import { spawn } from 'node:child_process';
import { rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath, pathToFileURL } from 'node:url';

export interface ChildRun {
  /** What the child printed (one `say(...)` per line), up to its end. */
  lines: string[];
  code: number | null;
  signal: NodeJS.Signals | null;
}

const BUILT = pathToFileURL(path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'dist', 'index.js')).href;

/**
 * `patch` runs first with `fsp` (node:fs/promises, patchable), `die()` (SIGKILL to itself) and
 * `say(...)` (a line to the parent, written synchronously to the pipe); then `body` runs with
 * `createLowdbStore`, `dataDir` and the fixtures `newSubmission(id)`, `auditOf(action)`,
 * `eventOf(id, submissionId, type)` and `subscription`.
 */
export async function runStoreChild(dataDir: string, patch: string, body: string): Promise<ChildRun> {
  const script = `${dataDir}-child-${Math.random().toString(36).slice(2)}.mjs`;
  await writeFile(
    script,
    `import fsp from 'node:fs/promises';
import { syncBuiltinESMExports } from 'node:module';
const die = () => process.kill(process.pid, 'SIGKILL');
const say = (...a) => process.stdout.write(a.join(' ') + '\\n');
${patch}
syncBuiltinESMExports();
const { createLowdbStore } = await import(${JSON.stringify(BUILT)});
const dataDir = ${JSON.stringify(dataDir)};
const T = 't';
const at = new Date().toISOString();
const receipt = { formId: 'f', version: '1.0.0', schemaHash: 'h', plugins: [], validatedAt: at };
const newSubmission = (id) => ({ id, tenantId: T, formId: 'f', version: '1.0.0', status: 'draft', data: { id }, receipt, by: 'k', at });
const auditOf = (action) => ({ tenantId: T, at, actor: 'k', action });
const eventOf = (id, submissionId, type) => ({ id, tenantId: T, type, submissionId, at, payload: { submissionId, revision: 1 } });
const subscription = { id: 'hook', tenantId: T, url: 'https://arkiv.example.dk/hooks', events: ['*'], secret: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw', archive: false, enabled: true, source: 'api', createdAt: at, updatedAt: at };
${body}
`,
  );
  try {
    const child = spawn(process.execPath, [script], { stdio: ['ignore', 'pipe', 'inherit'] });
    const exited = new Promise<[number | null, NodeJS.Signals | null]>((resolve) =>
      child.on('exit', (code, signal) => resolve([code, signal])),
    );
    const lines: string[] = [];
    for await (const line of createInterface({ input: child.stdout })) lines.push(line);
    const [code, signal] = await exited;
    return { lines, code, signal };
  } finally {
    await rm(script, { force: true });
  }
}

/** A patch that kills the child when `fsp.<fn>` is called with a first or second argument containing `needle` (`after`: once the real call returned). */
export function killOn(
  fn: 'rename' | 'unlink' | 'open',
  needle: string,
  when: 'before' | 'after' = 'before',
  nth = 1,
): string {
  return `{
  const real = fsp.${fn};
  let seen = 0;
  fsp.${fn} = async (...args) => {
    const hit = args.slice(0, 2).some((a) => typeof a === 'string' && a.includes(${JSON.stringify(needle)})) && ++seen === ${nth};
    if (hit && ${JSON.stringify(when)} === 'before') die();
    const result = await real(...args);
    if (hit) die();
    return result;
  };
}`;
}
