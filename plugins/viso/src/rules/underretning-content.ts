import { valueAt, type RuleDefinition, type RuleFinding } from '@skema/core';
import { dateAt, enumAt, hasText, normalizedName } from './leveranceaftale-read.js';
import {
  isAboutChild,
  isSending,
  MODTAGER_LEDELSE_OG_MYNDIGHED,
  TYPE_BEKYMRING,
  TYPE_KOMMUNE,
  UNDERRETNING,
} from './underretning-read.js';
import { readsTypedApprovals } from './typed-approvals.js';

const appliesTo = [UNDERRETNING];

const CONTENT_FIELDS = ['faktuelleOplysninger', 'visosOpgaveISagen', 'iagttagelser'];

export const und02Content: RuleDefinition = {
  id: 'UND-02',
  severity: 'error',
  appliesTo,
  description: {
    da: 'Underretningen indeholder faktuelle oplysninger, en beskrivelse af VISOs opgave i sagen og de iagttagelser, der fører til bekymringen.',
    en: "The notification contains facts, a description of VISO's task in the case and the observations behind the concern.",
  },
  source:
    '001 §8.1.3 «Faktuelle oplysninger. Beskrivelse af VISOs opgave i sagen. Iagttagelser, der fører til bekymringen»; §8.2',
  message: {
    da: '«{label}» skal udfyldes.',
    en: '"{label}" is required.',
  },
  check(data) {
    return CONTENT_FIELDS.filter((f) => !hasText(data, `/${f}`)).map((f) => ({ path: `/${f}` }));
  },
};

export const und03CoSignature: RuleDefinition = {
  id: 'UND-03',
  severity: 'error',
  appliesTo,
  description: {
    da:
      'Fagkonsulenten medunderskriver og sender. Er fagkonsulenten uenig i underretningsgrundlaget, kan specialisten sende en underretning til kommunen alene med en registreret begrundelse, ' +
      'fordi den skærpede underretningspligt (barnets lov § 133) er personlig. Undtagelsen gælder ikke Ankestyrelsen eller bekymringsskrivelser på voksenområdet, hvor der ikke er en personlig pligt.',
    en:
      'The fagkonsulent co-signs and sends. If the fagkonsulent disagrees, the specialist may send a notification to the municipality alone with a recorded reason, ' +
      'because the strict duty to notify (barnets lov § 133) is personal. The exception does not cover Ankestyrelsen or adult letters of concern, where there is no personal duty.',
  },
  source:
    '001 §8.1.3 «Specialisten kan derfor vælge at sende underretningen uden fagkonsulenten som medunderskriver»; §8.2',
  message: {
    da: '«{label}» skal udfyldes, før underretningen sendes: fagkonsulenten medunderskriver. Er I uenige, kan specialisten sende en underretning til kommunen alene med en begrundelse.',
    en: '"{label}" is required before sending: the fagkonsulent co-signs. If you disagree, the specialist may send a notification to the municipality alone with a reason.',
  },
  check(data, ctx) {
    if (!isSending(data)) return [];
    // From 1.1.0 the co-signature is a signed-in fagkonsulent's recorded approval (the UND-03
    // guard); the data can only show a reason for sending alone where there is no personal duty.
    if (!readsTypedApprovals(ctx)) {
      return hasText(data, '/udenMedunderskriftBegrundelse') && enumAt(data, '/type') !== TYPE_KOMMUNE
        ? [
            {
              path: '/udenMedunderskriftBegrundelse',
              message: {
                da: 'Kun en underretning til kommunen kan sendes uden fagkonsulentens medunderskrift, fordi kun den hviler på den personlige skærpede underretningspligt. Fjern «{label}», og få underretningen medunderskrevet.',
                en: 'Only a notification to the municipality can be sent without the fagkonsulent\'s co-signature, as only it rests on the personal strict duty to notify. Remove "{label}" and have the notification co-signed.',
              },
            },
          ]
        : [];
    }
    const coSigner = normalizedName(valueAt(data, '/medunderskriver/navn'));
    if (coSigner !== undefined) {
      const findings: RuleFinding[] = [];
      if (coSigner === normalizedName(valueAt(data, '/udarbejdetAf/navn'))) {
        findings.push({
          path: '/medunderskriver/navn',
          message: {
            da: '«{label}» skal være fagkonsulenten, ikke den specialist, der har udarbejdet underretningen.',
            en: '"{label}" must be the fagkonsulent, not the specialist who drafted the notification.',
          },
        });
      }
      const signedOn = dateAt(data, '/medunderskriver/dato');
      const sentOn = dateAt(data, '/sendtDato');
      if (!hasText(data, '/medunderskriver/dato')) {
        findings.push({
          path: '/medunderskriver/dato',
          message: {
            da: '«{label}» skal udfyldes for medunderskriften.',
            en: '"{label}" is required for the co-signature.',
          },
        });
      } else if (signedOn !== undefined && sentOn !== undefined && signedOn > sentOn) {
        findings.push({
          path: '/medunderskriver/dato',
          message: {
            da: '«{label}» ligger efter afsendelsen; underretningen medunderskrives, før den sendes.',
            en: '"{label}" is after sending; the notification is co-signed before it is sent.',
          },
        });
      }
      return findings;
    }
    const reasoned = hasText(data, '/udenMedunderskriftBegrundelse');
    if (reasoned && enumAt(data, '/type') === TYPE_KOMMUNE) return [];
    if (reasoned) {
      return [
        {
          path: '/medunderskriver/navn',
          message: {
            da: '«{label}» skal udfyldes: kun en underretning til kommunen kan sendes uden fagkonsulentens medunderskrift, fordi kun den hviler på den personlige skærpede underretningspligt.',
            en: '"{label}" is required: only a notification to the municipality can be sent without the fagkonsulent\'s co-signature, as only it rests on the personal strict duty to notify.',
          },
        },
      ];
    }
    return [{ path: '/medunderskriver/navn' }];
  },
};

