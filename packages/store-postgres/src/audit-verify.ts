import type { AuditVerification } from '@skema/core';
import { firstBrokenLinkSql, headMismatchSql } from './audit-chain-sql.js';
import type { Db } from './sql.js';

/**
 * Checks every tenant's chain: each row's hash against its content and its `prev` against the row
 * before it, and each tenant's head against its last row (rows removed from the end). One pass over
 * the table; the place named is a table, tenant and seq, never an entry's content.
 */
export async function verifyAuditChain({ pool, t }: Db): Promise<AuditVerification> {
  const checked = Number(
    (await pool.query<{ n: string }>(`SELECT count(*)::text AS n FROM ${t.audit}`)).rows[0]?.n ?? 0,
  );
  const broken = (
    await pool.query<{ tenant_id: string; seq: string; reason: 'changed' | 'unlinked' }>(firstBrokenLinkSql(t))
  ).rows[0];
  if (broken) {
    const reason =
      broken.reason === 'changed'
        ? `entry ${broken.seq} of tenant ${broken.tenant_id} does not match its hash (it was changed)`
        : `entry ${broken.seq} of tenant ${broken.tenant_id} does not follow the tenant's entry before it (an entry was removed, inserted or changed)`;
    return { ok: false, checked, damage: { where: `${t.audit} seq ${broken.seq}`, reason } };
  }
  const head = (
    await pool.query<{ tenant_id: string; head_seq: string | null; last_seq: string | null }>(headMismatchSql(t))
  ).rows[0];
  if (head) {
    const reason =
      head.head_seq === null
        ? `tenant ${head.tenant_id} has entries but no chain head`
        : `tenant ${head.tenant_id}'s chain head is entry ${head.head_seq} but its last entry is ${head.last_seq ?? 'none'} (entries were removed from the end)`;
    return { ok: false, checked, damage: { where: `${t.schema}.audit_chain_heads`, reason } };
  }
  return { ok: true, checked };
}
