import { RE2JS } from 're2js';

/** What Ajv's `code.regExp` option takes: a factory of objects with `test`. */
export interface RegExpEngineLike {
  (pattern: string, flags: string): { test(input: string): boolean };
  code: string;
}

/**
 * Constructs RE2 cannot express, found in the JavaScript source before translation (re2js's
 * translation would silently turn `\k<name>` into the literal `k<name>`). Character classes
 * are skipped: inside `[…]` none of these has its meaning.
 */
function nonLinearConstruct(source: string): 'backreference' | 'lookaround' | undefined {
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === '\\') {
      const next = source[i + 1] ?? '';
      if (!inClass && (/[1-9]/.test(next) || next === 'k')) return 'backreference';
      i++;
    } else if (inClass) {
      if (c === ']') inClass = false;
    } else if (c === '[') inClass = true;
    else if (
      c === '(' &&
      source[i + 1] === '?' &&
      (source[i + 2] === '=' ||
        source[i + 2] === '!' ||
        (source[i + 2] === '<' && (source[i + 3] === '=' || source[i + 3] === '!')))
    ) {
      return 'lookaround';
    }
  }
  return undefined;
}

/**
 * Compiles a JavaScript (`u`-mode) pattern for RE2, whose matching time is linear in the input
 * whatever the pattern. Throws when RE2 cannot express it (backreferences, lookaround, some
 * Unicode property names).
 */
export function compileLinear(source: string): RE2JS {
  const construct = nonLinearConstruct(source);
  if (construct) throw new SyntaxError(`RE2 has no ${construct}`);
  return RE2JS.compile(RE2JS.translateRegExp(source));
}

/** Why RE2 cannot run a pattern, or undefined when it can (the publish-time check). */
export function linearPatternReason(source: string): string | undefined {
  try {
    compileLinear(source);
    return undefined;
  } catch (e) {
    return (e as Error).message;
  }
}

/**
 * Ajv's regular-expression engine for untrusted forms: every `pattern` and `patternProperties`
 * runs on re2js (a pure-JavaScript port of RE2), so no pattern can backtrack. Pure JavaScript,
 * not the native `re2` binding: that one downloads a prebuilt binary at install time, and this
 * one also runs in the browser bundle.
 */
export const linearRegExp: RegExpEngineLike = Object.assign((pattern: string) => compileLinear(pattern), {
  code: 'linearRegExp',
});
