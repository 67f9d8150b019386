import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { EmbedSessionRecord, EmbedSessionStore } from '@skema/core';
import type { EmbedScope, Principal } from './principal.js';
import type { TenantSettings } from './tenant-settings.js';

/** Embed session tokens start with this, so they are told from API keys and JWTs without a lookup. */
export const EMBED_TOKEN_PREFIX = 'skema_es_';

export interface OpenedEmbedSession {
  token: string;
  expiresAt: Date;
  formId: string;
  version: string;
}

export interface EmbedSessionOptions {
  /** Lifetime of a session (default 15 minutes). */
  ttlMs?: number;
  /** How long a creation under way holds its slot if its instance dies before it ends (default 1 minute). */
  leaseMs?: number;
}

/** base64url SHA-256 of a token: what the store keeps and looks up by. */
export const embedTokenHash = (token: string): string => createHash('sha256').update(token, 'utf8').digest('base64url');

/**
 * Short-lived sessions a portal's backend opens for one citizen and one form version, so the page
 * carries no long-lived key. The token is 32 random bytes (opaque, not a JWT: "at most one
 * submission" needs state on the server anyway, and an opaque token discloses nothing and needs no
 * signing key); the store keeps only its SHA-256. Sessions live in the app's store (`EmbedSessionStore`),
 * so they survive a restart and work on every instance sharing that store: no sticky routing.
 */
export class EmbedSessions {
  private lastPurge = 0;
  private readonly ttlMs: number;
  private readonly leaseMs: number;

  constructor(
    private readonly store: EmbedSessionStore,
    /** The tenant's settings now (rule options, calendar, …); undefined for a tenant no longer configured. */
    private readonly settingsOf: (tenantId: string) => TenantSettings | undefined,
    private readonly now: () => Date,
    options: EmbedSessionOptions = {},
  ) {
    this.ttlMs = options.ttlMs ?? 15 * 60_000;
    this.leaseMs = options.leaseMs ?? 60_000;
  }

  /** A session for `formId` at `version` (the resolved version; `requested` as the portal named it). */
  async open(
    issuer: Principal,
    form: { formId: string; version: string; requested: string },
  ): Promise<OpenedEmbedSession> {
    this.purge();
    const token = EMBED_TOKEN_PREFIX + randomBytes(32).toString('base64url');
    const now = this.now();
    const expiresAt = new Date(now.getTime() + this.ttlMs);
    await this.store.createEmbedSession({
      id: randomUUID(),
      tokenHash: embedTokenHash(token),
      tenantId: issuer.tenantId,
      issuerKeyId: issuer.keyId,
      formId: form.formId,
      version: form.version,
      requestedVersion: form.requested,
      maxCreates: 1,
      createdAt: now.toISOString(),
      expiresAt: expiresAt.toISOString(),
      created: [],
      reservations: [],
    });
    return { token, expiresAt, formId: form.formId, version: form.version };
  }

  /** The session's principal, or undefined for an unknown or expired token. */
  async authenticate(token: string): Promise<Principal | undefined> {
    const record = await this.store.embedSessionByToken(embedTokenHash(token), this.now().toISOString());
    const tenant = record && this.settingsOf(record.tenantId);
    return record && tenant ? principalOf(record, tenant) : undefined;
  }

  /** Whether a URL's version names the session's version. */
  versionMatches(scope: EmbedScope, version: string): boolean {
    return version === scope.version || version === scope.requestedVersion;
  }

  /** Takes one of the session's creations for a request under way: its reservation id, or undefined when none is left. */
  async reserveCreate(scope: EmbedScope): Promise<string | undefined> {
    const now = this.now();
    const reservation = { id: randomUUID(), until: new Date(now.getTime() + this.leaseMs).toISOString() };
    return (await this.store.reserveEmbedCreate(scope.sessionId, reservation, now.toISOString()))
      ? reservation.id
      : undefined;
  }

  /** The creation succeeded: the submission is the session's (and its receipt readable by it). */
  commitCreate(scope: EmbedScope, reservationId: string, submissionId: string): Promise<void> {
    return this.store.commitEmbedCreate(scope.sessionId, reservationId, submissionId);
  }

  /** The creation failed: the reservation is given back. */
  releaseCreate(scope: EmbedScope, reservationId: string): Promise<void> {
    return this.store.releaseEmbedCreate(scope.sessionId, reservationId);
  }

  /** Whether the session created this submission (as of this request's authentication). */
  owns(scope: EmbedScope, submissionId: string): boolean {
    return scope.created.includes(submissionId);
  }

  /** Deletes expired sessions, at most once a minute (on open); a failure only delays it. */
  private purge(): void {
    const now = this.now().getTime();
    if (now - this.lastPurge < 60_000) return;
    this.lastPurge = now;
    void this.store.purgeExpiredEmbedSessions(new Date(now).toISOString()).catch(() => undefined);
  }
}

function principalOf(record: EmbedSessionRecord, tenant: TenantSettings): Principal & { scope: EmbedScope } {
  return {
    ...tenant,
    // Revisions and audit name the portal's key behind the session.
    keyId: `embed:${record.issuerKeyId}`,
    kind: 'system',
    subject: `embed:${record.id}`,
    // What creating and reading a submission ask for; the scope narrows it to one form and its own submission.
    roles: ['caseworker'],
    scope: {
      kind: 'embed',
      formId: record.formId,
      version: record.version,
      requestedVersion: record.requestedVersion,
      maxCreates: record.maxCreates,
      sessionId: record.id,
      created: record.created,
    },
  };
}
