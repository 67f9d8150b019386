/** The municipalities the development provider signs people in for; each is its own issuer (`<url>/<tenant>`). */
export const DEV_TENANTS = ['demo', 'demo2'] as const;
export type DevTenant = (typeof DEV_TENANTS)[number];

/** Role names as a municipality's identity provider sends them in the `roles` claim (mapped to Skema's roles by the API's `roleMap`). */
export const DEV_ROLES = ['sagsbehandler', 'fagkonsulent', 'leder', 'admin', 'auditor'] as const;
export type DevRole = (typeof DEV_ROLES)[number];

export interface DemoUser {
  /** The `sub` claim: `<tenant>-<role>`, e.g. `demo-sagsbehandler`. */
  id: string;
  name: string;
  tenant: DevTenant;
  roles: DevRole[];
}

const NAMES: Record<DevTenant, Record<DevRole, string>> = {
  demo: {
    sagsbehandler: 'Signe Sagsbehandler',
    fagkonsulent: 'Frederik Fagkonsulent',
    leder: 'Lene Leder',
    admin: 'Anders Administrator',
    auditor: 'Aase Revisor',
  },
  demo2: {
    sagsbehandler: 'Søren Sagsbehandler',
    fagkonsulent: 'Freja Fagkonsulent',
    leder: 'Lars Leder',
    admin: 'Astrid Administrator',
    auditor: 'Arne Revisor',
  },
};

/** One demo user per role and municipality (documented in apps/idp/README.md). */
export const DEMO_USERS: readonly DemoUser[] = DEV_TENANTS.flatMap((tenant) =>
  DEV_ROLES.map((role) => ({ id: `${tenant}-${role}`, name: NAMES[tenant][role], tenant, roles: [role] })),
);

export function demoUser(id: string): DemoUser | undefined {
  return DEMO_USERS.find((u) => u.id === id);
}
