import {
  and,
  isControl,
  or,
  schemaMatches,
  scopeEndIs,
  type ControlProps,
  type RankedTester,
  type UISchemaElement,
} from '@jsonforms/core';
import { withJsonFormsControlProps } from '@jsonforms/react';
import { formatDkk, parseDkk } from '@skema/plugin-dk';
import { ControlFrame, pathToPointer, pluginTester, useDraftValue, useSkemaForm } from '@skema/react';
import type { SkemaRendererEntry } from '@skema/react';
import { DKK_CSS } from './styles.js';

const TEXT = {
  da: { unit: 'kr.', hint: 'Beløb i kroner, fx 1.234,50' },
  en: { unit: 'DKK', hint: 'Amount in Danish kroner, e.g. 1,234.50' },
} as const;

/** The amount as the input shows it: grouped, two decimals, without the currency. */
export function formatAmountInput(amount: unknown, locale: 'da' | 'en'): string {
  if (typeof amount !== 'number' || !Number.isFinite(amount)) return typeof amount === 'string' ? amount : '';
  return formatDkk(amount, locale).replace(/\s*kr\.$/, '').replace(/^DKK\s*/, '');
}

/**
 * A DKK amount typed the Danish way (`1.234,50`), stored as a number of kroner. Text that is not an
 * amount is kept as typed, so the schema's type check reports it instead of the value silently vanishing.
 */
function DkkControl(props: ControlProps) {
  const { data, path, handleChange, label, required, description, errors, visible, enabled } = props;
  const { locale } = useSkemaForm();
  const text = TEXT[locale];
  // The input keeps what is typed; the amount reaches the form's data on a pause or on leaving the
  // field, and is then shown grouped (data changed from outside shows unless someone is typing).
  const input = useDraftValue(formatAmountInput(data, locale), (raw) => {
    if (raw.trim() === '') return handleChange(path, undefined);
    handleChange(path, parseDkk(raw, locale) ?? raw);
  });
  return (
    <ControlFrame pointer={pathToPointer(path)} label={label} required={required} description={description} errors={errors} visible={visible} hint={text.hint}>
      {(a11y) => (
        <div className="skema-amount">
          <input
            {...a11y}
            className="skema-input skema-input--amount"
            type="text"
            inputMode="decimal"
            autoComplete="off"
            value={input.draft}
            disabled={!enabled}
            onBlur={input.flush}
            onChange={(event) => input.change(event.target.value)}
          />
          <span className="skema-amount-unit" aria-hidden="true">
            {text.unit}
          </span>
        </div>
      )}
    </ControlFrame>
  );
}

const AMOUNT_NAME = /(beloeb|belob|omkostning|udgift|pris|honorar|budget|dkk|kroner)/i;
const AMOUNT_TITLE = /\((kr\.?|dkk)\)|\bkroner\b/i;

const isNumber = schemaMatches((schema) => schema.type === 'number' || schema.type === 'integer');
const namedAsAmount = (uischema: UISchemaElement) => AMOUNT_NAME.test(String((uischema as { scope?: string }).scope?.split('/').pop() ?? ''));
const titledAsAmount = schemaMatches((schema) => typeof schema.title === 'string' && AMOUNT_TITLE.test(schema.title));

/** Number fields that hold kroner: `options.renderer: "dkk"`, a title with "(kr.)", or an amount-like name. */
export const dkkTester: RankedTester = pluginTester('dkk', and(isControl, isNumber), or(titledAsAmount, namedAsAmount, scopeEndIs('dkk')));

export const DkkRenderer = withJsonFormsControlProps(DkkControl);

export const dkkRendererEntry: SkemaRendererEntry = { tester: dkkTester, renderer: DkkRenderer, css: DKK_CSS };

export const dkkRenderers: readonly SkemaRendererEntry[] = [dkkRendererEntry];
