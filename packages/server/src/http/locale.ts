import type { Request } from 'express';
import type { Locale } from '@skema/core';

/** The best of `da`/`en` by the Accept-Language q-values; Danish when the client has no preference. */
export function localeOf(req: Request): Locale {
  const header = req.get('accept-language');
  if (!header) return 'da';
  let best: { locale: Locale; q: number } | undefined;
  for (const part of header.split(',')) {
    const [tag = '', ...params] = part.trim().split(';');
    const language = tag.trim().toLowerCase().split('-')[0];
    if (language !== 'da' && language !== 'en') continue;
    const qParam = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const q = qParam ? Number(qParam.slice(2)) : 1;
    if (!Number.isFinite(q) || q <= 0) continue;
    if (!best || q > best.q) best = { locale: language, q };
  }
  return best?.locale ?? 'da';
}
