// @vitest-environment jsdom
import { act, renderHook } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { useTouched } from './use-touched.js';

describe('useTouched', () => {
  it('records a field left by keyboard at once', () => {
    const { result } = renderHook(() => useTouched());
    act(() => result.current.markTouched('/a'));
    expect([...result.current.touched]).toEqual(['/a']);
  });

  it('records a field left by pressing the mouse elsewhere only after that press (so its message cannot move the clicked button)', async () => {
    const { result } = renderHook(() => useTouched());
    act(() => {
      result.current.onPointerDownCapture({} as never);
      result.current.markTouched('/samtykker/0/giver');
    });
    expect(result.current.touched.size).toBe(0);
    act(() => void document.dispatchEvent(new Event('pointerup')));
    expect(result.current.touched.size).toBe(0); // the click runs in this same task
    await act(() => new Promise((r) => setTimeout(r, 0)));
    expect([...result.current.touched]).toEqual(['/samtykker/0/giver']);
  });
});
