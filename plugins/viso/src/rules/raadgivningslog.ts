import {
  arrayAt,
  isFilled,
  isIsoDate,
  pointer,
  stringAt,
  valueAt,
  type DeadlineDefinition,
  type DeadlineFinding,
  type LocalizedText,
  type RuleDefinition,
  type RuleFinding,
} from '@skema/core';
import {
  allJointMeetings,
  forankringMeetings,
  forloebMeetings,
  INDDRAGELSE_ROW,
  isHeld,
  TOVHOLDER_ROW,
  type LogMeeting,
} from './raadgivningslog-meetings.js';

const FORM = ['raadgivningslog'] as const;

const OVERORDNET = '/maal/overordnetMaal';

const LOG_03: RuleDefinition = {
  id: 'LOG-03',
  severity: 'error',
  appliesTo: FORM,
  description: {
    da: 'Det overordnede mål skal være udfyldt, når det afklarende møde er holdt. Justeringer tilføjes som ny version med dato, så historikken bevares.',
    en: 'The overall goal is required once the clarifying meeting has been held. Adjustments are added as a new dated version so the history is kept.',
  },
  source:
    '000 «Udfyldes på/efter det afklarende møde – og justeres evt. undervejs om nødvendigt. Dato for evt. justering noteres»',
  judgedDate: { kind: 'today' },
  message: {
    da: '«{label}» skal udfyldes, når det afklarende møde er holdt.',
    en: '"{label}" is required once the clarifying meeting has been held.',
  },
  check(data, ctx) {
    const findings: RuleFinding[] = [];
    const versions = arrayAt(data, OVERORDNET);
    const afklarende = forloebMeetings(data).find((m) => m.kind === 'afklarende');
    const held = afklarende !== undefined && isHeld(afklarende, ctx.today);
    if (held && !versions.some((v) => isFilled(valueAt(v, '/tekst')))) findings.push({ path: OVERORDNET });
    versions.forEach((v, i) => {
      if (!isFilled(valueAt(v, '/tekst'))) {
        findings.push({
          path: pointer('maal', 'overordnetMaal', i, 'tekst'),
          message: {
            da: 'Hver version af det overordnede mål skal have en tekst.',
            en: 'Every version of the overall goal needs a text.',
          },
        });
      }
      // The first formulation dates from the afklarende møde; every later one is a dated adjustment.
      if (i > 0 && !isIsoDate(valueAt(v, '/dato'))) {
        findings.push({
          path: pointer('maal', 'overordnetMaal', i, 'dato'),
          message: {
            da: 'En justering af det overordnede mål skal have en dato.',
            en: 'An adjustment of the overall goal must carry a date.',
          },
        });
      }
    });
    return findings;
  },
};

/** Where the delmål for the period after a held meeting are written (the goal table's columns). */
function delmaalTarget(data: unknown, m: LogMeeting): { path: string; periode: LocalizedText } {
  const count = arrayAt(data, '/moeder/arbejdsmoeder').length;
  const nextWorking = m.kind === 'afklarende' ? 1 : m.kind === 'arbejdsmoede' ? m.nr + 1 : undefined;
  if (m.kind === 'afsluttende') {
    return {
      path: '/maal/delmaal/efterForloebet',
      periode: { da: 'efter VISO-rådgivningsforløbet', en: 'after the VISO advisory course' },
    };
  }
  if (nextWorking !== undefined && nextWorking <= count) {
    const list = arrayAt(data, '/maal/delmaal/fremTilArbejdsmoeder');
    // Point at the cell when it exists, else at the column so the form can show where to add it.
    const path =
      nextWorking - 1 < list.length
        ? pointer('maal', 'delmaal', 'fremTilArbejdsmoeder', nextWorking - 1)
        : '/maal/delmaal/fremTilArbejdsmoeder';
    return {
      path,
      periode: { da: `frem til ${nextWorking}. arbejdsmøde`, en: `up to working meeting ${nextWorking}` },
    };
  }
  return {
    path: '/maal/delmaal/fremTilAfsluttendeMoede',
    periode: { da: 'frem til det afsluttende møde', en: 'up to the closing meeting' },
  };
}

