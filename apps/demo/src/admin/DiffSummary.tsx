import type { RequiredBump } from '@skema/core';
import type { ConfigDiff } from './admin-api.js';

const BUMP_TEXT: Record<RequiredBump, string> = {
  major: 'major (brydende ændring)',
  minor: 'minor (bagudkompatibel tilføjelse)',
  patch: 'patch (tekster og visning)',
  none: 'ingen',
};

/** The classified changes of an effective form and the version bump they require, described in Danish. */
export function DiffSummary(props: {
  diff?: ConfigDiff | undefined;
  requiredBump?: RequiredBump | undefined;
  previousVersion?: string | undefined;
  title?: string;
  headingLevel: 3 | 4;
}) {
  const required = props.requiredBump ?? props.diff?.requiredBump;
  if (!props.diff && !required) return null;
  const Heading = `h${props.headingLevel}` as const;
  const changes = props.diff?.changes ?? [];
  return (
    <div className="diff">
      <Heading>
        {props.title ?? 'Ændringer'}
        {props.title
          ? ''
          : props.diff?.from && props.diff.to
            ? ` (${props.diff.from} → ${props.diff.to})`
            : props.previousVersion
              ? ` siden version ${props.previousVersion}`
              : ''}
      </Heading>
      {required ? (
        <p>
          Krævet versionsløft: <strong data-bump={required}>{BUMP_TEXT[required]}</strong>
        </p>
      ) : null}
      {changes.length === 0 ? (
        <p className="muted">Ingen ændringer.</p>
      ) : (
        <ul className="changes">
          {changes.map((c, i) => (
            <li key={`${c.path}#${c.kind}#${i}`}>
              <span className={`level level--${c.level}`}>{c.level}</span> <code>{c.path}</code> {c.messages.da}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
