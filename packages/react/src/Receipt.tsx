import type { Locale, ValidationReceipt, Wire } from '@skema/core';
import { useEffect, useRef } from 'react';
import { approvalLine } from './approval-text.js';
import { ReceiptDocument, type DocumentClient } from './ReceiptDocument.js';
import { uiText } from './ui-text.js';

export interface ReceiptProps {
  submissionId: string;
  receipt: ValidationReceipt;
  locale: Locale;
  headingLevel?: 2 | 3;
  /** The form's title in the locale (the form id is shown without it). */
  formTitle?: string;
  /** A draft is shown as «Kladde gemt» with its address, not as a receipt. */
  status?: string;
  /** When it was submitted or saved (ISO date-time); the validation time without it. */
  at?: string;
  /** Who sent it (the key's or the user's name). */
  sender?: string;
  /** The person the form is about, as the submitter typed it (see `receiptSubject`). */
  subject?: string | undefined;
  /** The recorded approvals and co-signatures: who, in which role, when, what they decided. */
  approvals?: readonly Wire.Approval[];
  /** Where a draft can be continued. */
  href?: string;
  /** Moves focus to the receipt when it appears (right after submitting). */
  autoFocus?: boolean;
  /** With it, a submitted receipt offers the archival document (PDF), fetched with the client's token. */
  client?: DocumentClient;
}

const APPROVALS = { da: 'Godkendelser', en: 'Approvals' } as const;

function dateTime(iso: string, locale: Locale): string {
  const at = new Date(iso);
  return Number.isNaN(at.getTime())
    ? iso
    : at.toLocaleString(locale === 'da' ? 'da-DK' : 'en-GB', { dateStyle: 'long', timeStyle: 'short' });
}

/**
 * What a person gets after submitting: the form, whom it concerns, when, from whom and the
 * kvitteringsnummer; the technical proof (schema hash, rule plugins) is folded away.
 */
export function Receipt(props: ReceiptProps) {
  const { submissionId, receipt, locale, formTitle, status, sender, subject, href } = props;
  const ui = uiText(locale);
  const f = ui.receiptFields;
  const Heading = props.headingLevel === 3 ? 'h3' : 'h2';
  const draft = status === 'draft';
  const at = props.at ?? receipt.validatedAt;
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (props.autoFocus) headingRef.current?.focus();
  }, [props.autoFocus]);
  const title = draft ? ui.draftSavedTitle : ui.receipt;
  return (
    <section className="skema-receipt" aria-label={title}>
      <Heading ref={headingRef} tabIndex={-1} className="skema-receipt-title">
        {title}
      </Heading>
      {draft ? null : <p className="skema-receipt-number">{ui.submittedAs(submissionId)}</p>}
      <dl>
        <dt>{f.form}</dt>
        <dd>{formTitle ?? receipt.formId}</dd>
        {subject ? (
          <>
            <dt>{f.subject}</dt>
            <dd>{subject}</dd>
          </>
        ) : null}
        <dt>{draft ? f.savedAt : f.submittedAt}</dt>
        <dd>
          <time dateTime={at}>{dateTime(at, locale)}</time>
        </dd>
        {sender ? (
          <>
            <dt>{f.sender}</dt>
            <dd>{sender}</dd>
          </>
        ) : null}
        {props.approvals?.length ? (
          <>
            <dt>{APPROVALS[locale]}</dt>
            <dd>
              <ul className="skema-receipt-approvals">
                {props.approvals.map((a) => (
                  <li key={`${a.actorId}:${a.role}:${a.at}`}>{approvalLine(a, locale)}</li>
                ))}
              </ul>
            </dd>
          </>
        ) : null}
        <dt>{draft ? f.draftNumber : f.number}</dt>
        <dd>{submissionId}</dd>
      </dl>
      {draft && href ? (
        <p>
          <a href={href}>{ui.continueDraft}</a>
        </p>
      ) : null}
      {!draft && props.client ? (
        <ReceiptDocument client={props.client} submissionId={submissionId} locale={locale} />
      ) : null}
      <details className="skema-receipt-details">
        <summary>{f.technical}</summary>
        <dl>
          <dt>{f.version}</dt>
          <dd>
            {receipt.formId} {receipt.version}
          </dd>
          <dt>{f.schemaHash}</dt>
          <dd>
            <code>{receipt.schemaHash}</code>
          </dd>
          <dt>{f.validatedAt}</dt>
          <dd>
            <time dateTime={receipt.validatedAt}>{dateTime(receipt.validatedAt, locale)}</time>
          </dd>
          <dt>{f.plugins}</dt>
          <dd>{receipt.plugins.map((p) => `${p.name}@${p.version}`).join(', ')}</dd>
        </dl>
      </details>
    </section>
  );
}
