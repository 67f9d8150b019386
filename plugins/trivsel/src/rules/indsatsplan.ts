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
} from '@skema/core';
import { suggestedIndsatstype } from './trivselsvurdering.js';

const FORM = ['indsatsplan'] as const;

const missing = (data: unknown, paths: readonly string[]): RuleFinding[] =>
  paths.filter((path) => !isFilled(valueAt(data, path))).map((path) => ({ path }));

const IND_01: RuleDefinition = {
  id: 'IND-01',
  severity: 'error',
  appliesTo: FORM,
  description: {
    da: 'Barnets perspektiv er omdrejningspunktet: planen skal beskrive, hvad vi forstår som barnets perspektiv, og hvad barnet/den unge selv fortæller.',
    en: "The child's perspective is the pivot: the plan must describe what we understand as the child's perspective and what the child says themselves.",
  },
  source:
    '002 Trin 2 «Husk altid at barnets perspektiv er omdrejningspunktet i samtalen»; «Hvad fortæller barnet/den unge selv?»',
  message: {
    da: '«{label}» skal udfyldes – barnets perspektiv er omdrejningspunktet.',
    en: `"{label}" is required – the child's perspective is the pivot.`,
  },
  options: {
    kraevBarnetsEgneOrd: {
      description: {
        da: 'Kræv også feltet «Hvad fortæller barnet/den unge selv?» (ikke kun de voksnes forståelse af barnets perspektiv).',
        en: 'Also require "What does the child say themselves?" (not only the adults\' understanding of the child\'s perspective).',
      },
      default: true,
      // The child's own words are the seed's pivot (002); a tenant cannot drop them from a legal rule.
      schema: { type: 'boolean', const: true },
    },
  },
  check(data, ctx) {
    const paths = ['/dialog/barnetsPerspektiv'];
    if (ctx.options.kraevBarnetsEgneOrd !== false) paths.push('/dialog/barnetFortaellerSelv');
    return missing(data, paths);
  },
};

const MAAL_FIELDS = ['maal', 'tiltag', 'hvem', 'hvornaar'] as const;

const IND_02: RuleDefinition = {
  id: 'IND-02',
  severity: 'error',
  appliesTo: FORM,
  description: {
    da: 'Planen indeholder indsatstype, mindst ét mål med tiltag/prøvehandling (hvem og hvornår), første skridt og hvem der handler, opfølgning (hvordan og hvornår), tovholder i 1. og 2. led og datoen for næste møde.',
    en: 'The plan contains the intervention type, at least one goal with an action/trial action (who and when), the first step and who acts, follow-up (how and when), coordinators at 1st and 2nd level and the next meeting date.',
  },
  source:
    '002 Trin 3 «Vælg indsatsstype og udarbejd indsatsplan … Hvad er første skridt, og hvem skal handle? … Aftal hvem der er tovholder i 1. led … 2. led … Aftal hvornår I mødes næste gang»',
  message: { da: '«{label}» skal udfyldes i indsatsplanen.', en: '"{label}" is required in the intervention plan.' },
  check(data) {
    const findings = missing(data, ['/grundlag/indsatstype']);
    const maal = arrayAt(data, '/aftaler/maal');
    if (maal.length === 0) {
      findings.push({
        path: '/aftaler/maal',
        message: {
          da: 'Indsatsplanen skal have mindst ét mål med tiltag/prøvehandling.',
          en: 'The intervention plan needs at least one goal with an action/trial action.',
        },
      });
    }
    maal.forEach((m, i) => {
      for (const field of MAAL_FIELDS) {
        if (!isFilled(valueAt(m, `/${field}`))) findings.push({ path: pointer('aftaler', 'maal', i, field) });
      }
    });
    findings.push(
      ...missing(data, [
        '/aftaler/foersteSkridt/hvad',
        '/aftaler/foersteSkridt/hvem',
        '/aftaler/opfoelgning/hvordan',
        '/aftaler/opfoelgning/hvornaar',
        '/aftaler/tovholder1Led',
        '/aftaler/tovholder2Led',
        '/aftaler/naesteMoede',
      ]),
    );
    return findings;
  },
};

const IND_03: RuleDefinition = {
  id: 'IND-03',
  severity: 'warning',
  appliesTo: FORM,
  description: {
    da: 'Barometeret foreslår en indsatstype for hvert trivselsniveau (TRV-01). Vælges en anden, bør valget begrundes.',
    en: 'The barometer suggests an intervention type for each well-being level (TRV-01). If another is chosen, the choice should be justified.',
  },
  source: '002 Trin 1 «hvilke former for indsatser, der er relevante på de forskellige trivselsniveauer» (d)',
  message: {
    da: 'Den valgte indsatstype afviger fra barometerets forslag for det vurderede trivselsniveau. Begrund valget i «{label}».',
    en: 'The chosen intervention type differs from the barometer\'s suggestion for the assessed level. Justify the choice in "{label}".',
  },
  check(data) {
    const forslag = suggestedIndsatstype(valueAt(data, '/grundlag/trivselsvurdering/niveau'));
    const valgt = stringAt(data, '/grundlag/indsatstype');
    if (!forslag || !valgt || valgt === forslag) return [];
    return isFilled(valueAt(data, '/grundlag/begrundelseForIndsatstype'))
      ? []
      : [{ path: '/grundlag/begrundelseForIndsatstype' }];
  },
};

const IND_04: RuleDefinition = {
  id: 'IND-04',
  severity: 'warning',
  appliesTo: FORM,
  description: {
    da: 'Når det næste møde er holdt, bør planen beskrive, hvilken forskel prøvehandlingerne har gjort.',
    en: 'Once the next meeting has been held, the plan should describe what difference the trial actions made.',
  },
  source:
    '002 Trin 3 «Hold øje med hvilken forskel, prøvehandlingerne gør, så I kan fortælle om det … når I mødes næste gang»',
  judgedDate: { kind: 'today' },
  message: {
    da: 'Det næste møde er holdt: beskriv de forskelle, I har observeret, i «{label}».',
    en: 'The next meeting has been held: describe the differences you observed in "{label}".',
  },
  check(data, ctx) {
    const naeste = valueAt(data, '/aftaler/naesteMoede');
    if (!isIsoDate(naeste) || naeste > ctx.today) return [];
    return isFilled(valueAt(data, '/observeredeForskelle')) ? [] : [{ path: '/observeredeForskelle' }];
  },
};

/** Business rules of the indsatsplan form (spec section 3.10). */
export const indsatsplanRules: RuleDefinition[] = [IND_01, IND_02, IND_03, IND_04];

/** Process rules (P) of the indsatsplan form: the spec gives none (IND-04 is a warning on the data). */
export const indsatsplanDeadlines: DeadlineDefinition[] = [];
