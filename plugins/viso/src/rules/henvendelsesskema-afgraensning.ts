import {
  arrayAt,
  listAtLeast,
  pointer,
  stringAt,
  valueAt,
  type RuleContext,
  type RuleDefinition,
  type RuleFinding,
} from '@skema/core';
import { isValidCpr, normalizeCpr } from '@skema/plugin-dk';
import { brokenReferences, PREVIOUS_NAME_MEMBER, requiredFile, usesAttachmentRefs } from './bilag-files.js';
import { FORM, filled, isAnonymous, isTrue, profileOf, stringListOption } from './henvendelsesskema-data.js';
import { YDELSE } from './henvendelsesskema-ydelser.js';
import { ALL_BILAGSTYPER, ALL_YDELSER } from './option-universes.js';

// Ten digits, optionally DDMMYY-SSSS, not part of a longer number.
const CPR_IN_TEXT = /(?<!\d)(\d{6}-?\d{4})(?!\d)/g;

/** JSON Pointers of strings (outside /borger/cpr) that contain a valid CPR number other than `own`. */
function otherCprPaths(data: unknown, own: string | undefined): string[] {
  const found: string[] = [];
  const visit = (node: unknown, path: string): void => {
    if (typeof node === 'string') {
      if (path === '/borger/cpr') return;
      for (const m of node.matchAll(CPR_IN_TEXT)) {
        const candidate = m[1];
        if (isValidCpr(candidate) && normalizeCpr(candidate) !== own) {
          found.push(path);
          return;
        }
      }
      return;
    }
    if (Array.isArray(node)) node.forEach((child, i) => visit(child, `${path}/${i}`));
    else if (typeof node === 'object' && node !== null) {
      for (const [key, child] of Object.entries(node)) visit(child, path + pointer(key));
    }
  };
  visit(data, '');
  return found;
}

const IDENTIFYING_PATHS = [
  '/borger/navn',
  '/borger/cpr',
  '/borger/foedselsdato',
  '/repraesentation/foraeldremyndighedsindehavere',
  '/repraesentation/vaerge',
  '/repraesentation/fuldmagtshaver',
  '/samtykke/samtykker',
];

const DEFAULT_BILAG = ['seneste udredninger', 'status fra indsatser'];

const bilagName = (item: unknown): string => stringAt(item, '/type') ?? 'bilag';

/**
 * A required bilag type is met by an item of that type whose reference names a stored file; a
 * typed file name («ikke verificeret») does not. An item with no file at all is reported by
 * `brokenReferences` already; here one with only a typed name.
 */
const requiredBilagFile = (
  bilag: readonly unknown[],
  indices: readonly number[],
  type: string,
  ctx: RuleContext,
): RuleFinding[] =>
  requiredFile(
    bilag,
    indices,
    '/bilag',
    () => type,
    ctx,
    (item) => valueAt(item, `/${PREVIOUS_NAME_MEMBER}`) !== undefined,
  );

