import type { Locale, RequiredBump } from '@skema/core';

/** The texts of `skema diff`, in Danish and English (`--locale`); the changes bring their own texts. */
export const DIFF_TEXT = {
  da: {
    needsArgs: 'diff skal have et skema-id og to versioner',
    summary: (formId: string, from: string, to: string, n: number, required: RequiredBump) =>
      `${formId} ${from} → ${to}: ${n} ændring(er), krævet versionsløft: ${required === 'none' ? 'intet' : required}`,
    sufficient: (from: string, to: string) => `✓ ${to} er et tilstrækkeligt versionsnummer efter ${from}`,
  },
  en: {
    needsArgs: 'diff needs a form id and two versions',
    summary: (formId: string, from: string, to: string, n: number, required: RequiredBump) =>
      `${formId} ${from} → ${to}: ${n} change(s), required bump: ${required}`,
    sufficient: (from: string, to: string) => `✓ ${to} is a sufficient version number after ${from}`,
  },
} as const satisfies Record<Locale, unknown>;
