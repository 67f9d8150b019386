import {
  compareVersions,
  isFilled,
  valueAt,
  type RuleContext,
  type RuleDefinition,
  type RuleFinding,
} from '@skema/core';
import { YDELSE, ydelsesprofil } from './henvendelsesskema-ydelser.js';
import { enumAt, LEVERANCEAFTALE } from './leveranceaftale-read.js';

/**
 * LEV-10, the case's own borger (001 §6.2.1 «registreres på hvert enkelt barns cpr.nr.»).
 * Version 1.0.0 required a CPR number in the schema for every ydelse, so users invented one for
 * courses about several borgere, theme courses and unborn children. From 1.1.0 the rule asks for it
 * only where the ydelse concerns one identified borger; 1.0.0 keeps its schema and is not re-judged.
 */
const SINCE: Readonly<Record<string, string>> = { [LEVERANCEAFTALE]: '1.1.0' };

const filled = (data: unknown, ptr: string): boolean => isFilled(valueAt(data, ptr));
const isTrue = (data: unknown, ptr: string): boolean => valueAt(data, ptr) === true;

/** The fields that identify a borger; none belongs on a case that concerns no single borger. */
const IDENTIFYING = ['/sag/navn', '/sag/cpr', '/sag/foedselsdato'];

function check(data: unknown, ctx: RuleContext): RuleFinding[] {
  const from = SINCE[ctx.formId];
  if (from !== undefined && compareVersions(ctx.version, from) < 0) return [];
  const ydelse = enumAt(data, '/sag/ydelse');
  // An unrecorded ydelse is judged as one about an identified borger, as every case was before 1.1.0.
  const borger = ydelsesprofil(ydelse)?.borger ?? 'identificeret';
  const findings: RuleFinding[] = [];
  if (borger === 'ingen' || borger === 'anonym') {
    for (const path of IDENTIFYING.filter((p) => filled(data, p))) {
      findings.push({
        path,
        params: { ydelse: ydelse ?? '' },
        message: {
          da: '«{ydelse}» vedrører ikke én bestemt borger, så sagen registreres ikke på en borger. Fjern «{label}».',
          en: '"{ydelse}" does not concern one particular person, so the case is not registered on a person. Remove "{label}".',
        },
      });
    }
    return findings;
  }
  const noCpr = isTrue(data, '/sag/intetCprNummer');
  if (noCpr && filled(data, '/sag/cpr')) {
    findings.push({
      path: '/sag/intetCprNummer',
      message: {
        da: '«{label}» er markeret, men der er udfyldt et CPR-nummer. Fjern det ene.',
        en: '"{label}" is ticked, but a CPR number is filled in. Remove one of them.',
      },
    });
  }
  if (isTrue(data, '/sag/ufoedt')) {
    if (ydelse !== YDELSE.adoption) {
      findings.push({
        path: '/sag/ufoedt',
        message: {
          da: '«{label}» kan kun markeres ved rådgivning om adoption uden samtykke; andre forløb vedrører et født barn eller en voksen.',
          en: '"{label}" can only be ticked for advice on adoption without consent; other courses concern a born child or an adult.',
        },
      });
    }
    return findings;
  }
  // «Telefonrådgivning» may be anonymous: nothing is required, but what is given must agree.
  if (borger !== 'identificeret') return findings;
  if (noCpr) {
    if (!filled(data, '/sag/foedselsdato')) {
      findings.push({
        path: '/sag/foedselsdato',
        message: {
          da: '«{label}» skal udfyldes, når borgeren ikke har et CPR-nummer: fødselsdatoen identificerer barnet, og aldersregler bruger den.',
          en: '"{label}" is required when the person has no CPR number: the birth date identifies the child, and age rules use it.',
        },
      });
    }
  } else if (!filled(data, '/sag/cpr')) {
    findings.push({ path: '/sag/cpr', params: { ydelse: ydelse ?? '–' } });
  }
  return findings;
}

export const lev10CaseBorger: RuleDefinition & { readonly since: Readonly<Record<string, string>> } = {
  id: 'LEV-10',
  severity: 'error',
  appliesTo: [LEVERANCEAFTALE],
  since: SINCE,
  description: {
    da:
      'En sag om én borger registreres på borgerens CPR-nummer (eller et erstatningspersonnummer); har barnet intet CPR-nummer, angives «Intet CPR-nummer» og fødselsdatoen, og et ufødt barn ved adoption uden samtykke markeres som ufødt. ' +
      'Forløb, der ikke vedrører én bestemt borger (flere borgere, temaforløb, temadage, anonym rådgivning), har hverken navn, CPR-nummer eller fødselsdato på en borger.',
    en:
      'A case about one person is registered on the person\'s CPR number (or a substitute number); for a child without one, "no CPR number" and the birth date are given, and an unborn child in adoption without consent is marked as unborn. ' +
      'Courses that concern no particular person (several citizens, theme courses, theme days, anonymous advice) carry no name, CPR number or birth date of a person.',
  },
  source:
    '001 §6.2.1 «Alle sager omhandlende familier med flere børn registreres på hvert enkelt barns cpr.nr.»; §3.6–3.8, §3.10 (forløb vedrørende flere borgere og temaforløb); §3.9 (adoption, evt. ufødt barn)',
  message: {
    da: '«{label}» skal udfyldes: «{ydelse}» vedrører én borger, og sagen registreres på borgerens CPR-nummer. Har barnet intet CPR-nummer, markeres «Intet CPR-nummer», og fødselsdatoen udfyldes.',
    en: '"{label}" is required: "{ydelse}" concerns one person, and the case is registered on the person\'s CPR number. For a child without a CPR number, tick "No CPR number" and fill in the birth date.',
  },
  check,
};
