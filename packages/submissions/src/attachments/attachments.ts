import { randomUUID } from 'node:crypto';
import { BlobTooLargeError, type AttachmentOwner, type AttachmentRecord, type BlobStore } from '@skema/core';
import type { SubmissionActor } from '../actor.js';
import { SubmissionConflictError, SubmissionError } from '../errors.js';
import { personOf } from '../approve.js';
import { SubmissionVisibility } from '../visibility.js';
import { caseAudit, type CasesDeps } from '../cases/case-deps.js';
import { loadCase } from '../cases/case-writes.js';
import { caseClosed } from '../cases/case-errors.js';
import { checkedFileName } from './file-name.js';
import { detectMediaType } from './media-types.js';
import { checkZipEnd } from './zip-check.js';

export interface AttachmentLimits {
  /** Largest file (default 25 MB). */
  perFileBytes: number;
  /** Most a tenant stores in all (default 5 GB). */
  perTenantBytes: number;
}

export const DEFAULT_ATTACHMENT_LIMITS: AttachmentLimits = {
  perFileBytes: 25 * 1024 * 1024,
  perTenantBytes: 5 * 1024 ** 3,
};

export interface AttachmentsDeps extends CasesDeps {
  blobs: BlobStore;
  limits?: Partial<AttachmentLimits>;
}

const MB = (bytes: number): string => `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB`;

export class AttachmentTooLargeError extends SubmissionError {
  override readonly name = 'AttachmentTooLargeError';
  constructor(limit: number, which: 'file' | 'tenant') {
    super(
      'attachment-too-large',
      which === 'file'
        ? {
            da: `Filen er større end grænsen på ${MB(limit)}.`,
            en: `The file is larger than the limit of ${MB(limit)}.`,
          }
        : {
            da: `Kommunens plads til bilag (${MB(limit)}) er brugt op.`,
            en: `The municipality's space for attachments (${MB(limit)}) is used up.`,
          },
      undefined,
      { limit, which },
    );
  }
}

/** The upload stopped before its end (the connection was cut): nothing was stored. */
export class AttachmentIncompleteError extends SubmissionError {
  override readonly name = 'AttachmentIncompleteError';
  constructor() {
    super('attachment-incomplete', {
      da: 'Filen blev ikke modtaget helt; intet er gemt. Prøv igen.',
      en: 'The file was not received in full; nothing was stored. Try again.',
    });
  }
}

/** The upload's stream broke off (not a refusal of ours): tells the use case to answer `attachment-incomplete`. */
export class UploadInterruptedError extends Error {
  override readonly name = 'UploadInterruptedError';
}

/**
 * Attachments of a submission or a case: upload (type from content against the allow-list,
 * size limits per file and tenant, SHA-256), list and download, each authorised as a read or a
 * change of the owner and audited (ids, sizes and types only, never the file name or content).
 */
export class Attachments {
  private readonly limits: AttachmentLimits;
  // A submission's files are as need-to-know as the submission (its case team included).
  private readonly visibility: SubmissionVisibility;

  constructor(private readonly deps: AttachmentsDeps) {
    this.limits = { ...DEFAULT_ATTACHMENT_LIMITS, ...deps.limits };
    this.visibility = new SubmissionVisibility(deps);
  }

  /** The owner as the actor may see it; a closed case takes no new attachments. */
  private async assertOwner(actor: SubmissionActor, owner: AttachmentOwner, writing: boolean): Promise<void> {
    if (owner.kind === 'submission') {
      await this.visibility.load(actor, owner.id);
      return;
    }
    const record = await loadCase(this.deps, actor, owner.id);
    if (writing && record.status === 'closed') throw caseClosed();
  }

  /** Largest upload now, for a `Content-Length` check before the body is read. */
  get perFileBytes(): number {
    return this.limits.perFileBytes;
  }