const LOG_04: RuleDefinition = {
  id: 'LOG-04',
  severity: 'error',
  appliesTo: FORM,
  description: {
    da: 'Efter hvert fælles møde skal delmålene for perioden frem til næste møde være udfyldt, så alle ved, hvad der arbejdes med.',
    en: 'After each joint meeting the sub-goals for the period up to the next meeting must be filled in, so everyone knows what to work on.',
  },
  source:
    '000 «Udfyldes som opsamling på/efter hvert møde, så alle ved hvilke delmål, der skal arbejdes med frem mod næste møde»',
  judgedDate: { kind: 'today' },
  message: {
    da: 'Delmålene {periode} skal udfyldes, fordi {moede} er holdt.',
    en: 'The sub-goals {periode} must be filled in because {moede} has been held.',
  },
  check(data, ctx) {
    const findings: RuleFinding[] = [];
    for (const m of forloebMeetings(data)) {
      if (!isHeld(m, ctx.today)) continue;
      const target = delmaalTarget(data, m);
      const value = valueAt(data, target.path);
      if (isFilled(value) && !Array.isArray(value)) continue;
      findings.push({
        path: target.path,
        message: {
          da: `Delmålene ${target.periode.da} skal udfyldes, fordi ${m.name.da} er holdt.`,
          en: `The sub-goals ${target.periode.en} must be filled in because ${m.name.en} has been held.`,
        },
      });
    }
    return findings;
  },
};

function matrixRows(data: unknown): Array<{ row: unknown; index: number; rolle: string | undefined }> {
  return arrayAt(data, '/rolleOgOpgavefordeling').map((row, index) => ({ row, index, rolle: stringAt(row, '/rolle') }));
}

function hasAgreement(row: unknown): boolean {
  const aftaler = valueAt(row, '/aftaler');
  if (typeof aftaler !== 'object' || aftaler === null) return false;
  return Object.values(aftaler).some((v) => (Array.isArray(v) ? v.some(isFilled) : isFilled(v)));
}

const LOG_05: RuleDefinition = {
  id: 'LOG-05',
  severity: 'error',
  appliesTo: FORM,
  description: {
    da: 'Loggen skal beskrive, hvordan barnets/den unges perspektiv inddrages systematisk, og rolle- og opgavefordelingen skal have rækken «Inddragelse af barnet/den unge» med hvem der gør hvad.',
    en: 'The log must describe how the child\'s perspective is brought in systematically, and the role matrix must have the row "Inddragelse af barnet/den unge" saying who does what.',
  },
  source: '000 «Hvem skal gøre hvad herunder hvordan inddrages barnet og af hvem?»',
  message: { da: '«{label}» skal udfyldes.', en: '"{label}" is required.' },
  check(data) {
    const findings: RuleFinding[] = [];
    if (!isFilled(valueAt(data, '/inddragelseAfBarnet'))) findings.push({ path: '/inddragelseAfBarnet' });
    const rows = matrixRows(data).filter((r) => r.rolle === INDDRAGELSE_ROW);
    if (rows.length === 0) {
      findings.push({
        path: '/rolleOgOpgavefordeling',
        message: {
          da: `Rolle- og opgavefordelingen skal have rækken «${INDDRAGELSE_ROW}» (hvem gør hvad?).`,
          en: `The role and task matrix must have the row "${INDDRAGELSE_ROW}" (who does what?).`,
        },
      });
    } else if (!rows.some((r) => hasAgreement(r.row))) {
      const first = rows[0]!;
      findings.push({
        path: pointer('rolleOgOpgavefordeling', first.index, 'aftaler'),
        message: {
          da: `Rækken «${INDDRAGELSE_ROW}» skal beskrive, hvem der gør hvad, i mindst én periode.`,
          en: `The row "${INDDRAGELSE_ROW}" must say who does what for at least one period.`,
        },
      });
    }
    return findings;
  },
};

const LOG_06: RuleDefinition = {
  id: 'LOG-06',
  severity: 'error',
  appliesTo: FORM,
  description: {
    da: 'Når det afsluttende møde er holdt, skal der være navngivet en tovholder for arbejdsmøder undervejs/efter VISO-forløbet.',
    en: 'Once the closing meeting has been held, a named coordinator for working meetings during/after the VISO course is required.',
  },
  source: '000 «aftaler om tovholder for samarbejdsmøder under og/eller efter rådgivningsforløbet» (d)',
  judgedDate: { kind: 'today' },
  message: {
    da: `Rækken «${TOVHOLDER_ROW}» skal have et navn, senest når det afsluttende møde holdes.`,
    en: `The row "${TOVHOLDER_ROW}" needs a name by the time the closing meeting is held.`,
  },
  check(data, ctx) {
    const afsluttende = forloebMeetings(data).find((m) => m.kind === 'afsluttende');
    if (!afsluttende || !isHeld(afsluttende, ctx.today)) return [];
    const rows = matrixRows(data).filter((r) => r.rolle === TOVHOLDER_ROW);
    if (rows.some((r) => arrayAt(r.row, '/navne').some(isFilled))) return [];
    const first = rows[0];
    return [{ path: first ? pointer('rolleOgOpgavefordeling', first.index, 'navne') : '/rolleOgOpgavefordeling' }];
  },
};

