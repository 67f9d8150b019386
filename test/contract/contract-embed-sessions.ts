import { createHash, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EmbedSessionRecord, EmbedSessionStore } from '@skema/core';
import { tenant } from './fixtures.js';

export interface EmbedSessionHarness {
  store: EmbedSessionStore;
  /** Close and open the storage again (durable stores). */
  reopen?(): Promise<EmbedSessionStore>;
  cleanup(): Promise<void>;
}

const NOW = '2026-03-01T10:00:00.000Z';
const later = (seconds: number): string => new Date(Date.parse(NOW) + seconds * 1000).toISOString();
const hashOf = (token: string): string => createHash('sha256').update(token).digest('base64url');

export function sessionRecord(overrides: Partial<EmbedSessionRecord> = {}): EmbedSessionRecord {
  const token = `skema_es_${randomUUID()}`;
  return {
    id: randomUUID(),
    tokenHash: hashOf(token),
    tenantId: tenant(),
    issuerKeyId: 'portal',
    formId: 'fixture',
    version: '1.1.0',
    requestedVersion: 'latest',
    maxCreates: 1,
    createdAt: NOW,
    expiresAt: later(900),
    created: [],
    reservations: [],
    ...overrides,
  };
}

const lease = (seconds = 60) => ({ id: randomUUID(), until: later(seconds) });

/** The embed session contract every store runs: lookups by token hash, expiry, atomic single creation, durability. */
export function runEmbedSessionContract(name: string, make: () => Promise<EmbedSessionHarness>): void {
  describe(`EmbedSessionStore contract: ${name}`, () => {
    let h: EmbedSessionHarness;
    beforeAll(async () => void (h = await make()));
    afterAll(async () => h?.cleanup());

    it('finds a live session by its token hash only; an unknown hash or an expired session is absent', async () => {
      const record = sessionRecord();
      await h.store.createEmbedSession(record);
      expect(await h.store.embedSessionByToken(record.tokenHash, NOW)).toEqual(record);
      expect(await h.store.embedSessionByToken(hashOf('skema_es_guess'), NOW)).toBeUndefined();
      expect(await h.store.embedSessionByToken(record.tokenHash, record.expiresAt)).toBeUndefined();
      expect(JSON.stringify(await h.store.embedSessionByToken(record.tokenHash, NOW))).not.toContain('skema_es_');
    });

    it('gives one creation slot: a second reservation is refused until the first is released; a committed one is the session’s', async () => {
      const record = sessionRecord();
      await h.store.createEmbedSession(record);
      const first = lease();
      expect(await h.store.reserveEmbedCreate(record.id, first, NOW)).toBe(true);
      expect(await h.store.reserveEmbedCreate(record.id, lease(), NOW)).toBe(false);
      await h.store.releaseEmbedCreate(record.id, first.id);
      const second = lease();
      expect(await h.store.reserveEmbedCreate(record.id, second, NOW)).toBe(true);
      await h.store.commitEmbedCreate(record.id, second.id, 'submission-1');
      expect(await h.store.embedSessionByToken(record.tokenHash, NOW)).toMatchObject({
        created: ['submission-1'],
        reservations: [],
      });
      expect(await h.store.reserveEmbedCreate(record.id, lease(), later(1))).toBe(false);
    });

    it('a reservation whose lease ran out (its instance died) no longer holds the slot; an expired or unknown session gives none', async () => {
      const record = sessionRecord();
      await h.store.createEmbedSession(record);
      expect(await h.store.reserveEmbedCreate(record.id, lease(30), NOW)).toBe(true);
      expect(await h.store.reserveEmbedCreate(record.id, lease(), later(10))).toBe(false);
      expect(await h.store.reserveEmbedCreate(record.id, { id: randomUUID(), until: later(120) }, later(31))).toBe(
        true,
      );
      const expired = sessionRecord({ expiresAt: later(5) });
      await h.store.createEmbedSession(expired);
      expect(await h.store.reserveEmbedCreate(expired.id, lease(), later(5))).toBe(false);
      expect(await h.store.reserveEmbedCreate(randomUUID(), lease(), NOW)).toBe(false);
    });

    it('of 20 racing reservations on one session exactly one succeeds', async () => {
      const record = sessionRecord();
      await h.store.createEmbedSession(record);
      const results = await Promise.all(
        Array.from({ length: 20 }, () => h.store.reserveEmbedCreate(record.id, lease(), NOW)),
      );
      expect(results.filter(Boolean)).toHaveLength(1);
    });

    it('purges expired sessions only', async () => {
      const gone = sessionRecord({ expiresAt: later(1) });
      const kept = sessionRecord({ expiresAt: later(7200) });
      await h.store.createEmbedSession(gone);
      await h.store.createEmbedSession(kept);
      expect(await h.store.purgeExpiredEmbedSessions(later(3600))).toBeGreaterThanOrEqual(1);
      expect(await h.store.embedSessionByToken(gone.tokenHash, NOW)).toBeUndefined();
      expect(await h.store.embedSessionByToken(kept.tokenHash, later(3600))).toMatchObject({ id: kept.id });
    });

    it('a session and its creations survive closing and opening the store (durable stores)', async () => {
      if (!h.reopen) return;
      const record = sessionRecord({ expiresAt: later(100_000) });
      await h.store.createEmbedSession(record);
      const slot = lease();
      expect(await h.store.reserveEmbedCreate(record.id, slot, NOW)).toBe(true);
      await h.store.commitEmbedCreate(record.id, slot.id, 'submission-durable');
      const reopened = await h.reopen();
      expect(await reopened.embedSessionByToken(record.tokenHash, NOW)).toMatchObject({
        id: record.id,
        created: ['submission-durable'],
      });
      expect(await reopened.reserveEmbedCreate(record.id, lease(), NOW)).toBe(false);
    });
  });
}
