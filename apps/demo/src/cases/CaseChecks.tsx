import type { SkemaClient } from '@skema/client';
import type { ValidationIssue } from '@skema/core';
import { useEffect, useState } from 'react';

const key = (i: { code: string; path: string; message: string }) => `${i.code}\u0000${i.path}\u0000${i.message}`;
/** Rule ids (OPS-03); schema keywords (required, type) are the browser's own check either way. */
const RULE_ID = /^[A-ZÆØÅ]+-\d+$/;

/**
 * «Tjek på tværs af sagen»: the data validated by the API in the case (`caseId`), so rules that
 * compare forms (e.g. goals carried from the notat to the leverance) say what they find. Only rule
 * findings the browser's own check does not already show are listed: outside the case those rules
 * can only say that they could not check.
 */
export function CaseChecks(props: {
  api: SkemaClient;
  caseId: string;
  formId: string;
  version: string;
  data: unknown;
  local: readonly ValidationIssue[];
}) {
  const { api, caseId, formId, version, data, local } = props;
  const [issues, setIssues] = useState<Array<{ code: string; path: string; message: string; severity: string }>>();
  const [error, setError] = useState<string>();
  useEffect(() => {
    if (data === undefined) return;
    const abort = new AbortController();
    // After a pause in typing, as the form's own validation.
    const timer = setTimeout(() => {
      api
        .validate(formId, version, data as Record<string, unknown>, {
          caseId,
          mode: 'submitted',
          signal: abort.signal,
        })
        .then((result) => {
          const shown = new Set(local.map(key));
          setIssues([...result.errors, ...result.warnings].filter((i) => RULE_ID.test(i.code) && !shown.has(key(i))));
          setError(undefined);
        })
        .catch((e: Error) => {
          if (!abort.signal.aborted) setError(e.message);
        });
    }, 400);
    return () => {
      clearTimeout(timer);
      abort.abort();
    };
  }, [api, caseId, formId, version, data, local]);
  return (
    <section aria-labelledby="case-checks-title" className="case-checks">
      <h2 id="case-checks-title">Tjek på tværs af sagen</h2>
      <div role="status" aria-live="polite">
        {error ? (
          <p>Tjekket kunne ikke køres: {error}</p>
        ) : !issues ? (
          <p>Tjekker …</p>
        ) : issues.length === 0 ? (
          <p>Ingen fund i forhold til sagens andre skemaer.</p>
        ) : (
          <ul>
            {issues.map((i) => (
              <li key={key(i)} className={i.severity === 'error' ? 'case-check--error' : 'case-check--warning'}>
                <code>{i.code}</code> {i.message}
              </li>
            ))}
          </ul>
        )}
      </div>
    </section>
  );
}
