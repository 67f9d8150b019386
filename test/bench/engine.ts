// Engine benchmark: compile time per form, and the cost of validating one realistic submission
// through the whole engine compared with bare Ajv running the very same compiled function.
import type { CompiledForm, FormVersion, SkemaEngine, ValidateOptions } from '@skema/core';
import { createStandardEngine, loadStandardRegistry } from '@skema/forms';

const COMPILE_RUNS = 15;
const BATCHES = 41;
const MIN_BATCH_NS = 5_000_000n;
// Warm-up until the JIT has settled: at least 0.5 s, and up to 5,000 calls of each function or 3 s.
const WARMUP_MIN_NS = 500_000_000n;
const WARMUP_MAX_NS = 3_000_000_000n;
const WARMUP_CALLS = 5_000;

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
};

function batchSize(fn: () => unknown): number {
  let batch = 1;
  for (;;) {
    const t0 = process.hrtime.bigint();
    for (let i = 0; i < batch; i++) fn();
    if (process.hrtime.bigint() - t0 >= MIN_BATCH_NS) return batch;
    batch *= 2;
  }
}

/**
 * Median time per call (ns) of each function: warm-up, a batch size per function that takes
 * ≥ 5 ms, then many rounds in which every function runs one batch. Interleaving the batches
 * exposes all functions to the same machine load, so their ratios stay fair.
 */
export function measure<K extends string>(fns: Record<K, () => unknown>): Record<K, number> {
  const entries = Object.entries(fns) as Array<[K, () => unknown]>;
  const start = process.hrtime.bigint();
  for (let calls = 0; ; calls++) {
    const elapsed = process.hrtime.bigint() - start;
    if (elapsed >= WARMUP_MIN_NS && (calls >= WARMUP_CALLS || elapsed >= WARMUP_MAX_NS)) break;
    for (const [, fn] of entries) fn();
  }
  const batches = entries.map(([, fn]) => batchSize(fn));
  const perCall = entries.map((): number[] => []);
  for (let round = 0; round < BATCHES; round++) {
    entries.forEach(([, fn], k) => {
      const n = batches[k]!;
      const t0 = process.hrtime.bigint();
      for (let i = 0; i < n; i++) fn();
      perCall[k]!.push(Number(process.hrtime.bigint() - t0) / n);
    });
  }
  return Object.fromEntries(entries.map(([name], k) => [name, median(perCall[k]!)])) as Record<K, number>;
}

function compileMs(form: FormVersion): number {
  const times: number[] = [];
  for (let i = 0; i < COMPILE_RUNS; i++) {
    // A fresh engine each time: the cache would otherwise return the first compilation.
    const engine = createStandardEngine();
    const t0 = process.hrtime.bigint();
    engine.compile(form);
    times.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  return median(times);
}

export interface EngineRow {
  form: string;
  compileMs: number;
  bytes: number;
  bareAjvUs: number;
  schemaOnlyUs: number;
  draftUs: number;
  fullUs: number;
  schemaOnlyOverAjv: number;
  fullUsPerKb: number;
}

function validationRow(engine: SkemaEngine, form: FormVersion): Omit<EngineRow, 'form' | 'compileMs'> | undefined {
  const example = form.examples?.valid[0];
  if (!example) return undefined;
  const data = example.data;
  const compiled = engine.compile(form);
  // The engine's schema part: the same pipeline with no rules and no deadlines to run.
  const schemaOnly: CompiledForm = { ...compiled, rules: [], deadlines: [] };
  const options: ValidateOptions = { today: example.today ?? '2026-06-01', now: new Date('2026-06-01T10:00:00Z') };
  const bytes = Buffer.byteLength(JSON.stringify(data));
  if (!compiled.validateSchema(data))
    throw new Error(`${form.manifest.id}: the first valid example does not pass the schema`);

  const draftOptions: ValidateOptions = { ...options, mode: 'draft' };
  const { bare, schema, draft, full } = measure({
    bare: () => compiled.validateSchema(data),
    schema: () => engine.validate(schemaOnly, data, options),
    draft: () => engine.validate(compiled, data, draftOptions),
    full: () => engine.validate(compiled, data, options),
  });
  return {
    bytes,
    bareAjvUs: bare / 1e3,
    schemaOnlyUs: schema / 1e3,
    draftUs: draft / 1e3,
    fullUs: full / 1e3,
    schemaOnlyOverAjv: schema / bare,
    fullUsPerKb: full / 1e3 / (bytes / 1024),
  };
}

const fmt = (n: number, digits = 2) => n.toFixed(digits);

export default async function benchEngine(): Promise<{ rows: EngineRow[]; targets: Record<string, boolean> }> {
  const registry = loadStandardRegistry();
  const forms = registry.ids().map((id) => registry.versions(id).at(-1)!);
  const engine = createStandardEngine();
  const rows: EngineRow[] = [];
  for (const form of forms) {
    const name = `${form.manifest.id}@${form.manifest.version}`;
    const compile = compileMs(form);
    const row = validationRow(engine, form);
    if (!row) {
      console.log(`${name}: no valid example; compile ${fmt(compile)} ms`);
      continue;
    }
    rows.push({ form: name, compileMs: compile, ...row });
  }
  if (rows.length === 0) {
    console.log('No forms with a valid example under schemas/.');
    return { rows, targets: {} };
  }

  console.log(
    'Median per call; "schema only" = engine.validate with rules and deadlines removed; "draft" = mode draft.',
  );
  const header = [
    'form',
    'compile ms',
    'bytes',
    'bare Ajv µs',
    'schema only µs',
    'draft µs',
    'full µs',
    'schema/Ajv',
    'full µs/KB',
  ];
  const table = rows.map((r) => [
    r.form,
    fmt(r.compileMs, 1),
    String(r.bytes),
    fmt(r.bareAjvUs),
    fmt(r.schemaOnlyUs),
    fmt(r.draftUs),
    fmt(r.fullUs),
    `${fmt(r.schemaOnlyOverAjv)}×`,
    fmt(r.fullUsPerKb),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...table.map((row) => row[i]!.length)));
  const line = (cells: string[]) =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  console.log(line(header));
  for (const row of table) console.log(line(row));

  const worstRatio = Math.max(...rows.map((r) => r.schemaOnlyOverAjv));
  const worstPerKb = Math.max(...rows.map((r) => r.fullUsPerKb));
  const targets = { schemaOnlyWithin1_3xOfAjv: worstRatio <= 1.3, fullUnder50UsPerKb: worstPerKb < 50 };
  console.log(
    `\nEngine schema part vs bare Ajv: worst ${fmt(worstRatio)}× (target ≤ 1.3×) ${targets.schemaOnlyWithin1_3xOfAjv ? 'OK' : 'MISSED'}`,
  );
  console.log(
    `Full pipeline with rules: worst ${fmt(worstPerKb)} µs per KB (target < 50) ${targets.fullUnder50UsPerKb ? 'OK' : 'MISSED'}`,
  );
  return { rows, targets };
}
