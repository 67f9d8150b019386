import { numberOption, arrayAt, valueAt, type RuleContext, type RuleDefinition, type RuleFinding } from '@skema/core';
import {
  budgetTotals,
  dateAt,
  enumAt,
  formatAmount,
  formatDate,
  hasText,
  LEVERANCEAFTALE,
  normalizedName,
  optionalNumberOption,
  STATUSES_AFTER_FAGKONSULENT,
  STATUSES_APPROVED,
} from './leveranceaftale-read.js';
import { readsTypedApprovals, readsTypedChangeApprovals } from './typed-approvals.js';

const appliesTo = [LEVERANCEAFTALE];

export const HOEJPRIS_DEFAULTS = {
  /** Placeholder from spec §8 Q3: the organisation must set its own threshold. */
  thresholdDkk: 100_000,
  /** Placeholder hourly rate used to price the budget's hours; the rammekontrakt's rate belongs here. */
  hourlyRateDkk: 1_000,
} as const;

export interface HoejprisAssessment {
  /** The agreement is højpris: flagged by hand, or over a threshold. */
  hoejpris: boolean;
  overThreshold: boolean;
  amountDkk: number;
  hours: number;
  /** The thresholds applied, for messages that state them. */
  thresholdDkk: number;
  thresholdHours: number | undefined;
}

/** Whether the agreement is a højprisleverance under the rule options of LEV-07. */
export function assessHoejpris(data: unknown, options: Readonly<Record<string, unknown>>): HoejprisAssessment {
  const { amountDkk, hours } = budgetTotals(
    data,
    numberOption(options, 'hourlyRateDkk', HOEJPRIS_DEFAULTS.hourlyRateDkk),
  );
  const thresholdDkk = numberOption(options, 'thresholdDkk', HOEJPRIS_DEFAULTS.thresholdDkk);
  const thresholdHours = optionalNumberOption(options, 'thresholdHours');
  const overThreshold = amountDkk > thresholdDkk || (thresholdHours !== undefined && hours > thresholdHours);
  return {
    hoejpris: overThreshold || valueAt(data, '/hoejpris') === true,
    overThreshold,
    amountDkk,
    hours,
    thresholdDkk,
    thresholdHours,
  };
}

export const lev05StartAfterApproval: RuleDefinition = {
  id: 'LEV-05',
  severity: 'error',
  appliesTo,
  description: {
    da: 'Forløbet kan først gå i gang, når fagkonsulenten har godkendt leveranceaftalen (og lederen, hvis det er en højprisleverance).',
    en: 'The course can only start once the fagkonsulent has approved the agreement (and the leader, for a high-price delivery).',
  },
  source: '001 §5.1.3 «Når fagkonsulenten kan godkende forslaget i VIAS, kan forløbet gå i gang»',
  message: {
    da: '«{label}» skal udfyldes, når aftalen har status «{status}»: fagkonsulenten godkender aftalen.',
    en: '"{label}" is required when the agreement\'s status is "{status}": the fagkonsulent approves the agreement.',
  },
  check(data, ctx) {
    const findings: RuleFinding[] = [];
    const status = enumAt(data, '/status');
    const forloeb = enumAt(data, '/forloebsstatus');
    if (
      (forloeb === 'I gang' || forloeb === 'Afsluttet') &&
      !['Godkendt', 'Afbrudt', 'Afsluttet'].includes(status ?? '')
    ) {
      findings.push({
        path: '/forloebsstatus',
        params: { status: status ?? '–' },
        message: {
          da: 'Forløbet kan først gå i gang, når leveranceaftalen er godkendt; aftalens status er «{status}».',
          en: 'The course cannot start before the agreement is approved; the agreement\'s status is "{status}".',
        },
      });
    }
    // From 1.2.0 the approvals are signed-in people's, recorded on the submission and checked by
    // the LEV-07 guard when it is approved; typed names are history and are not required.
    if (!readsTypedApprovals(ctx)) return findings;
    if (status !== undefined && STATUSES_AFTER_FAGKONSULENT.includes(status)) {
      for (const field of ['navn', 'dato']) {
        if (!hasText(data, `/fagkonsulentGodkendelse/${field}`)) {
          findings.push({ path: `/fagkonsulentGodkendelse/${field}`, params: { status } });
        }
      }
    }
    const start = dateAt(data, '/forloebStartdato');
    const approvedOn = [
      dateAt(data, '/fagkonsulentGodkendelse/dato'),
      enumAt(data, '/lederGodkendelse/udfald') === 'Godkendt' ? dateAt(data, '/lederGodkendelse/dato') : undefined,
    ]
      .filter((d): d is string => d !== undefined)
      .sort()
      .pop();
    if (start !== undefined && approvedOn !== undefined && start < approvedOn) {
      findings.push({
        path: '/forloebStartdato',
        params: { godkendt: formatDate(approvedOn) },
        message: {
          da: '«{label}» ligger før aftalen blev godkendt ({godkendt}); forløbet kan først gå i gang efter godkendelsen.',
          en: '"{label}" is before the agreement was approved ({godkendt}); the course can only start after approval.',
        },
      });
    }
    return findings;
  },
};

