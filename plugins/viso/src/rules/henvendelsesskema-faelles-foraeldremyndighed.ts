import { arrayAt, judgedOn, pointer, stringAt, type RuleDefinition, type RuleFinding } from '@skema/core';
import { ASKED_STATUSES, FORM, GIVER, concernsIdentifiedBorger, isMinor, samtykker } from './henvendelsesskema-data.js';

const normalName = (name: string) => name.trim().replace(/\s+/g, ' ').toLocaleLowerCase('da');

/**
 * Joint custody (fælles forældremyndighed): both holders decide together, so when two are listed
 * and only one gave or was asked for consent, the other is named (by number, since a message
 * carries no personal data) as a warning. The warning part of HEN-05, beside its error part.
 */
export const faellesForaeldremyndighed: RuleDefinition = {
  id: 'HEN-05',
  severity: 'warning',
  appliesTo: FORM,
  source:
    '001 §2.2.2 «forsøge at indhente samtykke hos forældremyndighedsindehaveren»; forældreansvarsloven § 3 (fælles forældremyndighed)',
  judgedDate: { kind: 'reference' },
  description: {
    da: 'Ved fælles forældremyndighed bør begge forældremyndighedsindehavere give eller være spurgt om samtykke. Er kun den ene spurgt, nævnes den anden.',
    en: 'With joint custody both custody holders should give or have been asked for consent. If only one was asked, the other is named.',
  },
  message: {
    da: 'Forældremyndighedsindehaver nr. {nr} er ikke registreret som spurgt om samtykke. Ved fælles forældremyndighed bør begge give eller være spurgt om samtykke; tilføj samtykket (givet, forsøgt indhentet eller afvist) med indehaverens navn.',
    en: 'Custody holder no. {nr} is not recorded as asked for consent. With joint custody both should give or have been asked for consent; add the consent (given, attempted or refused) with the holder’s name.',
  },
  check(data, ctx) {
    if (!concernsIdentifiedBorger(data) || !isMinor(data, judgedOn(ctx))) return [];
    const holders = arrayAt(data, '/repraesentation/foraeldremyndighedsindehavere').map((h) => stringAt(h, '/navn'));
    if (holders.filter((h) => h !== undefined).length < 2) return [];
    const askedNames = new Set(
      samtykker(data)
        .filter(
          (s) =>
            s.rolle === GIVER.foraeldremyndighed &&
            s.status !== undefined &&
            ASKED_STATUSES.includes(s.status) &&
            s.giver,
        )
        .map((s) => normalName(s.giver as string)),
    );
    // No holder asked at all is HEN-03's error, not this warning.
    if (askedNames.size === 0) return [];
    const findings: RuleFinding[] = [];
    holders.forEach((name, index) => {
      if (name !== undefined && !askedNames.has(normalName(name))) {
        findings.push({
          path: pointer('repraesentation', 'foraeldremyndighedsindehavere', index),
          params: { nr: index + 1 },
        });
      }
    });
    return findings;
  },
};
