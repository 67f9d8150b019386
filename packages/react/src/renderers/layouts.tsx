import {
  isVisible,
  rankWith,
  uiTypeIs,
  type LayoutProps,
  type RankedTester,
  type UISchemaElement,
} from '@jsonforms/core';
import { JsonFormsDispatch, useJsonForms, withJsonFormsLayoutProps } from '@jsonforms/react';
import { memo } from 'react';
import { useSkemaForm } from '../context.js';
import { SKEMA_CONTROL_RANK } from './controls.js';
import { registries } from './registries.js';

/** A hidden layout renders none of its children: no inputs to reach, no ids twice in the page. */
function Children({ props, itemClass }: { props: LayoutProps; itemClass: string }) {
  const { uischema, schema, path, enabled, renderers, cells, visible } = props;
  if (!visible) return null;
  const elements = (uischema as { elements?: UISchemaElement[] }).elements ?? [];
  return (
    <>
      {elements.map((child, index) => (
        <div className={itemClass} key={index}>
          <JsonFormsDispatch
            uischema={child}
            schema={schema}
            path={path}
            enabled={enabled}
            {...registries({ renderers, cells })}
          />
        </div>
      ))}
    </>
  );
}

/** A section's help text (`<i18n>.description`, e.g. the seed's guidance for an oplysningshjul area), if any. */
export function sectionDescription(
  uischema: UISchemaElement,
  translate: ((key: string, fallback?: string) => string | undefined) | undefined,
): string | undefined {
  const key = (uischema as { i18n?: unknown }).i18n;
  return typeof key === 'string' ? translate?.(`${key}.description`, undefined) || undefined : undefined;
}

/** Same markup and class names as JSON Forms' vanilla layouts, so styles written for those apply. */
const VerticalLayout = memo(function VerticalLayout(props: LayoutProps) {
  return (
    <div className="vertical-layout" hidden={!props.visible}>
      <Children props={props} itemClass="vertical-layout-item" />
    </div>
  );
});

const HorizontalLayout = memo(function HorizontalLayout(props: LayoutProps) {
  return (
    <div className="horizontal-layout" hidden={!props.visible}>
      <Children props={props} itemClass="horizontal-layout-item" />
    </div>
  );
});

/**
 * A section of the paper form: fieldset and legend (the label comes from the layout's i18n key).
 * A section whose every part is hidden by its own rule is hidden too, not an empty framed box.
 */
const GroupLayout = memo(function GroupLayout(props: LayoutProps) {
  const ctx = useJsonForms();
  const description = sectionDescription(props.uischema, ctx.i18n?.translate);
  const { idPrefix } = useSkemaForm();
  const descriptionId = description
    ? `${idPrefix}-section-${(props.uischema as { i18n?: string }).i18n}-description`.replace(/[^A-Za-z0-9_-]/g, '-')
    : undefined;
  const elements = (props.uischema as { elements?: UISchemaElement[] }).elements ?? [];
  const anyShown =
    elements.length === 0 ||
    elements.some(
      (child) => !child.rule || isVisible(child, ctx.core?.data, props.path, ctx.core?.ajv as never, ctx.config),
    );
  const visible = props.visible && anyShown;
  return (
    <fieldset className="group-layout" hidden={!visible} aria-describedby={descriptionId}>
      {props.label ? <legend>{props.label}</legend> : null}
      {description ? (
        <p className="skema-description skema-section-description" id={descriptionId}>
          {description}
        </p>
      ) : null}
      <Children props={visible === props.visible ? props : { ...props, visible }} itemClass="group-layout-item" />
    </fieldset>
  );
});

export const verticalLayoutTester: RankedTester = rankWith(SKEMA_CONTROL_RANK, uiTypeIs('VerticalLayout'));
export const horizontalLayoutTester: RankedTester = rankWith(SKEMA_CONTROL_RANK, uiTypeIs('HorizontalLayout'));
export const groupLayoutTester: RankedTester = rankWith(SKEMA_CONTROL_RANK, uiTypeIs('Group'));

export const SkemaVerticalLayout = withJsonFormsLayoutProps(VerticalLayout);
export const SkemaHorizontalLayout = withJsonFormsLayoutProps(HorizontalLayout);
export const SkemaGroupLayout = withJsonFormsLayoutProps(GroupLayout);
