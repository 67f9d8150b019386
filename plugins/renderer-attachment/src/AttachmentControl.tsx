import type { ControlProps } from '@jsonforms/core';
import { withJsonFormsControlProps } from '@jsonforms/react';
import type { AttachmentRecord } from '@skema/core';
import type { AttachmentRef } from '@skema/core';
import { ControlFrame, pathToPointer, useFormAttachments, useSkemaForm, type SkemaRendererEntry } from '@skema/react';
import { useEffect, useRef, useState, type ChangeEvent } from 'react';
import { attachmentListTester, attachmentTester, refsOf } from './attachment-schema.js';
import { ACCEPT, ATTACHMENT_TEXT, formatSize, uploadErrorMessage } from './attachment-text.js';
import { ATTACHMENT_CSS } from './styles.js';

/** The reference a form stores: what the server recorded for the file (never its content). */
export function refOf(record: AttachmentRecord): AttachmentRef {
  return {
    id: record.id,
    fileName: record.fileName,
    mediaType: record.mediaType,
    size: record.size,
    sha256: record.sha256,
  };
}

interface Upload {
  name: string;
  sent: number;
  total: number;
  abort: AbortController;
}

/**
 * A file field for attachment references (`"x-skema-attachment": true`): one reference, or a list
 * of them when the schema is an array of references. Choosing a file uploads it at once to the
 * form's submission (saved as a draft first when it is new) with a labelled `<progress>`; the
 * reference the server returns (id, name, type, size, SHA-256) becomes the field's value. «Fjern»
 * deletes the stored file when the server allows it and clears the reference. Refusals (too large,
 * a refused type) are shown at the field in the form's language; a polite live region says what
 * happened, for screen readers.
 */
