import { NOT_SENSITIVE_KEYWORD, resolveLocalRef, SENSITIVE_KEYWORD } from '@skema/core';

/**
 * DP-02 completeness: every free-text field of a form must carry a decision, either a
 * sensitivity tag (`x-skema-sensitive`) or the explicit `x-skema-not-sensitive: true`, on the
 * field itself or on an enclosing object, array or `$defs` entry. Without it a new text field
 * silently lands in every list of the API unredacted.
 */
export interface SensitivityProblem {
  /** Data pointer; `*` stands for every array element. */
  pointer: string;
  kind: 'undecided' | 'contradictory';
}

type Node = Record<string, unknown>;
const isNode = (v: unknown): v is Node => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A string a person types freely: no enumeration, constant, format or pattern narrows it. */
function isFreeText(node: Node): boolean {
  const types = Array.isArray(node.type) ? node.type : [node.type];
  return (
    types.includes('string') && !('enum' in node) && !('const' in node) && !('format' in node) && !('pattern' in node)
  );
}

const ANY_MEMBER = ['items', 'additionalProperties', 'unevaluatedProperties', 'unevaluatedItems', 'contains'];
const IN_PLACE = ['if', 'then', 'else'];
const IN_PLACE_LISTS = ['allOf', 'anyOf', 'oneOf'];

const hasTag = (node: Node) =>
  Array.isArray(node[SENSITIVE_KEYWORD]) && (node[SENSITIVE_KEYWORD] as unknown[]).length > 0;
const hasNotSensitive = (node: Node) => node[NOT_SENSITIVE_KEYWORD] === true;

/** The decision is read along the data path: a tag on an object or array covers what it holds. */
export function sensitivityProblems(schema: unknown): SensitivityProblem[] {
  if (!isNode(schema)) return [];
  const freeText = new Set<string>();
  // A field may be declared in several places (its type in `properties`, a `minLength` in a
  // `then`): it is decided when any declaration, or anything enclosing one, carries a decision.
  const decided = new Set<string>();
  const contradictory = new Set<string>();
  const visit = (node: unknown, pointer: string, above: boolean, refs: readonly string[]): void => {
    if (!isNode(node)) return;
    if (hasTag(node) && hasNotSensitive(node)) contradictory.add(pointer);
    const here = above || hasTag(node) || hasNotSensitive(node);
    if (here) decided.add(pointer);
    if (isFreeText(node)) freeText.add(pointer);
    if (typeof node.$ref === 'string' && !refs.includes(node.$ref))
      visit(resolveLocalRef(schema, node.$ref), pointer, here, [...refs, node.$ref]);
    if (isNode(node.properties))
      for (const [key, sub] of Object.entries(node.properties)) visit(sub, `${pointer}/${key}`, here, refs);
    if (Array.isArray(node.prefixItems))
      node.prefixItems.forEach((sub, i) => visit(sub, `${pointer}/${i}`, here, refs));
    for (const key of ANY_MEMBER) visit(node[key], `${pointer}/*`, here, refs);
    if (isNode(node.patternProperties))
      for (const sub of Object.values(node.patternProperties)) visit(sub, `${pointer}/*`, here, refs);
    for (const key of IN_PLACE) visit(node[key], pointer, here, refs);
    for (const key of IN_PLACE_LISTS)
      if (Array.isArray(node[key])) for (const sub of node[key] as unknown[]) visit(sub, pointer, here, refs);
    if (isNode(node.dependentSchemas))
      for (const sub of Object.values(node.dependentSchemas)) visit(sub, pointer, here, refs);
  };
  visit(schema, '', false, ['#']);
  return [
    ...[...contradictory].map((pointer) => ({ pointer, kind: 'contradictory' as const })),
    ...[...freeText].filter((p) => !decided.has(p)).map((pointer) => ({ pointer, kind: 'undecided' as const })),
  ];
}
