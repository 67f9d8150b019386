import {
  arrayAt,
  isFilled,
  listAtLeast,
  pointer,
  stringAt,
  valueAt,
  type RuleDefinition,
  type RuleFinding,
} from '@skema/core';
import { ALL_MOEDETYPER, ALL_YDELSER } from './option-universes.js';
import { opsamlingsnotatDeadlines } from './opsamlingsnotat-deadlines.js';
import { FORM, meetingType, stringList } from './opsamlingsnotat-read.js';
import { YDELSE } from './henvendelsesskema-ydelser.js';

export { opsamlingsnotatDeadlines };

const FAGKONSULENT = 'VISO-fagkonsulent';

// OPS-02 (spec §3.3) names three meeting types; GEN-01 (§4.1) covers the other meeting types of the
// opsamlingsnotat, so that an absence is checked on every meeting and reported once.
const OPS_02_MOEDETYPER = ['Afklarende møde', 'Møde om udredning', 'Afsluttende møde'];
const GEN_01_MOEDETYPER = ['Arbejdsmøde', 'Midtvejsmøde', 'Forankringsmøde', 'Opfølgende møde', 'Rådgivningsmøde'];
const FRAVAER_PATHS = ['/inddragelse/aarsagTilFravaer', '/inddragelse/perspektivIndhentetPaaAndenVis'];

/** The reason and the other way of involvement that are missing when the borger did not take part. */
function missingAbsenceNotes(data: unknown): RuleFinding[] {
  if (valueAt(data, '/inddragelse/borgerDeltog') !== false) return [];
  return FRAVAER_PATHS.filter((path) => !isFilled(valueAt(data, path))).map((path) => ({ path }));
}

const OPS_02: RuleDefinition = {
  id: 'OPS-02',
  severity: 'error',
  appliesTo: FORM,
  description: {
    da: 'Deltog barnet, den unge eller den voksne ikke i det afklarende møde, mødet om udredning eller det afsluttende møde, noteres både årsagen og hvordan perspektivet er indhentet på anden vis.',
    en: 'If the child, young person or adult did not take part in the clarifying meeting, the assessment meeting or the closing meeting, both the reason and how their perspective was obtained another way are recorded.',
  },
  source:
    '001 §5.1.3 «heri noteres det blandt andet, hvis barnet, den unge eller den voksne ikke deltog»; §2.2 «Deltager barnet, den unge eller den voksne ikke selv i mødet, skal det sikres, at dennes perspektiv tilvejebringes på anden vis … Det skal begrundes og noteres»',
  message: {
    da: '«{label}» skal udfyldes, når barnet, den unge eller den voksne ikke deltog i mødet («Det skal begrundes og noteres»).',
    en: '"{label}" is required when the child, young person or adult did not take part in the meeting.',
  },
  options: {
    moedetyper: {
      description: {
        da: 'Mødetyper, hvor fravær skal begrundes.',
        en: 'Meeting types where absence must be explained.',
      },
      default: OPS_02_MOEDETYPER,
      schema: listAtLeast(OPS_02_MOEDETYPER, ALL_MOEDETYPER),
    },
  },
  check(data, ctx) {
    return stringList(ctx.options.moedetyper, OPS_02_MOEDETYPER).includes(meetingType(data) ?? '')
      ? missingAbsenceNotes(data)
      : [];
  },
};

