import {
  countOption,
  addDays,
  addMonths,
  arrayAt,
  compareDates,
  pointer,
  type DeadlineDefinition,
  type DeadlineFinding,
} from '@skema/core';
import { afsluttendeMoede, FORM, forankringsmoede } from './forankringsplan-read.js';
import { dateAt } from './opsamlingsnotat-read.js';

const FOR_02: DeadlineDefinition = {
  id: 'FOR-02',
  appliesTo: FORM,
  description: {
    da: 'Specialisten sender dagsorden og skabelon til forankringsplanen til tovholderen senest en uge før forankringsmødet.',
    en: 'The specialist sends the agenda and the plan template to the coordinator at least one week before the anchoring meeting.',
  },
  source:
    '001 §5.4.1 «specialisten skal senest fremsende dagsorden og skabelon til forankringsplan til tovholder senest en uge før forankringsmødet afholdes»',
  judgedDate: { kind: 'field', pointer: '/forankringsmoede/dato' },
  derive(data) {
    const meeting = forankringsmoede(data);
    if (!meeting) return [];
    const due = addDays(meeting, -7);
    const sent = dateAt(data, '/forankringsmoede/dagsordenSendtTilTovholderDato');
    return [
      {
        path: '/forankringsmoede/dagsordenSendtTilTovholderDato',
        label: {
          da: 'Send dagsorden og skabelon til tovholderen',
          en: 'Send the agenda and template to the coordinator',
        },
        due,
        basis: { from: meeting, amount: -1, unit: 'uger' },
        met: sent !== undefined && compareDates(sent, due) <= 0,
      },
    ];
  },
};

const FOR_07: DeadlineDefinition = {
  id: 'FOR-07',
  appliesTo: FORM,
  description: {
    da: 'Tovholderen sender forankringsplanen til mødedeltagerne og specialisten efter hvert møde, og specialisten lægger den i VIAS. Det sidste opfølgende møde afslutter forankringsforløbet; der holdes ikke et nyt afsluttende møde. Frøet angiver ingen frist for udsendelsen; påmindelsen bruger regelindstillingen «arbejdsdage».',
    en: 'The coordinator sends the plan to the participants and the specialist after every meeting, and the specialist files it in VIAS. The last follow-up meeting ends the anchoring course; no new closing meeting is held. The seed gives no deadline for sending; the reminder uses the rule option "arbejdsdage".',
  },
  source:
    '001 §5.4.1 «Tovholderen udsender forankringsplanen til mødedeltagerne og specialisten efter mødet. Specialisten lægger forankringsplanen i VIAS»; §5.4.4',
  judgedDate: { kind: 'field', pointer: '/versioner/*/dato' },
  options: {
    arbejdsdage: {
      description: {
        da: 'Arbejdsdage efter mødet, inden planen er sendt ud og lagt i VIAS.',
        en: 'Working days after the meeting within which the plan is sent and filed.',
      },
      default: 5,
      schema: { type: 'integer', minimum: 0 },
    },
  },
  derive(data, ctx) {
    const out: DeadlineFinding[] = [];
    const amount = countOption(ctx.options, 'arbejdsdage', 5);
    arrayAt(data, '/versioner').forEach((v, i) => {
      const dato = dateAt(v, '/dato');
      if (!dato) return;
      const due = ctx.calendar.addWorkingDays(dato, amount);
      const basis = { from: dato, amount, unit: 'arbejdsdage' as const };
      const sent = dateAt(v, '/udsendtDato');
      const filed = dateAt(v, '/lagtIViasDato');
      out.push(
        {
          path: pointer('versioner', i, 'udsendtDato'),
          label: {
            da: 'Tovholderen sender forankringsplanen til deltagerne og specialisten',
            en: 'The coordinator sends the plan to the participants and the specialist',
          },
          due,
          basis,
          met: sent !== undefined && compareDates(sent, due) <= 0,
        },
        {
          path: pointer('versioner', i, 'lagtIViasDato'),
          label: { da: 'Specialisten lægger forankringsplanen i VIAS', en: 'The specialist files the plan in VIAS' },
          due,
          basis,
          met: filed !== undefined && compareDates(filed, due) <= 0,
        },
      );
    });
    const afsluttende = afsluttendeMoede(data);
    if (afsluttende) {
      const due = addMonths(afsluttende, 6);
      const ended = dateAt(data, '/forloebAfsluttetDato');
      out.push({
        path: '/forloebAfsluttetDato',
        label: {
          da: 'Forankringsforløbet afsluttes med det sidste opfølgende møde',
          en: 'The anchoring course ends with the last follow-up meeting',
        },
        due,
        basis: { from: afsluttende, amount: 6, unit: 'måneder' },
        met: ended !== undefined && compareDates(ended, due) <= 0,
      });
    }
    return out;
  },
};

/** Process rules (P) of the forankringsplan form: derived deadlines and reminders. */
export const forankringsplanDeadlines: DeadlineDefinition[] = [FOR_02, FOR_07];
