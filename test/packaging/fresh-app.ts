import { spawn } from 'node:child_process';
import { cpSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const template = fileURLToPath(new URL('template', import.meta.url));

export interface CommandResult {
  code: number | null;
  output: string;
  ms: number;
}

/** Runs a command, collecting stdout and stderr together (never throws: the caller judges the result). */
export function command(
  cmd: string,
  args: string[],
  cwd: string,
  env: NodeJS.ProcessEnv = process.env,
): Promise<CommandResult> {
  const started = Date.now();
  return new Promise((done) => {
    const child = spawn(cmd, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (b: Buffer) => (output += b.toString()));
    child.stderr.on('data', (b: Buffer) => (output += b.toString()));
    child.on('error', (e) => done({ code: -1, output: `${output}${e.message}`, ms: Date.now() - started }));
    child.on('close', (code) => done({ code, output, ms: Date.now() - started }));
  });
}

/** A fresh app from the template in `dir`: no workspace, no lock file, nothing of the repository's node_modules above it. */
export function createApp(dir: string): void {
  cpSync(template, dir, { recursive: true });
}

/**
 * Installs the tarballs with the given React major, as a portal developer would. The npm cache is
 * shared with every other install (`--prefer-offline`): only what is not cached yet is downloaded.
 */
export function installApp(dir: string, tarballs: string[], react: '18' | '19'): Promise<CommandResult> {
  const args = [
    'install',
    ...tarballs,
    `react@${react}`,
    `react-dom@${react}`,
    '--prefer-offline',
    '--no-audit',
    '--no-fund',
    '--loglevel=error',
  ];
  // The repository's npm settings (workspaces, scripts policy) are not the portal's: run from the app.
  const env = { ...process.env };
  for (const key of Object.keys(env)) if (key.startsWith('npm_')) delete env[key];
  return command('npm', args, dir, env);
}

/**
 * Bundles the app with esbuild (the repository's copy; resolution starts at the app's own
 * `src/`, so only the app's node_modules are seen) into `dist/` beside a copy of `index.html`.
 */
export async function buildApp(dir: string): Promise<void> {
  await build({
    absWorkingDir: dir,
    entryPoints: ['src/main.tsx'],
    outfile: 'dist/main.js',
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    jsx: 'automatic',
    minify: true,
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'silent',
  });
  cpSync(resolve(dir, 'index.html'), resolve(dir, 'dist/index.html'));
}

/** Every installed copy of a package below the app's node_modules (nested copies included). */
export function installedCopies(
  lockFile: string,
  name: string,
): Array<{ path: string; version: string; resolved?: string }> {
  const lock = JSON.parse(readFileSync(lockFile, 'utf8')) as {
    packages: Record<string, { version: string; resolved?: string }>;
  };
  return Object.entries(lock.packages)
    .filter(([path]) => path === `node_modules/${name}` || path.endsWith(`/node_modules/${name}`))
    .map(([path, p]) => ({ path, version: p.version, ...(p.resolved ? { resolved: p.resolved } : {}) }));
}