  async upload(
    actor: SubmissionActor,
    owner: AttachmentOwner,
    fileName: string | undefined,
    content: AsyncIterable<Uint8Array>,
  ): Promise<AttachmentRecord> {
    const name = checkedFileName(fileName);
    await this.assertOwner(actor, owner, true);
    const room = this.limits.perTenantBytes - (await this.deps.blobs.tenantUsage(actor.tenantId));
    if (room <= 0) throw new AttachmentTooLargeError(this.limits.perTenantBytes, 'tenant');
    const maxBytes = Math.min(this.limits.perFileBytes, room);
    const at = this.deps.now().toISOString();
    let stored: AttachmentRecord;
    try {
      stored = await this.deps.blobs.putBlob(
        { id: randomUUID(), tenantId: actor.tenantId, owner, fileName: name, createdAt: at, createdBy: actor.id },
        content,
        { maxBytes },
        { head: detectMediaType, end: checkZipEnd },
      );
    } catch (e) {
      if (e instanceof BlobTooLargeError)
        throw new AttachmentTooLargeError(e.maxBytes, e.maxBytes < this.limits.perFileBytes ? 'tenant' : 'file');
      if (e instanceof UploadInterruptedError) throw new AttachmentIncompleteError();
      throw e;
    }
    try {
      const facts = { attachmentId: stored.id, size: stored.size, mediaType: stored.mediaType, sha256: stored.sha256 };
      await this.deps.store.appendAudit(
        owner.kind === 'case'
          ? caseAudit(actor, at, 'attachment.create', owner.id, facts)
          : {
              tenantId: actor.tenantId,
              at,
              actor: actor.id,
              action: 'attachment.create',
              submissionId: owner.id,
              details: facts,
            },
      );
    } catch (e) {
      // No audit entry, no attachment: an unaudited file must not stay.
      await this.deps.blobs.deleteBlob(actor.tenantId, stored.id).catch(() => undefined);
      throw e;
    }
    return stored;
  }

  async list(actor: SubmissionActor, owner: AttachmentOwner): Promise<AttachmentRecord[]> {
    await this.assertOwner(actor, owner, false);
    return this.deps.blobs.listBlobs(actor.tenantId, owner);
  }

  /**
   * Deletes a file the actor may change: one of a draft (a submitted form's files are part of what
   * was sent; a legal hold keeps them too) or of an open case. Content and metadata go; audited.
   */
  async remove(actor: SubmissionActor, id: string): Promise<void> {
    const record = await this.deps.blobs.getBlob(actor.tenantId, id);
    if (!record) throw new AttachmentNotFoundError();
    if (record.owner.kind === 'submission') {
      // Through the access policy: who may not see a need-to-know submission may not delete its files.
      const owner = await this.visibility.load(actor, record.owner.id).catch((e: unknown) => {
        throw e instanceof SubmissionError && e.code === 'not-found' ? new AttachmentNotFoundError() : e;
      });
      if (owner.status !== 'draft' || owner.legalHold) {
        throw new SubmissionConflictError('not-editable', {
          da: 'Bilaget hører til en indsendt formular eller en sag med retligt forbehold og kan ikke slettes.',
          en: 'The attachment belongs to a submitted form or one on legal hold and cannot be deleted.',
        });
      }
    } else {
      await this.assertOwner(actor, record.owner, true);
    }
    const at = this.deps.now().toISOString();
    const facts = { attachmentId: id, size: record.size, mediaType: record.mediaType };
    if (!(await this.deps.blobs.deleteBlob(actor.tenantId, id))) throw new AttachmentNotFoundError();
    await this.deps.store.appendAudit(
      record.owner.kind === 'case'
        ? caseAudit(actor, at, 'attachment.delete', record.owner.id, facts)
        : {
            tenantId: actor.tenantId,
            at,
            actor: actor.id,
            action: 'attachment.delete',
            submissionId: record.owner.id,
            details: facts,
          },
    );
  }

  /** The file and its metadata for a reader of its owner; the read is audited. */
  async download(
    actor: SubmissionActor,
    id: string,
  ): Promise<{ record: AttachmentRecord; content: AsyncIterable<Uint8Array> }> {
    const record = await this.deps.blobs.getBlob(actor.tenantId, id);
    if (!record) throw new AttachmentNotFoundError();
    try {
      await this.assertOwner(actor, record.owner, false);
    } catch (e) {
      if (e instanceof SubmissionError && e.code === 'not-found') throw new AttachmentNotFoundError();
      throw e;
    }
    const content = await this.deps.blobs.readBlob(actor.tenantId, id);
    if (!content) throw new AttachmentNotFoundError();
    await this.deps.store.appendAudit({
      tenantId: actor.tenantId,
      at: this.deps.now().toISOString(),
      actor: actor.id,
      action: 'attachment.read',
      ...(record.owner.kind === 'submission' ? { submissionId: record.owner.id } : {}),
      details: {
        attachmentId: id,
        owner: record.owner.kind,
        ...(record.owner.kind === 'case' ? { caseId: record.owner.id } : {}),
        ...personOf(actor),
      },
    });
    return { record, content };
  }
}

export class AttachmentNotFoundError extends SubmissionError {
  override readonly name = 'AttachmentNotFoundError';
  constructor() {
    super('not-found', { da: 'Bilaget findes ikke.', en: 'The attachment does not exist.' });
  }
}
