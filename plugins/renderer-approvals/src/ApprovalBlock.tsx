import {
  isControl,
  rankWith,
  type LayoutProps,
  type RankedTester,
  type StatePropsOfControlWithDetail,
  type UISchemaElement,
} from '@jsonforms/core';
import { JsonFormsDispatch, useJsonForms, withJsonFormsDetailProps, withJsonFormsLayoutProps } from '@jsonforms/react';
import {
  detailUiSchema,
  fieldId,
  isWithin,
  pathToPointer,
  scopeToPointer,
  SKEMA_PLUGIN_RANK,
  useErrorCount,
  useSkemaForm,
  valueAtPointer,
} from '@skema/react';
import { useEffect, useMemo, useState, type ReactNode } from 'react';
import { APPROVAL_NAMES, APPROVAL_ROLES_OF, approvalText, type ApprovalData } from './approval-text.js';
import type { SkemaRendererEntry } from '@skema/react';
import { PeopleApprovals } from './PeopleApprovals.js';
import { TypedHistory } from './TypedHistory.js';
import { APPROVALS_CSS } from './styles.js';

const EDIT = { da: 'Registrér eller ret', en: 'Record or correct' } as const;

function scopesOf(element: UISchemaElement): string[] {
  const own = isControl(element) ? [element.scope] : [];
  return own.concat(((element as { elements?: UISchemaElement[] }).elements ?? []).flatMap(scopesOf));
}

/** The object a layout's controls all belong to (`/medunderskriver` for its navn and dato), if one. */
export function approvalPointerOf(uischema: UISchemaElement): string | undefined {
  const parents = new Set(
    scopesOf(uischema).map((scope) => {
      const pointer = scopeToPointer(scope);
      return pointer.slice(0, pointer.lastIndexOf('/'));
    }),
  );
  if (parents.size !== 1) return undefined;
  const [parent] = parents;
  return parent || undefined;
}

function isApprovalName(pointer: string | undefined, uischema: UISchemaElement): boolean {
  if ((uischema.options as { renderer?: unknown } | undefined)?.renderer === 'approval') return true;
  return pointer !== undefined && APPROVAL_NAMES.includes(pointer.split('/').pop() ?? '');
}

/**
 * A typed approval block of a form version from before approvals were acts of people: what was
 * typed, marked «ikke verificeret», the approvals signed-in people recorded in the block's role
 * with the button to give one, and, while the form is editable, the typed fields behind a
 * disclosure (the error summary opens it), since the version's rules still ask for them.
 */
function ApprovalView(props: {
  pointer: string;
  label: string | undefined;
  visible: boolean;
  enabled: boolean;
  children: ReactNode;
}) {
  const { pointer, label, visible, enabled, children } = props;
  const { locale, idPrefix, store } = useSkemaForm();
  const ctx = useJsonForms();
  const data = valueAtPointer(ctx.core?.data, pointer) as ApprovalData | undefined;
  const name = pointer.split('/').pop() ?? '';
  const { done, text } = approvalText(name, data, locale);
  const [open, setOpen] = useState(false);
  // Errors inside the block keep it open, so they are visible at their fields.
  const pointers = useMemo(() => [pointer], [pointer]);
  const errorCount = useErrorCount(pointers);
  const expanded = open || errorCount > 0;
  useEffect(() => store.onReveal((target) => isWithin(target, pointer) && setOpen(true)), [store, pointer]);
  const headingId = `${fieldId(pointer, idPrefix)}-approval`;
  if (!visible) return <section className="skema-approval" hidden data-pointer={pointer} />;
  return (
    <section
      className={`skema-approval${done ? ' skema-approval--done' : ''}`}
      aria-labelledby={headingId}
      data-pointer={pointer}
    >
      <h3 id={headingId} className="skema-approval-title">
        {label}
      </h3>
      <p className="skema-approval-status">{text}</p>
      {APPROVAL_ROLES_OF[name] ? (
        <PeopleApprovals roles={APPROVAL_ROLES_OF[name].roles} cosign={APPROVAL_ROLES_OF[name].cosign} />
      ) : null}
      {enabled ? (
        <details open={expanded} onToggle={(event) => setOpen((event.target as HTMLDetailsElement).open)}>
          <summary>{EDIT[locale]}</summary>
          {expanded ? children : null}
        </details>
      ) : null}
    </section>
  );
}

/** Marks layouts inside an approval block, so a nested layout of the same fields is no second block. */
const INSIDE = 'skemaInsideApproval';

function markedInside(element: UISchemaElement): UISchemaElement {
  const children = (element as { elements?: UISchemaElement[] }).elements;
  if (!children) return element;
  return { ...element, options: { ...element.options, [INSIDE]: true }, elements: children.map(markedInside) };
}