export const und04ParentsInformed: RuleDefinition = {
  id: 'UND-04',
  severity: 'error',
  appliesTo,
  description: {
    da: 'I hvert enkelt tilfælde vurderes og registreres det, om forældrene skal orienteres, før underretningen sendes.',
    en: 'In each case it is assessed and recorded whether the parents are informed before the notification is sent.',
  },
  source:
    '001 §8.1.3 «I hvert enkelt tilfælde skal det vurderes, hvorvidt forældrene forud for afsendelse af en underretning skal orienteres»',
  message: {
    da: '«{label}» skal udfyldes: registrér vurderingen af, om forældrene orienteres forud for underretningen.',
    en: '"{label}" is required: record the assessment of whether the parents are informed before the notification.',
  },
  check(data) {
    if (!isAboutChild(data)) return [];
    const findings: RuleFinding[] = [];
    if (typeof valueAt(data, '/foraeldreOrienteret') !== 'boolean') findings.push({ path: '/foraeldreOrienteret' });
    if (!hasText(data, '/foraeldreOrienteringVurdering')) findings.push({ path: '/foraeldreOrienteringVurdering' });
    return findings;
  },
};

export const und10AdultConcern: RuleDefinition = {
  id: 'UND-10',
  severity: 'error',
  appliesTo,
  description: {
    da:
      'En bekymringsskrivelse på voksenområdet sendes til ledelse og myndighed. Tages bekymringen ikke alvorligt, inddrages myndighedsrådgiveren. ' +
      'Generelt bekymrende forhold på et tilbud, som ikke ændres, drøftes med henblik på Socialtilsynet; på ældreområdet rettes bekymringen til kommunalbestyrelsen.',
    en:
      'An adult letter of concern goes to management and the authority. If it is not taken seriously, the case worker (myndighedsrådgiver) is involved. ' +
      'General concerns about a provider that lead to no change are discussed with a view to Socialtilsynet; for the elderly, the concern goes to the municipal council.',
  },
  source:
    '001 §8.2 «fremsender underretningen til ledelse og myndighed»; «skal myndighedsrådgiveren involveres»; «rettes til kommunalbestyrelsen»',
  message: {
    da: '«{label}» skal være «Ledelse og myndighed»: en bekymringsskrivelse sendes til ledelse og myndighed.',
    en: '"{label}" must be "Ledelse og myndighed": a letter of concern goes to management and the authority.',
  },
  check(data) {
    if (enumAt(data, '/type') !== TYPE_BEKYMRING) return [];
    const findings: RuleFinding[] = [];
    if (enumAt(data, '/modtager') !== MODTAGER_LEDELSE_OG_MYNDIGHED) findings.push({ path: '/modtager' });
    if (valueAt(data, '/eskalering/bekymringTagetAlvorligt') === false) {
      for (const field of ['navn', 'dato']) {
        if (!hasText(data, `/eskalering/myndighedsraadgiverInvolveret/${field}`)) {
          findings.push({
            path: `/eskalering/myndighedsraadgiverInvolveret/${field}`,
            message: {
              da: '«{label}» skal udfyldes: når bekymringen ikke tages alvorligt, skal borgerens myndighedsrådgiver involveres.',
              en: '"{label}" is required: when the concern is not taken seriously, the citizen\'s case worker must be involved.',
            },
          });
        }
      }
    }
    const generalUnresolved =
      valueAt(data, '/eskalering/generelleForholdPaaTilbud') === true &&
      valueAt(data, '/eskalering/forholdHaandteret') === false;
    if (generalUnresolved && valueAt(data, '/eskalering/aeldreomraadet') === true) {
      if (!hasText(data, '/eskalering/kommunalbestyrelsenUnderrettetDato')) {
        findings.push({
          path: '/eskalering/kommunalbestyrelsenUnderrettetDato',
          message: {
            da: '«{label}» skal udfyldes: generelle bekymrende forhold på ældreområdet, som ikke er håndteret, rettes til kommunalbestyrelsen.',
            en: '"{label}" is required: unresolved general concerns in care for the elderly go to the municipal council.',
          },
        });
      }
    } else if (generalUnresolved && !hasText(data, '/eskalering/socialtilsynetVurdering')) {
      findings.push({
        path: '/eskalering/socialtilsynetVurdering',
        message: {
          da: '«{label}» skal udfyldes: når generelle bekymrende forhold på tilbuddet ikke ændres, drøftes det med fagkonsulenten, om Socialtilsynet skal kontaktes.',
          en: '"{label}" is required: when general concerns about the provider lead to no change, discuss with the fagkonsulent whether to contact Socialtilsynet.',
        },
      });
    }
    return findings;
  },
};

export const underretningContentRules: RuleDefinition[] = [
  und02Content,
  und03CoSignature,
  und04ParentsInformed,
  und10AdultConcern,
];
