import { isSchemaObject, resolveLocalRef } from '../diff/schema-nodes.js';
import { DEFAULT_UNTRUSTED_LIMITS, type UntrustedLimits } from './limits.js';
import { forEachSchema, REF_KEYWORDS, subschemas, type SchemaNode } from './schema-walk.js';
import { untrustedProblem, type UntrustedProblem } from './untrusted-problem.js';

const SCALAR_TYPES = new Set(['string', 'number', 'integer', 'boolean', 'null']);

interface Edge {
  target: unknown;
  /** Undefined: the same instance value; else the child value (`*`: any child). */
  child?: string;
  /** Where a `$ref` edge was written, for a cycle's message. */
  refAt?: string;
  ref?: string;
}

/** Ajv compares scalar-typed items through a hash map, everything else pair by pair. */
function scalarItems(items: unknown): boolean {
  if (!isSchemaObject(items)) return false;
  const types = Array.isArray(items.type) ? items.type : [items.type];
  return types.length > 0 && types.every((t) => typeof t === 'string' && SCALAR_TYPES.has(t));
}

/**
 * The complexity budget of an untrusted form's schema, checked at publish and when published
 * configuration is loaded: no `$ref` cycle that stays on one instance value, at most
 * `maxEvaluations` subschema evaluations for any one instance value (an upper bound, memoised
 * per subschema, through in-place applicators and references, and summed over every parent
 * subschema that reaches the same child), `uniqueItems` only where Ajv's check stays cheap, and
 * bounded `enum`s. Problems name pointers into `schema`, prefixed with `basePointer`.
 *
 * Recursion through a keyword that descends into the data (a tree of `items` → `$ref`) is
 * counted once per level; its depth is bounded by the request, and the validation deadline
 * bounds the rest.
 */
export function checkSchemaBudget(
  schema: unknown,
  limits: Partial<UntrustedLimits> = {},
  basePointer = '',
): UntrustedProblem[] {
  const l = { ...DEFAULT_UNTRUSTED_LIMITS, ...limits };
  const problems: UntrustedProblem[] = [];
  const pointerOf = new Map<SchemaNode, string>();
  const anchors = new Map<string, SchemaNode>();
  forEachSchema(
    schema,
    basePointer,
    (node, pointer) => {
      pointerOf.set(node, pointer);
      for (const key of ['$anchor', '$dynamicAnchor'] as const)
        if (typeof node[key] === 'string') anchors.set(node[key], node);
      if (Array.isArray(node.enum) && node.enum.length > l.maxEnum)
        problems.push(
          untrustedProblem(`${pointer}/enum`, 'enum-too-large', { count: node.enum.length, maxEnum: l.maxEnum }),
        );
      if (
        node.uniqueItems === true &&
        !scalarItems(node.items) &&
        !(typeof node.maxItems === 'number' && node.maxItems <= l.maxUniqueItems)
      ) {
        problems.push(
          untrustedProblem(`${pointer}/uniqueItems`, 'unique-items-unbounded', { maxUniqueItems: l.maxUniqueItems }),
        );
      }
    },
    l.maxDepth,
  );

  const edgesOf = (node: SchemaNode): Edge[] => {
    const pointer = pointerOf.get(node) ?? '';
    const edges: Edge[] = [];
    for (const e of subschemas(node, pointer)) {
      if (e.kind === 'in-place') edges.push({ target: e.node });
      else if (e.kind === 'descending') edges.push({ target: e.node, child: e.child ?? '*' });
    }
    for (const keyword of REF_KEYWORDS) {
      const ref = node[keyword];
      if (typeof ref !== 'string') continue;
      // Remote references are refused before this runs; `$dynamicAnchor`s are found like anchors.
      const target = resolveLocalRef(schema, ref) ?? (ref.startsWith('#') ? anchors.get(ref.slice(1)) : undefined);
      if (target !== undefined) edges.push({ target, refAt: `${pointer}/${keyword}`, ref });
    }
    return edges;
  };

  // Evaluations on the node's own instance value; a cycle of in-place edges never ends.
  const here = new Map<SchemaNode, number>();
  const onStack = new Set<SchemaNode>();
  let cycle = false;
  const evaluationsHere = (node: unknown): number => {
    if (!isSchemaObject(node) || cycle) return 1;
    const known = here.get(node);
    if (known !== undefined) return known;
    onStack.add(node);
    let total = 1;
    for (const edge of edgesOf(node)) {
      if (edge.child !== undefined) continue;
      if (isSchemaObject(edge.target) && onStack.has(edge.target)) {
        problems.push(
          untrustedProblem(edge.refAt ?? pointerOf.get(node) ?? basePointer, 'ref-cycle', { ref: edge.ref ?? '#' }),
        );
        cycle = true;
        break;
      }
      total += evaluationsHere(edge.target);
    }
    onStack.delete(node);
    here.set(node, total);
    return total;
  };
  evaluationsHere(schema);
  // Definitions reached only through references (and any unreferenced cycle) too.
  for (const node of pointerOf.keys()) evaluationsHere(node);
  if (cycle) return problems;

  // Evaluations on any one value at or below the node's: its own, or the most on one child.
  const worst = new Map<SchemaNode, number>();
  const below = new Map<SchemaNode, Map<string, number>>();
  const descending = new Set<SchemaNode>();
  const childLoad = (node: SchemaNode): Map<string, number> => {
    const known = below.get(node);
    if (known) return known;
    const load = new Map<string, number>();
    const add = (key: string, n: number) => load.set(key, (load.get(key) ?? 0) + n);
    for (const edge of edgesOf(node)) {
      if (edge.child !== undefined) add(edge.child, worstAt(edge.target));
      else if (isSchemaObject(edge.target)) for (const [key, n] of childLoad(edge.target)) add(key, n);
    }
    below.set(node, load);
    return load;
  };
  const worstAt = (node: unknown): number => {
    if (!isSchemaObject(node)) return 1;
    const known = worst.get(node);
    if (known !== undefined) return known;
    // Recursion through the data: counted once per level.
    if (descending.has(node)) return 1;
    descending.add(node);
    const load = childLoad(node);
    const any = load.get('*') ?? 0;
    let most = Math.max(here.get(node) ?? evaluationsHere(node), any);
    for (const [key, n] of load) if (key !== '*') most = Math.max(most, n + any);
    descending.delete(node);
    worst.set(node, most);
    return most;
  };
  const total = worstAt(schema);
  if (total > l.maxEvaluations) {
    // Name the smallest subschema over the budget: where the blow-up starts.
    let culprit: { pointer: string; n: number } = { pointer: basePointer, n: total };
    for (const counts of [here, worst]) {
      for (const [node, n] of counts)
        if (n > l.maxEvaluations && n < culprit.n) culprit = { pointer: pointerOf.get(node) ?? basePointer, n };
    }
    problems.push(
      untrustedProblem(culprit.pointer, 'too-complex', { evaluations: total, maxEvaluations: l.maxEvaluations }),
    );
  }
  return problems;
}
