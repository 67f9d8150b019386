import type { FormTexts } from './form.js';
import type { LocalizedText } from './issues.js';

/** JSON Forms i18n key prefix for a data path: pointer segments without array indices, joined by dots. */
export function i18nKeyForPointer(pointer: string): string {
  return pointer
    .split('/')
    .slice(1)
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
    .filter((s) => !/^\d+$/.test(s))
    .join('.');
}

/** Builds a label lookup for a form's texts; falls back to the schema title and then the property name. */
export function createLabelLookup(
  texts: { da: FormTexts; en: FormTexts },
  titleAt: (pointer: string) => string | undefined,
): (pointer: string) => LocalizedText {
  const cache = new Map<string, LocalizedText>();
  return (pointer) => {
    let label = cache.get(pointer);
    if (label) return label;
    const key = i18nKeyForPointer(pointer);
    const fallback = titleAt(pointer) ?? key.split('.').pop() ?? '';
    const da = texts.da[`${key}.label`] ?? fallback;
    label = { da, en: texts.en[`${key}.label`] ?? da };
    cache.set(pointer, label);
    return label;
  };
}

/** Fills `{name}` placeholders; unknown placeholders are left visible so a missing param is noticed. */
export function interpolate(template: string, params: Record<string, unknown>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    if (value === undefined) return whole;
    if (typeof value === 'string') return value;
    if (Array.isArray(value)) return value.join(', ');
    return JSON.stringify(value);
  });
}
