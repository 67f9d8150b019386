import {
  addMonths,
  arrayAt,
  isFilled,
  isIsoDate,
  stringAt,
  valueAt,
  type DeadlineDefinition,
  type RuleDefinition,
  type RuleFinding,
  countOption,
} from '@skema/core';

// The evalueringsskema has two variants; these rules concern the familierådslagning variant
// (items of our own design, decision Q14). The VISO afsluttende møde's rules live in @skema/plugin-viso.
const FORM = ['evalueringsskema'] as const;
const FAMILIERAADSLAGNING = 'familierådslagning';

const isFamilyConference = (data: unknown): boolean => stringAt(data, '/variant') === FAMILIERAADSLAGNING;

const EVA_01: RuleDefinition = {
  id: 'EVA-01',
  severity: 'warning',
  appliesTo: FORM,
  description: {
    da: 'Evalueringsskemaet udfyldes efter hver familierådslagning – den første og de opfølgende – af barnet/den unge, familien og netværket. Et skema dateret til en rådslagning, der endnu ikke er holdt, er udfyldt for tidligt.',
    en: 'The evaluation form is filled in after every family group conference – the first and the follow-ups – by the child, the family and the network. A form dated to a conference not yet held is filled in too early.',
  },
  source: '004 «Derfor er det en god idé, at de udfylder et evalueringsskema efter hver familierådslagning»',
  judgedDate: { kind: 'today' },
  message: {
    da: 'Evalueringsskemaet bør udfyldes efter rådslagningen; «{label}» ligger efter i dag.',
    en: 'The evaluation form should be filled in after the conference; "{label}" is after today.',
  },
  check(data, ctx) {
    if (!isFamilyConference(data)) return [];
    const dato = valueAt(data, '/dato');
    return isIsoDate(dato) && dato > ctx.today ? [{ path: '/dato' }] : [];
  },
};

function requiredFrom(value: unknown): number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 1 ? value : 2;
}

const EVA_02: RuleDefinition = {
  id: 'EVA-02',
  severity: 'error',
  appliesTo: FORM,
  description: {
    da: 'Skemaet skal vise, om deltageren følte sig inddraget, hvilke tiltag der blev aftalt, og hvilken virkning tiltagene har på barnet. Virkningen kræves fra den første opfølgende rådslagning, da planen først vedtages ved den første.',
    en: 'The form must show whether the participant felt involved, which actions were agreed, and what effect they have on the child. The effect is required from the first follow-up conference, since the plan is only adopted at the first.',
  },
  source:
    '004 «følge, om deltagerne føler sig inddraget i familierådslagningerne samt følge de tiltag, der aftales, samt hvilken virkning disse har på barnet/den unge»',
  message: { da: '«{label}» skal udfyldes.', en: '"{label}" is required.' },
  options: {
    virkningFraRaadslagningNr: {
      description: {
        da: 'Fra hvilken rådslagning (nummer) virkningen på barnet skal beskrives. 1 kræver den også ved den første rådslagning.',
        en: 'From which conference (number) the effect on the child must be described. 1 requires it at the first conference too.',
      },
      default: 2,
      // Later than the second conference would leave the effect on the child unrecorded: only earlier.
      schema: { type: 'integer', minimum: 1, maximum: 2 },
    },
  },
  check(data, ctx) {
    if (!isFamilyConference(data)) return [];
    const findings: RuleFinding[] = [];
    if (!isFilled(valueAt(data, '/vurderinger/foelteMigInddraget')))
      findings.push({ path: '/vurderinger/foelteMigInddraget' });
    if (!arrayAt(data, '/aftalteTiltag').some((t) => isFilled(valueAt(t, '/tiltag')))) {
      findings.push({
        path: '/aftalteTiltag',
        message: {
          da: 'Skriv mindst ét af de tiltag, der blev aftalt.',
          en: 'List at least one of the agreed actions.',
        },
      });
    }
    const nr = valueAt(data, '/raadslagningNr');
    const from = requiredFrom(ctx.options.virkningFraRaadslagningNr);
    // Without a number we cannot tell a first conference from a follow-up; asking protects the child.
    const effectDue = typeof nr !== 'number' || nr >= from;
    if (effectDue && !isFilled(valueAt(data, '/virkningPaaBarnet'))) findings.push({ path: '/virkningPaaBarnet' });
    return findings;
  },
};

/** Business rules of the evalueringsskema form, variant «familierådslagning» (spec §3.8 a). */
export const evalueringsskemaRules: RuleDefinition[] = [EVA_01, EVA_02];

const EVA_03: DeadlineDefinition = {
  id: 'EVA-03',
  appliesTo: FORM,
  description: {
    da: 'Besvarelserne samles og systematiseres i enheden. Påmindelsen er opfyldt, når datoen for opsamlingen i enheden er noteret.',
    en: "The responses are collected and systematised in the unit. The reminder is met once the date of the unit's collection is recorded.",
  },
  source: '004 «Er der lavet et system i enheden, der systematiserer besvarelserne fra evalueringsskemaerne?»',
  judgedDate: { kind: 'field', pointer: '/dato' },
  options: {
    maaneder: {
      description: {
        da: 'Måneder efter rådslagningen, hvor besvarelsen bør indgå i enhedens opsamling.',
        en: "Months after the conference by which the response should be part of the unit's collection.",
      },
      default: 1,
      schema: { type: 'integer', minimum: 0 },
    },
  },
  derive(data, ctx) {
    const dato = valueAt(data, '/dato');
    if (!isFamilyConference(data) || !isIsoDate(dato)) return [];
    const amount = countOption(ctx.options, 'maaneder', 1);
    return [
      {
        path: '/opsamletIEnheden',
        label: {
          da: 'Tag besvarelsen med i enhedens opsamling af evalueringer',
          en: "Include the response in the unit's collection of evaluations",
        },
        due: addMonths(dato, amount),
        basis: { from: dato, amount, unit: 'måneder' },
        met: isIsoDate(valueAt(data, '/opsamletIEnheden')),
      },
    ];
  },
};

/** Process rules (P) of the evalueringsskema form, variant «familierådslagning». */
export const evalueringsskemaDeadlines: DeadlineDefinition[] = [EVA_03];
