import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { NewSubmission } from '@skema/core';
import type { FileStamp } from './adapter.js';
import { DurableJsonFile } from './adapter.js';
import type { SubmissionDoc } from './doc.js';
import { docPath } from './doc.js';
import { newSubmission } from './records.js';
import { entryFromDoc } from './startup.js';
import type { IndexEntry } from './submission-index.js';
import { LowdbSubmissionStore } from './store.js';

/**
 * Fills a data folder with `count` submissions quickly (parallel writes, no fsync, no audit lines)
 * and leaves a snapshot, as a long-running store would. For benchmarks and tests only.
 */
export async function seedLowdbStore(
  dataDir: string,
  count: number,
  make: (i: number) => NewSubmission,
  concurrency = 32,
): Promise<void> {
  const store = new LowdbSubmissionStore({ dataDir });
  await store.init();
  try {
    const shards = new Set<string>();
    const entries: IndexEntry[] = [];
    let next = 0;
    const worker = async (): Promise<void> => {
      while (next < count) {
        const { submission, revision } = newSubmission(make(next++));
        const doc: SubmissionDoc = {
          format: 1,
          submission,
          revisions: [revision],
          journal: [{ revision: 1, seq: 0, auditId: '' }],
        };
        const file = docPath(store.dataDir, submission.id);
        if (!shards.has(path.dirname(file))) {
          await mkdir(path.dirname(file), { recursive: true });
          shards.add(path.dirname(file));
        }
        let stamp: FileStamp | undefined;
        await new DurableJsonFile<SubmissionDoc>(file, { unsafeNoSync: true, onCommitted: (s) => (stamp = s) }).write(
          doc,
        );
        if (stamp) entries.push(entryFromDoc(doc, stamp));
      }
    };
    await Promise.all(Array.from({ length: concurrency }, worker));
    store.adoptSeeded(entries);
  } finally {
    await store.close();
  }
}
