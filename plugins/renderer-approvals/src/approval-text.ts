import type { Locale } from '@skema/core';

export interface ApprovalData {
  navn?: unknown;
  dato?: unknown;
  udfald?: unknown;
}

/** The property names of the approval blocks in the standard forms; `options.renderer: "approval"` adds others. */
export const APPROVAL_NAMES: readonly string[] = ['fagkonsulentGodkendelse', 'lederGodkendelse', 'medunderskriver'];

/** The role whose signed-in people give the approval a typed block of the older form versions stood for. */
export const APPROVAL_ROLES_OF: Readonly<Record<string, { roles: string[]; cosign: boolean }>> = {
  medunderskriver: { roles: ['fagkonsulent'], cosign: true },
  fagkonsulentGodkendelse: { roles: ['fagkonsulent'], cosign: false },
  lederGodkendelse: { roles: ['leder'], cosign: false },
};

function formatDate(iso: string, locale: Locale): string {
  const d = new Date(`${iso}T12:00:00Z`);
  return Number.isNaN(d.getTime())
    ? iso
    : d.toLocaleDateString(locale === 'da' ? 'da-DK' : 'en-GB', {
        day: 'numeric',
        month: 'long',
        year: 'numeric',
        timeZone: 'UTC',
      });
}

const TEXT = {
  da: {
    signed: 'Medunderskrevet',
    approved: 'Godkendt',
    by: 'af',
    on: 'den',
    pendingSigned: 'Ikke medunderskrevet endnu.',
    pending: 'Afventer godkendelse.',
    unverified: 'ikke verificeret',
  },
  en: {
    signed: 'Co-signed',
    approved: 'Approved',
    by: 'by',
    on: 'on',
    pendingSigned: 'Not co-signed yet.',
    pending: 'Awaiting approval.',
    unverified: 'not verified',
  },
} as const;

/**
 * What a name typed into an approval field says: «Godkendt af Lis Fagkonsulent den 3. juni 2026
 * (ikke verificeret).» — typed names are never approvals (those are signed-in people's acts), so
 * the statement is marked unverified; or that nothing was typed.
 */
export function approvalText(
  name: string,
  data: ApprovalData | undefined,
  locale: Locale,
): { done: boolean; text: string } {
  const t = TEXT[locale];
  const cosign = name === 'medunderskriver';
  const who = typeof data?.navn === 'string' && data.navn.trim() ? data.navn.trim() : undefined;
  if (!who) return { done: false, text: cosign ? t.pendingSigned : t.pending };
  const verb = typeof data?.udfald === 'string' && data.udfald ? data.udfald : cosign ? t.signed : t.approved;
  const when = typeof data?.dato === 'string' && data.dato ? ` ${t.on} ${formatDate(data.dato, locale)}` : '';
  return { done: true, text: `${verb} ${t.by} ${who}${when} (${t.unverified}).` };
}
