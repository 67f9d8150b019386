import { SkemaCasesClient, type Wire } from '@skema/client';
import type { ValidationIssue } from '@skema/core';
import { SkemaForm, type SkemaFormChange, type SubmissionWriteResult } from '@skema/react';
import { useEffect, useMemo, useRef, useState } from 'react';
import { client, apiKey } from '../api.js';
import { renderers } from '../renderers.js';
import { CaseChecks } from './CaseChecks.js';

const NO_ISSUES: readonly ValidationIssue[] = [];

/**
 * A form filled in within a case: a new one starts from the case's prefill (each prefilled field
 * says where its value came from), a stored one from its data. Saved or sent, it is added to the
 * case; the panel below checks it against the case's other forms as it is filled in.
 */
export function CaseForm(props: { caseId: string; formId: string; submissionId?: string }) {
  const { caseId, formId, submissionId } = props;
  const api = useMemo(() => client(), []);
  const cases = useMemo(() => new SkemaCasesClient(api), [api]);
  const [prefill, setPrefill] = useState<Wire.PrefillResult>();
  const [caseRecord, setCaseRecord] = useState<Wire.Case>();
  const [error, setError] = useState<string>();
  const [change, setChange] = useState<{
    data: unknown;
    local: readonly ValidationIssue[];
    version: string;
  }>();
  const [saved, setSaved] = useState<string>();
  const members = useRef(new Set<string>());

  useEffect(() => {
    cases.getCase(caseId).then(
      (r) => {
        setCaseRecord(r.case);
        for (const m of r.case.submissions) members.current.add(m.submissionId);
      },
      (e: Error) => setError(e.message),
    );
    if (!submissionId) cases.prefill(caseId, formId).then(setPrefill, (e: Error) => setError(e.message));
  }, [cases, caseId, formId, submissionId]);

  const [version, setVersion] = useState<string>();
  useEffect(() => {
    if (submissionId)
      api.getSubmission(submissionId).then(
        (r) => setVersion(r.submission.version),
        (e: Error) => setError(e.message),
      );
    else if (prefill) setVersion(prefill.version);
  }, [api, submissionId, prefill]);

  const addToCase = async (result: SubmissionWriteResult) => {
    const id = result.submission.id;
    if (members.current.has(id)) return setSaved('Skemaet er gemt i sagen.');
    try {
      await cases.attach(caseId, [id], { ifMatch: '*' });
      members.current.add(id);
      setSaved('Skemaet er gemt og lagt i sagen.');
    } catch (e) {
      setSaved(`Skemaet er gemt, men kunne ikke lægges i sagen: ${(e as Error).message}`);
    }
  };

  if (error) return <p role="alert">Skemaet kunne ikke åbnes i sagen: {error}</p>;
  if (!caseRecord || !version || (!submissionId && !prefill)) return <p role="status">Henter …</p>;
  const onChange = (c: SkemaFormChange) => setChange({ data: c.data, local: [...c.errors, ...c.warnings], version });
  return (
    <div className="case-form-page">
      <p>
        <a href={`#/sager/${encodeURIComponent(caseId)}`}>← Sagen: {caseRecord.title}</a>
      </p>
      <SkemaForm
        key={`${formId}#${submissionId ?? ''}`}
        formId={formId}
        version={version}
        {...(submissionId ? { submissionId } : {})}
        {...(prefill ? { prefill } : {})}
        token={apiKey()}
        locale="da"
        renderers={renderers}
        headingLevel={1}
        onChange={onChange}
        onDraftSaved={(r) => void addToCase(r)}
        onSubmitted={(r) => void addToCase(r)}
      />
      {saved ? <p className="draft-saved">{saved}</p> : null}
      <CaseChecks
        api={api}
        caseId={caseId}
        formId={formId}
        version={version}
        data={change?.data}
        local={change?.local ?? NO_ISSUES}
      />
    </div>
  );
}
