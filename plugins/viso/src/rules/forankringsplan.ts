import { countOption, addMonths, compareDates, valueAt, type RuleDefinition, type RuleFinding } from '@skema/core';
import { forankringsplanDeadlines } from './forankringsplan-deadlines.js';
import {
  allFollowUps,
  afsluttendeMoede,
  FORM,
  forankringsmoede,
  isFuture,
  listedFollowUps,
} from './forankringsplan-read.js';
import { FOR_05, FOR_06 } from './forankringsplan-sparring.js';
import { dateAt } from './opsamlingsnotat-read.js';

export { forankringsplanDeadlines };

const FOR_01: RuleDefinition = {
  id: 'FOR-01',
  severity: 'error',
  appliesTo: FORM,
  description: {
    da: 'Et forankringsmøde skal være aftalt senest ved sidste rådgivningsgang. Det holdes gerne samme dag som det afsluttende møde og aldrig før; der afsættes som udgangspunkt 1 time.',
    en: 'An anchoring meeting must be agreed at the latest at the last advisory session. It is preferably held on the day of the closing meeting and never before; 1 hour is set aside as a rule.',
  },
  source:
    '001 §5.4.1 «Et ønske om forankringsmøde skal aftales senest ved sidste rådgivningsgang. Der opfordres til, at forankringsmødet afholdes samme dato som det afsluttende møde»',
  message: {
    da: 'Angiv, hvornår forankringsmødet blev aftalt: «{label}» skal udfyldes.',
    en: 'State when the anchoring meeting was agreed: "{label}" is required.',
  },
  check(data) {
    const findings: RuleFinding[] = [];
    const agreed = dateAt(data, '/forankringsmoede/aftaltDato');
    // Without a separate date, the afsluttende møde is the last rådgivningsgang.
    const lastSession = dateAt(data, '/sidsteRaadgivningsgangDato') ?? afsluttendeMoede(data);
    if (!agreed) findings.push({ path: '/forankringsmoede/aftaltDato' });
    else if (lastSession && compareDates(agreed, lastSession) > 0) {
      findings.push({
        path: '/forankringsmoede/aftaltDato',
        params: { dato: lastSession },
        message: {
          da: 'Forankringsmødet skal være aftalt senest ved sidste rådgivningsgang ({dato}).',
          en: 'The anchoring meeting must be agreed at the latest at the last advisory session ({dato}).',
        },
      });
    }
    const afsluttende = afsluttendeMoede(data);
    const meeting = forankringsmoede(data);
    if (afsluttende && meeting && compareDates(meeting, afsluttende) < 0) {
      findings.push({
        path: '/forankringsmoede/dato',
        message: {
          da: 'Forankringsmødet kan ikke ligge før det afsluttende møde; det holdes gerne samme dag.',
          en: 'The anchoring meeting cannot be before the closing meeting; it is preferably held the same day.',
        },
      });
    }
    return findings;
  },
};

const FOR_02: RuleDefinition = {
  id: 'FOR-02',
  severity: 'error',
  appliesTo: FORM,
  description: {
    da: 'Inden specialisten sender invitationen til forankringsmødet, er det afstemt med rådgivningsdeltagerne, hvem der er tovholder. Dagsorden og skabelon sendes til tovholderen senest en uge før mødet (frist, se FOR-02 under frister).',
    en: 'Before the specialist sends the invitation to the anchoring meeting, the participants have agreed who the coordinator is. Agenda and template reach the coordinator at least a week before the meeting (deadline).',
  },
  source:
    '001 §5.4.1 «Inden specialisten sender invitation til forankringsmødet ud til henvender, skal det være afstemt med rådgivningsdeltagerne, hvem der kan varetage rollen som tovholder»',
  message: {
    da: 'Tovholderen skal være aftalt, før invitationen til forankringsmødet sendes: «{label}» skal udfyldes.',
    en: 'The coordinator must be agreed before the invitation is sent: "{label}" is required.',
  },
  check(data) {
    const invitation = dateAt(data, '/forankringsmoede/invitationSendtDato');
    if (!invitation) return [];
    const agreed = dateAt(data, '/tovholder/aftaltDato');
    if (!agreed) return [{ path: '/tovholder/aftaltDato' }];
    return compareDates(agreed, invitation) > 0
      ? [
          {
            path: '/tovholder/aftaltDato',
            message: {
              da: 'Tovholderen blev aftalt efter, at invitationen var sendt; tovholderen skal være på plads først.',
              en: 'The coordinator was agreed after the invitation was sent; the coordinator must be in place first.',
            },
          },
        ]
      : [];
  },
};

const FOR_03: RuleDefinition = {
  id: 'FOR-03',
  severity: 'error',
  appliesTo: FORM,
  description: {
    da: 'Der kan kun aftales ét opfølgende møde ad gangen, fordi behovet for flere møder afhænger af arbejdet med planen frem til næste møde.',
    en: 'Only one follow-up meeting can be agreed at a time, because the need for more depends on the work with the plan until the next meeting.',
  },
  source: '001 §5.4.1 «Der kan kun aftales ét opfølgende møde af gangen»',
  judgedDate: { kind: 'today' },
  message: {
    da: 'Der kan kun aftales ét opfølgende møde ad gangen; der er allerede aftalt et møde den {dato}.',
    en: 'Only one follow-up meeting can be agreed at a time; one is already agreed for {dato}.',
  },
  check(data, ctx) {
    const future = allFollowUps(data)
      .filter((m) => isFuture(m, ctx.today))
      .sort((a, b) => compareDates(a.dato!, b.dato!));
    const [first, ...rest] = future;
    if (!first) return [];
    return rest.map((m) => ({ path: m.datePath, params: { dato: first.dato! } }));
  },
};

