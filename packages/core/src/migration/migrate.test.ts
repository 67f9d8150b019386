import { describe, expect, it } from 'vitest';
import { testForm } from '../diff/test-forms.js';
import { SkemaEngine } from '../engine.js';
import type { FormMigration, FormVersion } from '../form.js';
import type { SkemaPlugin } from '../plugin.js';
import { FormNotFoundError, FormRegistry } from '../registry.js';
import { migrateSubmission, planMigration } from './migrate.js';
import { MigrationError, type MigrationFailure } from './migration-error.js';

type Json = Record<string, unknown>;

/** A test form version without plugins, so a bare engine can validate migrated data. */
function version(
  v: string,
  schemaProps: Json,
  required: string[],
  migration?: FormMigration,
  status: FormVersion['manifest']['status'] = 'published',
): FormVersion {
  return testForm(v, (form) => {
    form.manifest.plugins = [];
    form.manifest.status = status;
    if (migration) form.manifest.migration = migration;
    form.schema.properties = schemaProps;
    form.schema.required = required;
  });
}

const STATUS = { type: 'string', enum: ['Ny', 'Lukket'] };
// 1.0.0: a flat name; 1.1.0 adds an optional phone (minor); 2.0.0 nests the name (major, patch
// migration); 3.0.0 turns the status into a boolean (major, plugin migration).
const v1 = version('1.0.0', { navn: { type: 'string', minLength: 1 }, status: STATUS }, ['navn']);
const v11 = version('1.1.0', { navn: { type: 'string', minLength: 1 }, status: STATUS, telefon: { type: 'string' } }, [
  'navn',
]);
const PERSON = {
  type: 'object',
  additionalProperties: false,
  required: ['navn'],
  properties: { navn: { type: 'string', minLength: 1 }, telefon: { type: 'string' } },
};
const TO_PERSON = [
  { op: 'add', path: '/person', value: {} },
  { op: 'move', from: '/navn', path: '/person/navn' },
];
const v2 = version('2.0.0', { person: PERSON, status: STATUS }, ['person'], { from: '1.0.0', patch: TO_PERSON });
const v3 = version('3.0.0', { person: PERSON, lukket: { type: 'boolean' } }, ['person', 'lukket'], {
  from: '2.0.0',
  plugin: 'testskema-3',
});

const statusToBoolean = (data: unknown): unknown => {
  const { status, ...rest } = data as Json;
  return { ...rest, lukket: status === 'Lukket' };
};
const migrationPlugin: SkemaPlugin = {
  name: '@skema/plugin-test',
  version: '1.0.0',
  migrations: { 'testskema-3': statusToBoolean },
};

const failure = (fn: () => unknown): MigrationError => {
  try {
    fn();
  } catch (e) {
    if (e instanceof MigrationError) return e;
    throw e;
  }
  throw new Error('expected a MigrationError');
};
const reason = (fn: () => unknown): MigrationFailure => failure(fn).reason;

const deepFreeze = <T>(value: T): T => {
  if (typeof value === 'object' && value !== null) {
    Object.values(value).forEach(deepFreeze);
    Object.freeze(value);
  }
  return value;
};

