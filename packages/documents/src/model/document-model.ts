import {
  contentHash,
  i18nKeyForPointer,
  type Approval,
  type ValidationIssue,
  type ValidationResult,
} from '@skema/core';
import type { RenderSubmissionInput } from '../types.js';
import type { Block, Section } from './blocks.js';
import { formatCpr, formatDate, formatDateTime, maskCprLike } from './format.js';
import { fieldLabel } from './labels.js';
import type { SchemaNode } from './schema-nodes.js';
import { findSubject, subjectValues } from './subject.js';
import { buildSections, type WalkContext } from './walk.js';
import { WORDS, type Words } from './words.js';

export interface LabelledValue {
  label: string;
  value: string;
}

/** Everything a document shows, in reading order, before layout. */
export interface DocumentModel {
  lang: 'da' | 'en';
  title: string;
  /** Shown at the top of every page but the first. */
  runningHeader: string;
  /** The title block: the person concerned, then the case facts. */
  meta: LabelledValue[];
  sections: Section[];
  /** The rule checks and derived deadlines, when a validation was given and found any. */
  checks?: Section;
  receiptTitle: string;
  receipt: LabelledValue[];
}

function person(
  p: { name?: string | undefined; id?: string; role?: string; at?: string },
  w: Words,
  locale: 'da' | 'en',
): string {
  const who = p.name ?? p.id ?? '';
  const role = p.role ? ` (${p.role})` : '';
  const at = p.at ? `, ${formatDateTime(p.at, locale)}` : '';
  return `${who}${role}${at}`;
}

/**
 * Who approved, as the submission recorded it: name, role and time of each approval. Only a
 * signed-in person's approval (`kind: 'person'`) counts; any other recorded one (from before
 * approvals were acts of people) is shown marked «ikke verificeret», never as a plain approval.
 */
function approvalsText(approvals: readonly Approval[], w: Words, locale: 'da' | 'en'): string {
  return approvals
    .map((a) => {
      const who = person({ name: a.actorName, id: a.actorId, role: a.role, at: a.at }, w, locale);
      return a.kind === 'person' ? who : `${who} (${w.unverified})`;
    })
    .join('; ');
}

function checksSection(validation: ValidationResult, ctx: WalkContext, w: Words): Section | undefined {
  const issueText = (i: ValidationIssue): string => {
    const label = i.path ? fieldLabel(i18nKeyForPointer(i.path), ctx.texts, undefined) : '';
    const message = i.messages?.[ctx.locale] ?? i.message;
    const text = `${label ? `${label}: ` : ''}${message} (${i.code})`;
    return ctx.showCpr ? text : maskCprLike(text);
  };
  const blocks: Block[] = [];
  const errors = validation.errors.map(issueText);
  const warnings = validation.warnings.map(issueText);
  if (validation.truncated) {
    if (validation.truncated.errors > errors.length)
      errors.push(w.moreIssues(errors.length, validation.truncated.errors));
    if (validation.truncated.warnings > warnings.length)
      warnings.push(w.moreIssues(warnings.length, validation.truncated.warnings));
  }
  if (errors.length > 0) blocks.push({ kind: 'list', label: w.errors, items: errors });
  if (warnings.length > 0) blocks.push({ kind: 'list', label: w.warnings, items: warnings });
  const deadlines = validation.derived.deadlines;
  if (deadlines.length > 0) {
    blocks.push({
      kind: 'table',
      label: w.deadlines,
      columns: [
        { label: w.deadlines, numeric: false },
        { label: w.due, numeric: false },
        { label: w.status, numeric: false },
      ],
      rows: deadlines.map((d) => [
        `${d.label[ctx.locale]} (${d.ruleId})`,
        formatDate(d.due, ctx.locale),
        w.deadlineStatus[d.status],
      ]),
    });
  }
  return blocks.length > 0 ? { label: w.checks, blocks } : undefined;
}

/** The data as embedded in the file: CPR numbers masked unless the policy shows them (the attachment must not undo the masking). */
export function embeddedData(data: unknown, showCpr: boolean): unknown {
  if (showCpr) return data;
  const walk = (v: unknown): unknown => {
    if (typeof v === 'string') return maskCprLike(v);
    if (Array.isArray(v)) return v.map(walk);
    if (typeof v === 'object' && v !== null) return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x)]));
    return v;
  };
  return walk(data);
}

export function buildDocumentModel(input: RenderSubmissionInput): DocumentModel {
  const { form, submission, validation, locale } = input;
  const options = input.options ?? {};
  const w = WORDS[locale];
  const root = form.schema as SchemaNode;
  const texts = form.i18n[locale];
  const showCpr = options.showCpr === true;
  const ctx: WalkContext = { locale, texts, showCpr, root, looseSectionLabel: w.details };
  const title = form.manifest.title[locale];

  const meta: LabelledValue[] = [];
  const subject = subjectValues(submission.data, findSubject(root, options.subjectPath));
  if (subject.name) meta.push({ label: w.concerns, value: subject.name });
  if (subject.cpr) meta.push({ label: w.cpr, value: formatCpr(subject.cpr, showCpr) });
  meta.push({ label: w.receiptNo, value: submission.id });
  meta.push({ label: w.formVersion, value: `${form.manifest.id} ${form.manifest.version}` });
  meta.push({ label: w.status, value: w.statuses[submission.status] ?? submission.status });
  meta.push({ label: w.created, value: formatDateTime(submission.createdAt, locale) });
  if (submission.submittedAt) meta.push({ label: w.submitted, value: formatDateTime(submission.submittedAt, locale) });
  const submittedBy = options.submittedBy ?? (submission.createdBy ? { id: submission.createdBy } : undefined);
  if (submittedBy) meta.push({ label: w.submittedBy, value: person(submittedBy, w, locale) });
  const approvals = options.approvals ?? submission.approvals ?? [];
  const rejected = approvals.filter((a) => a.decision === 'rejected');
  const approved = approvals.filter((a) => a.decision !== 'rejected');
  if (approved.length > 0) meta.push({ label: w.approvedBy, value: approvalsText(approved, w, locale) });
  if (rejected.length > 0) meta.push({ label: w.rejectedBy, value: approvalsText(rejected, w, locale) });

  const receipt: LabelledValue[] = [
    { label: w.contentHash, value: contentHash(submission.data) },
    { label: w.formVersion, value: `${form.manifest.id} ${form.manifest.version}` },
    { label: w.schemaHash, value: validation?.receipt.schemaHash ?? form.hash },
  ];
  const plugins = validation?.receipt.plugins ?? form.manifest.plugins;
  if (plugins.length > 0)
    receipt.push({ label: w.plugins, value: plugins.map((p) => `${p.name} ${p.version}`).join(', ') });
  if (validation?.receipt.overlay) {
    const o = validation.receipt.overlay;
    receipt.push({ label: w.overlay, value: `${o.tenantId} ${o.version}` });
  }
  if (validation) receipt.push({ label: w.validatedAt, value: formatDateTime(validation.receipt.validatedAt, locale) });

  const model: DocumentModel = {
    lang: locale,
    title,
    runningHeader: `${title} · ${w.receiptNo.toLowerCase()} ${submission.id}`,
    meta,
    sections: buildSections(form.uischema, submission.data, ctx),
    receiptTitle: w.receipt,
    receipt,
  };
  const checks = validation ? checksSection(validation, ctx, w) : undefined;
  if (checks) model.checks = checks;
  return model;
}
