import type { AuditEntry, FormConfigStore, TenantFormRecord } from '@skema/core';

/** What a store's test file hands the form configuration contract. */
export interface FormConfigHarness {
  store: FormConfigStore;
  /** The tenant's audit entries, oldest first (the store's shared audit log). */
  audit(tenantId: string): Promise<AuditEntry[]>;
  cleanup(): Promise<void>;
  /** Closes the store and opens a new instance on the same storage (durable stores only). */
  reopen?(): Promise<FormConfigStore>;
  /** Another instance on the same storage, for races between processes (PostgreSQL). */
  another?(): Promise<FormConfigStore>;
}

export type MakeFormConfigStore = () => Promise<FormConfigHarness>;

/**
 * An overlay whose key order is deliberately not sorted (neither by name nor, as jsonb would, by
 * length), with nesting, non-ASCII text, a NUL character and non-integer numbers: a store that
 * re-serialises the document differently changes its bytes.
 */
export function overlayDocument(
  tenantId: string,
  formId = 'aftaleskema',
  version = '1.0.0',
  note = 'første',
): Record<string, unknown> {
  return {
    version,
    tenantId,
    formId,
    texts: { da: { title: `Aftale (${note})`, '/properties/b/title': 'Bæ', '/properties/a/title': 'Å' } },
    hide: ['/z', '/a'],
    constraints: { '/aftaler': { minItems: 1, maximum: 2.5 } },
    zeta: { ø: 'æ\u0000ø', b: [3, 1.25, -0, 1e-7, 2e21] },
    baseVersion: '^1.0.0',
  };
}

export function draft(
  tenantId: string,
  formId: string,
  version: string,
  document: unknown,
  kind: TenantFormRecord['kind'] = 'overlay',
): TenantFormRecord {
  return {
    tenantId,
    kind,
    formId,
    version,
    status: 'draft',
    document,
    hash: '',
    updatedAt: '2025-03-01T09:00:00.000Z',
    updatedBy: 'admin-key-1',
  };
}

export const ACTIONS = {
  draft: 'form-config.draft',
  publish: 'form-config.publish',
  deprecate: 'form-config.deprecate',
} as const;

/** The audit part of a call, named as the contract names the operation (core's AuditAction union does not list these names yet). */
export function configAudit(
  tenantId: string,
  action: keyof typeof ACTIONS,
  at = '2025-03-01T09:30:00.000Z',
  actor = 'admin-key-1',
): Omit<AuditEntry, 'id'> {
  return { tenantId, at, actor, action: ACTIONS[action], details: { via: 'contract' } };
}

export const isConfigEntry = (e: AuditEntry): boolean => String(e.action).startsWith('form-config.');