export const lev06RenegotiationComment: RuleDefinition = {
  id: 'LEV-06',
  severity: 'error',
  appliesTo,
  description: {
    da: 'Ved genforhandling noterer fagkonsulenten sine indvendinger og kommentarer i tekstfeltet til genforhandling.',
    en: 'On renegotiation the fagkonsulent notes the objections in the renegotiation text field.',
  },
  source:
    '001 §5.1.3 «Fagkonsulenten noterer sine indvendinger og kommentarer til forslaget i tekstfeltet til genforhandling»',
  message: {
    da: '«{label}» skal udfyldes, når aftalen sendes til genforhandling: skriv, hvad der skal præciseres eller ændres.',
    en: '"{label}" is required when the agreement is sent back for renegotiation: state what must be clarified or changed.',
  },
  check(data) {
    return enumAt(data, '/status') === 'Genforhandling' && !hasText(data, '/genforhandlingKommentar')
      ? [{ path: '/genforhandlingKommentar' }]
      : [];
  },
};

/** The message for a budget over a threshold, naming the computed total and the threshold it exceeds. */
function overThresholdFinding(a: HoejprisAssessment): RuleFinding {
  const beloeb = formatAmount(a.amountDkk);
  const timer = formatAmount(a.hours);
  if (a.amountDkk > a.thresholdDkk) {
    return {
      path: '/hoejpris',
      params: { beloeb, timer, graense: formatAmount(a.thresholdDkk) },
      message: {
        da: 'Budgettet er i alt {beloeb} kr. ({timer} timer) og overstiger højprisgrænsen på {graense} kr.; markér «{label}», så aftalen også godkendes af fagkonsulentens leder.',
        en: 'The budget totals DKK {beloeb} ({timer} hours) and exceeds the high-price threshold of DKK {graense}; tick "{label}" so the fagkonsulent\'s leader also approves it.',
      },
    };
  }
  return {
    path: '/hoejpris',
    params: { beloeb, timer, graense: formatAmount(a.thresholdHours ?? 0) },
    message: {
      da: 'Budgettet er i alt {timer} timer ({beloeb} kr.) og overstiger højprisgrænsen på {graense} timer; markér «{label}», så aftalen også godkendes af fagkonsulentens leder.',
      en: 'The budget totals {timer} hours (DKK {beloeb}) and exceeds the high-price threshold of {graense} hours; tick "{label}" so the fagkonsulent\'s leader also approves it.',
    },
  };
}

