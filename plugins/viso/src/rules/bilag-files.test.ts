import {
  createCaseContext,
  createRuleContext,
  type CaseAttachment,
  type RuleContext,
  type RuleDefinition,
} from '@skema/core';
import { describe, expect, it } from 'vitest';
import { visoMigrations } from '../migrations.js';
import { afgraensningRules } from './henvendelsesskema-afgraensning.js';
import { YDELSE } from './henvendelsesskema-ydelser.js';
import { raadgivningsrapportRules } from './raadgivningsrapport.js';
import { und07AnkestyrelsenContent } from './underretning-ankestyrelsen.js';

/*
 * «Bilag» that reference real files (issue #16): HEN-22, RAP-05 and UND-07 check the references
 * against the attachments stored for the submission (`ctx.attachments`) and its case
 * (`ctx.case.attachments`). Each rule: the right file, an id that does not exist, another case's
 * or tenant's file (not among the ones the context lists: the same answer), a different file under
 * the same id, and loose data (could not check).
 */

type Data = Record<string, unknown>;
const sha = (c: string) => c.repeat(64);
const file = (id: string, fileName: string, c = 'a'): CaseAttachment => ({
  id,
  fileName,
  mediaType: 'application/pdf',
  size: 1000,
  sha256: sha(c),
});
const ref = (a: CaseAttachment) => ({
  id: a.id,
  fileName: a.fileName,
  mediaType: a.mediaType,
  size: a.size,
  sha256: a.sha256,
});

const ctxFor = (formId: string, version: string, extra: Partial<RuleContext> = {}) =>
  createRuleContext({ formId, version, today: '2026-06-01', ...extra });
const byId = (rules: readonly RuleDefinition[], id: string): RuleDefinition => {
  const r = rules.find((x) => x.id === id);
  if (!r) throw new Error(`missing rule ${id}`);
  return r;
};

const udredning = file('f-udredning', 'demensudredning-2026.pdf');
const status = file('f-status', 'status-laerkehuset.pdf', 'b');
/** Stored for another case of the same tenant, or by another tenant: never in this context's lists. */
const elsewhere = file('f-anden-sag', 'ppv-andet-barn.pdf', 'c');

describe('HEN-22 attachments are real files (henvendelsesskema 1.2.0)', () => {
  const hen22 = byId(afgraensningRules, 'HEN-22');
  const mini = (bilag: unknown[]): Data => ({
    ydelse: YDELSE.miniEnkeltsag,
    oplysningshjul: { arbejdetIndtilNu: 'Bostedet har afprøvet struktur og piktogrammer.' },
    bilag,
  });
  const both = () =>
    mini([
      { type: 'seneste udredninger', vedhaeftning: ref(udredning) },
      { type: 'status fra indsatser', vedhaeftning: ref(status) },
    ]);
  const run = (data: Data, extra: Partial<RuleContext> = {}, version = '1.2.0') =>
    hen22.check(data, ctxFor('henvendelsesskema', version, extra));

  it('HEN-22 accepts the required bilag as the submission’s stored files', () => {
    expect(run(both(), { attachments: [udredning, status] })).toEqual([]);
  });

  it('HEN-22 accepts a file stored for the case', () => {
    const inCase = createCaseContext('sag-1', [], [status]);
    expect(run(both(), { attachments: [udredning], case: inCase })).toEqual([]);
  });

  it('HEN-22 refuses an id that does not exist', () => {
    const data = mini([
      { type: 'seneste udredninger', vedhaeftning: { id: 'findes-ikke', fileName: 'x.pdf' } },
      { type: 'status fra indsatser', vedhaeftning: ref(status) },
    ]);
    const findings = run(data, { attachments: [udredning, status] });
    expect(findings.map((f) => f.path)).toEqual(['/bilag/0/vedhaeftning']);
    expect(findings[0]!.unchecked).toBeUndefined();
  });

  it('HEN-22 refuses another case’s or tenant’s attachment id', () => {
    const data = mini([
      { type: 'seneste udredninger', vedhaeftning: ref(elsewhere) },
      { type: 'status fra indsatser', vedhaeftning: ref(status) },
    ]);
    const inCase = createCaseContext('sag-1', [], [status]);
    expect(run(data, { attachments: [], case: inCase }).map((f) => f.path)).toEqual(['/bilag/0/vedhaeftning']);
  });

  it('HEN-22 refuses a reference whose SHA-256 or file name differs from the stored file', () => {
    const data = mini([
      { type: 'seneste udredninger', vedhaeftning: { ...ref(udredning), sha256: sha('f') } },
      { type: 'status fra indsatser', vedhaeftning: { ...ref(status), fileName: 'andet.pdf' } },
    ]);
    expect(run(data, { attachments: [udredning, status] }).map((f) => f.path)).toEqual([
      '/bilag/0/vedhaeftning',
      '/bilag/1/vedhaeftning',
    ]);
  });

  it('HEN-22 does not count a typed file name (not verified) as a file', () => {
    const data = mini([
      { type: 'seneste udredninger', tidligereFilnavn: 'demensudredning-2026.pdf' },
      { type: 'status fra indsatser', vedhaeftning: ref(status) },
    ]);
    expect(run(data, { attachments: [status] }).map((f) => f.path)).toEqual(['/bilag/0']);
  });

  it('HEN-22 reports a bilag without any file, whatever the ydelse', () => {
    const data = { ...mini([{ type: 'PPV' }]), ydelse: YDELSE.enkeltsag };
    expect(run(data, { attachments: [] }).map((f) => f.path)).toEqual(['/bilag/0']);
  });

  it('HEN-22 says it could not check loose data (no stored submission)', () => {
    const findings = run(both());
    expect(findings.map((f) => [f.path, f.unchecked])).toEqual([
      ['/bilag/0/vedhaeftning', true],
      ['/bilag/1/vedhaeftning', true],
    ]);
  });

  it('HEN-22 judges versions before 1.2.0 by the bilag types only', () => {
    const data = mini([
      { type: 'seneste udredninger', fil: 'a.pdf' },
      { type: 'status fra indsatser', fil: 'b.pdf' },
    ]);
    expect(run(data, {}, '1.1.1')).toEqual([]);
  });
});

