/**
 * The stylesheet of the approval blocks: on this plugin's registry entries (`css`), so `<SkemaForm>` adds it
 * beside its own. Colours and sizes come from the form's `--skema-*` custom properties.
 */
export const APPROVALS_CSS = `
.skema-approval { border-left: 4px solid var(--_border); padding: 0.25rem 0 0.25rem var(--_space); margin: 0 0 var(--_space); }
.skema-approval--done { border-left-color: var(--_success); }
.skema-approval-title { font-size: 1rem; margin: 0 0 0.25rem; }
.skema-approval-status { margin: 0 0 0.5rem; }
.skema-approval summary { cursor: pointer; color: var(--_primary); font-weight: 600; margin: 0 0 0.5rem; }
.skema-approvals-list { margin: 0 0 0.5rem; padding-left: 1.25rem; }
.skema-approval-unverified { font-style: italic; }
.skema-approval-actions { display: flex; gap: 0.5rem; flex-wrap: wrap; margin: 0 0 0.5rem; }
.skema-approval-live:empty { display: none; }
.skema-approval-error { color: var(--_error); margin: 0 0 0.5rem; }
.skema-approval-history { margin: 0.5rem 0 0; }
.skema-approval-history-title { font-weight: 600; margin: 0 0 0.25rem; }
.skema-approval-history ul { margin: 0; padding-left: 1.25rem; font-style: italic; }
`;
