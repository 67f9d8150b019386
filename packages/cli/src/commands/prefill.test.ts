import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Io } from '../io.js';
import { prefillCommand } from './prefill.js';

function io(): { out: string[]; io: Io } {
  const out: string[] = [];
  return { out, io: { out: (s) => void out.push(s), err: (s) => void out.push(s) } };
}

describe('skema prefill', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'skema-prefill-'));
  const caseFile = path.join(dir, 'case.json');
  const notat = path.join(dir, 'notat.json');
  writeFileSync(caseFile, JSON.stringify({ title: 'Asta', borger: { name: 'Asta Jensen', cpr: '010110-1234' } }));
  writeFileSync(
    notat,
    JSON.stringify({
      sag: { ydelse: 'Rådgivningsforløb i en enkeltsag' },
      afklarende: { del2: { maal: ['Asta går i skole'] } },
      udsendelse: { udsendtDato: '2026-03-02' },
    }),
  );

  it('fills the leveranceaftale from the case and the opsamlingsnotat, with provenance', async () => {
    const { out, io: cli } = io();
    const code = await prefillCommand.run(
      ['leveranceaftale', '1.1.0', '--case', caseFile, '--from', `opsamlingsnotat=${notat}`, '--json'],
      cli,
    );
    expect(code).toBe(0);
    const result = JSON.parse(out.join('\n')) as { data: Record<string, unknown>; provenance: Record<string, unknown> };
    expect(result.data).toMatchObject({
      sag: { navn: 'Asta Jensen', cpr: '010110-1234', ydelse: 'Rådgivningsforløb i en enkeltsag' },
      leverancebeskrivelse: { maal: ['Asta går i skole'] },
      tidsplan: { opsamlingsnotatUdsendt: '2026-03-02' },
    });
    expect(result.provenance['/leverancebeskrivelse/maal']).toMatchObject({
      kind: 'submission',
      formId: 'opsamlingsnotat',
      pointer: '/afklarende/del2/maal',
    });
  });

  it('masks the CPR number in its table', async () => {
    const { out, io: cli } = io();
    await prefillCommand.run(['leveranceaftale', '1.1.0', '--case', caseFile], cli);
    expect(out.join('\n')).toContain('010110-XXXX');
    expect(out.join('\n')).not.toContain('1234');
  });
});