function lev07Check(data: unknown, ctx: RuleContext): RuleFinding[] {
  const findings: RuleFinding[] = [];
  const assessment = assessHoejpris(data, ctx.options);
  if (assessment.overThreshold && valueAt(data, '/hoejpris') !== true) {
    findings.push(overThresholdFinding(assessment));
  }
  // From 1.2.0 the fagkonsulent's and the leder's approvals (order, two people) are the guard's.
  if (!readsTypedApprovals(ctx)) return findings;
  const leaderFilled = ['navn', 'dato', 'udfald'].some((f) => hasText(data, `/lederGodkendelse/${f}`));
  const fkName = normalizedName(valueAt(data, '/fagkonsulentGodkendelse/navn'));
  const fkDate = dateAt(data, '/fagkonsulentGodkendelse/dato');
  const leaderDate = dateAt(data, '/lederGodkendelse/dato');
  if (leaderFilled) {
    if (fkName === undefined || fkDate === undefined) {
      findings.push({
        path: '/lederGodkendelse',
        message: {
          da: 'Lederen kan først tage stilling til en højprisleverance, når fagkonsulenten har godkendt den (udfyld fagkonsulentens godkendelse).',
          en: "The leader can only decide on a high-price delivery after the fagkonsulent has approved it (fill in the fagkonsulent's approval).",
        },
      });
    }
    if (fkName !== undefined && normalizedName(valueAt(data, '/lederGodkendelse/navn')) === fkName) {
      findings.push({
        path: '/lederGodkendelse/navn',
        message: {
          da: 'Højprisleverancen skal godkendes af fagkonsulentens leder, en anden person end fagkonsulenten.',
          en: "The high-price delivery is approved by the fagkonsulent's leader, a different person from the fagkonsulent.",
        },
      });
    }
    if (fkDate !== undefined && leaderDate !== undefined && leaderDate < fkDate) {
      findings.push({
        path: '/lederGodkendelse/dato',
        params: { dato: formatDate(fkDate) },
        message: {
          da: '«{label}» ligger før fagkonsulentens godkendelse ({dato}); lederen godkender efter fagkonsulenten.',
          en: '"{label}" is before the fagkonsulent\'s approval ({dato}); the leader approves after the fagkonsulent.',
        },
      });
    }
  }
  const status = enumAt(data, '/status');
  if (assessment.hoejpris && status !== undefined && STATUSES_APPROVED.includes(status)) {
    const beloeb = formatAmount(assessment.amountDkk);
    for (const field of ['navn', 'dato']) {
      if (!hasText(data, `/lederGodkendelse/${field}`))
        findings.push({ path: `/lederGodkendelse/${field}`, params: { status, beloeb } });
    }
    if (enumAt(data, '/lederGodkendelse/udfald') !== 'Godkendt') {
      findings.push({
        path: '/lederGodkendelse/udfald',
        params: { status, beloeb },
        message: {
          da: 'En højprisleverance (budget i alt {beloeb} kr.) kan først få status «{status}», når lederen har godkendt den («{label}» skal være «Godkendt»).',
          en: 'A high-price delivery (budget total DKK {beloeb}) can only have status "{status}" once the leader has approved it ("{label}" must be "Godkendt").',
        },
      });
    }
  }
  return findings;
}

export const lev07HighPriceApproval: RuleDefinition = {
  id: 'LEV-07',
  severity: 'error',
  appliesTo,
  description: {
    da:
      'En højprisleverance kræver både fagkonsulentens og dennes leders godkendelse: fagkonsulenten godkender først, derefter lederen (en anden person), som ikke kan godkende tidligere. ' +
      'Budgettet regnes for hver aktivitet som honoraret i kroner (eller timer × timepris, hvor intet honorar er angivet) + transport + udgifter; grænserne er regeloptioner (standard 100.000 kr., en pladsholder organisationen selv skal fastsætte).',
    en:
      "A high-price delivery needs the approval of both the fagkonsulent and the fagkonsulent's leader: the fagkonsulent first, then the leader (a different person), never earlier. " +
      'The budget counts, per activity, the fee in DKK (or hours × hourly rate where no fee is given) + transport + expenses; thresholds are rule options (default DKK 100,000, a placeholder the organisation must set).',
  },
  source: '001 §5.1.3 «Godkendelse af højprisleverance: kræver både fagkonsulentens og dennes leders godkendelse»',
  message: {
    da: '«{label}» skal udfyldes: en højprisleverance (budget i alt {beloeb} kr.) med status «{status}» kræver lederens godkendelse.',
    en: '"{label}" is required: a high-price delivery (budget total DKK {beloeb}) with status "{status}" needs the leader\'s approval.',
  },
  options: {
    thresholdDkk: {
      description: {
        da: 'Højprisgrænse i kr. for hele budgettet (pladsholder).',
        en: 'High-price threshold in DKK for the whole budget (placeholder).',
      },
      default: HOEJPRIS_DEFAULTS.thresholdDkk,
      // Q3: the placeholder is the ceiling; a tenant may demand the leader's approval earlier, never later.
      schema: { type: 'number', minimum: 0, maximum: HOEJPRIS_DEFAULTS.thresholdDkk },
      legalSource: '001 §5.1.3; spec §8 Q3 (højprisgrænse 100.000 kr.)',
    },
    thresholdHours: {
      description: {
        da: 'Højprisgrænse i timer (null = ingen timegrænse).',
        en: 'High-price threshold in hours (null = no hours threshold).',
      },
      default: null,
      schema: { type: ['number', 'null'], minimum: 0 },
    },
    hourlyRateDkk: {
      description: {
        da: 'Timepris i kr., som budgettets timer regnes med (pladsholder for rammekontraktens timepris).',
        en: "Hourly rate in DKK used to price the budget's hours (placeholder for the framework contract's rate).",
      },
      default: HOEJPRIS_DEFAULTS.hourlyRateDkk,
      // A lower rate would price a budget under the threshold: the placeholder is the floor.
      schema: { type: 'number', minimum: HOEJPRIS_DEFAULTS.hourlyRateDkk },
      legalSource: '001 §5.1.3; spec §8 Q3 (højprisgrænse 100.000 kr.)',
    },
  },
  check: lev07Check,
};

