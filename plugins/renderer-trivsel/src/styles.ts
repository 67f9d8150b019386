/**
 * The stylesheet of the trivsel barometer: on this plugin's registry entries (`css`), so `<SkemaForm>` adds it
 * beside its own. Colours and sizes come from the form's `--skema-*` custom properties.
 */
export const TRIVSEL_CSS = `
.skema-barometer { list-style: none; margin: 0; padding: 0; display: grid; grid-template-columns: repeat(5, minmax(0, 1fr)); gap: 0.5rem; }
.skema-barometer-level { border: 2px solid var(--skema-color-group-border, #c8cacd); border-top: 0.5rem solid var(--_level); border-radius: var(--_radius); padding: 0.5rem; display: flex; flex-direction: column; gap: 0.25rem; }
.skema-barometer-level[data-selected] { border-color: var(--_level); box-shadow: inset 0 0 0 2px var(--_level); }
.skema-barometer-level > label { font-weight: 700; display: flex; gap: 0.375rem; align-items: baseline; }
.skema-barometer-level input { margin: 0 0 0.25rem; width: 1.25rem; height: 1.25rem; accent-color: var(--_primary); }
.skema-barometer-step { display: inline-block; min-width: 1.5rem; text-align: center; border-radius: 999px; background: var(--_level); color: #ffffff; }
.skema-barometer-signs { margin: 0; font-size: 0.875rem; color: var(--_muted); }
.skema-barometer-level--1 { --_level: var(--skema-trivsel-1, #1d6b35); }
.skema-barometer-level--2 { --_level: var(--skema-trivsel-2, #4d6b12); }
.skema-barometer-level--3 { --_level: var(--skema-trivsel-3, #8a5a00); }
.skema-barometer-level--4 { --_level: var(--skema-trivsel-4, #a4461a); }
.skema-barometer-level--5 { --_level: var(--skema-trivsel-5, #a3132b); }
.skema-barometer-details dl { display: grid; grid-template-columns: max-content 1fr; gap: 0.25rem 1rem; margin: 0.75rem 0 0; }
.skema-barometer-details dt { font-weight: 600; }
.skema-barometer-details dd { margin: 0; }
@media (max-width: 48rem) { .skema-barometer { grid-template-columns: 1fr; } }
`;
