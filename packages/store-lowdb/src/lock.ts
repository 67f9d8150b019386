import { hostname } from 'node:os';
import { open, readFile, rename, stat, unlink } from 'node:fs/promises';
import path from 'node:path';
import { fsyncDir } from './fs-sync.js';
import type { ProcessIdentity } from './process-identity.js';
import { identityOf, ownIdentity } from './process-identity.js';

export const LOCK_FILE = 'skema.lock';

interface LockContent {
  pid: number;
  hostname: string;
  startedAt: string;
  token: string;
  /** Who holds it beyond the pid, which a container restart or a new PID namespace reuses (absent in old lock files). */
  process?: ProcessIdentity;
}

/** Thrown when another live process holds the data folder. */
export class DataDirLockedError extends Error {
  override readonly name = 'DataDirLockedError';
  constructor(
    message: string,
    readonly pid: number,
    readonly host: string,
  ) {
    super(message);
  }
}

function pidAnswers(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function parseLock(text: string): LockContent | undefined {
  try {
    const value = JSON.parse(text) as Partial<LockContent>;
    if (typeof value.pid === 'number' && typeof value.hostname === 'string') return value as LockContent;
  } catch {
    /* unreadable lock: a crash during creation */
  }
  return undefined;
}

/**
 * Whether the holder of a lock on this host still runs. A pid alone is not enough: after a restart
 * in a container (or any new PID namespace) the new process often gets the very pid the old one had,
 * e.g. 1, so the pid answers although its holder is gone. The lock therefore also records the
 * holder's identity (boot id, pid in /proc, start time); the holder lives only if a process with that
 * pid and that start time exists in this boot.
 */
function holderAlive(other: LockContent): boolean {
  const own = ownIdentity();
  if (other.process && own) {
    if (other.process.bootId !== own.bootId) return false; // written before a reboot
    return identityOf(other.process.procPid)?.startTime === other.process.startTime;
  }
  // An old lock file (or no /proc): our own pid is held by us, not by a process we could be waiting for.
  if (other.pid === process.pid) return false;
  return pidAnswers(other.pid);
}

/**
 * One process per data folder: an exclusive lock file holding pid, host and process identity. A lock
 * left by a dead process on this host (crash, kill -9, a restarted container) is taken over; a live
 * one is refused with a clear message.
 */
export class DataDirLock {
  private readonly file: string;
  private readonly token = `${process.pid}-${Date.now()}-${Math.random().toString(36).slice(2)}`;
  private held = false;

  constructor(private readonly dataDir: string) {
    this.file = path.join(dataDir, LOCK_FILE);
  }

  async acquire(): Promise<{ tookOverFromPid?: number }> {
    const content: LockContent = {
      pid: process.pid,
      hostname: hostname(),
      startedAt: new Date().toISOString(),
      token: this.token,
    };
    const identity = ownIdentity();
    if (identity) content.process = identity;
    let tookOver: number | undefined;
    for (let attempt = 0; attempt < 10; attempt++) {
      if (await this.tryCreate(content)) return tookOver === undefined ? {} : { tookOverFromPid: tookOver };
      const text = await readFile(this.file, 'utf8').catch(() => '');
      const other = parseLock(text);
      if (other) this.refuseIfLive(other);
      else if (await this.isFresh()) {
        // Another process is between creating and filling its lock: give it a moment.
        await new Promise((resolve) => setTimeout(resolve, 100));
        continue;
      }
      // Stale: move it aside atomically, then check we moved the stale one and not a fresh lock
      // that another starting process wrote in between.
      const aside = `${this.file}.stale-${process.pid}-${attempt}`;
      try {
        await rename(this.file, aside);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') continue;
        throw error;
      }
      const moved = await readFile(aside, 'utf8').catch(() => '');
      if (moved !== text) {
        await rename(aside, this.file).catch(() => undefined);
        continue;
      }
      await unlink(aside).catch(() => undefined);
      if (other) tookOver = other.pid;
    }
    throw new Error(`Could not acquire the lock ${this.file}; another process keeps recreating it`);
  }

  private async tryCreate(content: LockContent): Promise<boolean> {
    let handle;
    try {
      handle = await open(this.file, 'wx');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
      throw error;
    }
    try {
      await handle.writeFile(JSON.stringify(content));
      await handle.sync();
    } finally {
      await handle.close();
    }
    await fsyncDir(this.dataDir);
    this.held = true;
    return true;
  }

  private async isFresh(): Promise<boolean> {
    try {
      return Date.now() - (await stat(this.file)).mtimeMs < 2000;
    } catch {
      return false;
    }
  }

  private refuseIfLive(other: LockContent): void {
    const sameHost = other.hostname === hostname();
    if (sameHost && !holderAlive(other)) return;
    const where = sameHost ? '' : ` on host ${other.hostname}`;
    const advice = sameHost
      ? 'Stop that process first, or give this one another DATA_DIR.'
      : 'Its liveness cannot be checked from here; if you are sure it is gone, delete the lock file.';
    throw new DataDirLockedError(
      `Another Skema process (pid ${other.pid}${where}) holds the data folder ${this.dataDir} (lock file ${this.file}). ${advice}`,
      other.pid,
      other.hostname,
    );
  }

  async release(): Promise<void> {
    if (!this.held) return;
    this.held = false;
    const current = parseLock(await readFile(this.file, 'utf8').catch(() => ''));
    // Only remove our own lock; never one a later owner wrote.
    if (current?.token === this.token) await unlink(this.file).catch(() => undefined);
  }
}
