import type { AttachmentOwner, AttachmentRecord } from '@skema/core';
import type { Transport } from './transport.js';
import type { UploadOptions } from './upload.js';

const enc = (segment: string): string => encodeURIComponent(segment);
const ownerPath = (owner: AttachmentOwner): string =>
  `/${owner.kind === 'case' ? 'cases' : 'submissions'}/${enc(owner.id)}/attachments`;

/**
 * Attachments (bilag) of a submission or a case: upload with progress, list, download, delete.
 * Over a `SkemaClient` (its key and language): `new SkemaAttachmentsClient(client)`.
 */
export class SkemaAttachmentsClient {
  private readonly transport: Transport;

  constructor(client: { transport: Transport }) {
    this.transport = client.transport;
  }

  /** `POST /submissions/{id}/attachments` or `/cases/{id}/attachments`; refusals are `SkemaApiError`s (413 too large, 415 refused type). */
  upload(owner: AttachmentOwner, file: Blob, options: UploadOptions): Promise<AttachmentRecord> {
    return this.transport.upload(ownerPath(owner), file, options);
  }

  async list(owner: AttachmentOwner, signal?: AbortSignal): Promise<AttachmentRecord[]> {
    return (await this.transport.call<{ items: AttachmentRecord[] }>('GET', ownerPath(owner), signal ? { signal } : {}))
      .body.items;
  }

  /** The file's bytes (the read is audited). */
  async download(id: string, signal?: AbortSignal): Promise<Blob> {
    return (
      await this.transport.call<Blob>('GET', `/attachments/${enc(id)}`, {
        accept: '*/*',
        ...(signal ? { signal } : {}),
      })
    ).body;
  }

  /** Deletes a draft's or an open case's file; a submitted form's is a 409 `not-editable`. */
  async remove(id: string, signal?: AbortSignal): Promise<void> {
    await this.transport.call<undefined>('DELETE', `/attachments/${enc(id)}`, signal ? { signal } : {});
  }
}
