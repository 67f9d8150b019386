import type { Locale, Wire } from '@skema/core';

/** The roles approvals are given in, as people read them. */
const ROLES: Record<Locale, Record<string, string>> = {
  da: { fagkonsulent: 'fagkonsulent', leder: 'leder', caseworker: 'sagsbehandler' },
  en: { fagkonsulent: 'fagkonsulent', leder: 'leader', caseworker: 'caseworker' },
};

const TEXT = {
  da: {
    approved: 'Godkendt af',
    cosigned: 'Medunderskrevet af',
    rejected: 'Afvist af',
    unverified: 'ikke verificeret',
  },
  en: { approved: 'Approved by', cosigned: 'Co-signed by', rejected: 'Rejected by', unverified: 'not verified' },
} as const;

export const roleName = (role: string, locale: Locale): string => ROLES[locale][role] ?? role;

/** `true` for an approval a signed-in person gave: the only kind that counts. */
export const isVerifiedApproval = (a: Pick<Wire.Approval, 'kind'>): boolean => a.kind === 'person';

export function formatApprovalTime(iso: string, locale: Locale): string {
  const at = new Date(iso);
  return Number.isNaN(at.getTime())
    ? iso
    : at.toLocaleString(locale === 'da' ? 'da-DK' : 'en-GB', {
        dateStyle: 'long',
        timeStyle: 'short',
        timeZone: 'Europe/Copenhagen',
      });
}

/**
 * «Medunderskrevet af Frederik Fagkonsulent (fagkonsulent), 7. december 2026 kl. 12.00» — who,
 * in which role, when and what they decided. An approval not given by a signed-in person (one
 * recorded before approvals were acts of people) is marked «ikke verificeret».
 */
export function approvalLine(a: Wire.Approval, locale: Locale, cosign = false): string {
  const t = TEXT[locale];
  const verb = a.decision === 'rejected' ? t.rejected : cosign ? t.cosigned : t.approved;
  const who = a.actorName ?? a.actorId;
  const line = `${verb} ${who} (${roleName(a.role, locale)}), ${formatApprovalTime(a.at, locale)}`;
  return isVerifiedApproval(a) ? line : `${line} (${t.unverified})`;
}
