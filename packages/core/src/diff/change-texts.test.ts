import { describe, expect, it } from 'vitest';
import { diffFormVersions } from './form-diff.js';
import { diffSchemas } from './schema-diff.js';
import { testForm } from './test-forms.js';
import type { ChangeKind, SchemaChange } from './types.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the cases edit schema fixtures in place at any depth
type Schema = Record<string, any>;

const base: Schema = {
  type: 'object',
  properties: {
    navn: { type: 'string', minLength: 1, title: 'Navn' },
    alder: { type: 'number', maximum: 120 },
    status: { type: 'string', enum: ['Ny', 'Afsluttet'] },
    land: { const: 'DK' },
    svar: { anyOf: [{ type: 'string' }, { type: 'integer' }] },
    sted: { $ref: 'https://example.org/sted.json' },
  },
  required: ['navn'],
  if: { properties: { status: { const: 'Ny' } } },
  then: { required: ['alder'] },
};

function schemaChanges(edit: (s: Schema) => void): SchemaChange[] {
  const copy = structuredClone(base);
  edit(copy);
  return diffSchemas(base, copy);
}

/** The only change of `kind`, with its texts. */
function only(changes: SchemaChange[], kind: ChangeKind): Pick<SchemaChange, 'path' | 'level' | 'messages'> {
  const found = changes.filter((c) => c.kind === kind);
  expect(found).toHaveLength(1);
  const { path, level, messages } = found[0]!;
  return { path, level, messages };
}

