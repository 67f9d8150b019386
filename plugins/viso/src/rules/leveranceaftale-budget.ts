import { arrayAt, isFilled, valueAt, type RuleDefinition, type RuleFinding } from '@skema/core';
import { cprDigits, dateAt, enumAt, hasText, LEVERANCEAFTALE, normalizedName } from './leveranceaftale-read.js';

const appliesTo = [LEVERANCEAFTALE];

/** Calls `visit` for every expense line with its activity index and pointer. */
function forEachExpense(data: unknown, visit: (i: number, j: number, at: string) => void): void {
  arrayAt(data, '/aktiviteter').forEach((_, i) => {
    arrayAt(data, `/aktiviteter/${i}/udgifter`).forEach((__, j) => visit(i, j, `/aktiviteter/${i}/udgifter/${j}`));
  });
}

export const lev02ActivityDate: RuleDefinition = {
  id: 'LEV-02',
  severity: 'error',
  appliesTo,
  description: {
    da: 'Hver aktivitet i budgettet skal have en dato.',
    en: 'Every activity in the budget has a date.',
  },
  source: '001 §5.1.3 «I budgetskemaet skal endvidere fremgå datoer for de enkelte aktiviteter»',
  message: {
    da: '«{label}» skal udfyldes for aktivitet {nr}: budgettet skal vise datoen for hver aktivitet.',
    en: '"{label}" is required for activity {nr}: the budget shows the date of every activity.',
  },
  check(data) {
    return arrayAt(data, '/aktiviteter').flatMap((_, i): RuleFinding[] =>
      isFilled(valueAt(data, `/aktiviteter/${i}/dato`))
        ? []
        : [{ path: `/aktiviteter/${i}/dato`, params: { nr: i + 1 } }],
    );
  },
};

const REQUIRED_CATEGORIES = ['visitation', 'specialrådgivning', 'afslutning'];

export const lev03BudgetCoverage: RuleDefinition = {
  id: 'LEV-03',
  severity: 'error',
  appliesTo,
  description: {
    da: 'Budgettet dækker tidsforbrug til visitation, specialrådgivning og afslutning (og udredning og transport, hvor det er relevant).',
    en: 'The budget covers visitation, specialist advice and closure (plus assessment and transport where relevant).',
  },
  source:
    '001 §5.1.3 «tidsforbrug til visitation, eventuel udredning, specialrådgivning og afslutning af opgaven samt transport»',
  message: {
    da: 'Budgettet mangler en aktivitet i kategorien «{kategori}».',
    en: 'The budget has no activity in the category "{kategori}".',
  },
  check(data) {
    const present = new Set(arrayAt(data, '/aktiviteter').map((_, i) => enumAt(data, `/aktiviteter/${i}/kategori`)));
    return REQUIRED_CATEGORIES.filter((k) => !present.has(k)).map((kategori) => ({
      path: '/aktiviteter',
      params: { kategori },
    }));
  },
};

export const lev08ExpensesAgreed: RuleDefinition = {
  id: 'LEV-08',
  severity: 'error',
  appliesTo,
  description: {
    da: 'Øvrige udgifter skal altid aftales på forhånd med en VISO-konsulent. Nødvendige udgifter til tolk anføres på den konkrete aktivitet, de vedrører.',
    en: 'Other expenses are always agreed in advance with a VISO consultant. Necessary interpreter costs go on the specific activity they concern.',
  },
  source:
    '001 §5.1.3 «Afholdelse af øvrige udgifter skal altid aftales på forhånd med en VISO-konsulent»; «på den konkrete aktivitet i leveranceplanen»',
  message: {
    da: '«{label}» skal udfyldes: øvrige udgifter skal altid aftales på forhånd med en VISO-konsulent.',
    en: '"{label}" is required: other expenses are always agreed in advance with a VISO consultant.',
  },
  check(data) {
    const findings: RuleFinding[] = [];
    forEachExpense(data, (i, _j, at) => {
      const kategori = enumAt(data, `/aktiviteter/${i}/kategori`);
      const type = enumAt(data, `${at}/type`);
      if ((type === 'andet' || kategori === 'øvrige udgifter') && !hasText(data, `${at}/forhaandsaftaltMed`)) {
        findings.push({ path: `${at}/forhaandsaftaltMed` });
      }
      // A tolk line on a catch-all line hides which activity it paid for.
      if (type === 'tolk' && (kategori === 'øvrige udgifter' || kategori === 'transport')) {
        findings.push({
          path: `${at}/type`,
          message: {
            da: 'Udgiften til tolk skal anføres på den konkrete aktivitet, den vedrører, ikke på en linje for «{kategori}».',
            en: 'The interpreter cost goes on the specific activity it concerns, not on a "{kategori}" line.',
          },
          params: { kategori },
        });
      }
    });
    return findings;
  },
};

