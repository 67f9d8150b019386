// The archival document of the largest valid example of every form's newest version, checked with
// Debian's PDF tools for the PDF/A markers they can see. These are markers, not a PDF/A validation:
// no full validator (veraPDF) is available here.
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildDocumentModel, renderSubmissionPdf, type RenderSubmissionInput } from '@skema/documents';
import { createStandardEngine, loadFormVersion, schemasDir } from '@skema/forms';
import { fonts, info, missingTools, qpdfCheck, run, text, xmp } from './pdf-tools.js';

const skip = missingTools().length > 0;
const dir = mkdtempSync(join(tmpdir(), 'skema-pdf-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const compareVersions = (a: string, b: string): number => {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < 3; i++) if (pa[i] !== pb[i]) return (pa[i] ?? 0) - (pb[i] ?? 0);
  return 0;
};

/** Every form's newest version with its largest valid example. */
function newestForms(): Array<{ formId: string; version: string; example: string }> {
  const root = schemasDir();
  return readdirSync(root)
    .filter((f) => f !== 'tenants' && statSync(join(root, f)).isDirectory())
    .sort()
    .map((formId) => {
      const version = readdirSync(join(root, formId))
        .filter((v) => /^\d+\.\d+\.\d+$/.test(v))
        .sort(compareVersions)
        .pop() as string;
      const valid = join(root, formId, version, 'examples', 'valid');
      const example = readdirSync(valid)
        .map((f) => join(valid, f))
        .sort((a, b) => statSync(b).size - statSync(a).size)[0] as string;
      return { formId, version, example };
    });
}

const engine = createStandardEngine();
const forms = newestForms();

function inputFor(formId: string, version: string, example: string): RenderSubmissionInput {
  const form = loadFormVersion(join(schemasDir(), formId, version));
  const ex = JSON.parse(readFileSync(example, 'utf8')) as { data: unknown; today?: string };
  const validation = engine.validate(form, ex.data, { locale: 'da', today: ex.today ?? '2026-06-01' });
  validation.receipt.validatedAt = '2026-06-01T10:00:00.000Z';
  return {
    form,
    submission: {
      id: `K-${formId}`,
      data: ex.data,
      status: 'submitted',
      createdAt: '2026-06-01T10:15:00Z',
      submittedAt: '2026-06-01T10:20:00Z',
    },
    validation,
    locale: 'da',
    options: { submittedBy: { name: 'Anne Specialistsen', role: 'psykolog' } },
  };
}

describe.skipIf(skip)('archival PDF of every form (PDF/A markers)', () => {
  it('covers all 12 forms', () => {
    expect(forms).toHaveLength(12);
  });

  it.each(forms)('$formId $version', async ({ formId, version, example }) => {
    const input = inputFor(formId, version, example);
    const file = join(dir, `${formId}.pdf`);
    writeFileSync(file, await renderSubmissionPdf(input));

    expect(qpdfCheck(file)).toContain('No syntax or stream encoding errors');
    const used = fonts(file);
    expect(used.length).toBeGreaterThan(0);
    expect(used.filter((f) => !f.embedded)).toEqual([]);
    const meta = xmp(file);
    expect(meta).toMatch(/<pdfaid:part>3<\/pdfaid:part>/);
    expect(meta).toMatch(/<pdfaid:conformance>A<\/pdfaid:conformance>/);
    expect(meta).toContain(`<skema:formVersion>${version}</skema:formVersion>`);
    const facts = info(file);
    expect(facts.Tagged).toBe('yes');
    expect(facts['PDF version']).toBe('1.7');
    // The structure tree is there, with the document's headings and tables.
    const qdf = run('qpdf', ['--qdf', '--object-streams=disable', file, '-']);
    expect(qdf).toContain('/StructTreeRoot');
    expect(qdf).toMatch(/\/S \/H1/);
    expect(qdf).toMatch(/\/Lang \(da\)/);

    // Reading order: the title, then every section in the UI schema's order, with the Danish letters intact.
    const model = buildDocumentModel(input);
    const body = text(file).replace(/\s+/g, ' ');
    let at = body.indexOf(model.title);
    expect(at).toBeGreaterThanOrEqual(0);
    for (const section of model.sections) {
      const next = body.indexOf(section.label.replace(/\s+/g, ' '), at);
      expect(next, `section «${section.label}» after position ${at}`).toBeGreaterThan(at);
      at = next;
    }
    expect(body).toMatch(/[æøå]/);
    expect(body).toMatch(/Side 1 af \d+/);
  });

  it('keeps the title readable in both the Info dictionary and the XMP when it holds & < ( ) and æøå', async () => {
    const input = inputFor(
      'underretning',
      forms.find((f) => f.formId === 'underretning')?.version ?? '1.0.2',
      forms.find((f) => f.formId === 'underretning')?.example as string,
    );
    input.form = {
      ...input.form,
      manifest: { ...input.form.manifest, title: { da: 'Børn & unge <under (18)>', en: 'x' } },
    };
    const file = join(dir, 'title.pdf');
    writeFileSync(file, await renderSubmissionPdf(input));
    expect(qpdfCheck(file)).toContain('No syntax or stream encoding errors');
    expect(info(file).Title).toBe('Børn & unge <under (18)> – K-underretning');
    expect(xmp(file)).toContain('Børn &amp; unge &lt;under (18)&gt; – K-underretning');
  });

  it('embeds the submission JSON with its form version, CPR numbers masked unless shown', async () => {
    const und = forms.find((f) => f.formId === 'underretning');
    if (!und) throw new Error('underretning missing');
    // The largest example may be a child without a CPR number («Intet CPR-nummer»): take the largest with one.
    const valid = dirname(und.example);
    const withCpr = readdirSync(valid)
      .map((f) => join(valid, f))
      .filter(
        (f) =>
          (JSON.parse(readFileSync(f, 'utf8')) as { data: { barn?: { cpr?: string } } }).data.barn?.cpr ===
          '010118-9901',
      )
      .sort((a, b) => statSync(b).size - statSync(a).size)[0];
    if (!withCpr) throw new Error('no underretning example with the child’s CPR number');
    const input = inputFor(und.formId, und.version, withCpr);
    const file = join(dir, 'attached.pdf');
    writeFileSync(file, await renderSubmissionPdf(input));
    expect(run('qpdf', ['--list-attachments', file])).toContain('K-underretning.json');
    const attached = JSON.parse(run('qpdf', ['--show-attachment=K-underretning.json', file])) as {
      formId: string;
      formVersion: string;
      submission: { data: { barn: { cpr: string } } };
    };
    expect(attached).toMatchObject({ formId: 'underretning', formVersion: und.version });
    expect(attached.submission.data.barn.cpr).toBe('010118-XXXX');
    expect(text(file)).not.toContain('010118-9901');

    writeFileSync(file, await renderSubmissionPdf({ ...input, options: { showCpr: true } }));
    const shown = JSON.parse(run('qpdf', ['--show-attachment=K-underretning.json', file])) as typeof attached;
    expect(shown.submission.data.barn.cpr).toBe('010118-9901');
    expect(text(file)).toContain('010118-9901');
  });
});
