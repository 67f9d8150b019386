import { execFile } from 'node:child_process';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import { repoRoot } from '../browser/harness.js';
import type { Workspace } from './workspaces.js';

const run = promisify(execFile);

export interface Tarball {
  name: string;
  version: string;
  /** Absolute path of the `.tgz`. */
  file: string;
  /** Paths inside the package, e.g. `dist/index.js`. */
  files: string[];
}

interface PackJson {
  name: string;
  version: string;
  filename: string;
  files: Array<{ path: string }>;
}

/** `npm pack` of the given workspaces into `dest`, in one npm call (as `npm publish` would pack them). */
export async function packWorkspaces(list: Workspace[], dest: string): Promise<Tarball[]> {
  const args = ['pack', '--json', '--pack-destination', dest, ...list.flatMap((w) => ['-w', w.manifest.name])];
  const { stdout } = await run('npm', args, { cwd: repoRoot, maxBuffer: 64 * 1024 * 1024 });
  return (JSON.parse(stdout) as PackJson[]).map((p) => ({
    name: p.name,
    version: p.version,
    file: resolve(dest, p.filename),
    files: p.files.map((f) => f.path),
  }));
}
