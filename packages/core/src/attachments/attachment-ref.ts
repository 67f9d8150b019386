import type { KeywordDefinition } from 'ajv';
import type { CaseAttachment } from '../case-context.js';
import type { RuleContext } from '../plugin.js';

/**
 * The annotation on a schema node that holds a reference to a stored attachment (a «bilag» file):
 * renderers show a file control for it, documents print the file's facts, rules verify it. Only
 * `true` is allowed, like `x-skema-not-sensitive`, so a typo fails to compile.
 */
export const ATTACHMENT_KEYWORD = 'x-skema-attachment';

export const attachmentKeyword: KeywordDefinition = {
  keyword: ATTACHMENT_KEYWORD,
  schemaType: 'boolean',
  metaSchema: { const: true },
};

/** The data of an attachment reference (the shape every form declares as `$defs/attachmentRef`). */
export interface AttachmentRef {
  id: string;
  fileName: string;
  mediaType?: string;
  size?: number;
  sha256?: string;
}

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** True for a value with the required members of an attachment reference (the schema checks the rest). */
export function isAttachmentRef(value: unknown): value is AttachmentRef {
  return isObj(value) && typeof value.id === 'string' && value.id !== '' && typeof value.fileName === 'string';
}

/**
 * What a reference points at:
 * - `found`: a stored attachment of this submission or of its case, agreeing with every fact the
 *   reference gives (file name, and sha256, size, media type when given);
 * - `mismatch`: the id is stored, but a fact differs (a different file under the same id);
 * - `unknown`: no attachment with that id where the rule may look (another tenant's, another
 *   case's, or made up — these cannot be told apart, on purpose);
 * - `unverifiable`: the data is validated outside a stored submission (loose data), so the
 *   attachments are not known; the rule reports that it could not check.
 */
export type AttachmentRefStatus = 'found' | 'mismatch' | 'unknown' | 'unverifiable';

/** The attachments a rule may accept a reference to: the submission's own and its case's. */
export function knownAttachments(
  ctx: Pick<RuleContext, 'attachments' | 'case'>,
): readonly CaseAttachment[] | undefined {
  if (ctx.attachments === undefined && ctx.case === undefined) return undefined;
  return [...(ctx.attachments ?? []), ...(ctx.case?.attachments ?? [])];
}

function agrees(ref: AttachmentRef, stored: CaseAttachment): boolean {
  if (ref.fileName !== stored.fileName) return false;
  if (ref.sha256 !== undefined && ref.sha256 !== stored.sha256) return false;
  if (ref.size !== undefined && ref.size !== stored.size) return false;
  return ref.mediaType === undefined || ref.mediaType === stored.mediaType;
}

/** Checks one reference against the attachments the rule context knows. */
export function attachmentRefStatus(
  ref: AttachmentRef,
  ctx: Pick<RuleContext, 'attachments' | 'case'>,
): AttachmentRefStatus {
  const known = knownAttachments(ctx);
  if (known === undefined) return 'unverifiable';
  const stored = known.find((a) => a.id === ref.id);
  if (stored) return agrees(ref, stored) ? 'found' : 'mismatch';
  // Loose data validated in a case: the id may be the (unknown) own submission's file.
  return ctx.attachments === undefined ? 'unverifiable' : 'unknown';
}
