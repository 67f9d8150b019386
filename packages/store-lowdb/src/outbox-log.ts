import { mkdir, open, readFile, truncate, type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import { StoreCorruptionError } from '@skema/core';
import { fsyncDir } from './fs-sync.js';

interface Queued {
  text: string;
  durable: boolean;
  resolve: () => void;
  reject: (e: unknown) => void;
}

/**
 * An append-only JSON-lines file with group commit: lines queued while a write runs go out together
 * in the next one, with one `fdatasync` when any of them must be durable (an event before its
 * change commits). Lines that need not be durable (a delivery's new state: losing it only repeats
 * a delivery) ride along with the next durable batch or the close.
 */
export class OutboxLog {
  private handle: FileHandle | undefined;
  private queue: Queued[] = [];
  private running: Promise<void> | undefined;
  failed: unknown;

  constructor(readonly file: string) {}

  /** Reads every line; a torn last line (a crash during an append never acknowledged) is cut off. */
  async load(): Promise<unknown[]> {
    await mkdir(path.dirname(this.file), { recursive: true });
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
        if (!last || text.endsWith('\n')) throw new StoreCorruptionError(`Damaged outbox log ${this.file}: line ${i + 1} is not JSON`, [this.file]);
        await truncate(this.file, good);
      }
    }
    this.handle = await open(this.file, 'a');
    return values;
  }

  append(values: readonly unknown[], durable: boolean): Promise<void> {
    if (this.failed) return Promise.reject(this.failed);
    if (!this.handle) return Promise.reject(new Error('outbox log not open'));
    const text = values.map((v) => `${JSON.stringify(v)}\n`).join('');
    const done = new Promise<void>((resolve, reject) => this.queue.push({ text, durable, resolve, reject }));
    this.running ??= this.drain();
    return done;
  }

  private async drain(): Promise<void> {
    while (this.queue.length > 0) {
      const batch = this.queue;
      this.queue = [];
      try {
        await this.handle!.write(batch.map((q) => q.text).join(''));
        if (batch.some((q) => q.durable)) await this.handle!.datasync();
        for (const q of batch) q.resolve();
      } catch (e) {
        this.failed = e;
        for (const q of [...batch, ...this.queue]) q.reject(e);
        this.queue = [];
      }
    }
    this.running = undefined;
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
