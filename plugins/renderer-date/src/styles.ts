/**
 * The stylesheet of the date input and its deadlines: on this plugin's registry entries (`css`), so `<SkemaForm>` adds it
 * beside its own. Colours and sizes come from the form's `--skema-*` custom properties.
 */
export const DATE_CSS = `
.skema-input--date { max-width: 14rem; }
.skema-deadlines { margin: 0; padding-left: 1.125rem; }
.skema-deadline--overdue { color: var(--_error); font-weight: 600; }
`;
