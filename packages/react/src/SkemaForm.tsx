import type { CalendarOptions, FormVersion, Locale, RuleOptionsByRule, SkemaPlugin, Wire } from '@skema/core';
import { useEffect, useMemo, useRef } from 'react';
import { SkemaClient, type SubmissionWriteResult } from './api.js';
import { getEngine } from './engine.js';
import { FormView, type SkemaFormChange } from './FormView.js';
import { PrefillContext } from './prefill-hints.js';
import { rendererCss, type SkemaRendererEntry } from './renderer-styles.js';
import { SKEMA_CSS } from './styles.js';
import { uiText } from './ui-text.js';
import { useLoadedForm } from './use-loaded-form.js';
import { attachmentsAllowed } from './use-form-attachments.js';
import { usePerson } from './use-person.js';
import type { SkemaFormError } from './use-submission.js';

export interface SkemaFormProps {
  /** Form id and version to load from the API (`latest` by default). */
  formId?: string;
  version?: string;
  /** The API's address: `https://host` or `https://host/api/v1`; the page's origin when left out. */
  apiUrl?: string;
  /** Bearer token (API key) for saving and submitting. */
  token?: string;
  locale?: Locale;
  /** A form version given directly instead of loading it. Keep the object stable between renders. */
  form?: FormVersion;
  /** Continue a stored submission (a draft): loads its data and its form version. */
  submissionId?: string;
  /** Starting data (defaults from the schema are filled in). */
  data?: unknown;
  /**
   * Prefill of a form opened in a case (`GET /cases/{id}/prefill/{formId}`): its data starts the
   * form (unless `data` is given) and each prefilled field says where it came from. Keep it stable.
   */
  prefill?: Wire.PrefillResult;
  /** Reference date (YYYY-MM-DD) for ages and deadlines; today in Denmark by default. */
  today?: string;
  /**
   * Rule options by rule id (e.g. `{ 'UND-07': { severity: 'error' } }`), as the server applies a
   * tenant's. Left out, the `tenantRuleOptions` the API sends with a fetched form (for the token's
   * tenant) apply. Keep the object stable: resolved options are cached per object.
   */
  ruleOptions?: RuleOptionsByRule;
  /**
   * Working-day calendar options (e.g. `{ grundlovsdag: false }`), as the server applies a tenant's
   * to deadlines. Left out, the `tenantCalendar` the API sends with a fetched form applies. Keep it stable.
   */
  calendarOptions?: CalendarOptions;
  /** Rule plugins; the standard set when left out. Keep the array stable: one engine is built per array. */
  plugins?: readonly SkemaPlugin[];
  /** Extra JSON Forms renderers (renderer plugins), ranked with the built-in ones; their `css` is added to the form's. Keep the array stable. */
  renderers?: readonly SkemaRendererEntry[];
  readonly?: boolean;
  /**
   * Whether «bilag» fields may upload files (to this form's submission, saved as a draft first when
   * needed). Default: when a `token` is given that is not an embed session's, and not `readonly`.
   */
  attachments?: boolean;
  /** Prefix of every field id (`<prefix>-field__barn__cpr`); set it when a page shows two forms. */
  idPrefix?: string;
  /** Milliseconds of typing pause before validation runs. */
  validationDelay?: number;
  headingLevel?: 1 | 2 | 3;
  showTitle?: boolean;
  /** Show the submit and draft buttons. */
  actions?: boolean;
  /** Add the component's stylesheet (styled through `--skema-*` custom properties). */
  injectStyles?: boolean;
  className?: string;
  fetch?: typeof fetch;
  onChange?: (change: SkemaFormChange) => void;
  onSubmitted?: (result: SubmissionWriteResult) => void;
  onDraftSaved?: (result: SubmissionWriteResult) => void;
  onError?: (error: SkemaFormError) => void;
}

/**
 * A Skema form: loaded from the API (or given), rendered with JSON Forms and Skema's accessible
 * renderers, validated in the browser by the same rule plugins as the server, saved as a draft and
 * submitted to the API, with the server's answer shown on the fields.
 */
