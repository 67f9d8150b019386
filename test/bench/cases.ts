// Cases benchmark (issue #16): validating a form in a case of 50 submissions against the same
// validation without a case (bar ≤ 2×), prefill (bar < 5 ms), and attachment upload throughput
// against a bare fs write of the same bytes with fsync (bar ≥ 0.5×).
import { randomBytes } from 'node:crypto';
import { mkdtemp, open, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { applyPrefill, createCaseContext, type CaseDocument, type FormVersion } from '@skema/core';
import { createStandardEngine, loadStandardRegistry } from '@skema/forms';
import { createFileBlobStore } from '@skema/store-lowdb';
import { measure } from './engine.js';

const CASE_SIZE = 50;
const UPLOAD_BYTES = 25 * 1024 * 1024;
const UPLOAD_RUNS = 5;

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;

/** A case of 50 submissions of the VISO chain, from the forms' own valid examples. */
function caseDocuments(forms: FormVersion[]): CaseDocument[] {
  const docs: CaseDocument[] = [];
  for (let i = 0; docs.length < CASE_SIZE; i++) {
    const form = forms[i % forms.length]!;
    const example = form.examples?.valid[i % (form.examples?.valid.length ?? 1)];
    if (!example) continue;
    docs.push({
      id: `s${i}`,
      formId: form.manifest.id,
      version: form.manifest.version,
      status: 'submitted',
      data: example.data,
      updatedAt: new Date(Date.UTC(2026, 0, 1, 0, i)).toISOString(),
    });
  }
  return docs;
}

async function uploadThroughput(): Promise<{ fsMBs: number; blobMBs: number; ratio: number }> {
  const dir = await mkdtemp(path.join(tmpdir(), 'skema-bench-blobs-'));
  const data = Buffer.concat([Buffer.from('%PDF-1.7\n'), randomBytes(UPLOAD_BYTES - 9)]);
  const chunks = async function* (): AsyncGenerator<Uint8Array> {
    // 64 kB: the chunk size of an HTTP request body.
    for (let at = 0; at < data.length; at += 65536) yield data.subarray(at, at + 65536);
  };
  const store = createFileBlobStore(dir);
  const fsTimes: number[] = [];
  const blobTimes: number[] = [];
  try {
    for (let run = 0; run < UPLOAD_RUNS; run++) {
      let t0 = process.hrtime.bigint();
      const file = await open(path.join(dir, `bare-${run}.bin`), 'wx');
      for await (const chunk of chunks()) await file.write(chunk);
      await file.sync();
      await file.close();
      fsTimes.push(Number(process.hrtime.bigint() - t0) / 1e9);
      t0 = process.hrtime.bigint();
      await store.putBlob(
        {
          id: `b${run}`,
          tenantId: 'bench',
          owner: { kind: 'case', id: 'c' },
          fileName: 'x.pdf',
          createdAt: new Date().toISOString(),
          createdBy: 'bench',
        },
        chunks(),
        { maxBytes: UPLOAD_BYTES },
        { head: async () => 'application/pdf' },
      );
      blobTimes.push(Number(process.hrtime.bigint() - t0) / 1e9);
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
  const fsMBs = UPLOAD_BYTES / 1024 / 1024 / median(fsTimes);
  const blobMBs = UPLOAD_BYTES / 1024 / 1024 / median(blobTimes);
  return { fsMBs, blobMBs, ratio: blobMBs / fsMBs };
}

export default async function benchCases(): Promise<Record<string, boolean>> {
  const registry = loadStandardRegistry();
  const engine = createStandardEngine();
  const chain = [
    'henvendelsesskema',
    'opsamlingsnotat',
    'leveranceaftale',
    'raadgivningslog',
    'evalueringsskema',
    'raadgivningsrapport',
    'forankringsplan',
  ].map((id) => registry.resolve(id, 'latest'));
  const docs = caseDocuments(chain);
  const leverance = registry.resolve('leveranceaftale', 'latest');
  const data = leverance.examples!.valid[0]!.data;
  const compiled = engine.compile(leverance);
  const options = { today: '2026-06-01' };
  // In a case: the context as the server builds it per validation (grouping 50 documents), then the rules.
  const t = measure({
    alone: () => engine.validate(compiled, data, options),
    inCase: () => engine.validate(compiled, data, { ...options, case: createCaseContext('c', docs) }),
  });
  const prefillTimes: number[] = [];
  const context = createCaseContext('c', docs);
  const caseFields = { title: 'Asta', borger: { name: 'Asta Jensen', cpr: '010110-1234' } };
  for (let i = 0; i < 2000; i++) {
    const t0 = process.hrtime.bigint();
    applyPrefill(leverance.prefill!, {
      caseFields,
      latest: (f) => createCaseContext('c', docs).latest(f) ?? context.latest(f),
    });
    prefillTimes.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  const prefillMs = median(prefillTimes.slice(200));
  const upload = await uploadThroughput();

  const ratio = t.inCase / t.alone;
  console.log(`validate leveranceaftale alone:            ${(t.alone / 1000).toFixed(1)} µs`);
  console.log(
    `validate in a case of ${CASE_SIZE} submissions:   ${(t.inCase / 1000).toFixed(1)} µs  (${ratio.toFixed(2)}×, bar ≤ 2×)`,
  );
  console.log(
    `prefill leveranceaftale from the case:     ${prefillMs.toFixed(3)} ms (bar < 5 ms; context built per call)`,
  );
  console.log(
    `upload 25 MB: bare fs write+fsync ${upload.fsMBs.toFixed(0)} MB/s, blob store ${upload.blobMBs.toFixed(0)} MB/s (${upload.ratio.toFixed(2)}×, bar ≥ 0.5×)`,
  );
  const targets = {
    caseValidationWithin2x: ratio <= 2,
    prefillUnder5ms: prefillMs < 5,
    uploadAtLeastHalfFs: upload.ratio >= 0.5,
  };
  for (const [name, ok] of Object.entries(targets)) console.log(`${ok ? '✓' : '✗'} ${name}`);
  if (Object.values(targets).includes(false)) throw new Error('a cases benchmark bar was missed');
  return targets;
}
