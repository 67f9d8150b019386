import {
  countOption,
  arrayAt,
  compareDates,
  isFilled,
  listAtMost,
  pointer,
  stringAt,
  valueAt,
  type RuleDefinition,
  type RuleFinding,
} from '@skema/core';
import { brokenReferences, requiredFile, usesAttachmentRefs } from './bilag-files.js';
import { YDELSE } from './henvendelsesskema-ydelser.js';
import { dateAt, stringList } from './opsamlingsnotat-read.js';
import { raadgivningsrapportDeadlines } from './raadgivningsrapport-deadlines.js';
import {
  BILAG_OPSAMLINGSNOTAT,
  BILAG_UDREDNINGSRAPPORT,
  FORM,
  hasAttachment,
  isAdvisoryReport,
  ydelse,
} from './raadgivningsrapport-read.js';
import { RAP_04, RAP_07 } from './raadgivningsrapport-variants.js';

export { raadgivningsrapportDeadlines };

const RAP_01: RuleDefinition = {
  id: 'RAP-01',
  severity: 'error',
  appliesTo: FORM,
  description: {
    da: 'Rapporten indeholder højst syv anbefalinger. Er der flere, skrives de resterende som prosatekst under de første syv.',
    en: 'The report contains at most seven recommendations. Any further ones are written as prose below the first seven.',
  },
  source:
    '001 §5.3.1 «Højst udgøre syv anbefalinger. Såfremt der er flere anbefalinger, skrives de resterende ind som prosatekst under de første syv anbefalinger»',
  message: {
    da: 'Rapporten har {antal} anbefalinger, men højst {maks} må stå som anbefalinger. Skriv de resterende som prosatekst i «Øvrige anbefalinger».',
    en: 'The report has {antal} recommendations, but at most {maks} are allowed. Write the rest as prose in "Other recommendations".',
  },
  options: {
    maks: {
      description: { da: 'Højeste antal anbefalinger.', en: 'Maximum number of recommendations.' },
      default: 7,
      schema: { type: 'integer', minimum: 1, maximum: 7 },
    },
  },
  check(data, ctx) {
    const maks = countOption(ctx.options, 'maks', 7);
    const antal = arrayAt(data, '/anbefalinger').length;
    return antal > maks ? [{ path: '/anbefalinger', params: { antal, maks } }] : [];
  },
};

const RAP_02: RuleDefinition = {
  id: 'RAP-02',
  severity: 'error',
  appliesTo: FORM,
  description: {
    da: 'Anbefalingerne angives i prioriteret rækkefølge: prioriteterne er 1, 2, … op til antallet af anbefalinger, og hver prioritet bruges én gang.',
    en: 'Recommendations are given in priority order: the priorities are 1, 2, … up to the number of recommendations, each used once.',
  },
  source: '001 §5.3.1 «Angives i prioriteret rækkefølge»',
  message: {
    da: 'Prioritet {prioritet} er brugt mere end én gang. Giv hver anbefaling sin egen prioritet fra 1 til {antal}.',
    en: 'Priority {prioritet} is used more than once. Give each recommendation its own priority from 1 to {antal}.',
  },
  check(data) {
    const anbefalinger = arrayAt(data, '/anbefalinger');
    const antal = anbefalinger.length;
    const seen = new Set<number>();
    const findings: RuleFinding[] = [];
    anbefalinger.forEach((a, i) => {
      const prioritet = valueAt(a, '/prioritet');
      // Missing or non-integer priorities are reported by the schema.
      if (typeof prioritet !== 'number' || !Number.isInteger(prioritet)) return;
      const path = pointer('anbefalinger', i, 'prioritet');
      if (prioritet < 1 || prioritet > antal) {
        findings.push({
          path,
          params: { prioritet, antal },
          message: {
            da: 'Prioritet {prioritet} findes ikke: med {antal} anbefalinger går prioriteterne fra 1 til {antal}.',
            en: 'Priority {prioritet} does not exist: with {antal} recommendations the priorities run from 1 to {antal}.',
          },
        });
      } else if (seen.has(prioritet)) {
        findings.push({ path, params: { prioritet, antal } });
      }
      seen.add(prioritet);
    });
    return findings;
  },
};

