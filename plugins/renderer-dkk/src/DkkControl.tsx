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
import { formatDkk } from '@skema/plugin-dk';
import { ControlFrame, NumberInput, pathToPointer, pluginTester, useSkemaForm } from '@skema/react';
import type { SkemaRendererEntry } from '@skema/react';
import { DKK_CSS } from './styles.js';

const TEXT = {
  da: { unit: 'kr.', hint: 'Beløb i kroner, fx 1.234,50' },
  en: { unit: 'DKK', hint: 'Amount in Danish kroner, e.g. 1,234.50' },
} as const;

/** The amount as the input shows it: grouped, two decimals, without the currency. */
export function formatAmountInput(amount: unknown, locale: 'da' | 'en'): string {
  if (typeof amount !== 'number' || !Number.isFinite(amount)) return typeof amount === 'string' ? amount : '';
  return formatDkk(amount, locale)
    .replace(/\s*kr\.$/, '')
    .replace(/^DKK\s*/, '');
}

/** `kr. 100`, `100 kr.`, `DKK 100`: the currency around an amount is not part of it. */
export function stripCurrency(text: string): string {
  return text.replace(/^(?:kr\.?|dkk)\s*/i, '').replace(/\s*(?:kr\.?|dkk)$/i, '');
}

/**
 * A DKK amount typed the Danish way (`1.234,50`, also `1234.5`), read by the form's one number
 * reader (`NumberInput`) with at most two decimals and stored as a number of kroner. Text that is
 * not an amount is kept as typed, so the schema's type check reports it at the field instead of
 * the value silently changing. After leaving the field the amount is shown grouped.
 */
function DkkControl(props: ControlProps) {
  const { path, label, required, description, errors, visible, enabled } = props;
  const data: unknown = props.data;
  const { locale } = useSkemaForm();
  const text = TEXT[locale];
  return (
    <ControlFrame
      pointer={pathToPointer(path)}
      label={label}
      required={required}
      description={description}
      errors={errors}
      visible={visible}
      hint={text.hint}
    >
      {(a11y) => (
        <div className="skema-amount">
          <NumberInput
            {...a11y}
            className="skema-input skema-input--amount"
            value={data}
            maxDecimals={2}
            format={(amount) => formatAmountInput(amount, locale)}
            strip={stripCurrency}
            disabled={!enabled}
            onValue={(next) => props.handleChange(path, next)}
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
const namedAsAmount = (uischema: UISchemaElement) =>
  AMOUNT_NAME.test(String((uischema as { scope?: string }).scope?.split('/').pop() ?? ''));
const titledAsAmount = schemaMatches((schema) => typeof schema.title === 'string' && AMOUNT_TITLE.test(schema.title));

/** Number fields that hold kroner: `options.renderer: "dkk"`, a title with "(kr.)", or an amount-like name. */
export const dkkTester: RankedTester = pluginTester(
  'dkk',
  and(isControl, isNumber),
  or(titledAsAmount, namedAsAmount, scopeEndIs('dkk')),
);

export const DkkRenderer = withJsonFormsControlProps(DkkControl);

export const dkkRendererEntry: SkemaRendererEntry = { tester: dkkTester, renderer: DkkRenderer, css: DKK_CSS };

export const dkkRenderers: readonly SkemaRendererEntry[] = [dkkRendererEntry];
