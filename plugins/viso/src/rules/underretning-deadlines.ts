import { numberOption, addDays, arrayAt, type DeadlineDefinition } from '@skema/core';
import { dateAt, enumAt } from './leveranceaftale-read.js';
import { TYPE_AST, TYPE_KOMMUNE, UNDERRETNING } from './underretning-read.js';

const appliesTo = [UNDERRETNING];

export const und01ContactFagkonsulent: DeadlineDefinition = {
  id: 'UND-01',
  appliesTo,
  description: {
    da: 'Når der opstår bekymring for et barn, nogle søskende eller en voksen, kontakter specialisten altid straks fagkonsulenten. Fristen er en regeloption (standard: senest førstkommende arbejdsdag).',
    en: 'When concern arises about a child, siblings or an adult, the specialist always contacts the fagkonsulent at once. The deadline is a rule option (default: by the next working day).',
  },
  source:
    '001 §8.1.3 «Specialisten skal altid kontakte fagkonsulenten, når der opstår bekymring for et barn eller nogle søskende»; §8.2 «reagerer straks»',
  judgedDate: { kind: 'field', pointer: '/bekymringOpstaaetDato' },
  options: {
    workingDays: {
      description: {
        da: 'Frist i arbejdsdage fra bekymringen opstod.',
        en: 'Deadline in working days from when the concern arose.',
      },
      default: 1,
      schema: { type: 'integer', minimum: 0 },
    },
  },
  derive(data, ctx) {
    const arose = dateAt(data, '/bekymringOpstaaetDato');
    if (arose === undefined) return [];
    const days = numberOption(ctx.options, 'workingDays', 1);
    const due = ctx.calendar.addWorkingDays(arose, days);
    const contacted = dateAt(data, '/fagkonsulentKontaktet/dato');
    return [
      {
        path: '/fagkonsulentKontaktet/dato',
        label: {
          da: 'Specialisten har kontaktet fagkonsulenten om bekymringen',
          en: 'The specialist has contacted the fagkonsulent about the concern',
        },
        due,
        basis: { from: arose, amount: days, unit: 'arbejdsdage' },
        met: contacted !== undefined && contacted <= due,
      },
    ];
  },
};

export const und05MunicipalityAssessment: DeadlineDefinition = {
  id: 'UND-05',
  appliesTo,
  description: {
    da: 'Kommunen skal inden for 24 timer vurdere, om barnets sundhed eller udvikling er i fare og der er behov for akutte indsatser. Modtagelse og tilbagemelding følges op.',
    en: "The municipality assesses within 24 hours whether the child's health or development is in danger and urgent measures are needed. Receipt and feedback are followed up.",
  },
  source:
    '001 §8.1.3 «Kommunen er forpligtet til inden for 24 timer at vurdere om barnets eller den unges sundhed eller udvikling er i fare»',
  judgedDate: { kind: 'field', pointer: '/sendtDato' },
  derive(data) {
    const sentOn = dateAt(data, '/sendtDato');
    if (enumAt(data, '/type') !== TYPE_KOMMUNE || sentOn === undefined) return [];
    // Dates carry no time of day: 24 hours from sending ends on the following day.
    const due = addDays(sentOn, 1);
    const assessed = dateAt(data, '/kommunensTilbagemelding/vurderetDato');
    return [
      {
        path: '/kommunensTilbagemelding/vurderetDato',
        label: {
          da: 'Kommunens vurdering af, om barnet er i akut fare (24 timer)',
          en: "The municipality's assessment of acute danger to the child (24 hours)",
        },
        due,
        basis: { from: sentOn, amount: 24, unit: 'timer' },
        met: assessed !== undefined && assessed <= due,
      },
    ];
  },
};

