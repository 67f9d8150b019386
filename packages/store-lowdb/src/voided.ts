import { rename } from 'node:fs/promises';
import path from 'node:path';
import { DurableJsonFile } from './adapter.js';
import type { AuditLog } from './audit-log.js';
import { INDEX_DIR } from './snapshot.js';

interface LegacyVoidedFile {
  format: 1;
  ids: string[];
}

/**
 * Audit entries whose write never committed (the intent reached the log, the file did not). They
 * are voided by a `void` line in the audit chain itself, so the set cannot be lost or edited on its
 * own: deleting a file cannot bring them back as real entries, and hiding a real entry would mean
 * breaking the chain. Only crashes and I/O errors add to it.
 */
export class VoidedEntries {
  readonly ids = new Set<string>();
  /** The ids a `void` line in the log covers (`ids` also holds those hidden in this run only). */
  private readonly logged = new Set<string>();
  /** Where versions before the chain kept the set; imported into the log once, then renamed. */
  readonly legacyFile: string;

  constructor(
    dataDir: string,
    private readonly audit: AuditLog,
    private readonly nextSeq: () => number,
  ) {
    this.legacyFile = path.join(dataDir, INDEX_DIR, 'voided-audit.json');
  }

  /** The ids the log voids, as the start-up scan found them. */
  load(ids: Iterable<string>): void {
    for (const id of ids) {
      this.ids.add(id);
      this.logged.add(id);
    }
  }

  /** Hides the entries now and records the voiding in the log. */
  async add(ids: string[]): Promise<void> {
    const fresh = [...new Set(ids)].filter((id) => !this.logged.has(id));
    if (fresh.length === 0) return;
    for (const id of fresh) {
      this.ids.add(id);
      this.logged.add(id);
    }
    await this.audit.append({ seq: this.nextSeq(), void: fresh });
  }

  /** Hides entries in this run only (the log takes no writes): the next start voids them again. */
  hide(ids: string[]): void {
    for (const id of ids) this.ids.add(id);
  }

  /** The ids of a `voided-audit.json` from before the chain, or none. A damaged one stops start-up. */
  async readLegacy(): Promise<string[]> {
    const data = await new DurableJsonFile<LegacyVoidedFile>(this.legacyFile).read();
    return data?.ids ?? [];
  }

  /** After its ids are voided in the log, the old file is never read again (an edited copy could hide real entries). */
  async retireLegacy(): Promise<void> {
    await rename(this.legacyFile, `${this.legacyFile}.imported`).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== 'ENOENT') throw error;
    });
  }
}
