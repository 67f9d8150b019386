import type { FormVersion, ValidationIssue } from '@skema/core';
import { useCallback, useRef, useState } from 'react';
import { SkemaApiError, type SkemaClient, type SubmissionWriteResult } from './api.js';

export type SubmissionPhase = 'idle' | 'saving' | 'submitting' | 'submitted';

/** The stored submission this form writes to (after the first draft save). */
export interface SavedSubmission {
  id: string;
  etag?: string;
  status: string;
  savedAt: string;
}

/** What a failed save or submit reports through `onError` (and the web component's `skema-error`). */
export interface SkemaFormError {
  kind: 'load' | 'validation' | 'server' | 'network';
  message: string;
  status?: number;
  issues?: ValidationIssue[];
}

export interface SubmissionCallbacks {
  onSubmitted?(result: SubmissionWriteResult): void;
  onDraftSaved?(result: SubmissionWriteResult): void;
  onError?(error: SkemaFormError): void;
  /** The server's issues (422/403), to show on the fields. */
  onServerIssues(issues: ValidationIssue[]): void;
}

function newKey(): string {
  return typeof crypto !== 'undefined' && 'randomUUID' in crypto
    ? crypto.randomUUID()
    : `${Date.now()}-${Math.random().toString(36).slice(2)}`;
}

function toIssues(error: SkemaApiError, locale: 'da' | 'en'): ValidationIssue[] {
  return error.issues.map((i) => ({
    path: i.path,
    code: i.code,
    severity: i.severity ?? 'error',
    message: i.message,
    messages: { da: i.message, en: i.message, [locale]: i.message },
  }));
}

/** JSON with object keys sorted, so two equal documents compare equal whatever their key order. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(
          Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
        )
      : v,
  );
}

/**
 * Draft saving and submission against the API, with optimistic concurrency and idempotent creation.
 * `storedData` is the stored submission's data: unchanged data is not written again, since a write
 * of the data voids the recorded approvals (a co-signature given on the draft must survive «Indsend»).
 */
export function useSubmission(
  client: SkemaClient,
  form: FormVersion,
  locale: 'da' | 'en',
  initial: SavedSubmission | undefined,
  callbacks: SubmissionCallbacks,
  storedData?: unknown,
) {
  const [phase, setPhase] = useState<SubmissionPhase>(initial?.status === 'submitted' ? 'submitted' : 'idle');
  const [saved, setSaved] = useState<SavedSubmission | undefined>(initial);
  const storedRef = useRef<string | undefined>(initial && storedData !== undefined ? canonical(storedData) : undefined);
  const [result, setResult] = useState<SubmissionWriteResult | undefined>();
  const [failure, setFailure] = useState<SkemaFormError | undefined>();
  const savedRef = useRef(saved);
  savedRef.current = saved;
  const callbacksRef = useRef(callbacks);
  callbacksRef.current = callbacks;

  const fail = useCallback(
    (error: unknown) => {
      const api = error instanceof SkemaApiError ? error : undefined;
      const issues = api ? toIssues(api, locale) : [];
      const report: SkemaFormError = {
        kind: !api || api.status === 0 ? 'network' : 'server',
        message: api?.message ?? (error as Error).message,
        ...(api && api.status ? { status: api.status } : {}),
        ...(issues.length ? { issues } : {}),
      };
      if (issues.length) callbacksRef.current.onServerIssues(issues);
      setFailure(report);
      callbacksRef.current.onError?.(report);
    },
    [locale],
  );

  const remember = useCallback((written: SubmissionWriteResult) => {
    const next: SavedSubmission = {
      id: written.submission.id,
      status: written.submission.status,
      savedAt: written.submission.updatedAt,
      ...(written.etag ? { etag: written.etag } : {}),
    };
    setSaved(next);
    savedRef.current = next;
    storedRef.current = canonical(written.submission.data);
    setResult(written);
  }, []);

  /** Takes over a revision written elsewhere (an approval), so the next write sends its ETag. */
  const adopt = useCallback(
    (submission: { id: string; status: string; updatedAt: string }, etag: string | undefined) => {
      const next: SavedSubmission = {
        id: submission.id,
        status: submission.status,
        savedAt: submission.updatedAt,
        ...(etag ? { etag } : {}),
      };
      setSaved(next);
      savedRef.current = next;
    },
    [],
  );

  const write = useCallback(
    async (data: unknown, status: 'draft' | 'submitted'): Promise<SubmissionWriteResult> => {
      const { id: formId, version } = form.manifest;
      const current = savedRef.current;
      // The form's data is an object (the schema's root); the server checks it against the version.
      const body = data as Record<string, unknown>;
      if (!current) {
        try {
          return await client.createSubmission(formId, version, body, { status, idempotencyKey: newKey() });
        } catch (error) {
          // A guard that records the submitter's own approval (a fagkonsulent sending an underretning
          // co-signs it) needs a stored submission: the API answers 409 invalid-transition and asks
          // for a draft first, then the status change.
          if (
            status !== 'submitted' ||
            !(error instanceof SkemaApiError) ||
            error.status !== 409 ||
            error.code !== 'invalid-transition'
          )
            throw error;
          const draft = await client.createSubmission(formId, version, body, {
            status: 'draft',
            idempotencyKey: newKey(),
          });
          remember(draft);
          return client.changeStatus(draft.submission.id, status, { ifMatch: draft.etag ?? '*' });
        }
      }
      const etag = current.etag ?? (await client.getSubmission(current.id)).etag ?? '*';
      if (status === 'submitted' && current.status !== status && storedRef.current === canonical(body)) {
        return client.changeStatus(current.id, status, { ifMatch: etag });
      }
      const updated = await client.updateSubmission(current.id, body, { ifMatch: etag });
      if (status === 'draft' || updated.submission.status === status) return updated;
      return client.changeStatus(current.id, status, { ifMatch: updated.etag ?? '*' });
    },
    [client, form, remember],
  );

  const saveDraft = useCallback(
    async (data: unknown) => {
      setPhase('saving');
      setFailure(undefined);
      try {
        const written = await write(data, 'draft');
        remember(written);
        callbacksRef.current.onDraftSaved?.(written);
      } catch (error) {
        fail(error);
      } finally {
        setPhase('idle');
      }
    },
    [write, remember, fail],
  );

  /**
   * The stored submission's id, for an upload: a form not stored yet is saved as a draft first
   * (reported like «Gem kladde»); uploads started together share that one save.
   */
  const creating = useRef<Promise<string> | undefined>(undefined);
  const ensureSaved = useCallback(
    (data: unknown): Promise<string> => {
      if (savedRef.current) return Promise.resolve(savedRef.current.id);
      creating.current ??= write(data, 'draft')
        .then((written) => {
          remember(written);
          callbacksRef.current.onDraftSaved?.(written);
          return written.submission.id;
        })
        .finally(() => {
          creating.current = undefined;
        });
      return creating.current;
    },
    [write, remember],
  );

  const submit = useCallback(
    async (data: unknown) => {
      setPhase('submitting');
      setFailure(undefined);
      try {
        const written = await write(data, 'submitted');
        remember(written);
        setPhase('submitted');
        callbacksRef.current.onSubmitted?.(written);
      } catch (error) {
        fail(error);
        setPhase('idle');
      }
    },
    [write, remember, fail],
  );

  return { phase, saved, result, failure, saveDraft, submit, adopt, ensureSaved, reportError: fail };
}
