import { useEffect, useRef, useState } from 'react';
import { client } from '../api.js';
import { AdminApiError, type AdminApi, type ConfigProblem, type EffectiveConfig } from './admin-api.js';
import type { FieldInfo } from './form-fields.js';
import type { OverlayDraft } from './overlay-draft.js';

type Outcome =
  | { kind: 'saved'; version: string }
  | { kind: 'published'; version: string }
  | { kind: 'not-effective'; version: string; inEffect: string }
  | { kind: 'refused'; error: AdminApiError };

type Action = 'save' | 'publish';
const BUSY_TEXT: Record<Action, string> = { save: 'Gemmer kladden …', publish: 'Udgiver og kontrollerer formularen …' };

/** A problem's text with the fields' places (`/barn/navn`) replaced by their labels. */
export function plainProblem(problem: ConfigProblem, fields: readonly FieldInfo[]): string {
  let text = problem.message;
  for (const f of [...fields].sort((a, b) => b.pointer.length - a.pointer.length)) {
    text = text.replace(
      new RegExp(`${f.pointer.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\w/])`, 'g'),
      `«${f.label}»`,
    );
  }
  return text;
}

/**
 * Save and publish the draft as the next version (numbered by the server's preview). After a
 * publication the page re-reads the form in effect and says so only if it changed.
 */
export function ConfigActions(props: {
  api: AdminApi;
  formId: string;
  draft: OverlayDraft | undefined;
  /** The version the draft would be published as; undefined while the preview is not ready or refused. */
  nextVersion: string | undefined;
  changes: readonly string[];
  fields: readonly FieldInfo[];
  onChanged(): void;
  onPublished(effective: EffectiveConfig): void;
}) {
  const [busy, setBusy] = useState<Action>();
  const [outcome, setOutcome] = useState<Outcome>();
  const alertRef = useRef<HTMLDivElement>(null);
  const { draft, nextVersion, formId } = props;
  const ready = draft !== undefined && nextVersion !== undefined && busy === undefined;

  useEffect(() => {
    // A refusal moves focus to its explanation, so keyboard and screen reader users land on it.
    if (outcome?.kind === 'refused' || outcome?.kind === 'not-effective') alertRef.current?.focus();
  }, [outcome]);

  const run = async (action: Action) => {
    if (!draft || !nextVersion) return;
    setBusy(action);
    setOutcome(undefined);
    const version = nextVersion;
    try {
      await props.api.saveDraft('overlay', formId, version, { ...draft, version });
      if (action === 'save') setOutcome({ kind: 'saved', version });
      else {
        const before = (await client().getForm(formId)).hash;
        await props.api.publish('overlay', formId, version);
        // Never claim an effect that did not happen: re-read what applies now and the form the caseworkers get.
        const effective = await props.api.effective(formId);
        const after = (await client().getForm(formId)).hash;
        const applied = effective.version === version && after !== before;
        setOutcome(
          applied
            ? { kind: 'published', version }
            : { kind: 'not-effective', version, inEffect: effective.version ?? 'den nationale formular' },
        );
        props.onPublished(effective);
      }
    } catch (e) {
      setOutcome({
        kind: 'refused',
        error: e instanceof AdminApiError ? e : new AdminApiError(0, (e as Error).message, 'network'),
      });
    } finally {
      setBusy(undefined);
      props.onChanged();
    }
  };

  const nothing = props.changes.length === 0;
  return (
    <div className="config-actions">
      <div className="buttons">
        <button
          type="button"
          disabled={!ready || nothing}
          onClick={() => void run('publish')}
          aria-describedby="publish-help"
        >
          Udgiv ændringerne
        </button>
        <button
          type="button"
          disabled={!ready || nothing}
          onClick={() => void run('save')}
          aria-describedby="publish-help"
        >
          Gem som kladde
        </button>
      </div>
      <p id="publish-help" className="muted">
        {nothing
          ? 'Der er ingen ændringer at udgive.'
          : nextVersion
            ? `Ændringerne udgives som version ${nextVersion}.`
            : 'Venter på forhåndsvisningen …'}
      </p>
      <div role="status" className="action-status">
        {busy ? BUSY_TEXT[busy] : null}
        {outcome?.kind === 'saved'
          ? `Kladden er gemt som version ${outcome.version}. Den gælder først, når den udgives.`
          : null}
        {outcome?.kind === 'published'
          ? `Version ${outcome.version} er udgivet og gælder nu for sagsbehandlerne.`
          : null}
      </div>
      {outcome?.kind === 'not-effective' ? (
        <div role="alert" className="refusal" tabIndex={-1} ref={alertRef}>
          <h3>Udgivet, men ikke i brug</h3>
          <p>
            Version {outcome.version} er udgivet, men sagsbehandlerne får stadig version {outcome.inEffect}. Formularen
            er altså ikke ændret.
          </p>
        </div>
      ) : null}
      {outcome?.kind === 'refused' ? (
        <div role="alert" className="refusal" tabIndex={-1} ref={alertRef}>
          <h3>Ændringerne blev ikke udgivet</h3>
          <p>
            {outcome.error.status === 403
              ? `Du har ikke administratoradgang: ${outcome.error.message}`
              : outcome.error.message}
          </p>
          {outcome.error.problems.length ? (
            <ul className="problems">
              {outcome.error.problems.map((p, i) => (
                <li key={`${p.path}#${i}`}>{plainProblem(p, props.fields)}</li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}
