import { SkemaAttachmentsClient, type SkemaClient } from '@skema/client';
import type { AttachmentRecord } from '@skema/core';
import { formatSize, uploadErrorMessage, ATTACHMENT_TEXT } from '@skema/renderer-attachment';
import { useCallback, useEffect, useState, type ChangeEvent } from 'react';

/**
 * «Sagens bilag»: files of the case itself (`POST /cases/{id}/attachments`), e.g. a PPV report
 * received by mail, with the same progress bar, live region and Danish errors as the form fields'.
 */
export function CaseAttachments(props: { caseId: string; api: SkemaClient; open: boolean }) {
  const files = new SkemaAttachmentsClient(props.api);
  const text = ATTACHMENT_TEXT.da;
  const [items, setItems] = useState<AttachmentRecord[]>();
  const [upload, setUpload] = useState<{ name: string; sent: number; total: number }>();
  const [problem, setProblem] = useState<string>();
  const [announcement, setAnnouncement] = useState('');
  const owner = { kind: 'case' as const, id: props.caseId };
  const reload = useCallback(() => {
    void new SkemaAttachmentsClient(props.api)
      .list({ kind: 'case', id: props.caseId })
      .then(setItems, (e: Error) => setProblem(e.message));
  }, [props.api, props.caseId]);
  useEffect(reload, [reload]);

  const onChoose = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    setProblem(undefined);
    setUpload({ name: file.name, sent: 0, total: file.size });
    setAnnouncement(text.sending(file.name));
    try {
      const stored = await files.upload(owner, file, {
        fileName: file.name,
        onProgress: (sent, total) => setUpload({ name: file.name, sent, total }),
      });
      setAnnouncement(text.attached(stored.fileName));
      reload();
    } catch (e) {
      const message = uploadErrorMessage(e, text);
      setProblem(message);
      setAnnouncement(message);
    } finally {
      setUpload(undefined);
    }
  };

  return (
    <section aria-labelledby="case-files-title" className="case-files">
      <h2 id="case-files-title">Sagens bilag</h2>
      {!items ? (
        <p>Henter …</p>
      ) : items.length === 0 ? (
        <p>Sagen har ingen bilag endnu.</p>
      ) : (
        <ul className="skema-attachment__files">
          {items.map((f) => (
            <li key={f.id} className="skema-attachment__file">
              <span className="skema-attachment__name">{f.fileName}</span>{' '}
              <span className="skema-attachment__size">({formatSize(f.size, 'da')})</span>
            </li>
          ))}
        </ul>
      )}
      {props.open && !upload ? (
        <div className="skema-field">
          <label className="skema-label" htmlFor="case-file">
            Vedhæft en fil til sagen
          </label>
          <input
            id="case-file"
            className="skema-input skema-input--file"
            type="file"
            aria-describedby={problem ? 'case-file-error' : undefined}
            onChange={(e) => void onChoose(e)}
          />
        </div>
      ) : null}
      {upload ? (
        <div className="skema-attachment__progress">
          <label htmlFor="case-file-progress">{text.sending(upload.name)}</label>
          <progress id="case-file-progress" max={upload.total || 1} value={upload.sent} />
        </div>
      ) : null}
      {problem ? (
        <p id="case-file-error" className="skema-error-message">
          {problem}
        </p>
      ) : null}
      <p className="skema-visually-hidden" role="status" aria-live="polite">
        {announcement}
      </p>
    </section>
  );
}
