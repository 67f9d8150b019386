import {
  addDays,
  addMonths,
  arrayAt,
  compareDates,
  isFilled,
  isIsoDate,
  stringAt,
  valueAt,
  type DeadlineDefinition,
  type RuleDefinition,
  type RuleFinding,
} from '@skema/core';

const FORM = ['aftaleskema'] as const;
const EXTERNAL = 'ekstern/central faglighed';
const FAMILY = new Set(['forælder', 'barn/ung']);

const meetingType = (data: unknown) => stringAt(data, '/moede/moedetype');
/**
 * The purpose of a børne- og familiemøde, its sub-type. The schema does not forbid a `formaal` on
 * other meeting types (a hidden control keeps its value when the type changes), so a purpose
 * counts only at a børne- og familiemøde; AFT-08 and AFT-09 must not fire on a leftover one.
 */
const purpose = (data: unknown) =>
  meetingType(data) === 'Børne- og familiemøde' ? stringAt(data, '/moede/formaal') : undefined;
const meetingDate = (data: unknown) => {
  const d = stringAt(data, '/moede/dato');
  return isIsoDate(d) ? d : undefined;
};
const participants = (data: unknown) => arrayAt(data, '/deltagere') as Array<{ kategori?: unknown }>;
const countCategory = (data: unknown, kategori: string) =>
  participants(data).filter((p) => p?.kategori === kategori).length;
const isTrue = (data: unknown, path: string) => valueAt(data, path) === true;

/** A date field that must lie no later than `months` after the meeting. */
function dueWithinMonths(data: unknown, path: string, months: number): RuleFinding[] {
  const dato = meetingDate(data);
  const next = stringAt(data, path);
  if (!dato) return [];
  if (!isIsoDate(next)) return [{ path, params: { months } }];
  return compareDates(next, addMonths(dato, months)) > 0 ? [{ path, params: { months } }] : [];
}

