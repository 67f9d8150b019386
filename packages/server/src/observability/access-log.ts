import { randomUUID } from 'node:crypto';
import type { RequestHandler } from 'express';
import { pinoHttp } from 'pino-http';
import type { Logger } from './logger.js';
import { scrubUrl } from './scrub.js';

/**
 * One line per request: method, path (no query string; CPR-like numbers scrubbed, e.g.
 * `/submissions/010118-9901`) and status, never headers or bodies. The path is scrubbed here:
 * pino applies serializers after the logger's scrubbing formatter.
 * Left out when the logger is above `info`: it would log nothing and still cost per request.
 */
export function accessLog(logger: Logger): RequestHandler | undefined {
  if (!logger.isLevelEnabled('info')) return undefined;
  return pinoHttp({
    logger,
    genReqId: () => randomUUID(),
    wrapSerializers: false,
    serializers: {
      req: (req: { id?: unknown; method?: string; originalUrl?: string; url?: string }) => ({
        id: req.id,
        method: req.method,
        path: scrubUrl((req.originalUrl ?? req.url ?? '').split('?')[0]!),
      }),
      res: (res: { statusCode?: number }) => ({ statusCode: res.statusCode }),
    },
    customLogLevel: (_req, res, err) =>
      err || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : 'info',
  });
}
