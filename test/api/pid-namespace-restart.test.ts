import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

/**
 * Issue #11, "Restart in a container": the API runs as PID 1 of its own PID namespace (as in a
 * container), is killed with SIGKILL and started again the same way. The new process is PID 1 too,
 * so a lock that only records the pid looks held by a live process (itself) and the restart was
 * refused. Run as `unshare --pid --fork node apps/api/dist/main.js`, exactly as the probe did.
 */

const API_MAIN = resolve(fileURLToPath(new URL('.', import.meta.url)), '../../apps/api/dist/main.js');
const probe = spawnSync('unshare', [
  '--pid',
  '--fork',
  process.execPath,
  '-e',
  'process.exit(process.pid === 1 ? 0 : 3)',
]);
const unshareWorks = probe.status === 0;
if (!unshareWorks && process.env.CI) {
  throw new Error(
    `unshare --pid --fork is unavailable but CI is set (${probe.error?.message ?? probe.stderr.toString().trim()})`,
  );
}

const root = mkdtempSync(join(tmpdir(), 'skema-pid1-'));
const children = new Set<ChildProcess>();
afterAll(() => {
  for (const child of children) killNamespace(child);
  rmSync(root, { recursive: true, force: true });
});

function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const srv = createServer();
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      srv.close(() => (typeof address === 'object' && address ? ok(address.port) : fail(new Error('no port'))));
    });
  });
}

/** The host pid of the namespace's PID 1: the one child of the `unshare` process. */
function pidOneOf(child: ChildProcess): number {
  const text = readFileSync(`/proc/${child.pid}/task/${child.pid}/children`, 'utf8').trim();
  return Number(text.split(' ')[0]);
}

function killNamespace(child: ChildProcess): void {
  try {
    process.kill(pidOneOf(child), 'SIGKILL');
  } catch {
    /* already gone */
  }
  child.kill('SIGKILL');
}

async function startAsPidOne(dataDir: string): Promise<{ child: ChildProcess; base: string; output: () => string }> {
  const port = await freePort();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(port),
    HOST: '127.0.0.1',
    LOG_LEVEL: 'info',
    NODE_ENV: 'development',
    DATA_DIR: dataDir,
    RETENTION_INTERVAL_MS: '0',
  };
  delete env.SKEMA_CONFIG;
  delete env.DATABASE_URL;
  const child = spawn('unshare', ['--pid', '--fork', process.execPath, API_MAIN], {
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.add(child);
  child.once('exit', () => children.delete(child));
  let output = '';
  child.stdout.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr.on('data', (d: Buffer) => (output += d.toString()));
  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`api exited with ${child.exitCode}: ${output}`);
    const ready = await fetch(`${base}/readyz`).then(
      (r) => r.status === 200,
      () => false,
    );
    if (ready) return { child, base, output: () => output };
    await new Promise((r) => setTimeout(r, 200));
  }
  killNamespace(child);
  throw new Error(`api did not become ready: ${output}`);
}

describe.skipIf(!unshareWorks)(
  `restart as PID 1 in a new PID namespace${unshareWorks ? '' : ' (skipped: unshare --pid --fork is unavailable here; it needs root)'}`,
  () => {
    it('starts again after SIGKILL although the new process has the old pid, and logs the takeover', async () => {
      const dataDir = join(root, 'data');
      const first = await startAsPidOne(dataDir);
      const lock = JSON.parse(readFileSync(join(dataDir, 'skema.lock'), 'utf8')) as { pid: number };
      expect(lock.pid).toBe(1);
      const exited = new Promise((r) => first.child.once('exit', r));
      process.kill(pidOneOf(first.child), 'SIGKILL');
      await exited;

      const second = await startAsPidOne(dataDir);
      try {
        expect(second.output()).not.toMatch(/DataDirLockedError/);
        // apps/api logs the store's start-up report: here, the lock taken over from the killed PID 1.
        expect(second.output()).toMatch(/"msg":"store opened"/);
        expect(second.output()).toMatch(/"tookOverLockFromPid":1/);
        const headers = { Authorization: 'Bearer skema-dev-key' };
        expect((await fetch(`${second.base}/api/v1/audit`, { headers })).status).toBe(200);
      } finally {
        const gone = new Promise((r) => second.child.once('exit', r));
        killNamespace(second.child);
        await gone;
      }
    }, 180_000);
  },
);
