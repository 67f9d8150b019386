import type { FormSummary, Submission } from '@skema/client';
import { useEffect, useState } from 'react';
import { client } from './api.js';
import { navigate } from './router.js';

const STATUSES = ['draft', 'submitted', 'approved', 'rejected', 'withdrawn'] as const;
export const STATUS_TEXT: Record<string, string> = {
  draft: 'Kladde',
  submitted: 'Indsendt',
  approved: 'Godkendt',
  rejected: 'Afvist',
  withdrawn: 'Trukket tilbage',
};

/** The tenant's submissions, filtered by form and status (filters live in the address). */
export function Submissions(props: { formId?: string; status?: string }) {
  const [forms, setForms] = useState<FormSummary[]>([]);
  const [items, setItems] = useState<Submission[]>();
  const [error, setError] = useState<string>();
  useEffect(() => {
    client().listForms().then(setForms, () => undefined);
  }, []);
  useEffect(() => {
    setItems(undefined);
    client()
      .listSubmissions({ ...(props.formId ? { formId: props.formId } : {}), ...(props.status ? { status: props.status as Submission['status'] } : {}) })
      .then((page) => setItems(page.items), (e: Error) => setError(e.message));
  }, [props.formId, props.status]);
  const filter = (next: { formId?: string | undefined; status?: string | undefined }) => {
    const q = new URLSearchParams();
    const formId = 'formId' in next ? next.formId : props.formId;
    const status = 'status' in next ? next.status : props.status;
    if (formId) q.set('form', formId);
    if (status) q.set('status', status);
    navigate(`#/submissions${q.size ? `?${q}` : ''}`);
  };
  const title = (id: string) => forms.find((f) => f.id === id)?.title.da ?? id;
  return (
    <section aria-labelledby="submissions-title">
      <h1 id="submissions-title">Indsendelser</h1>
      <form className="filters" onSubmit={(e) => e.preventDefault()}>
        <label>
          Formular
          <select value={props.formId ?? ''} onChange={(e) => filter({ formId: e.target.value || undefined })}>
            <option value="">Alle</option>
            {forms.map((f) => (
              <option key={f.id} value={f.id}>
                {f.title.da}
              </option>
            ))}
          </select>
        </label>
        <label>
          Status
          <select value={props.status ?? ''} onChange={(e) => filter({ status: e.target.value || undefined })}>
            <option value="">Alle</option>
            {STATUSES.map((s) => (
              <option key={s} value={s}>
                {STATUS_TEXT[s]}
              </option>
            ))}
          </select>
        </label>
      </form>
      {error ? <p role="alert">Indsendelserne kunne ikke hentes: {error}</p> : null}
      {!items && !error ? <p role="status">Henter …</p> : null}
      {items && items.length === 0 ? <p>Ingen indsendelser.</p> : null}
      {items && items.length > 0 ? (
        <table className="table">
          <caption className="visually-hidden">Indsendelser</caption>
          <thead>
            <tr>
              <th scope="col">Formular</th>
              <th scope="col">Version</th>
              <th scope="col">Status</th>
              <th scope="col">Revision</th>
              <th scope="col">Senest ændret</th>
            </tr>
          </thead>
          <tbody>
            {items.map((s) => (
              <tr key={s.id} data-submission={s.id}>
                <th scope="row">
                  <a href={`#/submissions/${encodeURIComponent(s.id)}`}>{title(s.formId)}</a>
                </th>
                <td>{s.version}</td>
                <td>
                  <span className={`status status--${s.status}`}>{STATUS_TEXT[s.status] ?? s.status}</span>
                </td>
                <td>{s.revision}</td>
                <td>
                  <time dateTime={s.updatedAt}>{new Date(s.updatedAt).toLocaleString('da-DK')}</time>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </section>
  );
}
