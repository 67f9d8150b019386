import { createHash, timingSafeEqual } from 'node:crypto';
import type { CalendarOptions, WorkingDayCalendar } from '@skema/core';
import type { TenantConfig } from '../config/server-config.js';
import type { Principal } from './principal.js';
import { tenantSettings } from './tenant-settings.js';

interface KeyEntry {
  digest: Buffer;
  principal: Principal;
}

export function sha256(text: string): Buffer {
  return createHash('sha256').update(text, 'utf8').digest();
}

/** A configured key is either `sha256:<hex>` (its digest) or the key itself. */
export function keyDigest(configured: string): Buffer {
  return configured.startsWith('sha256:') ? Buffer.from(configured.slice(7), 'hex') : sha256(configured);
}

/** All tenants' API keys, kept only as SHA-256 digests. */
export class KeyRing {
  private readonly entries: KeyEntry[];

  /** `calendarFor` builds a tenant's working-day calendar from its options (the engine's `calendarFor`). */
  constructor(tenants: readonly TenantConfig[], calendarFor?: (options: CalendarOptions) => WorkingDayCalendar) {
    this.entries = tenants.flatMap((tenant) => {
      const settings = tenantSettings(tenant, calendarFor);
      // A key is a system's, never a person's: it cannot take a personal approval.
      return tenant.keys.map((key) => ({
        digest: keyDigest(key.key),
        principal: { ...settings, keyId: key.id, kind: 'system' as const, subject: key.id, roles: [...key.roles] },
      }));
    });
  }

  /**
   * Compares digests (fixed length) with `timingSafeEqual` and visits every key, so neither
   * the key's content nor its position shows in the response time.
   */
  authenticate(presented: string): Principal | undefined {
    const digest = sha256(presented);
    let found: Principal | undefined;
    for (const entry of this.entries) {
      if (timingSafeEqual(entry.digest, digest) && !found) found = entry.principal;
    }
    return found;
  }
}
