import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { hostname, tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DataDirLockedError, LOCK_FILE } from './lock.js';
import { ownIdentity } from './process-identity.js';
import { createLowdbStore } from './store.js';

let dataDir: string;
beforeEach(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'skema-lock-'));
});
afterEach(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

/** A pid that belonged to a process which has exited. */
async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ['-e', '']);
  const pid = child.pid as number;
  await new Promise((resolve) => child.on('exit', resolve));
  return pid;
}

describe('data folder lock', () => {
  it('refuses a second store on the same folder with a clear message, and frees it on close', async () => {
    const first = createLowdbStore({ dataDir });
    await first.init();
    const lock = JSON.parse(await readFile(path.join(dataDir, LOCK_FILE), 'utf8'));
    expect(lock).toMatchObject({ pid: process.pid, hostname: hostname() });

    const second = createLowdbStore({ dataDir });
    const error = await second.init().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DataDirLockedError);
    expect((error as Error).message).toContain(
      `Another Skema process (pid ${process.pid}) holds the data folder ${dataDir}`,
    );
    await expect(second.get('t', 'x')).rejects.toThrow(/not initialised|closed/);

    await first.close();
    const third = createLowdbStore({ dataDir });
    await third.init();
    await third.close();
  });

  it('refuses a lock held by another live process', async () => {
    const child = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)']);
    try {
      await writeFile(
        path.join(dataDir, LOCK_FILE),
        JSON.stringify({ pid: child.pid, hostname: hostname(), startedAt: 'x', token: 't' }),
      );
      await expect(createLowdbStore({ dataDir }).init()).rejects.toThrow(
        `Another Skema process (pid ${child.pid}) holds the data folder`,
      );
    } finally {
      child.kill();
    }
  });

  it('takes over the lock of a dead process (crash, kill -9)', async () => {
    const pid = await deadPid();
    await writeFile(
      path.join(dataDir, LOCK_FILE),
      JSON.stringify({ pid, hostname: hostname(), startedAt: 'x', token: 'old' }),
    );
    const store = createLowdbStore({ dataDir });
    await store.init();
    expect(store.startupReport?.tookOverLockFromPid).toBe(pid);
    expect(JSON.parse(await readFile(path.join(dataDir, LOCK_FILE), 'utf8')).pid).toBe(process.pid);
    await store.close();
  });

  it('takes over a lock whose pid is in use again by another process (restart in a container, PID 1)', async () => {
    // The old holder had our pid (as PID 1 of a restarted container has) but started at another time.
    const own = ownIdentity();
    const lock = {
      pid: process.pid,
      hostname: hostname(),
      startedAt: 'x',
      token: 'old',
      ...(own ? { process: { ...own, startTime: '1' } } : {}),
    };
    await writeFile(path.join(dataDir, LOCK_FILE), JSON.stringify(lock));
    const store = createLowdbStore({ dataDir });
    await store.init();
    expect(store.startupReport?.tookOverLockFromPid).toBe(process.pid);
    await store.close();
  });

  it('takes over an empty lock file left by a crash during its creation', async () => {
    const file = path.join(dataDir, LOCK_FILE);
    await writeFile(file, '');
    const old = new Date(Date.now() - 60_000);
    const { utimes } = await import('node:fs/promises');
    await utimes(file, old, old);
    const store = createLowdbStore({ dataDir });
    await store.init();
    await store.close();
  });

  it('refuses a lock from another host, whose liveness it cannot check', async () => {
    await writeFile(
      path.join(dataDir, LOCK_FILE),
      JSON.stringify({ pid: 1, hostname: 'other-host.example', startedAt: 'x', token: 't' }),
    );
    await expect(createLowdbStore({ dataDir }).init()).rejects.toThrow(/pid 1 on host other-host\.example/);
  });

  it('removes only its own lock on close', async () => {
    const store = createLowdbStore({ dataDir });
    await store.init();
    await store.close();
    await expect(readFile(path.join(dataDir, LOCK_FILE))).rejects.toMatchObject({ code: 'ENOENT' });
  });
});
