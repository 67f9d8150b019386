import { useEffect, useState } from 'react';
import type { Wire } from '@skema/client';
import { AdminApiError, type AdminApi, type PreviewResult } from './admin-api.js';

export interface PreviewState {
  pending: boolean;
  result?: PreviewResult;
  error?: AdminApiError;
}

/**
 * The new answer, with the previous answer's form object when both carry the same form (same
 * content hash): the preview then keeps the rendered form and what was typed in it, e.g. after a
 * whitespace edit.
 */
function keepSameForm(previous: PreviewResult | undefined, next: PreviewResult): PreviewResult {
  return previous?.form && next.form?.hash === previous.form.hash ? { ...next, form: previous.form } : next;
}

/**
 * The effective form of the overlay being edited: asked for after `delay` ms without edits, and
 * an older request is cancelled so a slow answer never overwrites a newer one.
 */
export function useOverlayPreview(
  api: AdminApi,
  document: Record<string, unknown> | undefined,
  delay = 400,
): PreviewState {
  const [state, setState] = useState<PreviewState>({ pending: false });
  // Compared as text: the parsed object is new on every keystroke even when nothing changed.
  const text = document ? JSON.stringify(document) : undefined;
  useEffect(() => {
    if (text === undefined) return;
    const controller = new AbortController();
    setState((s) => ({ ...s, pending: true }));
    const timer = setTimeout(() => {
      // `text` is the JSON of `document`, an object.
      api.preview(JSON.parse(text) as Wire.JsonObject, controller.signal).then(
        (result) => {
          if (!controller.signal.aborted) setState((s) => ({ pending: false, result: keepSameForm(s.result, result) }));
        },
        (e: Error) => {
          if (controller.signal.aborted) return;
          setState({
            pending: false,
            error: e instanceof AdminApiError ? e : new AdminApiError(0, e.message, 'network'),
          });
        },
      );
    }, delay);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [api, text, delay]);
  return state;
}