describe('texts of schema changes', () => {
  it.each<[string, (s: Schema) => void, ChangeKind, string, string]>([
    [
      'a removed field',
      (s) => delete s.properties.alder,
      'property-removed',
      'feltet "alder" er fjernet',
      'property "alder" removed',
    ],
    [
      'a renamed field',
      (s) => {
        s.properties.foedt = s.properties.alder;
        delete s.properties.alder;
      },
      'property-renamed',
      'feltet "alder" er omdøbt til "foedt" (fjernet og tilføjet med samme skema)',
      'property "alder" removed and "foedt" added with the same schema (renamed)',
    ],
    [
      'a new optional field',
      (s) => (s.properties.hvemKanGoereHvad = { type: 'string' }),
      'property-added',
      'nyt valgfrit felt "hvemKanGoereHvad"',
      'new optional property "hvemKanGoereHvad"',
    ],
    [
      'a new required field',
      (s) => {
        s.properties.sag = { type: 'string' };
        s.required.push('sag');
      },
      'property-added',
      'nyt påkrævet felt "sag"',
      'new required property "sag"',
    ],
    [
      'a field made required',
      (s) => s.required.push('status'),
      'required-added',
      'feltet "status" er blevet påkrævet',
      '"status" is now required',
    ],
    [
      'a field made optional',
      (s) => (s.required = []),
      'required-removed',
      'feltet "navn" er ikke længere påkrævet',
      '"navn" is no longer required',
    ],
    [
      'a narrowed type',
      (s) => (s.properties.alder.type = 'integer'),
      'type-narrowed',
      'typen er indsnævret fra tal til heltal',
      'type narrowed from number to integer',
    ],
    [
      'a changed type',
      (s) => (s.properties.navn.type = 'boolean'),
      'type-narrowed',
      'typen er ændret fra tekst til ja/nej',
      'type changed from string to boolean',
    ],
    [
      'a widened type',
      (s) => (s.properties.navn.type = ['string', 'null']),
      'type-widened',
      'typen er udvidet fra tekst til tekst eller null',
      'type widened from string to string|null',
    ],
    [
      'removed allowed values',
      (s) => (s.properties.status.enum = ['Ny']),
      'enum-narrowed',
      'tilladte værdier fjernet: "Afsluttet"',
      'enum values removed: "Afsluttet"',
    ],
    [
      'added allowed values',
      (s) => s.properties.status.enum.push('Henlagt'),
      'enum-widened',
      'tilladte værdier tilføjet: "Henlagt"',
      'enum values added: "Henlagt"',
    ],
    [
      'a changed fixed value',
      (s) => (s.properties.land.const = 'GL'),
      'const-changed',
      'den faste værdi (const) er ændret fra "DK" til "GL"',
      'const changed from "DK" to "GL"',
    ],
    [
      'a raised lower bound',
      (s) => (s.properties.navn.minLength = 3),
      'constraint-tightened',
      'mindste længde (minLength) hævet fra 1 til 3',
      'minLength raised from 1 to 3',
    ],
    [
      'a raised upper bound',
      (s) => (s.properties.alder.maximum = 130),
      'constraint-relaxed',
      'højeste værdi (maximum) hævet fra 120 til 130',
      'maximum raised from 120 to 130',
    ],
    [
      'a new pattern',
      (s) => (s.properties.navn.pattern = '^[A-Å]'),
      'constraint-tightened',
      'mønster (pattern) "^[A-Å]" tilføjet',
      'pattern "^[A-Å]" added',
    ],
    [
      'a closed object',
      (s) => (s.additionalProperties = false),
      'additional-properties-closed',
      'additionalProperties: false tilføjet: ukendte felter afvises',
      'additionalProperties: false added: unknown properties are refused',
    ],
    [
      'a removed alternative',
      (s) => s.properties.svar.anyOf.pop(),
      'subschema-removed',
      'alternativ i anyOf fjernet',
      'anyOf alternative removed',
    ],
    [
      'an added alternative',
      (s) => s.properties.svar.anyOf.push({ type: 'boolean' }),
      'subschema-added',
      'alternativ i anyOf tilføjet',
      'anyOf alternative added',
    ],
    [
      'a changed condition',
      (s) => (s.if.properties.status.const = 'Afsluttet'),
      'condition-changed',
      'betingelsen (if) er ændret (#/if/properties/status: den faste værdi (const) er ændret fra "Ny" til "Afsluttet"); data kan nu blive bedømt anderledes',
      'condition (if) changed (#/if/properties/status: const changed from "Ny" to "Afsluttet"); data may now be judged differently',
    ],
    [
      'a changed unresolvable reference',
      (s) => (s.properties.sted.$ref = 'https://example.org/sted2.json'),
      'ref-changed',
      'en reference, der ikke kan følges ($ref), er ændret fra "https://example.org/sted.json" til "https://example.org/sted2.json"',
      'unresolvable $ref changed from "https://example.org/sted.json" to "https://example.org/sted2.json"',
    ],
    [
      'an unknown keyword',
      (s) => (s.properties.navn.maskering = true),
      'keyword-changed',
      'nøgleordet "maskering" er ændret; ukendte nøgleord regnes som brydende ændringer',
      'keyword "maskering" changed; unknown keywords are treated as breaking',
    ],
    [
      'a changed title',
      (s) => (s.properties.navn.title = 'Fulde navn'),
      'annotation-changed',
      'titel (title) ændret',
      'title changed',
    ],
  ])('%s', (_what, edit, kind, da, en) => {
    const change = only(schemaChanges(edit), kind);
    expect(change.messages).toEqual({ da, en });
  });

  it('keeps `message` as the English text and never leaves a Danish text in English', () => {
    const changes = schemaChanges((s) => {
      delete s.properties.alder;
      s.properties.status.enum = ['Ny', 'Henlagt'];
      s.properties.navn.minLength = 0;
      s.additionalProperties = false;
    });
    expect(changes.length).toBeGreaterThan(3);
    for (const c of changes) {
      expect(c.message).toBe(c.messages.en);
      expect(c.messages.da).not.toBe(c.messages.en);
    }
  });

  it('translates type names but never reads them from the prototype of a lookup', () => {
    const change = only(diffSchemas({ type: 'string' }, { type: ['string', 'constructor'] }), 'type-widened');
    expect(change.messages.da).toBe('typen er udvidet fra tekst til tekst eller constructor');
  });
});

