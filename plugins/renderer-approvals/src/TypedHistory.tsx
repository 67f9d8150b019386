import { useJsonForms } from '@jsonforms/react';
import { useSkemaForm, valueAtPointer } from '@skema/react';
import { approvalText, type ApprovalData } from './approval-text.js';

const CHANGE = { da: 'Ændring', en: 'Change' } as const;

/** «Ændring 2: Godkendt af Mette Prøvesen den 7. maj 2026 (ikke verificeret).» for a typed approver of a list item. */
function itemLine(
  name: string,
  index: number,
  item: unknown,
  locale: 'da' | 'en',
): Array<{ name: string; text: string }> {
  if (!item || typeof item !== 'object') return [];
  const { aendring, godkendtAf, godkendtDato } = item as {
    aendring?: unknown;
    godkendtAf?: unknown;
    godkendtDato?: unknown;
  };
  const { done, text } = approvalText(name, { navn: godkendtAf, dato: godkendtDato }, locale);
  const nr = typeof aendring === 'number' ? aendring : index + 1;
  return done ? [{ name: `${name}-${index}`, text: `${CHANGE[locale]} ${nr}: ${text}` }] : [];
}

const TITLE = {
  da: 'Tidligere indtastede godkendelser (ikke verificeret)',
  en: 'Previously typed approvals (not verified)',
} as const;

/**
 * The names typed into approval fields before approvals were acts of people, moved by the form's
 * migration into its history object: shown read-only as text, each marked «ikke verificeret», and
 * nothing at all when the submission has none.
 */
export function TypedHistory({ pointer }: { pointer: string }) {
  const { locale } = useSkemaForm();
  const ctx = useJsonForms();
  const history = valueAtPointer(ctx.core?.data, pointer);
  if (!history || typeof history !== 'object') return null;
  const lines = Object.entries(history as Record<string, unknown>).flatMap(([name, value]) => {
    // A list (leveranceaftale 1.3.0's typed approvers of each change): one line per item, numbered.
    if (Array.isArray(value)) return value.flatMap((item: unknown, i) => itemLine(name, i, item, locale));
    const data: ApprovalData | undefined =
      typeof value === 'string' ? { navn: value } : (value as ApprovalData | undefined);
    const { done, text } = approvalText(name, data, locale);
    return done ? [{ name, text }] : [];
  });
  if (lines.length === 0) return null;
  const key = `${pointer.slice(1).split('/').join('.')}.label`;
  const translated = ctx.i18n?.translate?.(key, undefined);
  return (
    <div className="skema-approval-history">
      <p className="skema-approval-history-title">{translated && translated !== key ? translated : TITLE[locale]}</p>
      <ul>
        {lines.map((l) => (
          <li key={l.name}>{l.text}</li>
        ))}
      </ul>
    </div>
  );
}
