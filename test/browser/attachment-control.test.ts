import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { seriousViolations } from './axe.js';
import { api, artifactPath, useBrowserSession } from './harness.js';

/**
 * The file field of @skema/renderer-attachment in Chromium, in the demo's form page: a new form
 * saves a draft, uploads with a labelled progress bar (the network throttled so it shows), stores
 * the reference, refuses a renamed executable at the field in Danish, and removes the file again
 * (deleted on the server). axe finds no serious or critical violation in any of these states.
 */

const root = mkdtempSync(join(tmpdir(), 'skema-bilag-forms-'));
function writeForm(): string {
  const dir = join(root, 'bilagtest', '1.0.0');
  mkdirSync(join(dir, 'i18n'), { recursive: true });
  mkdirSync(join(root, 'tenants'), { recursive: true });
  const json = (file: string, value: unknown) => writeFileSync(join(dir, file), JSON.stringify(value));
  json('form.json', {
    id: 'bilagtest',
    version: '1.0.0',
    title: { da: 'Bilag til sagen', en: 'Attachments' },
    status: 'published',
    plugins: [],
    changelog: 'test',
  });
  json('schema.json', {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: 'https://skema.dk/schemas/bilagtest/1.0.0/schema.json',
    type: 'object',
    additionalProperties: false,
    $defs: {
      attachmentRef: {
        type: 'object',
        'x-skema-attachment': true,
        required: ['id', 'fileName'],
        properties: {
          id: { type: 'string' },
          fileName: { type: 'string' },
          mediaType: { type: 'string' },
          size: { type: 'integer' },
          sha256: { type: 'string' },
        },
      },
    },
    properties: {
      navn: { type: 'string' },
      ppv: { $ref: '#/$defs/attachmentRef' },
      bilag: { type: 'array', items: { $ref: '#/$defs/attachmentRef' } },
    },
  });
  json('uischema.json', {
    type: 'VerticalLayout',
    elements: [
      { type: 'Control', scope: '#/properties/navn' },
      { type: 'Control', scope: '#/properties/ppv' },
      { type: 'Control', scope: '#/properties/bilag' },
    ],
  });
  json('i18n/da.json', {
    'navn.label': 'Barnets navn',
    'ppv.label': 'PPV-rapport',
    'bilag.label': 'Øvrige bilag',
  });
  json('i18n/en.json', {
    'navn.label': 'Child’s name',
    'ppv.label': 'PPV report',
    'bilag.label': 'Other attachments',
  });
  return root;
}

const session = useBrowserSession(undefined, { schemasDir: writeForm() });
afterAll(() => rmSync(root, { recursive: true, force: true }));

const pdf = (bytes: number): Buffer => Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(bytes, 0x41)]);
const exe = (): Buffer => {
  const b = Buffer.alloc(4096);
  b.write('MZ', 0);
  b.writeUInt32LE(0x80, 0x3c);
  b.write('PE\0\0', 0x80, 'binary');
  return b;
};

describe('attachment field in Chromium (demo form page)', () => {
  it('uploads with progress, refuses a renamed executable in Danish, removes the file; axe 0 serious/critical', async () => {
    const { page, server } = session;
    await page.goto(`${server.url}/#/forms/bilagtest/1.0.0`);
    const input = page.getByLabel('PPV-rapport');
    await input.waitFor();
    expect(await input.getAttribute('type')).toBe('file');
    expect(await seriousViolations(page)).toEqual([]);

    // Slow the upload (≈ 400 kB/s), so the progress bar is there to be seen and read.
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: 20,
      downloadThroughput: -1,
      uploadThroughput: 400 * 1024,
    });
    await input.setInputFiles({
      name: 'ppv-rapport.pdf',
      mimeType: 'application/pdf',
      buffer: pdf(1_500_000),
    });
    const progress = page.getByLabel('Sender ppv-rapport.pdf');
    await progress.waitFor();
    expect(await progress.evaluate((el) => el.tagName)).toBe('PROGRESS');
    await page.waitForFunction(() => {
      const bar = document.querySelector('progress');
      return bar !== null && bar.value > 0 && bar.value < bar.max;
    });
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: artifactPath('attachment-progress.png') });
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: 0,
      downloadThroughput: -1,
      uploadThroughput: -1,
    });

    await page.getByRole('button', { name: 'Fjern ppv-rapport.pdf' }).waitFor({ timeout: 30_000 });
    await page.getByText('ppv-rapport.pdf er vedhæftet.').waitFor({ state: 'attached' });
    // The new form was saved as a draft for the file to belong to; the file is stored with it.
    const drafts = await api<{ items: Array<{ id: string }> }>(server.url, '/submissions?formId=bilagtest');
    expect(drafts.items).toHaveLength(1);
    const submissionId = drafts.items[0]?.id ?? '';
    const stored = await api<{
      items: Array<{ id: string; fileName: string; mediaType: string; size: number }>;
    }>(server.url, `/submissions/${submissionId}/attachments`);
    expect(stored.items).toEqual([
      expect.objectContaining({
        fileName: 'ppv-rapport.pdf',
        mediaType: 'application/pdf',
        size: 1_500_009,
      }),
    ]);
    expect(await seriousViolations(page)).toEqual([]);

    // A program renamed to .pdf: refused by its content, said at the field, nothing stored.
    const list = page.getByLabel('Øvrige bilag');
    await list.setInputFiles({ name: 'rapport.pdf', mimeType: 'application/pdf', buffer: exe() });
    const refusal = page.locator('#skema-field__bilag-upload-error');
    await refusal.waitFor();
    expect(await refusal.textContent()).toMatch(
      /^Filen blev ikke vedhæftet: Filtypen application\/x-msdownload må ikke vedhæftes; tilladt er PDF/,
    );
    expect(await list.getAttribute('aria-invalid')).toBe('true');
    expect(await list.getAttribute('aria-describedby')).toContain('skema-field__bilag-upload-error');
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: artifactPath('attachment-refused.png') });
    expect(
      (await api<{ items: unknown[] }>(server.url, `/submissions/${submissionId}/attachments`)).items,
    ).toHaveLength(1);

    // «Fjern»: the draft's file is deleted on the server and the field offers a file again.
    await page.getByRole('button', { name: 'Fjern ppv-rapport.pdf' }).click();
    await page.getByText('ppv-rapport.pdf er fjernet.').waitFor({ state: 'attached' });
    await page.getByLabel('PPV-rapport').waitFor();
    expect((await api<{ items: unknown[] }>(server.url, `/submissions/${submissionId}/attachments`)).items).toEqual([]);
    expect(await seriousViolations(page)).toEqual([]);
  });
});
