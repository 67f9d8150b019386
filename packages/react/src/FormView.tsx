import {
  UPDATE_CORE,
  type JsonFormsCore,
  type JsonFormsRendererRegistryEntry,
  type Middleware,
  type UISchemaElement,
} from '@jsonforms/core';
import { JsonForms } from '@jsonforms/react';
import {
  todayInDenmark,
  type CompiledForm,
  type DerivedDeadline,
  type FormVersion,
  type Locale,
  type RuleOptionsByRule,
  type SkemaEngine,
  type ValidationIssue,
  type ValidationResult,
  type Wire,
  type WorkingDayCalendar,
} from '@skema/core';
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { flushSync } from 'react-dom';
import { issuesToErrorObjects } from './ajv-errors.js';
import type { SkemaClient, SubmissionWriteResult } from './api.js';
import { SubmissionApprovalsContext, type SignedInPerson } from './approvals-context.js';
import { SkemaFormContext, type SkemaFormContextValue } from './context.js';
import { FormAttachmentsContext } from './attachments-context.js';
import { useFormAttachmentsValue } from './use-form-attachments.js';
import { withSchemaDefaults } from './defaults.js';
import { requiredNow, withRequiredObjects } from './error-feedback.js';
import { ErrorSummary } from './ErrorSummary.js';
import { findFieldElement, focusField, pointerOfElement } from './focus.js';
import { PendingCommits } from './pending-commits.js';
import { IssueStore } from './issue-store.js';
import { Receipt } from './Receipt.js';
import { receiptSubject } from './receipt-subject.js';
import { safeUiSchema } from './renderers/data-paths.js';
import { skemaRenderers } from './renderers/skema-renderers.js';
import { createTranslate } from './translate.js';
import type { UiText } from './ui-text.js';
import { useApprovals } from './use-approvals.js';
import { useTouched } from './use-touched.js';
import { useSubmission, type SavedSubmission, type SkemaFormError } from './use-submission.js';
import {
  currentServerIssues,
  mergeIssues,
  placeIssues,
  shownIssues,
  toServerIssues,
  type ServerIssue,
} from './visible-issues.js';

const HEADINGS = { 1: 'h1', 2: 'h2', 3: 'h3' } as const;

/** What `onChange` reports after each (debounced) validation. */
export interface SkemaFormChange {
  data: unknown;
  valid: boolean;
  errors: ValidationIssue[];
  warnings: ValidationIssue[];
  deadlines: DerivedDeadline[];
}

export interface FormViewProps {
  form: FormVersion;
  engine: SkemaEngine;
  compiled: CompiledForm;
  client: SkemaClient;
  locale: Locale;
  ui: UiText;
  today: string | undefined;
  /** The tenant's rule options, so severities match the server's. */
  ruleOptions: RuleOptionsByRule | undefined;
  /** The tenant's working-day calendar, so deadlines fall on the server's days. */
  calendar: WorkingDayCalendar;
  idPrefix: string;
  initialData: unknown;
  initialSaved: SavedSubmission | undefined;
  /** The stored submission's data and recorded approvals, when continuing one. */
  storedData?: unknown;
  initialApprovals?: readonly Wire.Approval[];
  /** Who is signed in (`GET /auth/me`), for the approval buttons. */
  person?: SignedInPerson;
  renderers: readonly JsonFormsRendererRegistryEntry[] | undefined;
  readonly: boolean;
  /** Whether the «bilag» fields may upload (see `attachmentsAllowed`). */
  attachments: boolean;
  validationDelay: number;
  headingLevel: 1 | 2 | 3;
  showTitle: boolean;
  actions: boolean;
  onChange?: (change: SkemaFormChange) => void;
  onSubmitted?: (result: SubmissionWriteResult) => void;
  onDraftSaved?: (result: SubmissionWriteResult) => void;
  onError?: (error: SkemaFormError) => void;
}

const CONFIG = Object.freeze({ showUnfocusedDescription: true });
const NO_ISSUES: ValidationIssue[] = [];

function sameMap(a: ReadonlyMap<string, string>, b: ReadonlyMap<string, string>): boolean {
  if (a.size !== b.size) return false;
  for (const [k, v] of a) if (b.get(k) !== v) return false;
  return true;
}

