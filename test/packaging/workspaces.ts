import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { repoRoot } from '../browser/harness.js';

export interface Manifest {
  name: string;
  version: string;
  private?: boolean;
  main?: string;
  types?: string;
  bin?: Record<string, string>;
  files?: string[];
  exports?: Record<string, { types?: string; default?: string }>;
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
  publishConfig?: { access?: string };
  license?: string;
  repository?: { url?: string; directory?: string };
}

export interface Workspace {
  /** Folder relative to the repository, e.g. `packages/react`. */
  dir: string;
  manifest: Manifest;
}

/** Every workspace of the root package.json (`packages/*`, …), read from disk. */
export function workspaces(): Workspace[] {
  const root = JSON.parse(readFileSync(resolve(repoRoot, 'package.json'), 'utf8')) as { workspaces: string[] };
  const dirs = root.workspaces.flatMap((pattern) =>
    pattern.endsWith('/*')
      ? readdirSync(resolve(repoRoot, pattern.slice(0, -2)), { withFileTypes: true })
          .filter((e) => e.isDirectory())
          .map((e) => `${pattern.slice(0, -2)}/${e.name}`)
      : [pattern],
  );
  return dirs
    .filter((dir) => existsSync(resolve(repoRoot, dir, 'package.json')))
    .map((dir) => ({
      dir,
      manifest: JSON.parse(readFileSync(resolve(repoRoot, dir, 'package.json'), 'utf8')) as Manifest,
    }));
}

/** The workspaces meant for the registry: everything but the apps and the test suites. */
export function publicWorkspaces(): Workspace[] {
  return workspaces().filter((w) => !w.manifest.private);
}

/** What a portal's React app installs (the CLI too, to run `npx skema` there). */
export const APP_PACKAGES = [
  '@skema/core',
  '@skema/client',
  '@skema/react',
  '@skema/plugin-dk',
  '@skema/plugin-viso',
  '@skema/plugin-trivsel',
  '@skema/plugin-ringsted',
  '@skema/plugin-familieraadslagning',
  '@skema/renderer-approvals',
  '@skema/renderer-cpr',
  '@skema/renderer-date',
  '@skema/renderer-dkk',
  '@skema/renderer-raadgivningslog',
  '@skema/renderer-trivsel',
  '@skema/documents',
  '@skema/cli',
  '@skema/forms',
  '@skema/types',
];
