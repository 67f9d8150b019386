import { approvalLine, roleName, useSkemaForm, useSubmissionApprovals } from '@skema/react';
import type { Locale } from '@skema/core';

const TEXT = {
  da: {
    none: (cosign: boolean) => (cosign ? 'Ikke medunderskrevet endnu.' : 'Ikke godkendt endnu.'),
    act: (cosign: boolean) => (cosign ? 'Medunderskriv' : 'Godkend'),
    as: (role: string) => `som ${role}`,
    saveFirst: (cosign: boolean) => `Gem kladden, før du kan ${cosign ? 'medunderskrive' : 'godkende'}.`,
    working: 'Registrerer …',
    recorded: (cosign: boolean) => (cosign ? 'Din medunderskrift er registreret.' : 'Din godkendelse er registreret.'),
    approved: 'Skemaet er nu godkendt.',
  },
  en: {
    none: (cosign: boolean) => (cosign ? 'Not co-signed yet.' : 'Not approved yet.'),
    act: (cosign: boolean) => (cosign ? 'Co-sign' : 'Approve'),
    as: (role: string) => `as ${role}`,
    saveFirst: (cosign: boolean) => `Save the draft before you can ${cosign ? 'co-sign' : 'approve'}.`,
    working: 'Recording …',
    recorded: (cosign: boolean) => (cosign ? 'Your co-signature is recorded.' : 'Your approval is recorded.'),
    approved: 'The form is now approved.',
  },
} satisfies Record<Locale, unknown>;

/** Statuses in which a submission can still be approved (the API's editable ones). */
const APPROVABLE = new Set(['draft', 'submitted']);

export interface PeopleApprovalsProps {
  /** The roles whose approvals this block shows and asks for. */
  roles: readonly string[];
  /** A co-signature («Medunderskriv») rather than an approval («Godkend»). */
  cosign: boolean;
}

/**
 * The approvals signed-in people recorded on the submission in these roles (who, role, when,
 * decision), read-only, and a button for the signed-in person who holds such a role and has not
 * approved yet. The button calls `POST /submissions/{id}/approvals` through the form's client.
 */
export function PeopleApprovals({ roles, cosign }: PeopleApprovalsProps) {
  const { locale } = useSkemaForm();
  const state = useSubmissionApprovals();
  const { submissionId, status, approvals, person, busy, error } = state;
  const t = TEXT[locale];
  const shown = approvals.filter((a) => roles.includes(a.role));
  // One person counts once: whoever has approved in any role is not asked again.
  const mine = person ? approvals.some((a) => a.kind === 'person' && a.subject === person.subject) : false;
  const myRoles = person && !mine ? roles.filter((r) => person.roles.includes(r)) : [];
  const canAct = submissionId !== undefined && APPROVABLE.has(status ?? '');
  const recordedNow = person ? shown.some((a) => a.kind === 'person' && a.subject === person.subject) : false;
  return (
    <div className="skema-approvals-people">
      {shown.length > 0 ? (
        <ul className="skema-approvals-list">
          {shown.map((a) => (
            <li
              key={`${a.actorId}:${a.role}:${a.at}`}
              className={a.kind === 'person' ? 'skema-approval-verified' : 'skema-approval-unverified'}
            >
              {approvalLine(a, locale, cosign)}
            </li>
          ))}
        </ul>
      ) : (
        <p className="skema-approval-status">{t.none(cosign)}</p>
      )}
      {myRoles.length > 0 && canAct ? (
        <div className="skema-approval-actions">
          {myRoles.map((role) => (
            <button
              key={role}
              type="button"
              className="skema-button"
              disabled={busy}
              aria-disabled={busy}
              onClick={() => void state.approve(role)}
            >
              {myRoles.length > 1 || roles.length > 1
                ? `${t.act(cosign)} ${t.as(roleName(role, locale))}`
                : t.act(cosign)}
            </button>
          ))}
        </div>
      ) : null}
      {myRoles.length > 0 && submissionId === undefined ? (
        <p className="skema-approval-hint">{t.saveFirst(cosign)}</p>
      ) : null}
      <p role="status" className="skema-approval-live">
        {/* An approval a plugin lets move the submission (FRL-03's «Godkend») says that it did. */}
        {busy
          ? t.working
          : recordedNow
            ? `${t.recorded(cosign)}${!cosign && status === 'approved' ? ` ${t.approved}` : ''}`
            : ''}
      </p>
      {error ? (
        <p role="alert" className="skema-approval-error">
          {error}
        </p>
      ) : null}
    </div>
  );
}
