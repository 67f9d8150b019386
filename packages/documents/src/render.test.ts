import { describe, expect, it } from 'vitest';
import { renderSubmissionPdf } from './render.js';
import { fixtureForm, fixtureSubmission, fixtureValidation } from './test-helpers.js';

function xmpPacket(pdf: Buffer): string {
  // pdfkit writes the XMP stream uncompressed, as PDF/A asks.
  const text = pdf.toString('utf8');
  const start = text.indexOf('<?xpacket begin');
  const end = text.indexOf('<?xpacket end="w"?>');
  expect(start).toBeGreaterThan(0);
  return text.slice(start, end);
}

describe('renderSubmissionPdf', () => {
  it('gives the same bytes for the same input (dates and file ID come from the submission)', async () => {
    const input = {
      form: fixtureForm(),
      submission: fixtureSubmission,
      validation: fixtureValidation(),
      locale: 'da' as const,
    };
    const a = await renderSubmissionPdf(input);
    const b = await renderSubmissionPdf(input);
    expect(a.subarray(0, 8).toString('latin1')).toBe('%PDF-1.7');
    expect(a.equals(b)).toBe(true);
    const other = await renderSubmissionPdf({ ...input, submission: { ...fixtureSubmission, id: 'K-2026-000043' } });
    expect(other.equals(a)).toBe(false);
  });

  it('escapes the title in the XMP metadata (pdfkit pastes it in raw)', async () => {
    const pdf = await renderSubmissionPdf({
      form: fixtureForm('Børn & unge <under (18)> «ÆØÅ»'),
      submission: fixtureSubmission,
      locale: 'da',
    });
    const xmp = xmpPacket(pdf);
    expect(xmp).toContain('Børn &amp; unge &lt;under (18)&gt; «ÆØÅ» – K-2026-000042');
    // Well-formed text content: no bare ampersand and no markup character outside tags.
    expect(xmp).not.toMatch(/&(?!amp;|lt;|gt;|quot;|apos;)/);
    expect(xmp).toContain('<pdfaid:part>3</pdfaid:part>');
    expect(xmp).toContain('<pdfaid:conformance>A</pdfaid:conformance>');
    expect(xmp).toContain('<skema:submissionId>K-2026-000042</skema:submissionId>');
    expect(xmp).toContain('<skema:formVersion>1.2.0</skema:formVersion>');
  });
});
