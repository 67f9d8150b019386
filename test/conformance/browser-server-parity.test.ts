import type { FormVersion, RuleOptionsByRule, SkemaPlugin } from '@skema/core';
import { createStandardEngine, loadForms, schemasDir, standardPlugins } from '@skema/forms';
import { getEngine, standardBrowserPlugins } from '@skema/react';
import { describe, expect, it } from 'vitest';
import { outcome } from './outcome.js';

/**
 * The browser (`@skema/react`) runs the business rules for instant feedback and promises the same
 * rule ids, severities and messages as the server. Its plugin list is a copy of `standardPlugins()`
 * (which reads the file system and cannot go to the browser), so the two lists must not drift,
 * and the two engines must judge every example of every form alike.
 */

const DEFAULT_TODAY = '2026-06-01';

/** Everything of a plugin that changes a validation's outcome, as comparable data. */
function pluginShape(plugin: SkemaPlugin) {
  const keys = (record: object | undefined) => Object.keys(record ?? {}).sort();
  return {
    name: plugin.name,
    version: plugin.version,
    formats: keys(plugin.formats),
    keywords: (plugin.keywords ?? []).flatMap((k) => (Array.isArray(k.keyword) ? k.keyword : [k.keyword])).sort(),
    messages: keys(plugin.messages),
    rules: (plugin.rules ?? []).map((r) => ({
      id: r.id,
      severity: r.severity,
      appliesTo: [...r.appliesTo].sort(),
      options: keys(r.options),
    })),
    deadlines: (plugin.deadlines ?? []).map((d) => ({
      id: d.id,
      appliesTo: [...d.appliesTo].sort(),
      options: keys(d.options),
    })),
    calendar: plugin.calendar !== undefined,
    migrations: keys(plugin.migrations),
  };
}

const server = createStandardEngine();
const browser = getEngine();
const forms = loadForms(schemasDir());

/** Every warning rule raised to an error, as a tenant may: the options must act alike on both sides. */
const allRaised: RuleOptionsByRule = Object.fromEntries(
  server
    .catalogue()
    .filter(({ kind, rule }) => kind === 'rule' && (rule as { severity?: string }).severity === 'warning')
    .map(({ rule }) => [rule.id, { severity: 'error' }]),
);

describe('browser and server plugins', () => {
  it('the browser registers the plugins of standardPlugins(): same names, versions, order, rule and deadline ids', () => {
    expect(standardBrowserPlugins().map(pluginShape)).toEqual(standardPlugins().map(pluginShape));
  });

  it("the browser engine's rule catalogue is the server engine's", () => {
    const catalogue = (engine: typeof server) =>
      engine.catalogue().map(({ plugin, rule, kind }) => `${plugin.name}@${plugin.version} ${kind} ${rule.id}`);
    expect(catalogue(browser)).toEqual(catalogue(server));
    expect(catalogue(server).length).toBeGreaterThan(50);
  });

  it('some warning rule exists to raise (UND-07 among them)', () => {
    expect(allRaised['UND-07']).toEqual({ severity: 'error' });
  });
});

function examplesOf(form: FormVersion) {
  return [
    ...(form.examples?.valid ?? []).map((e) => ['valid', e] as const),
    ...(form.examples?.invalid ?? []).map((e) => ['invalid', e] as const),
  ];
}

describe.each(forms.map((f) => [`${f.manifest.id}@${f.manifest.version}`, f] as const))(
  '%s: browser and server judge its examples alike',
  (_name, form) => {
    // The browser validates the compiled form (SkemaForm compiles once), the server the form version.
    const compiled = browser.compile(form);

    it('has examples to compare', () => {
      expect(examplesOf(form).length).toBeGreaterThan(0);
    });

    for (const [kind, example] of examplesOf(form)) {
      const today = example.today ?? DEFAULT_TODAY;
      it(`${kind}/${example.name}: same errors, warnings and deadlines (${today}), without and with raised rule options`, () => {
        for (const ruleOptions of [undefined, allRaised]) {
          for (const locale of ['da', 'en'] as const) {
            const options = { today, locale, mode: 'submitted' as const, ...(ruleOptions ? { ruleOptions } : {}) };
            const onServer = outcome(server.validate(form, example.data, options));
            const inBrowser = outcome(browser.validate(compiled, example.data, options));
            expect(inBrowser).toEqual(onServer);
          }
        }
      });
    }
  },
);
