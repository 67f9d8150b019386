import { SkemaForm, type SubmissionWriteResult } from '@skema/react';
import { useState } from 'react';
import { apiKey } from './api.js';
import { renderers } from './renderers.js';
import { draftHref } from './SubmissionPage.js';

/** Fill in and submit any form through the React component, against the API on this origin. */
export function FillForm(props: { formId: string; version: string; submissionId?: string }) {
  const [saved, setSaved] = useState<SubmissionWriteResult>();
  const onSubmitted = (result: SubmissionWriteResult) => setSaved(result);
  return (
    <div>
      <p>
        <a href="#/">← Alle formularer</a>
      </p>
      <SkemaForm
        key={`${props.formId}@${props.version}#${props.submissionId ?? ''}`}
        formId={props.formId}
        version={props.version}
        {...(props.submissionId ? { submissionId: props.submissionId } : {})}
        token={apiKey()}
        locale="da"
        renderers={renderers}
        headingLevel={1}
        onSubmitted={onSubmitted}
        onDraftSaved={setSaved}
      />
      {saved?.submission.status === 'draft' ? (
        <p className="draft-saved">
          Kladde gemt. Fortsæt senere på{' '}
          <a
            href={draftHref(saved.submission)}
          >{`${location.origin}${location.pathname}${draftHref(saved.submission)}`}</a>
        </p>
      ) : null}
      {saved ? (
        <p className="next-steps">
          <a href={`#/submissions/${encodeURIComponent(saved.submission.id)}`}>Se indsendelsen og dens historik</a>
        </p>
      ) : null}
    </div>
  );
}
