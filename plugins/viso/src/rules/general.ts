import {
  arrayAt,
  isFilled,
  isIsoDate,
  stringAt,
  valueAt,
  type DeadlineDefinition,
  type IsoDate,
  type RuleDefinition,
  type RuleFinding,
  countOption,
} from '@skema/core';
import { normalizeCpr } from '@skema/plugin-dk';
import { meetingDeadlines, meetingRules } from './general-meetings.js';

/*
 * Cross-cutting rules of spec §4 that are data checks on a form no other rule id covers.
 * GEN-03, GEN-04, GEN-05, DP-10 and DP-08 are in general-meetings.ts (the opsamlingsnotat holds them).
 * The rest of §4 is covered elsewhere (GEN-01 in evalueringsskema.ts, and GEN-01 beside OPS-02 and
 * GEN-02 for the opsamlingsnotat in opsamlingsnotat.ts; DP-09 as HEN-14/LEV-10/RAP-06) or is a platform or
 * process concern with no form field to check; plugins/viso/README.md gives the reason per rule.
 */

/** The ydelser of spec §2.2 whose referral names one borger and carries their perspective (001 §2.2). */
const YDELSER_MED_BORGER = [
  'Rådgivningsforløb – for borgere',
  'Rådgivningsforløb i en enkeltsag',
  'Mini-rådgivningsforløb i en enkeltsag – for fagpersoner',
  'Rådgivningsforløb om adoption uden samtykke – for myndighedsrådgivere',
  'Rådgivningsforløb om sagsbehandling – for myndighedsrådgivere',
  'Mini-rådgivningsforløb om sagsbehandling – for myndighedsrådgivere',
];

function stringListOption(value: unknown, fallback: readonly string[]): readonly string[] {
  return Array.isArray(value) && value.every((v) => typeof v === 'string') ? value : fallback;
}

const GEN_02: RuleDefinition = {
  id: 'GEN-02',
  severity: 'warning',
  appliesTo: ['henvendelsesskema'],
  description: {
    da: 'I henvendelsen noteres, hvilken slags perspektiv barnets, den unges eller den voksnes eget perspektiv er: indefra-perspektiv, et tilstræbt indefra-perspektiv eller et udefra-perspektiv.',
    en: "The referral records the kind of perspective the child's, young person's or adult's own perspective is: inside, attempted inside or outside perspective.",
  },
  source:
    '001 §2.2.1 «I VISOs inddragelsesarbejde skelnes mellem tre følgende perspektiver»; §2.2 «inddrages som en central del af visitationsprocessen»',
  message: {
    da: '«{label}» bør angives: indefra-perspektiv, et tilstræbt indefra-perspektiv eller et udefra-perspektiv.',
    en: '"{label}" should be given: inside, attempted inside or outside perspective.',
  },
  options: {
    ydelser: {
      description: {
        da: 'Ydelser, hvor henvendelsen handler om én borger, så perspektivets karakter bør noteres.',
        en: 'Services whose referral concerns one borger, so the kind of perspective should be recorded.',
      },
      default: YDELSER_MED_BORGER,
      schema: { type: 'array', items: { type: 'string' } },
    },
  },
  check(data, ctx) {
    const ydelser = stringListOption(ctx.options.ydelser, YDELSER_MED_BORGER);
    if (!ydelser.includes(stringAt(data, '/ydelse') ?? '')) return [];
    const path = '/oplysningshjul/perspektiver/perspektivtype';
    return isFilled(valueAt(data, path)) ? [] : [{ path }];
  },
};

