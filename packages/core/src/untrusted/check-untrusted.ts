import safeRegex from 'safe-regex2';
import { DEFAULT_UNTRUSTED_LIMITS, type UntrustedLimits } from './limits.js';
import { linearPatternReason } from './linear-regexp.js';
import { forEachSchema, REF_KEYWORDS, valuesAt } from './schema-walk.js';
import { untrustedProblem, type UntrustedProblem } from './untrusted-problem.js';

// Keys that can reach Object.prototype when a document is merged or copied naïvely.
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

const esc = (key: string) => key.replace(/~/g, '~0').replace(/\//g, '~1');

/**
 * Checks an uploaded JSON document (a schema, UI schema or overlay) before anything compiles it:
 * bounded size, depth and key count; no prototype keys; and, at every schema position under
 * `schemaRoots` (pointer patterns, `*` for every member; default: the document is a schema),
 * only local `$ref`s (nothing is fetched) and every regular expression valid, expressible in
 * RE2 and free of catastrophic backtracking. Schema positions are found by keyword, so a
 * property named `pattern` or `properties` neither hides a pattern nor is taken for one.
 */
export function checkUntrustedDocument(
  doc: unknown,
  limits: Partial<UntrustedLimits> = {},
  schemaRoots: readonly string[] = [''],
): UntrustedProblem[] {
  const l = { ...DEFAULT_UNTRUSTED_LIMITS, ...limits };
  const problems: UntrustedProblem[] = [];
  const bytes = new TextEncoder().encode(JSON.stringify(doc) ?? '').length;
  if (bytes > l.maxBytes) {
    return [untrustedProblem('', 'too-large', { bytes, maxBytes: l.maxBytes })];
  }
  let keys = 0;
  const visit = (node: unknown, path: string, depth: number): void => {
    if (depth > l.maxDepth) {
      problems.push(untrustedProblem(path, 'too-deep', { maxDepth: l.maxDepth }));
      return;
    }
    if (Array.isArray(node)) {
      node.forEach((item, i) => visit(item, `${path}/${i}`, depth + 1));
      return;
    }
    if (typeof node !== 'object' || node === null) return;
    for (const key of Object.keys(node)) {
      const at = `${path}/${esc(key)}`;
      if (++keys > l.maxKeys) {
        problems.push(untrustedProblem(at, 'too-many-keys', { maxKeys: l.maxKeys }));
        return;
      }
      if (FORBIDDEN_KEYS.has(key)) {
        problems.push(untrustedProblem(at, 'forbidden-key', { key }));
        continue;
      }
      visit((node as Record<string, unknown>)[key], at, depth + 1);
    }
  };
  visit(doc, '', 0);
  // Size, depth and prototype keys first: the schema walk below may assume a sane document.
  if (problems.length) return problems;
  for (const root of schemaRoots) {
    for (const { value, pointer } of valuesAt(doc, root)) checkSchema(value, pointer, !root.includes('*'), l, problems);
  }
  return problems;
}

/** `$ref`s, `$id`s and patterns at the schema positions of one schema (or schema fragment). */
function checkSchema(
  schema: unknown,
  rootPointer: string,
  whole: boolean,
  l: UntrustedLimits,
  problems: UntrustedProblem[],
): void {
  forEachSchema(
    schema,
    rootPointer,
    (node, pointer) => {
      for (const keyword of REF_KEYWORDS) {
        const ref = node[keyword];
        if (typeof ref === 'string' && !ref.startsWith('#'))
          problems.push(untrustedProblem(`${pointer}/${keyword}`, 'remote-ref', { ref }));
      }
      // A nested $id starts a new base for its local references; the budget could not follow them.
      if (typeof node.$id === 'string' && !(whole && pointer === rootPointer))
        problems.push(untrustedProblem(`${pointer}/$id`, 'nested-id', { id: node.$id }));
      if (typeof node.pattern === 'string') checkPattern(node.pattern, `${pointer}/pattern`, l, problems);
      const patternProperties = node.patternProperties;
      if (typeof patternProperties === 'object' && patternProperties !== null && !Array.isArray(patternProperties)) {
        for (const source of Object.keys(patternProperties))
          checkPattern(source, `${pointer}/patternProperties/${esc(source)}`, l, problems);
      }
    },
    l.maxDepth,
  );
}

function checkPattern(source: string, path: string, l: UntrustedLimits, problems: UntrustedProblem[]): void {
  if (source.length > l.maxPatternLength) {
    problems.push(untrustedProblem(path, 'unsafe-pattern', { source, maxLength: l.maxPatternLength }));
    return;
  }
  try {
    new RegExp(source, 'u');
  } catch {
    problems.push(untrustedProblem(path, 'invalid-pattern', { source }));
    return;
  }
  const reason = linearPatternReason(source);
  if (reason !== undefined) {
    problems.push(untrustedProblem(path, 'pattern-not-linear', { source, reason }));
    return;
  }
  // Untrusted forms run their patterns on RE2 anyway; this gives the clearer message first.
  if (!safeRegex(source)) {
    problems.push(untrustedProblem(path, 'unsafe-pattern', { source }));
  }
}

/** Parses uploaded JSON text, refusing oversized input before parsing it. */
export function parseUntrustedJson(
  text: string,
  limits: Partial<UntrustedLimits> = {},
  schemaRoots: readonly string[] = [''],
): { value?: unknown; problems: UntrustedProblem[] } {
  const l = { ...DEFAULT_UNTRUSTED_LIMITS, ...limits };
  if (text.length > l.maxBytes) {
    return { problems: [untrustedProblem('', 'too-large', { maxBytes: l.maxBytes })] };
  }
  const value: unknown = JSON.parse(text);
  return { value, problems: checkUntrustedDocument(value, l, schemaRoots) };
}
