import { afterAll, beforeAll, describe } from 'vitest';
import { approvalsContract } from './contract-approvals.js';
import { auditContract } from './contract-audit.js';
import { auditChainContract } from './contract-audit-chain.js';
import { concurrencyContract, durabilityContract, idempotencyContract } from './contract-concurrency.js';
import { crudContract } from './contract-crud.js';
import { listContract } from './contract-list.js';
import { searchContract } from './contract-search.js';
import { outboxContract, outboxDurabilityContract } from './contract-outbox.js';
import { referenceDateContract } from './contract-reference-date.js';
import { statusTimeContract } from './contract-status-time.js';
import type { MakeStore, StoreHarness } from './fixtures.js';

export type { MakeStore, StoreHarness } from './fixtures.js';

/**
 * The behaviour every SubmissionStore must show. `makeStore` returns an initialised store. A durable
 * store also runs the durability test, which needs the harness's `reopen` (close, then open a new
 * instance on the same storage). Tests share one store and isolate themselves with a fresh tenant each.
 */
export function runStoreContract(name: string, makeStore: MakeStore, options: { durable: boolean }): void {
  describe(`SubmissionStore contract: ${name}`, () => {
    let harness: StoreHarness | undefined;
    const current = (): StoreHarness => {
      if (!harness) throw new Error('store not created');
      return harness;
    };
    beforeAll(async () => {
      harness = await makeStore();
    });
    afterAll(async () => {
      await harness?.cleanup();
    });
    const store = () => current().store;
    crudContract(store);
    listContract(store);
    searchContract(store);
    auditContract(store);
    auditChainContract(store, current, options.durable);
    statusTimeContract(store);
    referenceDateContract(store);
    approvalsContract(store);
    idempotencyContract(store);
    concurrencyContract(store);
    outboxContract(store);
    // A store with nothing to re-open (the in-memory test double) has no durability to show.
    if (options.durable) durabilityContract(current);
    if (options.durable) describe('outbox durability', () => outboxDurabilityContract(current));
  });
}
