import {
  countOption,
  arrayAt,
  compareDates,
  pointer,
  valueAt,
  type IsoDate,
  type RuleDefinition,
  type RuleFinding,
} from '@skema/core';
import { allFollowUps, FORM, forankringsmoede, listedFollowUps } from './forankringsplan-read.js';
import { dateAt } from './opsamlingsnotat-read.js';

interface Session {
  index: number;
  dato: IsoDate;
}

/**
 * Groups the sparring sessions by the opfølgende møde they precede: a session belongs to the first
 * meeting on or after its date; sessions after the last known meeting precede the next, not yet agreed one.
 * Sessions before the forankringsmøde are reported on their own and not counted here.
 */
function sessionsByMeeting(data: unknown): Session[][] {
  const anchoring = forankringsmoede(data);
  const meetingDates = allFollowUps(data)
    .map((m) => m.dato)
    .filter((d): d is IsoDate => d !== undefined)
    .sort(compareDates);
  const groups: Session[][] = meetingDates.map(() => []);
  groups.push([]);
  arrayAt(data, '/sparringssessioner').forEach((s, index) => {
    const dato = dateAt(s, '/dato');
    if (!dato || (anchoring && compareDates(dato, anchoring) < 0)) return;
    const i = meetingDates.findIndex((d) => compareDates(dato, d) <= 0);
    groups[i === -1 ? meetingDates.length : i]!.push({ index, dato });
  });
  return groups.map((g) => g.sort((a, b) => compareDates(a.dato, b.dato)));
}

export const FOR_05: RuleDefinition = {
  id: 'FOR-05',
  severity: 'error',
  appliesTo: FORM,
  description: {
    da: 'Specialisten står til rådighed for telefonisk faglig sparring mellem forankringsmødet og de opfølgende møder, højst to gange forud for hvert opfølgende møde.',
    en: 'The specialist is available for telephone sparring between the anchoring meeting and the follow-up meetings, at most twice before each follow-up meeting.',
  },
  source:
    '001 §5.4.2 «Der kan maksimum ydes to ganges telefonisk faglig sparring forud for hvert opfølgende møde»; «i perioden mellem forankringsmødet og opfølgningsmøde(-erne)»',
  message: {
    da: 'Der kan højst ydes {maks} gange telefonisk faglig sparring forud for hvert opfølgende møde; denne sparring er nr. {nr} før samme møde.',
    en: 'At most {maks} telephone sparring sessions can be given before each follow-up meeting; this is no. {nr} before the same meeting.',
  },
  options: {
    maksPrOpfoelgendeMoede: {
      description: {
        da: 'Højeste antal sparringer forud for hvert opfølgende møde.',
        en: 'Maximum sparring sessions before each follow-up meeting.',
      },
      default: 2,
      schema: { type: 'integer', minimum: 0, maximum: 2 },
    },
    maksIAlt: {
      description: {
        da: 'Højeste antal sparringer i hele forankringsperioden (Q9: «1-2 sparringssessioner»); tom = ingen samlet grænse.',
        en: 'Maximum sparring sessions over the whole anchoring period (Q9); empty = no overall limit.',
      },
      default: null,
      // null: no overall limit beyond the per-meeting one (the seed's «1-2» is Q9's open reading).
      schema: { type: ['integer', 'null'], minimum: 0, maximum: 2 },
    },
  },
  check(data, ctx) {
    const findings: RuleFinding[] = [];
    const maks = countOption(ctx.options, 'maksPrOpfoelgendeMoede', 2);
    for (const group of sessionsByMeeting(data)) {
      group.forEach((s, i) => {
        if (i >= maks)
          findings.push({ path: pointer('sparringssessioner', s.index, 'dato'), params: { maks, nr: i + 1 } });
      });
    }
    const total = arrayAt(data, '/sparringssessioner').length;
    const maksIAlt = ctx.options.maksIAlt;
    if (typeof maksIAlt === 'number' && total > maksIAlt) {
      findings.push({
        path: '/sparringssessioner',
        params: { antal: total, maks: maksIAlt },
        message: {
          da: 'Der er registreret {antal} sparringer; kommunens regel tillader højst {maks} i hele forankringsperioden.',
          en: '{antal} sparring sessions are recorded; the municipality allows at most {maks} in the whole anchoring period.',
        },
      });
    }
    const anchoring = forankringsmoede(data);
    arrayAt(data, '/sparringssessioner').forEach((s, i) => {
      const dato = dateAt(s, '/dato');
      if (anchoring && dato && compareDates(dato, anchoring) < 0) {
        findings.push({
          path: pointer('sparringssessioner', i, 'dato'),
          message: {
            da: 'Telefonisk sparring ydes i perioden efter forankringsmødet.',
            en: 'Telephone sparring is given in the period after the anchoring meeting.',
          },
        });
      }
    });
    return findings;
  },
};

export const FOR_06: RuleDefinition = {
  id: 'FOR-06',
  severity: 'warning',
  appliesTo: FORM,
  description: {
    da: 'Inden hvert opfølgende møde gør specialisten og tovholderen status i en telefonsamtale: har kommunen arbejdet aktivt med de aftalte aktiviteter? Ellers udsættes mødet.',
    en: 'Before each follow-up meeting the specialist and the coordinator take stock by phone: has the municipality worked actively on the agreed activities? If not, the meeting is postponed.',
  },
  judgedDate: { kind: 'today' },
  source:
    '001 §5.4.3 «Der stilles krav om, at kommunen har arbejdet aktivt med de aftalte aktiviteter fra det forgangne møde, for at næste opfølgende møde kan afholdes. I den telefoniske dialog med tovholder inden næste møde, gøres der status»',
  message: {
    da: 'Notér statussamtalen med tovholderen før det opfølgende møde: «{label}» bør udfyldes med en dato før mødet.',
    en: 'Record the status call with the coordinator before the follow-up meeting: "{label}" should hold a date before the meeting.',
  },
  check(data, ctx) {
    const findings: RuleFinding[] = [];
    for (const m of listedFollowUps(data)) {
      if (valueAt(m.value, '/kommunenHarArbejdetAktivt') === false) {
        findings.push({
          path: `${m.path}/kommunenHarArbejdetAktivt`,
          message: {
            da: 'Kommunen har ikke arbejdet aktivt med de aftalte aktiviteter; det opfølgende møde bør udsættes.',
            en: 'The municipality has not worked actively on the agreed activities; the follow-up meeting should be postponed.',
          },
        });
      }
      const held = m.afholdt || (m.dato !== undefined && compareDates(m.dato, ctx.today) <= 0);
      const call = dateAt(m.value, '/statusSamtaleDato');
      if (held && (!call || (m.dato !== undefined && compareDates(call, m.dato) > 0)))
        findings.push({ path: `${m.path}/statusSamtaleDato` });
    }
    return findings;
  },
};
