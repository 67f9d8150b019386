import { listAtMost, stringAt, valueAt, type RuleDefinition, type RuleFinding } from '@skema/core';
import { FORM, filled, isTrue, profileOf, stringListOption } from './henvendelsesskema-data.js';
import {
  BORGERROLLER,
  YDELSE,
  type Henvenderadgang,
  type HenvenderRolle,
  type OrienteringsFelt,
} from './henvendelsesskema-ydelser.js';

const INTERN = 'intern oprettelse ved fagkonsulent';

const ORIENTERING_LABEL: Record<OrienteringsFelt, { da: string; en: string }> = {
  lederOrienteret: { da: 'lederen', en: 'the leader' },
  pprOrienteret: { da: 'PPR', en: 'PPR' },
  myndighedOrienteret: { da: 'myndigheden', en: 'the authority' },
};

/** The ways to refer a ydelse that fit the referral's area (ydelsestype). */
function waysForArea(ways: readonly Henvenderadgang[], ydelsestype: string | undefined): readonly Henvenderadgang[] {
  return ways.filter(
    (w) => !w.ydelsestyper || ydelsestype === undefined || (w.ydelsestyper as readonly string[]).includes(ydelsestype),
  );
}

/** Who must be informed, and is not, for one way of referring. */
function missingOrientering(data: unknown, way: Henvenderadgang): Array<readonly OrienteringsFelt[]> {
  const missing: Array<readonly OrienteringsFelt[]> = [];
  for (const entry of way.orienteret ?? []) {
    const anyOf: readonly OrienteringsFelt[] = typeof entry === 'string' ? [entry] : entry;
    if (!anyOf.some((field) => isTrue(data, `/henvender/${field}`))) missing.push(anyOf);
  }
  return missing;
}

