import express, { type NextFunction, type Request, type Response } from 'express';
import {
  DEFAULT_UNTRUSTED_LIMITS,
  parseUntrustedJson,
  untrustedProblem as coreProblem,
  type Locale,
  type LocalizedText,
  type UntrustedProblem,
} from '@skema/core';
import { assertJsonMediaType, hasBody } from '../http/json-body.js';
import { localeOf } from '../http/locale.js';
import { HttpProblem } from '../http/problem.js';
import { fromCoreProblem, problemView } from './config-problem.js';

/** A refused upload: 400 `untrusted-document` with `problems[]` naming each problem (path, code, message in the request's locale, messages). */
export function untrustedProblem(problems: UntrustedProblem[], locale: Locale): HttpProblem {
  const first = problems[0]!;
  const where = first.path || '/';
  const detail: LocalizedText = {
    da: `Dokumentet er afvist af sikkerhedshensyn: ${first.messages.da} (${where})${problems.length > 1 ? ` og ${problems.length - 1} andre problemer` : ''}.`,
    en: `The document is refused for safety: ${first.messages.en} (${where})${problems.length > 1 ? ` and ${problems.length - 1} more problem(s)` : ''}.`,
  };
  const listed = problems.slice(0, 50).map((p) => problemView(fromCoreProblem(p.path, p), locale));
  return new HttpProblem('untrusted-document', detail, { members: { problems: listed } });
}

/**
 * The nesting depth of JSON text, found without parsing it, so a pathologically deep document
 * is refused before JSON.parse or JSON.stringify can recurse through it.
 */
export function jsonTextDepth(text: string, stopAt = Infinity): number {
  let depth = 0;
  let max = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++;
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) {
      if (++depth > max && (max = depth) > stopAt) return max;
    } else if (c === 0x7d || c === 0x5d) depth--;
  }
  return max;
}

/**
 * Reads an uploaded schema or overlay as text and checks it as untrusted input (size, depth,
 * keys, prototype keys; remote `$ref`s and unsafe patterns at the schema positions under
 * `schemaRoots`, which depend on the kind of document) before anything else touches it.
 * Mounted before the API's ordinary JSON parser, so it alone bounds these bodies.
 */
export function untrustedJsonBody(limit: string | number, schemaRoots: (req: Request) => readonly string[]) {
  const read = express.text({ limit, type: () => true });
  return (req: Request, res: Response, next: NextFunction): void => {
    if (!hasBody(req)) {
      throw new HttpProblem('invalid-request', {
        da: 'Forespørgslen mangler en JSON-krop.',
        en: 'The request needs a JSON body.',
      });
    }
    assertJsonMediaType(req);
    read(req, res, (err?: unknown) => {
      if (err) return next(err);
      const locale = localeOf(req);
      const text = typeof req.body === 'string' ? req.body : '';
      const size = Buffer.byteLength(text, 'utf8');
      if (size > DEFAULT_UNTRUSTED_LIMITS.maxBytes) {
        return next(
          untrustedProblem(
            [coreProblem('', 'too-large', { bytes: size, maxBytes: DEFAULT_UNTRUSTED_LIMITS.maxBytes })],
            locale,
          ),
        );
      }
      if (jsonTextDepth(text, DEFAULT_UNTRUSTED_LIMITS.maxDepth + 1) > DEFAULT_UNTRUSTED_LIMITS.maxDepth + 1) {
        // +1: the document itself may sit one level down (the preview's `{ kind, document }`).
        return next(
          untrustedProblem([coreProblem('', 'too-deep', { maxDepth: DEFAULT_UNTRUSTED_LIMITS.maxDepth })], locale),
        );
      }
      let parsed: ReturnType<typeof parseUntrustedJson>;
      try {
        parsed = parseUntrustedJson(text, {}, schemaRoots(req));
      } catch {
        return next(
          new HttpProblem('malformed-json', {
            da: 'Forespørgslens krop er ikke gyldig JSON.',
            en: 'The request body is not valid JSON.',
          }),
        );
      }
      if (parsed.problems.length) return next(untrustedProblem(parsed.problems, locale));
      req.body = parsed.value;
      next();
    });
  };
}
