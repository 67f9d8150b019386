import { composePaths, Resolve, type ControlElement, type JsonSchema, type UISchemaElement } from '@jsonforms/core';

/*
 * JSON Forms 3.8 turns a scope into a data path with `.replace(/(then|else)\//g, '')`, which also
 * cuts "else/" off the end of a property name: `#/properties/lederDroeftelse/properties/leder`
 * becomes `lederDroeftproperties`, so two fields share one path and typing in one overwrites the
 * other. Danish names end in "-else" all the time (godkendelse, udsendelse, afbrydelse). We cannot
 * change the library for the apps that use our packages, so Skema computes the path itself and
 * hands JSON Forms only scopes it reads correctly (see PathSafeControl and safeUiSchema).
 */

/** A `then/` or `else/` that ends a longer segment: JSON Forms would cut it out of the name. */
const MISREAD = /[^/](?:then|else)\//;

function decode(segment: string): string {
  return segment.replace(/~1/g, '/').replace(/~0/g, '~');
}

/**
 * The data path segments a scope names, as JSON Forms means it: combinator (`anyOf/0`) and
 * conditional (`then`, `else`) keywords are skipped only as whole segments, then every property name.
 */
export function scopeDataSegments(scope: string): string[] {
  const stripped = scope.replace(/(^|\/)(?:anyOf|allOf|oneOf)\/\d+\//g, '$1').replace(/(^|\/)(?:then|else)\//g, '$1');
  const segments = stripped.split('/').map(decode);
  const start = segments[0] === '#' || segments[0] === '' ? 2 : 1;
  const names: string[] = [];
  for (let i = start; i < segments.length; i += 2) names.push(segments[i]!);
  return names;
}

/** `#/properties/lederDroeftelse/properties/leder` → `lederDroeftelse.leder` (JSON Forms' dotted data path). */
export function scopeToDataPath(scope: string): string {
  return scopeDataSegments(scope).join('.');
}

/** Whether JSON Forms' own scope-to-path conversion gets this scope wrong. */
export function misreadByJsonForms(scope: string): boolean {
  return MISREAD.test(scope);
}

/** A Control re-anchored so JSON Forms reads it right: its parent's path and schema, and a one-step scope. */
export interface RebasedControl {
  /** The data path of the property's parent object, computed by `scopeToDataPath`. */
  parentPath: string;
  /** The schema scope of that parent object (to resolve the schema JSON Forms is given). */
  parentScope: string;
  /** `#/properties/<name>`: nothing JSON Forms can misread. */
  scope: string;
}

/** How to re-anchor a Control whose scope JSON Forms misreads; undefined when it reads it right. */
export function rebaseScope(scope: string): RebasedControl | undefined {
  if (!misreadByJsonForms(scope)) return undefined;
  const match = /^(.*)\/properties\/([^/]+)$/.exec(scope);
  // The last name has no "/" after it in `#/properties/<name>`, so JSON Forms reads it whole.
  if (!match) return undefined;
  return { parentPath: scopeToDataPath(match[1]!), parentScope: match[1]!, scope: `#/properties/${match[2]!}` };
}

/** The props a renderer gets for a misread Control: same data path, without the scope JSON Forms misreads. */
export interface PathSafeProps {
  uischema: ControlElement;
  schema: JsonSchema;
  path: string;
}

/**
 * The uischema, schema and path to render a Control with so that JSON Forms computes the data
 * path `scopeToDataPath` gives: the parent object becomes the base path and schema (as JSON Forms
 * does itself for an object's detail), the scope names the last property only. Undefined when the
 * Control's scope is read right as it is. The rule is left out: it is evaluated at the original
 * path by the caller.
 */
export function pathSafeProps(
  uischema: ControlElement,
  schema: JsonSchema | undefined,
  path: string | undefined,
  rootSchema: JsonSchema,
): PathSafeProps | undefined {
  const rebased = rebaseScope(uischema.scope);
  if (!rebased) return undefined;
  const parent = Resolve.schema(schema ?? rootSchema, rebased.parentScope, rootSchema);
  if (!parent) return undefined;
  const { rule: _rule, ...rest } = uischema;
  return {
    uischema: { ...rest, scope: rebased.scope },
    schema: parent,
    path: composePaths(path ?? '', rebased.parentPath),
  };
}

/**
 * A rule condition's scope that JSON Forms resolves to the same data: it reads a condition scope
 * only as a data path (`resolveData` splits it at "."), so the names joined by "." in one segment
 * name the same value with no "/" to misread. Names holding "." or "~" cannot be written so and
 * are left as they are.
 */
export function safeConditionScope(scope: string): string {
  if (!misreadByJsonForms(scope)) return scope;
  const names = scopeDataSegments(scope);
  if (names.some((name) => name.includes('.') || name.includes('~'))) return scope;
  return `#/properties/${names.map((name) => name.replace(/\//g, '~1')).join('.')}`;
}

type Node = Record<string, unknown>;

function safeCondition(condition: unknown): unknown {
  if (!condition || typeof condition !== 'object') return condition;
  const c = condition as Node;
  let out = c;
  if (typeof c.scope === 'string') {
    const scope = safeConditionScope(c.scope);
    if (scope !== c.scope) out = { ...out, scope };
  }
  if (Array.isArray(c.conditions)) {
    const conditions = c.conditions.map(safeCondition);
    if (conditions.some((x, i) => x !== (c.conditions as unknown[])[i])) out = { ...out, conditions };
  }
  return out;
}

function safeNode(node: unknown): unknown {
  if (Array.isArray(node)) {
    const items = node.map(safeNode);
    return items.some((x, i) => x !== node[i]) ? items : node;
  }
  if (!node || typeof node !== 'object') return node;
  let out: Node | undefined;
  for (const [key, value] of Object.entries(node as Node)) {
    const next = key === 'rule' && value && typeof value === 'object' ? safeRule(value as Node) : safeNode(value);
    if (next !== value) (out ??= { ...(node as Node) })[key] = next;
  }
  return out ?? node;
}

function safeRule(rule: Node): Node {
  const condition = safeCondition(rule.condition);
  return condition === rule.condition ? rule : { ...rule, condition };
}

/**
 * The UI schema with every rule condition scope (in layouts, controls and `options.detail`)
 * written so JSON Forms resolves the data it names. Returns the same object when nothing needed it.
 */
export function safeUiSchema<T extends UISchemaElement>(uischema: T): T {
  return safeNode(uischema) as T;
}
