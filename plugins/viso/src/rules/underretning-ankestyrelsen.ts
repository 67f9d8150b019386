import { arrayAt, valueAt, type RuleDefinition, type RuleFinding } from '@skema/core';
import { dateAt, enumAt, hasText } from './leveranceaftale-read.js';
import { MODTAGER_AST, TYPE_AST, UNDERRETNING } from './underretning-read.js';

const appliesTo = [UNDERRETNING];

const isToAnkestyrelsen = (data: unknown): boolean => enumAt(data, '/type') === TYPE_AST;

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
    en: 'A notification to Ankestyrelsen (barnets lov § 152) requires a prior notification/contact with the municipality, a discussion with a leader in VISO\'s central unit, and that the municipality was told VISO notifies Ankestyrelsen.',
  },
  source: '001 §8.1.4 «Efter kontakten til kommunen»; «orienteres kommunen om, at VISO sender en underretning til Ankestyrelsen»; «skal altid drøftes med en leder i VISOs centrale enhed»',
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
    findings.push(...notAfterSending(data, '/tidligereUnderretningTilKommunen/dato'), ...notAfterSending(data, '/lederDroeftelse/dato'));
    return findings;
  },
};

export const und07AnkestyrelsenContent: RuleDefinition = {
  id: 'UND-07',
  severity: 'warning',
  appliesTo,
  description: {
    da: 'En underretning til Ankestyrelsen bør indeholde barnets navn og CPR-nummer, en kort beskrivelse af VISOs kendskab til og involvering i sagen og korrespondancen mellem VISO og kommunen. '
      + 'Advarsel som standard (spec §8 Q8); en kommune kan hæve den til fejl med regelindstillingen «severity» = «error».',
    en: 'A notification to Ankestyrelsen should contain the child\'s name and CPR number, a short account of VISO\'s knowledge of and involvement in the case, and the VISO–municipality correspondence. '
      + 'A warning by default (spec §8 Q8); a tenant can raise it to an error with the rule option severity = "error".',
  },
  source: '001 §8.1.4 «Underretningen bør indeholde navn og cpr.nr på det barn, der er bekymring for, samt en kort beskrivelse af VISOs kendskab til og involvering i sagen, korrespondance mellem VISO og kommunen»',
  message: {
    da: 'Underretningen til Ankestyrelsen bør indeholde «{label}».',
    en: 'The notification to Ankestyrelsen should contain "{label}".',
  },
  check(data) {
    if (!isToAnkestyrelsen(data)) return [];
    const findings: RuleFinding[] = ['/barn/navn', '/barn/cpr', '/visosKendskabOgInvolvering']
      .filter((path) => !hasText(data, path))
      .map((path) => ({ path }));
    if (arrayAt(data, '/korrespondance').length === 0) {
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
    da: 'Underretningen til Ankestyrelsen sendes på mail til sikkermail@ast.dk med «Underretning» i emnefeltet. Ved tvivl eller særlige forhold (vold, overgreb, æresrelaterede konflikter m.m.) '
      + 'ringes til Ankestyrelsen på 3341 1200 (vagten i børnekontoret); den påmindelse gives som en procesfrist med samme kode.',
    en: 'The notification to Ankestyrelsen is e-mailed to sikkermail@ast.dk with «Underretning» as the subject. In doubt or in special circumstances (violence, abuse, honour-related conflicts etc.) '
      + 'call Ankestyrelsen on 3341 1200 (the duty officer of the children\'s office); that reminder is a process deadline under the same code.',
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