/** Referrer, management and operating-agreement rules (001 §3.1–3.12, §4). */
export const henvenderRules: RuleDefinition[] = [
  {
    id: 'HEN-01',
    severity: 'error',
    appliesTo: FORM,
    source: '001 §4, §4.4',
    description: {
      da: 'Et rådgivningsforløb med en specialist oprettes altid ud fra et digitalt henvendelsesskema. Kun udvidet telefonrådgivning, mini-rådgivningsforløb vedr. flere borgere, hvor et enkeltsagsforløb almengøres, og temaforløb må oprettes af fagkonsulenten efter den interne procedure. «der altid oprettes en henvendelse via et digitalt henvendelsesskema, før VISO kan igangsætte et rådgivningsforløb».',
      en: 'A specialist course is always created from a digital referral form. Only extended telephone advice, mini courses for several borgere that generalise a single case, and theme courses may be created by the fagkonsulent’s internal procedure.',
    },
    message: {
      da: '«{ydelse}» kan ikke oprettes efter den interne procedure; der skal foreligge et digitalt henvendelsesskema fra henvender. Ret «{label}».',
      en: '"{ydelse}" cannot be created by the internal procedure; a digital referral form from the referrer is required. Correct "{label}".',
    },
    check(data) {
      const profile = profileOf(data);
      if (!profile || stringAt(data, '/oprettelse') !== INTERN) return [];
      if (profile.internOprettelse === 'ja') return [];
      if (profile.internOprettelse === 'ved almengørelse af en enkeltsag' && isTrue(data, '/almengoerEnkeltsag'))
        return [];
      const finding: RuleFinding = { path: '/oprettelse', params: { ydelse: profile.ydelse } };
      if (profile.internOprettelse === 'ved almengørelse af en enkeltsag') {
        finding.message = {
          da: '«{ydelse}» kan kun oprettes efter den interne procedure, når forløbet almengør et rådgivningsforløb i en enkeltsag. Ret «{label}» eller markér almengørelsen.',
          en: '"{ydelse}" can only be created by the internal procedure when it generalises a single-case course. Correct "{label}" or mark the generalisation.',
        };
      }
      return [finding];
    },
  },
  {
    id: 'HEN-11',
    severity: 'error',
    appliesTo: FORM,
    source: '001 §3.1–3.12',
    description: {
      da: 'Henvender skal kunne henvende sig om den valgte ydelse efter tabellen i §2.2 (hvem kan henvende sig, og hvem skal være orienteret). Fx kræver en enkeltsag på specialundervisningsområdet henvendelse fra PPR med lederen orienteret: «Henvendelse fra PPR – leder fra barnets eller den unges tilbud er orienteret om henvendelsen».',
      en: 'The referrer must be eligible for the chosen ydelse per the table in §2.2 (who may refer, who must be informed).',
    },
    message: {
      da: 'Henvender med rollen «{rolle}» kan ikke henvende sig om «{ydelse}». Kun følgende kan henvende sig om ydelsen: {roller}.',
      en: 'A referrer with the role "{rolle}" cannot refer "{ydelse}". It can be referred by: {roller}.',
    },
    check(data) {
      const profile = profileOf(data);
      const rolle = stringAt(data, '/henvender/rolle');
      const findings: RuleFinding[] = [];
      const type = stringAt(data, '/henvender/type');
      if (rolle && type) {
        const citizenRole = BORGERROLLER.includes(rolle as HenvenderRolle);
        if (citizenRole !== (type === 'borger')) {
          findings.push({
            path: '/henvender/type',
            params: { rolle },
            message: {
              da: '«{label}» passer ikke med rollen «{rolle}»: borgere og forældre henvender sig som borger, fagpersoner fra kommune, region eller tilbud.',
              en: '"{label}" does not match the role "{rolle}": borgere and parents refer as borger, professionals from a kommune, region or tilbud.',
            },
          });
        }
      }
      if (!profile || !rolle) return findings;
      const ways = waysForArea(profile.henvendere, stringAt(data, '/ydelsestype'));
      const matching = ways.filter((w) => w.roller.includes(rolle as HenvenderRolle));
      if (matching.length === 0) {
        const roller = [...new Set(ways.flatMap((w) => w.roller))].join(', ');
        findings.push({ path: '/henvender/rolle', params: { rolle, ydelse: profile.ydelse, roller: roller || '–' } });
        return findings;
      }
      const named = filled(data, '/henvender/myndighedsraadgiver/navn');
      if (matching.some((w) => missingOrientering(data, w).length === 0 && (!w.myndighedsraadgiverNavngivet || named)))
        return findings;
      const first = matching[0] as Henvenderadgang;
      if (first.myndighedsraadgiverNavngivet && !named) {
        // On the rolle field, where a referrer outside the seed's list looks for the answer.
        findings.push({
          path: '/henvender/rolle',
          params: { rolle, ydelse: profile.ydelse },
          message: {
            da: '«{ydelse}» kræver, at myndighedsrådgiveren er direkte involveret i henvendelsen. Henvender med rollen «{rolle}» skal angive den direkte involverede myndighedsrådgiver.',
            en: '"{ydelse}" requires the authority’s caseworker to be directly involved in the referral. A referrer with the role "{rolle}" must name the caseworker directly involved.',
          },
        });
        return findings;
      }
      for (const anyOf of missingOrientering(data, first)) {
        const [field] = anyOf;
        if (!field) continue;
        findings.push({
          path: `/henvender/${field}`,
          params: { rolle, ydelse: profile.ydelse, hvem: anyOf.map((f) => ORIENTERING_LABEL[f].da).join(' eller ') },
          message: {
            da: 'Ved henvendelse om «{ydelse}» fra «{rolle}» skal {hvem} være orienteret om henvendelsen. Bekræft «{label}».',
            en: 'When "{rolle}" refers "{ydelse}", {hvem} must be informed of the referral. Confirm "{label}".',
          },
        });
      }
      return findings;
    },
  },
  {
    id: 'HEN-12',
    severity: 'error',
    appliesTo: FORM,
    source: '001 §3.4, §3.9, §3.11',
    description: {
      da: 'Et rådgivningsforløb i en enkeltsag skal være godkendt på ledelsesniveau hos henvender, og rådgivning om adoption uden samtykke og om sagsbehandling skal være aftalt med ledelsen. Den godkendende leder navngives. «sikrer, at henvendelsen er godkendt på ledelsesniveau hos henvender»; «Henvendelsen skal være aftalt med ledelsen».',
      en: 'A single-case course must be approved at management level by the referrer; adoption and case-handling advice must be agreed with management. The approving leader is named.',
    },
    message: {
      da: '«{label}» skal bekræftes: «{ydelse}» skal være godkendt af eller aftalt med ledelsen hos henvender.',
      en: '"{label}" must be confirmed: "{ydelse}" must be approved by or agreed with the referrer’s management.',
    },
    check(data) {
      const profile = profileOf(data);
      const findings: RuleFinding[] = [];
      if (profile?.ledelsesgodkendelse && !isTrue(data, '/henvender/ledelsesgodkendt')) {
        findings.push({ path: '/henvender/ledelsesgodkendt', params: { ydelse: profile.ydelse } });
      }
      if (isTrue(data, '/henvender/ledelsesgodkendt') && !filled(data, '/henvender/leder/navn')) {
        findings.push({
          path: '/henvender/leder',
          message: {
            da: '«{label}» skal udfyldes: angiv den leder, der har godkendt henvendelsen.',
            en: '"{label}" is required: name the leader who approved the referral.',
          },
        });
      }
      return findings;
    },
  },
  {
    id: 'HEN-13',
    severity: 'error',
    appliesTo: FORM,
    source: '001 §3.6–3.8',
    description: {
      da: 'Har et (privat) tilbud ikke driftsoverenskomst med kommunen, skal myndigheden henvende sig om rådgivningsforløb vedr. flere borgere, myndigheden være indforstået ved mini-forløb vedr. flere borgere, og temaforløb kan ikke rekvireres. «Tilbuddet skal have driftsoverenskomst med kommunen».',
      en: 'A (private) tilbud without an operating agreement: for courses on several borgere the authority must refer; for mini courses the authority must agree; theme courses are not available.',
    },
    message: {
      da: 'Tilbuddet har ikke driftsoverenskomst med kommunen. Henvendelse om «{ydelse}» skal derfor ske fra myndigheden.',
      en: 'The tilbud has no operating agreement with the kommune, so "{ydelse}" must be referred by the authority.',
    },
    check(data) {
      const profile = profileOf(data);
      if (!profile || stringAt(data, '/henvender/type') !== 'tilbud' || isTrue(data, '/henvender/driftsoverenskomst'))
        return [];
      const params = { ydelse: profile.ydelse };
      switch (profile.udenDriftsoverenskomst) {
        case 'myndigheden skal være henvender':
          return [{ path: '/henvender/driftsoverenskomst', params }];
        case 'myndigheden skal være indforstået':
          if (isTrue(data, '/henvender/myndighedOrienteret')) return [];
          return [
            {
              path: '/henvender/myndighedOrienteret',
              params,
              message: {
                da: 'Tilbuddet har ikke driftsoverenskomst med kommunen, så myndigheden skal være indforstået med henvendelsen om «{ydelse}». Bekræft «{label}».',
                en: 'The tilbud has no operating agreement with the kommune, so the authority must agree to the referral of "{ydelse}". Confirm "{label}".',
              },
            },
          ];
        case 'ikke tilladt':
          return [
            {
              path: '/henvender/driftsoverenskomst',
              params,
              message: {
                da: '«{ydelse}» kan kun rekvireres af tilbud med driftsoverenskomst med kommunen.',
                en: '"{ydelse}" is only available to a tilbud with an operating agreement with the kommune.',
              },
            },
          ];
        default:
          return [];
      }
    },
  },
  {
    id: 'HEN-23',
    severity: 'error',
    appliesTo: FORM,
    source: '001 bilag 13, §3.4',
    description: {
      da: 'Kun myndighedssagsbehandlere kan bede VISO om en udredning, og udredning ydes kun sammen med rådgivning (rådgivningsforløb i en enkeltsag). «Det er kun myndighedssagsbehandlere, der kan bede VISO om at foretage en udredning»; «udredning følges altid op af et specialrådgivningsforløb».',
      en: 'Only the authority’s caseworker may request an assessment, and an assessment always comes with advice (a single-case course).',
    },
    message: {
      da: 'Det er kun myndighedssagsbehandlere, der kan bede VISO om at foretage en udredning. «{label}» skal være myndighedsrådgiver.',
      en: 'Only the authority’s caseworker may ask VISO for an assessment. "{label}" must be myndighedsrådgiver.',
    },
    options: {
      ydelserMedUdredning: {
        description: {
          da: 'De ydelser, som en udredning kan kobles på (udredning sker kun som del af et samlet rådgivningsforløb).',
          en: 'The ydelser an assessment can be added to (an assessment is only part of an advisory course).',
        },
        default: [YDELSE.enkeltsag],
        // Udredning only as part of the enkeltsag (bilag 13): a tenant may allow it on fewer ydelser, not more.
        schema: listAtMost([YDELSE.enkeltsag]),
      },
    },
    check(data, ctx) {
      if (!isTrue(data, '/oenskerUdredning')) return [];
      const findings: RuleFinding[] = [];
      const rolle = stringAt(data, '/henvender/rolle');
      if (rolle !== undefined && rolle !== 'myndighedsrådgiver') findings.push({ path: '/henvender/rolle' });
      const ydelse = valueAt(data, '/ydelse');
      const allowed = stringListOption(ctx.options.ydelserMedUdredning, [YDELSE.enkeltsag]);
      if (typeof ydelse === 'string' && !allowed.includes(ydelse)) {
        findings.push({
          path: '/oenskerUdredning',
          params: { ydelse, ydelser: allowed.join(', ') },
          message: {
            da: 'En udredning ydes kun sammen med rådgivning og kan ikke kobles på «{ydelse}». Den kan bestilles til: {ydelser}.',
            en: 'An assessment only comes with advice and cannot be added to "{ydelse}". It can be ordered with: {ydelser}.',
          },
        });
      }
      return findings;
    },
  },
];
