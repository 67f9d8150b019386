import { useState } from 'react';
import { AdminApiError, type AdminApi, type CheckResult, type ConfigRecord } from './admin-api.js';
import { DiffSummary } from './DiffSummary.js';
import { documentVersion } from './overlay-draft.js';
import { ProblemList } from './ProblemList.js';

type Outcome =
  | { kind: 'saved' | 'published'; record: ConfigRecord }
  | { kind: 'checked'; result: CheckResult }
  | { kind: 'refused'; error: AdminApiError };

type Action = 'save' | 'check' | 'publish';
const BUSY_TEXT: Record<Action, string> = { save: 'Gemmer kladden …', check: 'Gemmer og tjekker …', publish: 'Gemmer og udgiver …' };

/**
 * Save, check and publish the overlay in the editor. Check and publish act on the stored draft,
 * so both save the editor's text first: what is checked is what the user sees.
 */
export function ConfigActions(props: {
  api: AdminApi;
  formId: string;
  document: Record<string, unknown> | undefined;
  onChanged(): void;
  /** A published version is immutable: the page moves the editor on to the next one. */
  onPublished?(record: ConfigRecord): void;
}) {
  const [busy, setBusy] = useState<Action>();
  const [outcome, setOutcome] = useState<Outcome>();
  const version = props.document ? documentVersion(props.document) : undefined;
  const formId = typeof props.document?.formId === 'string' ? props.document.formId : props.formId;

  const run = async (action: Action) => {
    if (!props.document || !version) return;
    setBusy(action);
    setOutcome(undefined);
    try {
      const saved = await props.api.saveDraft('overlay', formId, version, props.document);
      if (action === 'save') setOutcome({ kind: 'saved', record: saved });
      if (action === 'check') setOutcome({ kind: 'checked', result: await props.api.check('overlay', formId, version) });
      if (action === 'publish') {
        const published = await props.api.publish('overlay', formId, version);
        setOutcome({ kind: 'published', record: published });
        props.onPublished?.(published);
      }
    } catch (e) {
      setOutcome({ kind: 'refused', error: e instanceof AdminApiError ? e : new AdminApiError(0, (e as Error).message, 'network') });
    } finally {
      setBusy(undefined);
      props.onChanged();
    }
  };

  return (
    <div className="config-actions">
      <div className="buttons">
        <button type="button" disabled={!version || busy !== undefined} onClick={() => run('save')}>
          Gem kladde
        </button>
        <button type="button" disabled={!version || busy !== undefined} onClick={() => run('check')}>
          Gem og tjek
        </button>
        <button type="button" disabled={!version || busy !== undefined} onClick={() => run('publish')}>
          Gem og udgiv
        </button>
      </div>
      {props.document && !version ? <p className="muted">Overlayet skal have en version (fx &quot;1.0.0&quot;) for at kunne gemmes.</p> : null}
      <div role="status" className="action-status">
        {busy ? BUSY_TEXT[busy] : null}
        {outcome?.kind === 'saved' ? `Kladden er gemt: ${outcome.record.formId} version ${outcome.record.version} (kladde).` : null}
        {outcome?.kind === 'published' ? `Version ${outcome.record.version} er udgivet. Lejerens effektive formular er opdateret. Videre ændringer gemmes som en ny version.` : null}
      </div>
      {outcome?.kind === 'checked' ? <CheckOutcome result={outcome.result} /> : null}
      {outcome?.kind === 'refused' ? (
        <div role="alert" className="refusal">
          <h3>Afvist</h3>
          <p>{outcome.error.status === 403 ? `Nøglen har ikke administratorrollen: ${outcome.error.message}` : outcome.error.message}</p>
          <ProblemList problems={outcome.error.problems} />
          <DiffSummary diff={outcome.error.diff} requiredBump={outcome.error.requiredBump} headingLevel={4} />
        </div>
      ) : null}
    </div>
  );
}

function CheckOutcome(props: { result: CheckResult }) {
  const { ok, problems, diff, requiredBump, previousVersion } = props.result;
  return (
    <div role={ok ? 'status' : 'alert'} className={ok ? 'check-ok' : 'refusal'}>
      <h3>{ok ? 'Tjek bestået' : 'Tjek fandt problemer'}</h3>
      <ProblemList problems={problems} />
      <DiffSummary diff={diff} requiredBump={requiredBump} previousVersion={previousVersion} headingLevel={4} />
    </div>
  );
}
