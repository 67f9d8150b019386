import { describe, expect, it } from 'vitest';
import { EmbedSessions, embedTokenHash } from './embed-sessions.js';
import { MemoryEmbedSessionStore } from './memory-embed-sessions.js';
import type { Principal } from './principal.js';

const portal: Principal = {
  tenantId: 'alpha',
  keyId: 'alpha-portal',
  kind: 'system',
  subject: 'alpha-portal',
  roles: ['integration'],
  ruleOptions: {},
};
const settings = (tenantId: string) => (tenantId === 'alpha' ? { tenantId, ruleOptions: {} } : undefined);
const form = { formId: 'fixture', version: '1.1.0', requested: 'latest' };

describe('EmbedSessions over a store', () => {
  it('stores only the SHA-256 of an unguessable token; another EmbedSessions on the same store (an instance, a restart) authenticates it', async () => {
    const store = new MemoryEmbedSessionStore();
    const clock = { now: new Date('2026-03-01T10:00:00Z') };
    const opened = await new EmbedSessions(store, settings, () => clock.now).open(portal, form);
    expect(opened.token).toMatch(/^skema_es_[\w-]{43}$/);
    const stored = await store.embedSessionByToken(embedTokenHash(opened.token), clock.now.toISOString());
    expect(stored).toMatchObject({
      tenantId: 'alpha',
      issuerKeyId: 'alpha-portal',
      formId: 'fixture',
      version: '1.1.0',
      requestedVersion: 'latest',
      maxCreates: 1,
    });
    expect(JSON.stringify(stored)).not.toContain(opened.token.slice('skema_es_'.length));

    const other = new EmbedSessions(store, settings, () => clock.now);
    const principal = await other.authenticate(opened.token);
    expect(principal).toMatchObject({
      tenantId: 'alpha',
      kind: 'system',
      keyId: 'embed:alpha-portal',
      scope: { formId: 'fixture', version: '1.1.0', requestedVersion: 'latest', created: [] },
    });
    expect(await other.authenticate(`${opened.token.slice(0, -1)}x`)).toBeUndefined();
    clock.now = new Date('2026-03-01T10:15:00Z');
    expect(await other.authenticate(opened.token)).toBeUndefined();
  });

  it('a session of a tenant no longer configured does not authenticate', async () => {
    const store = new MemoryEmbedSessionStore();
    const opened = await new EmbedSessions(store, settings, () => new Date('2026-03-01T10:00:00Z')).open(
      { ...portal, tenantId: 'gone' },
      form,
    );
    expect(
      await new EmbedSessions(store, settings, () => new Date('2026-03-01T10:00:00Z')).authenticate(opened.token),
    ).toBeUndefined();
  });
});