describe('texts of content changes', () => {
  const prev = testForm('1.0.0');

  it('names texts and examples, counting the rest beyond eight', () => {
    const next = testForm('1.0.1', (f) => {
      for (let i = 1; i <= 10; i++) f.i18n.da[`ny${i}`] = `Ny ${i}`;
      f.i18n.da['navn.label'] = 'Fulde navn';
      f.examples!.valid = [];
    });
    const changes = diffFormVersions(prev, next).changes;
    expect(only(changes, 'text-changed').messages).toEqual({
      da: 'tekster tilføjet: ny1, ny2, ny3, ny4, ny5, ny6, ny7, ny8 og 2 flere; ændret: navn.label',
      en: 'texts added ny1, ny2, ny3, ny4, ny5, ny6, ny7, ny8 and 2 more; changed navn.label',
    });
    expect(only(changes, 'example-changed')).toEqual({
      path: 'examples/valid',
      level: 'patch',
      messages: { da: 'eksempler fjernet: simpel', en: 'examples removed simpel' },
    });
  });

  it('describes the UI schema and the manifest', () => {
    const next = testForm('1.0.1', (f) => {
      f.uischema.elements = [{ type: 'Control', scope: '#/properties/navn', options: { focus: true } }];
      f.manifest.changelog = { da: 'Rettet.', en: 'Fixed.' };
    });
    const changes = diffFormVersions(prev, next).changes;
    expect(only(changes, 'uischema-changed').messages).toEqual({
      da: 'visningen (UI-skemaet) er ændret ved /elements/0/options',
      en: 'UI schema changed at /elements/0/options',
    });
    expect(only(changes, 'manifest-changed').messages).toEqual({
      da: 'ændringsloggen er ændret',
      en: 'changelog changed',
    });
  });

  it('describes added, removed and changed plugins', () => {
    const added = diffFormVersions(
      prev,
      testForm('2.0.0', (f) => f.manifest.plugins.push({ name: '@skema/plugin-viso', version: '^1.0.0' })),
    ).changes;
    expect(only(added, 'plugin-added').messages.da).toBe(
      'udvidelsen (plugin) @skema/plugin-viso er tilføjet: dens regler og formater kan afvise data, der før blev godkendt',
    );
    const removed = diffFormVersions(
      prev,
      testForm('1.1.0', (f) => (f.manifest.plugins = [])),
    ).changes;
    expect(only(removed, 'plugin-removed').messages).toEqual({
      da: 'udvidelsen (plugin) @skema/plugin-dk er fjernet: dens regler gælder ikke længere',
      en: 'plugin @skema/plugin-dk removed: its rules no longer apply',
    });
    const major = diffFormVersions(
      prev,
      testForm('2.0.0', (f) => (f.manifest.plugins[0]!.version = '^2.0.0')),
    ).changes;
    expect(only(major, 'plugin-changed').messages).toEqual({
      da: 'versionskravet til udvidelsen @skema/plugin-dk er ændret fra ^1.0.0 til ^2.0.0 (en ny hovedversion af udvidelsen)',
      en: 'plugin @skema/plugin-dk range ^1.0.0 → ^2.0.0 (new major version of the plugin)',
    });
  });

  it('describes rule options, with severities in Danish words', () => {
    const withOptions = (options: Record<string, Record<string, unknown>>) =>
      testForm('1.0.0', (f) => (f.manifest.ruleOptions = options));
    const raised = diffFormVersions(
      withOptions({ 'AFT-02': { severity: 'warning' } }),
      withOptions({ 'AFT-02': { severity: 'error' } }),
    ).changes;
    expect(only(raised, 'rule-option-changed')).toEqual({
      path: 'form.json#/ruleOptions/AFT-02/severity',
      level: 'major',
      messages: {
        da: 'AFT-02: alvorlighed advarsel → fejl: reglen er nu en fejl og kan afvise data, der før blev godkendt',
        en: 'AFT-02 severity "warning" → "error": raised to an error, it may refuse data that passed before',
      },
    });
    const lowered = diffFormVersions(withOptions({ 'AFT-02': { severity: 'error' } }), withOptions({})).changes;
    expect(only(lowered, 'rule-option-changed').messages).toEqual({
      da: 'AFT-02: sænket fra fejl til (standard)',
      en: 'AFT-02 lowered from error to (default)',
    });
    const option = diffFormVersions(
      withOptions({ 'AFT-03': { maxDage: 10 } }),
      withOptions({ 'AFT-03': { maxDage: 5 } }),
    ).changes;
    expect(only(option, 'rule-option-changed').messages).toEqual({
      da: 'AFT-03: indstillingen maxDage 10 → 5; en ændret indstilling kan gøre reglen strengere',
      en: 'AFT-03 option maxDage 10 → 5; a rule option may make the rule stricter',
    });
  });
});
