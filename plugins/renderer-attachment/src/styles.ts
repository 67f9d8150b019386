/**
 * The stylesheet of the file field: on this plugin's registry entries (`css`), so `<SkemaForm>` adds
 * it beside its own. Colours and sizes come from the form's `--skema-*` custom properties.
 */
export const ATTACHMENT_CSS = `
.skema-attachment__files { list-style: none; margin: 0 0 0.5rem; padding: 0; }
.skema-attachment__file { display: flex; flex-wrap: wrap; align-items: center; gap: 0.5rem; padding: 0.375rem 0; border-bottom: 1px solid var(--skema-color-group-border, #c8cacd); }
.skema-attachment__name { font-weight: 600; overflow-wrap: anywhere; }
.skema-attachment__size { color: var(--skema-color-muted, #4b4b4b); }
.skema-input--file { padding: 0.375rem; max-width: 100%; }
.skema-attachment__allowed, .skema-attachment__unavailable { color: var(--skema-color-muted, #4b4b4b); font-size: 0.9375rem; margin: 0.25rem 0 0; }
.skema-attachment__progress { display: flex; flex-wrap: wrap; align-items: center; gap: 0.5rem; margin-top: 0.5rem; }
.skema-attachment__progress progress { flex: 1 1 12rem; height: 1rem; accent-color: var(--skema-color-primary, #0b4f8a); }
.skema-attachment__error { margin-top: 0.5rem; }
`;
