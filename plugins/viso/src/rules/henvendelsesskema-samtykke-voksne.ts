import { judgedOn, pointer, stringAt, valueAt, type RuleDefinition, type RuleFinding } from '@skema/core';
import {
  FORM,
  GIVER,
  GRUNDLAG,
  concernsIdentifiedBorger,
  filled,
  grundlag,
  isAdult,
  isTrue,
  profileOf,
  samtykker,
} from './henvendelsesskema-data.js';
import { YDELSE } from './henvendelsesskema-ydelser.js';

const FULDMAGTER = ['almindelig fuldmagt', 'fremtidsfuldmagt'];

/** Consent for adults (001 §2.2.3), adoption (§3.9) and the borger's acceptance (§3.11–3.12). */
export const samtykkeVoksneRules: RuleDefinition[] = [
  {
    id: 'HEN-07',
    severity: 'error',
    appliesTo: FORM,
    source: '001 §2.2.3',
    judgedDate: { kind: 'reference' },
    description: {
      da: 'For en voksen kan samtykke gives af borgeren selv, af en personlig værge beskikket af Familieretshuset, eller af en fuldmagtshaver, hvis fuldmagten (almindelig eller fremtidsfuldmagt) er trådt i kraft og omfatter det sociale område. «En person med en gyldig fuldmagt, som omfatter varetagelse af borgerens interesser på det sociale område og som er trådt i kraft, kan give samtykke».',
      en: 'For an adult, consent may be given by the borger, a personal guardian appointed by Familieretshuset, or a holder of a power of attorney that is in force and covers the social area.',
    },
    message: {
      da: 'Rollen «{rolle}» kan ikke give samtykke på vegne af en voksen borger. Samtykke gives af borgeren, en beskikket værge eller en fuldmagtshaver.',
      en: 'A "{rolle}" cannot consent on behalf of an adult borger. Consent is given by the borger, an appointed guardian or the holder of a power of attorney.',
    },
    check(data, ctx) {
      if (!concernsIdentifiedBorger(data) || !isAdult(data, judgedOn(ctx))) return [];
      const findings: RuleFinding[] = [];
      // Only consents relied upon (given) must come from someone entitled to give them.
      for (const s of samtykker(data).filter((e) => e.status === 'givet')) {
        if (s.rolle === GIVER.borger) continue;
        if (s.rolle === GIVER.vaerge) {
          if (!isTrue(data, '/repraesentation/vaergemaal')) {
            findings.push({
              path: '/repraesentation/vaergemaal',
              message: {
                da: 'Samtykket er givet af en værge, men «{label}» er ikke angivet. Kun en personlig værge beskikket af Familieretshuset kan give samtykke.',
                en: 'Consent was given by a guardian, but "{label}" is not set. Only a personal guardian appointed by Familieretshuset can consent.',
              },
            });
          }
          continue;
        }
        if (s.rolle === GIVER.fuldmagtshaver) {
          findings.push(...fuldmagtFindings(data));
          continue;
        }
        findings.push({ path: pointer('samtykke', 'samtykker', s.index, 'rolle'), params: { rolle: s.rolle ?? '' } });
      }
      return dedupe(findings);
    },
  },
  {
    id: 'HEN-08',
    severity: 'error',
    appliesTo: FORM,
    source: '001 §2.2.3',
    judgedDate: { kind: 'reference' },
    description: {
      da: 'En henvendelse om en voksen uden samtykke (servicelovens § 82) kræver: grunden til det manglende samtykke (væsentligt nedsat psykisk funktionsevne), status for en ansøgning om værgemål, at nære pårørende er hørt, og – når VISO accepterer henvendelsen – fagkonsulentens faglige begrundelse. «Hvis VISO accepterer en henvendelse uden samtykke, så er det fagkonsulentens ansvar at sikre den faglige begrundelse bliver noteret».',
      en: 'An adult referral without consent (servicelovens § 82) requires the reason for the missing consent, the status of a guardianship application, that close relatives were heard, and – when VISO accepts it – the fagkonsulent’s justification.',
    },
    message: {
      da: '«{label}» skal udfyldes ved en henvendelse uden samtykke efter servicelovens § 82.',
      en: '"{label}" is required for a referral without consent under servicelovens § 82.',
    },
    check(data, ctx) {
      if (grundlag(data) !== GRUNDLAG.paragraf82) return [];
      const findings: RuleFinding[] = [];
      if (!isAdult(data, judgedOn(ctx))) {
        findings.push({
          path: '/samtykke/samtykkegrundlag',
          message: {
            da: 'Servicelovens § 82 kan kun bruges ved henvendelser om voksne. For børn og unge gælder Retssikkerhedslovens § 11d, stk. 2.',
            en: 'Servicelovens § 82 can only be used for referrals about adults. For children, § 11d(2) applies.',
          },
        });
      }
      if (!filled(data, '/samtykke/grundForManglendeSamtykke'))
        findings.push({ path: '/samtykke/grundForManglendeSamtykke' });
      if (!filled(data, '/samtykke/vaergemaalsansoegning')) findings.push({ path: '/samtykke/vaergemaalsansoegning' });
      if (!isTrue(data, '/samtykke/naerePaaroerendeHoert')) {
        findings.push({
          path: '/samtykke/naerePaaroerendeHoert',
          message: {
            da: '«{label}» skal bekræftes: når borgeren ikke kan give informeret samtykke, skal nære pårørende høres om henvendelsen.',
            en: '"{label}" must be confirmed: when the borger cannot give informed consent, close relatives must be heard.',
          },
        });
      }
      if (
        stringAt(data, '/visitation/visitationsudfald') === 'sendt til leverandør' &&
        !filled(data, '/visitation/begrundelseUdenSamtykke')
      ) {
        findings.push({
          path: '/visitation/begrundelseUdenSamtykke',
          message: {
            da: '«{label}» skal noteres af fagkonsulenten, før en henvendelse uden samtykke sendes til leverandør.',
            en: '"{label}" must be recorded by the fagkonsulent before a referral without consent is sent to a provider.',
          },
        });
      }
      return findings;
    },
  },
  {
    id: 'HEN-09',
    severity: 'error',
    appliesTo: FORM,
    source: '001 §3.9',
    description: {
      da: 'Ved rådgivning om adoption uden samtykke skal de biologiske forældre være informeret. Ønsker forældrene ikke at give samtykke, sker henvendelsen efter Retssikkerhedslovens § 11d med henblik på en indstilling efter barnets lov § 70. «De biologiske forældre skal være informeret om, at kommunen henvender sig til VISO».',
      en: 'For advice on adoption without consent the biological parents must be informed. If they refuse consent, the basis is § 11d with an indstilling under barnets lov § 70.',
    },
    message: {
      da: '«{label}» skal bekræftes: de biologiske forældre skal være informeret om, at kommunen henvender sig til VISO om adoption uden samtykke.',
      en: '"{label}" must be confirmed: the biological parents must be informed that the kommune refers to VISO about adoption without consent.',
    },
    check(data) {
      const basis = grundlag(data);
      const isAdoption = valueAt(data, '/ydelse') === YDELSE.adoption;
      const findings: RuleFinding[] = [];
      if (basis === GRUNDLAG.adoption && !isAdoption) {
        findings.push({
          path: '/samtykke/samtykkegrundlag',
          message: {
            da: '«{label}» «Adoption uden samtykke» kan kun bruges ved «Rådgivningsforløb om adoption uden samtykke – for myndighedsrådgivere».',
            en: '"{label}" "Adoption uden samtykke" can only be used with the advisory course on adoption without consent.',
          },
        });
      }
      if (!isAdoption) return findings;
      if (!isTrue(data, '/samtykke/biologiskeForaeldreInformeret'))
        findings.push({ path: '/samtykke/biologiskeForaeldreInformeret' });
      const parentsRefused = samtykker(data).some((s) => s.rolle === GIVER.foraeldremyndighed && s.status === 'afvist');
      if (parentsRefused && basis !== GRUNDLAG.adoption) {
        findings.push({
          path: '/samtykke/samtykkegrundlag',
          message: {
            da: 'Forældrene har afvist at give samtykke. «{label}» skal da være «Adoption uden samtykke – § 11d / barnets lov § 70».',
            en: 'The parents refused consent. "{label}" must then be "Adoption uden samtykke – § 11d / barnets lov § 70".',
          },
        });
      }
      return findings;
    },
  },
  {
    id: 'HEN-10',
    severity: 'error',
    appliesTo: FORM,
    source: '001 §3.11, §3.12',
    description: {
      da: 'Rådgivning om sagsbehandling (forløb og mini-forløb) kræver borgerens accept. «Der skal forelægge accept fra borgeren».',
      en: 'Both sagsbehandling ydelser require the borger’s acceptance.',
    },
    message: {
      da: '«{label}» skal bekræftes: der skal foreligge accept fra borgeren ved rådgivning om sagsbehandling.',
      en: '"{label}" must be confirmed: the borger’s acceptance is required for advice on case handling.',
    },
    check(data) {
      if (!profileOf(data)?.borgeraccept) return [];
      return isTrue(data, '/samtykke/borgerAccept') ? [] : [{ path: '/samtykke/borgerAccept' }];
    },
  },
];

