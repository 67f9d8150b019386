import type { ConfigProblem } from './admin-api.js';

/** Problems with an overlay, each with its place in the document (a JSON Pointer). */
export function ProblemList(props: { problems: readonly ConfigProblem[]; id?: string }) {
  if (props.problems.length === 0) return null;
  return (
    <ul className="problems" {...(props.id ? { id: props.id } : {})}>
      {props.problems.map((p, i) => (
        <li key={`${p.path}#${i}`}>
          <code>{p.path || '/'}</code> {p.message}
        </li>
      ))}
    </ul>
  );
}
