// The in-memory FormConfigStore that server tests use (packages/server/src/testing/memory-form-config-store.ts)
// must behave like the durable stores; it has no storage to re-open, so it is not asked to survive a re-open.
import { createMemoryFormConfigStore } from '@skema/server/testing';
import { runFormConfigContract } from './contract-form-config.js';

runFormConfigContract(
  'memory',
  async () => {
    const store = createMemoryFormConfigStore();
    return {
      store,
      audit: async (tenantId) => (await store.queryAudit(tenantId, { limit: 100 })).items,
      async cleanup() {},
    };
  },
  { durable: false },
);
