import type { FormSummary } from '@skema/client';
import { useEffect, useState } from 'react';
import { client } from './api.js';

/** «Henvendelse til VISO» → «henvendelse til VISO» inside a sentence: only the first letter is lowered. */
const inSentence = (title: string) => title.charAt(0).toLowerCase() + title.slice(1);

/** A version's status as the Danish page says it. */
export const VERSION_STATUS: Record<string, string> = { draft: 'kladde', published: 'udgivet', deprecated: 'udfaset' };

/**
 * Every form the key's tenant can open, with the versions it can open (the API's list is the
 * tenant's: an overlay pinned to 1.0.0 shows 1.0.0 under the overlay's title); each links to a
 * fill-in page.
 */
export function Catalogue() {
  const [forms, setForms] = useState<FormSummary[]>();
  const [error, setError] = useState<string>();
  useEffect(() => {
    client()
      .listForms()
      .then(setForms, (e: Error) => setError(e.message));
  }, []);
  if (error) return <p role="alert">Formularerne kunne ikke hentes: {error}</p>;
  if (!forms) return <p role="status">Henter formularer …</p>;
  return (
    <section aria-labelledby="catalogue-title">
      <h1 id="catalogue-title">Formularer</h1>
      <ul className="cards">
        {forms.map((form) => (
          <li key={form.id} className="card">
            <h2>{form.title.da}</h2>
            <p>
              {form.latest ? (
                <a
                  href={`#/forms/${encodeURIComponent(form.id)}/${encodeURIComponent(form.latest)}`}
                  data-form={form.id}
                >
                  Udfyld {inSentence(form.title.da)} (version {form.latest})
                </a>
              ) : (
                'Ingen udgivet version'
              )}
            </p>
            <p className="muted">
              Versioner: {form.versions.map((v) => `${v.version} (${VERSION_STATUS[v.status] ?? v.status})`).join(', ')}{' '}
              · <a href={`#/submissions?form=${encodeURIComponent(form.id)}`}>Indsendelser</a>
            </p>
          </li>
        ))}
      </ul>
    </section>
  );
}