const SUMMARY_PARTS = [
  { key: 'opsamlingSidenSidst', da: '1. Opsamling siden sidst', en: '1. Follow-up since last time', first: false },
  { key: 'evalueringAfDelmaal', da: '2. Evaluering af delmål', en: '2. Evaluation of sub-goals', first: false },
  {
    key: 'delmaalKommendePeriode',
    da: '3. Delmål for kommende periode',
    en: '3. Sub-goals for the coming period',
    first: true,
  },
] as const;

const LOG_07: RuleDefinition = {
  id: 'LOG-07',
  severity: 'warning',
  appliesTo: FORM,
  description: {
    da: 'Opsamlingen fra et fælles møde bør komme rundt om dagsordenens tre punkter. Ved det afklarende møde er der endnu intet at samle op på eller evaluere, så kun punkt 3 forventes.',
    en: 'The summary of a joint meeting should cover the three agenda items. At the clarifying meeting there is nothing yet to follow up or evaluate, so only item 3 is expected.',
  },
  source: '000 «På møder for alle involverede forventes det at komme rundt om følgende punkter»',
  message: {
    da: 'Opsamlingen mangler punktet «{punkt}».',
    en: 'The summary lacks the item "{punkt}".',
  },
  check(data) {
    const findings: RuleFinding[] = [];
    arrayAt(data, '/moedeopsamlinger').forEach((summary, i) => {
      const afklarende = stringAt(summary, '/moede') === 'Afklarende møde';
      for (const part of SUMMARY_PARTS) {
        if (afklarende && !part.first) continue;
        if (isFilled(valueAt(summary, `/${part.key}`))) continue;
        findings.push({
          path: pointer('moedeopsamlinger', i, part.key),
          message: { da: `Opsamlingen mangler punktet «${part.da}».`, en: `The summary lacks the item "${part.en}".` },
        });
      }
    });
    return findings;
  },
};

const LOG_08: RuleDefinition = {
  id: 'LOG-08',
  severity: 'error',
  appliesTo: FORM,
  description: {
    da: 'Mødedatoerne skal ligge i rækkefølge: afklarende møde, arbejdsmøderne, afsluttende møde og derefter eventuelle forankringsmøder.',
    en: 'Meeting dates must be in order: clarifying meeting, the working meetings, closing meeting, then any anchoring meetings.',
  },
  source: '000 «Overblik over møder og aktiviteter i rådgivningsforløbet» (d)',
  message: {
    da: 'Datoen for {moede} skal ligge efter {forrige}.',
    en: 'The date of {moede} must be after {forrige}.',
  },
  check(data) {
    const findings: RuleFinding[] = [];
    let previous: LogMeeting | undefined;
    for (const m of forloebMeetings(data)) {
      if (!m.dato) continue;
      if (previous?.dato && m.dato <= previous.dato) {
        findings.push({
          path: `${m.path}/dato`,
          params: { moede: m.name.da, forrige: previous.name.da },
          message: order(m, previous, 'after'),
        });
      }
      previous = m;
    }
    // A forankringsmøde may fall on the day of the afsluttende møde (001 §5.4.1: same date by default).
    for (const m of forankringMeetings(data)) {
      if (m.dato && previous?.dato && m.dato < previous.dato) {
        findings.push({
          path: `${m.path}/dato`,
          params: { moede: m.name.da, forrige: previous.name.da },
          message: order(m, previous, 'notBefore'),
        });
      }
    }
    return findings;
  },
};

