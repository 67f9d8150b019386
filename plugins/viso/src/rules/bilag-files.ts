import {
  arrayAt,
  attachmentRefStatus,
  compareVersions,
  isAttachmentRef,
  pointer,
  valueAt,
  type RuleContext,
  type RuleFinding,
} from '@skema/core';

/*
 * «Bilag» that reference real files (issue #16). From these versions a bilag item holds an
 * attachment reference (`x-skema-attachment`) in `vedhaeftning` instead of a typed file name; the
 * form's bilag rule (HEN-22, RAP-05, UND-07) checks that the reference names a file stored for the
 * submission or its case, with the same name (and SHA-256, size, type when given). Older versions
 * keep their typed names and are judged as before.
 */
export const ATTACHMENT_REFS_SINCE: Readonly<Record<string, string>> = {
  henvendelsesskema: '1.2.0',
  raadgivningsrapport: '1.1.0',
  underretning: '1.2.0',
};

/** The member of a bilag item that holds its file. */
export const FILE_MEMBER = 'vedhaeftning';

/** Where a migrated item keeps the file name typed before attachments (not verified). */
export const PREVIOUS_NAME_MEMBER = 'tidligereFilnavn';

/** True when the validated version's bilag reference stored files. */
export function usesAttachmentRefs(ctx: Pick<RuleContext, 'formId' | 'version'>): boolean {
  const since = ATTACHMENT_REFS_SINCE[ctx.formId];
  return since !== undefined && compareVersions(ctx.version, since) >= 0;
}

/** What a bilag item's file is, for the rule that relies on it. */
export type FileState = 'attached' | 'none' | 'unknown' | 'mismatch' | 'unverifiable';

export function fileState(item: unknown, ctx: RuleContext): FileState {
  const ref = valueAt(item, `/${FILE_MEMBER}`);
  if (!isAttachmentRef(ref)) return 'none';
  const status = attachmentRefStatus(ref, ctx);
  return status === 'found' ? 'attached' : status;
}

const MESSAGES = {
  none: {
    da: 'Bilaget «{bilag}» har ingen vedhæftet fil. Upload filen, så den følger med.',
    en: 'The attachment "{bilag}" has no file. Upload the file so it is included.',
  },
  unknown: {
    da: 'Den vedhæftede fil til bilaget «{bilag}» findes ikke blandt indsendelsens eller sagens bilag. Upload filen igen.',
    en: 'The file of the attachment "{bilag}" is not among the files of the submission or its case. Upload the file again.',
  },
  mismatch: {
    da: 'Den vedhæftede fil til bilaget «{bilag}» svarer ikke til den gemte fil (navn, størrelse, type eller SHA-256). Upload filen igen.',
    en: 'The file of the attachment "{bilag}" does not match the stored file (name, size, type or SHA-256). Upload the file again.',
  },
  unverifiable: {
    da: 'Kunne ikke kontrolleres: data er ikke en gemt indsendelse, så det kan ikke ses, om den vedhæftede fil til bilaget «{bilag}» findes.',
    en: 'Could not be checked: the data is not a stored submission, so whether the file of the attachment "{bilag}" exists cannot be seen.',
  },
} as const;

/**
 * The finding for an item whose file is not attached as it should be. `bilag` names the item in
 * the message: an enumerated type or a date, never free text (messages carry no personal data).
 */
export function fileFinding(state: Exclude<FileState, 'attached'>, path: string, bilag: string): RuleFinding {
  const finding: RuleFinding = {
    path: state === 'none' ? path : `${path}/${FILE_MEMBER}`,
    params: { bilag },
    message: MESSAGES[state],
  };
  if (state === 'unverifiable') finding.unchecked = true;
  return finding;
}

/**
 * A requirement any one of the items `indices` of the list meets with a stored file: nothing when
 * one is attached; else «could not check» for the first that cannot be checked, else the first
 * item without a file that `reportNone` picks (unknown or different references are reported by
 * `brokenReferences`).
 */
export function requiredFile(
  list: readonly unknown[],
  indices: readonly number[],
  listPath: string,
  name: (item: unknown, index: number) => string,
  ctx: RuleContext,
  reportNone: (item: unknown) => boolean = () => true,
): RuleFinding[] {
  const states = indices.map((i) => ({ i, state: fileState(list[i], ctx) }));
  if (states.some((s) => s.state === 'attached')) return [];
  const pick =
    states.find((s) => s.state === 'unverifiable') ?? states.find((s) => s.state === 'none' && reportNone(list[s.i]));
  return pick && pick.state !== 'attached'
    ? [fileFinding(pick.state, `${listPath}${pointer(pick.i)}`, name(list[pick.i], pick.i))]
    : [];
}

/**
 * Every item of a bilag list whose reference does not resolve to a stored file (unknown or
 * different): a reference that points nowhere is wrong whatever the item's type. References that
 * cannot be checked, and items without one (unless `fileRequired`), are left to the rule's own
 * requirements.
 */
export function brokenReferences(
  data: unknown,
  listPath: string,
  ctx: RuleContext,
  name: (item: unknown, index: number) => string,
  options: { fileRequired?: boolean } = {},
): RuleFinding[] {
  if (!usesAttachmentRefs(ctx)) return [];
  const findings: RuleFinding[] = [];
  arrayAt(data, listPath).forEach((item, i) => {
    const state = fileState(item, ctx);
    // Where every item is a file (the list required a file name before), an item with neither a
    // reference nor a name typed before the change has nothing attached.
    const empty =
      options.fileRequired === true && state === 'none' && valueAt(item, `/${PREVIOUS_NAME_MEMBER}`) === undefined;
    if (state === 'unknown' || state === 'mismatch')
      findings.push(fileFinding(state, `${listPath}${pointer(i)}`, name(item, i)));
    else if (empty) findings.push(fileFinding('none', `${listPath}${pointer(i)}`, name(item, i)));
  });
  return findings;
}
