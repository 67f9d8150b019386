import { Low } from 'lowdb';
import { StoreCorruptionError } from '@skema/core';
import { DurableJsonFile } from './adapter.js';

/**
 * Reads one checksummed document file; undefined when there is none. A document that parses but has
 * the wrong shape is damage too, reported like a checksum mismatch (by file, never by content).
 */
export async function readCheckedDoc<T>(
  file: string,
  problemOf: (data: T) => string | undefined,
): Promise<T | undefined> {
  const db = new Low<T | null>(new DurableJsonFile<T | null>(file), null);
  await db.read();
  if (!db.data) return undefined;
  const problem = problemOf(db.data);
  if (problem) throw new StoreCorruptionError(`Damaged data file ${file}: ${problem}`, [file]);
  return db.data;
}