describe('migrateSubmission', () => {
  it('applies a JSON Patch migration into a new major version', () => {
    const result = migrateSubmission({
      data: { navn: 'Emil Testesen', status: 'Ny' },
      from: v1,
      to: v2,
      chain: [],
      plugins: [],
    });
    expect(result.data).toEqual({ person: { navn: 'Emil Testesen' }, status: 'Ny' });
    expect(result.steps).toEqual([{ from: '1.0.0', to: '2.0.0', kind: 'patch' }]);
  });

  it('walks a chain: 1.0.0 → 1.1.0 needs no migration, 2.0.0 a patch, 3.0.0 a plugin', () => {
    const result = migrateSubmission({
      data: { navn: 'Ida Prøvesen', status: 'Lukket' },
      from: v1,
      to: v3,
      chain: [v11, v2],
      plugins: [migrationPlugin],
    });
    expect(result.steps).toEqual([
      { from: '1.0.0', to: '1.1.0', kind: 'none' },
      { from: '1.1.0', to: '2.0.0', kind: 'patch' },
      { from: '2.0.0', to: '3.0.0', kind: 'plugin' },
    ]);
    expect(result.data).toEqual({ person: { navn: 'Ida Prøvesen' }, lukket: true });
    expect(new SkemaEngine().validate(v3, result.data).errors).toEqual([]);
  });

  it('accepts the chain with or without its two ends', () => {
    const data = { navn: 'Emil Testesen' };
    const bare = migrateSubmission({ data, from: v1, to: v2, chain: [v11], plugins: [] });
    const withEnds = migrateSubmission({ data, from: v1, to: v2, chain: [v1, v11, v2], plugins: [] });
    expect(withEnds).toEqual(bare);
    expect(bare.steps.map((s) => s.to)).toEqual(['1.1.0', '2.0.0']);
  });

  it('returns an equal copy and no steps when the versions are the same', () => {
    const data = { navn: 'Emil Testesen' };
    const result = migrateSubmission({ data, from: v2, to: v2, chain: [], plugins: [] });
    expect(result).toEqual({ data, steps: [] });
    expect(result.data).not.toBe(data);
  });

  it('treats an empty patch as a declared no-op for a major version', () => {
    const v2same = version('2.0.0', { navn: { type: 'string' } }, [], { from: '1.0.0', patch: [] });
    const result = migrateSubmission({ data: { navn: 'A' }, from: v1, to: v2same, chain: [], plugins: [] });
    expect(result).toEqual({ data: { navn: 'A' }, steps: [{ from: '1.0.0', to: '2.0.0', kind: 'patch' }] });
  });

  it('never mutates the input, also when a plugin edits its argument in place', () => {
    const mutating: SkemaPlugin = {
      name: '@skema/plugin-mutating',
      version: '1.0.0',
      migrations: {
        'testskema-3': (data) => {
          const d = data as Json;
          d.lukket = d.status === 'Lukket';
          delete d.status;
          (d.person as Json).navn = 'ÆNDRET';
          return d;
        },
      },
    };
    const input = deepFreeze({ navn: 'Emil Testesen', status: 'Ny' });
    const before = structuredClone(input);
    const result = migrateSubmission({ data: input, from: v1, to: v3, chain: [v11, v2], plugins: [mutating] });
    expect(input).toEqual(before);
    expect(result.data).toEqual({ person: { navn: 'ÆNDRET' }, lukket: false });
  });

  it('refuses a major version that declares no migration', () => {
    const bare2 = version('2.0.0', { person: PERSON }, ['person']);
    const e = failure(() => migrateSubmission({ data: { navn: 'A' }, from: v1, to: bare2, chain: [], plugins: [] }));
    expect(e.reason).toBe('missing-migration');
    expect(e.message).toContain('testskema 1.0.0 → 2.0.0');
    expect([e.from, e.to]).toEqual(['1.0.0', '2.0.0']);
    // A migration with only "from" migrates nothing either.
    const empty2 = version('2.0.0', { person: PERSON }, ['person'], { from: '1.0.0' });
    expect(reason(() => migrateSubmission({ data: {}, from: v1, to: empty2, chain: [], plugins: [] }))).toBe(
      'missing-migration',
    );
  });

  it('reports a failing patch by operation and path, without the data', () => {
    const e = failure(() =>
      migrateSubmission({ data: { status: 'Ny', telefon: '12345678' }, from: v11, to: v2, chain: [], plugins: [] }),
    );
    expect(e.reason).toBe('patch-failed');
    expect(e.message).toContain('operation 1 (move from /navn path /person/navn)');
    expect(e.message).toContain('"from" location does not exist');
    expect(e.message).not.toContain('12345678');
  });

  it('reports malformed patch operations', () => {
    const bad = version('2.0.0', { navn: { type: 'string' } }, [], {
      from: '1.0.0',
      patch: [{ op: 'rename', path: '/navn' }],
    });
    const e = failure(() => migrateSubmission({ data: { navn: 'A' }, from: v1, to: bad, chain: [], plugins: [] }));
    expect(e.reason).toBe('patch-failed');
    expect(e.message).toContain('operation 0 (rename path /navn)');
  });

  it('reports an unknown, an ambiguous and a failing plugin migration', () => {
    const data = { person: { navn: 'A' }, status: 'Ny' };
    expect(reason(() => migrateSubmission({ data, from: v2, to: v3, chain: [], plugins: [] }))).toBe('unknown-plugin');
    const twin = { ...migrationPlugin, name: '@skema/plugin-twin' };
    expect(
      reason(() => migrateSubmission({ data, from: v2, to: v3, chain: [], plugins: [migrationPlugin, twin] })),
    ).toBe('ambiguous-migration');
    const throwing: SkemaPlugin = {
      name: '@skema/plugin-throwing',
      version: '1.0.0',
      migrations: {
        'testskema-3': (d) => {
          throw new TypeError(`cannot read ${JSON.stringify(d)}`);
        },
      },
    };
    const e = failure(() => migrateSubmission({ data, from: v2, to: v3, chain: [], plugins: [throwing] }));
    expect(e.reason).toBe('plugin-failed');
    expect(e.message).toContain('TypeError');
    expect(e.message).not.toContain('"navn"');
    const silent: SkemaPlugin = {
      name: '@skema/plugin-silent',
      version: '1.0.0',
      migrations: { 'testskema-3': () => undefined },
    };
    expect(
      failure(() => migrateSubmission({ data, from: v2, to: v3, chain: [], plugins: [silent] })).message,
    ).toContain('returned no data');
  });

  it('refuses a migration declared for data of another major version or with both patch and plugin', () => {
    // 2.1.0 copied 2.0.0's manifest, including its migration from 1.0.0.
    const v21 = version('2.1.0', { person: PERSON, status: STATUS }, ['person'], { from: '1.0.0', patch: TO_PERSON });
    expect(
      reason(() => migrateSubmission({ data: { person: { navn: 'A' } }, from: v2, to: v21, chain: [], plugins: [] })),
    ).toBe('wrong-source');
    // Written for 1.1.0 data, so it cannot promise anything for 1.0.0 data.
    const from11 = version('2.0.0', { person: PERSON }, ['person'], { from: '1.1.0', patch: TO_PERSON });
    expect(reason(() => migrateSubmission({ data: { navn: 'A' }, from: v1, to: from11, chain: [], plugins: [] }))).toBe(
      'wrong-source',
    );
    const both = version('2.0.0', { person: PERSON }, ['person'], {
      from: '1.0.0',
      patch: TO_PERSON,
      plugin: 'testskema-3',
    });
    expect(
      reason(() =>
        migrateSubmission({ data: { navn: 'A' }, from: v1, to: both, chain: [], plugins: [migrationPlugin] }),
      ),
    ).toBe('ambiguous-migration');
  });

  it('refuses downgrades and chains out of order or of another form', () => {
    expect(reason(() => migrateSubmission({ data: {}, from: v2, to: v1, chain: [], plugins: [] }))).toBe('downgrade');
    expect(
      reason(() => migrateSubmission({ data: {}, from: v1, to: v3, chain: [v2, v11], plugins: [migrationPlugin] })),
    ).toBe('invalid-chain');
    const other = testForm('1.1.0', (f) => {
      f.manifest.id = 'andet';
    });
    expect(reason(() => migrateSubmission({ data: {}, from: v1, to: v2, chain: [other], plugins: [] }))).toBe(
      'invalid-chain',
    );
  });
});

