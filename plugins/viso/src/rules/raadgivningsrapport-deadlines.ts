import { countOption, compareDates, valueAt, type DeadlineDefinition, type DeadlineFinding } from '@skema/core';
import { YDELSE } from './henvendelsesskema-ydelser.js';
import { dateAt, stringList } from './opsamlingsnotat-read.js';
import { FORM, ydelse } from './raadgivningsrapport-read.js';

const SINGLE_CASE = [YDELSE.enkeltsag, YDELSE.miniEnkeltsag];

const RAP_08: DeadlineDefinition = {
  id: 'RAP-08',
  appliesTo: FORM,
  description: {
    da: 'Henvender videresender udkastet til borgeren i god tid inden det afsluttende møde. Deltager borgeren ikke i mødet, gennemgås rapportens konklusioner og anbefalinger med borgeren på anden vis. Frøet angiver ingen frist for gennemgangen; påmindelsen bruger regelindstillingen «arbejdsdage» (som standard de 7 arbejdsdage, leverancen skal afsluttes inden).',
    en: 'The referrer forwards the draft to the borger well before the closing meeting. If the borger is absent from the meeting, the conclusions and recommendations are reviewed with them another way. The seed gives no deadline for the review; the reminder uses the rule option "arbejdsdage" (by default the 7 working days within which the delivery is closed).',
  },
  judgedDate: { kind: 'field', pointer: '/afsluttendeMoede/dato' },
  source:
    '001 §5.3.1 «Udkast til rådgivningsrapporten sendes til henvenderen, der videresender rapporten til borgeren … i god tid inden det afsluttende møde»; §5.3.2 «det sikres, at barnet, den unge eller den voksne på anden vis inddrages i og orienteres om rapportens konklusioner og anbefalinger»',
  options: {
    arbejdsdage: {
      description: {
        da: 'Arbejdsdage efter det afsluttende møde, inden rapporten er gennemgået med en fraværende borger.',
        en: 'Working days after the closing meeting within which the report is reviewed with an absent borger.',
      },
      default: 7,
      schema: { type: 'integer', minimum: 0 },
    },
    ydelser: {
      description: {
        da: 'Ydelser, hvor rapporten handler om én borger, der ikke selv modtager den.',
        en: 'Services where the report concerns one borger who does not receive it directly.',
      },
      default: SINGLE_CASE,
      schema: { type: 'array', items: { type: 'string' } },
    },
  },
  derive(data, ctx) {
    const meeting = dateAt(data, '/afsluttendeMoede/dato');
    if (!meeting || !stringList(ctx.options.ydelser, SINGLE_CASE).includes(ydelse(data) ?? '')) return [];
    const out: DeadlineFinding[] = [];
    if (dateAt(data, '/udsendelse/udkastUdsendtDato')) {
      const due = ctx.calendar.addWorkingDays(meeting, -1);
      const done = dateAt(data, '/udsendelse/udkastVideresendtTilBorgerDato');
      out.push({
        path: '/udsendelse/udkastVideresendtTilBorgerDato',
        label: {
          da: 'Henvender videresender udkastet til borgeren inden det afsluttende møde',
          en: 'The referrer forwards the draft to the borger before the closing meeting',
        },
        due,
        basis: { from: meeting, amount: -1, unit: 'arbejdsdage' },
        met: done !== undefined && compareDates(done, due) <= 0,
      });
    }
    if (valueAt(data, '/afsluttendeMoede/borgerDeltog') === false) {
      const amount = countOption(ctx.options, 'arbejdsdage', 7);
      const due = ctx.calendar.addWorkingDays(meeting, amount);
      const done = dateAt(data, '/afsluttendeMoede/rapportGennemgaaetMedBorgerDato');
      out.push({
        path: '/afsluttendeMoede/rapportGennemgaaetMedBorgerDato',
        label: {
          da: 'Gennemgå rapporten med borgeren, der ikke deltog i det afsluttende møde',
          en: 'Review the report with the borger who was absent from the closing meeting',
        },
        due,
        basis: { from: meeting, amount, unit: 'arbejdsdage' },
        met: done !== undefined && compareDates(done, due) <= 0,
      });
    }
    return out;
  },
};

/** Process rules (P) of the raadgivningsrapport form: derived deadlines and reminders. */
export const raadgivningsrapportDeadlines: DeadlineDefinition[] = [RAP_08];