function ApprovalLayout(props: LayoutProps) {
  const { uischema, schema, path, visible, enabled, renderers, cells, label } = props;
  const pointer = pathToPointer(path) + (approvalPointerOf(uischema) ?? '');
  // Stable per UI schema element, so the children keep their identity across renders.
  const elements = useMemo(
    () => ((uischema as { elements?: UISchemaElement[] }).elements ?? []).map(markedInside),
    [uischema],
  );
  return (
    <ApprovalView pointer={pointer} label={label} visible={visible} enabled={enabled}>
      {elements.map((child, index) => (
        <JsonFormsDispatch
          key={index}
          uischema={child}
          schema={schema}
          path={path}
          enabled={enabled}
          {...(renderers && { renderers })}
          {...(cells && { cells })}
        />
      ))}
    </ApprovalView>
  );
}

/** `options.approval` of a control: the roles whose signed-in people approve here, and whether it is a co-signature. */
interface ApprovalOptions {
  roles: string[];
  kind?: 'approve' | 'cosign';
}

function approvalOptions(uischema: UISchemaElement): ApprovalOptions | undefined {
  const option = (uischema.options as { approval?: unknown } | undefined)?.approval as
    Partial<ApprovalOptions> | undefined;
  return option && Array.isArray(option.roles) && option.roles.every((r) => typeof r === 'string')
    ? { roles: option.roles, ...(option.kind ? { kind: option.kind } : {}) }
    : undefined;
}

/**
 * The approvals of a form version whose approvals are acts of people: the recorded approvals in
 * the control's roles with the button to give one, and the names typed in older versions (the
 * control's object, the form's history) read-only, marked «ikke verificeret».
 */
function PeopleApprovalView(props: {
  pointer: string;
  label: string | undefined;
  description: string | undefined;
  visible: boolean;
  options: ApprovalOptions;
}) {
  const { pointer, label, description, visible, options } = props;
  const { idPrefix } = useSkemaForm();
  const headingId = `${fieldId(pointer, idPrefix)}-approvals`;
  if (!visible) return <section className="skema-approval" hidden data-pointer={pointer} />;
  const cosign = options.kind === 'cosign';
  return (
    <section className="skema-approval skema-approval--people" aria-labelledby={headingId} data-pointer={pointer}>
      <h3 id={headingId} className="skema-approval-title">
        {label}
      </h3>
      {description ? <p className="skema-approval-description">{description}</p> : null}
      <PeopleApprovals roles={options.roles} cosign={cosign} />
      <TypedHistory pointer={pointer} />
    </section>
  );
}

function ApprovalControl(props: StatePropsOfControlWithDetail) {
  const people = approvalOptions(props.uischema);
  if (people) {
    return (
      <PeopleApprovalView
        pointer={pathToPointer(props.path)}
        label={props.label}
        description={props.description}
        visible={props.visible}
        options={people}
      />
    );
  }
  return <TypedApprovalControl {...props} />;
}

function TypedApprovalControl(props: StatePropsOfControlWithDetail) {
  const { uischema, uischemas, schema, rootSchema, path, visible, enabled, renderers, cells, label } = props;
  const detail = useMemo(
    () => detailUiSchema(uischemas, schema, uischema, path, rootSchema),
    [uischemas, schema, uischema, path, rootSchema],
  );
  return (
    <ApprovalView pointer={pathToPointer(path)} label={label} visible={visible} enabled={enabled}>
      <JsonFormsDispatch
        schema={schema}
        uischema={detail}
        path={path}
        enabled={enabled}
        {...(renderers && { renderers })}
        {...(cells && { cells })}
      />
    </ApprovalView>
  );
}

/** A Group (or other layout) whose fields all belong to one approval object. */
export const approvalLayoutTester: RankedTester = rankWith(SKEMA_PLUGIN_RANK, (uischema) => {
  if (uischema.type !== 'Group' && uischema.type !== 'VerticalLayout' && uischema.type !== 'HorizontalLayout')
    return false;
  if ((uischema.options as Record<string, unknown> | undefined)?.[INSIDE]) return false;
  return isApprovalName(approvalPointerOf(uischema), uischema);
});

/** A Control pointing at an approval object. */
export const approvalControlTester: RankedTester = rankWith(
  SKEMA_PLUGIN_RANK,
  (uischema) => isControl(uischema) && isApprovalName(scopeToPointer(uischema.scope), uischema),
);

export const ApprovalLayoutRenderer = withJsonFormsLayoutProps(ApprovalLayout);
export const ApprovalControlRenderer = withJsonFormsDetailProps(ApprovalControl);

export const approvalRenderers: readonly SkemaRendererEntry[] = [
  { tester: approvalLayoutTester, renderer: ApprovalLayoutRenderer, css: APPROVALS_CSS },
  { tester: approvalControlTester, renderer: ApprovalControlRenderer, css: APPROVALS_CSS },
];
