import type { NewSubmission } from '@skema/core';
import { PostgresSubmissionStore } from './store.js';
import type { PostgresStoreOptions } from './store.js';

/** Fills a schema with `count` submissions by multi-row inserts (no audit rows). For benchmarks and tests only. */
export async function seedPostgresStore(
  options: PostgresStoreOptions,
  count: number,
  make: (i: number) => NewSubmission,
): Promise<void> {
  const store = new PostgresSubmissionStore(options);
  try {
    await store.init();
    await store.unsafeBulkSeed(count, make);
  } finally {
    await store.close();
  }
}
