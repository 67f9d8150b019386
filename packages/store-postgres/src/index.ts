export { createPostgresStore, PostgresSubmissionStore, type PostgresStoreOptions } from './store.js';
export { MIGRATIONS, migrate, type Migration } from './migrations.js';
export { DuplicateSubmissionError } from './errors.js';
export { seedPostgresStore } from './seed.js';
