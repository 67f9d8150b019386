import type { FormSummary } from '@skema/client';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { apiKey, client } from '../api.js';
import { navigate } from '../router.js';
import './admin.css';
import { AdminApi, AdminApiError, type ConfigSummary, type EffectiveConfig } from './admin-api.js';
import { describeChanges } from './change-summary.js';
import { ConfigActions, plainProblem } from './ConfigActions.js';
import { ConfigList } from './ConfigList.js';
import { DiffSummary } from './DiffSummary.js';
import { FieldEditor } from './FieldEditor.js';
import { formOutline, outlineFields, type BaseForm } from './form-fields.js';
import { overlayStart, parseOverlayText, titleOf, withTitle, type OverlayDraft } from './overlay-draft.js';
import { OverlayEditor } from './OverlayEditor.js';
import { OverlayPreview } from './OverlayPreview.js';
import { OwnFields } from './OwnFields.js';
import { TextField } from './TextField.js';
import { useOverlayPreview } from './use-overlay-preview.js';

const failureOf = (e: unknown) =>
  e instanceof AdminApiError ? e : new AdminApiError(0, e instanceof Error ? e.message : String(e), 'network');
const municipalityName = (tenantId: string) => tenantId.charAt(0).toUpperCase() + tenantId.slice(1);

/** What applies now, in words: the national form, or which version of the municipality's changes. */
function InEffect(props: { effective: EffectiveConfig; municipality: string }) {
  const { effective } = props;
  if (effective.source === 'none')
    return <p data-in-effect="none">Gælder nu: den nationale formular uden {props.municipality}s tilpasninger.</p>;
  const where = effective.source === 'git' ? 'fra kommunens faste opsætning' : 'udgivet her på siden';
  return (
    <p data-in-effect={effective.source}>
      Gælder nu: {props.municipality}s tilpasninger, version <strong>{effective.version}</strong> ({where}).
    </p>
  );
}

/**
 * Form configuration for the admin role: the municipality's changes to a national form, edited
 * field by field from what is in effect, previewed live and published as the next version.
 */