describe('planMigration', () => {
  const registry = new FormRegistry([v3, v1, v2, v11]);

  it('returns the versions between, oldest first, ready for migrateSubmission', () => {
    const plan = planMigration(registry, 'testskema', '1.0.0', '3.0.0');
    expect([plan.from, plan.to].map((v) => v.manifest.version)).toEqual(['1.0.0', '3.0.0']);
    expect(plan.chain.map((v) => v.manifest.version)).toEqual(['1.1.0', '2.0.0']);
    const result = migrateSubmission({
      data: { navn: 'Emil Testesen', status: 'Ny' },
      plugins: [migrationPlugin],
      ...plan,
    });
    expect(result.data).toEqual({ person: { navn: 'Emil Testesen' }, lukket: false });
  });

  it('resolves "latest" and returns an empty chain for adjacent or equal versions', () => {
    const plan = planMigration(registry, 'testskema', '2.0.0', 'latest');
    expect(plan.to.manifest.version).toBe('3.0.0');
    expect(plan.chain).toEqual([]);
    expect(planMigration(registry, 'testskema', '1.1.0', '1.1.0').chain).toEqual([]);
  });

  it('refuses downgrades and unknown versions', () => {
    expect(reason(() => planMigration(registry, 'testskema', '2.0.0', '1.0.0'))).toBe('downgrade');
    expect(() => planMigration(registry, 'testskema', '1.0.0', '9.0.0')).toThrow(FormNotFoundError);
    expect(() => planMigration(registry, 'ukendt', '1.0.0', '2.0.0')).toThrow(FormNotFoundError);
  });

  it('fails before touching data when a major step in the chain has no migration', () => {
    const broken = new FormRegistry([
      v1,
      version('2.0.0', { person: PERSON }, ['person']),
      version('2.1.0', { person: PERSON }, ['person']),
    ]);
    const e = failure(() => planMigration(broken, 'testskema', '1.0.0', '2.1.0'));
    expect(e.reason).toBe('missing-migration');
    expect([e.from, e.to]).toEqual(['1.0.0', '2.0.0']);
  });
});
