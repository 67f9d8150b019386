import {
  arrayAt,
  isFilled,
  isIsoDate,
  pointer,
  stringAt,
  valueAt,
  type DeadlineDefinition,
  type RuleDefinition,
  type RuleFinding,
  countOption,
} from '@skema/core';

// The evalueringsskema has two variants; these rules concern the VISO afsluttende møde. The
// familierådslagning variant's rules live in @skema/plugin-familieraadslagning.
const FORM = ['evalueringsskema'] as const;
const AFSLUTTENDE = 'afsluttende møde';
const VURDERINGER = ['nået', 'delvist nået', 'ikke nået'];

const isClosingMeeting = (data: unknown): boolean => stringAt(data, '/variant') === AFSLUTTENDE;

const EVA_04: RuleDefinition = {
  id: 'EVA-04',
  severity: 'error',
  appliesTo: FORM,
  description: {
    da: 'På det afsluttende møde vurderer deltagerne hvert mål fra leverancebeskrivelsen: nået, delvist nået eller ikke nået.',
    en: 'At the closing meeting the participants assess every goal of the delivery description: reached, partly reached or not reached.',
  },
  source: '001 §5.1.3 «deltagerne skal vurdere, om de enkelte mål er nået»',
  message: {
    da: 'Angiv for hvert mål, om det er nået, delvist nået eller ikke nået.',
    en: 'State for every goal whether it was reached, partly reached or not reached.',
  },
  check(data) {
    if (!isClosingMeeting(data)) return [];
    const maal = arrayAt(data, '/maal');
    if (maal.length === 0) {
      return [
        {
          path: '/maal',
          message: {
            da: 'Målene fra leverancebeskrivelsen skal skrives ind og vurderes.',
            en: 'The goals of the delivery description must be listed and assessed.',
          },
        },
      ];
    }
    const findings: RuleFinding[] = [];
    maal.forEach((m, i) => {
      const vurdering = valueAt(m, '/vurdering');
      if (typeof vurdering !== 'string' || !VURDERINGER.includes(vurdering))
        findings.push({ path: pointer('maal', i, 'vurdering') });
    });
    return findings;
  },
};

const EVA_05: RuleDefinition = {
  id: 'EVA-05',
  severity: 'error',
  appliesTo: FORM,
  description: {
    da: 'VISO stiller krav om relevant lederdeltagelse i det afsluttende møde.',
    en: 'VISO requires relevant management participation in the closing meeting.',
  },
  source: '001 §5.3.2 «VISO stiller krav om relevant lederdeltagelse i mødet»',
  message: {
    da: 'En relevant leder skal deltage i det afsluttende møde («{label}»).',
    en: 'A relevant manager must take part in the closing meeting ("{label}").',
  },
  check(data) {
    if (!isClosingMeeting(data)) return [];
    return valueAt(data, '/lederDeltog') === true ? [] : [{ path: '/lederDeltog' }];
  },
};

const GEN_01: RuleDefinition = {
  id: 'GEN-01',
  severity: 'error',
  appliesTo: FORM,
  description: {
    da: 'Det skal fremgå, om barnet/den unge/den voksne deltog i det afsluttende møde. Deltog de ikke, noteres årsagen og hvordan de på anden vis inddrages i og orienteres om rapportens konklusioner og anbefalinger.',
    en: "It must be recorded whether the child/young person/adult took part in the closing meeting. If not, the reason is recorded, and how they are otherwise involved in and told about the report's conclusions and recommendations.",
  },
  source:
    '001 §2.2 «Det skal begrundes og noteres i sagshistorikken i VIAS, hvis barnet/den unge eller den voksne ikke kan deltage»; §5.3.2 «Hvis barnet, den unge eller den voksne ikke deltager, skal årsagen noteres»',
  message: {
    da: '«{label}» skal udfyldes, når borgeren ikke deltog i mødet.',
    en: '"{label}" is required when the citizen did not take part in the meeting.',
  },
  check(data) {
    if (!isClosingMeeting(data)) return [];
    const deltog = valueAt(data, '/borgerDeltog');
    if (deltog === true) return [];
    if (deltog !== false) {
      return [
        {
          path: '/borgerDeltog',
          message: {
            da: 'Angiv, om barnet/den unge/den voksne deltog i mødet.',
            en: 'State whether the child/young person/adult took part in the meeting.',
          },
        },
      ];
    }
    return ['/aarsagTilFravaer', '/perspektivIndhentetPaaAndenVis']
      .filter((path) => !isFilled(valueAt(data, path)))
      .map((path) => ({ path }));
  },
};

/** Business rules of the evalueringsskema form, variant «afsluttende møde» (spec §3.8 b, §4.1). */
export const evalueringsskemaRules: RuleDefinition[] = [EVA_04, EVA_05, GEN_01];

const EVA_06: DeadlineDefinition = {
  id: 'EVA-06',
  appliesTo: FORM,
  description: {
    da: 'Når forløbet afsluttes, sendes en tilfredshedsundersøgelse automatisk til modtageren af rådgivningen. Leverancen afsluttes senest 7 arbejdsdage efter det afsluttende møde, så undersøgelsen forventes sendt inden da.',
    en: 'When the course is closed, a satisfaction survey is sent automatically to the recipient of the advice. The delivery is closed at most 7 working days after the closing meeting, so the survey is expected by then.',
  },
  source:
    '001 §5.3.4 «Når et forløb afsluttes, sendes et spørgeskema automatisk til modtager af rådgivningen»; §5.3.3 «Senest syv arbejdsdage efter det afsluttende møde»',
  judgedDate: { kind: 'field', pointer: '/dato' },
  options: {
    arbejdsdage: {
      description: {
        da: 'Arbejdsdage efter det afsluttende møde, hvor tilfredshedsundersøgelsen skal være sendt.',
        en: 'Working days after the closing meeting by which the satisfaction survey must be sent.',
      },
      default: 7,
      schema: { type: 'integer', minimum: 0 },
    },
  },
  derive(data, ctx) {
    const dato = valueAt(data, '/dato');
    if (!isClosingMeeting(data) || !isIsoDate(dato)) return [];
    const amount = countOption(ctx.options, 'arbejdsdage', 7);
    return [
      {
        path: '/tilfredshedsundersoegelseSendt',
        label: {
          da: 'Send tilfredshedsundersøgelse til modtageren af rådgivningen',
          en: 'Send the satisfaction survey to the recipient of the advice',
        },
        due: ctx.calendar.addWorkingDays(dato, amount),
        basis: { from: dato, amount, unit: 'arbejdsdage' },
        met: isIsoDate(valueAt(data, '/tilfredshedsundersoegelseSendt')),
      },
    ];
  },
};

/** Process rules (P) of the evalueringsskema form, variant «afsluttende møde». */
export const evalueringsskemaDeadlines: DeadlineDefinition[] = [EVA_06];