describe('RAP-05 the udredningsrapport is attached as a stored file (raadgivningsrapport 1.1.0)', () => {
  const rap05 = byId(raadgivningsrapportRules, 'RAP-05');
  const report = file('f-rapport', 'udredningsrapport-emil.pdf');
  const data = (vedhaeftning?: unknown): Data => ({
    rapporttype: 'Rådgivningsrapport',
    udredningGennemfoert: true,
    bilag: [{ type: 'Udredningsrapport', titel: 'Udredningsrapport', ...(vedhaeftning ? { vedhaeftning } : {}) }],
  });
  const run = (d: Data, extra: Partial<RuleContext> = {}, version = '1.1.0') =>
    rap05.check(d, ctxFor('raadgivningsrapport', version, extra));

  it('RAP-05 accepts the report stored for the case', () => {
    expect(run(data(ref(report)), { attachments: [], case: createCaseContext('sag-1', [], [report]) })).toEqual([]);
  });

  it('RAP-05 refuses an unknown id and another case’s file', () => {
    expect(run(data({ id: 'findes-ikke', fileName: 'x.pdf' }), { attachments: [report] }).map((f) => f.path)).toEqual([
      '/bilag/0/vedhaeftning',
    ]);
    expect(run(data(ref(elsewhere)), { attachments: [report] }).map((f) => f.path)).toEqual(['/bilag/0/vedhaeftning']);
  });

  it('RAP-05 refuses a report only named, not attached', () => {
    expect(run(data(), { attachments: [report] }).map((f) => f.path)).toEqual(['/bilag/0']);
    expect(run(data(), { attachments: [report] }, '1.0.2')).toEqual([]);
  });

  it('RAP-05 says it could not check loose data', () => {
    expect(run(data(ref(report))).map((f) => f.unchecked)).toEqual([true]);
  });
});

