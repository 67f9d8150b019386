import type { FormSummary } from '@skema/core';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { apiKey, client } from '../api.js';
import { navigate } from '../router.js';
import { AdminApi, AdminApiError, type ConfigSummary } from './admin-api.js';
import { ConfigActions } from './ConfigActions.js';
import { ConfigList } from './ConfigList.js';
import { devKeyTenant, nextOverlayVersion, overlaySkeleton, parseOverlayText } from './overlay-draft.js';
import { OverlayEditor } from './OverlayEditor.js';
import { OverlayPreview } from './OverlayPreview.js';
import { useOverlayPreview } from './use-overlay-preview.js';

/** Form configuration for the admin role: a tenant's overlay of a base form, edited with a live preview, saved, checked and published. */
export function AdminPage(props: { formId?: string }) {
  const api = useMemo(() => new AdminApi(apiKey()), []);
  const [forms, setForms] = useState<FormSummary[]>();
  const [configs, setConfigs] = useState<ConfigSummary[]>();
  const [failure, setFailure] = useState<AdminApiError>();
  const [text, setText] = useState('');
  // The form the editor's text was prepared for, so opening a stored overlay is not replaced by a skeleton.
  const preparedFor = useRef<string>(undefined);

  const reload = useCallback(() => {
    api.listConfigs().then(setConfigs, (e: unknown) => setFailure(e instanceof AdminApiError ? e : new AdminApiError(0, String(e), 'network')));
  }, [api]);
  useEffect(() => {
    client().listForms().then(setForms, (e: Error) => setFailure(new AdminApiError(0, e.message, 'network')));
    reload();
  }, [reload]);

  const form = forms?.find((f) => f.id === props.formId);
  useEffect(() => {
    if (!form || !configs || preparedFor.current === form.id) return;
    preparedFor.current = form.id;
    const existingVersions = configs.filter((c) => c.kind === 'overlay' && c.formId === form.id).map((c) => c.version);
    setText(JSON.stringify(overlaySkeleton({ form, tenantId: devKeyTenant(apiKey()), existingVersions }), null, 2));
  }, [form, configs]);

  const parsed = form ? parseOverlayText(text) : undefined;
  const overlay = parsed?.ok ? parsed.document : undefined;
  const preview = useOverlayPreview(api, overlay);

  const open = async (config: ConfigSummary) => {
    try {
      const record = await api.getConfig(config.kind, config.formId, config.version);
      preparedFor.current = config.formId;
      setText(JSON.stringify(record.document, null, 2));
      navigate(`#/admin/${encodeURIComponent(config.formId)}`);
    } catch (e) {
      setFailure(e instanceof AdminApiError ? e : new AdminApiError(0, String(e), 'network'));
    }
  };

  if (failure?.status === 403 || failure?.status === 401) {
    return (
      <section aria-labelledby="admin-title">
        <h1 id="admin-title">Formularkonfiguration</h1>
        <p role="alert" className="field-error">
          {failure.status === 403 ? 'API-nøglen har ikke rollen «admin»' : 'API-nøglen blev ikke godkendt'}: {failure.message}
        </p>
        <p>Skift API-nøgle øverst på siden til en nøgle med administratorrollen.</p>
      </section>
    );
  }
  return (
    <section aria-labelledby="admin-title" className="admin">
      <h1 id="admin-title">Formularkonfiguration</h1>
      <p className="muted">Tilpas en national formular til lejeren med et overlay: se resultatet med det samme, gem en kladde, tjek og udgiv.</p>
      {failure ? (
        <p role="alert" className="field-error">
          Noget gik galt: {failure.message}
        </p>
      ) : null}
      <form className="filters" onSubmit={(e) => e.preventDefault()}>
        <label htmlFor="admin-form">Grundformular</label>
        <select id="admin-form" value={props.formId ?? ''} onChange={(e) => navigate(e.target.value ? `#/admin/${encodeURIComponent(e.target.value)}` : '#/admin')}>
          <option value="">Vælg en formular</option>
          {forms?.map((f) => (
            <option key={f.id} value={f.id}>
              {f.title.da} ({f.id})
            </option>
          ))}
        </select>
      </form>
      {props.formId && forms && !form ? <p role="alert">Formularen «{props.formId}» findes ikke.</p> : null}
      {form ? (
        <div className="admin-grid">
          <section aria-labelledby="overlay-title">
            <h2 id="overlay-title">Overlay for {form.title.da}</h2>
            <OverlayEditor value={text} onChange={setText} parseError={parsed && !parsed.ok ? parsed.message : undefined} />
            <ConfigActions
              api={api}
              formId={form.id}
              document={overlay}
              onChanged={reload}
              onPublished={(record) => overlay && setText(JSON.stringify({ ...overlay, version: nextOverlayVersion([record.version]) }, null, 2))}
            />
          </section>
          <OverlayPreview state={preview} />
        </div>
      ) : null}
      <ConfigList configs={configs} onOpen={open} />
    </section>
  );
}
