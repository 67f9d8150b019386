/**
 * The stylesheet of the tables and the role matrix: on this plugin's registry entries (`css`), so `<SkemaForm>` adds it
 * beside its own. Colours and sizes come from the form's `--skema-*` custom properties.
 */
export const RAADGIVNINGSLOG_CSS = `
.skema-matrix { margin: 0 0 var(--_space); container-type: inline-size; }
.skema-table-wrap { overflow-x: auto; margin: 0 0 var(--_space); }
.skema-table { border-collapse: collapse; width: 100%; }
.skema-table caption { text-align: left; font-weight: 700; font-size: 1.0625rem; padding: 0 0 0.5rem; }
.skema-table th, .skema-table td { border: 1px solid var(--skema-color-group-border, #c8cacd); padding: 0.375rem; vertical-align: top; text-align: left; }
.skema-table th { background: var(--_surface); font-weight: 600; }
.skema-table .skema-input { min-width: 6rem; width: 100%; }
.skema-table input[type="date"].skema-input { min-width: 9.5rem; }
.skema-table--matrix th[scope="row"] { min-width: 8rem; }
.skema-table td.skema-table-actions { width: 1%; white-space: nowrap; }
.skema-table .skema-array-actions { flex-wrap: nowrap; gap: 0.25rem; }
.skema-cell .skema-error-message { font-size: 0.875rem; margin: 0.25rem 0 0; }
/* A phone (or a narrow column): one block per row, each value under its column's name. */
@container (max-width: 480px) {
  .skema-table, .skema-table tbody, .skema-table tr, .skema-table th, .skema-table td { display: block; width: auto; }
  .skema-table thead, .skema-table tr.skema-table-head { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }
  .skema-table tr { border: 1px solid var(--skema-color-group-border, #c8cacd); margin: 0 0 0.75rem; }
  .skema-table th, .skema-table td { border: 0; }
  .skema-table td[data-label]::before { content: attr(data-label) / ""; display: block; font-weight: 600; margin: 0 0 0.25rem; }
  .skema-table .skema-input, .skema-table input[type="date"].skema-input, .skema-table--matrix th[scope="row"] { min-width: 0; }
  .skema-table td.skema-table-actions { width: auto; white-space: normal; }
  .skema-table .skema-array-actions { flex-wrap: wrap; }
}
`;
