// Rendering bench (issue #6): in Chromium, mount time of the whole rådgivningslog and the median
// per-keystroke latency in one of its text fields, SkemaForm beside plain JSON Forms + vanilla
// renderers on the same schema and data, in the same run. Targets: render ≤ 1.0×, keystroke < 16 ms.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '../..');
const MOUNTS = 15;
const WARMUP = 3;
const KEYS = 60;

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};
const json = (path: string) => JSON.parse(readFileSync(resolve(root, path), 'utf8'));

function loadForm() {
  const dir = 'schemas/raadgivningslog/1.0.0';
  const examples = readdirSync(resolve(root, dir, 'examples/valid')).sort();
  // The fullest example: a log late in the course renders every table with rows.
  const data = examples
    .map((f) => json(`${dir}/examples/valid/${f}`).data)
    .sort((a, b) => JSON.stringify(b).length - JSON.stringify(a).length)[0];
  const form = {
    manifest: json(`${dir}/form.json`),
    schema: json(`${dir}/schema.json`),
    uischema: json(`${dir}/uischema.json`),
    i18n: { da: json(`${dir}/i18n/da.json`), en: json(`${dir}/i18n/en.json`) },
    hash: 'bench-raadgivningslog',
  };
  return { form, data };
}

async function bundle(): Promise<string> {
  const result = await build({
    entryPoints: [resolve(here, 'render-page.tsx')],
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    minify: true,
    jsx: 'automatic',
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'error',
  });
  return result.outputFiles[0]!.text;
}

export interface RenderBenchResult {
  mountMs: { skema: number; plain: number; ratio: number };
  keystrokeMs: { skema: number; plain: number; ratio: number; browserFloor: number };
  /** SkemaForm's deferred whole-form update after a keystroke (on pause or blur), beside plain's keystroke. */
  commitMs: { skema: number; plain: number; ratio: number };
  controls: { skema: number; plain: number };
}

export default async function renderBench(): Promise<RenderBenchResult> {
  const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!existsSync(executablePath))
    throw new Error(`Chromium not found at ${executablePath} (apt-get install chromium, or set CHROMIUM_PATH)`);
  const [code, bench] = await Promise.all([bundle(), Promise.resolve(loadForm())]);
  const browser = await chromium.launch({
    executablePath,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.setContent('<!doctype html><html lang="da"><body><div id="root"></div></body></html>');
    await page.evaluate((b) => ((window as unknown as { BENCH: unknown }).BENCH = b), bench);
    await page.addScriptTag({ content: code });
    type Api = {
      mount(v: string): Promise<number>;
      type(v: string, n: number): Promise<number[]>;
      commit(n: number): Promise<number[]>;
      count(): number;
    };
    const mount = (v: string) =>
      page.evaluate((variant) => (window as unknown as { bench: Api }).bench.mount(variant), v);
    const mounts: Record<string, number[]> = { skema: [], plain: [] };
    const controls: Record<string, number> = {};
    // Alternate the two so machine noise falls on both alike; the first rounds warm up (and compile).
    for (let i = 0; i < WARMUP + MOUNTS; i++) {
      for (const v of i % 2 ? ['plain', 'skema'] : ['skema', 'plain']) {
        const ms = await mount(v);
        if (i >= WARMUP) mounts[v]!.push(ms);
        controls[v] = await page.evaluate(() => (window as unknown as { bench: Api }).bench.count());
      }
    }
    const keys: Record<string, number[]> = {};
    for (const v of ['skema', 'plain']) {
      await mount(v);
      await page.waitForTimeout(300);
      keys[v] = await page.evaluate(
        ([variant, n]) => (window as unknown as { bench: Api }).bench.type(variant, n as number),
        [v, KEYS] as const,
      );
      if (v === 'skema') {
        keys.floor = await page.evaluate(
          ([n]) => (window as unknown as { bench: Api }).bench.type('floor', n as number),
          [KEYS] as const,
        );
        keys.commit = await page.evaluate(([n]) => (window as unknown as { bench: Api }).bench.commit(n as number), [
          KEYS,
        ] as const);
      }
    }
    const result: RenderBenchResult = {
      mountMs: {
        skema: median(mounts.skema!),
        plain: median(mounts.plain!),
        ratio: median(mounts.skema!) / median(mounts.plain!),
      },
      keystrokeMs: {
        skema: median(keys.skema!),
        plain: median(keys.plain!),
        ratio: median(keys.skema!) / median(keys.plain!),
        browserFloor: median(keys.floor!),
      },
      commitMs: {
        skema: median(keys.commit!),
        plain: median(keys.plain!),
        ratio: median(keys.commit!) / median(keys.plain!),
      },
      controls: { skema: controls.skema!, plain: controls.plain! },
    };
    const f = (n: number) => n.toFixed(1).padStart(7);
    console.log(`rådgivningslog in Chromium (${MOUNTS} mounts, ${KEYS} keystrokes; medians)`);
    console.log(`                         SkemaForm   plain JSON Forms   ratio   target`);
    console.log(
      `mount → rendered (ms)     ${f(result.mountMs.skema)}   ${f(result.mountMs.plain)}          ${result.mountMs.ratio.toFixed(2)}×   ≤ 1.00×`,
    );
    console.log(
      `keystroke latency (ms)    ${f(result.keystrokeMs.skema)}   ${f(result.keystrokeMs.plain)}          ${result.keystrokeMs.ratio.toFixed(2)}×   < 16 ms (${result.keystrokeMs.skema < 16 ? 'met' : 'missed'})`,
    );
    console.log(
      `  (a native input on the same page, no React: ${result.keystrokeMs.browserFloor.toFixed(1)} ms — the browser's own share on this machine)`,
    );
    console.log(
      `form update after typing  ${f(result.commitMs.skema)}   ${f(result.commitMs.plain)}          ${result.commitMs.ratio.toFixed(2)}×   (SkemaForm's deferred update on pause/blur vs plain's per-keystroke update)`,
    );
    console.log(
      `inputs rendered           ${String(result.controls.skema).padStart(7)}   ${String(result.controls.plain).padStart(7)}`,
    );
    return result;
  } finally {
    await browser.close();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await renderBench();
