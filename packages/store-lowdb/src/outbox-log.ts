import { mkdir, open, readFile, rename, truncate, unlink, type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import { StoreCorruptionError } from '@skema/core';
import { fsyncDir } from './fs-sync.js';
import { asError } from './as-error.js';

interface Queued {
  text: string;
  durable: boolean;
  resolve: () => void;
  reject: (e: unknown) => void;
}

interface Rewrite {
  /** The whole new content, produced at the moment the rewrite runs (every earlier line is in the file then). */
  lines: () => readonly unknown[];
  resolve: () => void;
  reject: (e: unknown) => void;
}

const isRewrite = (q: Queued | Rewrite): q is Rewrite => 'lines' in q;

/** Lines serialised and written at a time by a rewrite. */
const REWRITE_SLICE = 2_000;

/** Where a compaction writes the new log before renaming it over the old one. */
export const REWRITE_SUFFIX = '.compact';

/**
 * An append-only JSON-lines file with group commit: lines queued while a write runs go out together
 * in the next one, with one `fdatasync` when any of them must be durable (an event before its
 * change commits). Lines that need not be durable (a delivery's new state: losing it only repeats
 * a delivery) ride along with the next durable batch or the close. `rewrite` replaces the whole
 * file crash-safely, in turn with the appends.
 */
export class OutboxLog {
  private handle: FileHandle | undefined;
  private queue: Array<Queued | Rewrite> = [];
  private running: Promise<void> | undefined;
  /** Lines in the file (after load or the last rewrite, plus appends): compaction's measure. */
  lineCount = 0;
  failed: Error | undefined;

  constructor(readonly file: string) {}

  /** Reads every line; a torn last line (a crash during an append never acknowledged) is cut off. */
  async load(): Promise<unknown[]> {
    await mkdir(path.dirname(this.file), { recursive: true });
    // A rewrite a crash interrupted before its rename: the old file is whole and still the log.
    await unlink(`${this.file}${REWRITE_SUFFIX}`).catch((e: NodeJS.ErrnoException) => {
      if (e.code !== 'ENOENT') throw e;
    });
    let text = '';
    try {
      text = await readFile(this.file, 'utf8');
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
      await fsyncDir(path.dirname(path.dirname(this.file)));
    }
    const lines = text.split('\n');
    const values: unknown[] = [];
    let good = 0;
    for (const [i, line] of lines.entries()) {
      if (line === '') continue;
      try {
        values.push(JSON.parse(line));
        good += Buffer.byteLength(line, 'utf8') + 1;
      } catch {
        const last = i === lines.length - 1 || (i === lines.length - 2 && lines[lines.length - 1] === '');
        if (!last || text.endsWith('\n'))
          throw new StoreCorruptionError(`Damaged outbox log ${this.file}: line ${i + 1} is not JSON`, [this.file]);
        await truncate(this.file, good);
      }
    }
    this.handle = await open(this.file, 'a');
    this.lineCount = values.length;
    return values;
  }

  append(values: readonly unknown[], durable: boolean): Promise<void> {
    if (this.failed) return Promise.reject(this.failed);
    if (!this.handle) return Promise.reject(new Error('outbox log not open'));
    const text = values.map((v) => `${JSON.stringify(v)}\n`).join('');
    this.lineCount += values.length;
    const done = new Promise<void>((resolve, reject) => this.queue.push({ text, durable, resolve, reject }));
    this.running ??= this.drain();
    return done;
  }

  /**
   * Replaces the file with `lines()` (called when every line appended before is written): new file,
   * fsync, rename over the old one, fsync the folder. A crash before the rename leaves the old file
   * (the temporary one is removed at the next load); after it, the new one. Appends wait meanwhile.
   */
  rewrite(lines: () => readonly unknown[]): Promise<void> {
    if (this.failed) return Promise.reject(this.failed);
    if (!this.handle) return Promise.reject(new Error('outbox log not open'));
    const done = new Promise<void>((resolve, reject) => this.queue.push({ lines, resolve, reject }));
    this.running ??= this.drain();
    return done;
  }

  private async drain(): Promise<void> {
    while (this.queue.length > 0) {
      const first = this.queue[0];
      if (first && isRewrite(first)) {
        this.queue.shift();
        await this.runRewrite(first);
        continue;
      }
      // Appends up to the next rewrite go out together.
      const batch: Queued[] = [];
      for (const q of this.queue) {
        if (isRewrite(q)) break;
        batch.push(q);
      }
      this.queue.splice(0, batch.length);
      try {
        await this.handle!.write(batch.map((q) => q.text).join(''));
        if (batch.some((q) => q.durable)) await this.handle!.datasync();
        for (const q of batch) q.resolve();
      } catch (e) {
        this.fail(e, batch);
      }
    }
    this.running = undefined;
  }

  private async runRewrite(job: Rewrite): Promise<void> {
    const temp = `${this.file}${REWRITE_SUFFIX}`;
    let renamed = false;
    try {
      const values = job.lines();
      const next = await open(temp, 'w');
      try {
        // In slices, letting requests in between: a large log takes a while to serialise. The values
        // are the state's held objects, which are replaced on change and never changed in place.
        for (let i = 0; i < values.length; i += REWRITE_SLICE) {
          if (i > 0) await new Promise((resolve) => setImmediate(resolve));
          await next.write(
            values
              .slice(i, i + REWRITE_SLICE)
              .map((v) => `${JSON.stringify(v)}\n`)
              .join(''),
          );
        }
        await next.datasync();
      } finally {
        await next.close();
      }
      await rename(temp, this.file);
      renamed = true;
      // Until the folder is synced the rename may not survive a power cut: nothing may be appended
      // to the new file before (it could vanish with it).
      await fsyncDir(path.dirname(this.file));
      const handle = await open(this.file, 'a');
      await this.handle!.close().catch(() => undefined);
      this.handle = handle;
      this.lineCount = values.length;
      job.resolve();
    } catch (e) {
      if (renamed) {
        // Which file a restart finds is now uncertain (both are whole): stop, as after any uncertain write.
        this.fail(e, []);
        job.reject(e);
        return;
      }
      await unlink(temp).catch(() => undefined);
      // Nothing changed: the old file is still the log and appends go on.
      job.reject(e);
    }
  }

  private fail(e: unknown, batch: readonly (Queued | Rewrite)[]): void {
    this.failed = asError(e);
    for (const q of [...batch, ...this.queue]) q.reject(e);
    this.queue = [];
  }

  async close(): Promise<void> {
    await this.running;
    if (this.handle) {
      await this.handle.datasync().catch(() => undefined);
      await this.handle.close();
      this.handle = undefined;
    }
  }
}