function fuldmagtFindings(data: unknown): RuleFinding[] {
  const findings: RuleFinding[] = [];
  const type = stringAt(data, '/repraesentation/fuldmagt');
  if (!type || !FULDMAGTER.includes(type)) {
    findings.push({
      path: '/repraesentation/fuldmagt',
      message: {
        da: 'Samtykket er givet af en fuldmagtshaver, men «{label}» angiver ingen almindelig fuldmagt eller fremtidsfuldmagt.',
        en: 'Consent was given by the holder of a power of attorney, but "{label}" names no ordinary or lasting power of attorney.',
      },
    });
  }
  if (!isTrue(data, '/repraesentation/ikraft')) {
    findings.push({
      path: '/repraesentation/ikraft',
      message: {
        da: 'En fuldmagtshaver kan kun give samtykke, når fuldmagten er trådt i kraft. Bekræft «{label}».',
        en: 'A holder of a power of attorney can only consent when it is in force. Confirm "{label}".',
      },
    });
  }
  if (!isTrue(data, '/repraesentation/omfatterSocialomraadet')) {
    findings.push({
      path: '/repraesentation/omfatterSocialomraadet',
      message: {
        da: 'En fuldmagtshaver kan kun give samtykke, når fuldmagten omfatter borgerens interesser på det sociale område. Bekræft «{label}».',
        en: 'A holder of a power of attorney can only consent when it covers the borger’s interests in the social area. Confirm "{label}".',
      },
    });
  }
  return findings;
}

/** Two consents by the same kind of representative report the same representation field once. */
function dedupe(findings: RuleFinding[]): RuleFinding[] {
  const seen = new Set<string>();
  return findings.filter((f) => !seen.has(f.path) && (seen.add(f.path), true));
}
