import { createHash, randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, open, readdir, readFile, rename, unlink } from 'node:fs/promises';
import path from 'node:path';
import {
  blobIntake,
  type AttachmentOwner,
  type AttachmentRecord,
  type BlobHasher,
  type BlobInspector,
  type BlobLimits,
  type BlobStore,
} from '@skema/core';
import { DirSyncer } from './fs-sync.js';

export const BLOBS_DIR = 'blobs';
const ID = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,127}$/;

/** SHA-256 from node:crypto: the portable one in core is several times slower on large files. */
const nodeSha256 = (): BlobHasher => {
  const h = createHash('sha256');
  return { update: (chunk) => h.update(chunk), digestHex: () => h.digest('hex') };
};

/** A tenant's folder is the hash of its id: any tenant id is a safe, fixed-length folder name. */
const tenantDir = (root: string, tenantId: string): string =>
  path.join(root, createHash('sha256').update(tenantId).digest('hex').slice(0, 32));

function assertId(id: string): void {
  if (!ID.test(id)) throw new TypeError('Attachment ids must match [A-Za-z0-9][A-Za-z0-9_.-]{0,127}');
}

/**
 * Attachments as files under `DATA_DIR/blobs/<tenant hash>/`: `<id>.bin` (the bytes) and
 * `<id>.json` (the metadata). A put streams into a temp file, fsyncs it, renames it into place,
 * writes the metadata the same way (its rename is the commit point) and fsyncs the folder; a
 * failed or refused put removes its temp file, so nothing is left behind. Content never enters a
 * JSON document or the audit log.
 */
export class FileBlobStore implements BlobStore {
  readonly root: string;
  private readonly dirs = new DirSyncer();

  constructor(dataDir: string) {
    this.root = path.join(path.resolve(dataDir), BLOBS_DIR);
  }

  async putBlob(
    record: Omit<AttachmentRecord, 'size' | 'sha256' | 'mediaType'>,
    content: AsyncIterable<Uint8Array>,
    limits: BlobLimits,
    inspect: BlobInspector,
  ): Promise<AttachmentRecord> {
    assertId(record.id);
    const dir = tenantDir(this.root, record.tenantId);
    await mkdir(dir, { recursive: true });
    const temp = path.join(dir, `.${record.id}.${randomBytes(6).toString('hex')}.tmp`);
    const intake = blobIntake(content, limits, inspect, nodeSha256());
    let committed = false;
    try {
      const file = await open(temp, 'wx');
      try {
        for await (const chunk of intake.chunks) await file.write(chunk);
        await file.sync();
      } finally {
        await file.close();
      }
      const stored: AttachmentRecord = { ...record, ...intake.result() };
      await rename(temp, path.join(dir, `${record.id}.bin`));
      await writeDurably(path.join(dir, `${record.id}.json`), `${JSON.stringify(stored)}\n`);
      committed = true;
      await this.dirs.sync(dir);
      return stored;
    } finally {
      if (!committed) {
        await unlink(temp).catch(() => undefined);
        await unlink(path.join(dir, `${record.id}.bin`)).catch(() => undefined);
      }
    }
  }

  async getBlob(tenantId: string, id: string): Promise<AttachmentRecord | undefined> {
    if (!ID.test(id)) return undefined;
    try {
      const record = JSON.parse(
        await readFile(path.join(tenantDir(this.root, tenantId), `${id}.json`), 'utf8'),
      ) as AttachmentRecord;
      return record.tenantId === tenantId ? record : undefined;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw e;
    }
  }

  async readBlob(tenantId: string, id: string): Promise<AsyncIterable<Uint8Array> | undefined> {
    if (!(await this.getBlob(tenantId, id))) return undefined;
    return createReadStream(path.join(tenantDir(this.root, tenantId), `${id}.bin`));
  }

  async listBlobs(tenantId: string, owner: AttachmentOwner): Promise<AttachmentRecord[]> {
    return (await this.all(tenantId))
      .filter((r) => r.owner.kind === owner.kind && r.owner.id === owner.id)
      .sort((a, b) => (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : 0));
  }

  async deleteBlob(tenantId: string, id: string): Promise<boolean> {
    if (!(await this.getBlob(tenantId, id))) return false;
    const dir = tenantDir(this.root, tenantId);
    // The metadata goes first: without it the content is unreachable, never the other way round.
    await unlink(path.join(dir, `${id}.json`));
    await unlink(path.join(dir, `${id}.bin`)).catch(() => undefined);
    await this.dirs.sync(dir);
    return true;
  }

  async tenantUsage(tenantId: string): Promise<number> {
    return (await this.all(tenantId)).reduce((sum, r) => sum + r.size, 0);
  }

  private async all(tenantId: string): Promise<AttachmentRecord[]> {
    const dir = tenantDir(this.root, tenantId);
    let names: string[];
    try {
      names = await readdir(dir);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw e;
    }
    const records = await Promise.all(
      names
        .filter((n) => n.endsWith('.json') && !n.startsWith('.'))
        .map(async (n) => JSON.parse(await readFile(path.join(dir, n), 'utf8')) as AttachmentRecord),
    );
    return records.filter((r) => r.tenantId === tenantId);
  }
}

/** Temp file, fsync, rename: the file is there whole or not at all. */
async function writeDurably(file: string, text: string): Promise<void> {
  const temp = `${file}.${randomBytes(6).toString('hex')}.tmp`;
  const handle = await open(temp, 'wx');
  try {
    await handle.writeFile(text);
    await handle.sync();
  } finally {
    await handle.close();
  }
  await rename(temp, file);
}

export function createFileBlobStore(dataDir: string): FileBlobStore {
  return new FileBlobStore(dataDir);
}
