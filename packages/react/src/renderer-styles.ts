import type { JsonFormsRendererRegistryEntry } from '@jsonforms/core';

/**
 * A renderer plugin's registry entry. `css` is the plugin's own stylesheet: each renderer package
 * ships the styles of its markup, and `<SkemaForm>` adds them beside its own (in a shadow root too).
 */
export interface SkemaRendererEntry extends JsonFormsRendererRegistryEntry {
  readonly css?: string;
}

/** The distinct stylesheets of these renderers, in their order (a plugin's entries share one). */
export function rendererCss(renderers: readonly SkemaRendererEntry[] = []): string {
  return [...new Set(renderers.map((r) => r.css).filter((css): css is string => !!css))].join('\n');
}
