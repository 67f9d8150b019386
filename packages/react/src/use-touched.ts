import { useCallback, useEffect, useRef, useState, type PointerEvent } from 'react';

/**
 * The fields a person has left (their errors may show from then on). Leaving a field by pressing
 * the mouse on something else records it only after that press's click: an error message
 * appearing at the field on mousedown would push the button being clicked away from under the
 * pointer, and the click would be lost (e.g. a second "Tilføj" right after typing in an item).
 */
export function useTouched(): {
  touched: ReadonlySet<string>;
  markTouched: (pointer: string) => void;
  onPointerDownCapture: (event: PointerEvent) => void;
} {
  const [touched, setTouched] = useState<ReadonlySet<string>>(() => new Set());
  const pressed = useRef(false);
  const waiting = useRef<string[]>([]);

  const record = useCallback((pointers: string[]) => {
    setTouched((prev) => {
      const fresh = pointers.filter((p) => !prev.has(p));
      return fresh.length ? new Set([...prev, ...fresh]) : prev;
    });
  }, []);

  useEffect(() => {
    const release = () => {
      if (!pressed.current) return;
      pressed.current = false;
      // pointerup, mouseup and click run in one task: a timeout lands after the click.
      setTimeout(() => {
        const pointers = waiting.current;
        waiting.current = [];
        if (pointers.length) record(pointers);
      }, 0);
    };
    document.addEventListener('pointerup', release, true);
    document.addEventListener('pointercancel', release, true);
    return () => {
      document.removeEventListener('pointerup', release, true);
      document.removeEventListener('pointercancel', release, true);
    };
  }, [record]);

  const markTouched = useCallback(
    (pointer: string) => {
      if (pressed.current) waiting.current.push(pointer);
      else record([pointer]);
    },
    [record],
  );
  const onPointerDownCapture = useCallback(() => {
    pressed.current = true;
  }, []);

  return { touched, markTouched, onPointerDownCapture };
}
