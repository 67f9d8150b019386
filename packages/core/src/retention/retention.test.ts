import { describe, expect, it } from 'vitest';
import type { Submission } from '../store.js';
import { isExpired, retentionExpiry, retentionStart } from './retention.js';

const submission = (over: Partial<Submission> = {}): Submission => ({
  id: 's1',
  tenantId: 't',
  formId: 'underretning',
  version: '1.0.0',
  status: 'approved',
  data: {},
  revision: 3,
  receipt: {
    formId: 'underretning',
    version: '1.0.0',
    schemaHash: 'h',
    plugins: [],
    validatedAt: '2026-01-01T00:00:00Z',
  },
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-10T00:00:00.000Z',
  statusChangedAt: '2026-01-10T00:00:00.000Z',
  createdBy: 'k',
  updatedBy: 'k',
  ...over,
});

describe('retention (DP-03, Q17)', () => {
  const policy = { defaultDays: 30, forms: { underretning: 365 } };
  it('counts the form period from entering the closed status', () => {
    expect(retentionExpiry(submission(), policy)?.toISOString()).toBe('2027-01-10T00:00:00.000Z');
    expect(isExpired(submission(), policy, new Date('2027-01-09T23:59:59Z'))).toBe(false);
    expect(isExpired(submission(), policy, new Date('2027-01-10T00:00:00Z'))).toBe(true);
    expect(retentionExpiry(submission({ formId: 'aftaleskema' }), policy)?.toISOString()).toBe(
      '2026-02-09T00:00:00.000Z',
    );
  });
  it('a later update (a released hold, a migration) does not restart the period', () => {
    const released = submission({ updatedAt: '2026-02-10T00:00:00.000Z' });
    expect(retentionStart(released)).toBe('2026-01-10T00:00:00.000Z');
    expect(retentionExpiry(released, policy)?.toISOString()).toBe('2027-01-10T00:00:00.000Z');
  });
  it('falls back to the last update for records stored before statusChangedAt existed', () => {
    const { statusChangedAt: _, ...old } = submission({ updatedAt: '2026-02-10T00:00:00.000Z' });
    expect(retentionStart(old)).toBe('2026-02-10T00:00:00.000Z');
    expect(retentionExpiry(old, policy)?.toISOString()).toBe('2027-02-10T00:00:00.000Z');
  });
  it('keeps open submissions, legal holds and forms without a period', () => {
    const later = new Date('2030-01-01');
    expect(isExpired(submission({ status: 'submitted' }), policy, later)).toBe(false);
    expect(isExpired(submission({ legalHold: true }), policy, later)).toBe(false);
    expect(isExpired(submission(), {}, later)).toBe(false);
  });
});
