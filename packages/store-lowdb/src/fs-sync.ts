import { open } from 'node:fs/promises';

/** fsync a directory so that a rename or unlink inside it survives a power cut. */
export async function fsyncDir(dir: string): Promise<void> {
  // Windows cannot open directories for syncing; NTFS journals renames itself.
  if (process.platform === 'win32') return;
  const handle = await open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

interface DirState {
  running?: Promise<void> | undefined;
  queued?: Promise<void> | undefined;
}

/**
 * Coalesces directory fsyncs: callers that arrive while a sync of the same directory is running
 * share one follow-up sync (which starts after their rename), instead of one sync each.
 */
export class DirSyncer {
  private readonly dirs = new Map<string, DirState>();
  /** Number of fsync calls issued; lets tests check that the durable path really runs. */
  syncCount = 0;

  sync(dir: string): Promise<void> {
    let state = this.dirs.get(dir);
    if (!state) {
      state = {};
      this.dirs.set(dir, state);
    }
    const running = state.running;
    if (!running) return this.start(dir, state);
    let queued = state.queued;
    if (!queued) {
      const s = state;
      queued = running
        .catch(() => undefined)
        .then(() => {
          s.queued = undefined;
          return this.start(dir, s);
        });
      s.queued = queued;
    }
    return queued;
  }

  private start(dir: string, state: DirState): Promise<void> {
    this.syncCount++;
    const p: Promise<void> = fsyncDir(dir).finally(() => {
      if (state.running === p) state.running = undefined;
      if (!state.running && !state.queued) this.dirs.delete(dir);
    });
    state.running = p;
    return p;
  }
}
