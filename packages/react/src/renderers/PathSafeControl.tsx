import {
  hasEnableRule,
  hasShowRule,
  isControl,
  isEnabled,
  isVisible,
  NOT_APPLICABLE,
  type ControlElement,
  type JsonFormsRendererRegistryEntry,
  type JsonSchema,
  type OwnPropsOfControl,
  type RankedTester,
  type UISchemaElement,
} from '@jsonforms/core';
import { UnknownRenderer, useJsonForms } from '@jsonforms/react';
import { useMemo, type ComponentType } from 'react';
import { pathSafeProps, rebaseScope } from './data-paths.js';
import { registries } from './registries.js';

/** Above every renderer: a misread Control must never reach one with the scope JSON Forms misreads. */
export const PATH_SAFE_RANK = 1000;

export const pathSafeControlTester: RankedTester = (uischema: UISchemaElement) =>
  isControl(uischema) && rebaseScope(uischema.scope) ? PATH_SAFE_RANK : NOT_APPLICABLE;

type Props = OwnPropsOfControl & { uischema: ControlElement };

// Stable fallbacks, so the memos below do not recompute on every render when JSON Forms has none.
const NO_SCHEMA: JsonSchema = {};
const NO_RENDERERS: JsonFormsRendererRegistryEntry[] = [];

/**
 * Renders a Control whose scope JSON Forms would turn into the wrong data path (a property name
 * ending in "-else"/"-then" before another segment): picks the renderer JSON Forms would pick for
 * the original element, then renders it from the parent object's path and schema with a one-step
 * scope, so its path, data and errors are the field's own. Its rule is evaluated here at the
 * original path, where its condition scopes are relative to.
 */
function PathSafeControl(props: Props) {
  const ctx = useJsonForms();
  const rootSchema = ctx.core?.schema ?? NO_SCHEMA;
  const config: unknown = ctx.config;
  const { uischema, schema, path } = props;
  const renderers = props.renderers ?? ctx.renderers ?? NO_RENDERERS;
  const chosen = useMemo(() => {
    const context = { rootSchema, config };
    let best: { rank: number; entry: JsonFormsRendererRegistryEntry | undefined } = {
      rank: NOT_APPLICABLE,
      entry: undefined,
    };
    for (const entry of renderers) {
      if (entry.tester === pathSafeControlTester) continue;
      const rank = entry.tester(uischema, schema ?? rootSchema, context);
      if (rank > best.rank) best = { rank, entry };
    }
    return best.entry;
  }, [renderers, uischema, schema, rootSchema, config]);
  const safe = useMemo(() => pathSafeProps(uischema, schema, path, rootSchema), [uischema, schema, path, rootSchema]);
  if (!chosen || !safe) return <UnknownRenderer type="renderer" />;
  const data: unknown = ctx.core?.data;
  const ajv = ctx.core?.ajv as never;
  const visible = hasShowRule(uischema) ? isVisible(uischema, data, path ?? '', ajv, config) : props.visible;
  const ruleEnabled = hasEnableRule(uischema) ? isEnabled(uischema, data, path ?? '', ajv, config) : true;
  const Render = chosen.renderer as ComponentType<OwnPropsOfControl>;
  return (
    <Render
      uischema={safe.uischema}
      schema={safe.schema}
      path={safe.path}
      enabled={props.enabled !== false && ruleEnabled}
      {...(visible !== undefined && { visible })}
      {...registries(props)}
      {...(props.id !== undefined && { id: props.id })}
    />
  );
}

export const pathSafeControl: JsonFormsRendererRegistryEntry = {
  tester: pathSafeControlTester,
  renderer: PathSafeControl,
};