function order(m: LogMeeting, previous: LogMeeting, kind: 'after' | 'notBefore'): LocalizedText {
  return kind === 'after'
    ? {
        da: `Datoen for ${m.name.da} skal ligge efter ${previous.name.da}.`,
        en: `The date of ${m.name.en} must be after ${previous.name.en}.`,
      }
    : {
        da: `Datoen for ${m.name.da} må ikke ligge før ${previous.name.da}.`,
        en: `The date of ${m.name.en} must not be before ${previous.name.en}.`,
      };
}

/** Business rules of the raadgivningslog form (spec section 3.2). */
export const raadgivningslogRules: RuleDefinition[] = [LOG_03, LOG_04, LOG_05, LOG_06, LOG_07, LOG_08];

const WORKING_DAYS_OPTION = (description: LocalizedText) => ({
  description,
  default: 5,
  schema: { type: 'integer', minimum: 0 },
});

function workingDays(value: unknown, fallback: number): number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 ? value : fallback;
}

const LOG_01: DeadlineDefinition = {
  id: 'LOG-01',
  appliesTo: FORM,
  description: {
    da: 'VISO-specialisten opdaterer rådgivningsloggen som opsamling efter hvert fælles møde; påmindelsen er opfyldt, når «Log opdateret» er udfyldt.',
    en: 'The VISO specialist updates the advisory log after every joint meeting; the reminder is met when "Log updated" is filled in.',
  },
  source: '000 «VISO-specialist udfylder Rådgivningsloggen som opsamling på alle fælles møder»',
  judgedDate: { kind: 'field', pointer: '/moeder/*/dato', also: 'today' },
  options: {
    arbejdsdage: WORKING_DAYS_OPTION({
      da: 'Arbejdsdage efter mødet, hvor loggen bør være opdateret (frøet angiver ingen frist; 5 svarer til opsamlingsnotatets frist).',
      en: 'Working days after the meeting by which the log should be updated (the seed sets no deadline; 5 matches the meeting summary deadline).',
    }),
  },
  derive(data, ctx) {
    const amount = workingDays(ctx.options.arbejdsdage, 5);
    return allJointMeetings(data)
      .filter((m) => isHeld(m, ctx.today))
      .map((m): DeadlineFinding => ({
        path: `${m.path}/logOpdateret`,
        label: { da: `Opdatér rådgivningsloggen efter ${m.name.da}`, en: `Update the advisory log after ${m.name.en}` },
        due: ctx.calendar.addWorkingDays(m.dato!, amount),
        basis: { from: m.dato!, amount, unit: 'arbejdsdage' },
        met: isIsoDate(valueAt(m.value, '/logOpdateret')),
      }));
  },
};

const LOG_02: DeadlineDefinition = {
  id: 'LOG-02',
  appliesTo: FORM,
  description: {
    da: 'Henvender sender den opdaterede log til alle involverede efter hvert fælles møde; påmindelsen er opfyldt, når «Sendt til alle involverede» er udfyldt.',
    en: 'The referrer sends the updated log to everyone involved after every joint meeting; the reminder is met when "Sent to everyone involved" is filled in.',
  },
  source: '000 «Henvender sender til alle involverede efter alle fælles møder»',
  judgedDate: { kind: 'field', pointer: '/moeder/*/dato', also: 'today' },
  options: {
    arbejdsdage: WORKING_DAYS_OPTION({
      da: 'Arbejdsdage efter loggens opdatering (eller mødet, hvis loggen ikke er opdateret), hvor loggen bør være sendt ud.',
      en: 'Working days after the log update (or the meeting, when the log has not been updated) by which it should be sent out.',
    }),
  },
  derive(data, ctx) {
    const amount = workingDays(ctx.options.arbejdsdage, 5);
    return allJointMeetings(data)
      .filter((m) => isHeld(m, ctx.today))
      .map((m): DeadlineFinding => {
        const updated = valueAt(m.value, '/logOpdateret');
        const from = isIsoDate(updated) ? updated : m.dato!;
        return {
          path: `${m.path}/distribueret`,
          label: {
            da: `Send rådgivningsloggen til alle involverede efter ${m.name.da}`,
            en: `Send the advisory log to everyone involved after ${m.name.en}`,
          },
          due: ctx.calendar.addWorkingDays(from, amount),
          basis: { from, amount, unit: 'arbejdsdage' },
          met: isIsoDate(valueAt(m.value, '/distribueret')),
        };
      });
  },
};

/** Process rules (P) of the raadgivningslog form: reminders to update and distribute the log. */
export const raadgivningslogDeadlines: DeadlineDefinition[] = [LOG_01, LOG_02];
