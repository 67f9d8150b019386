import type { ValidationIssue } from '@skema/core';
import { forwardRef, type MouseEvent } from 'react';
import { fieldId } from './pointer.js';

export interface ErrorSummaryProps {
  issues: readonly ValidationIssue[];
  title: string;
  idPrefix: string;
  /** Moves focus to the field (switching steps first if needed). */
  onSelect: (pointer: string) => void;
  /** `error` announces itself (role=alert); `warning` does not interrupt. */
  kind?: 'error' | 'warning';
}

/**
 * The list of problems at the top of the form. Each entry links to its field's predictable id; the
 * click handler focuses the field itself, since a plain fragment link does not move keyboard focus
 * into a hidden step or a shadow root.
 */
export const ErrorSummary = forwardRef<HTMLDivElement, ErrorSummaryProps>(function ErrorSummary(props, ref) {
  const { issues, title, idPrefix, onSelect, kind = 'error' } = props;
  const headingId = `${idPrefix}-${kind}-summary-title`;
  return (
    <div
      ref={ref}
      className={kind === 'error' ? 'skema-error-summary' : 'skema-warning-summary'}
      role={kind === 'error' ? 'alert' : undefined}
      aria-labelledby={headingId}
      tabIndex={-1}
    >
      <h2 id={headingId}>{title}</h2>
      <ul>
        {issues.map((issue, index) => (
          <li key={`${issue.path}:${issue.code}:${index}`} data-code={issue.code}>
            {issue.path ? (
              <a
                href={`#${fieldId(issue.path, idPrefix)}`}
                onClick={(event: MouseEvent<HTMLAnchorElement>) => {
                  event.preventDefault();
                  onSelect(issue.path);
                }}
              >
                {issue.message}
              </a>
            ) : (
              issue.message
            )}
          </li>
        ))}
      </ul>
    </div>
  );
});
