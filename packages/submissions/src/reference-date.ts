import {
  todayInDenmark,
  valueAt,
  type FormVersion,
  type IsoDate,
  type Locale,
  type Submission,
  type SubmissionStore,
  type ValidationIssue,
  type ValidationResult,
} from '@skema/core';
import { COMPLETE_STATUSES } from './status-graph.js';

/**
 * The date a submission's rules judge (issue #13): the date the platform received it, stamped on
 * its first submission (created as submitted, or moved from draft to submitted) from the server's
 * clock as a Europe/Copenhagen calendar date. It is kept in the receipt of that revision and of
 * every later one, and written to the field the form names with `x-skema-reference-date` (e.g.
 * henvendelsesskema's «Modtaget»). A value a client sends there is replaced on the first
 * submission; afterwards a different value is refused at the field (`reference-date-stamped`),
 * and a data update that leaves the field out gets the stamp back. A draft never submitted has no
 * stamp: its rules judge today.
 */
export const STAMP_REFUSED = 'reference-date-stamped';

/** The form's reference-date field (a JSON Pointer), if it declares one. */
export function referencePointer(form: FormVersion): string | undefined {
  const pointer = form.schema['x-skema-reference-date'];
  return typeof pointer === 'string' && pointer.startsWith('/') ? pointer : undefined;
}

/**
 * The submission's stamp: its receipt's. A submission that left draft before stamps existed gets
 * the date its first non-draft revision was stored (read from its revisions, only in that case).
 */
export async function stampOf(store: SubmissionStore, current: Submission): Promise<IsoDate | undefined> {
  if (current.receipt.referenceDate) return current.receipt.referenceDate;
  if (current.status === 'draft') return undefined;
  const first = (await store.revisions(current.tenantId, current.id)).find((r) => r.status !== 'draft');
  return first ? todayInDenmark(new Date(first.at)) : undefined;
}

/** How one write judges dates: the stamp (undefined: not submitted yet, judged today) and the data to validate and store. */
export interface JudgedWrite {
  stamp: IsoDate | undefined;
  data: unknown;
  /** The write made the stamp (a first submission). */
  stampedNow: boolean;
  /** The client sent another date at the stamped field (this pointer): refused. */
  refused?: string;
}

/**
 * The stamp for a write that leaves the submission in `status`, and its data with the stamp at the
 * form's field. `fromClient`: the data came from the caller (a later change there is refused);
 * otherwise (a migration's output) the stamp simply overwrites the field.
 */
export function judgeWrite(
  form: FormVersion,
  data: unknown,
  stamped: IsoDate | undefined,
  status: Submission['status'],
  now: Date,
  fromClient: boolean,
): JudgedWrite {
  const stampedNow = stamped === undefined && COMPLETE_STATUSES.has(status);
  const stamp = stamped ?? (stampedNow ? todayInDenmark(now) : undefined);
  const pointer = referencePointer(form);
  if (stamp === undefined || pointer === undefined || !isRecord(data)) return { stamp, data, stampedNow };
  const sent = valueAt(data, pointer);
  if (!stampedNow && fromClient && sent !== undefined && sent !== stamp) {
    return { stamp, data, stampedNow, refused: pointer };
  }
  return { stamp, data: sent === stamp ? data : withValueAt(data, pointer, stamp), stampedNow };
}

/**
 * The judged date of a stored submission or revision, as validation options, for reads that
 * validate it again (deadlines, documents): its stamp; a draft never submitted judges today (`null`);
 * a record stored before stamps existed reads its form's field (left out).
 */
export function storedJudgedDate(stored: { status: Submission['status']; receipt: { referenceDate?: string } }): {
  referenceDate?: string | null;
} {
  if (stored.receipt.referenceDate) return { referenceDate: stored.receipt.referenceDate };
  return stored.status === 'draft' ? { referenceDate: null } : {};
}

/** Validation options for the judged date: the stamp, or `null` (not submitted: today, whatever the data says). */
export const judgedDateOption = (judged: Pick<JudgedWrite, 'stamp'>): { referenceDate: string | null } => ({
  referenceDate: judged.stamp ?? null,
});

/** The validation as stored: the stamp in its receipt, a refused change among its errors. */
export function withStamp(validation: ValidationResult, judged: JudgedWrite, locale: Locale): ValidationResult {
  const receipt = judged.stamp ? { ...validation.receipt, referenceDate: judged.stamp } : validation.receipt;
  if (!judged.refused || !judged.stamp) return { ...validation, receipt };
  return {
    ...validation,
    valid: false,
    errors: [refusal(judged.refused, judged.stamp, locale), ...validation.errors],
    receipt,
  };
}

function refusal(pointer: string, stamp: IsoDate, locale: Locale): ValidationIssue {
  const messages = {
    da: `Datoen blev sat af systemet til den dag, indsendelsen blev modtaget (${stamp}), og kan ikke ændres.`,
    en: `The system set this date to the day the submission was received (${stamp}); it cannot be changed.`,
  };
  return {
    path: pointer,
    code: STAMP_REFUSED,
    severity: 'error',
    message: messages[locale],
    messages,
    params: { stamped: stamp },
  };
}

/** A copy of `data` with `value` at `pointer`, creating missing objects on the way (arrays and other values are left alone). */
function withValueAt(data: Record<string, unknown>, pointer: string, value: unknown): Record<string, unknown> {
  const tokens = pointer
    .slice(1)
    .split('/')
    .map((t) => t.replace(/~1/g, '/').replace(/~0/g, '~'));
  const set = (node: Record<string, unknown>, i: number): Record<string, unknown> => {
    const key = tokens[i]!;
    if (i === tokens.length - 1) return { ...node, [key]: value };
    const child = node[key];
    if (child === undefined) return { ...node, [key]: set({}, i + 1) };
    return isRecord(child) ? { ...node, [key]: set(child, i + 1) } : node;
  };
  return set(data, 0);
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
