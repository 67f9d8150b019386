import path from 'node:path';
import { DurableJsonFile } from './adapter.js';
import type { DirSyncer } from './fs-sync.js';
import { asError } from './as-error.js';

/** The last durable audit line as far as the head file knows: the log must reach at least this far. */
export interface HeadData {
  format: 1;
  seq: number;
  hash: string;
  /** The segment that holds line `seq`, to name it when it is gone. */
  segment: string | null;
}

export const HEAD_FILE = 'head.json';

/**
 * The chain's head, kept apart from the log so that a log cut short (an emptied or deleted last
 * segment) is noticed: the chain alone cannot show that lines are missing after its end. Written
 * off the write path after each durable append (coalesced: one write at a time, always the newest),
 * so it may lag the log by a batch but never runs ahead of it.
 */
export class AuditHead {
  readonly file: string;
  private latest: HeadData | undefined;
  private written = -1;
  private running: Promise<void> | undefined;
  /** The last failed head write, if any (the log itself is fine; the next write retries). */
  lastError: Error | undefined;

  constructor(
    auditDir: string,
    private readonly dirSyncer: DirSyncer,
  ) {
    this.file = path.join(auditDir, HEAD_FILE);
  }

  /** The head on disk, null when there is none; a damaged file throws `StoreCorruptionError`. */
  read(): Promise<HeadData | null> {
    return new DurableJsonFile<HeadData>(this.file).read();
  }

  /** Line `seq` with hash `hash` in `segment` is durable. */
  note(seq: number, hash: string, segment: string | null): void {
    this.latest = { format: 1, seq, hash, segment };
    this.running ??= this.drain().finally(() => {
      this.running = undefined;
    });
  }

  /** Writes the newest noted head now (start-up and close) and waits for it. */
  async flush(): Promise<void> {
    await this.running;
    if (this.latest && this.latest.seq !== this.written) await this.drain();
    if (this.lastError) throw this.lastError;
  }

  private async drain(): Promise<void> {
    while (this.latest && this.latest.seq !== this.written) {
      const head = this.latest;
      try {
        await new DurableJsonFile<HeadData>(this.file, { dirSyncer: this.dirSyncer }).write(head);
        this.written = head.seq;
        this.lastError = undefined;
      } catch (error) {
        this.lastError = asError(error);
        return;
      }
    }
  }
}
