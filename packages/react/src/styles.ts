/**
 * The component's stylesheet. Every colour, font and size is a `--skema-*` custom property, so a
 * host page (or the web component's shadow root) restyles the form without touching its markup.
 * Defaults meet WCAG 2.1 AA contrast on white. Renderer plugins bring the styles of their own
 * markup (`css` on their registry entries, see renderer-styles.ts).
 */
export const SKEMA_CSS = `
.skema-form {
  --_text: var(--skema-color-text, #1b1b1b);
  --_muted: var(--skema-color-muted, #4b4b4b);
  --_bg: var(--skema-color-background, #ffffff);
  --_surface: var(--skema-color-surface, #f4f5f7);
  --_border: var(--skema-color-border, #6b6b6b);
  --_primary: var(--skema-color-primary, #0b4f8a);
  --_on-primary: var(--skema-color-on-primary, #ffffff);
  --_error: var(--skema-color-error, #b3001b);
  --_warning-bg: var(--skema-color-warning-background, #fff4d6);
  --_warning: var(--skema-color-warning, #6b4400);
  --_success: var(--skema-color-success, #0f6b36);
  --_focus: var(--skema-color-focus, #ffbf1f);
  --_radius: var(--skema-radius, 4px);
  --_space: var(--skema-spacing, 1rem);
  font-family: var(--skema-font-family, system-ui, -apple-system, "Segoe UI", Roboto, sans-serif);
  font-size: var(--skema-font-size, 1rem);
  line-height: 1.5;
  color: var(--_text);
  background: var(--_bg);
  max-width: var(--skema-max-width, 60rem);
  /* Inherited text properties a host page may set on a parent (a Vite app centres #root): reset. */
  text-align: start;
  text-indent: 0;
  text-transform: none;
  letter-spacing: normal;
  word-spacing: normal;
}
.skema-form *, .skema-form *::before, .skema-form *::after { box-sizing: border-box; }
/* JSON Forms hides controls with the hidden attribute only; author CSS (display:flex etc.) must not revive them. */
.skema-form [hidden] { display: none !important; }
.skema-form h2, .skema-form h3 { line-height: 1.25; margin: 0 0 calc(var(--_space) * 0.75); }
.skema-title { font-size: var(--skema-title-size, 1.75rem); }
.skema-form fieldset { border: 0; margin: 0; padding: 0; min-width: 0; }
.skema-form .group-layout, .skema-object {
  border: 1px solid var(--skema-color-group-border, #c8cacd) !important;
  border-radius: var(--_radius);
  padding: var(--_space) !important;
  margin: 0 0 var(--_space) !important;
}
.skema-form .group-layout > legend, .skema-legend {
  font-weight: 700;
  font-size: 1.125rem;
  padding: 0 0.25rem;
}
.skema-form .vertical-layout { display: flex; flex-direction: column; }
.skema-form .horizontal-layout { display: flex; flex-wrap: wrap; gap: 0 var(--_space); }
.skema-form .horizontal-layout-item { flex: 1 1 12rem; min-width: 0; }
.skema-field { margin: 0 0 var(--_space); }
.skema-label { display: block; font-weight: 600; margin-bottom: 0.25rem; }
.skema-required { color: var(--_error); }
.skema-description, .skema-hint { color: var(--_muted); font-size: 0.9375rem; margin: 0 0 0.375rem; white-space: pre-line; }
.skema-hint { margin: 0.375rem 0 0; }
.skema-input {
  display: block;
  width: 100%;
  font: inherit;
  color: var(--_text);
  background: var(--skema-input-background, #ffffff);
  border: 2px solid var(--_border);
  border-radius: var(--_radius);
  padding: 0.4375rem 0.5rem;
  min-height: 2.5rem;
}
.skema-input:disabled, .skema-form input:disabled + label { color: var(--_muted); background: var(--_surface); }
.skema-textarea { min-height: 6rem; resize: vertical; }
.skema-input--number { max-width: 14rem; }
.skema-field--invalid .skema-input, .skema-field--invalid .skema-choices { border-color: var(--_error); }
.skema-field--invalid { border-left: 4px solid var(--_error); padding-left: 0.75rem; }
.skema-error-message { color: var(--_error); font-weight: 700; margin: 0 0 0.375rem; white-space: pre-line; }
.skema-warning-message { color: var(--_warning); background: var(--_warning-bg); border-radius: var(--_radius); padding: 0.25rem 0.5rem; margin: 0 0 0.375rem; }
.skema-warning-message p { margin: 0; }
.skema-choices { display: flex; flex-direction: column; gap: 0.25rem; }
.skema-choices--inline { flex-direction: row; gap: var(--_space); }
.skema-choice { display: flex; align-items: center; gap: 0.5rem; }
.skema-choice input { width: 1.25rem; height: 1.25rem; margin: 0; accent-color: var(--_primary); }
.skema-form :focus-visible, .skema-form .skema-input:focus {
  outline: 3px solid var(--_focus);
  outline-offset: 0;
  box-shadow: 0 0 0 5px var(--_text);
}
.skema-form [tabindex="-1"]:focus:not(:focus-visible) { outline: none; box-shadow: none; }
.skema-button {
  font: inherit;
  font-weight: 600;
  border: 2px solid var(--_primary);
  border-radius: var(--_radius);
  background: var(--_primary);
  color: var(--_on-primary);
  padding: 0.5rem 1.125rem;
  cursor: pointer;
  min-height: 2.75rem;
}
.skema-button--secondary { background: var(--_bg); color: var(--_primary); }
.skema-button--small { padding: 0.25rem 0.625rem; min-height: 2.25rem; font-size: 0.9375rem; }
.skema-button:disabled { opacity: 0.6; cursor: not-allowed; }
.skema-actions { display: flex; flex-wrap: wrap; gap: var(--_space); margin: calc(var(--_space) * 1.5) 0 var(--_space); }
.skema-array-items { list-style: none; margin: 0 0 var(--_space); padding: 0; }
.skema-array-item { border-left: 3px solid var(--skema-color-group-border, #c8cacd); padding: 0 0 0 var(--_space); margin: 0 0 var(--_space); }
.skema-legend--item { font-size: 1rem; }
.skema-array-actions { display: flex; gap: 0.5rem; flex-wrap: wrap; }
.skema-empty { color: var(--_muted); margin: 0 0 0.5rem; }
.skema-error-summary {
  border: 4px solid var(--_error);
  border-radius: var(--_radius);
  padding: var(--_space);
  margin: 0 0 calc(var(--_space) * 1.5);
}
.skema-error-summary h2 { font-size: 1.25rem; }
.skema-error-summary ul { margin: 0; padding-left: 1.25rem; }
.skema-error-summary a { color: var(--_error); font-weight: 700; }
.skema-warning-summary { border-left: 6px solid var(--_warning); background: var(--_warning-bg); padding: 0.75rem var(--_space); margin: 0 0 var(--_space); }
.skema-warning-summary h2 { font-size: 1.125rem; color: var(--_warning); }
.skema-warning-summary a { color: var(--_warning); }
.skema-status { margin: var(--_space) 0; }
.skema-status--success { border-left: 6px solid var(--_success); background: #eef7f1; padding: 0.75rem var(--_space); }
.skema-status--error { border-left: 6px solid var(--_error); background: #fdf0f1; padding: 0.75rem var(--_space); }
.skema-receipt dl { display: grid; grid-template-columns: max-content 1fr; gap: 0.25rem 1rem; margin: 0.5rem 0 0; }
.skema-receipt dt { font-weight: 600; }
.skema-receipt dd { margin: 0; overflow-wrap: anywhere; }
.skema-steps-nav ol { list-style: none; display: flex; flex-wrap: wrap; gap: 0.5rem; margin: 0 0 var(--_space); padding: 0; }
.skema-step {
  font: inherit;
  border: 2px solid var(--_primary);
  border-radius: 999px;
  background: var(--_bg);
  color: var(--_primary);
  padding: 0.25rem 0.875rem;
  cursor: pointer;
}
.skema-step[aria-current="step"] { background: var(--_primary); color: var(--_on-primary); }
.skema-step-number { font-weight: 700; }
.skema-step-errors { font-weight: 700; }
.skema-step[aria-current="step"] .skema-step-errors { color: var(--_on-primary); }
.skema-step:not([aria-current="step"]) .skema-step-errors { color: var(--_error); }
.skema-step-buttons { display: flex; gap: var(--_space); margin: var(--_space) 0; }
.skema-text { margin: 0 0 var(--_space); }
.skema-visually-hidden {
  position: absolute !important; width: 1px !important; height: 1px !important; padding: 0 !important;
  margin: -1px !important; overflow: hidden !important; clip: rect(0, 0, 0, 0) !important; white-space: nowrap !important; border: 0 !important;
}
.skema-loading { color: var(--_muted); }
.skema-document dl { display: grid; grid-template-columns: minmax(10rem, 35%) 1fr; gap: 0.25rem 1rem; margin: 0 0 var(--_space); }
.skema-document dt { font-weight: 600; }
.skema-document dd { margin: 0; white-space: pre-wrap; overflow-wrap: anywhere; }
.skema-document section { margin: 0 0 var(--_space); }
@media (prefers-reduced-motion: no-preference) { .skema-form :focus-visible { transition: box-shadow 0.1s; } }
@media print {
  .skema-actions, .skema-steps-nav, .skema-step-buttons, .skema-array-actions, .skema-array > button { display: none !important; }
  .skema-form { max-width: none; }
}
`;
