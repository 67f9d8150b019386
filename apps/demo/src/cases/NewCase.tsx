import { SkemaCasesClient } from '@skema/client';
import { useEffect, useState, type FormEvent } from 'react';
import { client } from '../api.js';
import { navigate } from '../router.js';

/** Text at the first of these pointers that holds one (forms name the child's fields differently). */
function textAt(data: unknown, pointers: readonly string[]): string {
  for (const pointer of pointers) {
    let at: unknown = data;
    for (const part of pointer.split('/').slice(1))
      at = at && typeof at === 'object' ? (at as Record<string, unknown>)[part] : undefined;
    if (typeof at === 'string' && at.trim()) return at.trim();
  }
  return '';
}

const NAME = ['/borger/navn', '/barn/navn', '/sag/navn'];
const CPR = ['/borger/cpr', '/barn/cpr', '/sag/cpr'];

/**
 * «Opret sag»: a case (sag) started from a stored submission, usually the henvendelse; the child's
 * name and CPR number are taken from it and can be corrected before the case is created.
 */
export function NewCase(props: { from?: string }) {
  const [title, setTitle] = useState('');
  const [name, setName] = useState('');
  const [cpr, setCpr] = useState('');
  const [formTitle, setFormTitle] = useState<string>();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    if (!props.from) return;
    const api = client();
    (async () => {
      const { submission } = await api.getSubmission(props.from ?? '');
      const form = await api.getForm(submission.formId, submission.version);
      const child = textAt(submission.data, NAME);
      setFormTitle(form.manifest.title.da);
      setName(child);
      setCpr(textAt(submission.data, CPR));
      setTitle(child ? `Sag om ${child}` : form.manifest.title.da);
    })().catch((e: Error) => setError(`Indsendelsen kunne ikke hentes: ${e.message}`));
  }, [props.from]);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      const { case: created } = await new SkemaCasesClient(client()).createCase({
        title: title.trim(),
        borger: { name: name.trim(), ...(cpr.trim() ? { cpr: cpr.trim() } : {}) },
        ...(props.from ? { submissionIds: [props.from] } : {}),
      });
      navigate(`#/sager/${encodeURIComponent(created.id)}`);
    } catch (e) {
      setError(`Sagen blev ikke oprettet: ${(e as Error).message}`);
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="new-case-title">
      <h1 id="new-case-title">Opret sag</h1>
      {formTitle ? (
        <p>Sagen oprettes med indsendelsen «{formTitle}», og borgerens oplysninger hentes fra den.</p>
      ) : null}
      <form className="case-form" onSubmit={(e) => void onSubmit(e)}>
        <div className="skema-field">
          <label className="skema-label" htmlFor="case-title">
            Sagens titel
          </label>
          <input
            id="case-title"
            className="skema-input"
            value={title}
            required
            onChange={(e) => setTitle(e.target.value)}
          />
        </div>
        <div className="skema-field">
          <label className="skema-label" htmlFor="case-name">
            Borgerens navn
          </label>
          <input
            id="case-name"
            className="skema-input"
            value={name}
            required
            autoComplete="off"
            onChange={(e) => setName(e.target.value)}
          />
        </div>
        <div className="skema-field">
          <label className="skema-label" htmlFor="case-cpr">
            CPR-nummer (hvis kendt)
          </label>
          <input
            id="case-cpr"
            className="skema-input"
            value={cpr}
            inputMode="numeric"
            autoComplete="off"
            onChange={(e) => setCpr(e.target.value)}
          />
        </div>
        {error ? (
          <p role="alert" className="skema-status skema-status--error">
            {error}
          </p>
        ) : null}
        <button type="submit" className="skema-button" disabled={busy}>
          Opret sagen
        </button>
      </form>
    </section>
  );
}
