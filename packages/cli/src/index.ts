export { runCli, commands, helpText, type CommandEntry } from './cli.js';
export { CliError, EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE, type Command, type Io } from './io.js';
export { ruleCatalogue, type CatalogueEntry } from './commands/rules.js';
export { testedRuleIds } from './rule-tests.js';
