import {
  and,
  deriveLabelForUISchemaElement,
  isVisible,
  rankWith,
  uiTypeIs,
  type Categorization,
  type Category,
  type LayoutProps,
  type RankedTester,
  type Translator,
  type UISchemaElement,
} from '@jsonforms/core';
import { JsonFormsDispatch, useJsonForms, withJsonFormsLayoutProps } from '@jsonforms/react';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useErrorCount, useSkemaForm } from '../context.js';
import { isWithin, pathToPointer } from '../pointer.js';
import { SKEMA_CONTROL_RANK } from './controls.js';
import { sectionDescription } from './layouts.js';
import { scopeToPointer } from './schema-tests.js';
import { registries } from './registries.js';

/** Data pointers of every Control inside an element, for error counts and for revealing a field. */
function pointersOf(element: UISchemaElement, base: string): string[] {
  const scope = (element as { scope?: unknown }).scope;
  const own = typeof scope === 'string' ? [base + scopeToPointer(scope)] : [];
  const children = (element as { elements?: UISchemaElement[] }).elements ?? [];
  return own.concat(children.flatMap((child) => pointersOf(child, base)));
}

function StepButton(props: {
  label: string;
  index: number;
  active: boolean;
  pointers: string[];
  onSelect: () => void;
}) {
  const { ui } = useSkemaForm();
  const errors = useErrorCount(props.pointers);
  return (
    <button
      type="button"
      className="skema-step"
      aria-current={props.active ? 'step' : undefined}
      onClick={props.onSelect}
    >
      <span className="skema-step-number">{props.index + 1}</span> {props.label}
      {errors > 0 ? <span className="skema-step-errors"> ({ui.stepErrors(errors)})</span> : null}
    </button>
  );
}

/**
 * Categories as an accessible stepper: a list of step buttons (aria-current), one category shown
 * at a time (as JSON Forms' own renderer, so large forms mount fast), its heading focused on a step
 * change, and a step switched to when the error summary asks for one of its fields.
 */
function CategorizationRenderer(props: LayoutProps) {
  const { uischema, schema, path, visible, enabled, renderers, cells } = props;
  const ctx = useJsonForms();
  const { ui, idPrefix, store } = useSkemaForm();
  const categorization = uischema as Categorization;
  const t = (ctx.i18n?.translate ?? ((_k: string, d?: string) => d)) as Translator;
  const data: unknown = ctx.core?.data;
  const categories = useMemo(
    () => categorization.elements.filter((c): c is Category => c.type === 'Category'),
    [categorization],
  );
  const shown = categories.filter((c) => isVisible(c, data, path, ctx.core?.ajv as never, ctx.config));
  const base = pathToPointer(path);
  const pointers = useMemo(() => categories.map((c) => pointersOf(c, base)), [categories, base]);
  const [active, setActive] = useState(0);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const focusHeading = useRef(false);
  const current = shown[Math.min(active, shown.length - 1)] ?? shown[0];

  useEffect(
    () =>
      store.onReveal((target) => {
        const index = shown.findIndex((c) =>
          pointers[categories.indexOf(c)]!.some((p) => isWithin(target, p) || isWithin(p, target)),
        );
        if (index >= 0) setActive(index);
      }),
    [store, shown, pointers, categories],
  );

  useEffect(() => {
    if (focusHeading.current) {
      focusHeading.current = false;
      headingRef.current?.focus();
    }
  }, [current]);

  if (!current) return null;
  const select = (index: number) => {
    focusHeading.current = true;
    setActive(index);
  };
  const activeIndex = shown.indexOf(current);
  const stepDescription = sectionDescription(current, t);
  const headingId = `${idPrefix}-step-heading`;
  return (
    <div className="skema-steps" hidden={!visible}>
      <nav aria-label={ui.steps} className="skema-steps-nav">
        <ol>
          {shown.map((category, index) => (
            <li key={index}>
              <StepButton
                label={deriveLabelForUISchemaElement(category, t) ?? String(index + 1)}
                index={index}
                active={category === current}
                pointers={pointers[categories.indexOf(category)]!}
                onSelect={() => select(index)}
              />
            </li>
          ))}
        </ol>
      </nav>
      <section className="skema-step-content" aria-labelledby={headingId}>
        <h3 id={headingId} ref={headingRef} tabIndex={-1} className="skema-step-heading">
          {deriveLabelForUISchemaElement(current, t)}
        </h3>
        {stepDescription ? <p className="skema-description skema-section-description">{stepDescription}</p> : null}
        {(current.elements ?? []).map((child, index) => (
          <JsonFormsDispatch
            key={`${activeIndex}-${index}`}
            uischema={child}
            schema={schema}
            path={path}
            enabled={enabled}
            {...registries({ renderers, cells })}
          />
        ))}
      </section>
      <div className="skema-step-buttons">
        {activeIndex > 0 ? (
          <button
            type="button"
            className="skema-button skema-button--secondary"
            onClick={() => select(activeIndex - 1)}
          >
            {ui.previousStep}
          </button>
        ) : null}
        {activeIndex < shown.length - 1 ? (
          <button
            type="button"
            className="skema-button skema-button--secondary"
            onClick={() => select(activeIndex + 1)}
          >
            {ui.nextStep}
          </button>
        ) : null}
      </div>
    </div>
  );
}

export const categorizationTester: RankedTester = rankWith(
  SKEMA_CONTROL_RANK,
  and(uiTypeIs('Categorization'), (uischema) =>
    ((uischema as Categorization).elements ?? []).every((e) => e.type === 'Category'),
  ),
);

export const SkemaCategorization = withJsonFormsLayoutProps(CategorizationRenderer);
