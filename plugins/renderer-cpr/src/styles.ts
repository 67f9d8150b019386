/**
 * The stylesheet of the CPR input: on this plugin's registry entries (`css`), so `<SkemaForm>` adds it
 * beside its own. Colours and sizes come from the form's `--skema-*` custom properties.
 */
export const CPR_CSS = `
.skema-input--cpr { max-width: 12rem; }
`;
