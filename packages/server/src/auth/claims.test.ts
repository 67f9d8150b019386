import { describe, expect, it } from 'vitest';
import { claim, rolesFrom } from './claims.js';

const issuer = { issuer: 'https://idp.example.dk', audience: 'api' };

describe('claims to roles', () => {
  it('maps role values through the roleMap; unmapped values give no role', () => {
    const map = {
      ...issuer,
      roleMap: { sagsbehandler: ['caseworker' as const], leder: ['caseworker' as const, 'leder' as const] },
    };
    expect(rolesFrom({ roles: ['sagsbehandler', 'leder', 'admin'] }, map)).toEqual(['caseworker', 'leder']);
  });

  it('takes Skema role names as they are without a map, never integration (a system role), and reads space-separated and nested claims', () => {
    expect(rolesFrom({ roles: ['auditor', 'integration', 'superuser'] }, issuer)).toEqual(['auditor']);
    expect(rolesFrom({ groups: 'caseworker fagkonsulent' }, { ...issuer, claims: { roles: 'groups' } })).toEqual([
      'caseworker',
      'fagkonsulent',
    ]);
    expect(
      rolesFrom({ realm_access: { roles: ['leder'] } }, { ...issuer, claims: { roles: 'realm_access.roles' } }),
    ).toEqual(['leder']);
    expect(rolesFrom({ roles: ['x'] }, { ...issuer, roleMap: { x: ['integration'] } })).toEqual([]);
  });

  it('reads only own members (no prototype lookups)', () => {
    expect(claim({}, 'constructor')).toBeUndefined();
    expect(claim({ a: {} }, 'a.toString')).toBeUndefined();
  });
});
