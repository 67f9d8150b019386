import { execFileSync, spawnSync } from 'node:child_process';

/** The Debian tools (qpdf, poppler-utils) the archival checks run; `.ci/run` installs them. */
export const TOOLS = ['qpdf', 'pdfinfo', 'pdffonts', 'pdftotext'] as const;

/**
 * The tools missing on this machine. Under CI a missing tool fails the run (the checks must never
 * pass by being skipped there); locally the suite is skipped with a message saying what to install.
 */
export function missingTools(): string[] {
  const missing = TOOLS.filter((t) => spawnSync('sh', ['-c', `command -v ${t}`]).status !== 0);
  if (missing.length > 0) {
    const message = `PDF checks need ${missing.join(', ')} (apt-get install qpdf poppler-utils)`;
    if (process.env.CI) throw new Error(`${message}, and CI is set`);
    console.warn(`Skipping the PDF/A marker checks: ${message}.`);
  }
  return missing;
}

export function run(tool: string, args: string[]): string {
  return execFileSync(tool, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
}

/** `qpdf --check` output; qpdf exits non-zero on errors (2) and warnings (3), which throws here. */
export function qpdfCheck(file: string): string {
  return run('qpdf', ['--check', file]);
}

/** The rows of `pdffonts`: name and whether the font is embedded. */
export function fonts(file: string): Array<{ name: string; embedded: boolean }> {
  const lines = run('pdffonts', [file])
    .split('\n')
    .slice(2)
    .filter((l) => l.trim() !== '');
  return lines.map((line) => {
    // Columns: name type encoding emb sub uni object ID (the type may hold spaces: "CID TrueType").
    const cols = line.trim().split(/\s+/);
    const emb = cols[cols.length - 5];
    return { name: cols[0] ?? '', embedded: emb === 'yes' };
  });
}

export function info(file: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const line of run('pdfinfo', ['-enc', 'UTF-8', file]).split('\n')) {
    const m = /^([^:]+):\s*(.*)$/.exec(line);
    if (m) out[m[1] as string] = m[2] as string;
  }
  return out;
}

export const xmp = (file: string): string => run('pdfinfo', ['-meta', file]);
export const text = (file: string): string => run('pdftotext', ['-layout', '-enc', 'UTF-8', file, '-']);
