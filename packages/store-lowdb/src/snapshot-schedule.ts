import type { DirSyncer } from './fs-sync.js';
import { shardDirTimes, writeSnapshot } from './snapshot.js';
import type { SubmissionIndex } from './submission-index.js';

/** What a snapshot is taken of: the index as it is now and the highest seq surely on disk. */
export interface SnapshotSource {
  readonly dataDir: string;
  readonly submissionsDir: string;
  readonly dirSyncer: DirSyncer;
  index(): SubmissionIndex;
  settledSeq(): number;
}

/** When the index snapshot is rewritten: in the background every `snapshotEvery` writes, and on demand at start-up and close. */
export class SnapshotSchedule {
  private writesSinceSnapshot = 0;
  /** The seq the snapshot on disk vouches for; close() skips an identical rewrite. */
  private snapshotSeq = -1;
  private snapshotting: Promise<void> | undefined;

  constructor(
    private readonly source: SnapshotSource,
    private readonly options: { snapshotEvery?: number },
  ) {}

  /** The background snapshot being written, if any. */
  get running(): Promise<void> | undefined {
    return this.snapshotting;
  }

  /** The snapshot on disk already vouches for `seq` (start-up changed nothing). */
  trust(seq: number): void {
    this.snapshotSeq = seq;
  }

  isStale(seq: number): boolean {
    return this.writesSinceSnapshot > 0 || this.snapshotSeq !== seq;
  }

  afterWrite(): void {
    this.writesSinceSnapshot++;
    if (this.writesSinceSnapshot >= (this.options.snapshotEvery ?? 20_000) && !this.snapshotting) {
      this.snapshotting = this.writeNow()
        .catch(() => undefined) // derived data: a failed snapshot only makes the next start-up slower
        .finally(() => {
          this.snapshotting = undefined;
        });
    }
  }

  async writeNow(): Promise<void> {
    this.writesSinceSnapshot = 0;
    const seq = this.source.settledSeq();
    const shards = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));
    const dirs = await shardDirTimes(this.source.submissionsDir, shards);
    await writeSnapshot(this.source.dataDir, this.source.index(), seq, dirs, this.source.dirSyncer);
    this.snapshotSeq = seq;
  }
}
