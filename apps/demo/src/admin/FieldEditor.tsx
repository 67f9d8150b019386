import { isGroup, type FieldGroup, type FieldInfo } from './form-fields.js';
import { hidden, required, texts, withListed, withText, type OverlayDraft } from './overlay-draft.js';
import { TextField } from './TextField.js';

interface EditorProps {
  draft: OverlayDraft;
  nationalTexts: Record<string, string>;
  onChange(draft: OverlayDraft): void;
}

const idOf = (pointer: string) => `field${pointer.replace(/\*/g, 'alle').replace(/[^a-zA-Z0-9]/g, '-')}`;

/** Why a toggle cannot be changed, or undefined when it can. */
function hideBlocked(field: FieldInfo, isRequired: boolean): string | undefined {
  if (field.requiredInBase) return 'Kan ikke skjules: feltet skal udfyldes efter den nationale formular (lovkrav).';
  if (isRequired) return 'Kan ikke skjules, så længe feltet skal udfyldes.';
  return undefined;
}

function requireBlocked(field: FieldInfo, isHidden: boolean): string | undefined {
  if (field.requiredInBase) return 'Skal altid udfyldes efter den nationale formular.';
  if (isHidden) return 'Et skjult felt kan ikke gøres påkrævet.';
  return undefined;
}

function Toggle(props: {
  id: string;
  label: string;
  checked: boolean;
  blocked: string | undefined;
  onChange(on: boolean): void;
}) {
  return (
    <div className="toggle">
      <input
        type="checkbox"
        id={props.id}
        checked={props.checked}
        disabled={props.blocked !== undefined}
        onChange={(e) => props.onChange(e.target.checked)}
        {...(props.blocked ? { 'aria-describedby': `${props.id}-why` } : {})}
      />
      <label htmlFor={props.id}>{props.label}</label>
      {props.blocked ? (
        <span id={`${props.id}-why`} className="muted reason">
          {props.blocked}
        </span>
      ) : null}
    </div>
  );
}

function FieldRow(props: EditorProps & { field: FieldInfo }) {
  const { field, draft, nationalTexts } = props;
  const own = texts(draft, 'da');
  const text = (key: string) => own[key] ?? nationalTexts[key] ?? '';
  const id = idOf(field.pointer);
  const isHidden = hidden(draft).includes(field.pointer);
  const isRequired = field.requiredInBase || required(draft).includes(field.pointer);
  const set = (key: string) => (value: string) => props.onChange(withText(draft, key, value, nationalTexts[key]));
  return (
    <fieldset className={`field-edit${isHidden ? ' field-edit--hidden' : ''}`} data-pointer={field.pointer}>
      <legend>{field.section ? `Hele afsnittet «${field.label}»` : field.label}</legend>
      {field.hasText ? (
        <>
          <TextField
            id={`${id}-label`}
            label="Ledetekst"
            value={text(`${field.key}.label`)}
            onChange={set(`${field.key}.label`)}
          />
          <TextField
            id={`${id}-help`}
            label="Hjælpetekst"
            value={text(`${field.key}.description`)}
            onChange={set(`${field.key}.description`)}
            multiline
          />
        </>
      ) : null}
      <div className="toggles">
        <Toggle
          id={`${id}-hide`}
          label="Skjul"
          checked={isHidden}
          blocked={hideBlocked(field, isRequired)}
          onChange={(on) => props.onChange(withListed(draft, 'hide', field.pointer, on))}
        />
        <Toggle
          id={`${id}-require`}
          label="Påkrævet"
          checked={isRequired}
          blocked={requireBlocked(field, isHidden)}
          onChange={(on) => props.onChange(withListed(draft, 'require', field.pointer, on))}
        />
      </div>
      {field.options.length ? (
        <details className="options">
          <summary>Svarmuligheder ({field.options.length})</summary>
          {field.options.map((option, i) => (
            <TextField
              key={option}
              id={`${id}-option-${i}`}
              label={`Tekst for «${nationalTexts[`${field.key}.${option}`] ?? option}»`}
              value={text(`${field.key}.${option}`)}
              onChange={set(`${field.key}.${option}`)}
            />
          ))}
        </details>
      ) : null}
    </fieldset>
  );
}

function Group(props: EditorProps & { group: FieldGroup; level: number }) {
  const Heading = `h${Math.min(props.level, 6)}` as 'h3';
  return (
    <div className={`field-group field-group--${props.group.kind}`}>
      {props.group.label ? (
        <Heading>{props.group.kind === 'step' ? `Trin: ${props.group.label}` : props.group.label}</Heading>
      ) : null}
      {props.group.items.map((item, i) =>
        isGroup(item) ? (
          <Group
            key={`${item.label}#${i}`}
            {...props}
            group={item}
            level={props.group.label ? props.level + 1 : props.level}
          />
        ) : (
          <FieldRow key={item.pointer} {...props} field={item} />
        ),
      )}
    </div>
  );
}

/** The national form's fields as the form groups them, each with its texts and the «Skjul» and «Påkrævet» choices the rules allow. */
export function FieldEditor(props: EditorProps & { outline: FieldGroup }) {
  return (
    <div className="field-editor">
      <Group {...props} group={props.outline} level={4} />
    </div>
  );
}
