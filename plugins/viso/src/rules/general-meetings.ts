import {
  arrayAt,
  compareDates,
  compareVersions,
  countOption,
  isFilled,
  stringAt,
  valueAt,
  type DeadlineDefinition,
  type RuleDefinition,
  type RuleFinding,
} from '@skema/core';
import { YDELSE } from './henvendelsesskema-ydelser.js';
import { dateAt, FORM, meetingType } from './opsamlingsnotat-read.js';

/*
 * Cross-cutting rules of spec §4 (GEN-03, GEN-04, GEN-05, DP-10) that the opsamlingsnotat holds
 * from version 1.1.0, and the DP-08 reminder to journalise every notat.
 */

/**
 * A rule a form gained with a version: older versions have no field for what it checks, so it
 * never fires there and their (locked) examples cannot show it. `since` names that version per
 * form; the forms' example test reads it to ask for an invalid example only where the rule applies.
 */
export type VersionedRule = RuleDefinition & { readonly since: Readonly<Record<string, string>> };

function sinceVersion(rule: RuleDefinition, since: Record<string, string>): VersionedRule {
  return {
    ...rule,
    since,
    check(data, ctx) {
      const from = since[ctx.formId];
      return from !== undefined && compareVersions(ctx.version, from) < 0 ? [] : rule.check(data, ctx);
    },
  };
}

const SINCE = { opsamlingsnotat: '1.1.0' };
const isTrue = (data: unknown, path: string) => valueAt(data, path) === true;

/** Every element of an array whose listed members are not `true`, as findings at those members. */
function notConfirmed(data: unknown, array: string, members: readonly string[]): RuleFinding[] {
  return arrayAt(data, array).flatMap((_, i) =>
    members.filter((m) => !isTrue(data, `${array}/${i}/${m}`)).map((m) => ({ path: `${array}/${i}/${m}` })),
  );
}

const GEN_03 = sinceVersion(
  {
    id: 'GEN-03',
    severity: 'error',
    appliesTo: FORM,
    description: {
      da: 'Forlænges et mini-rådgivningsforløb i en enkeltsag til et længerevarende forløb, og deltog barnet, den unge eller borgeren ikke i det afklarende møde, indkaldes der til et nyt afklarende møde.',
      en: 'When a mini advisory course in a single case is extended to a longer course and the child, young person or citizen did not attend the clarifying meeting, a new clarifying meeting is called.',
    },
    source:
      '001 §3.5 «Der skal endvidere indkaldes til nyt afklarende møde, hvis barnet, den unge eller borgeren ikke deltog tidligere»',
    message: {
      da: '«{label}» skal udfyldes: forløbet forlænges, og barnet, den unge eller borgeren deltog ikke i det afklarende møde.',
      en: '"{label}" is required: the course is extended and the child, young person or citizen did not attend the clarifying meeting.',
    },
    check(data) {
      if (stringAt(data, '/sag/ydelse') !== YDELSE.miniEnkeltsag || meetingType(data) !== 'Afklarende møde') return [];
      if (!isTrue(data, '/afklarende/forloebForlaenget') || valueAt(data, '/inddragelse/borgerDeltog') !== false)
        return [];
      return dateAt(data, '/afklarende/nytAfklarendeMoedeDato') ? [] : [{ path: '/afklarende/nytAfklarendeMoedeDato' }];
    },
  },
  SINCE,
);

const GEN_04 = sinceVersion(
  {
    id: 'GEN-04',
    severity: 'error',
    appliesTo: FORM,
    description: {
      da: 'Supplerende oplysninger indhentes kun efter aftale med fagkonsulenten og med samtykke fra borgeren eller forældremyndighedsindehaveren, som fremgår af VIAS; henvender orienteres, og kun nødvendige oplysninger indhentes (dataminimering).',
      en: 'Supplementary information is collected only by agreement with the fagkonsulent and with the consent of the citizen or holder of parental responsibility, recorded in VIAS; the referrer is informed, and only necessary information is collected (data minimisation).',
    },
    source:
      '001 §5.2.3 «Specialisterne kan efter aftale med fagkonsulenten indhente supplerende oplysninger, hvis borger eller forældremyndighedsindehaver har givet samtykke … Henvender skal orienteres … iagttage princippet om dataminimering»',
    message: {
      da: '«{label}» skal være på plads, før supplerende oplysninger indhentes.',
      en: '"{label}" must be in place before supplementary information is collected.',
    },
    check(data) {
      const findings = notConfirmed(data, '/supplerendeOplysninger', [
        'aftaltMedFagkonsulent',
        'samtykkeIVias',
        'henvenderOrienteret',
        'noedvendighedVurderet',
      ]);
      arrayAt(data, '/supplerendeOplysninger').forEach((_, i) => {
        const path = `/supplerendeOplysninger/${i}/samtykkeFra`;
        if (!isFilled(valueAt(data, path))) findings.push({ path });
      });
      return findings.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    },
  },
  SINCE,
);