export const aftaleskemaRules: RuleDefinition[] = [
  {
    id: 'AFT-01',
    severity: 'error',
    appliesTo: FORM,
    source: '003 Samarbejdsmøde',
    description: {
      da: 'Barnets perspektiv registreres altid: barnet deltog, eller som minimum barnets perspektiv er indhentet på anden vis.',
      en: "The child's perspective is always recorded: the child attended, or at least the child's perspective was obtained another way.",
    },
    message: {
      da: '«{label}» skal udfyldes: barnets perspektiv skal altid fremgå («Er det ikke muligt at inddrage barnets stemme direkte på mødet, skal dette perspektiv søges indhentet på anden vis»).',
      en: '"{label}" is required: the child\'s perspective must always be recorded.',
    },
    check(data) {
      const findings: RuleFinding[] = [];
      if (!isFilled(valueAt(data, '/barnet/barnetsPerspektiv'))) findings.push({ path: '/barnet/barnetsPerspektiv' });
      if (valueAt(data, '/barnet/barnDeltog') === false && !isFilled(valueAt(data, '/barnet/hvordanIndhentet'))) {
        findings.push({ path: '/barnet/hvordanIndhentet' });
      }
      return findings;
    },
  },
  {
    id: 'AFT-02',
    severity: 'warning',
    appliesTo: FORM,
    source: '003 Barnet/den unge og forældrenes perspektiv',
    description: {
      da: 'Deltager barnet, noteres det, at der er taget hensyn til alder, modenhed og funktionsnedsættelser, og om mødet er forberedt med barnet.',
      en: 'When the child attends, record that age, maturity and disabilities were considered and whether the child was prepared.',
    },
    message: {
      da: '«{label}» bør udfyldes, når barnet deltager («skal der altid tages hensyn til barnets alder, modenhed, eventuelle funktionsnedsættelser»).',
      en: '"{label}" should be filled in when the child attends.',
    },
    check(data) {
      if (!isTrue(data, '/barnet/barnDeltog')) return [];
      const findings: RuleFinding[] = [];
      if (!isTrue(data, '/barnet/hensynTilAlderOgModenhed'))
        findings.push({ path: '/barnet/hensynTilAlderOgModenhed' });
      if (typeof valueAt(data, '/barnet/forberedtMedBarnet') !== 'boolean')
        findings.push({ path: '/barnet/forberedtMedBarnet' });
      return findings;
    },
  },
  {
    id: 'AFT-03',
    severity: 'error',
    appliesTo: FORM,
    source: '003 Mødeform: Samarbejdsmøde',
    description: {
      da: 'Et samarbejdsmøde har en eller to eksterne (centrale) fagligheder.',
      en: 'A samarbejdsmøde has one or two external (central) disciplines.',
    },
    message: {
      da: 'Et samarbejdsmøde skal have mindst én ekstern/central faglighed blandt deltagerne («deltager en eller to centrale fagpersoner»).',
      en: 'A samarbejdsmøde needs at least one external/central discipline among the participants.',
    },
    check: (data) =>
      meetingType(data) === 'Samarbejdsmøde' && countCategory(data, EXTERNAL) === 0 ? [{ path: '/deltagere' }] : [],
  },
  {
    id: 'AFT-04',
    severity: 'warning',
    appliesTo: FORM,
    source: '003 Mødeform: Samarbejdsmøde',
    description: {
      da: 'Flere end to eksterne fagligheder: ledelsen overvejer et tværfagligt dialogmøde i stedet.',
      en: 'More than two external disciplines: management considers a tværfagligt dialogmøde instead.',
    },
    message: {
      da: 'Samarbejdsmødet har {count} eksterne fagligheder. Overvej i stedet et tværfagligt dialogmøde («Er der brug for flere end to fagligheder …»).',
      en: 'The samarbejdsmøde has {count} external disciplines. Consider a tværfagligt dialogmøde instead.',
    },
    check(data) {
      const count = countCategory(data, EXTERNAL);
      return meetingType(data) === 'Samarbejdsmøde' && count > 2 ? [{ path: '/deltagere', params: { count } }] : [];
    },
  },
  {
    id: 'AFT-05',
    severity: 'error',
    appliesTo: FORM,
    source: '003 Mødeform: Tværfagligt dialogmøde',
    description: {
      da: 'Et tværfagligt dialogmøde har flere (mindst to) eksterne fagligheder, ejes af den lokale ledelse, og den faste rådgiver inviteres ved aktiv sag.',
      en: 'A tværfagligt dialogmøde has several (at least two) external disciplines, is owned by local management, and the case worker is invited when a case is active.',
    },
    message: {
      da: 'Et tværfagligt dialogmøde kræver mindst to eksterne fagligheder.',
      en: 'A tværfagligt dialogmøde needs at least two external disciplines.',
    },
    check(data) {
      if (meetingType(data) !== 'Tværfagligt dialogmøde') return [];
      const findings: RuleFinding[] = [];
      if (countCategory(data, EXTERNAL) < 2) findings.push({ path: '/deltagere' });
      if (stringAt(data, '/moede/indkalder/funktion') !== 'lokal leder') {
        findings.push({
          path: '/moede/indkalder/funktion',
          message: {
            da: 'Den lokale ledelse er ansvarlig for tværfaglige dialogmøder: indkalder skal være lokal leder.',
            en: 'Local management owns the tværfagligt dialogmøde: the convener must be a local leader.',
          },
        });
      }
      if (isTrue(data, '/sag/aktivSag') && countCategory(data, 'rådgiver') === 0) {
        findings.push({
          path: '/deltagere',
          message: {
            da: 'Der er en aktiv sag: den faste rådgiver skal inviteres («Den faste rådgiver inviteres … hvor der allerede er en aktiv sag»).',
            en: 'There is an active case: the case worker must be invited.',
          },
        });
      }
      return findings;
    },
  },
  {
    id: 'AFT-06',
    severity: 'error',
    appliesTo: FORM,
    source: '003 Mødeform: Børne- og familiemøder',
    description: {
      da: 'Et børne- og familiemøde kræver en aktiv sag og indkaldes af rådgiveren; mødelederen er ekstern og aftalt senest en uge før.',
      en: 'A børne- og familiemøde requires an active case and is called by the case worker; the chair is external and agreed at least a week before.',
    },
    message: {
      da: 'Et børne- og familiemøde holdes kun, når der er en aktiv sag i Børne- og Familierådgivningen.',
      en: 'A børne- og familiemøde is held only when there is an active case.',
    },
    check(data) {
      if (meetingType(data) !== 'Børne- og familiemøde') return [];
      const findings: RuleFinding[] = [];
      if (!isTrue(data, '/sag/aktivSag')) findings.push({ path: '/sag/aktivSag' });
      if (stringAt(data, '/moede/indkalder/funktion') !== 'rådgiver') {
        findings.push({
          path: '/moede/indkalder/funktion',
          message: {
            da: 'Et børne- og familiemøde indkaldes af rådgiveren.',
            en: 'A børne- og familiemøde is called by the case worker.',
          },
        });
      }
      if (
        !['lokal leder', 'Kompetenceenheden', 'Sundhedstjenesten'].includes(
          stringAt(data, '/moede/moedeleder/funktion') ?? '',
        )
      ) {
        findings.push({
          path: '/moede/moedeleder/funktion',
          message: {
            da: 'Mødelederen skal være ekstern: lokal leder, Kompetenceenheden eller Sundhedstjenesten.',
            en: 'The chair must be external: a local leader, Kompetenceenheden or Sundhedstjenesten.',
          },
        });
      }
      const dato = meetingDate(data);
      const agreed = stringAt(data, '/moede/moedelederAftaltDato');
      if (dato && (!isIsoDate(agreed) || compareDates(agreed, addDays(dato, -7)) > 0)) {
        findings.push({
          path: '/moede/moedelederAftaltDato',
          message: {
            da: 'Mødeledelsen skal være aftalt senest en uge før mødet («senest en uge inden mødets afholdelse»).',
            en: 'The chair must be agreed at least one week before the meeting.',
          },
        });
      }
      return findings;
    },
  },
  {
    id: 'AFT-07',
    severity: 'error',
    appliesTo: FORM,
    source: '003 Samarbejdsmøde; Børne- og familiemøde: Samarbejdsmøde',
    description: {
      da: 'Møder uden familien kræver, at forældrene er orienteret; ved børne- og familiemøder også deres samtykke.',
      en: 'Meetings without the family require that the parents are informed; at a børne- og familiemøde also their consent.',
    },
    message: {
      da: 'Mødet holdes uden familien: «{label}» skal være bekræftet («med forældrenes viden»).',
      en: 'The meeting is held without the family: "{label}" must be confirmed.',
    },
    // Every meeting type, also the professionelt samarbejdsmøde («med forældrenes viden»), the
    // fagprofessionelt teammøde and the PAF-møde: agreements about a named child are never made
    // behind the parents' back (spec §8: the reading that protects the child and the family).
    check(data) {
      const withFamily = participants(data).some((p) => FAMILY.has(String(p?.kategori)));
      if (withFamily || participants(data).length === 0) return [];
      const findings: RuleFinding[] = [];
      if (!isTrue(data, '/foraeldre/foraeldreOrienteret')) findings.push({ path: '/foraeldre/foraeldreOrienteret' });
      if (meetingType(data) === 'Børne- og familiemøde' && !isTrue(data, '/foraeldre/foraeldreSamtykke')) {
        findings.push({ path: '/foraeldre/foraeldreSamtykke' });
      }
      return findings;
    },
  },
  {
    id: 'AFT-08',
    severity: 'error',
    appliesTo: FORM,
    source: '003 Børne- og familiemøde – Opstart på en foranstaltning',
    judgedDate: { kind: 'field', pointer: '/moede/dato' },
    description: {
      da: 'Et børne- og familiemøde med formålet opstart på en foranstaltning kræver en afsluttet børnefaglig undersøgelse, der peger på en indsats efter barnets lov § 32 (før 2024 servicelovens § 52), og barnets plan eller ungeplan udarbejdet forinden; opfølgningsmødet ligger senest 3 måneder efter.',
      en: 'A børne- og familiemøde starting a measure requires a completed child assessment pointing to a measure under section 32 of the Children’s Act (barnets lov; before 2024 section 52 of the Social Services Act) and the child’s plan or youth plan prepared beforehand; the follow-up meeting is due within 3 months.',
    },
    message: {
      da: '«{label}» skal være på plads ved opstart på en foranstaltning.',
      en: '"{label}" must be in place when a measure starts.',
    },
    check(data) {
      if (purpose(data) !== 'Opstart på en foranstaltning') return [];
      const findings: RuleFinding[] = [];
      if (!isTrue(data, '/sag/boernefagligUndersoegelseAfsluttet'))
        findings.push({ path: '/sag/boernefagligUndersoegelseAfsluttet' });
      if (!isTrue(data, '/sag/undersoegelsePegerPaaSel52')) findings.push({ path: '/sag/undersoegelsePegerPaaSel52' });
      const dato = meetingDate(data);
      const plan = stringAt(data, '/sag/handleplanUdarbejdetDato');
      if (!isIsoDate(plan) || (dato && compareDates(plan, dato) > 0))
        findings.push({ path: '/sag/handleplanUdarbejdetDato' });
      for (const f of dueWithinMonths(data, '/naesteOpfoelgningsmoede', 3)) {
        findings.push({
          ...f,
          message: {
            da: 'Opfølgningsmødet skal ligge senest 3 måneder efter opstarten («senest efter 3 måneder»).',
            en: 'The follow-up meeting must be within 3 months of the start.',
          },
        });
      }
      return findings;
    },
  },
  {
    id: 'AFT-09',
    severity: 'error',
    appliesTo: FORM,
    source: '003 Børne- og familiemøde: Opfølgningsmøde',
    judgedDate: { kind: 'field', pointer: '/moede/dato' },
    description: {
      da: 'På et børne- og familiemøde med formålet opfølgningsmøde fastsættes det næste senest 6 måneder frem.',
      en: 'At a børne- og familiemøde follow-up meeting the next one is set within 6 months.',
    },
    message: {
      da: 'Næste opfølgningsmøde skal fastsættes senest {months} måneder efter dette møde («senest efter 6 måneder»).',
      en: 'The next follow-up meeting must be set within {months} months of this meeting.',
    },
    check: (data) => (purpose(data) === 'Opfølgningsmøde' ? dueWithinMonths(data, '/naesteOpfoelgningsmoede', 6) : []),
  },
  {
    id: 'AFT-10',
    severity: 'warning',
    appliesTo: FORM,
    source: '003 Mødeform: Udvidet forældresamarbejde',
    description: {
      da: 'Udvidet forældresamarbejde udløses af mistrivsel, ringe læringsprogression eller pludselige adfærdsændringer; eksterne deltager kun efter aftale med ledelsen og forældrene.',
      en: 'Extended parental cooperation is triggered by poor well-being, poor learning progression or sudden behavioural change; external participants only as agreed with management and parents.',
    },
    message: {
      da: '«{label}» bør angives for et udvidet forældresamarbejde.',
      en: '"{label}" should be given for extended parental cooperation.',
    },
    check(data) {
      if (meetingType(data) !== 'Udvidet forældresamarbejde') return [];
      const findings: RuleFinding[] = [];
      if (!isFilled(valueAt(data, '/udvidetForaeldresamarbejde/anledning')))
        findings.push({ path: '/udvidetForaeldresamarbejde/anledning' });
      if (
        countCategory(data, EXTERNAL) > 0 &&
        !isTrue(data, '/udvidetForaeldresamarbejde/eksterneAftaltMedLedelseOgForaeldre')
      ) {
        findings.push({ path: '/udvidetForaeldresamarbejde/eksterneAftaltMedLedelseOgForaeldre' });
      }
      return findings;
    },
  },
];