/** Enter in a one-line input would submit a long form by accident; only the submit button submits. */
function preventImplicitSubmit(event: KeyboardEvent<HTMLFormElement>) {
  const target = event.target as HTMLElement;
  if (event.key === 'Enter' && target.tagName === 'INPUT' && (target as HTMLInputElement).type !== 'submit')
    event.preventDefault();
}

export function FormView(props: FormViewProps) {
  const {
    form,
    engine,
    compiled,
    client,
    locale,
    ui,
    today,
    ruleOptions,
    calendar,
    idPrefix,
    readonly,
    validationDelay,
  } = props;
  const callbacks = useRef(props);
  callbacks.current = props;

  const dataRef = useRef<unknown>(undefined);
  const [initialData] = useState(() => {
    dataRef.current = withSchemaDefaults(form.schema, props.initialData);
    return dataRef.current;
  });
  const [result, setResult] = useState<ValidationResult>();
  const { touched, markTouched: recordTouched, onPointerDownCapture } = useTouched();
  const [added, setAdded] = useState<ReadonlySet<string>>(() => new Set());
  const requiredRef = useRef<ReadonlySet<string>>(new Set());
  const [submitAttempted, setSubmitAttempted] = useState(false);
  const [serverIssues, setServerIssues] = useState<ServerIssue[]>([]);
  const [placement, setPlacement] = useState<ReadonlyMap<string, string>>(() => new Map());
  const [summaryFocus, setSummaryFocus] = useState(0);
  const store = useMemo(() => new IssueStore(), []);
  const pending = useMemo(() => new PendingCommits(), []);
  // Typed text still waiting for its pause goes into the data now (synchronously), before it is read.
  const currentData = useCallback(() => {
    flushSync(() => pending.flush());
    return dataRef.current;
  }, [pending]);
  const rootRef = useRef<HTMLDivElement>(null);
  const summaryRef = useRef<HTMLDivElement>(null);

  const validateNow = useCallback(
    // Missing required objects count as their missing fields (see withRequiredObjects).
    (data: unknown) =>
      engine.validate(compiled, withRequiredObjects(form.schema, data), {
        locale,
        mode: 'submitted',
        calendar,
        ...(today ? { today } : {}),
        ...(ruleOptions ? { ruleOptions } : {}),
      }),
    [engine, compiled, form.schema, locale, today, ruleOptions, calendar],
  );

  // Validation runs once typing pauses, never per keystroke.
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const stale = useRef(false);
  const runValidation = useCallback(() => {
    clearTimeout(timer.current);
    stale.current = false;
    const data = dataRef.current;
    const next = validateNow(data);
    requiredRef.current = requiredNow(requiredRef.current, next.errors, data);
    setResult(next);
    callbacks.current.onChange?.({
      data,
      valid: next.valid,
      errors: next.errors,
      warnings: next.warnings,
      deadlines: next.derived.deadlines,
    });
    return next;
  }, [validateNow]);
  const schedule = useCallback(() => {
    stale.current = true;
    clearTimeout(timer.current);
    timer.current = setTimeout(runValidation, validationDelay);
  }, [runValidation, validationDelay]);
  useEffect(() => {
    schedule();
    return () => clearTimeout(timer.current);
  }, [schedule]);

  // The form owns its data after the first render: a props update (new additionalErrors) must not
  // put older data back, and every data change is seen synchronously, not after JSON Forms' debounce.
  const middleware = useCallback<Middleware>(
    (state: JsonFormsCore, action, reducer) => {
      const held: unknown = state.data;
      const effective = action.type === UPDATE_CORE && held !== undefined ? { ...action, data: held } : action;
      const next = reducer(state, effective);
      if (next.data !== state.data && action.type !== UPDATE_CORE) {
        dataRef.current = next.data;
        schedule();
      }
      return next;
    },
    [schedule],
  );

  const submission = useSubmission(
    client,
    form,
    locale,
    props.initialSaved,
    {
      onSubmitted: (r) => callbacks.current.onSubmitted?.(r),
      onDraftSaved: (r) => callbacks.current.onDraftSaved?.(r),
      onError: (e) => callbacks.current.onError?.(e),
      onServerIssues: (issues) => {
        setServerIssues(toServerIssues(issues, dataRef.current));
        setSubmitAttempted(true);
        setSummaryFocus((n) => n + 1);
      },
    },
    props.storedData,
  );

  const { ensureSaved } = submission;
  const ensureSubmission = useCallback(() => ensureSaved(currentData()), [ensureSaved, currentData]);
  const attachments = useFormAttachmentsValue(client, ensureSubmission, props.attachments);
  const approvalsValue = useApprovals(client, submission, props.initialApprovals, props.person, ui.networkError);

  const allErrors = useMemo(
    () => mergeIssues(result?.errors ?? NO_ISSUES, currentServerIssues(serverIssues, dataRef.current)),
    [result, serverIssues],
  );
  const shownErrors = useMemo(
    () => shownIssues(allErrors, touched, submitAttempted, added),
    [allErrors, touched, submitAttempted, added],
  );
  const shownWarnings = useMemo(
    () => shownIssues(result?.warnings ?? NO_ISSUES, touched, submitAttempted, added),
    [result, touched, submitAttempted, added],
  );
  const placedErrors = useMemo(() => placeIssues(shownErrors, placement), [shownErrors, placement]);
  const placedWarnings = useMemo(() => placeIssues(shownWarnings, placement), [shownWarnings, placement]);
  const additionalErrors = useMemo(() => issuesToErrorObjects(placedErrors), [placedErrors]);

  useLayoutEffect(() => {
    store.set({
      errors: placedErrors,
      warnings: placedWarnings,
      deadlines: result?.derived.deadlines ?? [],
      required: requiredRef.current,
    });
  }, [store, placedErrors, placedWarnings, result]);

  // An issue on an object without a control of its own is shown at the first field inside it.
  useLayoutEffect(() => {
    const root = rootRef.current;
    if (!root) return;
    const next = new Map<string, string>();
    for (const issue of [...shownErrors, ...shownWarnings]) {
      if (!issue.path) continue;
      const element = findFieldElement(root, issue.path, idPrefix);
      const at = element ? pointerOfElement(element) : undefined;
      if (at !== undefined && at !== issue.path) next.set(issue.path, at);
    }
    setPlacement((prev) => (sameMap(prev, next) ? prev : next));
  }, [shownErrors, shownWarnings, idPrefix]);

  useEffect(() => {
    if (summaryFocus > 0) summaryRef.current?.focus();
  }, [summaryFocus]);

  const selectField = useCallback(
    (pointer: string) => {
      store.reveal(pointer);
      focusField(() => rootRef.current, pointer, idPrefix);
    },
    [store, idPrefix],
  );

  const onSubmit = (event: { preventDefault(): void }) => {
    event.preventDefault();
    const data = currentData();
    const checked = runValidation();
    setSubmitAttempted(true);
    setAdded((prev) => (prev.size ? new Set() : prev));
    const blocking = mergeIssues(checked.errors, currentServerIssues(serverIssues, data));
    if (blocking.length > 0) {
      setSummaryFocus((n) => n + 1);
      callbacks.current.onError?.({
        kind: 'validation',
        message: ui.errorSummaryTitle(blocking.length),
        issues: blocking,
      });
      return;
    }
    void submission.submit(data);
  };

  // A field is left: a value just chosen (a select changed by keyboard, then Tab) is validated
  // first, so its old «skal udfyldes» never flashes up before the pending validation clears it.
  const markTouched = useCallback(
    (pointer: string) => {
      flushSync(() => pending.flush());
      if (stale.current) flushSync(() => void runValidation());
      recordTouched(pointer);
    },
    [runValidation, recordTouched, pending],
  );
  const markAdded = useCallback((pointer: string) => setAdded((prev) => new Set([...prev, pointer])), []);

  const [referenceDate] = useState(() => today ?? todayInDenmark());
  const contextValue = useMemo<SkemaFormContextValue>(
    () => ({ locale, today: today ?? referenceDate, ui, idPrefix, store, markTouched, markAdded, pending, calendar }),
    [locale, today, referenceDate, ui, idPrefix, store, markTouched, markAdded, pending, calendar],
  );
  const i18n = useMemo(() => ({ locale, translate: createTranslate(form.i18n, locale) }), [form, locale]);
  // Rule conditions JSON Forms would resolve at the wrong data path are rewritten once per form.
  const uischema = useMemo(() => safeUiSchema(form.uischema as unknown as UISchemaElement), [form.uischema]);
  const renderers = useMemo(
    () => (props.renderers?.length ? [...skemaRenderers, ...props.renderers] : [...skemaRenderers]),
    [props.renderers],
  );

  const Heading = HEADINGS[props.headingLevel];
  const { phase, saved, failure } = submission;
  const busy = phase === 'saving' || phase === 'submitting';
  const status =
    phase === 'saving'
      ? ui.savingDraft
      : phase === 'submitting'
        ? ui.submitting
        : phase === 'submitted'
          ? ui.submitted
          : saved?.status === 'draft'
            ? ui.draftSaved(
                new Date(saved.savedAt).toLocaleTimeString(locale === 'da' ? 'da-DK' : 'en-GB', {
                  hour: '2-digit',
                  minute: '2-digit',
                }),
              )
            : '';

  return (
    <SkemaFormContext.Provider value={contextValue}>
      <SubmissionApprovalsContext.Provider value={approvalsValue}>
        <FormAttachmentsContext.Provider value={attachments}>
          <div
            ref={rootRef}
            className="skema-form-body"
            data-form={form.manifest.id}
            data-version={form.manifest.version}
            onPointerDownCapture={onPointerDownCapture}
          >
            {props.showTitle ? (
              <Heading className="skema-title" id={`${idPrefix}-title`}>
                {form.manifest.title[locale]}
              </Heading>
            ) : null}
            {shownErrors.length > 0 && submitAttempted ? (
              <ErrorSummary
                ref={summaryRef}
                issues={shownErrors}
                title={ui.errorSummaryTitle(shownErrors.length)}
                idPrefix={idPrefix}
                onSelect={selectField}
              />
            ) : null}
            {phase === 'submitted' && submission.result ? (
              <div className="skema-status skema-status--success">
                <Receipt
                  submissionId={submission.result.submission.id}
                  receipt={submission.result.receipt}
                  locale={locale}
                  formTitle={form.manifest.title[locale]}
                  status={submission.result.submission.status}
                  at={submission.result.submission.updatedAt}
                  sender={submission.result.submission.createdBy}
                  subject={receiptSubject(dataRef.current)}
                  approvals={submission.result.submission.approvals ?? []}
                  client={client}
                  autoFocus
                />
              </div>
            ) : null}
            {!readonly && phase !== 'submitted' ? <p className="skema-description">{ui.requiredHint}</p> : null}
            <form
              noValidate
              onSubmit={onSubmit}
              onKeyDown={preventImplicitSubmit}
              {...(props.showTitle
                ? { 'aria-labelledby': `${idPrefix}-title` }
                : { 'aria-label': form.manifest.title[locale] })}
            >
              <JsonForms
                schema={form.schema}
                uischema={uischema}
                data={initialData}
                renderers={renderers}
                config={CONFIG}
                i18n={i18n}
                ajv={engine.ajv}
                validationMode="NoValidation"
                additionalErrors={additionalErrors}
                middleware={middleware}
                readonly={readonly || phase === 'submitted'}
              />
              {shownWarnings.length > 0 && submitAttempted ? (
                <ErrorSummary
                  kind="warning"
                  issues={shownWarnings}
                  title={ui.warningsTitle(shownWarnings.length)}
                  idPrefix={idPrefix}
                  onSelect={selectField}
                />
              ) : null}
              {props.actions && !readonly && phase !== 'submitted' ? (
                <div className="skema-actions">
                  <button type="submit" className="skema-button" disabled={busy}>
                    {ui.submit}
                  </button>
                  <button
                    type="button"
                    className="skema-button skema-button--secondary"
                    disabled={busy}
                    onClick={() => void submission.saveDraft(currentData())}
                  >
                    {ui.saveDraft}
                  </button>
                </div>
              ) : null}
            </form>
            <div role="status" className="skema-status-line">
              {status}
            </div>
            {failure && !failure.issues?.length ? (
              <div role="alert" className="skema-status skema-status--error">
                {failure.kind === 'network' ? ui.networkError : `${ui.serverRejected} ${failure.message}`}
              </div>
            ) : null}
          </div>
        </FormAttachmentsContext.Provider>
      </SubmissionApprovalsContext.Provider>
    </SkemaFormContext.Provider>
  );
}
