#!/usr/bin/env node
// Writes src/version.ts of the package in the current directory from its package.json, so the
// plugin's version (named in every receipt) is the published package's, in Node and in browser
// bundles alike, without importing package.json from outside src. Run by each rule plugin's
// `prebuild`; the file is committed so tests and type checks work before a build.
import { readFileSync, writeFileSync } from 'node:fs';

const { name, version } = JSON.parse(readFileSync('package.json', 'utf8'));
const text = `// Generated from package.json by scripts/write-version.mjs (prebuild). Do not edit.\n/** The version of ${name}. */\nexport const PACKAGE_VERSION = '${version}';\n`;
let current = '';
try {
  current = readFileSync('src/version.ts', 'utf8');
} catch {
  // First run: no file yet.
}
if (current !== text) writeFileSync('src/version.ts', text);
