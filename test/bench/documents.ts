// Document benchmark: rendering the archival PDF of each form's largest example, in ms per page,
// beside bare pdfkit writing the same text (same font, no structure, no PDF/A) into a PDF.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import PDFDocument from 'pdfkit';
import { buildDocumentModel, renderSubmissionPdf, type Block, type RenderSubmissionInput } from '@skema/documents';
import { createStandardEngine, loadFormVersion, schemasDir } from '@skema/forms';

const RUNS = 9;
const TARGET_MS_PER_PAGE = 15;
const TARGET_RATIO = 2;

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
};

const byVersion = (a: string, b: string): number => {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < 3; i++) if (pa[i] !== pb[i]) return (pa[i] ?? 0) - (pb[i] ?? 0);
  return 0;
};

function inputs(): RenderSubmissionInput[] {
  const root = schemasDir();
  const engine = createStandardEngine();
  return readdirSync(root)
    .filter((f) => f !== 'tenants' && statSync(join(root, f)).isDirectory())
    .sort()
    .map((formId) => {
      const version = readdirSync(join(root, formId))
        .filter((v) => /^\d+\.\d+\.\d+$/.test(v))
        .sort(byVersion)
        .pop() as string;
      const valid = join(root, formId, version, 'examples', 'valid');
      const file = readdirSync(valid)
        .map((f) => join(valid, f))
        .sort((a, b) => statSync(b).size - statSync(a).size)[0] as string;
      const example = JSON.parse(readFileSync(file, 'utf8')) as { data: unknown; today?: string };
      const form = loadFormVersion(join(root, formId, version));
      const validation = engine.validate(form, example.data, { locale: 'da', today: example.today ?? '2026-06-01' });
      return {
        form,
        submission: { id: `K-${formId}`, data: example.data, status: 'submitted', createdAt: '2026-06-01T10:15:00Z' },
        validation,
        locale: 'da',
      };
    });
}

function lines(blocks: Block[], out: string[]): string[] {
  for (const b of blocks) {
    if (b.kind === 'fields') for (const r of b.rows) out.push(`${r.label}: ${r.value}`);
    else if (b.kind === 'text') out.push(b.label, b.text);
    else if (b.kind === 'list') out.push(b.label, ...b.items.map((i) => `• ${i}`));
    else if (b.kind === 'table')
      out.push(b.label, b.columns.map((c) => c.label).join(' | '), ...b.rows.map((r) => r.join(' | ')));
    else out.push(b.label, ...lines(b.blocks, []));
  }
  return out;
}

const fontDir = join(dirname(createRequire(import.meta.url).resolve('dejavu-fonts-ttf/package.json')), 'ttf');
const fonts = {
  regular: readFileSync(join(fontDir, 'DejaVuSans.ttf')),
  bold: readFileSync(join(fontDir, 'DejaVuSans-Bold.ttf')),
};

/** The same words through bare pdfkit: one text flow, the same embedded font, nothing else. */
function bare(text: string[]): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margin: 56,
    font: join(fontDir, 'DejaVuSans.ttf'),
    info: { CreationDate: new Date(0) },
  });
  doc.registerFont('b', fonts.bold);
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve) => {
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
  });
  doc.fontSize(9.5);
  for (const line of text) doc.text(line);
  doc.end();
  return done;
}

const pages = (pdf: Buffer): number => (pdf.toString('latin1').match(/\/Type \/Page\b/g) ?? []).length;

export default async function documentsBench(): Promise<void> {
  const all = inputs();
  console.log(`Archival PDF of each form's largest valid example, median of ${RUNS} renders after a warm-up (ms).`);
  console.log(
    `${'form'.padEnd(32)} ${'pages'.padStart(5)} ${'document'.padStart(9)} ${'ms/page'.padStart(8)} ${'bare'.padStart(7)} ${'ratio'.padStart(6)}`,
  );
  const perPage: number[] = [];
  const ratios: number[] = [];
  for (const input of all) {
    const model = buildDocumentModel(input);
    const text = [
      model.title,
      ...model.meta.map((m) => `${m.label}: ${m.value}`),
      ...model.sections.flatMap((s) => [s.label, ...lines(s.blocks, [])]),
    ];
    for (let i = 0; i < 3; i++) {
      await renderSubmissionPdf(input);
      await bare(text);
    }
    const doc: number[] = [];
    const plain: number[] = [];
    let n = 0;
    for (let i = 0; i < RUNS; i++) {
      let t0 = performance.now();
      const pdf = await renderSubmissionPdf(input);
      doc.push(performance.now() - t0);
      n = pages(pdf);
      t0 = performance.now();
      await bare(text);
      plain.push(performance.now() - t0);
    }
    const d = median(doc);
    const b = median(plain);
    perPage.push(d / n);
    ratios.push(d / b);
    console.log(
      `${`${input.form.manifest.id} ${input.form.manifest.version}`.padEnd(32)} ${String(n).padStart(5)} ${d.toFixed(1).padStart(9)} ${(d / n).toFixed(1).padStart(8)} ${b.toFixed(1).padStart(7)} ${(d / b).toFixed(2).padStart(6)}`,
    );
  }
  const worstPage = Math.max(...perPage);
  const worstRatio = Math.max(...ratios);
  console.log(
    `worst ms per page ${worstPage.toFixed(1)} (target ≤ ${TARGET_MS_PER_PAGE}): ${worstPage <= TARGET_MS_PER_PAGE ? 'OK' : 'MISSED'}`,
  );
  console.log(
    `worst ratio to bare pdfkit ${worstRatio.toFixed(2)} (target ≤ ${TARGET_RATIO}×): ${worstRatio <= TARGET_RATIO ? 'OK' : 'MISSED'}`,
  );
}
