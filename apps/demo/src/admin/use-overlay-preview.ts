import { useEffect, useState } from 'react';
import { AdminApiError, type AdminApi, type PreviewResult } from './admin-api.js';

export interface PreviewState {
  pending: boolean;
  result?: PreviewResult;
  error?: AdminApiError;
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
      api.preview(JSON.parse(text), controller.signal).then(
        (result) => {
          if (!controller.signal.aborted) setState({ pending: false, result });
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
