import { schemaChange, STRUCTURE } from './change-texts.js';
import { diffKeywords, type AddChange } from './keyword-diff.js';
import {
  containsRef,
  escapeSegment,
  isSchemaObject,
  resolveNode,
  sameJson,
  show,
  type SchemaObject,
} from './schema-nodes.js';
import type { SchemaChange } from './types.js';

interface DiffContext {
  rootA: unknown;
  rootB: unknown;
  changes: SchemaChange[];
  /** `$ref` pairs being compared on the current path: recursive schemas stop here. */
  stack: Set<string>;
  /**
   * Inside `then`/`else`/`dependentSchemas`, `properties` constrain fields defined elsewhere
   * instead of defining fields, so an added entry is a new constraint, not a new field.
   */
  conditional: boolean;
}

/**
 * Classifies every difference between two JSON Schemas by the semver bump it needs:
 * anything that can reject data the old schema accepted is major, anything that only
 * accepts more is minor, annotations are patch. Local `$ref`s are followed.
 */
export function diffSchemas(a: unknown, b: unknown): SchemaChange[] {
  const ctx: DiffContext = { rootA: a, rootB: b, changes: [], stack: new Set(), conditional: false };
  compare(ctx, a, b, '#');
  return ctx.changes;
}

function adder(ctx: DiffContext): AddChange {
  return (path, kind, level, messages) => ctx.changes.push(schemaChange(path, kind, level, messages));
}

function refOf(node: unknown): string {
  return isSchemaObject(node) && typeof node.$ref === 'string' ? node.$ref : '';
}

function compare(ctx: DiffContext, a: unknown, b: unknown, path: string): void {
  const refKey = refOf(a) || refOf(b) ? `${refOf(a)}|${refOf(b)}` : '';
  if (refKey) {
    if (ctx.stack.has(refKey)) return;
    ctx.stack.add(refKey);
  }
  try {
    const ra = resolveNode(ctx.rootA, a);
    const rb = resolveNode(ctx.rootB, b);
    if (sameJson(ra, rb) && !containsRef(ra)) return;
    compareResolved(ctx, ra, rb, path);
  } finally {
    if (refKey) ctx.stack.delete(refKey);
  }
}

function compareResolved(ctx: DiffContext, a: unknown, b: unknown, path: string): void {
  const add = adder(ctx);
  if (typeof a === 'boolean' || typeof b === 'boolean') {
    if (a === b) return;
    if (a === false) return add(path, 'constraint-relaxed', 'minor', STRUCTURE.nowAccepts);
    if (b === false) return add(path, 'constraint-tightened', 'major', STRUCTURE.rejectsAll);
    // `true` is the empty schema: compare keyword by keyword against it.
    if (a === true) a = {};
    if (b === true) b = {};
  }
  if (!isSchemaObject(a) || !isSchemaObject(b)) {
    if (!sameJson(a, b)) add(path, 'keyword-changed', 'major', STRUCTURE.notSchema);
    return;
  }
  if (refOf(a) !== refOf(b)) {
    add(path, 'ref-changed', 'major', STRUCTURE.ref(show(a.$ref), show(b.$ref)));
  }
  diffKeywords(a, b, path, add);
  compareObjectKeywords(ctx, a, b, path);
  compareArrayKeywords(ctx, a, b, path);
  compareCombinators(ctx, a, b, path);
}

function child(ctx: DiffContext, a: unknown, b: unknown, path: string): void {
  if (a === undefined && b === undefined) return;
  compare(ctx, a ?? true, b ?? true, path);
}

function isClosed(node: SchemaObject): boolean {
  return node.additionalProperties === false || node.unevaluatedProperties === false;
}

function stringSet(value: unknown): Set<string> {
  return new Set(Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : []);
}

function compareProperties(ctx: DiffContext, a: SchemaObject, b: SchemaObject, path: string): void {
  const add = adder(ctx);
  const propsA = isSchemaObject(a.properties) ? a.properties : {};
  const propsB = isSchemaObject(b.properties) ? b.properties : {};
  const reqA = stringSet(a.required);
  const reqB = stringSet(b.required);
  const removed = Object.keys(propsA).filter((k) => !(k in propsB));
  const added = new Set(Object.keys(propsB).filter((k) => !(k in propsA)));
  const propPath = (k: string) => `${path}/properties/${escapeSegment(k)}`;
  const settled = new Set<string>();

  if (ctx.conditional) {
    for (const name of new Set([...Object.keys(propsA), ...Object.keys(propsB)]))
      child(ctx, propsA[name], propsB[name], propPath(name));
    compareRequired(ctx, reqA, reqB, propPath, settled);
    return;
  }
  for (const name of removed) {
    const renamed = [...added].find((k) => !settled.has(k) && sameJson(propsA[name], propsB[k]));
    if (renamed) {
      settled.add(renamed).add(name);
      add(propPath(name), 'property-renamed', 'major', STRUCTURE.renamed(name, renamed));
    } else {
      settled.add(name);
      add(propPath(name), 'property-removed', 'major', STRUCTURE.removed(name));
    }
  }
  for (const name of added) {
    if (settled.has(name)) continue;
    settled.add(name);
    if (reqB.has(name)) add(propPath(name), 'property-added', 'major', STRUCTURE.addedRequired(name));
    else add(propPath(name), 'property-added', 'minor', STRUCTURE.addedOptional(name));
  }
  for (const name of Object.keys(propsB)) {
    if (name in propsA) compare(ctx, propsA[name], propsB[name], propPath(name));
  }
  compareRequired(ctx, reqA, reqB, propPath, settled);
}

