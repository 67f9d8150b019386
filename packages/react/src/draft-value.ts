import { useCallback, useEffect, useRef, useState } from 'react';
import { useSkemaForm } from './context.js';

/**
 * A text input's value while someone types: the keystroke updates only this input; the form's data
 * (and with it every other control) follows after a short pause, on blur, or before a save or submit.
 * That keeps typing in a large form well under a frame, where a JSON Forms update per keystroke is not.
 */
export function useDraftValue(
  value: string,
  commit: (next: string) => void,
  delay = 120,
): {
  draft: string;
  change: (next: string) => void;
  flush: () => void;
} {
  const { pending } = useSkemaForm();
  const [draft, setDraft] = useState(value);
  const latest = useRef<{ text: string; dirty: boolean }>({ text: value, dirty: false });
  const commitRef = useRef(commit);
  commitRef.current = commit;
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  const flush = useCallback(() => {
    clearTimeout(timer.current);
    pending.delete(flush);
    if (!latest.current.dirty) return;
    latest.current.dirty = false;
    commitRef.current(latest.current.text);
  }, [pending]);

  // Data changed from outside (a loaded draft, an array move): show it unless typing is pending.
  useEffect(() => {
    if (!latest.current.dirty && value !== latest.current.text) {
      latest.current.text = value;
      setDraft(value);
    }
  }, [value]);

  useEffect(() => () => flush(), [flush]);

  const change = useCallback(
    (next: string) => {
      latest.current = { text: next, dirty: true };
      setDraft(next);
      pending.add(flush);
      clearTimeout(timer.current);
      timer.current = setTimeout(flush, delay);
    },
    [pending, flush, delay],
  );

  return { draft, change, flush };
}
