/**
 * The stylesheet of the tables and the role matrix: on this plugin's registry entries (`css`), so `<SkemaForm>` adds it
 * beside its own. Colours and sizes come from the form's `--skema-*` custom properties.
 */
export const RAADGIVNINGSLOG_CSS = `
.skema-table-wrap { overflow-x: auto; margin: 0 0 var(--_space); }
.skema-table { border-collapse: collapse; width: 100%; }
.skema-table caption { text-align: left; font-weight: 700; font-size: 1.0625rem; padding: 0 0 0.5rem; }
.skema-table th, .skema-table td { border: 1px solid var(--skema-color-group-border, #c8cacd); padding: 0.375rem; vertical-align: top; text-align: left; }
.skema-table th { background: var(--_surface); font-weight: 600; }
.skema-table .skema-input { min-width: 9rem; }
.skema-matrix { margin: 0 0 var(--_space); }
.skema-cell .skema-error-message { font-size: 0.875rem; margin: 0.25rem 0 0; }
.skema-table th[scope="row"] { min-width: 10rem; }
`;
