/** Where a command writes. The binary uses the process streams; tests capture the lines. */
export interface Io {
  // Function-typed members: commands pass `io.out`/`io.err` around unbound.
  out: (line: string) => void;
  err: (line: string) => void;
}

export const processIo: Io = {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
};

/** Exit codes: 0 success, 1 the checked thing has problems (invalid data, failed check), 2 bad input. */
export const EXIT_OK = 0;
export const EXIT_PROBLEMS = 1;
export const EXIT_USAGE = 2;

/** A problem with what the user asked for (unknown form, missing file, bad option): printed without a stack. */
export class CliError extends Error {
  override readonly name = 'CliError';
  constructor(
    message: string,
    readonly exitCode = EXIT_USAGE,
  ) {
    super(message);
  }
}

/** One CLI command, loaded from the command table when it is run. */
export interface Command {
  name: string;
  usage: string;
  /** Option descriptions shown by `skema help <command>`. */
  options: string[];
  run(args: string[], io: Io): Promise<number>;
}
