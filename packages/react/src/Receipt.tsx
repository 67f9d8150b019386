import type { Locale, ValidationReceipt } from '@skema/core';
import { uiText } from './ui-text.js';

/** The validation receipt of a stored submission: which form, version, schema hash and rules. */
export function Receipt(props: { submissionId: string; receipt: ValidationReceipt; locale: Locale; headingLevel?: 2 | 3 }) {
  const { submissionId, receipt, locale } = props;
  const ui = uiText(locale);
  const Heading = props.headingLevel === 3 ? 'h3' : 'h2';
  const at = new Date(receipt.validatedAt);
  return (
    <section className="skema-receipt" aria-label={ui.receipt}>
      <Heading>{ui.receipt}</Heading>
      <p>{ui.submittedAs(submissionId)}</p>
      <dl>
        <dt>{ui.receiptFields.form}</dt>
        <dd>{receipt.formId}</dd>
        <dt>{ui.receiptFields.version}</dt>
        <dd>{receipt.version}</dd>
        <dt>{ui.receiptFields.schemaHash}</dt>
        <dd>
          <code>{receipt.schemaHash}</code>
        </dd>
        <dt>{ui.receiptFields.validatedAt}</dt>
        <dd>
          <time dateTime={receipt.validatedAt}>{Number.isNaN(at.getTime()) ? receipt.validatedAt : at.toLocaleString(locale === 'da' ? 'da-DK' : 'en-GB')}</time>
        </dd>
        <dt>{ui.receiptFields.plugins}</dt>
        <dd>{receipt.plugins.map((p) => `${p.name}@${p.version}`).join(', ')}</dd>
      </dl>
    </section>
  );
}
