import type { JWTPayload } from 'jose';
import type { OidcIssuerConfig } from '../config/oidc-config.js';
import { ROLES, type Role } from './roles.js';

/** A claim by name; a dotted name reads nested objects (`realm_access.roles`) when no claim has that exact name. */
export function claim(payload: JWTPayload, name: string): unknown {
  if (Object.hasOwn(payload, name)) return payload[name];
  let value: unknown = payload;
  for (const part of name.split('.')) {
    if (value === null || typeof value !== 'object' || !Object.hasOwn(value, part)) return undefined;
    value = (value as Record<string, unknown>)[part];
  }
  return value;
}

const KNOWN = new Set<string>(ROLES);

/**
 * The Skema roles a token grants: its role values (an array, or a space-separated string) through the
 * issuer's `roleMap`, or taken as they are when they are Skema role names and there is no map.
 * `integration` is never granted to a person: it belongs to systems' keys.
 */
export function rolesFrom(payload: JWTPayload, issuer: OidcIssuerConfig): Role[] {
  const raw = claim(payload, issuer.claims?.roles ?? 'roles');
  const values = Array.isArray(raw)
    ? raw.filter((v): v is string => typeof v === 'string')
    : typeof raw === 'string'
      ? raw.split(/\s+/)
      : [];
  const roles = new Set<Role>();
  for (const value of values) {
    const mapped = issuer.roleMap
      ? Object.hasOwn(issuer.roleMap, value)
        ? issuer.roleMap[value]!
        : []
      : KNOWN.has(value)
        ? [value as Role]
        : [];
    for (const role of mapped) if (role !== 'integration') roles.add(role);
  }
  return [...roles];
}
