import { pino, type DestinationStream, type Logger, type LoggerOptions } from 'pino';
import { scrubText, scrubValue } from './scrub.js';

export type { Logger };

export interface LoggerSetup {
  level?: LoggerOptions['level'];
  /** Where log lines go (stdout by default); tests pass a stream to read them. */
  destination?: DestinationStream;
}

/**
 * Structured JSON logs that never carry personal data: bodies are never logged, credentials
 * are redacted, and every message and field is scrubbed of CPR-like numbers.
 */
export function createLogger(setup: LoggerSetup = {}): Logger {
  const options: LoggerOptions = {
    level: setup.level ?? 'info',
    base: { service: 'skema-api' },
    redact: {
      paths: [
        'req.headers.authorization',
        'req.headers.cookie',
        'headers.authorization',
        'authorization',
        'apiKey',
        'key',
        'data',
        'body',
        'req.body',
      ],
      censor: '[redacted]',
    },
    formatters: {
      log: (object) => scrubValue(object) as Record<string, unknown>,
    },
    serializers: {
      err: (err: Error) => scrubValue(err),
    },
    hooks: {
      logMethod(args, method) {
        const scrubbed = args.map<unknown>((a) => (typeof a === 'string' ? scrubText(a) : a));
        // pino takes an error's message as the line's msg, past the formatters: give it a scrubbed one.
        const [first] = scrubbed;
        if (first instanceof Error && typeof scrubbed[1] !== 'string') scrubbed.splice(1, 0, scrubText(first.message));
        return method.apply(this, scrubbed as Parameters<typeof method>);
      },
    },
  };
  return setup.destination ? pino(options, setup.destination) : pino(options);
}
