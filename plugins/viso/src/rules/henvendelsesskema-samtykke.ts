import { judgedOn, listAtMost, pointer, stringAt, type RuleDefinition, type RuleFinding } from '@skema/core';
import {
  ASKED_STATUSES,
  YOUTH_CONSENT_AGE,
  FORM,
  GIVER,
  GRUNDLAG,
  asked,
  borgerAge,
  childGivers,
  concernsIdentifiedBorger,
  entitledGivers,
  filled,
  grundlag,
  isTrue,
  samtykker,
  stringListOption,
} from './henvendelsesskema-data.js';

/** Consent rules for children and young people (001 §2.2.2) and the basis the henvender states. */
export const samtykkeRules: RuleDefinition[] = [
  {
    id: 'HEN-02',
    severity: 'error',
    appliesTo: FORM,
    source: '001 §2.2.2',
    judgedDate: { kind: 'reference' },
    description: {
      da: 'Samtykkegrundlaget skal oplyses, og det skal passe med de registrerede samtykker: «Med samtykke» kræver mindst ét givet samtykke og ingen afvisninger. «Ved henvendelse skal henvender oplyse, hvorvidt ønske om rådgivning sker med samtykke eller efter de særlige regler».',
      en: 'The consent basis must be stated and match the recorded consents: "Med samtykke" needs at least one consent given and no refusal.',
    },
    message: {
      da: '«{label}» skal udfyldes: henvender skal oplyse, om henvendelsen sker med samtykke eller efter de særlige regler.',
      en: '"{label}" is required: the referrer must state whether the referral is made with consent or under the special rules.',
    },
    check(data, ctx) {
      if (!concernsIdentifiedBorger(data)) return [];
      const basis = grundlag(data);
      if (!basis) return [{ path: '/samtykke/samtykkegrundlag' }];
      const findings: RuleFinding[] = [];
      const entries = samtykker(data);
      // DP-05: the withdrawal date is when the case stops going on on the consent, whatever the basis.
      for (const s of entries.filter((e) => e.tilbagekaldt && !e.tilbagekaldtDato)) {
        findings.push({
          path: pointer('samtykke', 'samtykker', s.index, 'tilbagekaldtDato'),
          message: {
            da: '«{label}» skal udfyldes, når samtykket er tilbagekaldt: fra den dato kan sagen ikke fortsætte på samtykket (DP-05).',
            en: '"{label}" is required when the consent is withdrawn: from that date the case cannot go on on the consent (DP-05).',
          },
        });
      }
      if (basis !== GRUNDLAG.medSamtykke) return findings;
      // Only a consent from someone entitled counts: a 10-year-old's own «den unge» entry does not.
      const givers = entitledGivers(data, judgedOn(ctx));
      for (const s of entries.filter((e) => e.tilbagekaldt)) {
        findings.push({
          path: pointer('samtykke', 'samtykker', s.index, 'tilbagekaldt'),
          params: { dato: s.tilbagekaldtDato ?? '–' },
          message: {
            da: 'Samtykket er tilbagekaldt ({dato}). Fra tilbagekaldelsen stoppes forløbet og kan ikke fortsætte på dette samtykke; det journaliserede materiale opbevares fortsat (DP-05, 001 §2.2.3).',
            en: 'The consent was withdrawn ({dato}). From the withdrawal the course stops and cannot go on on this consent; journalised material is kept (DP-05, 001 §2.2.3).',
          },
        });
      }
      if (!entries.some((s) => s.status === 'givet' && s.rolle !== undefined && givers.includes(s.rolle))) {
        findings.push({
          path: '/samtykke/samtykkegrundlag',
          message: {
            da: '«{label}» er «Med samtykke», men intet samtykke er registreret som givet. Registrér samtykket, eller vælg det grundlag, henvendelsen faktisk sker efter.',
            en: '"{label}" is "Med samtykke", but no consent is recorded as given. Record the consent or choose the basis the referral is actually made under.',
          },
        });
      }
      for (const s of entries.filter((e) => e.status === 'afvist' && !e.tilbagekaldt)) {
        findings.push({
          path: pointer('samtykke', 'samtykker', s.index, 'status'),
          message: {
            da: 'Et samtykke er afvist, så henvendelsen sker ikke «Med samtykke». Vælg det særlige grundlag, henvendelsen sker efter (fx Retssikkerhedslovens § 11d, stk. 2).',
            en: 'A consent was refused, so the referral is not made "Med samtykke". Choose the special basis the referral is made under (e.g. § 11d(2)).',
          },
        });
      }
      return findings;
    },
  },
  {
    id: 'HEN-03',
    severity: 'error',
    appliesTo: FORM,
    source: '001 §2.2.2',
    judgedDate: { kind: 'reference' },
    description: {
      da: 'Er samtykke hverken indhentet eller forsøgt indhentet hos en, der kan give det, kan henvendelsen ikke behandles: «hvis det fremgår af henvendelsesskemaet, at der ikke er indhentet eller forsøgt indhentet samtykke, kan VISO ikke behandle de modtagne oplysninger».',
      en: 'If consent was neither obtained nor attempted from someone entitled to give it, VISO cannot process the referral.',
    },
    message: {
      da: 'Der er hverken indhentet eller forsøgt indhentet samtykke fra {givere}. VISO kan ikke behandle henvendelsen, før samtykke er indhentet eller forsøgt indhentet.',
      en: 'Consent was neither obtained nor attempted from {givere}. VISO cannot process the referral until consent has been obtained or attempted.',
    },
    check(data, ctx) {
      if (!concernsIdentifiedBorger(data)) return [];
      // The adult path without consent has its own requirements (HEN-08).
      if (grundlag(data) === GRUNDLAG.paragraf82) return [];
      const givers = entitledGivers(data, judgedOn(ctx));
      if (asked(data, givers)) return [];
      return [{ path: '/samtykke/samtykker', params: { givere: givers.join(' / ') } }];
    },
  },
  {
    id: 'HEN-04',
    severity: 'error',
    appliesTo: FORM,
    source: '001 §2.2.2',
    judgedDate: { kind: 'reference' },
    description: {
      da: 'Henvendelse efter Retssikkerhedslovens § 11d, stk. 2 kræver: børne- og ungeområdet, en kommune som henvender, en sag om særlig støtte efter barnets lov, et registreret forsøg på samtykke hos forældremyndighedsindehaveren eller den unge fyldt 15 år, og at barnet er oplyst om retten til en bisidder. «Kommunen skal forinden forsøge at indhente samtykke hos forældremyndighedsindehaveren eller den unge, der er fyldt 15 år. Kommunen skal også oplyse barnet eller den unge om retten til en bisidder».',
      en: 'A referral under § 11d(2) requires: the children’s area, a kommune as referrer, a case of special support under barnets lov, a recorded consent attempt with the custody holder or the youth aged 15+, and that the child was told of the right to a bisidder.',
    },
    message: {
      da: '«{label}» opfylder ikke betingelserne for en henvendelse uden samtykke efter Retssikkerhedslovens § 11d, stk. 2.',
      en: '"{label}" does not meet the conditions for a referral without consent under § 11d(2).',
    },
    check(data, ctx) {
      if (grundlag(data) !== GRUNDLAG.paragraf11d) return [];
      const findings: RuleFinding[] = [];
      if (stringAt(data, '/ydelsestype') === 'voksne') {
        findings.push({
          path: '/ydelsestype',
          message: {
            da: 'Retssikkerhedslovens § 11d, stk. 2 gælder kun børn og unge. For voksne skal der foreligge samtykke, eller henvendelsen skal ske efter servicelovens § 82.',
            en: '§ 11d(2) only applies to children and young people. Adults need consent, or the referral must be made under servicelovens § 82.',
          },
        });
      }
      if (stringAt(data, '/henvender/type') !== 'kommune') {
        findings.push({
          path: '/henvender/type',
          message: {
            da: 'Efter § 11d, stk. 2 kan kun en kommune videregive oplysninger uden samtykke. «{label}» skal være kommune.',
            en: 'Under § 11d(2) only a kommune may pass on information without consent. "{label}" must be kommune.',
          },
        });
      }
      if (!isTrue(data, '/samtykke/sagOmSaerligStoetteEfterBarnetsLov')) {
        findings.push({
          path: '/samtykke/sagOmSaerligStoetteEfterBarnetsLov',
          message: {
            da: '«{label}» skal bekræftes: oplysninger må kun videregives uden samtykke som led i en sag om særlig støtte efter barnets lov.',
            en: '"{label}" must be confirmed: information may only be passed on without consent as part of a case of special support under barnets lov.',
          },
        });
      }
      // «den unge, der er fyldt 15 år»: the youth's own attempt counts only from the 15th birthday.
      if (
        !asked(
          data,
          childGivers(data, judgedOn(ctx)).filter((g) => g !== GIVER.vaerge),
        )
      ) {
        findings.push({
          path: '/samtykke/samtykker',
          message: {
            da: 'Kommunen skal forinden have forsøgt at indhente samtykke hos forældremyndighedsindehaveren eller den unge, der er fyldt 15 år. Registrér forsøget under «{label}».',
            en: 'The kommune must first have tried to obtain consent from the custody holder or the youth aged 15 or over. Record the attempt under "{label}".',
          },
        });
      }
      if (!isTrue(data, '/samtykke/orienteretOmBisidder')) {
        findings.push({
          path: '/samtykke/orienteretOmBisidder',
          message: {
            da: '«{label}» skal bekræftes: kommunen skal oplyse barnet eller den unge om retten til en bisidder.',
            en: '"{label}" must be confirmed: the kommune must tell the child or young person of the right to a bisidder.',
          },
        });
      }
      return findings;
    },
  },
  {
    id: 'HEN-05',
    severity: 'error',
    appliesTo: FORM,
    source: '001 §2.2.2, bilag 11',
    judgedDate: { kind: 'reference' },
    description: {
      da: 'Er borgeren fyldt 15 år på datoen for indsendelsen (beregnet ud fra CPR-nummeret), skal den unge selv være spurgt om samtykke. Den unges samtykke supplerer – men erstatter ikke – forældremyndighedsindehaverens (beslutning Q5). «Vide om der er afgivet samtykke, herunder også fra unge over 15 år».',
      en: 'If the borger is 15 or older on the submission date (computed from the CPR number), the youth must have been asked for consent. The youth’s consent supplements, not replaces, the custody holder’s (decision Q5).',
    },
    message: {
      da: 'Den unge er fyldt {alder} år og skal selv være spurgt om samtykke. Tilføj den unges samtykke (givet, forsøgt indhentet eller afvist) under «{label}».',
      en: 'The young person is {alder} or older and must have been asked for consent. Add the youth’s consent (given, attempted or refused) under "{label}".',
    },
    options: {
      youthStatuses: {
        description: {
          da: 'De statusser, der tæller som at den unge er spurgt. Som standard tæller en afvisning som et forsøg (§ 11d, stk. 2 kræver forsøget); en kommune kan kræve «givet» eller «forsøgt indhentet».',
          en: 'The statuses that count as the youth having been asked. By default a refusal counts as an attempt; a tenant can require "givet" or "forsøgt indhentet".',
        },
        default: ASKED_STATUSES,
        // A tenant may count fewer statuses as asked (stricter), never others.
        schema: { ...listAtMost(ASKED_STATUSES), minItems: 1 },
      },
      youthSupplementsParents: {
        description: {
          da: 'Den unges samtykke supplerer forældremyndighedsindehaverens og erstatter det ikke (beslutning Q5). Kan ikke slås fra.',
          en: 'The youth’s consent supplements the custody holder’s and does not replace it (decision Q5). Cannot be switched off.',
        },
        default: true,
        schema: { const: true },
        legalSource:
          'spec §8 Q5; forældreansvarsloven (forældremyndighedsindehaveren træffer afgørelse om barnets personlige forhold)',
      },
    },
    check(data, ctx) {
      if (!concernsIdentifiedBorger(data)) return [];
      const on = judgedOn(ctx);
      const age = borgerAge(data, on);
      if (age === undefined || age >= 18) return [];
      const findings: RuleFinding[] = [];
      if (age < YOUTH_CONSENT_AGE) {
        // Below 15 the child's own consent does not count; the custody holder (or guardian) decides.
        const own = samtykker(data).filter((e) => e.rolle === GIVER.denUnge);
        if (own.length && !asked(data, [GIVER.foraeldremyndighed, GIVER.vaerge])) {
          for (const e of own) {
            findings.push({
              path: pointer('samtykke', 'samtykker', e.index, 'rolle'),
              params: { alder: YOUTH_CONSENT_AGE, dato: on },
              message: {
                da: 'Borgeren er ikke fyldt {alder} år den {dato}, så «den unge (fyldt 15 år)» kan ikke give samtykke. Forældremyndighedsindehaveren (eller værgen) skal give eller være spurgt om samtykke.',
                en: 'The borger is not {alder} on {dato}, so "the youth (aged 15+)" cannot consent. The custody holder (or guardian) must give or have been asked for consent.',
              },
            });
          }
        }
        return findings;
      }
      const statuses = stringListOption(ctx.options.youthStatuses, ASKED_STATUSES);
      if (!asked(data, [GIVER.denUnge], statuses))
        findings.push({ path: '/samtykke/samtykker', params: { alder: YOUTH_CONSENT_AGE } });
      // With anbringelse uden samtykke HEN-06 already demands the custody holder.
      if (
        !isTrue(data, '/samtykke/anbringelseUdenSamtykke') &&
        !asked(data, [GIVER.foraeldremyndighed, GIVER.vaerge])
      ) {
        findings.push({
          path: '/samtykke/samtykker',
          message: {
            da: 'Den unges samtykke supplerer – men erstatter ikke – forældremyndighedsindehaverens. Tilføj forældremyndighedsindehaverens (eller værgens) samtykke under «{label}».',
            en: 'The youth’s consent supplements – but does not replace – the custody holder’s. Add the custody holder’s (or guardian’s) consent under "{label}".',
          },
        });
      }
      return findings;
    },
  },
  {
    id: 'HEN-06',
    severity: 'error',
    appliesTo: FORM,
    source: '001 §2.2.2',
    description: {
      da: 'Samtykke skal også foreligge eller være forsøgt indhentet ved værgemål og ved anbringelse uden samtykke; ved værgemål er det værgen, der giver samtykke. «Samtykket skal ligeledes foreligge eller være forsøgt indhentet i tilfælde, hvor der indgår værgemål og ved henvendelser om anbringelse uden samtykke. I forbindelse med værgemål vil det være værgen, der skal give sit samtykke».',
      en: 'Consent must also be given or attempted with værgemål and with placement without consent; with værgemål the guardian gives consent.',
    },
    message: {
      da: 'Der er værgemål, så værgen skal være spurgt om samtykke. Tilføj værgens samtykke under «{label}».',
      en: 'There is a guardianship, so the guardian must have been asked for consent. Add the guardian’s consent under "{label}".',
    },
    check(data) {
      if (!concernsIdentifiedBorger(data)) return [];
      const findings: RuleFinding[] = [];
      const vaergemaal = isTrue(data, '/repraesentation/vaergemaal');
      if (vaergemaal) {
        if (!filled(data, '/repraesentation/vaerge/navn')) {
          findings.push({
            path: '/repraesentation/vaerge',
            message: {
              da: '«{label}» skal udfyldes, når der er værgemål: det er værgen, der giver samtykke.',
              en: '"{label}" is required when there is a guardianship: the guardian gives consent.',
            },
          });
        }
        if (!asked(data, [GIVER.vaerge])) findings.push({ path: '/samtykke/samtykker' });
      }
      if (isTrue(data, '/samtykke/anbringelseUdenSamtykke')) {
        const givers = vaergemaal ? [GIVER.foraeldremyndighed, GIVER.vaerge] : [GIVER.foraeldremyndighed];
        if (!asked(data, givers)) {
          findings.push({
            path: '/samtykke/samtykker',
            message: {
              da: 'Også ved anbringelse uden samtykke skal forældremyndighedsindehaveren være spurgt om samtykke til henvendelsen. Registrér samtykket eller forsøget under «{label}».',
              en: 'Also with placement without consent, the custody holder must have been asked to consent to the referral. Record the consent or the attempt under "{label}".',
            },
          });
        }
      }
      return findings;
    },
  },
];