export const und08CallAnkestyrelsen: DeadlineDefinition = {
  id: 'UND-08',
  appliesTo,
  description: {
    da: 'Ved særlige forhold (vold, overgreb, æresrelaterede konflikter m.m.) skal Ankestyrelsen kontaktes på 3341 1200 – spørg efter vagten i børnekontoret. Påmindelsen gives, når særlige forhold er angivet.',
    en: "In special circumstances (violence, abuse, honour-related conflicts etc.) Ankestyrelsen is called on 3341 1200 – ask for the duty officer of the children's office. The reminder appears when special circumstances are recorded.",
  },
  source:
    '001 §8.1.4 «Ved eventuel tvivl eller særlige forhold (vold, overgreb, æresrelaterede konflikter, m.m.) skal Ankestyrelsen kontaktes på 3341 1200»',
  judgedDate: { kind: 'field', pointer: '/sendtDato', fallback: 'today' },
  derive(data, ctx) {
    if (enumAt(data, '/type') !== TYPE_AST || arrayAt(data, '/saerligeForhold').length === 0) return [];
    // The call belongs with the sending; before sending, it is due today.
    const due = dateAt(data, '/sendtDato') ?? ctx.today;
    return [
      {
        path: '/telefoniskKontaktAnkestyrelsen/dato',
        label: {
          da: 'Ring til Ankestyrelsen på 3341 1200 og spørg efter vagten i børnekontoret (særlige forhold)',
          en: "Call Ankestyrelsen on 3341 1200 and ask for the duty officer of the children's office (special circumstances)",
        },
        due,
        basis: { from: due, amount: 0, unit: 'dage' },
        met: dateAt(data, '/telefoniskKontaktAnkestyrelsen/dato') !== undefined,
      },
    ];
  },
};

export const und09AnkestyrelsenResponse: DeadlineDefinition = {
  id: 'UND-09',
  appliesTo,
  description: {
    da:
      'Fagkonsulenten modtager Ankestyrelsens orientering om, hvorvidt sagen behandles efter barnets lov § 151; den registreres. VISO er ikke part og hører ikke om afgørelser. ' +
      'Ankestyrelsen angiver ingen frist; opfølgningen er en regeloption (standard 30 dage, en pladsholder).',
    en:
      "The fagkonsulent receives Ankestyrelsen's notice of whether it treats the case under barnets lov § 151; it is recorded. VISO is not a party and hears of no decisions. " +
      'Ankestyrelsen states no deadline; the follow-up is a rule option (default 30 days, a placeholder).',
  },
  source:
    '001 §8.1.5 «Fagkonsulenten vil efterfølgende modtage en orientering om, hvorvidt Ankestyrelsen vil behandle sagen efter barnets lov § 151»',
  judgedDate: { kind: 'field', pointer: '/sendtDato' },
  options: {
    followUpDays: {
      description: {
        da: 'Dage efter afsendelsen, hvor orienteringen følges op.',
        en: 'Days after sending when the notice is followed up.',
      },
      default: 30,
      schema: { type: 'integer', minimum: 1 },
    },
  },
  derive(data, ctx) {
    const sentOn = dateAt(data, '/sendtDato');
    if (enumAt(data, '/type') !== TYPE_AST || sentOn === undefined) return [];
    const days = numberOption(ctx.options, 'followUpDays', 30);
    return [
      {
        path: '/astTilbagemelding/dato',
        label: {
          da: 'Ankestyrelsens orientering om behandling efter barnets lov § 151 registreret',
          en: "Ankestyrelsen's notice on treatment under barnets lov § 151 recorded",
        },
        due: addDays(sentOn, days),
        basis: { from: sentOn, amount: days, unit: 'dage' },
        met: dateAt(data, '/astTilbagemelding/dato') !== undefined,
      },
    ];
  },
};

export const underretningDeadlineDefinitions: DeadlineDefinition[] = [
  und01ContactFagkonsulent,
  und05MunicipalityAssessment,
  und08CallAnkestyrelsen,
  und09AnkestyrelsenResponse,
];
