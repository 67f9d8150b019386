import { useJsonForms } from '@jsonforms/react';
import { useSkemaForm, valueAtPointer } from '@skema/react';
import { approvalText, type ApprovalData } from './approval-text.js';

const TITLE = { da: 'Tidligere indtastede godkendelser (ikke verificeret)', en: 'Previously typed approvals (not verified)' } as const;

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
    const data: ApprovalData | undefined = typeof value === 'string' ? { navn: value } : (value as ApprovalData | undefined);
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
