import type { ReactNode } from 'react';

export interface TableFrameProps {
  baseId: string;
  pointer: string;
  visible: boolean;
  label: string;
  description?: string | undefined;
  errors?: string | undefined;
  /** Buttons below the table (add a row, a role…). */
  actions?: ReactNode;
  /** The table's head and body. */
  children: ReactNode;
  /** Extra class on the table (e.g. `skema-table--matrix`). */
  className?: string;
}

/**
 * The accessible frame every table renderer of the rådgivningslog shares: a captioned table in a
 * focusable, labelled region (wide tables scroll on their own), with the field's description and
 * error message linked to it.
 */
export function TableFrame({
  baseId,
  pointer,
  visible,
  label,
  description,
  errors,
  actions,
  children,
  className,
}: TableFrameProps) {
  const describedBy =
    [errors ? `${baseId}-error` : '', description ? `${baseId}-description` : ''].filter(Boolean).join(' ') ||
    undefined;
  // Hidden by a rule: no table inside, so nothing to reach and no ids twice in the page.
  if (!visible) return <div className="skema-matrix" hidden data-pointer={pointer} />;
  return (
    <div className="skema-matrix" data-pointer={pointer}>
      {description ? (
        <div id={`${baseId}-description`} className="skema-description">
          {description}
        </div>
      ) : null}
      {errors ? (
        <p id={`${baseId}-error`} className="skema-error-message">
          {errors}
        </p>
      ) : null}
      <div
        className="skema-table-wrap"
        id={baseId}
        tabIndex={-1}
        role="region"
        aria-labelledby={`${baseId}-caption`}
        aria-describedby={describedBy}
      >
        <table className={className ? `skema-table ${className}` : 'skema-table'}>
          <caption id={`${baseId}-caption`}>{label}</caption>
          {children}
        </table>
      </div>
      {actions}
    </div>
  );
}
