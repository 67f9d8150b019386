import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createStandardEngine } from '@skema/forms';
import { describe, expect, it } from 'vitest';
import { sha256 } from '../auth/key-ring.js';
import { fixtureEngine } from '../testing/fixture-forms.js';
import { ConfigError, loadServerConfig } from './load-config.js';

const engine = fixtureEngine();
const dir = mkdtempSync(join(tmpdir(), 'skema-config-'));

function file(content: unknown): string {
  const path = join(dir, `${Math.random().toString(36).slice(2)}.json`);
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
  return path;
}

const valid = {
  tenants: [
    {
      id: 'aarhus',
      keys: [
        { id: 'aarhus-sag', key: `sha256:${sha256('aarhus-secret-key-1').toString('hex')}`, roles: ['caseworker'] },
        { id: 'aarhus-fk', key: 'a-plain-key-long-enough', roles: ['fagkonsulent', 'leder'] },
      ],
      ruleOptions: { 'FIX-02': { severity: 'error', minLength: 4 } },
    },
  ],
  rateLimit: { windowMs: 60000, limit: 100 },
};

const problemsOf = (fn: () => unknown): string => {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(ConfigError);
    return (e as Error).message;
  }
  throw new Error('expected a ConfigError');
};

describe('loadServerConfig', () => {
  it('reads a valid SKEMA_CONFIG', () => {
    const { config, source } = loadServerConfig({ SKEMA_CONFIG: file(valid), NODE_ENV: 'production' }, engine);
    expect(source).toBe('file');
    expect(config.tenants[0]?.ruleOptions).toEqual({ 'FIX-02': { severity: 'error', minLength: 4 } });
  });

  it('uses the development tenants demo and demo2 without configuration outside production', () => {
    const { config, source } = loadServerConfig({}, engine);
    expect(source).toBe('development');
    expect(config.tenants.map((t) => t.id)).toEqual(['demo', 'demo2', 'ringsted', 'nordby']);
    expect(config.tenants[0]?.keys[0]).toMatchObject({ key: 'skema-dev-key' });
    expect(config.tenants[1]?.keys[0]).toMatchObject({ key: 'skema-dev-key-2' });
  });

  it('refuses to start in production without configuration', () => {
    expect(problemsOf(() => loadServerConfig({ NODE_ENV: 'production' }, engine))).toMatch(
      /SKEMA_CONFIG must name a configuration file/,
    );
  });

  it('refuses a missing or malformed file', () => {
    expect(problemsOf(() => loadServerConfig({ SKEMA_CONFIG: join(dir, 'missing.json') }, engine))).toMatch(
      /cannot be read/,
    );
    expect(problemsOf(() => loadServerConfig({ SKEMA_CONFIG: file('{"tenants": [') }, engine))).toMatch(
      /cannot be read as JSON/,
    );
  });

  it('refuses a file that breaks the schema, naming each problem', () => {
    const message = problemsOf(() =>
      loadServerConfig(
        {
          SKEMA_CONFIG: file({
            tenants: [{ id: 'Bad Id', keys: [{ id: 'k', key: 'short', roles: ['boss'] }] }],
            extra: true,
          }),
        },
        engine,
      ),
    );
    expect(message).toMatch(/\/tenants\/0\/id/);
    expect(message).toMatch(/\/tenants\/0\/keys\/0\/roles\/0/);
    expect(message).toMatch(/\/tenants\/0\/keys\/0\/key/);
    expect(message).toMatch(/additional properties/);
  });

  it('refuses duplicate ids and keys', () => {
    const dup = { tenants: [valid.tenants[0], { ...valid.tenants[0], ruleOptions: {} }] };
    const message = problemsOf(() => loadServerConfig({ SKEMA_CONFIG: file(dup) }, engine));
    expect(message).toMatch(/tenant id aarhus is used twice/);
    expect(message).toMatch(/key id aarhus-sag is used twice/);
    expect(message).toMatch(/same key as another key/);
  });

  it('checks rule options against the catalogue: unknown rules, options, lowering errors, option schemas', () => {
    const bad = {
      tenants: [
        {
          id: 't',
          keys: [{ id: 'k', key: 'a-plain-key-long-enough', roles: ['caseworker'] }],
          ruleOptions: {
            'NOPE-1': {},
            'FIX-01': { severity: 'warning' },
            'FIX-02': { unknownOption: 1, minLength: 0 },
          },
        },
      ],
    };
    const message = problemsOf(() => loadServerConfig({ SKEMA_CONFIG: file(bad) }, engine));
    expect(message).toMatch(/Unknown rule NOPE-1/);
    expect(message).toMatch(/FIX-01 is a legal requirement/);
    expect(message).toMatch(/FIX-02 has no option "unknownOption"/);
    expect(message).toMatch(/FIX-02: option "minLength"/);
  });

  it('HEN-05, LEV-07: refuses at start-up option values that would switch a legal rule off, naming rule, option and source', () => {
    const tenant = { id: 't', keys: [{ id: 'k', key: 'a-plain-key-long-enough', roles: ['caseworker'] }] };
    const attack = {
      tenants: [
        {
          ...tenant,
          ruleOptions: {
            'HEN-05': { youthConsentAge: 18, youthSupplementsParents: false },
            'LEV-07': { thresholdDkk: 1e12 },
          },
        },
      ],
    };
    const message = problemsOf(() => loadServerConfig({ SKEMA_CONFIG: file(attack) }, createStandardEngine()));
    expect(message).toMatch(/HEN-05 has no option "youthConsentAge"/);
    expect(message).toMatch(/HEN-05: option "youthSupplementsParents" is outside the bounds .*source: spec §8 Q5/);
    expect(message).toMatch(/LEV-07: option "thresholdDkk" is outside the bounds .*source: 001/);
    const narrowing = {
      tenants: [{ ...tenant, ruleOptions: { 'LEV-07': { thresholdDkk: 50000 }, 'LEV-12': { maxMonths: 6 } } }],
    };
    expect(() => loadServerConfig({ SKEMA_CONFIG: file(narrowing) }, createStandardEngine())).not.toThrow();
  });

  it("checks each tenant's working-day calendar options against the calendar plugin, naming the tenant", () => {
    const { ruleOptions: _fixtureOptions, ...tenant } = valid.tenants[0]!;
    const withCalendar = (calendar: unknown) => ({ tenants: [{ ...tenant, calendar }] });
    // The standard plugins: the Danish calendar takes grundlovsdag, juleaften, nytaarsaften, extraClosedDays.
    const dkEngine = createStandardEngine();
    expect(
      loadServerConfig(
        { SKEMA_CONFIG: file(withCalendar({ grundlovsdag: false, extraClosedDays: ['2026-12-28'] })) },
        dkEngine,
      ).config.tenants[0]!.calendar,
    ).toEqual({
      grundlovsdag: false,
      extraClosedDays: ['2026-12-28'],
    });
    const message = problemsOf(() =>
      loadServerConfig({ SKEMA_CONFIG: file(withCalendar({ grundlovsdag: 'nej', helligdage: [] })) }, dkEngine),
    );
    expect(message).toMatch(/tenant aarhus: calendar \/grundlovsdag must be boolean/);
    expect(message).toMatch(/tenant aarhus: calendar \/ must NOT have additional properties/);
    // An engine whose calendar takes no options refuses any.
    expect(
      problemsOf(() => loadServerConfig({ SKEMA_CONFIG: file(withCalendar({ grundlovsdag: false })) }, engine)),
    ).toMatch(/no registered plugin has a configurable working-day calendar/);
  });

  it('takes the rate limit from the environment', () => {
    const { config } = loadServerConfig({ RATE_LIMIT_MAX: '5', RATE_LIMIT_WINDOW_MS: '1000' }, engine);
    expect(config.rateLimit).toEqual({ windowMs: 1000, limit: 5 });
    expect(problemsOf(() => loadServerConfig({ RATE_LIMIT_MAX: 'many' }, engine))).toMatch(/positive integers/);
  });
  it('allows no cross-origin access unless configured', () => {
    expect(loadServerConfig({}, engine).config.corsOrigins).toBeUndefined();
    expect(loadServerConfig({ SKEMA_CONFIG: file(valid) }, engine).config.corsOrigins).toBeUndefined();
  });

  it('takes the portal origins from corsOrigins in the file, replaced by CORS_ORIGINS', () => {
    const withOrigins = file({ ...valid, corsOrigins: ['https://borger.aarhus.dk'] });
    expect(loadServerConfig({ SKEMA_CONFIG: withOrigins }, engine).config.corsOrigins).toEqual([
      'https://borger.aarhus.dk',
    ]);
    const { config } = loadServerConfig(
      { SKEMA_CONFIG: withOrigins, CORS_ORIGINS: 'https://a.dk, http://localhost:5173' },
      engine,
    );
    expect(config.corsOrigins).toEqual(['https://a.dk', 'http://localhost:5173']);
    expect(loadServerConfig({ CORS_ORIGINS: 'https://a.dk' }, engine).config.corsOrigins).toEqual(['https://a.dk']);
  });

  it('refuses a CORS_ORIGINS value that is not a list of origins, naming each bad entry', () => {
    const message = problemsOf(() =>
      loadServerConfig({ CORS_ORIGINS: 'https://a.dk/, *, https://b.dk/skema' }, engine),
    );
    expect(message).toMatch(/^CORS_ORIGINS must list origins \(scheme:\/\/host\[:port\]\) separated by commas:/);
    expect(message).toMatch(/https:\/\/a\.dk\/ has a path, query or trailing slash/);
    expect(message).toMatch(/\*: wildcards are not allowed/);
    expect(message).toMatch(/https:\/\/b\.dk\/skema has a path/);
  });

  it('refuses corsOrigins in the file that are not origins', () => {
    const message = problemsOf(() =>
      loadServerConfig({ SKEMA_CONFIG: file({ ...valid, corsOrigins: ['https://*.aarhus.dk', 42] }) }, engine),
    );
    expect(message).toMatch(/\/corsOrigins\/1 must be string/);
    const second = problemsOf(() =>
      loadServerConfig({ SKEMA_CONFIG: file({ ...valid, corsOrigins: ['https://*.aarhus.dk'] }) }, engine),
    );
    expect(second).toMatch(/\/corsOrigins https:\/\/\*\.aarhus\.dk: wildcards are not allowed/);
  });

  it('reads tenants that sign in through their identity provider, with or without keys', () => {
    const oidc = {
      issuers: [
        {
          issuer: 'https://login.aarhus.dk/realms/ansatte',
          audience: 'api://skema',
          roleMap: { sagsbehandler: ['caseworker'] },
        },
      ],
    };
    const { config } = loadServerConfig(
      { SKEMA_CONFIG: file({ tenants: [{ id: 'aarhus', oidc }], corsOrigins: [] }), NODE_ENV: 'production' },
      engine,
    );
    expect(config.tenants[0]).toMatchObject({ id: 'aarhus', keys: [], oidc });
  });

  it('refuses a tenant with neither keys nor issuers, an issuer of two tenants, unsafe algorithms and insecure URLs', () => {
    const oidc = (issuer: string, extra: object = {}) => ({ issuers: [{ issuer, audience: 'api://skema', ...extra }] });
    const message = problemsOf(() =>
      loadServerConfig(
        {
          SKEMA_CONFIG: file({
            tenants: [
              { id: 'nobody' },
              { id: 'a', oidc: oidc('https://idp.example.dk/shared') },
              { id: 'b', oidc: oidc('https://idp.example.dk/shared') },
              { id: 'c', oidc: oidc('http://idp.example.dk/c', { jwksUri: 'https://idp.example.dk/c/jwks?x=1' }) },
            ],
          }),
          NODE_ENV: 'production',
        },
        engine,
      ),
    );
    expect(message).toMatch(/tenant nobody has neither API keys \(keys\) nor an identity provider \(oidc.issuers\)/);
    expect(message).toMatch(
      /tenant b: oidc issuer 0: issuer https:\/\/idp.example.dk\/shared is already configured for tenant a/,
    );
    expect(message).toMatch(/tenant c: oidc issuer 0: issuer http:\/\/idp.example.dk\/c must use https/);
    expect(message).toMatch(/tenant c: oidc issuer 0: jwksUri .* must have no query/);
    for (const alg of ['none', 'HS256']) {
      const bad = problemsOf(() =>
        loadServerConfig(
          {
            SKEMA_CONFIG: file({
              tenants: [{ id: 'a', oidc: oidc('https://idp.example.dk/a', { algorithms: [alg] }) }],
            }),
          },
          engine,
        ),
      );
      expect(bad).toMatch(/\/tenants\/0\/oidc\/issuers\/0\/algorithms\/0 must be equal to one of the allowed values/);
    }
  });

  it('signs the demo tenants in through the development provider unless SKEMA_DEV_IDP=off', () => {
    const { config } = loadServerConfig({ IDP_PORT: '4444' }, engine);
    expect(config.tenants[0]!.oidc?.issuers[0]).toMatchObject({
      issuer: 'http://localhost:4444/demo',
      audience: 'urn:skema:api',
    });
    expect(config.tenants[1]!.oidc?.issuers[0]?.issuer).toBe('http://localhost:4444/demo2');
    expect(loadServerConfig({ SKEMA_DEV_IDP: 'off' }, engine).config.tenants[0]!.oidc).toBeUndefined();
  });
});
