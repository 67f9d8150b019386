import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The built API, as `npm start` runs it. */
export const API_MAIN = resolve(fileURLToPath(new URL('.', import.meta.url)), '../../apps/api/dist/main.js');

export async function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const srv = createServer();
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      srv.close(() => (typeof address === 'object' && address ? ok(address.port) : fail(new Error('no port'))));
    });
  });
}

export interface RunningApi {
  child: ChildProcess;
  base: string;
  output: () => string;
}

const children = new Set<ChildProcess>();

/** Kills every API process these helpers started (for `afterAll`: a failed assertion must not leave one behind). */
export function killAllApis(): void {
  for (const child of children) child.kill('SIGKILL');
}

/**
 * Starts `apps/api` in development mode (documented dev keys) on a free port and waits until
 * `/readyz` answers 200. `env` is added to the test's environment; SKEMA_CONFIG and DATABASE_URL
 * are removed unless given.
 */
export async function startApi(env: NodeJS.ProcessEnv): Promise<RunningApi> {
  const port = await freePort();
  // No development OpenID Provider: several of these processes run at once, and it would want the same port.
  const full: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(port),
    HOST: '127.0.0.1',
    LOG_LEVEL: 'warn',
    NODE_ENV: 'development',
    SKEMA_DEV_IDP: 'off',
  };
  delete full.SKEMA_CONFIG;
  delete full.DATABASE_URL;
  Object.assign(full, env);
  const child = spawn(process.execPath, [API_MAIN], { env: full, stdio: ['ignore', 'pipe', 'pipe'] });
  children.add(child);
  child.once('exit', () => children.delete(child));
  let output = '';
  child.stdout.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr.on('data', (d: Buffer) => (output += d.toString()));
  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`api exited with ${child.exitCode}: ${output}`);
    try {
      const res = await fetch(`${base}/readyz`);
      if (res.status === 200) return { child, base, output: () => output };
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  child.kill('SIGKILL');
  throw new Error(`api did not become ready: ${output}`);
}