const GEN_01: RuleDefinition = {
  id: 'GEN-01',
  severity: 'error',
  appliesTo: FORM,
  description: {
    da: 'Deltog barnet, den unge eller den voksne ikke i et arbejdsmøde, midtvejsmøde, forankringsmøde, opfølgende møde eller rådgivningsmøde, noteres både årsagen og hvordan perspektivet er indhentet på anden vis. (Det afklarende møde, mødet om udredning og det afsluttende møde er OPS-02.)',
    en: 'If the child, young person or adult did not take part in a working, midway, anchoring, follow-up or advisory meeting, both the reason and how their perspective was obtained another way are recorded. (The clarifying, assessment and closing meetings are OPS-02.)',
  },
  source:
    '001 §2.2 «Det skal begrundes og noteres i sagshistorikken i VIAS, hvis barnet/den unge eller den voksne ikke kan deltage»; «Deltager barnet, den unge eller den voksne ikke selv i mødet, skal det sikres, at dennes perspektiv tilvejebringes på anden vis»',
  message: {
    da: '«{label}» skal udfyldes, når barnet, den unge eller den voksne ikke deltog i mødet («Det skal begrundes og noteres»).',
    en: '"{label}" is required when the child, young person or adult did not take part in the meeting.',
  },
  options: {
    moedetyper: {
      description: {
        da: 'Mødetyper, hvor GEN-01 kræver, at fravær begrundes; de øvrige mødetyper kontrolleres af OPS-02. Flyttes en mødetype til OPS-02 (dens «moedetyper»), fjernes den her, så fraværet ikke meldes to gange.',
        en: 'Meeting types where GEN-01 requires an absence to be explained; the other meeting types are checked by OPS-02. When a meeting type is moved to OPS-02 (its "moedetyper"), remove it here so the absence is not reported twice.',
      },
      default: GEN_01_MOEDETYPER,
      schema: listAtLeast(GEN_01_MOEDETYPER, ALL_MOEDETYPER),
    },
  },
  check(data, ctx) {
    // borgerDeltog itself is required by the schema, so only the notes of an absence are checked here.
    return stringList(ctx.options.moedetyper, GEN_01_MOEDETYPER).includes(meetingType(data) ?? '')
      ? missingAbsenceNotes(data)
      : [];
  },
};

const OPS_03: RuleDefinition = {
  id: 'OPS-03',
  severity: 'error',
  appliesTo: FORM,
  description: {
    da: 'Notatet fra det afklarende møde indeholder mindst ét konkret mål for forløbet. Målene skrives også ind i den faglige leverancebeskrivelse.',
    en: 'The summary of the clarifying meeting contains at least one concrete goal for the course. The goals are also copied into the delivery description.',
  },
  source:
    '001 §5.1.3 «formulerer specialisten konkrete mål, der skal være opnået ved rådgivningsforløbets afslutning. Målene indskrives i opsamlingsnotatet og i den faglige leverancebeskrivelse»',
  message: {
    da: 'Notatet fra det afklarende møde skal indeholde mindst ét konkret mål i «{label}».',
    en: 'The summary of the clarifying meeting must contain at least one concrete goal in "{label}".',
  },
  check(data) {
    // When the case falls outside VISO's remit no forløb starts, so there are no goals to set.
    if (meetingType(data) !== 'Afklarende møde' || valueAt(data, '/afklarende/grundlagForForloeb') === false) return [];
    const maal = arrayAt(data, '/afklarende/del2/maal');
    const findings: RuleFinding[] = [];
    if (!maal.some(isFilled)) findings.push({ path: '/afklarende/del2/maal' });
    maal.forEach((m, i) => {
      if (!isFilled(m) && maal.some(isFilled)) {
        findings.push({
          path: pointer('afklarende', 'del2', 'maal', i),
          message: {
            da: 'Et mål må ikke være tomt: skriv målet eller fjern linjen.',
            en: 'A goal cannot be empty: write the goal or remove the line.',
          },
        });
      }
    });
    return findings;
  },
};

const OPS_04: RuleDefinition = {
  id: 'OPS-04',
  severity: 'error',
  appliesTo: FORM,
  description: {
    da: 'Specialisten indkalder kun til et midtvejsmøde efter aftale med fagkonsulenten. Deltagerkredsen er så vidt muligt den samme som ved det afklarende møde.',
    en: 'The specialist calls a midway meeting only as agreed with the fagkonsulent. Participants are as far as possible those of the clarifying meeting.',
  },
  source: '001 §5.2.8 «Specialisten kan efter aftale med fagkonsulenten indkalde til et midtvejsmøde»',
  message: {
    da: 'Et midtvejsmøde holdes kun efter aftale med fagkonsulenten: «{label}» skal være bekræftet.',
    en: 'A midway meeting is held only as agreed with the fagkonsulent: "{label}" must be confirmed.',
  },
  check: (data) =>
    meetingType(data) === 'Midtvejsmøde' && valueAt(data, '/midtvejsmoede/aftaltMedFagkonsulent') !== true
      ? [{ path: '/midtvejsmoede/aftaltMedFagkonsulent' }]
      : [],
};

