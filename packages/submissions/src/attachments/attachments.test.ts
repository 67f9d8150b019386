import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { actor, harness } from '../test-harness.js';
import { MemoryBlobStore } from '../testing/memory-blobs.js';
import { MemoryCaseStore } from '../testing/memory-cases.js';
import { Attachments, UploadInterruptedError } from './attachments.js';

const fixture = (name: string): Buffer => readFileSync(new URL(`./fixtures/${name}`, import.meta.url));
const pdf = (bytes = 2000): Buffer => Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(bytes, 0x41)]);
// The start of a Windows executable ("MZ" … "PE"), as a renamed .exe begins.
const exe = (): Buffer => {
  const b = Buffer.alloc(4096);
  b.write('MZ', 0);
  b.writeUInt32LE(0x80, 0x3c);
  b.write('PE\0\0', 0x80, 'binary');
  return b;
};

async function* stream(data: Buffer, cutAfter?: number): AsyncGenerator<Uint8Array> {
  for (let at = 0; at < data.length; at += 8192) {
    if (cutAfter !== undefined && at >= cutAfter) throw new UploadInterruptedError('aborted');
    yield data.subarray(at, at + 8192);
  }
}

async function setup(limits?: { perFileBytes?: number; perTenantBytes?: number }) {
  const h = harness();
  const blobs = new MemoryBlobStore();
  const attachments = new Attachments({
    ...h.deps,
    cases: new MemoryCaseStore(h.store),
    blobs,
    ...(limits ? { limits } : {}),
  });
  const sara = actor('sara', 'caseworker');
  const { submission } = await h.submissions.create(
    sara,
    { formId: 'sag', version: '1.0.0', status: 'draft', data: { navn: 'x' } },
    'da',
  );
  const owner = { kind: 'submission' as const, id: submission.id };
  const auditActions = async () => (await h.store.queryAudit('alpha', {})).items.map((e) => e.action);
  return { attachments, blobs, sara, owner, auditActions, store: h.store };
}

describe('attachments', () => {
  it('stores a PDF with the type from its content (not its name), its SHA-256, an audit entry without the name, and an audited download', async () => {
    const { attachments, sara, owner, store } = await setup();
    const data = pdf();
    const stored = await attachments.upload(sara, owner, 'Asta 010110-1234.txt', stream(data));
    expect(stored).toMatchObject({ mediaType: 'application/pdf', size: data.length, fileName: 'Asta 010110-1234.txt' });
    expect(stored.sha256).toMatch(/^[0-9a-f]{64}$/);
    const { record, content } = await attachments.download(sara, stored.id);
    const parts: Buffer[] = [];
    for await (const c of content) parts.push(Buffer.from(c));
    expect(Buffer.concat(parts).equals(data)).toBe(true);
    expect(record.id).toBe(stored.id);
    const audit = (await store.queryAudit('alpha', {})).items;
    expect(audit.map((e) => e.action).slice(-2)).toEqual(['attachment.create', 'attachment.read']);
    expect(JSON.stringify(audit)).not.toMatch(/Asta|1234/);
    await expect(attachments.download({ ...sara, tenantId: 'beta' }, stored.id)).rejects.toMatchObject({
      code: 'not-found',
    });
  });

  it('accepts Word (.docx) and plain text', async () => {
    const { attachments, sara, owner } = await setup();
    await expect(attachments.upload(sara, owner, 'notat.docx', stream(fixture('notat.docx')))).resolves.toMatchObject({
      mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    });
    await expect(
      attachments.upload(sara, owner, 'noter.txt', stream(Buffer.from('Møde med skolen\nAftaler: …\n'))),
    ).resolves.toMatchObject({ mediaType: 'text/plain' });
  });

  const refused: Array<[string, (a: Awaited<ReturnType<typeof setup>>) => Promise<unknown>, Record<string, unknown>]> =
    [
      [
        'a renamed executable',
        (s) => s.attachments.upload(s.sara, s.owner, 'rapport.pdf', stream(exe())),
        { code: 'attachment-type', members: { detected: 'application/x-msdownload' } },
      ],
      [
        'a zip bomb named .docx (200 MB unpacked from 200 kB)',
        (s) => s.attachments.upload(s.sara, s.owner, 'bombe.docx', stream(fixture('bombe.docx'))),
        { code: 'attachment-type' },
      ],
      [
        'an oversized file',
        (s) => s.attachments.upload(s.sara, s.owner, 'stor.pdf', stream(pdf(300_000))),
        { code: 'attachment-too-large', members: { which: 'file' } },
      ],
      [
        'a path in the file name',
        (s) => s.attachments.upload(s.sara, s.owner, '../../etc/passwd', stream(pdf())),
        { code: 'invalid-input', issues: [{ path: '/fileName', code: 'attachment-file-name' }] },
      ],
      [
        'a Windows path in the file name',
        (s) => s.attachments.upload(s.sara, s.owner, 'C:\\Users\\x\\notat.pdf', stream(pdf())),
        { code: 'invalid-input' },
      ],
      [
        'an upload cut off mid-stream',
        (s) => s.attachments.upload(s.sara, s.owner, 'notat.pdf', stream(pdf(40_000), 16_384)),
        { code: 'attachment-incomplete' },
      ],
    ];
  for (const [what, act, error] of refused) {
    it(`refuses ${what} and leaves nothing behind`, async () => {
      const s = await setup({ perFileBytes: 256 * 1024 });
      await expect(act(s)).rejects.toMatchObject(error);
      expect(s.blobs.count).toBe(0);
      expect(await s.auditActions()).not.toContain('attachment.create');
    });
  }

  it('counts the tenant quota', async () => {
    const s = await setup({ perTenantBytes: 3000 });
    await s.attachments.upload(s.sara, s.owner, 'a.pdf', stream(pdf(2000)));
    await expect(s.attachments.upload(s.sara, s.owner, 'b.pdf', stream(pdf(2000)))).rejects.toMatchObject({
      code: 'attachment-too-large',
      members: { which: 'tenant' },
    });
    expect(s.blobs.count).toBe(1);
  });
});
