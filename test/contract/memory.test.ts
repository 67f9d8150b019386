// The in-memory SubmissionStore that server tests use (packages/server/src/testing/memory-store.ts).
// It is a light test double (its list order and audit scoping are simpler than the durable stores'),
// so it runs the parts of the contract the server's retention and legal-hold tests rely on.
import { describe } from 'vitest';
import { createMemoryStore } from '@skema/server/testing';
import { statusTimeContract } from './contract-status-time.js';

describe('SubmissionStore contract (status time, legal hold): memory', () => {
  const store = createMemoryStore();
  statusTimeContract(() => store);
});