export const aftaleskemaDeadlines: DeadlineDefinition[] = [
  {
    id: 'AFT-08',
    appliesTo: FORM,
    source: '003 Børne- og familiemøde – Opstart på en foranstaltning',
    judgedDate: { kind: 'field', pointer: '/moede/dato' },
    description: {
      da: 'Opfølgningsmøde senest 3 måneder efter opstart.',
      en: 'Follow-up meeting within 3 months of the start.',
    },
    derive(data) {
      const dato = meetingDate(data);
      if (purpose(data) !== 'Opstart på en foranstaltning' || !dato) return [];
      const due = addMonths(dato, 3);
      const next = stringAt(data, '/naesteOpfoelgningsmoede');
      return [
        {
          path: '/naesteOpfoelgningsmoede',
          label: {
            da: 'Opfølgningsmøde efter opstart på foranstaltning',
            en: 'Follow-up meeting after the start of a measure',
          },
          due,
          basis: { from: dato, amount: 3, unit: 'måneder' },
          met: isIsoDate(next) && compareDates(next, due) <= 0,
        },
      ];
    },
  },
  {
    id: 'AFT-09',
    appliesTo: FORM,
    source: '003 Børne- og familiemøde: Opfølgningsmøde',
    judgedDate: { kind: 'field', pointer: '/moede/dato' },
    description: {
      da: 'Den justerede plan (barnets plan eller ungeplan) sendes 2 uger efter opfølgningsmødet.',
      en: 'The adjusted plan (the child’s plan or youth plan) is sent 2 weeks after the follow-up meeting.',
    },
    derive(data) {
      const dato = meetingDate(data);
      if (purpose(data) !== 'Opfølgningsmøde' || !dato) return [];
      const due = addDays(dato, 14);
      const sent = stringAt(data, '/sag/handleplanSendtDato');
      return [
        {
          path: '/sag/handleplanSendtDato',
          label: {
            da: 'Send den justerede plan (barnets plan eller ungeplan)',
            en: 'Send the adjusted plan (the child’s plan or youth plan)',
          },
          due,
          basis: { from: dato, amount: 2, unit: 'uger' },
          met: isIsoDate(sent) && compareDates(sent, due) <= 0,
        },
      ];
    },
  },
];
