import type { Locale } from '@skema/core';
import { useState } from 'react';
import type { SkemaClient } from './api.js';

/** The one call the receipt needs, so a portal can hand in any client (or a stub in tests). */
export type DocumentClient = Pick<SkemaClient, 'documentPdf'>;

const TEXT = {
  da: {
    download: 'Hent dokumentet (PDF)',
    busy: 'Henter dokumentet …',
    failed: (why: string) => `Dokumentet kunne ikke hentes: ${why}`,
  },
  en: {
    download: 'Download the document (PDF)',
    busy: 'Fetching the document …',
    failed: (why: string) => `The document could not be fetched: ${why}`,
  },
} as const;

/**
 * «Hent dokumentet (PDF)»: fetches the archival document with the client's bearer token and opens
 * it through a Blob object URL (a plain `<a href>` to the API could not carry the token).
 */
export function ReceiptDocument(props: { client: DocumentClient; submissionId: string; locale: Locale }) {
  const text = TEXT[props.locale];
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const download = async () => {
    setBusy(true);
    setError(undefined);
    try {
      const blob = await props.client.documentPdf(props.submissionId, { locale: props.locale });
      const url = URL.createObjectURL(blob);
      const link = document.createElement('a');
      link.href = url;
      link.download = `${props.submissionId}.pdf`;
      link.rel = 'noopener';
      link.click();
      // Revoked later, not at once: the browser may still be reading the URL for the download.
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
    } catch (e) {
      setError(text.failed((e as Error).message));
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="skema-receipt-document">
      <button type="button" onClick={() => void download()} disabled={busy} aria-busy={busy}>
        {busy ? text.busy : text.download}
      </button>
      {error ? (
        <p role="alert" className="skema-status skema-status--error">
          {error}
        </p>
      ) : null}
    </div>
  );
}