describe('UND-07 the correspondence is enclosed as stored files (underretning 1.2.0)', () => {
  const letter = file('f-brev', 'underretning-til-kommunen.pdf');
  const ast = (korrespondance: unknown[], barn: Data = { navn: 'Emil Testesen', cpr: '010118-9901' }): Data => ({
    type: 'Underretning til Ankestyrelsen',
    barn,
    visosKendskabOgInvolvering: 'VISO har rådgivet kommunen siden januar.',
    korrespondance,
  });
  const run = (d: Data, extra: Partial<RuleContext> = {}, version = '1.2.0') =>
    und07AnkestyrelsenContent.check(d, ctxFor('underretning', version, extra));

  it('UND-07 accepts a letter stored for the notification', () => {
    expect(
      run(ast([{ dato: '2026-04-21', beskrivelse: 'Underretning til kommunen', vedhaeftning: ref(letter) }]), {
        attachments: [letter],
      }),
    ).toEqual([]);
  });

  it('UND-07 reports an unknown id, another case’s file and correspondence without files', () => {
    expect(
      run(ast([{ beskrivelse: 'b', vedhaeftning: { id: 'nej', fileName: 'x.pdf' } }]), { attachments: [letter] }).map(
        (f) => f.path,
      ),
    ).toEqual(['/korrespondance/0/vedhaeftning']);
    expect(
      run(ast([{ beskrivelse: 'b', vedhaeftning: ref(elsewhere) }]), { attachments: [letter] }).map((f) => f.path),
    ).toEqual(['/korrespondance/0/vedhaeftning']);
    expect(run(ast([{ beskrivelse: 'b' }]), { attachments: [letter] }).map((f) => f.path)).toEqual([
      '/korrespondance/0',
    ]);
  });

  it('UND-07 says it could not check loose data', () => {
    expect(run(ast([{ beskrivelse: 'b', vedhaeftning: ref(letter) }])).map((f) => f.unchecked)).toEqual([true]);
  });

  it('UND-07 accepts «Intet CPR-nummer» with a birth date instead of the child’s CPR number', () => {
    const letterRow = { beskrivelse: 'b', vedhaeftning: ref(letter) };
    expect(
      run(ast([letterRow], { navn: 'Baby Testesen', intetCprNummer: true, foedselsdato: '2026-02-14' }), {
        attachments: [letter],
      }),
    ).toEqual([]);
    expect(
      run(ast([letterRow], { navn: 'Baby Testesen', intetCprNummer: true }), { attachments: [letter] }).map(
        (f) => f.path,
      ),
    ).toEqual(['/barn/foedselsdato']);
    expect(run(ast([letterRow], { navn: 'Baby Testesen' }), { attachments: [letter] }).map((f) => f.path)).toEqual([
      '/barn/cpr',
    ]);
    expect(
      run(ast([letterRow], { navn: 'Baby', cpr: '010118-9901', intetCprNummer: true, foedselsdato: '2018-01-01' }), {
        attachments: [letter],
      }).map((f) => f.path),
    ).toEqual(['/barn/intetCprNummer']);
  });
});

describe('RAP-06 «Intet CPR-nummer» with a birth date', () => {
  const rap06 = byId(raadgivningsrapportRules, 'RAP-06');
  const run = (borger: Data) =>
    rap06
      .check({ sag: { ydelse: YDELSE.enkeltsag, borgere: [borger] } }, ctxFor('raadgivningsrapport', '1.1.0'))
      .map((f) => f.path);

  it('RAP-06 accepts a child without a CPR number identified by the birth date', () => {
    expect(run({ navn: 'Baby', intetCprNummer: true, foedselsdato: '2025-11-20' })).toEqual([]);
  });

  it('RAP-06 wants the birth date, and not both a CPR number and «Intet CPR-nummer»', () => {
    expect(run({ navn: 'Baby', intetCprNummer: true })).toEqual(['/sag/borgere/0/foedselsdato']);
    expect(run({ navn: 'Baby', cpr: '120514-9911', intetCprNummer: true })).toEqual(['/sag/borgere/0/intetCprNummer']);
    expect(run({ navn: 'Baby' })).toEqual(['/sag/borgere/0/cpr']);
  });
});

describe('henvendelsesskema 1.1.x → 1.2.0 migration (bilag-filnavne)', () => {
  const migrate = visoMigrations()['henvendelsesskema/bilag-filnavne']!;

  it('keeps a typed file name as unverified text and leaves other data alone', () => {
    const before = { ydelse: 'x', bilag: [{ type: 'PPV', fil: 'ppv.pdf', beskrivelse: 'b' }, { type: 'WISC' }] };
    const after = migrate(before);
    expect(after).toEqual({
      ydelse: 'x',
      bilag: [{ type: 'PPV', tidligereFilnavn: 'ppv.pdf', beskrivelse: 'b' }, { type: 'WISC' }],
    });
    expect(before.bilag[0]).toHaveProperty('fil', 'ppv.pdf');
    expect(migrate({ ydelse: 'x' })).toEqual({ ydelse: 'x' });
  });

  it('refuses to overwrite an unverified name already there', () => {
    expect(() => migrate({ bilag: [{ fil: 'a.pdf', tidligereFilnavn: 'b.pdf' }] })).toThrow('target-occupied');
  });
});
