import { randomBytes, createHash } from 'node:crypto';
import { open, readFile, rename, unlink } from 'node:fs/promises';
import path from 'node:path';
import type { Adapter } from 'lowdb';
import { StoreCorruptionError } from '@skema/core';
import { DirSyncer } from './fs-sync.js';

/** What the file system reported for a written file; rename keeps it, so start-up can compare. */
export interface FileStamp {
  ino: number;
  size: number;
  mtimeMs: number;
}

export interface DurableJsonFileOptions {
  /** Shared directory-sync coalescer; one per store. */
  dirSyncer?: DirSyncer;
  /** Runs after the temp file is durable and before the rename makes it visible (e.g. the audit intent). */
  beforeCommit?: () => Promise<void>;
  /** Called right after the rename: from here on the new content is visible. */
  onRenamed?: () => void;
  /** Receives the stamp of the new file after the commit. */
  onCommitted?: (stamp: FileStamp) => void;
  /** Skip every fsync. Only for bulk seeding of benchmark data; never for real records. */
  unsafeNoSync?: boolean;
}

const PREFIX = '{"sha256":"';
const MIDDLE = '","doc":';
const BODY_START = PREFIX.length + 64 + MIDDLE.length;
const SUFFIX = '}\n';
export const TEMP_SUFFIX = '.tmp';

export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** File text: `{"sha256":"<hash of doc text>","doc":<doc>}` so the hash covers the exact bytes written. */
export function encodeDocument(data: unknown): string {
  const body = JSON.stringify(data);
  if (body === undefined) throw new TypeError('Document is not JSON-serialisable');
  return `${PREFIX}${sha256Hex(body)}${MIDDLE}${body}${SUFFIX}`;
}

/** Parses and verifies a document; any damage throws `StoreCorruptionError` naming the file (never its content). */
export function decodeDocument<T>(text: string, file: string): T {
  const fail = (why: string): never => {
    throw new StoreCorruptionError(`Damaged data file ${file}: ${why}`, [file]);
  };
  if (!text.startsWith(PREFIX) || text.slice(PREFIX.length + 64, BODY_START) !== MIDDLE || !text.endsWith(SUFFIX)) {
    fail(text.length === 0 ? 'empty file' : 'not a Skema document (truncated or foreign content)');
  }
  const expected = text.slice(PREFIX.length, PREFIX.length + 64);
  const body = text.slice(BODY_START, text.length - SUFFIX.length);
  if (sha256Hex(body) !== expected) fail('checksum mismatch');
  try {
    return JSON.parse(body) as T;
  } catch {
    return fail('invalid JSON');
  }
}

/**
 * lowdb adapter that never leaves a half-written target: it writes a temp file in the same folder,
 * fsyncs it, renames it over the target and fsyncs the folder. lowdb's JSONFile (steno) does not fsync.
 */
export class DurableJsonFile<T> implements Adapter<T> {
  constructor(
    readonly filename: string,
    private readonly options: DurableJsonFileOptions = {},
  ) {}

  async read(): Promise<T | null> {
    let text: string;
    try {
      text = await readFile(this.filename, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
    return decodeDocument<T>(text, this.filename);
  }

  async write(data: T): Promise<void> {
    const text = encodeDocument(data);
    const dir = path.dirname(this.filename);
    const temp = `${this.filename}.${randomBytes(6).toString('hex')}${TEMP_SUFFIX}`;
    const sync = !this.options.unsafeNoSync;
    let stamp: FileStamp;
    try {
      const handle = await open(temp, 'wx');
      try {
        await handle.writeFile(text, 'utf8');
        if (sync) await handle.sync();
        const st = await handle.stat();
        stamp = { ino: st.ino, size: st.size, mtimeMs: st.mtimeMs };
      } finally {
        await handle.close();
      }
      if (this.options.beforeCommit) await this.options.beforeCommit();
      await rename(temp, this.filename);
      this.options.onRenamed?.();
    } catch (error) {
      await unlink(temp).catch(() => undefined);
      throw error;
    }
    if (sync) await (this.options.dirSyncer ? this.options.dirSyncer.sync(dir) : new DirSyncer().sync(dir));
    this.options.onCommitted?.(stamp);
  }
}
