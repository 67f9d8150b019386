import { SkemaForm, toFormVersion } from '@skema/react';
import { useMemo } from 'react';
import { renderers } from '../renderers.js';
import type { PreviewState } from './use-overlay-preview.js';

/** The form as the caseworkers will see it with the unsaved changes, or what stands in the way (each problem in plain words). */
export function OverlayPreview(props: {
  state: PreviewState;
  describeProblem?(problem: { path: string; message: string }): string;
}) {
  const { pending, result, error } = props.state;
  const formBody = result?.form;
  // SkemaForm wants a stable form object: useOverlayPreview keeps `formBody` the same object while
  // its content hash stays the same, so a new preview of the same form keeps what was typed in it.
  const form = useMemo(
    () => (formBody ? toFormVersion(formBody as unknown as Record<string, unknown>) : undefined),
    [formBody],
  );
  const problems = result?.problems ?? [];
  let status = '';
  if (pending) status = 'Opdaterer forhåndsvisningen …';
  else if (error) status = '';
  else if (result)
    status = problems.length
      ? `Ændringerne kan ikke bruges som de er: ${problems.length === 1 ? 'ét problem' : `${problems.length} problemer`}.`
      : 'Forhåndsvisningen er opdateret.';
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
          <h3 id="preview-problems-title">Det skal rettes</h3>
          <ul className="problems" id="preview-problems">
            {problems.map((p, i) => (
              <li key={`${p.path}#${i}`}>{props.describeProblem ? props.describeProblem(p) : p.message}</li>
            ))}
          </ul>
        </div>
      ) : null}
      {form ? (
        <div className="preview-form">
          <SkemaForm
            key={form.hash}
            form={form}
            locale="da"
            renderers={renderers}
            actions={false}
            headingLevel={3}
            idPrefix="preview"
            injectStyles={false}
          />
        </div>
      ) : null}
    </section>
  );
}
