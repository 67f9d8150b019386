import type { FormVersion, Submission } from '@skema/core';
import { Receipt, SubmissionDocument, type SubmissionRevisionView } from '@skema/react';
import { useEffect, useState } from 'react';
import { client } from './api.js';
import { STATUS_TEXT } from './Submissions.js';

const ACTION_TEXT: Record<string, string> = {
  create: 'Oprettet',
  update: 'Ændret',
  status: 'Status ændret',
  migrate: 'Flyttet til ny version',
  'legal-hold': 'Juridisk tilbageholdelse ændret',
};

/** Where a draft is continued (the fill-in page with the stored submission). */
export function draftHref(submission: { id: string; formId: string; version: string }): string {
  return `#/forms/${encodeURIComponent(submission.formId)}/${encodeURIComponent(submission.version)}?submission=${encodeURIComponent(submission.id)}`;
}

/** A draft shows as «Kladde gemt» with its address; anything else as the receipt. */
function receiptProps(submission: Submission, form: FormVersion) {
  return {
    submissionId: submission.id,
    receipt: submission.receipt,
    locale: 'da' as const,
    formTitle: form.manifest.title.da,
    status: submission.status,
    at: submission.status === 'draft' ? submission.updatedAt : (submission.statusChangedAt ?? submission.createdAt),
    sender: submission.createdBy,
    approvals: submission.approvals ?? [],
    href: draftHref(submission),
    client: client(),
  };
}

// JSON Patch operations of a revision, as the Danish page says them.
const OP_TEXT: Record<string, string> = {
  add: 'Tilføjet',
  remove: 'Fjernet',
  replace: 'Ændret',
  move: 'Flyttet',
  copy: 'Kopieret',
};

function useSubmission(id: string) {
  const [state, setState] = useState<{
    submission: Submission;
    form: FormVersion;
    revisions: SubmissionRevisionView[];
  }>();
  const [error, setError] = useState<string>();
  useEffect(() => {
    const api = client();
    (async () => {
      const { submission } = await api.getSubmission(id);
      const [form, revisions] = await Promise.all([
        api.getForm(submission.formId, submission.version),
        api.getRevisions(id),
      ]);
      setState({ submission, form, revisions });
    })().catch((e: Error) => setError(e.message));
  }, [id]);
  return { state, error };
}

/**
 * One submission: its data in the form's layout, its receipt and every revision (who, when, what).
 * The receipt of a sent submission offers the archival document (PDF) from the API; the demo has
 * no print view of its own.
 */
export function SubmissionPage(props: { id: string }) {
  const { state, error } = useSubmission(props.id);
  if (error) return <p role="alert">Indsendelsen kunne ikke hentes: {error}</p>;
  if (!state) return <p role="status">Henter …</p>;
  const { submission, form, revisions } = state;
  return (
    <article aria-labelledby="submission-title">
      <p>
        <a href="#/submissions">← Alle indsendelser</a>
      </p>
      <h1 id="submission-title">{form.manifest.title.da}</h1>
      <p>
        Status:{' '}
        <span className={`status status--${submission.status}`}>
          {STATUS_TEXT[submission.status] ?? submission.status}
        </span>{' '}
        · revision {submission.revision}
        {submission.status === 'draft' ? (
          <>
            {' '}
            · <a href={draftHref(submission)}>Fortsæt kladden</a>
          </>
        ) : null}
      </p>
      <p>
        <a href={`#/sager/ny?fra=${encodeURIComponent(submission.id)}`}>Opret en sag med denne indsendelse</a>
      </p>
      <Receipt {...receiptProps(submission, form)} />
      <h2>Historik</h2>
      <ol className="revisions">
        {revisions.map((r) => (
          <li key={r.revision}>
            <strong>Revision {r.revision}</strong>: {ACTION_TEXT[r.action] ?? r.action} af {r.by},{' '}
            <time dateTime={r.at}>{new Date(r.at).toLocaleString('da-DK')}</time> – {STATUS_TEXT[r.status] ?? r.status}
            {r.changes.length > 0 ? (
              <details>
                <summary>{r.changes.length} ændringer</summary>
                <ul>
                  {r.changes.map((c, i) => (
                    <li key={i}>
                      {OP_TEXT[String(c.op)] ?? String(c.op)} <code>{String(c.path)}</code>
                    </li>
                  ))}
                </ul>
              </details>
            ) : null}
          </li>
        ))}
      </ol>
      <h2>Indhold</h2>
      <SubmissionDocument form={form} data={submission.data} locale="da" />
    </article>
  );
}
