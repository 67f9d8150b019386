import path from 'node:path';
import { DurableJsonFile } from './adapter.js';
import type { DirSyncer } from './fs-sync.js';
import { KeyedMutex } from './mutex.js';
import { INDEX_DIR } from './snapshot.js';

interface VoidedFile {
  format: 1;
  ids: string[];
}

/**
 * Audit entries whose write never committed (the intent reached the log, the file did not). The
 * log stays append-only; these ids are hidden from queries. Only crashes and I/O errors add to it.
 */
export class VoidedEntries {
  readonly ids = new Set<string>();
  private readonly file: string;
  private readonly mutex = new KeyedMutex();

  constructor(
    dataDir: string,
    private readonly dirSyncer: DirSyncer,
  ) {
    this.file = path.join(dataDir, INDEX_DIR, 'voided-audit.json');
  }

  async load(): Promise<void> {
    // Damage here is reported like damage to a submission: losing it would show aborted writes as real.
    const data = await new DurableJsonFile<VoidedFile>(this.file).read();
    for (const id of data?.ids ?? []) this.ids.add(id);
  }

  add(ids: string[]): Promise<void> {
    return this.mutex.run('voided', async () => {
      const all = [...new Set([...this.ids, ...ids])];
      await new DurableJsonFile<VoidedFile>(this.file, { dirSyncer: this.dirSyncer }).write({ format: 1, ids: all });
      for (const id of ids) this.ids.add(id);
    });
  }
}