const RAP_03: RuleDefinition = {
  id: 'RAP-03',
  severity: 'error',
  appliesTo: FORM,
  description: {
    da: 'Udkastet har «udkast» i titlen og sendes ud inden det afsluttende møde: når mødet har fundet sted, og på den endelige rapport, skal datoen for udsendelsen af udkastet være noteret og ligge før mødet. Den endelige rapport forudsætter, at det afsluttende møde er holdt, at opsamlingsnotatet fra mødet er vedlagt som bilag, og at «udkast» er fjernet fra titlen.',
    en: 'The draft has "udkast" in its title and is sent before the closing meeting: once the meeting has taken place, and on the final report, the date the draft was sent must be recorded and be before the meeting. The final report requires the closing meeting to have been held, its summary attached, and "udkast" removed from the title.',
  },
  judgedDate: { kind: 'today' },
  source:
    '001 §5.3.1 «Udfyldes i rådgivningsrapportskabelonen i VIAS, hvor der i titlen står ’udkast’. ”Udkastet” sendes ud inden det afsluttende møde»; «sendes til henvender med opsamlingsnotatet som bilag, hvor ’udkast’ er fjernet»',
  message: {
    da: '«{label}» passer ikke til rapportens status og skal rettes.',
    en: '"{label}" does not match the report\'s status and must be corrected.',
  },
  check(data, ctx) {
    if (!isAdvisoryReport(data)) return [];
    const status = valueAt(data, '/status');
    const titel = valueAt(data, '/titel');
    const saysDraft = typeof titel === 'string' && /udkast/i.test(titel);
    const meeting = dateAt(data, '/afsluttendeMoede/dato');
    const draftSent = dateAt(data, '/udsendelse/udkastUdsendtDato');
    const findings: RuleFinding[] = [];
    // Once the closing meeting has taken place (held, or its date is past) the draft must already
    // have gone out, so its send date is required then and on the final report; the order of the
    // two dates is checked whenever both are there.
    const meetingPast =
      valueAt(data, '/afsluttendeMoede/afholdt') === true ||
      (meeting !== undefined && compareDates(meeting, ctx.today) < 0);
    if (draftSent) {
      if (meeting && compareDates(draftSent, meeting) >= 0) {
        findings.push({
          path: '/udsendelse/udkastUdsendtDato',
          message: {
            da: 'Udkastet skal sendes ud inden det afsluttende møde («”Udkastet” sendes ud inden det afsluttende møde»).',
            en: 'The draft must be sent before the closing meeting.',
          },
        });
      }
    } else if (status === 'endelig' || (status === 'udkast' && meetingPast)) {
      findings.push({
        path: '/udsendelse/udkastUdsendtDato',
        message: {
          da: 'Angiv, hvornår udkastet blev sendt ud: det sendes ud inden det afsluttende møde («”Udkastet” sendes ud inden det afsluttende møde»).',
          en: 'Give the date the draft was sent: it is sent before the closing meeting.',
        },
      });
    }
    if (status === 'udkast' && typeof titel === 'string' && !saysDraft) {
      findings.push({
        path: '/titel',
        message: { da: 'Et udkast skal have «udkast» i titlen.', en: 'A draft must have "udkast" in its title.' },
      });
    }
    if (status !== 'endelig') return findings;
    if (saysDraft) {
      findings.push({
        path: '/titel',
        message: {
          da: 'Fjern «udkast» fra titlen på den endelige rapport.',
          en: 'Remove "udkast" from the title of the final report.',
        },
      });
    }
    if (valueAt(data, '/afsluttendeMoede/afholdt') !== true) {
      findings.push({
        path: '/afsluttendeMoede/afholdt',
        message: {
          da: 'Rapporten kan først blive endelig, når det afsluttende møde er holdt.',
          en: 'The report can only become final once the closing meeting has been held.',
        },
      });
    } else if (!meeting || compareDates(meeting, ctx.today) > 0) {
      findings.push({
        path: '/afsluttendeMoede/dato',
        message: {
          da: 'Angiv datoen for det afsluttende møde; den kan ikke ligge efter i dag, når mødet er holdt.',
          en: 'Give the date of the closing meeting; it cannot be after today when the meeting has been held.',
        },
      });
    }
    if (!hasAttachment(data, BILAG_OPSAMLINGSNOTAT)) {
      findings.push({
        path: '/bilag',
        message: {
          da: 'Vedlæg opsamlingsnotatet fra det afsluttende møde som bilag til den endelige rapport.',
          en: 'Attach the summary of the closing meeting to the final report.',
        },
      });
    }
    return findings;
  },
};

