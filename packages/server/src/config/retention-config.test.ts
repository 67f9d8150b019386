import { describe, expect, it } from 'vitest';
import { fixtureEngine } from '../testing/fixture-forms.js';
import { devConfig } from './dev-config.js';
import { ConfigError, parseServerConfig } from './load-config.js';

const engine = fixtureEngine();
const tenant = (extra: Record<string, unknown>) => ({
  tenants: [
    { id: 'aarhus', keys: [{ id: 'aarhus-sag', key: 'a-plain-key-long-enough', roles: ['caseworker'] }], ...extra },
  ],
});

const problemsOf = (raw: unknown): string => {
  try {
    parseServerConfig(raw, engine);
  } catch (e) {
    expect(e).toBeInstanceOf(ConfigError);
    return (e as Error).message;
  }
  throw new Error('expected a ConfigError');
};

describe('tenant retention in SKEMA_CONFIG', () => {
  it('DP-03 accepts a policy with a default, per-form periods and closed statuses', () => {
    const retention = {
      defaultDays: 1825,
      forms: { underretning: 3650, raadgivningslog: 0 },
      closedStatuses: ['approved', 'withdrawn'],
    };
    expect(parseServerConfig(tenant({ retention }), engine).tenants[0]?.retention).toEqual(retention);
    expect(
      parseServerConfig(tenant({ retention: { forms: { underretning: 30 } } }), engine).tenants[0]?.retention,
    ).toEqual({ forms: { underretning: 30 } });
  });

  it('DP-03 refuses negative, fractional and absurd periods, naming the field', () => {
    expect(problemsOf(tenant({ retention: { defaultDays: -1 } }))).toContain(
      '/tenants/0/retention/defaultDays must be >= 0',
    );
    expect(problemsOf(tenant({ retention: { defaultDays: 1.5 } }))).toContain(
      '/tenants/0/retention/defaultDays must be integer',
    );
    expect(problemsOf(tenant({ retention: { defaultDays: '30' } }))).toContain(
      '/tenants/0/retention/defaultDays must be integer',
    );
    expect(problemsOf(tenant({ retention: { forms: { underretning: -3 } } }))).toContain(
      '/tenants/0/retention/forms/underretning must be >= 0',
    );
    expect(problemsOf(tenant({ retention: { defaultDays: 10_000_000 } }))).toContain(
      '/tenants/0/retention/defaultDays must be <= 36500',
    );
  });

  it('DP-03 refuses statuses that are unknown or open, unknown fields, bad form ids and a policy without a period', () => {
    expect(problemsOf(tenant({ retention: { defaultDays: 30, closedStatuses: ['done'] } }))).toMatch(
      /\/tenants\/0\/retention\/closedStatuses\/0 must be equal to one of the allowed values \(approved, rejected, withdrawn\)/,
    );
    expect(problemsOf(tenant({ retention: { defaultDays: 30, closedStatuses: ['submitted'] } }))).toContain(
      '/tenants/0/retention/closedStatuses/0',
    );
    expect(problemsOf(tenant({ retention: { defaultDays: 30, closedStatuses: [] } }))).toContain(
      '/tenants/0/retention/closedStatuses must NOT have fewer than 1 items',
    );
    expect(problemsOf(tenant({ retention: { defaultDays: 30, days: 10 } }))).toContain(
      '/tenants/0/retention must NOT have additional properties',
    );
    expect(problemsOf(tenant({ retention: { forms: { 'Not a form!': 30 } } }))).toContain('/tenants/0/retention/forms');
    expect(problemsOf(tenant({ retention: { closedStatuses: ['approved'] } }))).toContain(
      "/tenants/0/retention must have required property 'defaultDays'",
    );
  });

  it('DP-03 reserves the retention job’s actor, so no key can pose as it in the audit log', () => {
    const raw = {
      tenants: [{ id: 'aarhus', keys: [{ id: 'retention-job', key: 'a-plain-key-long-enough', roles: ['admin'] }] }],
    };
    expect(problemsOf(raw)).toContain('key id retention-job is reserved for the retention job');
  });

  it('DP-03 the development tenants have no retention policy, so no one’s local data disappears', () => {
    expect(devConfig().tenants.filter((t) => t.retention)).toEqual([]);
  });
});
