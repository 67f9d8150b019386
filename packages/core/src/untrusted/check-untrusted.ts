import safeRegex from 'safe-regex2';
import { DEFAULT_UNTRUSTED_LIMITS, type UntrustedLimits } from './limits.js';
import { untrustedProblem, type UntrustedProblem } from './untrusted-problem.js';

// Keys that can reach Object.prototype when a document is merged or copied naïvely.
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
const REF_KEYWORDS = new Set(['$ref', '$dynamicRef', '$recursiveRef']);

const esc = (key: string) => key.replace(/~/g, '~0').replace(/\//g, '~1');

/**
 * Checks an uploaded JSON document (a schema, UI schema or overlay) before anything compiles it:
 * bounded size, depth and key count; no prototype keys; only local `$ref`s (nothing is fetched);
 * every regular expression valid and free of catastrophic backtracking.
 */
export function checkUntrustedDocument(doc: unknown, limits: Partial<UntrustedLimits> = {}): UntrustedProblem[] {
  const l = { ...DEFAULT_UNTRUSTED_LIMITS, ...limits };
  const problems: UntrustedProblem[] = [];
  const bytes = new TextEncoder().encode(JSON.stringify(doc) ?? '').length;
  if (bytes > l.maxBytes) {
    return [untrustedProblem('', 'too-large', { bytes, maxBytes: l.maxBytes })];
  }
  let keys = 0;
  const visit = (node: unknown, path: string, depth: number, parentKey: string | undefined): void => {
    if (depth > l.maxDepth) {
      problems.push(untrustedProblem(path, 'too-deep', { maxDepth: l.maxDepth }));
      return;
    }
    if (Array.isArray(node)) {
      node.forEach((item, i) => visit(item, `${path}/${i}`, depth + 1, undefined));
      return;
    }
    if (typeof node !== 'object' || node === null) return;
    for (const key of Object.keys(node)) {
      const value = (node as Record<string, unknown>)[key];
      const at = `${path}/${esc(key)}`;
      if (++keys > l.maxKeys) {
        problems.push(untrustedProblem(at, 'too-many-keys', { maxKeys: l.maxKeys }));
        return;
      }
      if (FORBIDDEN_KEYS.has(key)) {
        problems.push(untrustedProblem(at, 'forbidden-key', { key }));
        continue;
      }
      if (REF_KEYWORDS.has(key) && parentKey !== 'properties' && typeof value === 'string' && !value.startsWith('#')) {
        problems.push(untrustedProblem(at, 'remote-ref', { ref: value }));
      }
      if (key === 'pattern' && parentKey !== 'properties' && typeof value === 'string') checkPattern(value, at, l, problems);
      if (key === 'patternProperties' && parentKey !== 'properties' && typeof value === 'object' && value !== null) {
        for (const source of Object.keys(value)) checkPattern(source, `${at}/${esc(source)}`, l, problems);
      }
      visit(value, at, depth + 1, key);
    }
  };
  visit(doc, '', 0, undefined);
  return problems;
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
  if (!safeRegex(source)) {
    problems.push(untrustedProblem(path, 'unsafe-pattern', { source }));
  }
}

/** Parses uploaded JSON text, refusing oversized input before parsing it. */
export function parseUntrustedJson(text: string, limits: Partial<UntrustedLimits> = {}): { value?: unknown; problems: UntrustedProblem[] } {
  const l = { ...DEFAULT_UNTRUSTED_LIMITS, ...limits };
  if (text.length > l.maxBytes) {
    return { problems: [untrustedProblem('', 'too-large', { maxBytes: l.maxBytes })] };
  }
  const value: unknown = JSON.parse(text);
  return { value, problems: checkUntrustedDocument(value, l) };
}
