// The in-memory SubmissionStore that server and submissions tests use (packages/submissions/src/testing/memory-store.ts)
// must behave like the durable stores, or server tests prove less than they seem to; it has no
// storage to re-open, so it is not asked to survive a re-open.
import { createMemoryStore } from '@skema/server/testing';
import { runStoreContract } from './store-contract.js';

runStoreContract('memory', async () => ({ store: createMemoryStore(), async cleanup() {} }), { durable: false });
