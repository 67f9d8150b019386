import type { FormSummary, Submission, SubmissionListItem } from '@skema/client';
import { useEffect, useState } from 'react';
import { client } from './api.js';
import { creatorText, subjectName } from './list-columns.js';
import { navigate } from './router.js';

const STATUSES = ['draft', 'submitted', 'approved', 'rejected', 'withdrawn'] as const;
export const STATUS_TEXT: Record<string, string> = {
  draft: 'Kladde',
  submitted: 'Indsendt',
  approved: 'Godkendt',
  rejected: 'Afvist',
  withdrawn: 'Trukket tilbage',
};

/** How long typing must pause before the list is searched (one request per pause, not per key). */
const SEARCH_DELAY_MS = 300;

/** The search text after the user has stopped typing for `SEARCH_DELAY_MS`. */
function useDebounced(value: string): string {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [value]);
  return settled;
}

type Page = { items: SubmissionListItem[]; nextCursor?: string };

function criteriaOf(formId: string | undefined, status: string | undefined, q: string) {
  return {
    ...(formId ? { formId } : {}),
    ...(status ? { status: status as Submission['status'] } : {}),
    ...(q ? { q } : {}),
  };
}

/**
 * The tenant's submissions, newest change first: the person concerned (as far as the tenant's list
 * policy shows it, never a CPR number), the case, who created it and when, with a text search and
 * filters by form and status (the filters live in the address).
 */
export function Submissions(props: { formId?: string; status?: string }) {
  const [forms, setForms] = useState<FormSummary[]>([]);
  const [page, setPage] = useState<Page>();
  const [loadingMore, setLoadingMore] = useState(false);
  const [error, setError] = useState<string>();
  const [text, setText] = useState('');
  const q = useDebounced(text.trim());
  useEffect(() => {
    client()
      .listForms()
      .then(setForms, () => undefined);
  }, []);
  const criteria = criteriaOf(props.formId, props.status, q);
  useEffect(() => {
    const abort = new AbortController();
    setPage(undefined);
    setError(undefined);
    client()
      .listSubmissions(criteriaOf(props.formId, props.status, q), { signal: abort.signal })
      .then(setPage, (e: Error) => {
        // A newer search replaced this one: its answer no longer matters.
        if (!abort.signal.aborted) setError(e.message);
      });
    return () => abort.abort();
  }, [props.formId, props.status, q]);
  const more = (cursor: string) => {
    setLoadingMore(true);
    client()
      .listSubmissions({ ...criteria, cursor })
      .then(
        (next) =>
          setPage((p) => ({
            items: [...(p?.items ?? []), ...next.items],
            ...(next.nextCursor ? { nextCursor: next.nextCursor } : {}),
          })),
        (e: Error) => setError(e.message),
      )
      .finally(() => setLoadingMore(false));
  };
  const filter = (next: { formId?: string | undefined; status?: string | undefined }) => {
    const params = new URLSearchParams();
    const formId = 'formId' in next ? next.formId : props.formId;
    const status = 'status' in next ? next.status : props.status;
    if (formId) params.set('form', formId);
    if (status) params.set('status', status);
    navigate(`#/submissions${params.size ? `?${params}` : ''}`);
  };
  const title = (id: string) => forms.find((f) => f.id === id)?.title.da ?? id;
  const items = page?.items;
  const cursor = page?.nextCursor;
  const count = items
    ? `${items.length}${page?.nextCursor ? '+' : ''} ${items.length === 1 ? 'indsendelse' : 'indsendelser'}`
    : '';
  return (
    <section aria-labelledby="submissions-title">
      <h1 id="submissions-title">Indsendelser</h1>
      <form className="filters" role="search" aria-label="Find indsendelser" onSubmit={(e) => e.preventDefault()}>
        <label>
          Søg
          <input
            type="search"
            value={text}
            onChange={(e) => setText(e.target.value)}
            maxLength={100}
            aria-describedby="search-hint"
            autoComplete="off"
          />
          <span id="search-hint" className="hint">
            Barnets navn, kvitteringsnummer, formular eller sag
          </span>
        </label>
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
      {/* One live region for loading, the count and the empty state, so a search's outcome is announced. */}
      <p role="status" className={items && items.length === 0 ? 'empty' : 'muted'}>
        {!items && !error
          ? 'Henter …'
          : !items
            ? ''
            : items.length > 0
              ? `Viser ${count}`
              : q
                ? `Ingen indsendelser matcher «${q}».`
                : 'Der er ingen indsendelser endnu.'}
      </p>
      {items && items.length > 0 ? (
        <div className="table-scroll">
          <table className="table">
            <caption>Indsendelser, nyeste ændring først{q ? ` – søgning: «${q}»` : ''}</caption>
            <thead>
              <tr>
                <th scope="col">Formular</th>
                <th scope="col">Barn</th>
                <th scope="col">Sag</th>
                <th scope="col">Status</th>
                <th scope="col">Oprettet af</th>
                <th scope="col">Senest ændret</th>
                <th scope="col">Kvitteringsnummer</th>
              </tr>
            </thead>
            <tbody>
              {items.map((s) => {
                const who = subjectName(s.data);
                return (
                  <tr key={s.id} data-submission={s.id}>
                    <th scope="row">
                      <a href={`#/submissions/${encodeURIComponent(s.id)}`}>{title(s.formId)}</a>{' '}
                      <span className="muted">({s.version})</span>
                    </th>
                    <td>{who ?? <span className="muted">Ikke vist</span>}</td>
                    <td>{s.caseSummary ? s.caseSummary.title : <span className="muted">Ingen sag</span>}</td>
                    <td>
                      <span className={`status status--${s.status}`}>{STATUS_TEXT[s.status] ?? s.status}</span>
                    </td>
                    <td>{creatorText(s)}</td>
                    <td>
                      <time dateTime={s.updatedAt}>{new Date(s.updatedAt).toLocaleString('da-DK')}</time>
                    </td>
                    <td>
                      <code className="receipt-no">{s.id}</code>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      ) : null}
      {cursor ? (
        <p>
          <button type="button" className="more" disabled={loadingMore} onClick={() => more(cursor)}>
            {loadingMore ? 'Henter …' : 'Vis flere'}
          </button>
        </p>
      ) : null}
    </section>
  );
}
