import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { EmbedScope, Principal } from './principal.js';
import type { TenantSettings } from './tenant-settings.js';

/** Embed session tokens start with this, so they are told from API keys and JWTs without a lookup. */
export const EMBED_TOKEN_PREFIX = 'skema_es_';

interface Session {
  principal: Principal & { scope: EmbedScope };
  /** Also accepted for the version in URLs (e.g. `latest`, as the portal asked for it). */
  requestedVersion: string;
  expiresAt: number;
  inFlight: number;
  created: Set<string>;
}

export interface OpenedEmbedSession {
  token: string;
  expiresAt: Date;
  formId: string;
  version: string;
}

const digest = (token: string) => createHash('sha256').update(token, 'utf8').digest('base64url');

/**
 * Short-lived sessions a portal's backend opens for one citizen and one form version, so the page
 * carries no long-lived key. Opaque random tokens kept in memory (by digest), not JWTs: "at most one
 * submission" needs state on the server anyway, and an opaque token discloses nothing, needs no
 * signing key and ends with the process. Behind several API instances the portal's requests for
 * one session must reach the instance that opened it (sticky routing).
 */
export class EmbedSessions {
  private readonly sessions = new Map<string, Session>();
  private readonly byId = new Map<string, Session>();
  private lastSweep = 0;

  constructor(
    private readonly now: () => Date,
    /** Lifetime of a session (default 15 minutes). */
    private readonly ttlMs = 15 * 60_000,
  ) {}

  /** A session for `formId` at `version` (the resolved version; `requested` as the portal named it). */
  open(issuer: Principal, tenant: TenantSettings, form: { formId: string; version: string; requested: string }): OpenedEmbedSession {
    this.sweep();
    const token = EMBED_TOKEN_PREFIX + randomBytes(32).toString('base64url');
    const sessionId = randomUUID();
    const expiresAt = this.now().getTime() + this.ttlMs;
    const session: Session = {
      principal: {
        ...tenant,
        // Revisions and audit name the portal's key behind the session.
        keyId: `embed:${issuer.keyId}`,
        kind: 'system',
        subject: `embed:${sessionId}`,
        // What creating and reading a submission ask for; the scope narrows it to one form and its own submission.
        roles: ['caseworker'],
        scope: { kind: 'embed', formId: form.formId, version: form.version, maxCreates: 1, sessionId },
      },
      requestedVersion: form.requested,
      expiresAt,
      inFlight: 0,
      created: new Set(),
    };
    this.sessions.set(digest(token), session);
    this.byId.set(sessionId, session);
    return { token, expiresAt: new Date(expiresAt), formId: form.formId, version: form.version };
  }

  /** The session's principal, or undefined for an unknown or expired token. */
  authenticate(token: string): Principal | undefined {
    const session = this.sessions.get(digest(token));
    if (!session) return undefined;
    if (session.expiresAt <= this.now().getTime()) {
      this.forget(token, session);
      return undefined;
    }
    return session.principal;
  }

  /** Whether a URL's version names the session's version. */
  versionMatches(scope: EmbedScope, version: string): boolean {
    return version === scope.version || version === this.byId.get(scope.sessionId)?.requestedVersion;
  }

  /** Takes one of the session's creations for a request under way; false when none is left. */
  reserveCreate(scope: EmbedScope): boolean {
    const session = this.byId.get(scope.sessionId);
    if (!session || session.inFlight + session.created.size >= scope.maxCreates) return false;
    session.inFlight += 1;
    return true;
  }

  /** The creation succeeded: the submission is the session's (and its receipt readable by it). */
  commitCreate(scope: EmbedScope, submissionId: string): void {
    const session = this.byId.get(scope.sessionId);
    if (!session) return;
    session.inFlight = Math.max(0, session.inFlight - 1);
    session.created.add(submissionId);
  }

  /** The creation failed: the reservation is given back. */
  releaseCreate(scope: EmbedScope): void {
    const session = this.byId.get(scope.sessionId);
    if (session) session.inFlight = Math.max(0, session.inFlight - 1);
  }

  owns(scope: EmbedScope, submissionId: string): boolean {
    return this.byId.get(scope.sessionId)?.created.has(submissionId) ?? false;
  }

  get size(): number {
    return this.sessions.size;
  }

  /** Drops expired sessions, at most once a minute (on open). */
  private sweep(): void {
    const now = this.now().getTime();
    if (now - this.lastSweep < 60_000) return;
    this.lastSweep = now;
    for (const [key, session] of this.sessions) {
      if (session.expiresAt <= now) {
        this.sessions.delete(key);
        this.byId.delete(session.principal.scope.sessionId);
      }
    }
  }

  private forget(token: string, session: Session): void {
    this.sessions.delete(digest(token));
    this.byId.delete(session.principal.scope.sessionId);
  }
}
