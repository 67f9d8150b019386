import {
  numberOption,
  addDays,
  addMonths,
  arrayAt,
  daysBetween,
  type DeadlineDefinition,
  type DeadlineFinding,
  type IsoDate,
  type RuleContext,
} from '@skema/core';
import { dateAt, enumAt, hasText, LEVERANCEAFTALE } from './leveranceaftale-read.js';
import { notatOf } from './case-read.js';

/** When the case's afklarende opsamlingsnotat was sent to the henvender, if it records it. */
function notatSent(ctx: RuleContext): IsoDate | undefined {
  const notat = notatOf(ctx, 'Afklarende møde');
  return notat ? dateAt(notat.data, '/udsendelse/udsendtDato') : undefined;
}

const appliesTo = [LEVERANCEAFTALE];

/** Met when the target date is recorded and falls on or before the due date. */
function metBy(target: IsoDate | undefined, due: IsoDate): boolean {
  return target !== undefined && target <= due;
}

/** The last day of the date's month. */
export function endOfMonth(date: IsoDate): IsoDate {
  return addDays(addMonths(`${date.slice(0, 7)}-01`, 1), -1);
}

export const lev01ProposalDeadline: DeadlineDefinition = {
  id: 'LEV-01',
  appliesTo,
  description: {
    da: 'Forslaget til leveranceaftale sendes til fagkonsulentens godkendelse senest 5 dage efter, at opsamlingsnotatet er udsendt (kalenderdage, spec §8 Q2).',
    en: 'The proposal goes to the fagkonsulent at most 5 days after the meeting summary was sent (calendar days, spec §8 Q2).',
  },
  source: '001 §5.1.3 «Senest 5 dage efter, at opsamlingsnotatet er udsendt, udarbejde et forslag til leveranceaftale»',
  judgedDate: { kind: 'field', pointer: '/tidsplan/opsamlingsnotatUdsendt' },
  options: {
    days: {
      description: { da: 'Frist i kalenderdage.', en: 'Deadline in calendar days.' },
      default: 5,
      schema: { type: 'integer', minimum: 0 },
    },
  },
  derive(data, ctx) {
    // In a case the date can come from the afklarende opsamlingsnotat itself (when it was sent).
    const sent = dateAt(data, '/tidsplan/opsamlingsnotatUdsendt') ?? notatSent(ctx);
    if (sent === undefined) return [];
    const days = numberOption(ctx.options, 'days', 5);
    const due = addDays(sent, days);
    return [
      {
        path: '/tidsplan/forslagSendt',
        label: {
          da: 'Forslag til leveranceaftale sendt til fagkonsulenten',
          en: 'Proposed delivery agreement sent to the fagkonsulent',
        },
        due,
        basis: { from: sent, amount: days, unit: 'dage' },
        met: metBy(dateAt(data, '/tidsplan/forslagSendt'), due),
      },
    ];
  },
};

/** Only an approved (or finished) agreement has hours to log. */
const LOGGING_STATUSES = ['Godkendt', 'Afsluttet', 'Afbrudt'];

export const lev15HoursLogged: DeadlineDefinition = {
  id: 'LEV-15',
  appliesTo,
  description: {
    da: 'Forbrugte timer og øvrigt forbrug logges hurtigst muligt og senest inden udgangen af den måned, hvor aktiviteten er planlagt.',
    en: 'Hours and other use are logged as soon as possible and by the end of the month in which the activity is planned.',
  },
  source: '001 §5.2.3 «senest inden udgangen af den måned, hvor aktiviteten er planlagt (ifølge leveranceplanen)»',
  judgedDate: { kind: 'field', pointer: '/aktiviteter/*/dato' },
  derive(data) {
    if (!LOGGING_STATUSES.includes(enumAt(data, '/status') ?? '')) return [];
    const interruptedOn = enumAt(data, '/status') === 'Afbrudt' ? dateAt(data, '/afbrydelse/dato') : undefined;
    return arrayAt(data, '/aktiviteter').flatMap((_, i): DeadlineFinding[] => {
      const planned = dateAt(data, `/aktiviteter/${i}/dato`);
      // Activities planned after an interruption will not take place.
      if (planned === undefined || (interruptedOn !== undefined && planned > interruptedOn)) return [];
      const kategori = enumAt(data, `/aktiviteter/${i}/kategori`) ?? '';
      const due = endOfMonth(planned);
      return [
        {
          path: `/aktiviteter/${i}/loggetDato`,
          label: {
            da: `Timer og forbrug logget for aktivitet ${i + 1} (${kategori})`,
            en: `Hours and use logged for activity ${i + 1} (${kategori})`,
          },
          due,
          basis: { from: planned, amount: daysBetween(planned, due), unit: 'dage' },
          met: metBy(dateAt(data, `/aktiviteter/${i}/loggetDato`), due),
        },
      ];
    });
  },
};

