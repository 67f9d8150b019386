import {
  FormRegistry,
  formContentHash,
  SkemaEngine,
  type FormStatus,
  type FormVersion,
  type SkemaPlugin,
} from '@skema/core';
import { standardPlugins } from '@skema/forms';
import { fixturePlugin } from './fixture-plugin.js';

/** A test form over `schema` (with `$schema` and `$id` added), using the fixture plugin unless `plugins` is false. */
export function fixtureForm(
  id: string,
  version: string,
  status: FormStatus,
  schema: Record<string, unknown>,
  plugins = true,
): FormVersion {
  const withoutHash: Omit<FormVersion, 'hash'> = {
    manifest: {
      id,
      version,
      title: { da: `Testskema ${id}`, en: `Test form ${id}` },
      status,
      plugins: plugins ? [{ name: '@skema/plugin-fixture', version: '^1.0.0' }] : [],
      changelog: { da: 'Testversion.', en: 'Test version.' },
    },
    schema: {
      $schema: 'https://json-schema.org/draft/2020-12/schema',
      $id: `https://skema.dk/schemas/${id}/${version}/schema.json`,
      ...schema,
    },
    uischema: { type: 'VerticalLayout', elements: [] },
    i18n: {
      da: { 'navn.label': 'Navn', 'bemaerkning.label': 'Bemærkning' },
      en: { 'navn.label': 'Name', 'bemaerkning.label': 'Remark' },
    },
  };
  return { ...withoutHash, hash: formContentHash(withoutHash) };
}

const fixtureSchema = (extra: Record<string, unknown> = {}) => ({
  type: 'object',
  additionalProperties: false,
  required: ['navn', 'alder'],
  properties: {
    navn: { type: 'string', minLength: 1, title: 'Navn' },
    alder: { type: 'integer', minimum: 0, title: 'Alder' },
    cpr: { type: 'string', pattern: '^[0-9]{6}-?[0-9]{4}$', title: 'CPR-nummer' },
    bemaerkning: { type: 'string', title: 'Bemærkning' },
    moededato: { type: 'string', format: 'date', title: 'Mødedato' },
    ...extra,
  },
});

/**
 * Test forms: `fixture` (1.0.0 and 1.1.0 published, 2.0.0 draft) and minimal `leveranceaftale` and
 * `underretning` stand-ins carrying just the fields the transition guards read.
 */
export function fixtureForms(): FormVersion[] {
  return [
    fixtureForm('fixture', '1.0.0', 'published', fixtureSchema()),
    fixtureForm('fixture', '1.1.0', 'published', fixtureSchema({ telefon: { type: 'string' } })),
    fixtureForm('fixture', '2.0.0', 'draft', fixtureSchema({ ny: { type: 'string' } })),
    fixtureForm(
      'leveranceaftale',
      '1.0.0',
      'published',
      {
        type: 'object',
        additionalProperties: false,
        required: ['formaal'],
        properties: { formaal: { type: 'string', minLength: 1 }, hoejpris: { type: 'boolean' } },
      },
      false,
    ),
    fixtureForm(
      'underretning',
      '1.0.0',
      'published',
      {
        type: 'object',
        additionalProperties: false,
        required: ['iagttagelser'],
        properties: {
          iagttagelser: { type: 'string', minLength: 1 },
          udenMedunderskriftBegrundelse: { type: 'string' },
        },
      },
      false,
    ),
  ];
}

export function fixtureRegistry(): FormRegistry {
  return new FormRegistry(fixtureForms());
}

/**
 * The standard plugins' transition guards and access declarations alone (no rules): the `leveranceaftale` and
 * `underretning` stand-ins get the real guards, contributed the way a plugin contributes them.
 */
export function standardGuardsPlugin(): SkemaPlugin {
  const plugins = standardPlugins();
  return {
    name: '@skema/plugin-fixture-guards',
    version: '1.0.0',
    guards: plugins.flatMap((p) => p.guards ?? []),
    access: plugins.flatMap((p) => p.access ?? []),
  };
}

export function fixtureEngine(): SkemaEngine {
  return new SkemaEngine({ plugins: [fixturePlugin(), standardGuardsPlugin()] });
}

/** A valid submission of `fixture` (fictitious CPR number). */
export function fixtureData(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return { navn: 'Testbarn Hansen', alder: 9, cpr: '010190-1234', moededato: '2026-03-02', ...overrides };
}
