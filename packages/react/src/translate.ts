import type { Translator } from '@jsonforms/core';
import type { FormTexts, Locale } from '@skema/core';

export type Translate = Translator;

/**
 * JSON Forms' translate function over the form's flat dictionaries. Missing English texts fall back
 * to Danish (authoritative), then to JSON Forms' default (the schema title or property name).
 */
export function createTranslate(texts: { da: FormTexts; en: FormTexts }, locale: Locale): Translate {
  const primary = texts[locale] ?? {};
  const fallback = texts.da ?? {};
  return ((key: string, defaultMessage?: string) => primary[key] ?? fallback[key] ?? defaultMessage) as Translate;
}
