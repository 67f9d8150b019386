import { useState } from 'react';
import {
  ownFields,
  withOwnField,
  withoutOwnField,
  withText,
  type OverlayDraft,
  type OwnFieldType,
} from './overlay-draft.js';
import { TextField } from './TextField.js';

const TYPES: Record<OwnFieldType, string> = { text: 'Tekst', yesno: 'Ja/nej', date: 'Dato', number: 'Tal' };

/** The municipality's own fields: rename, require or remove them, and add new ones (kept apart from the national fields). */
export function OwnFields(props: {
  draft: OverlayDraft;
  tenantId: string;
  municipality: string;
  onChange(draft: OverlayDraft): void;
}) {
  const { draft, tenantId } = props;
  const [label, setLabel] = useState('');
  const [type, setType] = useState<OwnFieldType>('text');
  const [mustFill, setMustFill] = useState(false);
  const [message, setMessage] = useState('');
  const fields = ownFields(draft, tenantId);

  const setRequired = (name: string, on: boolean) => {
    const current = draft.fields as { properties: Record<string, unknown>; required?: string[] };
    const names = (current.required ?? []).filter((n) => n !== name);
    const next = on ? [...names, name] : names;
    const { required: _old, ...rest } = current;
    props.onChange({ ...draft, fields: next.length ? { ...rest, required: next } : rest });
  };

  const add = () => {
    if (!label.trim()) {
      setMessage('Skriv feltets ledetekst først.');
      return;
    }
    props.onChange(withOwnField(draft, tenantId, { label: label.trim(), type, required: mustFill }));
    setMessage(`Feltet «${label.trim()}» er tilføjet.`);
    setLabel('');
    setMustFill(false);
  };

  return (
    <section aria-labelledby="own-fields-title" className="own-fields">
      <h3 id="own-fields-title">{props.municipality}s egne felter</h3>
      <p className="muted">Egne felter vises i et afsnit for sig sidst i formularen.</p>
      {fields.map((f) => (
        <fieldset key={f.name} className="field-edit" data-own-field={f.name}>
          <legend>{f.label}</legend>
          <TextField
            id={`own-${f.name}-label`}
            label="Ledetekst"
            value={f.label}
            onChange={(v) => v.trim() && props.onChange(withText(draft, `x-${tenantId}.${f.name}.label`, v, undefined))}
          />
          <div className="toggles">
            <div className="toggle">
              <input
                type="checkbox"
                id={`own-${f.name}-require`}
                checked={f.required}
                onChange={(e) => setRequired(f.name, e.target.checked)}
              />
              <label htmlFor={`own-${f.name}-require`}>Påkrævet</label>
            </div>
            <button type="button" onClick={() => props.onChange(withoutOwnField(draft, tenantId, f.name))}>
              Fjern<span className="visually-hidden"> feltet {f.label}</span>
            </button>
          </div>
        </fieldset>
      ))}
      <fieldset className="add-field">
        <legend>Tilføj et felt</legend>
        <div className="text-field">
          <label htmlFor="new-field-label">Ledetekst for det nye felt</label>
          <input
            id="new-field-label"
            type="text"
            value={label}
            onChange={(e) => setLabel(e.target.value)}
            onKeyDown={(e) => e.key === 'Enter' && (e.preventDefault(), add())}
          />
        </div>
        <div className="text-field">
          <label htmlFor="new-field-type">Slags svar</label>
          <select id="new-field-type" value={type} onChange={(e) => setType(e.target.value as OwnFieldType)}>
            {Object.entries(TYPES).map(([value, text]) => (
              <option key={value} value={value}>
                {text}
              </option>
            ))}
          </select>
        </div>
        <div className="toggle">
          <input
            type="checkbox"
            id="new-field-required"
            checked={mustFill}
            onChange={(e) => setMustFill(e.target.checked)}
          />
          <label htmlFor="new-field-required">Påkrævet</label>
        </div>
        <button type="button" onClick={add}>
          Tilføj felt
        </button>
        <p role="status" className="muted">
          {message}
        </p>
      </fieldset>
    </section>
  );
}