const OPS_06: RuleDefinition = {
  id: 'OPS-06',
  severity: 'error',
  appliesTo: FORM,
  description: {
    da: 'Notatet fra det afsluttende møde evaluerer hvert af målene og beskriver, hvordan læringen forankres i indsatsen til borgeren og udbredes i organisationen. Notatet vedlægges den endelige rådgivningsrapport.',
    en: 'The summary of the closing meeting evaluates every goal and describes how the learning is anchored in the support for the borger and spread in the organisation. It is attached to the final report.',
  },
  source:
    '001 §5.3.2 «Der udsendes et opsamlingsnotat fra mødet med fokus på evaluering af målene og på den fremtidige forankring og udbredelse af viden fra forløbet»',
  message: {
    da: '«{label}» skal udfyldes i notatet fra det afsluttende møde.',
    en: '"{label}" is required in the summary of the closing meeting.',
  },
  check(data) {
    if (meetingType(data) !== 'Afsluttende møde') return [];
    const findings: RuleFinding[] = [];
    const evaluering = arrayAt(data, '/afsluttende/evalueringAfMaal');
    if (evaluering.length === 0) {
      findings.push({
        path: '/afsluttende/evalueringAfMaal',
        message: {
          da: 'Målene fra det afklarende møde skal evalueres: tilføj hvert mål med deltagernes vurdering.',
          en: 'The goals from the clarifying meeting must be evaluated: add every goal with the participants’ assessment.',
        },
      });
    }
    evaluering.forEach((_, i) => {
      const path = pointer('afsluttende', 'evalueringAfMaal', i, 'vurdering');
      if (!isFilled(valueAt(data, path))) {
        findings.push({
          path,
          params: { nr: i + 1 },
          message: {
            da: 'Mål nr. {nr} er ikke evalueret: angiv, om målet er nået.',
            en: 'Goal no. {nr} has not been evaluated: state whether it was reached.',
          },
        });
      }
    });
    for (const path of ['/afsluttende/forankring', '/afsluttende/udbredelse']) {
      if (!isFilled(valueAt(data, path))) findings.push({ path });
    }
    return findings;
  },
};

/** Why the fagkonsulent must take part in and chair the meeting, in both languages; empty when not required. */
function fagkonsulentReasons(data: unknown, ydelser: readonly string[]): { da: string[]; en: string[] } {
  const reasons: Array<[boolean, string, string]> = [
    [valueAt(data, '/sag/hoejtKonfliktniveau') === true, 'højt konfliktniveau', 'high level of conflict'],
    [valueAt(data, '/sag/pressebevaagenhed') === true, 'pressens bevågenhed', 'press attention'],
    [
      ydelser.includes(stringAt(data, '/sag/ydelse') ?? ''),
      'rådgivningsforløb vedrørende flere borgere',
      'a course concerning several borgere',
    ],
  ];
  const active = reasons.filter(([on]) => on);
  return { da: active.map(([, da]) => da), en: active.map(([, , en]) => en) };
}

