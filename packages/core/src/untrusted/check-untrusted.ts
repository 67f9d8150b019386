import safeRegex from 'safe-regex2';
import { DEFAULT_UNTRUSTED_LIMITS, type UntrustedLimits } from './limits.js';

export interface UntrustedProblem {
  /** JSON Pointer into the uploaded document. */
  path: string;
  code: 'too-large' | 'too-deep' | 'too-many-keys' | 'forbidden-key' | 'remote-ref' | 'unsafe-pattern' | 'invalid-pattern';
  message: string;
}

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
    return [{ path: '', code: 'too-large', message: `The document is ${bytes} bytes; at most ${l.maxBytes} are allowed.` }];
  }
  let keys = 0;
  const visit = (node: unknown, path: string, depth: number, parentKey: string | undefined): void => {
    if (depth > l.maxDepth) {
      problems.push({ path, code: 'too-deep', message: `Nesting deeper than ${l.maxDepth} levels is not allowed.` });
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
        problems.push({ path: at, code: 'too-many-keys', message: `More than ${l.maxKeys} keys are not allowed.` });
        return;
      }
      if (FORBIDDEN_KEYS.has(key)) {
        problems.push({ path: at, code: 'forbidden-key', message: `The key "${key}" is not allowed.` });
        continue;
      }
      if (REF_KEYWORDS.has(key) && parentKey !== 'properties' && typeof value === 'string' && !value.startsWith('#')) {
        problems.push({ path: at, code: 'remote-ref', message: `Only local references ("#/…") are allowed; "${value}" would be fetched from elsewhere.` });
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
    problems.push({ path, code: 'unsafe-pattern', message: `The pattern is longer than ${l.maxPatternLength} characters.` });
    return;
  }
  try {
    new RegExp(source, 'u');
  } catch {
    problems.push({ path, code: 'invalid-pattern', message: `"${source}" is not a valid regular expression.` });
    return;
  }
  if (!safeRegex(source)) {
    problems.push({
      path,
      code: 'unsafe-pattern',
      message: `The pattern "${source}" can backtrack catastrophically (nested repetition); rewrite it without nested quantifiers.`,
    });
  }
}

/** Parses uploaded JSON text, refusing oversized input before parsing it. */
export function parseUntrustedJson(text: string, limits: Partial<UntrustedLimits> = {}): { value?: unknown; problems: UntrustedProblem[] } {
  const l = { ...DEFAULT_UNTRUSTED_LIMITS, ...limits };
  if (text.length > l.maxBytes) {
    return { problems: [{ path: '', code: 'too-large', message: `The document is larger than ${l.maxBytes} bytes.` }] };
  }
  const value: unknown = JSON.parse(text);
  return { value, problems: checkUntrustedDocument(value, l) };
}
