import { SkemaCasesClient, type Wire } from '@skema/client';
import { useEffect, useMemo, useState } from 'react';
import { client } from '../api.js';
import { CaseAttachments } from './CaseAttachments.js';

/** Where a form is filled in within the case: new (prefilled from the case) or a stored one. */
export function caseFormHref(caseId: string, formId: string, submissionId?: string): string {
  return `#/sager/${encodeURIComponent(caseId)}/skema/${encodeURIComponent(formId)}${submissionId ? `?submission=${encodeURIComponent(submissionId)}` : ''}`;
}

/**
 * One case (sag): the child, its forms in the order they were added, the next forms to fill in
 * (prefilled from the case) and the case's own files.
 */
export function CasePage(props: { id: string }) {
  const api = useMemo(() => client(), []);
  const [record, setRecord] = useState<Wire.Case>();
  const [forms, setForms] = useState<Wire.FormSummary[]>([]);
  const [error, setError] = useState<string>();
  useEffect(() => {
    new SkemaCasesClient(api).getCase(props.id).then(
      (r) => setRecord(r.case),
      (e: Error) => setError(e.message),
    );
    api.listForms().then(setForms, () => setForms([]));
  }, [api, props.id]);
  if (error) return <p role="alert">Sagen kunne ikke hentes: {error}</p>;
  if (!record) return <p role="status">Henter …</p>;
  const titleOf = (formId: string) => forms.find((f) => f.id === formId)?.title.da ?? formId;
  const open = record.status === 'open';
  return (
    <article aria-labelledby="case-title" className="case-page">
      <h1 id="case-title">{record.title}</h1>
      <p>
        Borger: <strong>{record.borger.name}</strong> · Status: {open ? 'Åben' : 'Lukket'}
      </p>
      <section aria-labelledby="case-forms-title">
        <h2 id="case-forms-title">Sagens skemaer</h2>
        {record.submissions.length === 0 ? (
          <p>Sagen har ingen skemaer endnu.</p>
        ) : (
          <ul>
            {record.submissions.map((m) => (
              <li key={m.submissionId}>
                <a href={caseFormHref(record.id, m.formId, m.submissionId)}>{titleOf(m.formId)}</a> (tilføjet{' '}
                <time dateTime={m.attachedAt}>{m.attachedAt.slice(0, 10)}</time>)
              </li>
            ))}
          </ul>
        )}
      </section>
      {open ? (
        <section aria-labelledby="case-next-title">
          <h2 id="case-next-title">Udfyld et skema i sagen</h2>
          <p>Skemaet udfyldes på forhånd med barnets oplysninger og det, sagens andre skemaer allerede siger.</p>
          <ul className="case-next">
            {forms.map((f) => (
              <li key={f.id}>
                <a href={caseFormHref(record.id, f.id)}>{f.title.da}</a>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <CaseAttachments caseId={record.id} api={api} open={open} />
    </article>
  );
}