const RAP_05: RuleDefinition = {
  id: 'RAP-05',
  severity: 'error',
  appliesTo: FORM,
  description: {
    da:
      'Er der foretaget en supplerende udredning, vedlægges den endelige udredningsrapport som bilag til rådgivningsrapporten. ' +
      'Fra version 1.1.0 er bilaget en vedhæftet fil, der er gemt for rapporten eller dens sag, og intet bilag må henvise til en fil, der ikke findes; uden en gemt indsendelse meldes det, at det ikke kunne kontrolleres.',
    en:
      'If a supplementary assessment was made, the final assessment report is attached to the advisory report. ' +
      'From version 1.1.0 the attachment is a file stored for the report or its case, and no attachment may reference a file that does not exist; outside a stored submission the rule says it could not check.',
  },
  source: '001 §3.4 «Den endelige udredningsrapport vedlægges som bilag til rådgivningsrapporten»',
  message: {
    da: 'Der er foretaget en udredning: vedlæg udredningsrapporten som bilag.',
    en: 'An assessment was made: attach the assessment report.',
  },
  check(data, ctx) {
    // A reference to a file that is not stored is wrong whatever the bilag (from 1.1.0).
    // Named by its type: the title is free text (sensitive) and stays out of messages.
    const findings = brokenReferences(data, '/bilag', ctx, (b, i) => stringAt(b, '/type') ?? `nr. ${i + 1}`);
    if (!isAdvisoryReport(data) || valueAt(data, '/udredningGennemfoert') !== true) return findings;
    if (!hasAttachment(data, BILAG_UDREDNINGSRAPPORT)) return [...findings, { path: '/bilag' }];
    if (!usesAttachmentRefs(ctx)) return findings;
    // The report is attached as a stored file, not only named.
    const bilag = arrayAt(data, '/bilag');
    const reports = bilag.flatMap((b, i) => (stringAt(b, '/type') === BILAG_UDREDNINGSRAPPORT ? [i] : []));
    return [...findings, ...requiredFile(bilag, reports, '/bilag', () => BILAG_UDREDNINGSRAPPORT, ctx)];
  },
};

const GROUP_YDELSER = [YDELSE.flereBorgere, YDELSE.miniFlereBorgere, YDELSE.temaforloeb, YDELSE.temadageAdoption];

const RAP_06: RuleDefinition = {
  id: 'RAP-06',
  severity: 'error',
  appliesTo: FORM,
  description: {
    da: 'Der udarbejdes en særskilt rapport for hvert barn: rapporten handler om præcis én borger med CPR-nummer (eller erstatningspersonnummer; har barnet intet CPR-nummer, markeres «Intet CPR-nummer», og fødselsdatoen angives). Søskende får hver sin rapport.',
    en: 'A separate report is written for every child: the report concerns exactly one borger with a CPR number (or substitute number; for a child without one, "no CPR number" is ticked and the birth date given). Siblings get a report each.',
  },
  source:
    '001 §6.2.1 «Når VISO er færdig med et rådgivnings- og/eller udredningsforløb, udarbejdes der en særskilt rapport på hvert enkelt barn»',
  message: {
    da: 'Rapporten skal handle om præcis ét barn eller én borger; der er angivet {antal}. Skriv en særskilt rapport for hvert barn.',
    en: 'The report must concern exactly one child or borger; {antal} are given. Write a separate report for every child.',
  },
  options: {
    ydelserUdenEnkeltBorger: {
      description: {
        da: 'Ydelser om flere borgere, hvor rapporten ikke handler om én bestemt borger.',
        en: 'Services concerning several borgere, where the report is not about one person.',
      },
      default: GROUP_YDELSER,
      schema: listAtMost(GROUP_YDELSER),
    },
  },
  check(data, ctx) {
    if (stringList(ctx.options.ydelserUdenEnkeltBorger, GROUP_YDELSER).includes(ydelse(data) ?? '')) return [];
    const borgere = arrayAt(data, '/sag/borgere');
    if (borgere.length !== 1) return [{ path: '/sag/borgere', params: { antal: borgere.length } }];
    // A child without a CPR number is identified by «Intet CPR-nummer» and the birth date (from 1.1.0).
    const udenCpr = valueAt(borgere[0], '/intetCprNummer') === true;
    if (udenCpr && isFilled(valueAt(borgere[0], '/cpr'))) {
      return [
        {
          path: '/sag/borgere/0/intetCprNummer',
          message: {
            da: '«{label}» er markeret, men der er udfyldt et CPR-nummer. Fjern det ene.',
            en: '"{label}" is ticked, but a CPR number is filled in. Remove one of them.',
          },
        },
      ];
    }
    if (udenCpr) {
      return isFilled(valueAt(borgere[0], '/foedselsdato'))
        ? []
        : [
            {
              path: '/sag/borgere/0/foedselsdato',
              message: {
                da: '«{label}» skal udfyldes, når barnet eller borgeren ikke har et CPR-nummer: fødselsdatoen identificerer barnet.',
                en: '"{label}" is required when the child or person has no CPR number: the birth date identifies the child.',
              },
            },
          ];
    }
    return isFilled(valueAt(borgere[0], '/cpr'))
      ? []
      : [
          {
            path: '/sag/borgere/0/cpr',
            message: {
              da: 'Rapporten registreres på barnets eller borgerens CPR-nummer: udfyld «{label}». Har barnet intet CPR-nummer, markeres «Intet CPR-nummer», og fødselsdatoen udfyldes.',
              en: 'The report is registered on the child’s or borger’s CPR number: fill in "{label}". For a child without a CPR number, tick "No CPR number" and fill in the birth date.',
            },
          },
        ];
  },
};

/** Business rules of the raadgivningsrapport form (spec §3.5). */
export const raadgivningsrapportRules: RuleDefinition[] = [RAP_01, RAP_02, RAP_03, RAP_04, RAP_05, RAP_06, RAP_07];
