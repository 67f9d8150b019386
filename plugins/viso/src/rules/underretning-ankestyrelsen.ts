import { arrayAt, stringAt, valueAt, type RuleDefinition, type RuleFinding } from '@skema/core';
import { brokenReferences, requiredFile, usesAttachmentRefs } from './bilag-files.js';
import { dateAt, enumAt, hasText } from './leveranceaftale-read.js';
import { MODTAGER_AST, TYPE_AST, UNDERRETNING } from './underretning-read.js';

const appliesTo = [UNDERRETNING];

const isToAnkestyrelsen = (data: unknown): boolean => enumAt(data, '/type') === TYPE_AST;

/** A row named in messages by its date, else its number. */
const itemName = (item: unknown, index: number): string => stringAt(item, '/dato') ?? `nr. ${index + 1}`;

/** Contact, discussion and prior notification must all precede the sending. */
function notAfterSending(data: unknown, path: string): RuleFinding[] {
  const date = dateAt(data, path);
  const sentOn = dateAt(data, '/sendtDato');
  if (date === undefined || sentOn === undefined || date <= sentOn) return [];
  return [
    {
      path,
      message: {
        da: '«{label}» ligger efter afsendelsen af underretningen til Ankestyrelsen; det skal ske forinden.',
        en: '"{label}" is after the notification to Ankestyrelsen was sent; it must come first.',
      },
    },
  ];
}

export const und06AnkestyrelsenPrerequisites: RuleDefinition = {
  id: 'UND-06',
  severity: 'error',
  appliesTo,
  description: {
    da: 'En underretning til Ankestyrelsen (barnets lov § 152) forudsætter en forudgående underretning/kontakt til kommunen, en drøftelse med en leder i VISOs centrale enhed og at kommunen er orienteret om, at VISO underretter Ankestyrelsen.',
    en: "A notification to Ankestyrelsen (barnets lov § 152) requires a prior notification/contact with the municipality, a discussion with a leader in VISO's central unit, and that the municipality was told VISO notifies Ankestyrelsen.",
  },
  source:
    '001 §8.1.4 «Efter kontakten til kommunen»; «orienteres kommunen om, at VISO sender en underretning til Ankestyrelsen»; «skal altid drøftes med en leder i VISOs centrale enhed»',
  message: {
    da: '«{label}» skal udfyldes før en underretning til Ankestyrelsen.',
    en: '"{label}" is required before a notification to Ankestyrelsen.',
  },
  check(data) {
    if (!isToAnkestyrelsen(data)) return [];
    const findings: RuleFinding[] = [];
    for (const path of ['/tidligereUnderretningTilKommunen/dato', '/lederDroeftelse/leder', '/lederDroeftelse/dato']) {
      if (!hasText(data, path)) findings.push({ path });
    }
    if (valueAt(data, '/kommuneOrienteretOmAST') !== true) {
      findings.push({
        path: '/kommuneOrienteretOmAST',
        message: {
          da: 'Kommunen skal orienteres om, at VISO sender en underretning til Ankestyrelsen («{label}»), så dialogen forbliver åben.',
          en: 'The municipality is told that VISO notifies Ankestyrelsen ("{label}"), to keep the dialogue open.',
        },
      });
    }
    findings.push(
      ...notAfterSending(data, '/tidligereUnderretningTilKommunen/dato'),
      ...notAfterSending(data, '/lederDroeftelse/dato'),
    );
    return findings;
  },
};

