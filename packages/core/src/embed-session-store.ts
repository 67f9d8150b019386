/**
 * A short-lived embed session as stored: one form version, at most `maxCreates` submissions, until
 * `expiresAt`. Only the SHA-256 of its bearer token is kept (`tokenHash`), so a leaked store does
 * not hand out working tokens.
 */
export interface EmbedSessionRecord {
  id: string;
  /** base64url SHA-256 of the token; the token itself is never stored. */
  tokenHash: string;
  tenantId: string;
  /** The API key of the portal's backend that opened it (revisions and audit name it). */
  issuerKeyId: string;
  formId: string;
  /** The resolved version the session is pinned to. */
  version: string;
  /** The version as the portal named it (e.g. `latest`), also accepted in URLs. */
  requestedVersion: string;
  maxCreates: number;
  createdAt: string;
  expiresAt: string;
  /** The submissions created with it, in order; it may read these. */
  created: string[];
  /**
   * Creations under way, one slot each, until committed or released. A slot counts only until its
   * `until` (a lease), so an instance that dies mid-request cannot hold a session's slot for ever.
   */
  reservations: Array<{ id: string; until: string }>;
}

/**
 * Persistence for embed sessions, shared by every API instance on the same store, so a session
 * survives a restart and works on any instance without sticky routing. Reads at `now` treat an
 * expired session as absent. `reserveEmbedCreate` is atomic across instances: it takes a slot only
 * while `created.length` plus the live reservations is below `maxCreates`.
 */
export interface EmbedSessionStore {
  createEmbedSession(record: EmbedSessionRecord): Promise<void>;
  /** The live session with this token hash, or undefined (unknown or expired). */
  embedSessionByToken(tokenHash: string, now: string): Promise<EmbedSessionRecord | undefined>;
  /** Takes a creation slot; false when the session is gone, expired or has none left. */
  reserveEmbedCreate(id: string, reservation: { id: string; until: string }, now: string): Promise<boolean>;
  /** The creation under `reservationId` succeeded: its slot becomes the submission. */
  commitEmbedCreate(id: string, reservationId: string, submissionId: string): Promise<void>;
  /** The creation failed: its slot is given back. */
  releaseEmbedCreate(id: string, reservationId: string): Promise<void>;
  /** Deletes sessions expired at `now`; returns how many. */
  purgeExpiredEmbedSessions(now: string): Promise<number>;
}

/** Whether a store keeps embed sessions (every store of this repository does). */
export function isEmbedSessionStore(store: unknown): store is EmbedSessionStore {
  return (
    typeof store === 'object' &&
    store !== null &&
    typeof (store as Partial<EmbedSessionStore>).reserveEmbedCreate === 'function'
  );
}

/** The live reservations of a record at `now` (stores count these against `maxCreates`). */
export function liveReservations(
  record: Pick<EmbedSessionRecord, 'reservations'>,
  now: string,
): Array<{ id: string; until: string }> {
  const at = Date.parse(now);
  return record.reservations.filter((r) => Date.parse(r.until) > at);
}

/**
 * The record after a reservation, or undefined when none may be taken (expired, or no slot left);
 * expired reservations are dropped on the way. Shared by the stores that update a whole record.
 */
export function reservedEmbedSession(
  record: EmbedSessionRecord,
  reservation: { id: string; until: string },
  now: string,
): EmbedSessionRecord | undefined {
  if (Date.parse(record.expiresAt) <= Date.parse(now)) return undefined;
  const live = liveReservations(record, now);
  if (record.created.length + live.length >= record.maxCreates) return undefined;
  return { ...record, reservations: [...live, reservation] };
}

/** The record after the reservation became a submission (a reservation already gone still records it). */
export function committedEmbedSession(
  record: EmbedSessionRecord,
  reservationId: string,
  submissionId: string,
): EmbedSessionRecord {
  return {
    ...record,
    reservations: record.reservations.filter((r) => r.id !== reservationId),
    created: record.created.includes(submissionId) ? record.created : [...record.created, submissionId],
  };
}
