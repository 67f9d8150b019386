import path from 'node:path';
import { committedEmbedSession, reservedEmbedSession, type EmbedSessionRecord } from '@skema/core';
import { DurableJsonFile } from './adapter.js';
import type { DirSyncer } from './fs-sync.js';
import { KeyedMutex } from './mutex.js';

export const EMBED_SESSIONS_FILE = 'embed-sessions.json';

interface EmbedSessionsDoc {
  sessions: EmbedSessionRecord[];
}

/**
 * Embed sessions of the embedded store: the live sessions in memory and in one durable file
 * (`embed-sessions.json`: temp file, fsync, rename), rewritten on every change. Sessions are few
 * and short-lived (expired ones are purged), so the file stays small. The data directory's lock
 * admits one process, and within it every change runs after the previous one (one mutex), so a
 * reservation is atomic for every app sharing this store object.
 */
export class LowdbEmbedSessions {
  private readonly file: DurableJsonFile<EmbedSessionsDoc>;
  private readonly mutex = new KeyedMutex();
  private readonly byId = new Map<string, EmbedSessionRecord>();
  private readonly byToken = new Map<string, string>();

  constructor(dataDir: string, dirSyncer: DirSyncer) {
    this.file = new DurableJsonFile(path.join(dataDir, EMBED_SESSIONS_FILE), { dirSyncer });
  }

  async load(): Promise<void> {
    const doc = await this.file.read();
    for (const record of doc?.sessions ?? []) this.remember(record);
  }

  byTokenHash(tokenHash: string, now: string): EmbedSessionRecord | undefined {
    const id = this.byToken.get(tokenHash);
    const record = id === undefined ? undefined : this.byId.get(id);
    return record && Date.parse(record.expiresAt) > Date.parse(now) ? structuredClone(record) : undefined;
  }

  create(record: EmbedSessionRecord): Promise<void> {
    return this.change(() => {
      if (this.byId.has(record.id) || this.byToken.has(record.tokenHash))
        throw new Error(`Embed session ${record.id} exists`);
      this.remember(structuredClone(record));
      return true;
    }).then(() => undefined);
  }

  reserve(id: string, reservation: { id: string; until: string }, now: string): Promise<boolean> {
    return this.change(() => {
      const record = this.byId.get(id);
      const next = record && reservedEmbedSession(record, reservation, now);
      if (!next) return false;
      this.byId.set(id, next);
      return true;
    });
  }

  commit(id: string, reservationId: string, submissionId: string): Promise<void> {
    return this.change(() => {
      const record = this.byId.get(id);
      if (!record) return false;
      this.byId.set(id, committedEmbedSession(record, reservationId, submissionId));
      return true;
    }).then(() => undefined);
  }

  release(id: string, reservationId: string): Promise<void> {
    return this.change(() => {
      const record = this.byId.get(id);
      if (!record) return false;
      this.byId.set(id, { ...record, reservations: record.reservations.filter((r) => r.id !== reservationId) });
      return true;
    }).then(() => undefined);
  }

  async purge(now: string): Promise<number> {
    let purged = 0;
    await this.change(() => {
      for (const [id, record] of this.byId) {
        if (Date.parse(record.expiresAt) > Date.parse(now)) continue;
        this.byId.delete(id);
        this.byToken.delete(record.tokenHash);
        purged += 1;
      }
      return purged > 0;
    });
    return purged;
  }

  private remember(record: EmbedSessionRecord): void {
    this.byId.set(record.id, record);
    this.byToken.set(record.tokenHash, record.id);
  }

  /**
   * Applies `mutate` (true: something changed) and writes the file, one change after another. A
   * failed write restores the sessions as they were, so memory never runs ahead of the file.
   */
  private change(mutate: () => boolean): Promise<boolean> {
    return this.mutex.run('embed-sessions', async () => {
      const before = new Map(this.byId);
      const changed = mutate();
      if (!changed) return false;
      try {
        await this.file.write({ sessions: [...this.byId.values()] });
      } catch (error) {
        this.byId.clear();
        this.byToken.clear();
        for (const record of before.values()) this.remember(record);
        throw error;
      }
      return true;
    });
  }
}