function AttachmentControl(props: ControlProps & { multiple: boolean }) {
  const { path, label, required, description, errors, visible, enabled, multiple } = props;
  const data: unknown = props.data;
  const { locale } = useSkemaForm();
  const files = useFormAttachments();
  const text = ATTACHMENT_TEXT[locale];
  const refs = refsOf(data);
  const [upload, setUpload] = useState<Upload | undefined>();
  const [problem, setProblem] = useState<string | undefined>();
  const [announcement, setAnnouncement] = useState('');
  const [busyRemoving, setBusyRemoving] = useState<string | undefined>();
  const inputRef = useRef<HTMLInputElement>(null);
  // The latest value, for an upload that ends after another change to the field.
  const refsRef = useRef(refs);
  refsRef.current = refs;
  const mounted = useRef(true);
  useEffect(
    () => () => {
      mounted.current = false;
    },
    [],
  );

  const pointer = pathToPointer(path);
  const canUpload = Boolean(files?.enabled) && enabled;
  const showInput = canUpload && !upload && (multiple || refs.length === 0);

  const write = (next: AttachmentRef[]) => {
    if (multiple) props.handleChange(path, next.length ? next : undefined);
    else props.handleChange(path, next[0]);
  };

  const onChoose = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    // The same file may be chosen again after a refusal.
    event.target.value = '';
    if (!file || !files) return;
    const abort = new AbortController();
    setProblem(undefined);
    setUpload({ name: file.name, sent: 0, total: file.size, abort });
    setAnnouncement(text.sending(file.name));
    try {
      const record = await files.upload(file, {
        signal: abort.signal,
        onProgress: (sent, total) => mounted.current && setUpload((u) => (u ? { ...u, sent, total } : u)),
      });
      if (!mounted.current) return;
      write(multiple ? [...refsRef.current, refOf(record)] : [refOf(record)]);
      setAnnouncement(text.attached(record.fileName));
    } catch (error) {
      if (!mounted.current) return;
      if (abort.signal.aborted) {
        setAnnouncement(text.cancelled);
      } else {
        const message = uploadErrorMessage(error, text);
        setProblem(message);
        setAnnouncement(message);
      }
    } finally {
      if (mounted.current) setUpload(undefined);
    }
  };

  const onRemove = async (ref: AttachmentRef) => {
    if (!files) return;
    setProblem(undefined);
    setBusyRemoving(ref.id);
    try {
      const outcome = await files.remove(ref.id);
      if (!mounted.current) return;
      write(refsRef.current.filter((r) => r.id !== ref.id));
      setAnnouncement(outcome === 'deleted' ? text.removed(ref.fileName) : text.removedKept(ref.fileName));
      // Focus stays in the field: on the file input that takes the removed file's place.
      requestAnimationFrame(() => inputRef.current?.focus());
    } catch (error) {
      if (!mounted.current) return;
      const message = text.removeFailed(uploadErrorMessage(error, text).replace(/^[^:]*: /, ''));
      setProblem(message);
      setAnnouncement(message);
    } finally {
      if (mounted.current) setBusyRemoving(undefined);
    }
  };

  return (
    <ControlFrame
      pointer={pointer}
      label={label}
      required={required}
      description={description}
      errors={errors}
      visible={visible}
      className="skema-field--attachment"
    >
      {(a11y) => {
        const problemId = `${a11y.id}-upload-error`;
        const allowedId = `${a11y.id}-allowed`;
        const describedBy = [a11y['aria-describedby'], allowedId, problem ? problemId : undefined]
          .filter(Boolean)
          .join(' ');
        return (
          <div className="skema-attachment" data-pointer={pointer}>
            {refs.length ? (
              <ul className="skema-attachment__files">
                {refs.map((ref) => (
                  <li key={ref.id} className="skema-attachment__file">
                    <span className="skema-attachment__name">{ref.fileName}</span>
                    {ref.size !== undefined ? (
                      <span className="skema-attachment__size"> ({formatSize(ref.size, locale)})</span>
                    ) : null}
                    {canUpload ? (
                      <button
                        type="button"
                        className="skema-button skema-button--secondary skema-button--small"
                        aria-label={text.remove(ref.fileName)}
                        disabled={busyRemoving !== undefined}
                        onClick={() => void onRemove(ref)}
                      >
                        {text.removeShort}
                      </button>
                    ) : null}
                  </li>
                ))}
              </ul>
            ) : null}
            {showInput ? (
              <input
                {...a11y}
                ref={inputRef}
                aria-describedby={describedBy}
                {...(problem ? { 'aria-invalid': true as const } : {})}
                className="skema-input skema-input--file"
                type="file"
                accept={ACCEPT}
                onChange={(event) => void onChoose(event)}
              />
            ) : null}
            {showInput ? (
              <p id={allowedId} className="skema-attachment__allowed">
                {text.allowed}
              </p>
            ) : null}
            {!canUpload && enabled && refs.length === 0 ? (
              <p className="skema-attachment__unavailable">{text.unavailable}</p>
            ) : null}
            {upload ? (
              <div className="skema-attachment__progress">
                <label htmlFor={`${a11y.id}-progress`}>{text.sending(upload.name)}</label>
                <progress id={`${a11y.id}-progress`} max={upload.total || 1} value={upload.sent} />
                <button
                  type="button"
                  className="skema-button skema-button--secondary skema-button--small"
                  onClick={() => upload.abort.abort()}
                >
                  {text.cancel}
                </button>
              </div>
            ) : null}
            {problem ? (
              <p id={problemId} className="skema-error-message skema-attachment__error">
                {problem}
              </p>
            ) : null}
            <p className="skema-visually-hidden" role="status" aria-live="polite">
              {announcement}
            </p>
          </div>
        );
      }}
    </ControlFrame>
  );
}

const One = (props: ControlProps) => <AttachmentControl {...props} multiple={false} />;
const Many = (props: ControlProps) => <AttachmentControl {...props} multiple />;

export const AttachmentRenderer = withJsonFormsControlProps(One);
export const AttachmentListRenderer = withJsonFormsControlProps(Many);

export const attachmentRendererEntry: SkemaRendererEntry = {
  tester: attachmentTester,
  renderer: AttachmentRenderer,
  css: ATTACHMENT_CSS,
};
export const attachmentListRendererEntry: SkemaRendererEntry = {
  tester: attachmentListTester,
  renderer: AttachmentListRenderer,
  css: ATTACHMENT_CSS,
};

/** Every renderer of this plugin, for `<SkemaForm renderers={...} />`. */
export const attachmentRenderers: readonly SkemaRendererEntry[] = [
  attachmentRendererEntry,
  attachmentListRendererEntry,
];
