export { createPostgresStore, PostgresSubmissionStore, type PostgresStoreOptions } from './store.js';
export { MIGRATIONS, migrate, type Migration } from './migrations.js';
// The error of the core store contract, re-exported for callers that imported it from here.
export { DuplicateSubmissionError } from '@skema/core';
export { seedPostgresStore } from './seed.js';
export { PostgresBlobStore } from './blobs.js';
