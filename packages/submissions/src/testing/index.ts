export { MemorySubmissionStore, createMemoryStore } from './memory-store.js';
