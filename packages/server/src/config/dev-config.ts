import { ROLES } from '../auth/roles.js';
import type { ServerConfig } from './server-config.js';

/** Development keys, documented in the README; refused in production. */
export const DEV_KEYS = {
  demo: 'skema-dev-key',
  demoLeder: 'skema-dev-key-leder',
  demo2: 'skema-dev-key-2',
  ringsted: 'skema-dev-key-ringsted',
  nordby: 'skema-dev-key-nordby',
} as const;

/**
 * Used when no SKEMA_CONFIG is given outside production: tenant `demo` (a key with every role and
 * a second key, a leader, for two-person approvals), tenant `demo2` to try tenant isolation, and the
 * example municipalities `ringsted` and `nordby` whose overlays live in schemas/tenants/.
 */
export function devConfig(): ServerConfig {
  return {
    tenants: [
      {
        id: 'demo',
        name: 'Demo',
        keys: [
          { id: 'demo-dev', key: DEV_KEYS.demo, roles: [...ROLES] },
          { id: 'demo-leder', key: DEV_KEYS.demoLeder, roles: ['leder', 'caseworker'] },
        ],
      },
      { id: 'demo2', name: 'Demo 2', keys: [{ id: 'demo2-dev', key: DEV_KEYS.demo2, roles: [...ROLES] }] },
      // The two example municipalities of schemas/tenants/, to see their overlays at work.
      { id: 'ringsted', name: 'Ringsted Kommune', keys: [{ id: 'ringsted-dev', key: DEV_KEYS.ringsted, roles: [...ROLES] }] },
      { id: 'nordby', name: 'Nordby Kommune', keys: [{ id: 'nordby-dev', key: DEV_KEYS.nordby, roles: [...ROLES] }] },
    ],
  };
}