const GEN_05 = sinceVersion(
  {
    id: 'GEN-05',
    severity: 'error',
    appliesTo: FORM,
    description: {
      da: 'Observation og video af borgeren kræver ikke nyt samtykke, men andre personer, der indgår, skal give særskilt skriftligt samtykke (efterfølgende, hvis de kommer med i en optagelse). VISO anvender ikke uanmeldt observation.',
      en: 'Observation and video of the citizen need no new consent, but other people who take part must give separate written consent (afterwards if they end up in a recording). VISO does not use unannounced observation.',
    },
    source:
      '001 §5.2.3 «Hvis andre personer indgår i observationen, skal der være særskilt skriftligt samtykke fra disse»; «VISO anvender ikke uanmeldt observation»',
    message: {
      da: '«{label}» skal være opfyldt: andre personer, der indgår, skal give særskilt skriftligt samtykke.',
      en: '"{label}" must be met: other people who take part must give separate written consent.',
    },
    check(data) {
      const findings: RuleFinding[] = [];
      arrayAt(data, '/observationer').forEach((_, i) => {
        if (!isTrue(data, `/observationer/${i}/anmeldt`)) {
          findings.push({
            path: `/observationer/${i}/anmeldt`,
            message: {
              da: 'VISO anvender ikke uanmeldt observation: «{label}» skal være opfyldt.',
              en: 'VISO does not use unannounced observation: "{label}" must be met.',
            },
          });
        }
        if (
          isTrue(data, `/observationer/${i}/andrePersonerIndgaar`) &&
          !isTrue(data, `/observationer/${i}/skriftligtSamtykkeFraAndre`)
        ) {
          findings.push({ path: `/observationer/${i}/skriftligtSamtykkeFraAndre` });
        }
      });
      return findings;
    },
  },
  SINCE,
);

const DP_10 = sinceVersion(
  {
    id: 'DP-10',
    severity: 'error',
    appliesTo: FORM,
    description: {
      da: 'En partsrepræsentant orienteres som parten og modtager de samme referater og dokumenter. Er opsamlingsnotatet sendt ud, skal hver partsrepræsentant også have fået det.',
      en: 'A party representative is informed like the party and receives the same minutes and documents. Once the summary has been sent out, every party representative must have received it too.',
    },
    source:
      '001 bilag 13 «En partsrepræsentant skal orienteres på samme måde som den involverede part, og skal blandt andet derfor også modtage referater og andet, som sendes til denne»',
    message: {
      da: '«{label}» skal være opfyldt: en partsrepræsentant modtager de samme referater som parten.',
      en: '"{label}" must be met: a party representative receives the same minutes as the party.',
    },
    check(data) {
      if (!dateAt(data, '/udsendelse/udsendtDato')) return [];
      return notConfirmed(data, '/partsrepraesentanter', ['notatTilsendt']);
    },
  },
  SINCE,
);

/** GEN-03, GEN-04, GEN-05 and DP-10 on the opsamlingsnotat (from 1.1.0). */
export const meetingRules: VersionedRule[] = [GEN_03, GEN_04, GEN_05, DP_10];

const DP_08: DeadlineDefinition = {
  id: 'DP-08',
  appliesTo: FORM,
  description: {
    da: 'Notat- og journaliseringspligt: notatet fra mødet lægges i VIAS snarest muligt, så journalen er ajour, før nogen beder om aktindsigt. Frøet angiver ingen frist; påmindelsen bruger regelindstillingen «arbejdsdage». Det afklarende møde har sin egen frist (OPS-01).',
    en: 'Duty to record and journalise: the meeting summary is filed in VIAS as soon as possible, so the record is current before anyone requests access. The seed gives no deadline; the reminder uses the rule option "arbejdsdage". The clarifying meeting has its own deadline (OPS-01).',
  },
  judgedDate: { kind: 'field', pointer: '/moede/dato' },
  source:
    '001 §6.1 «Derudover skal der laves notat om væsentlige sagsbehandlingskridt i sagen, som udarbejdes snarest muligt»; §6.2 «Det er vigtigt, at journalerne er ført ajour, inden borgeren eventuelt anmoder om aktindsigt i forløbet»',
  options: {
    arbejdsdage: {
      description: {
        da: 'Arbejdsdage efter mødet, hvor notatet skal være lagt i VIAS.',
        en: 'Working days after the meeting by which the summary is filed in VIAS.',
      },
      default: 5,
      schema: { type: 'integer', minimum: 0 },
    },
  },
  derive(data, ctx) {
    const dato = dateAt(data, '/moede/dato');
    const type = meetingType(data);
    if (!dato || type === undefined || type === 'Afklarende møde') return [];
    const amount = countOption(ctx.options, 'arbejdsdage', 5);
    const due = ctx.calendar.addWorkingDays(dato, amount);
    const filed = dateAt(data, '/udsendelse/lagtIViasDato');
    return [
      {
        path: '/udsendelse/lagtIViasDato',
        label: {
          da: 'Læg notatet fra mødet i VIAS (journaliseringspligt)',
          en: 'File the meeting summary in VIAS (duty to journalise)',
        },
        due,
        basis: { from: dato, amount, unit: 'arbejdsdage' },
        met: filed !== undefined && compareDates(filed, due) <= 0,
      },
    ];
  },
};

export const meetingDeadlines: DeadlineDefinition[] = [DP_08];
