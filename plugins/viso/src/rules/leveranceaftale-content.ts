import { numberOption, addMonths, arrayAt, valueAt, type RuleDefinition, type RuleFinding } from '@skema/core';
import { dateAt, formatDate, hasText, LEVERANCEAFTALE, normalizedName } from './leveranceaftale-read.js';
import { YDELSE } from './henvendelsesskema-ydelser.js';

/**
 * Longest course per ydelse (spec §5 deadline table): borger and mini ydelser «≤4 mdr» (001 §3.3,
 * §3.5, §3.7, §3.12); adoption uden samtykke has no upper limit (001 §3.9); the others ≤8 months
 * (001 §5.2.2). A ydelse not in the table (or none recorded) gets the general 8 months.
 */
const MAX_MONTHS_BY_YDELSE: Readonly<Record<string, number | null>> = {
  [YDELSE.borgere]: 4,
  [YDELSE.miniEnkeltsag]: 4,
  [YDELSE.miniFlereBorgere]: 4,
  [YDELSE.miniSagsbehandling]: 4,
  [YDELSE.adoption]: null,
};

const appliesTo = [LEVERANCEAFTALE];

const DESCRIPTION_FIELDS = ['formaal', 'indhold', 'forloeb', 'metodiskTilgang'];

export const lev04DeliveryDescription: RuleDefinition = {
  id: 'LEV-04',
  severity: 'error',
  appliesTo,
  description: {
    da: 'Leverancebeskrivelsen beskriver formål, mål (mindst ét), indhold, forløb og metodisk tilgang.',
    en: 'The delivery description states purpose, goals (at least one), content, course and method.',
  },
  source: '001 §5.1.3 «Leverancebeskrivelse af formål, mål, indhold, forløb og metodisk tilgang»',
  message: {
    da: '«{label}» skal udfyldes i leverancebeskrivelsen.',
    en: '"{label}" is required in the delivery description.',
  },
  check(data) {
    const findings: RuleFinding[] = DESCRIPTION_FIELDS.filter((f) => !hasText(data, `/leverancebeskrivelse/${f}`)).map(
      (f) => ({
        path: `/leverancebeskrivelse/${f}`,
      }),
    );
    const goals = arrayAt(data, '/leverancebeskrivelse/maal');
    if (!goals.some((_, i) => hasText(data, `/leverancebeskrivelse/maal/${i}`))) {
      findings.push({
        path: '/leverancebeskrivelse/maal',
        message: {
          da: 'Leverancebeskrivelsen skal have mindst ét konkret mål («{label}»).',
          en: 'The delivery description needs at least one concrete goal ("{label}").',
        },
      });
    } else {
      goals.forEach((_, i) => {
        if (!hasText(data, `/leverancebeskrivelse/maal/${i}`))
          findings.push({ path: `/leverancebeskrivelse/maal/${i}` });
      });
    }
    return findings;
  },
};

export const lev09CoordinatingSupplier: RuleDefinition = {
  id: 'LEV-09',
  severity: 'error',
  appliesTo,
  description: {
    da: 'Indgår flere leverandører, beslutter fagkonsulenten, hvem der er den koordinerende leverandør, og hver leverandør udarbejder sit eget forslag til leveranceaftale.',
    en: 'With several suppliers, the fagkonsulent decides which one coordinates, and each supplier drafts its own proposal.',
  },
  source: '001 §5.1.3 «Fagkonsulenten beslutter, hvem der skal være den koordinerende leverandør»',
  message: {
    da: '«{label}» skal udfyldes: når flere leverandører indgår i forløbet, skal fagkonsulenten udpege én koordinerende leverandør.',
    en: '"{label}" is required: when several suppliers take part, the fagkonsulent names one coordinating supplier.',
  },
  check(data) {
    const own = normalizedName(valueAt(data, '/leverandoer/navn'));
    const others = arrayAt(data, '/oevrigeLeverandoerer').map((v) => normalizedName(v));
    const findings: RuleFinding[] = [];
    const seen = new Set(own === undefined ? [] : [own]);
    others.forEach((name, i) => {
      if (name === undefined) return;
      if (seen.has(name)) {
        findings.push({
          path: `/oevrigeLeverandoerer/${i}`,
          message: {
            da: 'Leverandøren er nævnt to gange; hver leverandør udarbejder ét forslag til leveranceaftale for sin egen del.',
            en: 'The supplier is listed twice; each supplier drafts one proposal for its own part.',
          },
        });
      }
      seen.add(name);
    });
    const coordinator = normalizedName(valueAt(data, '/koordinerendeLeverandoer'));
    const several = others.some((n) => n !== undefined);
    if (several && coordinator === undefined) findings.push({ path: '/koordinerendeLeverandoer' });
    if (coordinator !== undefined && !seen.has(coordinator)) {
      findings.push({
        path: '/koordinerendeLeverandoer',
        message: {
          da: '«{label}» skal være en af de leverandører, der indgår i forløbet (denne leverandør eller en af de øvrige).',
          en: '"{label}" must be one of the suppliers taking part (this supplier or one of the others).',
        },
      });
    }
    return findings;
  },
};

