import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

/** The built API, as `npm start` runs it. */
const API_MAIN = resolve(fileURLToPath(new URL('.', import.meta.url)), '../../apps/api/dist/main.js');

const dataDir = mkdtempSync(join(tmpdir(), 'skema-port-taken-'));
let occupier: Server | undefined;

afterAll(async () => {
  await new Promise((r) => (occupier ? occupier.close(r) : r(undefined)));
  rmSync(dataDir, { recursive: true, force: true });
});

describe('apps/api on a port that is taken', () => {
  // It used to log «Skema API listening» and exit 0, so a supervisor saw a clean stop.
  it('exits non-zero with a clear message and never says it is listening', async () => {
    occupier = createServer();
    const port = await new Promise<number>((ok) =>
      occupier!.listen(0, '127.0.0.1', () => ok((occupier!.address() as { port: number }).port)),
    );
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      NODE_ENV: 'development',
      RETENTION_INTERVAL_MS: '0',
    };
    delete env.SKEMA_CONFIG;
    delete env.DATABASE_URL;
    const child = spawn(process.execPath, [API_MAIN], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    const code = await new Promise<number | null>((ok) => child.once('exit', ok));
    expect(code).not.toBe(0);
    expect(code).not.toBeNull();
    expect(output).toContain(`port ${port} on 127.0.0.1 is already in use`);
    expect(output).not.toContain('Skema API listening');
  }, 60_000);
});