const DP_09: RuleDefinition = {
  id: 'DP-09',
  severity: 'error',
  appliesTo: ['underretning'],
  description: {
    da: 'Søskende har hver sin sag og registreres på eget CPR-nummer. En søskende i underretningen kan derfor ikke have barnets CPR-nummer eller en anden søskendes.',
    en: "Siblings have separate cases, each registered on the child's own CPR number. A sibling in the notification therefore cannot have the child's CPR number or another sibling's.",
  },
  source: '001 §6.2.1 «Alle sager omhandlende familier med flere børn registreres på hvert enkelt barns cpr.nr.»',
  message: {
    da: 'Søskende registreres hver for sig på eget CPR-nummer: «{label}» må ikke være det samme som barnets eller en anden søskendes.',
    en: 'Siblings are registered separately on their own CPR numbers: "{label}" must differ from the child\'s and from every other sibling\'s.',
  },
  check(data) {
    const seen = new Set<string>();
    const own = normalizeCpr(valueAt(data, '/barn/cpr'));
    if (own !== undefined) seen.add(own);
    const findings: RuleFinding[] = [];
    arrayAt(data, '/soeskende').forEach((_, i) => {
      const path = `/soeskende/${i}/cpr`;
      const cpr = normalizeCpr(valueAt(data, path));
      if (cpr === undefined) return;
      if (seen.has(cpr)) findings.push({ path });
      seen.add(cpr);
    });
    return findings;
  },
};

/** Cross-cutting business rules (E and W) of spec §4 that are data checks. */
export const generalRules: RuleDefinition[] = [GEN_02, DP_09, ...meetingRules];

/** Agreement statuses under which the forløb runs towards its afsluttende møde. */
const RUNNING_STATUSES = ['Godkendt', 'Afsluttet'];

/** The planned afsluttende møde: the time plan's date, else the latest budget line for that meeting. */
function afsluttendeMoedeDato(data: unknown): IsoDate | undefined {
  const planned = valueAt(data, '/tidsplan/planlagtDatoAfsluttendeMoede');
  if (isIsoDate(planned)) return planned;
  let latest: IsoDate | undefined;
  for (const aktivitet of arrayAt(data, '/aktiviteter')) {
    const dato = valueAt(aktivitet, '/dato');
    if (
      valueAt(aktivitet, '/moedetype') === 'Afsluttende møde' &&
      isIsoDate(dato) &&
      (latest === undefined || dato > latest)
    )
      latest = dato;
  }
  return latest;
}

const DP_04: DeadlineDefinition = {
  id: 'DP-04',
  appliesTo: ['leveranceaftale'],
  description: {
    da: 'Senest syv arbejdsdage efter det afsluttende møde afslutter specialisten leverancen: de sidste relevante akter journaliseres, og akter og arbejdspapirer som mails og notater makuleres (for psykologer gælder særlige regler). Fristen er overholdt, når aftalens status er «Afsluttet».',
    en: 'At most seven working days after the closing meeting the specialist closes the delivery: the last relevant documents are journalised and working papers such as mails and notes are destroyed (special rules apply to psychologists). Met when the agreement\'s status is "Afsluttet".',
  },
  judgedDate: { kind: 'field', pointer: '/tidsplan/planlagtDatoAfsluttendeMoede' },
  source:
    '001 §5.3.3 «Senest syv arbejdsdage efter det afsluttende møde, afslutter specialisten leverancen ved at: … Journalisere de sidste relevante akter på sagen i VIAS og makulere akter og arbejdspapirer såsom mails og notater (OBS: for psykologer gælder særlige regler)»',
  options: {
    arbejdsdage: {
      description: {
        da: 'Arbejdsdage efter det afsluttende møde, hvor leverancen skal være afsluttet.',
        en: 'Working days after the closing meeting by which the delivery must be closed.',
      },
      default: 7,
      schema: { type: 'integer', minimum: 0 },
    },
  },
  derive(data, ctx) {
    const status = stringAt(data, '/status') ?? '';
    if (!RUNNING_STATUSES.includes(status)) return [];
    const moede = afsluttendeMoedeDato(data);
    if (moede === undefined) return [];
    const amount = countOption(ctx.options, 'arbejdsdage', 7);
    return [
      {
        path: '/status',
        label: {
          da: 'Leverancen afsluttet: sidste akter journaliseret og arbejdspapirer makuleret',
          en: 'Delivery closed: last documents journalised and working papers destroyed',
        },
        due: ctx.calendar.addWorkingDays(moede, amount),
        basis: { from: moede, amount, unit: 'arbejdsdage' },
        met: status === 'Afsluttet',
      },
    ];
  },
};

/** Cross-cutting process rules (P) of spec §4. */
export const generalDeadlines: DeadlineDefinition[] = [DP_04, ...meetingDeadlines];