/** One borger per case, anonymity and VISO's scope (001 §3.2–3.5, §5.1.3, §6.2.1). */
export const afgraensningRules: RuleDefinition[] = [
  {
    id: 'HEN-14',
    severity: 'error',
    appliesTo: FORM,
    source: '001 §6.2.1',
    description: {
      da: 'Én henvendelse vedrører én borger med ét CPR-nummer. En familiesag med flere børn deles op, så hvert barn får sin egen sag. «Alle sager omhandlende familier med flere børn registreres på hvert enkelt barns cpr.nr.»',
      en: 'One referral concerns one borger with one CPR number. A family referral about several children is split into one case per child.',
    },
    message: {
      da: '«{label}» skal udfyldes: henvendelsen skal vedrøre præcis én borger (navn, CPR-nummer og handlekommune).',
      en: '"{label}" is required: the referral must concern exactly one borger (name, CPR number and acting municipality).',
    },
    check(data) {
      if (isAnonymous(data)) return []; // HEN-25 governs anonymous referrals.
      const findings: RuleFinding[] = [];
      const form = profileOf(data)?.borger;
      if (form === 'identificeret') {
        if (!filled(data, '/borger/navn')) findings.push({ path: '/borger/navn' });
        // A child without a CPR number is identified by «Intet CPR-nummer» and the birth date instead.
        const udenCpr = isTrue(data, '/borger/intetCprNummer') && filled(data, '/borger/foedselsdato');
        if (!filled(data, '/borger/cpr') && !isTrue(data, '/borger/ufoedt') && !udenCpr)
          findings.push({ path: '/borger/cpr' });
        if (isTrue(data, '/borger/intetCprNummer') && filled(data, '/borger/cpr')) {
          findings.push({
            path: '/borger/intetCprNummer',
            message: {
              da: '«{label}» er markeret, men der er udfyldt et CPR-nummer. Fjern det ene.',
              en: '"{label}" is ticked, but a CPR number is filled in. Remove one of them.',
            },
          });
        }
        if (!filled(data, '/borger/handlekommune')) findings.push({ path: '/borger/handlekommune' });
      }
      if (form === 'ingen' && (filled(data, '/borger/cpr') || filled(data, '/borger/navn'))) {
        findings.push({
          path: filled(data, '/borger/cpr') ? '/borger/cpr' : '/borger/navn',
          params: { ydelse: String(valueAt(data, '/ydelse')) },
          message: {
            da: '«{ydelse}» handler ikke om en enkelt borger, og der rådgives ikke om enkeltpersoner. Fjern «{label}».',
            en: '"{ydelse}" does not concern a single borger; no advice is given about individuals. Remove "{label}".',
          },
        });
      }
      if (isTrue(data, '/borger/flereBoernIFamilien')) {
        findings.push({
          path: '/borger/flereBoernIFamilien',
          message: {
            da: 'En henvendelse kan kun vedrøre ét barn. Del familiesagen op, så der sendes én henvendelse for hvert barn med barnets eget CPR-nummer.',
            en: 'A referral can only concern one child. Split the family referral and send one referral per child with the child’s own CPR number.',
          },
        });
      }
      const own = normalizeCpr(valueAt(data, '/borger/cpr'));
      for (const path of otherCprPaths(data, own)) {
        findings.push({
          path,
          message: {
            da: '«{label}» indeholder et andet CPR-nummer end borgerens. Én henvendelse vedrører én borger: send en henvendelse for hver borger, og fjern CPR-nummeret her.',
            en: '"{label}" contains a CPR number other than the borger’s. One referral concerns one borger: send a referral per borger and remove the CPR number here.',
          },
        });
      }
      return findings;
    },
  },
  {
    id: 'HEN-25',
    severity: 'error',
    appliesTo: FORM,
    source: '001 §3.2, §4.4.1',
    description: {
      da: 'Anonyme ydelser (udvidet telefonrådgivning, og telefonrådgivning markeret som anonym) indeholder intet CPR-nummer og ingen identificerende oplysninger; sagen navngives «Udvidet telefonrådgivning – <henvenderkommune>». «forespørgslen skal være af så generel en karakter, at der ikke er behov for at vide noget specifikt og genkendeligt om barnet, den unge eller den voksne».',
      en: 'Anonymous ydelser carry no CPR number and no identifying data; the case is named "Udvidet telefonrådgivning – <referrer municipality>".',
    },
    message: {
      da: 'Rådgivningen er anonym, så «{label}» må ikke udfyldes. Hvis der er brug for specifikke oplysninger om borgeren, skal der vælges et andet rådgivningsforløb.',
      en: 'The advice is anonymous, so "{label}" must be left empty. If specific information about the borger is needed, choose another advisory course.',
    },
    check(data) {
      const form = profileOf(data)?.borger;
      if (isTrue(data, '/borger/anonym') && (form === 'identificeret' || form === 'ingen')) {
        return [
          {
            path: '/borger/anonym',
            params: { ydelse: String(valueAt(data, '/ydelse')) },
            message: {
              da: '«{ydelse}» kan ikke ydes anonymt. Fjern markeringen i «{label}».',
              en: '"{ydelse}" cannot be given anonymously. Clear "{label}".',
            },
          },
        ];
      }
      if (!isAnonymous(data)) return [];
      const findings: RuleFinding[] = IDENTIFYING_PATHS.filter((p) => filled(data, p)).map((path) => ({ path }));
      for (const path of otherCprPaths(data, undefined)) {
        if (path !== '/borger/cpr' && !findings.some((f) => path.startsWith(f.path))) findings.push({ path });
      }
      return findings;
    },
  },
  {
    id: 'HEN-19',
    severity: 'warning',
    appliesTo: FORM,
    source: '001 §3.3',
    description: {
      da: 'Rådgivningsforløb for borgere iværksættes som udgangspunkt ikke, mens der er aktuelle kommunale indsatser, medmindre rådgivningen gælder en anden problemstilling. «Som udgangspunkt iværksættes ikke rådgivning, hvis der er aktuelle kommunale indsatser igangsat».',
      en: 'A course for borgere is as a rule not started while municipal measures are ongoing, unless the advice concerns another problem.',
    },
    message: {
      da: 'Der er aktuelle kommunale indsatser. Som udgangspunkt iværksættes der ikke rådgivningsforløb for borgere, medmindre rådgivningen gælder en anden problemstilling end indsatsen.',
      en: 'Municipal measures are ongoing. As a rule no course for borgere is started unless the advice concerns a problem other than the measure.',
    },
    check(data) {
      if (valueAt(data, '/ydelse') !== YDELSE.borgere) return [];
      if (!isTrue(data, '/oplysningshjul/aktuelleKommunaleIndsatser')) return [];
      return isTrue(data, '/oplysningshjul/andenProblemstillingEndIndsatserne')
        ? []
        : [{ path: '/oplysningshjul/aktuelleKommunaleIndsatser' }];
    },
  },
  {
    id: 'HEN-20',
    severity: 'error',
    appliesTo: FORM,
    source: '001 §3.4',
    description: {
      da: 'Et rådgivningsforløb i en enkeltsag ydes ikke, hvis hovedproblemstillingen er samarbejdsudfordringer og højt konfliktniveau; rådgivning om sagsbehandling kan være relevant i stedet (d). «VISO yder ikke rådgivning, hvis hovedproblemstillingen omhandler samarbejdsudfordringer og højt konfliktniveau».',
      en: 'A single-case course is not given when the main problem is cooperation difficulties and a high level of conflict; advice on case handling may fit instead (d).',
    },
    message: {
      da: 'VISO yder ikke «{ydelse}», når hovedproblemstillingen er samarbejdsudfordringer og højt konfliktniveau. Overvej i stedet «Rådgivningsforløb om sagsbehandling – for myndighedsrådgivere».',
      en: 'VISO does not provide "{ydelse}" when the main problem is cooperation difficulties and high conflict. Consider the advisory course on case handling instead.',
    },
    options: {
      ydelser: {
        description: {
          da: 'De ydelser, der er udelukket, når hovedproblemstillingen er samarbejde og konflikt.',
          en: 'The ydelser excluded when the main problem is cooperation and conflict.',
        },
        default: [YDELSE.enkeltsag],
        schema: listAtLeast([YDELSE.enkeltsag], ALL_YDELSER),
      },
    },
    check(data, ctx) {
      const ydelse = valueAt(data, '/ydelse');
      const excluded = stringListOption(ctx.options.ydelser, [YDELSE.enkeltsag]);
      if (typeof ydelse !== 'string' || !excluded.includes(ydelse)) return [];
      if (!isTrue(data, '/oplysningshjul/hovedproblemstillingErSamarbejdOgKonflikt')) return [];
      return [{ path: '/oplysningshjul/hovedproblemstillingErSamarbejdOgKonflikt', params: { ydelse } }];
    },
  },
  {
    id: 'HEN-21',
    severity: 'warning',
    appliesTo: FORM,
    source: '001 §5.1.3',
    description: {
      da: 'Uden for VISOs område: driftslignende indsatser, terapeutiske eller behandlingsmæssige forløb, og sundheds-, arbejdsmarkeds- eller uddannelsesrelaterede temaer. «hvis henvenderens behov ønskes imødekommet med en driftslignende indsats, et terapeutisk eller behandlingsmæssigt forløb, eller hvis rådgivningen skulle bidrage til at håndtere sundheds-, arbejdsmarkeds- eller uddannelsesrelaterede temaer».',
      en: 'Outside VISO’s scope: operational measures, therapy or treatment, and health, labour-market or education themes.',
    },
    message: {
      da: 'Behovet «{behov}» ligger uden for VISOs arbejdsområde. Henvendelsen kan blive afsluttet eller henvist til anden instans.',
      en: 'The need "{behov}" is outside VISO’s scope. The referral may be closed or referred elsewhere.',
    },
    check(data) {
      return arrayAt(data, '/oplysningshjul/behovetOmfatter')
        .filter((v): v is string => typeof v === 'string')
        .map((behov) => ({ path: '/oplysningshjul/behovetOmfatter', params: { behov } }));
    },
  },
  {
    id: 'HEN-22',
    severity: 'error',
    appliesTo: FORM,
    source: '001 §3.5',
    description: {
      da:
        'Ved mini-rådgivningsforløb i en enkeltsag medsendes som minimum seneste udredninger, status fra indsatser og en beskrivelse af, hvordan fagpersonerne indtil nu har arbejdet med problemstillingen. «Som minimum medsendes seneste udredninger og status fra indsatser samt en beskrivelse af, hvordan fagpersonerne indtil nu har arbejdet med den konkrete problemstilling». ' +
        'Fra version 1.2.0 skal hvert påkrævet bilag være en vedhæftet fil, der er gemt for henvendelsen eller dens sag (et indtastet filnavn tæller ikke), og et bilag skal have en vedhæftet fil (eller et filnavn indtastet før 1.2.0) og må ikke henvise til en fil, der ikke findes; uden en gemt indsendelse meldes det, at det ikke kunne kontrolleres.',
      en:
        'A mini single-case course must include at least the latest assessments, status from measures and a description of the work done so far. ' +
        'From version 1.2.0 each required attachment must be a file stored for the referral or its case (a typed file name does not count), and every attachment must have an attached file (or a file name typed before 1.2.0) and must not reference a file that does not exist; outside a stored submission the rule says it could not check.',
    },
    message: {
      da: 'Der mangler bilag af typen «{type}». Ved mini-rådgivningsforløb i en enkeltsag medsendes som minimum seneste udredninger og status fra indsatser.',
      en: 'An attachment of type "{type}" is missing. A mini single-case course must include at least the latest assessments and status from measures.',
    },
    options: {
      paakraevedeBilag: {
        description: {
          da: 'Bilagstyper, der som minimum skal medsendes.',
          en: 'Attachment types that must be included at least.',
        },
        default: DEFAULT_BILAG,
        schema: listAtLeast(DEFAULT_BILAG, ALL_BILAGSTYPER),
      },
    },
    check(data, ctx) {
      // A bilag is a stored file for every ydelse (from 1.2.0; the schema required its name before).
      const findings = brokenReferences(data, '/bilag', ctx, bilagName, { fileRequired: true });
      if (valueAt(data, '/ydelse') !== YDELSE.miniEnkeltsag) return findings;
      const bilag = arrayAt(data, '/bilag');
      for (const type of stringListOption(ctx.options.paakraevedeBilag, DEFAULT_BILAG)) {
        const ofType = bilag.flatMap((b, i) => (stringAt(b, '/type') === type ? [i] : []));
        if (ofType.length === 0) findings.push({ path: '/bilag', params: { type } });
        else if (usesAttachmentRefs(ctx)) findings.push(...requiredBilagFile(bilag, ofType, type, ctx));
      }
      if (!filled(data, '/oplysningshjul/arbejdetIndtilNu')) {
        findings.push({
          path: '/oplysningshjul/arbejdetIndtilNu',
          message: {
            da: '«{label}» skal udfyldes: beskriv, hvordan fagpersonerne indtil nu har arbejdet med den konkrete problemstilling.',
            en: '"{label}" is required: describe how the professionals have worked with the problem so far.',
          },
        });
      }
      return findings;
    },
  },
];
