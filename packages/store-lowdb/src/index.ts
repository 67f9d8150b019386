export { createLowdbStore, LowdbSubmissionStore, type LowdbStoreOptions } from './store.js';
export type { StartupReport } from './recover.js';
export {
  DurableJsonFile,
  encodeDocument,
  decodeDocument,
  type DurableJsonFileOptions,
  type FileStamp,
} from './adapter.js';
export { DataDirLock, DataDirLockedError, LOCK_FILE } from './lock.js';
export { StoreUnavailableError } from './errors.js';
// The error of the core store contract, re-exported for callers that imported it from here.
export { DuplicateSubmissionError } from '@skema/core';
export { DirSyncer, fsyncDir } from './fs-sync.js';
export { seedLowdbStore } from './seed.js';
export { docPath, shardOf } from './doc.js';
export { FileBlobStore, createFileBlobStore, BLOBS_DIR } from './blobs.js';
export type { CompactionReport } from './outbox.js';
export type { OutboxCompactionOptions } from './outbox-compaction.js';