export const lev08Documentation: RuleDefinition = {
  id: 'LEV-08',
  severity: 'warning',
  appliesTo,
  description: {
    da: 'Specialisten opbevarer dokumentation for nødvendige udgifter (tolk, transport), som kan forevises, hvis VISO efterspørger det.',
    en: 'The specialist keeps documentation for necessary expenses (interpreter, transport) to show VISO on request.',
  },
  source: '001 §5.1.3 «Du skal som specialist opbevare dokumentation for udgiften»',
  message: {
    da: 'Bekræft «{label}»: dokumentation for udgifter til tolk og transport skal kunne forevises, hvis VISO beder om den.',
    en: 'Confirm "{label}": documentation for interpreter and transport costs must be available if VISO asks for it.',
  },
  check(data) {
    const findings: RuleFinding[] = [];
    forEachExpense(data, (_i, _j, at) => {
      const type = enumAt(data, `${at}/type`);
      if ((type === 'tolk' || type === 'transport') && valueAt(data, `${at}/dokumentationOpbevares`) !== true) {
        findings.push({ path: `${at}/dokumentationOpbevares` });
      }
    });
    return findings;
  },
};

export const lev10SiblingBudget: RuleDefinition = {
  id: 'LEV-10',
  severity: 'error',
  appliesTo,
  description: {
    da: 'Søskende har hver sin sag: leverancebeskrivelsen spejles på hvert barns sag, men budgettet deles op, så ydelsen registreres og logges på det enkelte barn.',
    en: 'Siblings have separate cases: the delivery description is mirrored on each case, but the budget is split so the service is recorded per child.',
  },
  source:
    '001 §6.2.1 «Leverancebudgettet skal derimod deles op, således at ydelsen registreres og logges på det enkelte barn»',
  message: {
    da: '«{label}» skal bekræftes, når der er søskende: budgettet i denne aftale må kun rumme dette barns andel.',
    en: 'Confirm "{label}" when there are siblings: this agreement\'s budget holds only this child\'s share.',
  },
  check(data) {
    const siblings = arrayAt(data, '/soeskende');
    if (siblings.length === 0) return [];
    const findings: RuleFinding[] = [];
    if (valueAt(data, '/budgetOpdeltPrBarn') !== true) findings.push({ path: '/budgetOpdeltPrBarn' });
    const ownCpr = cprDigits(valueAt(data, '/sag/cpr'));
    const ownCase = normalizedName(valueAt(data, '/sag/sagsnummer'));
    siblings.forEach((_, i) => {
      if (ownCpr !== undefined && cprDigits(valueAt(data, `/soeskende/${i}/cpr`)) === ownCpr) {
        findings.push({
          path: `/soeskende/${i}/cpr`,
          message: {
            da: 'En bror eller søster kan ikke have samme CPR-nummer som barnet på denne sag; hvert barn har sin egen sag og sit eget budget.',
            en: 'A sibling cannot have the CPR number of the child on this case; every child has a separate case and budget.',
          },
        });
      }
      if (ownCase !== undefined && normalizedName(valueAt(data, `/soeskende/${i}/sagsnummer`)) === ownCase) {
        findings.push({
          path: `/soeskende/${i}/sagsnummer`,
          message: {
            da: 'Søskende registreres på hver sin sag; «{label}» kan ikke være denne sags nummer.',
            en: 'Siblings are registered on separate cases; "{label}" cannot be this case\'s number.',
          },
        });
      }
    });
    return findings;
  },
};

