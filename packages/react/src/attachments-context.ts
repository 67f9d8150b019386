import type { AttachmentRecord } from '@skema/core';
import { createContext, useContext } from 'react';

export interface AttachmentUploadOptions {
  /** Bytes sent of the file's size, as the upload goes. */
  onProgress?(sent: number, total: number): void;
  signal?: AbortSignal;
}

/** What became of a removed file on the server. */
export type AttachmentRemoval = 'deleted' | 'kept';

/**
 * Files for the form's «bilag» fields (the attachment renderer): uploads go to the form's stored
 * submission, which is saved as a draft first when it has none yet (an upload needs an id).
 */
export interface FormAttachments {
  /**
   * False where no file can be sent: no API key, an embed session's key (the server refuses uploads
   * from an embedded form), or a read-only form.
   */
  enabled: boolean;
  upload(file: File, options?: AttachmentUploadOptions): Promise<AttachmentRecord>;
  /**
   * Deletes the stored file: `kept` when the server keeps it (a submitted form's files, a legal hold,
   * or a file already gone). Any other refusal rejects.
   */
  remove(id: string): Promise<AttachmentRemoval>;
}

export const FormAttachmentsContext = createContext<FormAttachments | undefined>(undefined);

/** The form's attachments, or undefined outside `<SkemaForm>`. */
export function useFormAttachments(): FormAttachments | undefined {
  return useContext(FormAttachmentsContext);
}