export function AdminPage(props: { formId?: string }) {
  const api = useMemo(() => new AdminApi(apiKey()), []);
  const [forms, setForms] = useState<FormSummary[]>();
  const [configs, setConfigs] = useState<ConfigSummary[]>();
  const [failure, setFailure] = useState<AdminApiError>();
  const [effective, setEffective] = useState<EffectiveConfig>();
  const [draft, setDraft] = useState<OverlayDraft>();
  const [text, setText] = useState('');

  const reload = useCallback(() => {
    api.listConfigs().then(setConfigs, (e: unknown) => setFailure(failureOf(e)));
  }, [api]);
  useEffect(() => {
    client()
      .listForms()
      .then(setForms, (e: unknown) => setFailure(failureOf(e)));
    reload();
  }, [reload]);

  const edit = useCallback((next: OverlayDraft) => {
    setDraft(next);
    setText(JSON.stringify(next, null, 2));
  }, []);
  const start = useCallback(
    (config: EffectiveConfig) => {
      setEffective(config);
      edit(overlayStart(config));
    },
    [edit],
  );

  // Choosing a form (again) starts from what is in effect for it, never from a blank overlay.
  useEffect(() => {
    setEffective(undefined);
    setDraft(undefined);
    if (!props.formId) return;
    let current = true;
    api.effective(props.formId).then(
      (config) => current && start(config),
      (e: unknown) => current && setFailure(failureOf(e)),
    );
    return () => {
      current = false;
    };
  }, [api, props.formId, start]);

  const base = effective?.base as BaseForm | undefined;
  const outline = useMemo(() => (base ? formOutline(base) : undefined), [base]);
  const fields = useMemo(() => (outline ? outlineFields(outline) : []), [outline]);
  const parsed = text ? parseOverlayText(text) : undefined;
  const preview = useOverlayPreview(api, draft);
  const national = String((effective?.base.manifest.title as { da?: string } | undefined)?.da ?? props.formId ?? '');
  const municipality = effective ? municipalityName(effective.tenantId) : '';
  const changes =
    effective && draft && base
      ? describeChanges(effective.overlay ?? overlayStart(effective), draft, {
          tenantId: effective.tenantId,
          title: national,
          fields,
          nationalTexts: base.i18n.da,
        })
      : [];
  const nextVersion = preview.pending || !preview.result?.ok ? undefined : preview.result.next?.version;

  const onJson = (value: string) => {
    setText(value);
    const result = parseOverlayText(value);
    if (result.ok) setDraft(result.document);
  };

  const open = async (config: ConfigSummary) => {
    try {
      const record = await api.getConfig(config.kind, config.formId, config.version);
      if (config.formId !== props.formId) navigate(`#/admin/${encodeURIComponent(config.formId)}`);
      else edit(record.document);
    } catch (e) {
      setFailure(failureOf(e));
    }
  };

  if (failure?.status === 403 || failure?.status === 401) {
    return (
      <section aria-labelledby="admin-title">
        <h1 id="admin-title">Tilpas formularer</h1>
        <p role="alert" className="field-error">
          {failure.status === 403 ? 'Du har ikke administratoradgang (rollen «admin»)' : 'Du er ikke logget ind'}:{' '}
          {failure.message}
        </p>
        <p>Log ind, eller skift API-nøgle øverst på siden, med en bruger, der har administratorrollen.</p>
      </section>
    );
  }
  return (
    <section aria-labelledby="admin-title" className="admin">
      <h1 id="admin-title">Tilpas formularer</h1>
      <p className="muted">
        Tilpas en national formular til kommunen: ret tekster, skjul eller kræv felter og tilføj egne felter. Du ser
        resultatet med det samme og udgiver, når det er klar.
      </p>
      {failure ? (
        <p role="alert" className="field-error">
          Noget gik galt: {failure.message}
        </p>
      ) : null}
      <form className="filters" onSubmit={(e) => e.preventDefault()}>
        <label htmlFor="admin-form">Formular</label>
        <select
          id="admin-form"
          value={props.formId ?? ''}
          onChange={(e) => navigate(e.target.value ? `#/admin/${encodeURIComponent(e.target.value)}` : '#/admin')}
        >
          <option value="">Vælg en formular</option>
          {forms?.map((f) => (
            <option key={f.id} value={f.id}>
              {f.title.da} ({f.id})
            </option>
          ))}
        </select>
      </form>
      {props.formId && forms && !forms.some((f) => f.id === props.formId) ? (
        <p role="alert">Formularen «{props.formId}» findes ikke.</p>
      ) : null}
      {props.formId && !effective && !failure ? <p role="status">Henter det, der gælder nu …</p> : null}
      {effective && draft && outline && base ? (
        <div className="admin-grid">
          <section aria-labelledby="overlay-title" className="admin-editor">
            <h2 id="overlay-title">{national}</h2>
            <InEffect effective={effective} municipality={municipality} />
            <TextField
              id="form-title"
              label="Formularens overskrift"
              value={titleOf(draft, national)}
              onChange={(v) => edit(withTitle(draft, v, national))}
            />
            <h3>Felter</h3>
            <FieldEditor outline={outline} draft={draft} nationalTexts={base.i18n.da} onChange={edit} />
            <OwnFields draft={draft} tenantId={effective.tenantId} municipality={municipality} onChange={edit} />
            <section aria-labelledby="changes-title" className="change-summary">
              <h3 id="changes-title">Det ændres for sagsbehandlerne</h3>
              {changes.length ? (
                <ul>
                  {changes.map((line, i) => (
                    <li key={i}>{line}</li>
                  ))}
                </ul>
              ) : (
                <p className="muted">Ingen ændringer i forhold til det, der gælder nu.</p>
              )}
            </section>
            <ConfigActions
              api={api}
              formId={effective.formId}
              draft={draft}
              nextVersion={nextVersion}
              changes={changes}
              fields={fields}
              onChanged={reload}
              onPublished={start}
            />
            <details className="advanced">
              <summary>Avanceret: indstillingerne som JSON</summary>
              <OverlayEditor
                value={text}
                onChange={onJson}
                parseError={parsed && !parsed.ok ? parsed.message : undefined}
              />
              <DiffSummary
                diff={preview.result?.diff}
                title="Teknisk ændringsliste i forhold til den nationale formular"
                headingLevel={3}
              />
            </details>
          </section>
          <OverlayPreview state={preview} describeProblem={(p) => plainProblem(p, fields)} />
        </div>
      ) : null}
      <ConfigList configs={configs} onOpen={(config) => void open(config)} />
    </section>
  );
}
