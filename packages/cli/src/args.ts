import { parseArgs, type ParseArgsConfig } from 'node:util';
import { CliError } from './io.js';

type Options = NonNullable<ParseArgsConfig['options']>;

/** `node:util` parseArgs with strict checking; its errors become usage errors with the command's usage line. */
export function parseCommandArgs<O extends Options>(
  args: string[],
  options: O,
  usage: string,
): ReturnType<typeof parseArgs<{ args: string[]; options: O; allowPositionals: true; strict: true }>> {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (e) {
    throw new CliError(`${(e as Error).message}\nUsage: ${usage}`);
  }
}

export const schemasOption = { schemas: { type: 'string' } } as const;