export const lev14AssessmentJustified: RuleDefinition = {
  id: 'LEV-14',
  severity: 'warning',
  appliesTo,
  description: {
    da: 'Specialisten skal fagligt kunne redegøre for udredningsbehovet i forhold til problemstillingen.',
    en: 'The specialist justifies the need for assessment in relation to the problem.',
  },
  source: '001 §5.1.2 «Specialisten skal fagligt kunne redegøre for udredningsbehovet ift. problemstillingen»',
  message: {
    da: 'Udfyld «{label}» for aktivitet {nr}: redegør for udredningsbehovet i forhold til problemstillingen.',
    en: 'Fill in "{label}" for activity {nr}: explain the need for assessment in relation to the problem.',
  },
  check(data) {
    return arrayAt(data, '/aktiviteter').flatMap((_, i): RuleFinding[] =>
      enumAt(data, `/aktiviteter/${i}/kategori`) === 'udredning' && !hasText(data, `/aktiviteter/${i}/begrundelse`)
        ? [{ path: `/aktiviteter/${i}/begrundelse`, params: { nr: i + 1 } }]
        : [],
    );
  },
};

export const lev17NoInterpreterAtFirstMeeting: RuleDefinition = {
  id: 'LEV-17',
  severity: 'error',
  appliesTo,
  description: {
    da:
      'Kommunen/henvenderen indhenter og betaler tolk til det afklarende møde; VISO betaler tolk under selve forløbet og oversættelse af konklusioner. ' +
      'En tolkeudgift på en visitationsaktivitet, på det afklarende møde eller dateret senest på mødedagen er derfor ikke en VISO-udgift.',
    en:
      'The municipality/referrer arranges and pays the interpreter for the clarifying meeting; VISO pays during the course and for translating conclusions. ' +
      'An interpreter cost on a visitation activity, on the clarifying meeting or dated on or before its day is therefore not a VISO cost.',
  },
  source: '001 §9 «Kommunen/henvenderen skal indhente og betale for tolkebistanden til brug for det afklarende møde»',
  message: {
    da: 'VISO betaler ikke tolk til det afklarende møde (aktivitet {nr}); det gør kommunen/henvenderen, fordi der endnu ikke er aftalt et forløb.',
    en: 'VISO does not pay for an interpreter at the clarifying meeting (activity {nr}); the municipality/referrer does, as no course has been agreed yet.',
  },
  check(data) {
    const firstMeeting = dateAt(data, '/tidsplan/datoAfklarendeMoede');
    const findings: RuleFinding[] = [];
    forEachExpense(data, (i, _j, at) => {
      if (enumAt(data, `${at}/type`) !== 'tolk') return;
      const dato = dateAt(data, `/aktiviteter/${i}/dato`);
      const beforeCourse =
        enumAt(data, `/aktiviteter/${i}/moedetype`) === 'Afklarende møde' ||
        enumAt(data, `/aktiviteter/${i}/kategori`) === 'visitation' ||
        (firstMeeting !== undefined && dato !== undefined && dato <= firstMeeting);
      if (beforeCourse) findings.push({ path: `${at}/type`, params: { nr: i + 1 } });
    });
    return findings;
  },
};

export const leveranceaftaleBudgetRules: RuleDefinition[] = [
  lev02ActivityDate,
  lev03BudgetCoverage,
  lev08ExpensesAgreed,
  lev08Documentation,
  lev10SiblingBudget,
  lev14AssessmentJustified,
  lev17NoInterpreterAtFirstMeeting,
];
