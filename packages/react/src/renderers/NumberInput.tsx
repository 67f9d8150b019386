import type { InputHTMLAttributes } from 'react';
import { useSkemaForm } from '../context.js';
import { useDraftValue } from '../draft-value.js';
import { formatNumberInput, parseNumberInput } from '../number-input.js';

export interface NumberInputProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'value' | 'onChange' | 'type'> {
  value: unknown;
  /** The number read from the text, undefined for an empty input, or the text itself when it is not a number. */
  onValue: (next: number | string | undefined) => void;
  integer?: boolean;
  maxDecimals?: number;
  /** How the value is shown when nobody is typing (default: the locale's decimal separator). */
  format?: (value: unknown) => string;
  /** Text around the number that is not part of it, e.g. a currency (`kr.`). */
  strip?: (text: string) => string;
}

/**
 * A text input for numbers, read with `parseNumberInput` (Danish `6,5` and `1.250,50`). A browser's
 * `type="number"` cannot be used: Chromium reads `6,5` as 65 in some locales and gives the page an
 * empty value for text it cannot read. Text that is not a number is kept in the data as typed, so
 * the schema's type check names the field («Timer» skal være et tal) and nothing changes silently.
 */
export function NumberInput(props: NumberInputProps) {
  const { value, onValue, integer, maxDecimals, format, strip, onBlur, ...input } = props;
  const { locale } = useSkemaForm();
  const text = useDraftValue(format ? format(value) : formatNumberInput(value, locale), (raw) => {
    const trimmed = raw.trim();
    if (trimmed === '') return onValue(undefined);
    const parsed = parseNumberInput(strip ? strip(trimmed) : trimmed, locale, {
      ...(integer ? { integer } : {}),
      ...(maxDecimals !== undefined ? { maxDecimals } : {}),
    });
    onValue(parsed ?? raw);
  });
  return (
    <input
      {...input}
      type="text"
      inputMode={integer ? 'numeric' : 'decimal'}
      autoComplete="off"
      spellCheck={false}
      value={text.draft}
      onBlur={(event) => {
        text.flush();
        onBlur?.(event);
      }}
      onChange={(event) => text.change(event.target.value)}
    />
  );
}
