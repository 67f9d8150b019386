// @vitest-environment jsdom
import { cleanup, render } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { SkemaRendererEntry } from './renderer-styles.js';
import { SkemaForm } from './SkemaForm.js';
import { fakeApi } from './test/fake-api.js';
import { fixtureForm, fixturePlugins } from './test/fixture-form.js';

afterEach(cleanup);

const PLUGIN_CSS = '.skema-plugin-x { color: red; }';
const never = () => -1;
// Two entries of one plugin share its stylesheet.
const renderers: readonly SkemaRendererEntry[] = [
  { tester: never, renderer: () => null, css: PLUGIN_CSS },
  { tester: never, renderer: () => null, css: PLUGIN_CSS },
];

function styleText(extra: Partial<Parameters<typeof SkemaForm>[0]> = {}): string[] {
  const api = fakeApi(fixtureForm);
  const { container } = render(
    <SkemaForm form={fixtureForm} plugins={fixturePlugins} fetch={api.fetch} today="2026-06-01" {...extra} />,
  );
  return [...container.querySelectorAll('style')].map((s) => s.textContent ?? '');
}

describe('SkemaForm styles', () => {
  it("adds each renderer plugin's own stylesheet once, after the form's", () => {
    const [css] = styleText({ renderers });
    expect(css!.split(PLUGIN_CSS)).toHaveLength(2);
    expect(css!.indexOf('.skema-form {')).toBeLessThan(css!.indexOf(PLUGIN_CSS));
  });

  it('sets its own text baseline, so a host that centres #root does not centre the form', () => {
    const [css] = styleText();
    expect(css).toMatch(/\.skema-form \{[^}]*text-align: start;/);
  });

  it('injects nothing with injectStyles={false}', () => {
    expect(styleText({ renderers, injectStyles: false })).toEqual([]);
  });
});