function compareRequired(
  ctx: DiffContext,
  reqA: Set<string>,
  reqB: Set<string>,
  propPath: (k: string) => string,
  settled: Set<string>,
): void {
  const add = adder(ctx);
  for (const name of reqB) {
    if (!reqA.has(name) && !settled.has(name)) add(propPath(name), 'required-added', 'major', STRUCTURE.required(name));
  }
  for (const name of reqA) {
    if (!reqB.has(name) && !settled.has(name))
      add(propPath(name), 'required-removed', 'minor', STRUCTURE.optional(name));
  }
}

function compareAdditional(
  ctx: DiffContext,
  keyword: 'additionalProperties' | 'unevaluatedProperties',
  a: SchemaObject,
  b: SchemaObject,
  path: string,
): void {
  const va = a[keyword];
  const vb = b[keyword];
  if (va === undefined && vb === undefined) return;
  const openA = va === undefined || va === true;
  const openB = vb === undefined || vb === true;
  const here = `${path}/${keyword}`;
  if (openA && openB) return;
  if (vb === false && va !== false) {
    return adder(ctx)(here, 'additional-properties-closed', 'major', STRUCTURE.closed(keyword));
  }
  if (va === false && vb !== false) {
    return adder(ctx)(here, 'additional-properties-opened', 'minor', STRUCTURE.opened(keyword));
  }
  child(ctx, va, vb, here);
}

function compareObjectKeywords(ctx: DiffContext, a: SchemaObject, b: SchemaObject, path: string): void {
  compareProperties(ctx, a, b, path);
  compareAdditional(ctx, 'additionalProperties', a, b, path);
  compareAdditional(ctx, 'unevaluatedProperties', a, b, path);
  child(ctx, a.propertyNames, b.propertyNames, `${path}/propertyNames`);

  const patternsA = isSchemaObject(a.patternProperties) ? a.patternProperties : {};
  const patternsB = isSchemaObject(b.patternProperties) ? b.patternProperties : {};
  for (const key of new Set([...Object.keys(patternsA), ...Object.keys(patternsB)])) {
    const here = `${path}/patternProperties/${escapeSegment(key)}`;
    // On a closed object, a pattern decides which names are allowed at all.
    if (!(key in patternsA) !== !(key in patternsB) && (isClosed(a) || isClosed(b))) {
      adder(ctx)(here, 'keyword-changed', 'major', STRUCTURE.patternOnClosed(show(key), !(key in patternsA)));
    } else {
      child(ctx, patternsA[key], patternsB[key], here);
    }
  }

  const depA = isSchemaObject(a.dependentRequired) ? a.dependentRequired : {};
  const depB = isSchemaObject(b.dependentRequired) ? b.dependentRequired : {};
  for (const key of new Set([...Object.keys(depA), ...Object.keys(depB)])) {
    const before = stringSet(depA[key]);
    const after = stringSet(depB[key]);
    const here = `${path}/dependentRequired/${escapeSegment(key)}`;
    for (const name of after)
      if (!before.has(name)) adder(ctx)(here, 'required-added', 'major', STRUCTURE.requiresWith(key, name));
    for (const name of before)
      if (!after.has(name)) adder(ctx)(here, 'required-removed', 'minor', STRUCTURE.noLongerRequiresWith(key, name));
  }

  const schemasA = isSchemaObject(a.dependentSchemas) ? a.dependentSchemas : {};
  const schemasB = isSchemaObject(b.dependentSchemas) ? b.dependentSchemas : {};
  for (const key of new Set([...Object.keys(schemasA), ...Object.keys(schemasB)])) {
    child(
      { ...ctx, conditional: true },
      schemasA[key],
      schemasB[key],
      `${path}/dependentSchemas/${escapeSegment(key)}`,
    );
  }
}

