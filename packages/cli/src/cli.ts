import { readFileSync } from 'node:fs';
import { CliError, EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE, type Command, type Io } from './io.js';

export interface CommandEntry {
  summary: string;
  /** Commands load on use: `skema --help` need not load Ajv, the plugins or the type generator. */
  load(): Promise<Command>;
}

/** The command table: `skema <name> …` runs `commands[name]`. */
export const commands: Readonly<Record<string, CommandEntry>> = {
  check: {
    summary: 'Check every form version: schema, UI schema, texts, examples, lock and version bumps',
    load: async () => (await import('./commands/check.js')).checkCommand,
  },
  validate: {
    summary: 'Validate a JSON submission against a form version and print the localized result',
    load: async () => (await import('./commands/validate.js')).validateCommand,
  },
  types: {
    summary: 'Generate a TypeScript type for every form version (what @skema/types exports)',
    load: async () => (await import('./commands/types.js')).typesCommand,
  },
  diff: {
    summary: 'Classify the changes between two versions of a form and the semver bump they require',
    load: async () => (await import('./commands/diff.js')).diffCommand,
  },
  rules: {
    summary: 'List the rule catalogue: id, forms, severity, options, source and whether it has tests',
    load: async () => (await import('./commands/rules.js')).rulesCommand,
  },
  migrate: {
    summary:
      'Migrate submission data to a later form version and validate it (a file, or a stored submission through the API)',
    load: async () => (await import('./commands/migrate.js')).migrateCommand,
  },
  pdf: {
    summary: "Render a submission as an archival PDF/A document (from a file, or the server's through the API)",
    load: async () => (await import('./commands/pdf.js')).pdfCommand,
  },
  prefill: {
    summary:
      "Dry-run a form version's prefill mappings from files: the case and other forms' data, with where each value came from",
    load: async () => (await import('./commands/prefill.js')).prefillCommand,
  },
  lock: {
    summary: 'Record the content hash of published versions not yet in forms.lock.json',
    load: async () => (await import('./commands/lock.js')).lockCommand,
  },
};

function version(): string {
  const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };
  return pkg.version;
}

export function helpText(): string {
  const width = Math.max(...Object.keys(commands).map((n) => n.length));
  return [
    'skema: check, validate and inspect Skema form packages',
    '',
    'Usage: skema <command> [options]',
    '',
    'Commands:',
    ...Object.entries(commands).map(([name, c]) => `  ${name.padEnd(width)}  ${c.summary}`),
    '',
    "Every command takes --schemas DIR (default: the repository's schemas/ or $SKEMA_SCHEMAS_DIR).",
    'Run "skema help <command>" for its options. Exit codes: 0 ok, 1 problems found, 2 bad input.',
  ].join('\n');
}

async function commandHelp(entry: CommandEntry): Promise<string> {
  const command = await entry.load();
  return [entry.summary, '', `Usage: ${command.usage}`, '', ...command.options.map((o) => `  ${o}`)].join('\n');
}

/** Runs one CLI invocation and returns its exit code; never exits the process itself. */
export async function runCli(argv: string[], io: Io): Promise<number> {
  const [name, ...args] = argv;
  if (name === undefined) {
    io.err(helpText());
    return EXIT_USAGE;
  }
  if (name === '--help' || name === '-h') {
    io.out(helpText());
    return EXIT_OK;
  }
  if (name === '--version' || name === '-v') {
    io.out(version());
    return EXIT_OK;
  }
  if (name === 'help') {
    const topic = args[0] === undefined ? undefined : commands[args[0]];
    if (args[0] !== undefined && !topic) {
      io.err(`Unknown command "${args[0]}". Run "skema --help" for the list.`);
      return EXIT_USAGE;
    }
    io.out(topic ? await commandHelp(topic) : helpText());
    return EXIT_OK;
  }
  const entry = Object.hasOwn(commands, name) ? commands[name] : undefined;
  if (!entry) {
    io.err(`Unknown command "${name}". Run "skema --help" for the list.`);
    return EXIT_USAGE;
  }
  if (args.includes('--help') || args.includes('-h')) {
    io.out(await commandHelp(entry));
    return EXIT_OK;
  }
  try {
    return await (await entry.load()).run(args, io);
  } catch (e) {
    if (e instanceof CliError) {
      io.err(`skema ${name}: ${e.message}`);
      return e.exitCode;
    }
    // A form needing a plugin that is not registered (checked by name: @skema/core loads lazily).
    if (e instanceof Error && e.name === 'FormPluginError') {
      io.err(`skema ${name}: ${e.message}`);
      return EXIT_PROBLEMS;
    }
    throw e;
  }
}
