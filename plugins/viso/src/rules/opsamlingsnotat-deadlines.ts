import {
  countOption,
  compareDates,
  stringAt,
  valueAt,
  type DeadlineDefinition,
  type DeadlineFinding,
  type LocalizedText,
  type RuleContext,
} from '@skema/core';
import { YDELSE } from './henvendelsesskema-ydelser.js';
import { dateAt, FORM, meetingType } from './opsamlingsnotat-read.js';

const ARBEJDSDAGE = {
  description: {
    da: 'Antal arbejdsdage efter mødet, notatet skal være udsendt inden.',
    en: 'Working days after the meeting within which the summary is to be sent.',
  },
  default: 5,
  schema: { type: 'integer', minimum: 0 },
};

/** A deadline `arbejdsdage` working days after the meeting, met when `target` holds a date on or before it. */
function afterMeeting(data: unknown, ctx: RuleContext, target: string, label: LocalizedText): DeadlineFinding[] {
  const dato = dateAt(data, '/moede/dato');
  if (!dato) return [];
  const amount = countOption(ctx.options, 'arbejdsdage', 5);
  const due = ctx.calendar.addWorkingDays(dato, amount);
  const done = dateAt(data, target);
  return [
    {
      path: target,
      label,
      due,
      basis: { from: dato, amount, unit: 'arbejdsdage' },
      met: done !== undefined && compareDates(done, due) <= 0,
    },
  ];
}

const OPS_01: DeadlineDefinition = {
  id: 'OPS-01',
  appliesTo: FORM,
  description: {
    da: 'Opsamlingsnotatet fra det afklarende møde sendes til henvender og lægges i VIAS senest fem arbejdsdage efter mødet.',
    en: 'The summary of the clarifying meeting is sent to the referrer and filed in VIAS within five working days of the meeting.',
  },
  source:
    '001 §5.1.3 «Udarbejde et opsamlingsnotat i VIAS, sende det til henvender og lægge det i VIAS senest fem arbejdsdage efter det afklarende møde»',
  judgedDate: { kind: 'field', pointer: '/moede/dato' },
  options: { arbejdsdage: ARBEJDSDAGE },
  derive(data, ctx) {
    if (meetingType(data) !== 'Afklarende møde') return [];
    return [
      ...afterMeeting(data, ctx, '/udsendelse/udsendtDato', {
        da: 'Send opsamlingsnotatet fra det afklarende møde til henvender',
        en: 'Send the summary of the clarifying meeting to the referrer',
      }),
      ...afterMeeting(data, ctx, '/udsendelse/lagtIViasDato', {
        da: 'Læg opsamlingsnotatet fra det afklarende møde i VIAS',
        en: 'File the summary of the clarifying meeting in VIAS',
      }),
    ];
  },
};

const OPS_05: DeadlineDefinition = {
  id: 'OPS-05',
  appliesTo: FORM,
  description: {
    da: 'Specialisten skriver referat af arbejdsmødet og lægger det i sagshistorikken. Får mødet karakter af et midtvejsmøde, udsendes et opsamlingsnotat efter midtvejsmødets skabelon. Frøet angiver ingen frist; påmindelsen bruger regelindstillingen «arbejdsdage».',
    en: 'The specialist writes minutes of the working meeting and files them in the case history. If it turns into a midway meeting, a summary using the midway template is sent out. The seed gives no deadline; the reminder uses the rule option "arbejdsdage".',
  },
  source:
    '001 §5.2.7 «Specialisten skriver som udgangspunkt referat af arbejdsmødet og lægger det i sagshistorikken. Hvis arbejdsmødet får karakter af et midtvejsmøde, udarbejder og udsender specialisten et opsamlingsnotat»',
  judgedDate: { kind: 'field', pointer: '/moede/dato' },
  options: { arbejdsdage: ARBEJDSDAGE },
  derive(data, ctx) {
    if (meetingType(data) !== 'Arbejdsmøde') return [];
    if (valueAt(data, '/arbejdsmoede/harKarakterAfMidtvejsmoede') === true) {
      return afterMeeting(data, ctx, '/udsendelse/udsendtDato', {
        da: 'Send opsamlingsnotatet fra arbejdsmødet (midtvejsmødets skabelon) til henvender',
        en: 'Send the summary of the working meeting (midway template) to the referrer',
      });
    }
    return afterMeeting(data, ctx, '/udsendelse/lagtIViasDato', {
      da: 'Læg referatet af arbejdsmødet i sagshistorikken i VIAS',
      en: 'File the minutes of the working meeting in the VIAS case history',
    });
  },
};

const OPS_08: DeadlineDefinition = {
  id: 'OPS-08',
  appliesTo: FORM,
  description: {
    da: 'I rådgivningsforløb om adoption uden samtykke udarbejder specialisten et opsamlingsnotat fra hvert rådgivningsmøde og sender det til henvender. Frøet angiver ingen frist; påmindelsen bruger regelindstillingen «arbejdsdage».',
    en: 'In courses on adoption without consent the specialist writes a summary of every advisory meeting and sends it to the referrer. The seed gives no deadline; the reminder uses the rule option "arbejdsdage".',
  },
  source: '001 §3.9 «Opsamlingsnotater fra hvert rådgivningsmøde udarbejdes af specialisten og sendes til henvender»',
  judgedDate: { kind: 'field', pointer: '/moede/dato' },
  options: { arbejdsdage: ARBEJDSDAGE },
  derive(data, ctx) {
    // The afklarende møde already has its own deadline (OPS-01).
    if (stringAt(data, '/sag/ydelse') !== YDELSE.adoption || meetingType(data) === 'Afklarende møde') return [];
    return afterMeeting(data, ctx, '/udsendelse/udsendtDato', {
      da: 'Send opsamlingsnotatet fra rådgivningsmødet til henvender',
      en: 'Send the summary of the advisory meeting to the referrer',
    });
  },
};

/** Process rules (P) of the opsamlingsnotat form: derived deadlines and reminders. */
export const opsamlingsnotatDeadlines: DeadlineDefinition[] = [OPS_01, OPS_05, OPS_08];