export const lev12CourseLength: RuleDefinition = {
  id: 'LEV-12',
  severity: 'error',
  appliesTo,
  description: {
    da: 'Et rådgivningsforløb varer højst otte måneder fra det afklarende til det afsluttende møde – borgerforløb og mini-forløb højst fire måneder, og rådgivning om adoption uden samtykke har ingen øvre grænse. Et længere forløb skal forinden aftales med fagkonsulenten, og specialisten skal begrunde overskridelsen (spec §8 Q4: fejl, medmindre forlængelsen er registreret).',
    en: 'A course lasts at most eight months from the clarifying to the closing meeting – borger and mini courses at most four months, and advice on adoption without consent has no upper limit. A longer one is agreed with the fagkonsulent beforehand and justified by the specialist (spec §8 Q4: an error unless the extension is recorded).',
  },
  source:
    '001 §5.2.2 «højst vare otte måneder … skal det forinden aftales med fagkonsulenten. Specialisten skal begrunde overskridelsen»; §3.3, §3.5, §3.7, §3.12 (fire måneder); §3.9 (ingen øvre grænse)',
  message: {
    da: '«{label}» ligger mere end {maaneder} måneder efter det afklarende møde (senest {senest}). Et længere forløb skal aftales med fagkonsulenten på forhånd og begrundes.',
    en: '"{label}" is more than {maaneder} months after the clarifying meeting (latest {senest}). A longer course is agreed with the fagkonsulent beforehand and justified.',
  },
  options: {
    maxMonths: {
      description: {
        da: 'Længste forløb i måneder uden registreret forlængelse. Kan kun forkorte: ydelser med fire måneder beholder højst fire.',
        en: 'Longest course in months without a recorded extension. Can only shorten: four-month ydelser keep at most four.',
      },
      default: 8,
      // «højst 8 måneder» (001 §5.2.2): a tenant may plan shorter courses, never longer.
      schema: { type: 'integer', minimum: 1, maximum: 8 },
    },
  },
  check(data, ctx) {
    const first = dateAt(data, '/tidsplan/datoAfklarendeMoede');
    const last = dateAt(data, '/tidsplan/planlagtDatoAfsluttendeMoede');
    if (first === undefined || last === undefined) return [];
    const path = '/tidsplan/planlagtDatoAfsluttendeMoede';
    if (last < first) {
      return [
        {
          path,
          message: {
            da: '«{label}» kan ikke ligge før det afklarende møde.',
            en: '"{label}" cannot be before the clarifying meeting.',
          },
        },
      ];
    }
    const limit = MAX_MONTHS_BY_YDELSE[String(valueAt(data, '/sag/ydelse'))];
    if (limit === null) return [];
    // The tenant's option narrows the general limit and never lengthens a ydelse's own.
    const months = Math.min(limit ?? 8, numberOption(ctx.options, 'maxMonths', 8));
    const latest = addMonths(first, months);
    if (last <= latest) return [];
    if (valueAt(data, '/tidsplan/forlaengelseAftalt') !== true)
      return [{ path, params: { maaneder: months, senest: formatDate(latest) } }];
    if (!hasText(data, '/tidsplan/forlaengelseBegrundelse')) {
      return [
        {
          path: '/tidsplan/forlaengelseBegrundelse',
          params: { maaneder: months },
          message: {
            da: '«{label}» skal udfyldes: specialisten skal begrunde, at forløbet varer mere end {maaneder} måneder.',
            en: '"{label}" is required: the specialist justifies a course longer than {maaneder} months.',
          },
        },
      ];
    }
    return [];
  },
};

export const lev13PlanWithoutAnchoring: RuleDefinition = {
  id: 'LEV-13',
  severity: 'error',
  appliesTo,
  description: {
    da: 'Suppleres forløbet ikke med et forankringsforløb, skal der lægges en plan med konkrete aftaler og datoer.',
    en: 'Without an anchoring course, the agreement contains a plan with concrete agreements and dates.',
  },
  source:
    '001 §5.1.1 «Der skal lægges en plan med konkrete aftaler og datoer, såfremt der ikke suppleres med et forankringsforløb»',
  message: {
    da: 'Uden forankringsforløb skal aftalen indeholde en plan med konkrete aftaler og datoer («{label}»).',
    en: 'Without an anchoring course the agreement contains a plan with concrete agreements and dates ("{label}").',
  },
  check(data) {
    if (valueAt(data, '/forankring/forankringsforloeb') === true) return [];
    const plan = arrayAt(data, '/forankring/plan');
    if (plan.length === 0) return [{ path: '/forankring/plan' }];
    return plan.flatMap((_, i) =>
      ['aftale', 'dato']
        .filter((f) => !hasText(data, `/forankring/plan/${i}/${f}`))
        .map((f): RuleFinding => ({
          path: `/forankring/plan/${i}/${f}`,
          message: {
            da: '«{label}» skal udfyldes i planen uden forankringsforløb.',
            en: '"{label}" is required in the plan without anchoring.',
          },
        })),
    );
  },
};

export const leveranceaftaleContentRules: RuleDefinition[] = [
  lev04DeliveryDescription,
  lev09CoordinatingSupplier,
  lev12CourseLength,
  lev13PlanWithoutAnchoring,
];
