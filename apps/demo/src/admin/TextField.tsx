import { useEffect, useRef, useState } from 'react';

/**
 * A labelled text input that keeps what is typed while it has focus: the page turns an empty or
 * national text into "no change of the municipality's own", which must not snap back mid-typing.
 */
export function TextField(props: {
  id: string;
  label: string;
  value: string;
  onChange(value: string): void;
  multiline?: boolean;
  describedBy?: string;
}) {
  const [local, setLocal] = useState(props.value);
  const ref = useRef<HTMLInputElement & HTMLTextAreaElement>(null);
  useEffect(() => {
    if (document.activeElement !== ref.current) setLocal(props.value);
  }, [props.value]);
  const common = {
    id: props.id,
    ref,
    value: local,
    onChange: (e: { target: { value: string } }) => {
      setLocal(e.target.value);
      props.onChange(e.target.value);
    },
    onBlur: () => setLocal(props.value),
    ...(props.describedBy ? { 'aria-describedby': props.describedBy } : {}),
  };
  return (
    <div className="text-field">
      <label htmlFor={props.id}>{props.label}</label>
      {props.multiline ? <textarea rows={2} {...common} /> : <input type="text" {...common} />}
    </div>
  );
}