export const und07AnkestyrelsenContent: RuleDefinition = {
  id: 'UND-07',
  severity: 'warning',
  appliesTo,
  description: {
    da:
      'En underretning til Ankestyrelsen bør indeholde barnets navn og CPR-nummer (har barnet intet CPR-nummer: fødselsdatoen), en kort beskrivelse af VISOs kendskab til og involvering i sagen og korrespondancen mellem VISO og kommunen. ' +
      'Fra version 1.2.0 vedlægges korrespondancen som fil: mindst ét brev er en vedhæftet fil, der er gemt for underretningen eller dens sag, og ingen henvisning til en fil må pege på en fil, der ikke findes. ' +
      'Advarsel som standard (spec §8 Q8); en kommune kan hæve den til fejl med regelindstillingen «severity» = «error».',
    en:
      "A notification to Ankestyrelsen should contain the child's name and CPR number (for a child without one: the birth date), a short account of VISO's knowledge of and involvement in the case, and the VISO–municipality correspondence. " +
      'From version 1.2.0 the correspondence is enclosed as files: at least one letter is a file stored for the notification or its case, and no file reference may point to a file that does not exist. ' +
      'A warning by default (spec §8 Q8); a tenant can raise it to an error with the rule option severity = "error".',
  },
  source:
    '001 §8.1.4 «Underretningen bør indeholde navn og cpr.nr på det barn, der er bekymring for, samt en kort beskrivelse af VISOs kendskab til og involvering i sagen, korrespondance mellem VISO og kommunen»',
  message: {
    da: 'Underretningen til Ankestyrelsen bør indeholde «{label}».',
    en: 'The notification to Ankestyrelsen should contain "{label}".',
  },
  check(data, ctx) {
    // A reference to a file that is not stored is wrong wherever it is (from 1.2.0).
    const broken = [
      // Named by date or number: descriptions and titles are free text (sensitive), kept out of messages.
      ...brokenReferences(data, '/korrespondance', ctx, itemName),
      ...brokenReferences(data, '/visoMateriale', ctx, itemName),
    ];
    if (!isToAnkestyrelsen(data)) return broken;
    // A child without a CPR number is identified by «Intet CPR-nummer» and the birth date (from 1.2.0).
    const identity = valueAt(data, '/barn/intetCprNummer') === true ? '/barn/foedselsdato' : '/barn/cpr';
    const findings: RuleFinding[] = [
      ...broken,
      ...['/barn/navn', identity, '/visosKendskabOgInvolvering']
        .filter((path) => !hasText(data, path))
        .map((path) => ({ path })),
    ];
    if (valueAt(data, '/barn/intetCprNummer') === true && hasText(data, '/barn/cpr')) {
      findings.push({
        path: '/barn/intetCprNummer',
        message: {
          da: '«{label}» er markeret, men der er udfyldt et CPR-nummer. Fjern det ene.',
          en: '"{label}" is ticked, but a CPR number is filled in. Remove one of them.',
        },
      });
    }
    const korrespondance = arrayAt(data, '/korrespondance');
    if (korrespondance.length > 0 && usesAttachmentRefs(ctx)) {
      // The correspondence is enclosed: at least one letter of it as a stored file.
      const all = korrespondance.map((_k, i) => i);
      findings.push(...requiredFile(korrespondance, all, '/korrespondance', itemName, ctx));
    }
    if (korrespondance.length === 0) {
      findings.push({
        path: '/korrespondance',
        message: {
          da: 'Underretningen til Ankestyrelsen bør vedlægge korrespondancen mellem VISO og kommunen («{label}»).',
          en: 'The notification to Ankestyrelsen should include the correspondence between VISO and the municipality ("{label}").',
        },
      });
    }
    return findings;
  },
};

export const und08AnkestyrelsenChannel: RuleDefinition = {
  id: 'UND-08',
  severity: 'error',
  appliesTo,
  description: {
    da:
      'Underretningen til Ankestyrelsen sendes på mail til sikkermail@ast.dk med «Underretning» i emnefeltet. Ved tvivl eller særlige forhold (vold, overgreb, æresrelaterede konflikter m.m.) ' +
      'ringes til Ankestyrelsen på 3341 1200 (vagten i børnekontoret); den påmindelse gives som en procesfrist med samme kode.',
    en:
      'The notification to Ankestyrelsen is e-mailed to sikkermail@ast.dk with «Underretning» as the subject. In doubt or in special circumstances (violence, abuse, honour-related conflicts etc.) ' +
      "call Ankestyrelsen on 3341 1200 (the duty officer of the children's office); that reminder is a process deadline under the same code.",
  },
  source: '001 §8.1.4 «Underretningen sendes på mail til: sikkermail@ast.dk. Skriv ”Underretning” i emnefelt»',
  message: {
    da: '«{label}» skal være «Ankestyrelsen (sikkermail@ast.dk)»: underretningen sendes til sikkermail@ast.dk med «Underretning» i emnefeltet.',
    en: '"{label}" must be "Ankestyrelsen (sikkermail@ast.dk)": the notification is e-mailed to sikkermail@ast.dk with «Underretning» as the subject.',
  },
  check(data) {
    return isToAnkestyrelsen(data) && enumAt(data, '/modtager') !== MODTAGER_AST ? [{ path: '/modtager' }] : [];
  },
};

export const underretningAnkestyrelsenRules: RuleDefinition[] = [
  und06AnkestyrelsenPrerequisites,
  und07AnkestyrelsenContent,
  und08AnkestyrelsenChannel,
];