const OPS_07: RuleDefinition = {
  id: 'OPS-07',
  severity: 'error',
  appliesTo: FORM,
  description: {
    da: 'Deltager fagkonsulenten i det afklarende møde, leder fagkonsulenten mødet, medmindre andet er aftalt. Ved højt konfliktniveau, pressens bevågenhed og rådgivningsforløb vedrørende flere borgere deltager fagkonsulenten altid og planlægger og leder mødet; specialisten indkalder og skriver notatet.',
    en: 'When the fagkonsulent takes part in the clarifying meeting, the fagkonsulent chairs it unless agreed otherwise. With high conflict, press attention or a course concerning several borgere the fagkonsulent always takes part, plans and chairs; the specialist convenes and writes the summary.',
  },
  source:
    '001 §5.1.3 «Når fagkonsulenten deltager i det afklarende møde, er det – med mindre andet aftales – fagkonsulenten, der leder mødet»; «Fagkonsulenten deltager dog altid i mødet, hvis sagen har et højt konfliktniveau og/eller har pressens bevågenhed, og når der er tale om rådgivningsforløb vedrørende flere borgere. I disse tilfælde planlægger og leder fagkonsulenten mødet»',
  message: {
    da: 'Fagkonsulenten deltager i mødet og leder det derfor, medmindre andet er aftalt: ret «{label}» eller markér, at en anden mødeleder er aftalt.',
    en: 'The fagkonsulent takes part in the meeting and therefore chairs it unless agreed otherwise: correct "{label}" or mark that another chair was agreed.',
  },
  options: {
    ydelser: {
      description: {
        da: 'Ydelser, hvor fagkonsulenten altid deltager i og leder mødet (rådgivningsforløb vedrørende flere borgere).',
        en: 'Services where the fagkonsulent always takes part in and chairs the meeting (courses concerning several borgere).',
      },
      default: [YDELSE.flereBorgere],
      schema: listAtLeast([YDELSE.flereBorgere], ALL_YDELSER),
    },
    moedetyper: {
      description: { da: 'Mødetyper, reglen gælder for.', en: 'Meeting types the rule applies to.' },
      default: ['Afklarende møde'],
      schema: listAtLeast(['Afklarende møde'], ALL_MOEDETYPER),
    },
  },
  check(data, ctx) {
    if (!stringList(ctx.options.moedetyper, ['Afklarende møde']).includes(meetingType(data) ?? '')) return [];
    const participates = arrayAt(data, '/moede/deltagere').some((d) => valueAt(d, '/rolle') === FAGKONSULENT);
    const chairs = stringAt(data, '/moede/moedeleder/rolle') === FAGKONSULENT;
    const reasons = fagkonsulentReasons(data, stringList(ctx.options.ydelser, [YDELSE.flereBorgere]));
    const findings: RuleFinding[] = [];
    if (reasons.da.length > 0) {
      const why = { da: reasons.da.join(' og '), en: reasons.en.join(' and ') };
      if (!participates) {
        findings.push({
          path: '/moede/deltagere',
          message: {
            da: `Fagkonsulenten skal deltage i mødet på grund af ${why.da}: tilføj fagkonsulenten som deltager.`,
            en: `The fagkonsulent must take part in the meeting because of ${why.en}: add the fagkonsulent as a participant.`,
          },
        });
      }
      if (!chairs) {
        findings.push({
          path: '/moede/moedeleder/rolle',
          message: {
            da: `Ved ${why.da} planlægger og leder fagkonsulenten mødet: mødelederen skal være fagkonsulenten.`,
            en: `With ${why.en} the fagkonsulent plans and chairs the meeting: the chair must be the fagkonsulent.`,
          },
        });
      }
      return findings;
    }
    if (participates && !chairs && valueAt(data, '/moede/andenMoedelederAftalt') !== true)
      findings.push({ path: '/moede/moedeleder/rolle' });
    return findings;
  },
};

const GEN_02: RuleDefinition = {
  id: 'GEN-02',
  severity: 'warning',
  appliesTo: FORM,
  description: {
    da: 'Notér, hvilken slags perspektiv barnet, den unge eller den voksne er inddraget med: indefra-perspektiv, et tilstræbt indefra-perspektiv eller et udefra-perspektiv.',
    en: 'Record the kind of perspective through which the child, young person or adult was involved: inside, attempted inside or outside perspective.',
  },
  source: '001 §2.2.1 «I VISOs inddragelsesarbejde skelnes mellem tre følgende perspektiver»',
  message: {
    da: '«{label}» bør angives: indefra-perspektiv, et tilstræbt indefra-perspektiv eller et udefra-perspektiv.',
    en: '"{label}" should be given: inside, attempted inside or outside perspective.',
  },
  options: {
    moedetyper: {
      description: {
        da: 'Mødetyper, hvor perspektivets karakter bør noteres.',
        en: 'Meeting types where the kind of perspective should be recorded.',
      },
      default: ['Afklarende møde', 'Midtvejsmøde', 'Møde om udredning', 'Afsluttende møde'],
      schema: { type: 'array', items: { type: 'string' } },
    },
  },
  check(data, ctx) {
    const types = stringList(ctx.options.moedetyper, [
      'Afklarende møde',
      'Midtvejsmøde',
      'Møde om udredning',
      'Afsluttende møde',
    ]);
    if (!types.includes(meetingType(data) ?? '')) return [];
    return isFilled(valueAt(data, '/inddragelse/perspektivtype')) ? [] : [{ path: '/inddragelse/perspektivtype' }];
  },
};

/** Business rules of the opsamlingsnotat form (spec §3.3 and GEN-01, GEN-02 of §4.1). */
export const opsamlingsnotatRules: RuleDefinition[] = [OPS_02, OPS_03, OPS_04, OPS_06, OPS_07, GEN_01, GEN_02];
