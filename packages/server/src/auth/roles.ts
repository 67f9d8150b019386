import type { NextFunction, Request, Response } from 'express';
import { HttpProblem } from '../http/problem.js';
import { principalOf, type Principal } from './principal.js';

/**
 * `caseworker` creates, reads and updates submissions; `fagkonsulent` and `leder` also take the
 * decisions the forms' transition guards ask for; `auditor` reads the audit log; `admin` may do
 * what a caseworker and an auditor may, but takes no professional decision. `integration` is a
 * system's (an API key's): it may open embed sessions for a portal's citizens.
 */
export const ROLES = ['caseworker', 'fagkonsulent', 'leder', 'auditor', 'admin', 'integration'] as const;
export type Role = (typeof ROLES)[number];

/** Roles that may read and write submissions. */
export const SUBMISSION_ROLES: readonly Role[] = ['caseworker', 'fagkonsulent', 'leder', 'admin'];
/** Roles that may set or release a legal hold, which keeps a submission from deletion by retention. */
export const LEGAL_HOLD_ROLES: readonly Role[] = ['leder', 'admin'];
/** Roles that may open an embed session (a portal's backend, for one citizen and one form). */
export const EMBED_SESSION_ROLES: readonly Role[] = ['integration'];
/** Roles that may read the audit log. */
export const AUDIT_ROLES: readonly Role[] = ['auditor', 'admin'];

/** 403 unless the principal holds one of the roles. */
export function assertRole(principal: Principal, roles: readonly Role[]): void {
  if (!principal.roles.some((r) => roles.includes(r))) {
    throw new HttpProblem('forbidden', {
      da: `Handlingen kræver en af rollerne: ${roles.join(', ')}.`,
      en: `This action requires one of the roles: ${roles.join(', ')}.`,
    });
  }
}

export function requireRole(roles: readonly Role[]) {
  return (_req: Request, res: Response, next: NextFunction): void => {
    assertRole(principalOf(res), roles);
    next();
  };
}