function compareArrayKeywords(ctx: DiffContext, a: SchemaObject, b: SchemaObject, path: string): void {
  child(ctx, a.items, b.items, `${path}/items`);
  child(ctx, a.unevaluatedItems, b.unevaluatedItems, `${path}/unevaluatedItems`);
  const prefixA = Array.isArray(a.prefixItems) ? a.prefixItems : [];
  const prefixB = Array.isArray(b.prefixItems) ? b.prefixItems : [];
  for (let i = 0; i < Math.max(prefixA.length, prefixB.length); i++)
    child(ctx, prefixA[i], prefixB[i], `${path}/prefixItems/${i}`);

  // `contains` absent means no requirement, which is not the same as `contains: true` (non-empty).
  const here = `${path}/contains`;
  if (a.contains === undefined && b.contains !== undefined)
    adder(ctx)(here, 'subschema-added', 'major', STRUCTURE.containsAdded);
  else if (a.contains !== undefined && b.contains === undefined)
    adder(ctx)(here, 'subschema-removed', 'minor', STRUCTURE.containsRemoved);
  else child(ctx, a.contains, b.contains, here);
}

/** Compares inside a subschema whose direction is unknown (`if`, `not`): any non-annotation change is breaking. */
function compareUndirected(ctx: DiffContext, a: unknown, b: unknown, path: string, what: 'if' | 'not'): void {
  const inner: DiffContext = { ...ctx, changes: [], conditional: true };
  compare(inner, a, b, path);
  const semantic = inner.changes.filter((c) => c.level !== 'patch');
  ctx.changes.push(...inner.changes.filter((c) => c.level === 'patch'));
  if (semantic.length > 0) {
    adder(ctx)(path, 'condition-changed', 'major', STRUCTURE.undirected(what, semantic[0]!, semantic.length - 1));
  }
}

function pairEntries(
  listA: unknown[],
  listB: unknown[],
): { pairs: Array<[number, number]>; onlyA: number[]; onlyB: number[] } {
  const usedB = new Set<number>();
  const pairs: Array<[number, number]> = [];
  const restA: number[] = [];
  listA.forEach((entry, i) => {
    const j = listB.findIndex((other, k) => !usedB.has(k) && sameJson(entry, other));
    if (j >= 0) {
      usedB.add(j);
      pairs.push([i, j]);
    } else restA.push(i);
  });
  const restB = listB.map((_, j) => j).filter((j) => !usedB.has(j));
  const n = Math.min(restA.length, restB.length);
  for (let k = 0; k < n; k++) pairs.push([restA[k]!, restB[k]!]);
  return { pairs, onlyA: restA.slice(n), onlyB: restB.slice(n) };
}

function compareCombinators(ctx: DiffContext, a: SchemaObject, b: SchemaObject, path: string): void {
  const add = adder(ctx);
  // allOf: a missing entry is `true`, so added and removed entries are compared against the empty schema.
  const allA = Array.isArray(a.allOf) ? a.allOf : [];
  const allB = Array.isArray(b.allOf) ? b.allOf : [];
  const all = pairEntries(allA, allB);
  for (const [i, j] of all.pairs) compare(ctx, allA[i], allB[j], `${path}/allOf/${j}`);
  for (const j of all.onlyB) compare(ctx, true, allB[j], `${path}/allOf/${j}`);
  for (const i of all.onlyA) compare(ctx, allA[i], true, `${path}/allOf/${i} (removed)`);

  for (const keyword of ['anyOf', 'oneOf'] as const) {
    const listA = a[keyword];
    const listB = b[keyword];
    const here = `${path}/${keyword}`;
    if (!Array.isArray(listA) && !Array.isArray(listB)) continue;
    if (!Array.isArray(listA)) {
      add(here, 'subschema-added', 'major', STRUCTURE.alternativesAdded(keyword));
      continue;
    }
    if (!Array.isArray(listB)) {
      add(here, 'subschema-removed', 'minor', STRUCTURE.alternativesRemoved(keyword));
      continue;
    }
    const { pairs, onlyA, onlyB } = pairEntries(listA, listB);
    for (const [i, j] of pairs) compare(ctx, listA[i], listB[j], `${here}/${j}`);
    for (const j of onlyB) add(`${here}/${j}`, 'subschema-added', 'minor', STRUCTURE.alternativeAdded(keyword));
    for (const i of onlyA) add(`${here}/${i}`, 'subschema-removed', 'major', STRUCTURE.alternativeRemoved(keyword));
  }

  if (a.not === undefined && b.not !== undefined) add(`${path}/not`, 'subschema-added', 'major', STRUCTURE.notAdded);
  else if (a.not !== undefined && b.not === undefined)
    add(`${path}/not`, 'subschema-removed', 'minor', STRUCTURE.notRemoved);
  else if (a.not !== undefined) compareUndirected(ctx, a.not, b.not, `${path}/not`, 'not');

  if (a.if === undefined && b.if !== undefined) add(`${path}/if`, 'condition-changed', 'major', STRUCTURE.ifAdded);
  else if (a.if !== undefined && b.if === undefined)
    add(`${path}/if`, 'condition-changed', 'minor', STRUCTURE.ifRemoved);
  else if (a.if !== undefined) compareUndirected(ctx, a.if, b.if, `${path}/if`, 'if');
  child({ ...ctx, conditional: true }, a.then, b.then, `${path}/then`);
  child({ ...ctx, conditional: true }, a.else, b.else, `${path}/else`);
}