export function SkemaForm(props: SkemaFormProps) {
  const locale = props.locale ?? 'da';
  const ui = uiText(locale);
  const client = useMemo(
    () =>
      new SkemaClient({
        baseUrl: props.apiUrl ?? '',
        ...(props.token ? { token: props.token } : {}),
        locale,
        ...(props.fetch ? { fetch: props.fetch } : {}),
      }),
    [props.apiUrl, props.token, locale, props.fetch],
  );
  const loadInput = useMemo(
    () => ({
      ...(props.form ? { form: props.form } : {}),
      ...(props.formId ? { formId: props.formId } : {}),
      ...(props.version ? { version: props.version } : {}),
      ...(props.submissionId ? { submissionId: props.submissionId } : {}),
    }),
    [props.form, props.formId, props.version, props.submissionId],
  );
  const state = useLoadedForm(client, loadInput);
  const person = usePerson(client, Boolean(props.token));
  const engine = getEngine(props.plugins);
  const compiled = useMemo(() => {
    if (state.status !== 'ready') return undefined;
    try {
      // Options the calendar plugin refuses are a load error, like a form the engine cannot compile.
      const calendar = engine.calendarFor(props.calendarOptions ?? state.tenantCalendar);
      return { kind: 'ok', compiled: engine.compile(state.form), calendar } as const;
    } catch (error) {
      return { kind: 'error', error: error as Error } as const;
    }
  }, [engine, state, props.calendarOptions]);

  const loadError = state.status === 'error' ? state.error : compiled?.kind === 'error' ? compiled.error : undefined;
  const onError = useRef(props.onError);
  onError.current = props.onError;
  useEffect(() => {
    if (loadError) onError.current?.({ kind: 'load', message: loadError.message });
  }, [loadError]);

  const className = ['skema-form', props.className].filter(Boolean).join(' ');
  const css = useMemo(() => `${SKEMA_CSS}${rendererCss(props.renderers)}`, [props.renderers]);
  let body;
  if (loadError) {
    body = (
      <div role="alert" className="skema-status skema-status--error">
        {ui.loadFailed}
      </div>
    );
  } else if (state.status !== 'ready' || compiled?.kind !== 'ok') {
    body = (
      <p role="status" className="skema-loading">
        {ui.loading}
      </p>
    );
  } else {
    const stored = state.submission;
    body = (
      <FormView
        key={`${state.form.hash}:${locale}:${stored?.submission.id ?? ''}`}
        form={state.form}
        engine={engine}
        compiled={compiled.compiled}
        client={client}
        locale={locale}
        ui={ui}
        today={props.today}
        ruleOptions={props.ruleOptions ?? state.tenantRuleOptions}
        calendar={compiled.calendar}
        idPrefix={props.idPrefix ?? 'skema'}
        initialData={props.data ?? stored?.submission.data ?? props.prefill?.data}
        initialSaved={
          stored
            ? {
                id: stored.submission.id,
                status: stored.submission.status,
                savedAt: stored.submission.updatedAt,
                ...(stored.etag ? { etag: stored.etag } : {}),
              }
            : undefined
        }
        {...(stored ? { storedData: stored.submission.data, initialApprovals: stored.submission.approvals ?? [] } : {})}
        {...(person ? { person } : {})}
        renderers={props.renderers}
        readonly={props.readonly ?? false}
        attachments={props.attachments ?? attachmentsAllowed(props.token, props.readonly ?? false)}
        validationDelay={props.validationDelay ?? 150}
        headingLevel={props.headingLevel ?? 2}
        showTitle={props.showTitle ?? true}
        actions={props.actions ?? true}
        {...(props.onChange ? { onChange: props.onChange } : {})}
        {...(props.onSubmitted ? { onSubmitted: props.onSubmitted } : {})}
        {...(props.onDraftSaved ? { onDraftSaved: props.onDraftSaved } : {})}
        {...(props.onError ? { onError: props.onError } : {})}
      />
    );
  }
  const hints = useMemo(
    () => (props.prefill ? { locale, provenance: props.prefill.provenance } : undefined),
    [props.prefill, locale],
  );
  return (
    <div className={className} lang={locale}>
      {props.injectStyles === false ? null : <style>{css}</style>}
      <PrefillContext.Provider value={hints}>{body}</PrefillContext.Provider>
    </div>
  );
}
