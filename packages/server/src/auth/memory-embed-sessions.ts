import {
  committedEmbedSession,
  reservedEmbedSession,
  type EmbedSessionRecord,
  type EmbedSessionStore,
} from '@skema/core';

/**
 * Embed sessions in this process's memory: for tests and for a store that keeps none. Each call
 * runs to its end without awaiting, so reservations are atomic within the process; they do not
 * survive a restart and are not shared with other instances.
 */
export class MemoryEmbedSessionStore implements EmbedSessionStore {
  private readonly byId = new Map<string, EmbedSessionRecord>();
  private readonly byToken = new Map<string, string>();

  async createEmbedSession(record: EmbedSessionRecord): Promise<void> {
    if (this.byId.has(record.id) || this.byToken.has(record.tokenHash))
      throw new Error(`Embed session ${record.id} exists`);
    this.byId.set(record.id, structuredClone(record));
    this.byToken.set(record.tokenHash, record.id);
  }

  async embedSessionByToken(tokenHash: string, now: string): Promise<EmbedSessionRecord | undefined> {
    const id = this.byToken.get(tokenHash);
    const record = id === undefined ? undefined : this.byId.get(id);
    return record && Date.parse(record.expiresAt) > Date.parse(now) ? structuredClone(record) : undefined;
  }

  async reserveEmbedCreate(id: string, reservation: { id: string; until: string }, now: string): Promise<boolean> {
    const record = this.byId.get(id);
    const next = record && reservedEmbedSession(record, reservation, now);
    if (!next) return false;
    this.byId.set(id, next);
    return true;
  }

  async commitEmbedCreate(id: string, reservationId: string, submissionId: string): Promise<void> {
    const record = this.byId.get(id);
    if (record) this.byId.set(id, committedEmbedSession(record, reservationId, submissionId));
  }

  async releaseEmbedCreate(id: string, reservationId: string): Promise<void> {
    const record = this.byId.get(id);
    if (record)
      this.byId.set(id, { ...record, reservations: record.reservations.filter((r) => r.id !== reservationId) });
  }

  async purgeExpiredEmbedSessions(now: string): Promise<number> {
    let purged = 0;
    for (const [id, record] of this.byId) {
      if (Date.parse(record.expiresAt) > Date.parse(now)) continue;
      this.byId.delete(id);
      this.byToken.delete(record.tokenHash);
      purged += 1;
    }
    return purged;
  }
}