export const lev18SupplierChoiceJustified: DeadlineDefinition = {
  id: 'LEV-18',
  appliesTo,
  description: {
    da: 'Fagkonsulenten vælger den bedst kvalificerede leverandør (ellers den næstbedste med kapacitet; ved lige egnethed den laveste samlede pris for timer og transport) og begrunder valget i VIAS, før visitationsydelsen sendes.',
    en: 'The fagkonsulent chooses the best-qualified supplier (else the next best with capacity; on a tie the lowest total price of hours and transport) and justifies the choice before sending the visitation.',
  },
  source:
    '001 §5.1.2 «Fagkonsulenten udvælger og begrunder sit valg af leverandør i VIAS. Herefter sender fagkonsulenten henvendelsen til leverandøren»',
  judgedDate: { kind: 'field', pointer: '/visitation/modtagetDato' },
  derive(data) {
    const sentToSupplier = dateAt(data, '/visitation/modtagetDato');
    if (sentToSupplier === undefined) return [];
    return [
      {
        path: '/leverandoerValgBegrundelse',
        label: { da: 'Valget af leverandør begrundet', en: 'Choice of supplier justified' },
        due: sentToSupplier,
        basis: { from: sentToSupplier, amount: 0, unit: 'dage' },
        met: hasText(data, '/leverandoerValgBegrundelse'),
      },
    ];
  },
};

export const lev19SupplierResponse: DeadlineDefinition = {
  id: 'LEV-19',
  appliesTo,
  description: {
    da: 'Leverandøren svarer «ja tak» eller «nej tak» senest fem arbejdsdage efter modtagelsen; efter accept kontakter specialisten henvender senest fem arbejdsdage efter og tilbyder et afklarende møde inden for 30 dage efter accepten.',
    en: "The supplier answers 'ja tak' or 'nej tak' within five working days; after accepting, the specialist contacts the referrer within five working days and offers a clarifying meeting within 30 days of acceptance.",
  },
  source:
    '001 §5.1.2 «senest fem arbejdsdage efter modtagelsen af henvendelsen svare ’ja tak’ eller ’nej tak’»; «inden for 30 dage efter, at specialisten har accepteret opgaven»',
  judgedDate: { kind: 'field', pointer: '/visitation/modtagetDato' },
  derive(data, ctx) {
    const findings: DeadlineFinding[] = [];
    const received = dateAt(data, '/visitation/modtagetDato');
    const answeredOn = dateAt(data, '/visitation/svarDato');
    const answered = hasText(data, '/visitation/svar');
    if (received !== undefined) {
      const due = ctx.calendar.addWorkingDays(received, 5);
      findings.push({
        path: '/visitation/svarDato',
        label: { da: 'Leverandørens svar «ja tak» / «nej tak»', en: "Supplier's answer 'ja tak' / 'nej tak'" },
        due,
        basis: { from: received, amount: 5, unit: 'arbejdsdage' },
        met: answered && metBy(answeredOn, due),
      });
    }
    if (enumAt(data, '/visitation/svar') === 'ja tak' && answeredOn !== undefined) {
      const contactDue = ctx.calendar.addWorkingDays(answeredOn, 5);
      findings.push({
        path: '/visitation/henvenderKontaktetDato',
        label: {
          da: 'Henvender kontaktet om det afklarende møde',
          en: 'Referrer contacted about the clarifying meeting',
        },
        due: contactDue,
        basis: { from: answeredOn, amount: 5, unit: 'arbejdsdage' },
        met: metBy(dateAt(data, '/visitation/henvenderKontaktetDato'), contactDue),
      });
      const meetingDue = addDays(answeredOn, 30);
      const offered = dateAt(data, '/visitation/tilbudtDatoAfklarendeMoede');
      findings.push({
        path: '/visitation/tilbudtDatoAfklarendeMoede',
        label: { da: 'Afklarende møde tilbudt inden for 30 dage', en: 'Clarifying meeting offered within 30 days' },
        due: meetingDue,
        basis: { from: answeredOn, amount: 30, unit: 'dage' },
        met: metBy(offered, meetingDue) || metBy(dateAt(data, '/tidsplan/datoAfklarendeMoede'), meetingDue),
      });
    }
    return findings;
  },
};

export const leveranceaftaleDeadlineDefinitions: DeadlineDefinition[] = [
  lev01ProposalDeadline,
  lev15HoursLogged,
  lev18SupplierChoiceJustified,
  lev19SupplierResponse,
];
