import { randomUUID } from 'node:crypto';
import type { AuditEntry, NewSubmission, SubmissionChange, SubmissionStore, ValidationReceipt } from '@skema/core';

/** What a store's test file hands the contract. `reopen` (durable stores only) closes the store and opens a new instance on the same storage. */
export interface StoreHarness {
  store: SubmissionStore;
  cleanup(): Promise<void>;
  reopen?(): Promise<SubmissionStore>;
}

export type MakeStore = () => Promise<StoreHarness>;

/** A fresh tenant per test keeps tests independent while they share one store. */
export function tenant(): string {
  return `tenant-${randomUUID().slice(0, 8)}`;
}

export function receipt(formId = 'underretning', version = '1.0.0'): ValidationReceipt {
  return {
    formId,
    version,
    schemaHash: `sha256-${formId}-${version}`,
    plugins: [{ name: 'dk-core', version: '1.0.0' }],
    validatedAt: '2025-03-01T09:00:00.000Z',
  };
}

/** About 1 KB of fictitious form data; no real names or CPR numbers. */
export function sampleData(n = 0): Record<string, unknown> {
  return {
    henvender: { rolle: 'fagperson', organisation: 'Testskolen', telefon: '12345678' },
    barn: { fornavn: 'Testbarn', alder: 7 + (n % 10), skole: 'Testskolen' },
    bekymring: 'Fiktiv beskrivelse til test. '.repeat(20),
    samtykke: { givet: true, dato: '2025-02-27' },
    tal: [n, n + 1, n + 2],
  };
}

export function newSubmission(tenantId: string, overrides: Partial<NewSubmission> = {}): NewSubmission {
  const formId = overrides.formId ?? 'underretning';
  const version = overrides.version ?? '1.0.0';
  return {
    id: randomUUID(),
    tenantId,
    formId,
    version,
    status: 'submitted',
    data: sampleData(),
    receipt: receipt(formId, version),
    by: 'api-key-1',
    at: '2025-03-01T09:00:00.000Z',
    ...overrides,
  };
}

export function auditOf(
  tenantId: string,
  action: AuditEntry['action'],
  at = '2025-03-01T09:00:00.000Z',
  submissionId?: string,
): Omit<AuditEntry, 'id'> {
  return {
    tenantId,
    at,
    actor: 'api-key-1',
    action,
    ...(submissionId ? { submissionId } : {}),
    details: { note: action },
  };
}

export function change(expectedRevision: number, overrides: Partial<SubmissionChange> = {}): SubmissionChange {
  return {
    expectedRevision,
    receipt: receipt(),
    action: 'update',
    changes: [{ op: 'replace', path: '/barn/alder', value: 9 }],
    by: 'api-key-2',
    at: '2025-03-02T10:00:00.000Z',
    ...overrides,
  };
}

/** Sets or releases a legal hold: action `legal-hold`, nothing else changed. */
export function holdChange(
  expectedRevision: number,
  legalHold: boolean,
  overrides: Partial<SubmissionChange> = {},
): SubmissionChange {
  return change(expectedRevision, { action: 'legal-hold', legalHold, changes: [], ...overrides });
}

/** ISO instant `minutes` after a fixed base, so tests control updatedAt ordering. */
export function minute(minutes: number): string {
  return new Date(Date.UTC(2025, 2, 1, 8, 0, 0) + minutes * 60_000).toISOString();
}

/**
 * The harness of a durable store: `reopen` closes the store and opens a new instance on the same
 * storage, `cleanup` closes it and removes the storage. `audit` reads the current instance's log.
 */
export async function durableHarness<S extends Pick<SubmissionStore, 'queryAudit'> & { close(): Promise<void> }>(
  open: () => Promise<S>,
  removeStorage: () => Promise<void>,
) {
  const harness = {
    store: await open(),
    async reopen(): Promise<S> {
      await harness.store.close();
      harness.store = await open();
      return harness.store;
    },
    async cleanup(): Promise<void> {
      await harness.store.close();
      await removeStorage();
    },
    audit: async (tenantId: string): Promise<AuditEntry[]> =>
      (await harness.store.queryAudit(tenantId, { limit: 1000 })).items,
  };
  return harness;
}
