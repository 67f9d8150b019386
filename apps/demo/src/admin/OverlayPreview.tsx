import { SkemaForm, toFormVersion } from '@skema/react';
import { useMemo } from 'react';
import { renderers } from '../renderers.js';
import { DiffSummary } from './DiffSummary.js';
import { ProblemList } from './ProblemList.js';
import type { PreviewState } from './use-overlay-preview.js';

/** The tenant's effective form for the unsaved overlay: its problems, its diff from the base form, and the form itself. */
export function OverlayPreview(props: { state: PreviewState }) {
  const { pending, result, error } = props.state;
  const formBody = result?.form;
  // SkemaForm wants a stable form object: keyed on the content hash, a new preview of the same
  // effective form (e.g. after a whitespace edit) keeps the rendered form and what was typed in it.
  const hash = formBody?.hash;
  const form = useMemo(() => (formBody ? toFormVersion(formBody as unknown as Record<string, unknown>) : undefined), [hash]);
  const problems = result?.problems ?? [];
  let status = '';
  if (pending) status = 'Opdaterer forhåndsvisningen …';
  else if (error) status = '';
  else if (result) status = problems.length ? `Forhåndsvisningen har ${problems.length} problem(er).` : 'Forhåndsvisningen er opdateret.';
  return (
    <section aria-labelledby="preview-title" className="admin-preview">
      <h2 id="preview-title">Forhåndsvisning</h2>
      <p role="status" className="muted">
        {status}
      </p>
      {error ? (
        <p role="alert" className="field-error">
          Forhåndsvisningen kunne ikke laves: {error.message}
        </p>
      ) : null}
      {problems.length ? (
        <div aria-labelledby="preview-problems-title">
          <h3 id="preview-problems-title">Problemer i overlayet</h3>
          <ProblemList problems={problems} id="preview-problems" />
        </div>
      ) : null}
      <DiffSummary diff={result?.diff} title="Ændringer i forhold til grundformularen" headingLevel={3} />
      {form ? (
        <div className="preview-form">
          <SkemaForm key={form.hash} form={form} locale="da" renderers={renderers} actions={false} headingLevel={3} idPrefix="preview" injectStyles={false} />
        </div>
      ) : null}
    </section>
  );
}
