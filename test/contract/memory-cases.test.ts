// The in-memory CaseStore that the use-case tests use (packages/submissions/src/testing/memory-cases.ts)
// must behave like the durable stores; it has nothing to re-open.
import { createMemoryStore, MemoryCaseStore } from '@skema/server/testing';
import { runCaseContract } from './contract-cases.js';

runCaseContract('memory', async () => {
  const submissions = createMemoryStore();
  const cases = new MemoryCaseStore(submissions);
  return { store: Object.assign(cases, { queryAudit: submissions.queryAudit.bind(submissions) }), async cleanup() {} };
});
