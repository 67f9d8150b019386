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
`;