export const lev11ChangesApproved: RuleDefinition = {
  id: 'LEV-11',
  severity: 'error',
  appliesTo,
  description: {
    da: 'Fagkonsulenten skal godkende alle ændringer af leverancen; ændringer i leverancebeskrivelsen skal altid begrundes.',
    en: 'The fagkonsulent approves every change to the delivery; changes to the delivery description are always justified.',
  },
  source:
    '001 §5.2.9 «Ændringer i leverancebeskrivelsen skal altid begrundes, og fagkonsulenten skal godkende alle ændringer»',
  message: {
    da: '«{label}» skal udfyldes for ændring {nr}: fagkonsulenten skal godkende alle ændringer.',
    en: '"{label}" is required for change {nr}: the fagkonsulent approves every change.',
  },
  check(data, ctx) {
    // From 1.3.0 a signed-in fagkonsulent approves the changes (the LEV-11 guard); typed names are history.
    const typed = readsTypedChangeApprovals(ctx);
    return arrayAt(data, '/aendringer').flatMap((_, i): RuleFinding[] => {
      const at = `/aendringer/${i}`;
      const findings: RuleFinding[] = [];
      if (typed && !hasText(data, `${at}/godkendtAf`))
        findings.push({ path: `${at}/godkendtAf`, params: { nr: i + 1 } });
      if (enumAt(data, `${at}/type`) === 'Ændring i leverancebeskrivelsen' && !hasText(data, `${at}/begrundelse`)) {
        findings.push({
          path: `${at}/begrundelse`,
          params: { nr: i + 1 },
          message: {
            da: '«{label}» skal udfyldes for ændring {nr}: ændringer i leverancebeskrivelsen skal altid begrundes.',
            en: '"{label}" is required for change {nr}: changes to the delivery description are always justified.',
          },
        });
      }
      return findings;
    });
  },
};

export const lev16InterruptionReason: RuleDefinition = {
  id: 'LEV-16',
  severity: 'error',
  appliesTo,
  description: {
    da: 'Et afbrudt forløb har en årsag: borgeren dør, henvender ønsker forløbet standset, eller grundlaget for leveranceaftalen er ikke længere til stede.',
    en: 'An interrupted course has a reason: the citizen dies, the referrer wants it stopped, or the basis of the agreement no longer exists.',
  },
  source:
    '001 §5.2.10 «Rådgivningsforløbet kan afbrydes, hvis borgeren dør, henvender ønsker forløbet standset, eller …»',
  message: {
    da: '«{label}» skal udfyldes, når leverancen er afbrudt.',
    en: '"{label}" is required when the delivery has been interrupted.',
  },
  check(data) {
    return enumAt(data, '/status') === 'Afbrudt' && !hasText(data, '/afbrydelse/aarsag')
      ? [{ path: '/afbrydelse/aarsag' }]
      : [];
  },
};

export const leveranceaftaleApprovalRules: RuleDefinition[] = [
  lev05StartAfterApproval,
  lev06RenegotiationComment,
  lev07HighPriceApproval,
  lev11ChangesApproved,
  lev16InterruptionReason,
];
