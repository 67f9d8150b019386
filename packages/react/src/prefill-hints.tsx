import type { Locale, Wire } from '@skema/core';
import { createContext, useContext } from 'react';

/** Where prefilled values came from, by JSON Pointer (`GET /cases/{id}/prefill/{formId}`'s `provenance`). */
export interface PrefillHints {
  locale: Locale;
  provenance: Readonly<Record<string, Wire.PrefillSource>>;
}

export const PrefillContext = createContext<PrefillHints | undefined>(undefined);

const CASE_FIELD: Record<Locale, string> = { da: 'sagen', en: 'the case' };

/** «Hentet fra henvendelsesskemaet»: the hint for a prefilled field, or undefined. */
export function usePrefillHint(pointer: string): string | undefined {
  const hints = useContext(PrefillContext);
  const source = hints?.provenance[pointer];
  if (!hints || !source) return undefined;
  const { locale } = hints;
  const from =
    source.kind === 'case' ? CASE_FIELD[locale] : source.label ? `«${source.label[locale]}»` : (source.formId ?? '');
  return locale === 'da' ? `Hentet fra ${from}` : `Prefilled from ${from}`;
}
