/** The advanced view: the overlay as JSON in a plain, labelled text area; a parse error is announced and described on the field. */
export function OverlayEditor(props: {
  value: string;
  onChange(value: string): void;
  parseError?: string | undefined;
}) {
  const invalid = props.parseError !== undefined;
  return (
    <div className="overlay-editor">
      <label htmlFor="overlay-json">Indstillingerne som JSON</label>
      <p id="overlay-json-help" className="muted">
        Alt hvad formularredigeringen ovenfor gemmer, og mere: tekster (<code>texts</code>), skjulte felter (
        <code>hide</code>), krævede felter (<code>require</code>), skærpede regler (<code>constraints</code>), egne
        felter (<code>fields</code>) og regelindstillinger (<code>ruleOptions</code>). Forhåndsvisningen opdateres, når
        du holder pause i skrivningen.
      </p>
      <textarea
        id="overlay-json"
        value={props.value}
        onChange={(e) => props.onChange(e.target.value)}
        rows={18}
        spellCheck={false}
        autoCapitalize="off"
        autoCorrect="off"
        aria-invalid={invalid}
        aria-describedby={invalid ? 'overlay-json-help overlay-json-error' : 'overlay-json-help'}
      />
      {/* Always present, so screen readers hear a parse error politely while typing, not as an interruption. */}
      <p id="overlay-json-error" aria-live="polite" className="field-error">
        {props.parseError}
      </p>
    </div>
  );
}
