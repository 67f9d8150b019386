/**
 * The stylesheet of the amount input: on this plugin's registry entries (`css`), so `<SkemaForm>` adds it
 * beside its own. Colours and sizes come from the form's `--skema-*` custom properties.
 */
export const DKK_CSS = `
.skema-amount { display: flex; align-items: center; gap: 0.5rem; max-width: 16rem; }
.skema-amount-unit { font-weight: 600; }
`;
