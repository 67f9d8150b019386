import { contentHash } from '@skema/core';
import PDFDocument from 'pdfkit';
import { buildDocumentModel, embeddedData } from './model/document-model.js';
import { WORDS } from './model/words.js';
import { writeSection } from './pdf/blocks.js';
import { Flow } from './pdf/flow.js';
import { asFontSource, FONTS, parsedFonts } from './pdf/fonts.js';
import { writePageFurniture } from './pdf/furniture.js';
import { InfoText, skemaXmp } from './pdf/metadata.js';
import { writeReceipt, writeTitleBlock } from './pdf/title-block.js';
import type { RenderSubmissionInput } from './types.js';

/** The PDF/A part and conformance level the documents claim (level a: tagged, Unicode text). */
export const PDFA_SUBSET = 'PDF/A-3a';

const PRODUCER = '@skema/documents (PDFKit)';

function instant(iso: string | undefined, fallback: Date): Date {
  const d = iso ? new Date(iso) : fallback;
  return Number.isNaN(d.getTime()) ? fallback : d;
}

/**
 * Renders a submission of a form version as an archival PDF/A-3a document: tagged (headings,
 * tables, lists, paragraphs), Danish or English, DejaVu Sans embedded, the submission's JSON
 * attached. The output depends only on the input: dates and the file ID come from the submission.
 */
export async function renderSubmissionPdf(input: RenderSubmissionInput): Promise<Buffer> {
  const { form, submission, locale } = input;
  const options = input.options ?? {};
  const model = buildDocumentModel(input);
  const w = WORDS[locale];
  const created = instant(submission.createdAt, new Date(0));
  const modified = instant(submission.updatedAt, created);
  const dataHash = contentHash(submission.data);

  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: 56, bottom: 56, left: 56, right: 56 },
    pdfVersion: '1.7',
    subset: PDFA_SUBSET,
    tagged: true,
    lang: locale,
    displayTitle: true,
    bufferPages: true,
    font: asFontSource(parsedFonts().regular),
    info: {
      Title: new InfoText(`${model.title} – ${submission.id}`) as unknown as string,
      Subject: new InfoText(`${form.manifest.id} ${form.manifest.version}`) as unknown as string,
      Keywords: new InfoText(`skema; ${form.manifest.id}; ${submission.id}`) as unknown as string,
      Creator: new InfoText(PRODUCER) as unknown as string,
      Producer: new InfoText(PRODUCER) as unknown as string,
      CreationDate: created,
      ModDate: modified,
    },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  const faces = parsedFonts();
  doc.registerFont(FONTS.regular, asFontSource(faces.regular));
  doc.registerFont(FONTS.bold, asFontSource(faces.bold));
  doc.appendXML(
    skemaXmp({
      submissionId: submission.id,
      formId: form.manifest.id,
      formVersion: form.manifest.version,
      formHash: form.hash,
      contentHash: dataHash,
      modifyDate: modified,
    }),
  );

  const embed = options.embedData !== false;
  if (embed) {
    const json = JSON.stringify(
      {
        formId: form.manifest.id,
        formVersion: form.manifest.version,
        formHash: form.hash,
        submission: {
          id: submission.id,
          status: submission.status,
          createdAt: submission.createdAt,
          updatedAt: submission.updatedAt,
          data: embeddedData(submission.data, options.showCpr === true),
        },
      },
      null,
      2,
    );
    const attachment: PDFKit.Mixins.PDFAttachmentOptions & { relationship: string } = {
      name: `${submission.id}.json`,
      type: 'application/json',
      description: w.embedded,
      creationDate: created,
      modifiedDate: modified,
      // PDF/A-3: the file the document was rendered from.
      relationship: 'Source',
    };
    doc.file(Buffer.from(json, 'utf8'), attachment);
  }

  const flow = new Flow(doc);
  const root = doc.struct('Document');
  doc.addStructure(root);
  writeTitleBlock(flow, root, model.title, model.meta);
  for (const section of model.sections) writeSection(flow, root, section);
  if (model.checks) writeSection(flow, root, model.checks);
  writeReceipt(
    flow,
    root,
    model.receiptTitle,
    model.receipt,
    embed ? `${w.embedded} (${submission.id}.json).` : undefined,
  );
  root.end();
  writePageFurniture(flow, model.runningHeader, w.page);
  doc.end();
  return done;
}
