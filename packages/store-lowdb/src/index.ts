export { createLowdbStore, LowdbSubmissionStore, type LowdbStoreOptions } from './store.js';
export type { StartupReport } from './recover.js';
export { DurableJsonFile, encodeDocument, decodeDocument, type DurableJsonFileOptions, type FileStamp } from './adapter.js';
export { DataDirLock, DataDirLockedError, LOCK_FILE } from './lock.js';
export { DuplicateSubmissionError, StoreUnavailableError } from './errors.js';
export { DirSyncer, fsyncDir } from './fs-sync.js';
export { seedLowdbStore } from './seed.js';
export { docPath, shardOf } from './doc.js';
