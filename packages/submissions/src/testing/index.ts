export { MemorySubmissionStore, createMemoryStore } from './memory-store.js';
export { MemoryCaseStore } from './memory-cases.js';
export { MemoryBlobStore } from './memory-blobs.js';
