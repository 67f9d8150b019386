#!/usr/bin/env node
import { runCli } from './cli.js';
import { processIo } from './io.js';

// `skema rules | head` closes the pipe early; that is not an error.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw e;
});

try {
  process.exitCode = await runCli(process.argv.slice(2), processIo);
} catch (e) {
  // An unexpected failure is a bug: show it, with its stack, and fail.
  console.error(e);
  process.exitCode = 70;
}
