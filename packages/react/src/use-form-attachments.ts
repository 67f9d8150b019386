import { SkemaAttachmentsClient, SkemaApiError, type SkemaClient } from '@skema/client';
import { useMemo, useRef } from 'react';
import type { FormAttachments } from './attachments-context.js';

/** Embed session tokens (`POST /embed-sessions`) start with this; the server refuses their uploads. */
const EMBED_SESSION_PREFIX = 'skema_es_';

/** Whether a form with this key may send files. */
export function attachmentsAllowed(token: string | undefined, readonly: boolean): boolean {
  return Boolean(token) && !token?.startsWith(EMBED_SESSION_PREFIX) && !readonly;
}

/**
 * The form's `FormAttachments`: `ensureSubmission` gives the stored submission's id, saving a draft
 * first when there is none (concurrent uploads share that one save).
 */
export function useFormAttachmentsValue(
  client: SkemaClient,
  ensureSubmission: () => Promise<string>,
  enabled: boolean,
): FormAttachments {
  const ensure = useRef(ensureSubmission);
  ensure.current = ensureSubmission;
  return useMemo<FormAttachments>(() => {
    const files = new SkemaAttachmentsClient(client);
    return {
      enabled,
      async upload(file, options = {}) {
        const id = await ensure.current();
        return files.upload({ kind: 'submission', id }, file, { fileName: file.name, ...options });
      },
      async remove(id) {
        try {
          await files.remove(id);
          return 'deleted';
        } catch (error) {
          if (error instanceof SkemaApiError && (error.status === 409 || error.status === 404)) return 'kept';
          throw error;
        }
      },
    };
  }, [client, enabled]);
}
