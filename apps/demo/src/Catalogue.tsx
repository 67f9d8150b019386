import type { FormSummary } from '@skema/core';
import { useEffect, useState } from 'react';
import { client } from './api.js';

/** Every form with its versions; each links to a fill-in page. */
export function Catalogue() {
  const [forms, setForms] = useState<FormSummary[]>();
  const [error, setError] = useState<string>();
  useEffect(() => {
    client().listForms().then(setForms, (e: Error) => setError(e.message));
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
            <p className="muted">{form.title.en}</p>
            <p>
              {form.latest ? (
                <a href={`#/forms/${encodeURIComponent(form.id)}/${encodeURIComponent(form.latest)}`} data-form={form.id}>
                  Udfyld {form.title.da.toLowerCase()} (version {form.latest})
                </a>
              ) : (
                'Ingen udgivet version'
              )}
            </p>
            <p className="muted">
              Versioner: {form.versions.map((v) => `${v.version} (${v.status})`).join(', ')} ·{' '}
              <a href={`#/submissions?form=${encodeURIComponent(form.id)}`}>Indsendelser</a>
            </p>
          </li>
        ))}
      </ul>
    </section>
  );
}