const FOR_04: RuleDefinition = {
  id: 'FOR-04',
  severity: 'error',
  appliesTo: FORM,
  description: {
    da: 'Opfølgende møder forudsætter et afholdt forankringsmøde. Der holdes højst tre opfølgende møder i alt, alle inden for seks måneder efter det afsluttende møde, hvert på 1,5 time.',
    en: 'Follow-up meetings require an anchoring meeting held earlier. At most three follow-up meetings in all, all within six months of the closing meeting, each 1.5 hours.',
  },
  judgedDate: { kind: 'today' },
  source:
    '001 §5.4.3 «Det er en forudsætning, at der har været afholdt forankringsmøde, inden der tilbydes opfølgende møde(r)»; «dog max tre opfølgende møder i alt inden for seks måneder efter det afsluttende møde»; «Tidsrammen for et opfølgende møde er 1,5 time»',
  message: {
    da: 'Der er {antal} opfølgende møder; der kan højst holdes {maks}.',
    en: 'There are {antal} follow-up meetings; at most {maks} can be held.',
  },
  options: {
    maksMoeder: {
      description: { da: 'Højeste antal opfølgende møder.', en: 'Maximum number of follow-up meetings.' },
      default: 3,
      schema: { type: 'integer', minimum: 1, maximum: 3 },
    },
    maaneder: {
      description: {
        da: 'Måneder efter det afsluttende møde, møderne skal ligge inden for.',
        en: 'Months after the closing meeting within which the meetings fall.',
      },
      default: 6,
      schema: { type: 'integer', minimum: 1, maximum: 6 },
    },
    maksTimer: {
      description: {
        da: 'Tidsramme for et opfølgende møde i timer.',
        en: 'Time frame of a follow-up meeting in hours.',
      },
      default: 1.5,
      schema: { type: 'number', exclusiveMinimum: 0, maximum: 1.5 },
    },
  },
  check(data, ctx) {
    const meetings = allFollowUps(data);
    if (meetings.length === 0) return [];
    const findings: RuleFinding[] = [];
    const maks = countOption(ctx.options, 'maksMoeder', 3);
    if (meetings.length > maks) findings.push({ path: '/opfoelgendeMoeder', params: { antal: meetings.length, maks } });
    const afsluttende = afsluttendeMoede(data);
    const maaneder = countOption(ctx.options, 'maaneder', 6);
    const limit = afsluttende ? addMonths(afsluttende, maaneder) : undefined;
    const anchoring = forankringsmoede(data);
    for (const m of meetings) {
      if (!m.dato) continue;
      if (limit && compareDates(m.dato, limit) > 0) {
        findings.push({
          path: m.datePath,
          params: { maaneder, dato: limit },
          message: {
            da: 'Opfølgende møder skal ligge inden for {maaneder} måneder efter det afsluttende møde (senest {dato}).',
            en: 'Follow-up meetings must fall within {maaneder} months of the closing meeting (by {dato}).',
          },
        });
      }
      if (anchoring && compareDates(m.dato, anchoring) <= 0) {
        findings.push({
          path: m.datePath,
          message: {
            da: 'Et opfølgende møde skal ligge efter forankringsmødet.',
            en: 'A follow-up meeting must come after the anchoring meeting.',
          },
        });
      }
    }
    const anyHeld = meetings.some((m) => m.afholdt || (m.dato !== undefined && compareDates(m.dato, ctx.today) <= 0));
    if (anyHeld && valueAt(data, '/forankringsmoede/afholdt') !== true) {
      findings.push({
        path: '/forankringsmoede/afholdt',
        message: {
          da: 'Der kan først holdes opfølgende møder, når forankringsmødet er afholdt.',
          en: 'Follow-up meetings can only be held once the anchoring meeting has been held.',
        },
      });
    }
    const maksTimer = typeof ctx.options.maksTimer === 'number' ? ctx.options.maksTimer : 1.5;
    listedFollowUps(data).forEach((m) => {
      const timer = valueAt(m.value, '/varighedTimer');
      if (typeof timer === 'number' && timer > maksTimer) {
        findings.push({
          path: `${m.path}/varighedTimer`,
          message: {
            da: `Tidsrammen for et opfølgende møde er ${String(maksTimer).replace('.', ',')} time.`,
            en: `The time frame of a follow-up meeting is ${maksTimer} hours.`,
          },
        });
      }
    });
    return findings;
  },
};

/** Business rules of the forankringsplan form (spec §3.6). */
export const forankringsplanRules: RuleDefinition[] = [FOR_01, FOR_02, FOR_03, FOR_04, FOR_05, FOR_06];
