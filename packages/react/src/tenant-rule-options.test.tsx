// @vitest-environment jsdom
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FormManifest, FormVersion, RuleOptionsByRule } from '@skema/core';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { SkemaFormChange } from './FormView.js';
import { SkemaForm } from './SkemaForm.js';
import { fakeApi } from './test/fake-api.js';

afterEach(cleanup);

// The real underretning form and the standard plugins: the same rule the server raises for a tenant.
const dir = join(dirname(fileURLToPath(import.meta.url)), '../../../schemas/underretning/1.0.0');
const read = (file: string) => JSON.parse(readFileSync(join(dir, file), 'utf8')) as Record<string, unknown>;
const underretning: FormVersion = {
  manifest: read('form.json') as unknown as FormManifest,
  schema: read('schema.json'),
  uischema: read('uischema.json'),
  i18n: { da: read('i18n/da.json') as Record<string, string>, en: read('i18n/en.json') as Record<string, string> },
  hash: 'sha256-underretning-tenant-options-test',
};

/** A complete notification to Ankestyrelsen without the child's CPR number: UND-07's case. */
function withoutCpr(): unknown {
  const example = read('examples/valid/ankestyrelsen-saerlige-forhold.json') as {
    data: { barn: Record<string, unknown> };
  };
  const { cpr: _cpr, ...barn } = example.data.barn;
  return { ...example.data, barn };
}

function renderWith(
  tenantRuleOptions: RuleOptionsByRule | undefined,
  tenant: { tenantCalendar?: Record<string, unknown>; data?: unknown } = {},
) {
  const api = fakeApi(underretning, (call) => {
    if (call.method !== 'GET' || !call.url.includes('/forms/underretning/versions/')) return undefined;
    const { manifest, ...rest } = underretning;
    return {
      status: 200,
      body: {
        ...manifest,
        ...rest,
        ...(tenantRuleOptions ? { tenantRuleOptions } : {}),
        ...(tenant.tenantCalendar ? { tenantCalendar: tenant.tenantCalendar } : {}),
      },
    };
  });
  const changes: SkemaFormChange[] = [];
  const onChange = vi.fn((change: SkemaFormChange) => changes.push(change));
  render(
    <SkemaForm
      formId="underretning"
      version="1.0.0"
      token="tenant-key"
      data={tenant.data ?? withoutCpr()}
      today="2026-06-01"
      validationDelay={20}
      fetch={api.fetch}
      onChange={onChange}
    />,
  );
  return { api, changes };
}

const codes = (issues: SkemaFormChange['errors']) => issues.map((i) => `${i.code} ${i.path} ${i.severity}`);

describe('SkemaForm with the tenant rule options of the form version response', () => {
  it('UND-07 is a warning without tenant options and the form stays valid', async () => {
    const { changes } = renderWith(undefined);
    await waitFor(() => expect(changes.length).toBeGreaterThan(0));
    const last = changes.at(-1)!;
    expect(codes(last.warnings)).toContain('UND-07 /barn/cpr warning');
    expect(codes(last.errors)).toEqual([]);
    expect(last.valid).toBe(true);
  });

  it("UND-07 is shown as an error when the tenant's ruleOptions raise it ({ 'UND-07': { severity: 'error' } })", async () => {
    const { api, changes } = renderWith({ 'UND-07': { severity: 'error' } });
    await waitFor(() => expect(changes.length).toBeGreaterThan(0));
    // The form was fetched with the tenant's key: the options are that tenant's.
    const get = api.calls.find((c) => c.method === 'GET')!;
    expect(get.headers.Authorization).toBe('Bearer tenant-key');
    const last = changes.at(-1)!;
    expect(codes(last.errors)).toEqual(['UND-07 /barn/cpr error']);
    expect(codes(last.warnings)).not.toContain('UND-07 /barn/cpr warning');
    expect(last.valid).toBe(false);

    fireEvent.click(screen.getByRole('button', { name: 'Indsend' }));
    const summary = await screen.findByRole('alert');
    expect(summary.textContent).toContain('1 fejl');
    expect(summary.textContent).toContain('Underretningen til Ankestyrelsen bør indeholde «Barnets CPR-nummer».');
    expect(document.getElementById('skema-field__barn__cpr-error')?.textContent).toContain('«Barnets CPR-nummer»');
    expect(document.getElementById('skema-field__barn__cpr-warning')).toBeNull();
    expect(document.getElementById('skema-field__barn__cpr')?.getAttribute('aria-invalid')).toBe('true');
    // Blocked in the browser, as the server would refuse it: nothing was sent.
    expect(api.calls.filter((c) => c.method === 'POST')).toHaveLength(0);
  });

  it('UND-07: the ruleOptions prop replaces the options from the API', async () => {
    const api = fakeApi(underretning);
    const changes: SkemaFormChange[] = [];
    render(
      <SkemaForm
        form={underretning}
        ruleOptions={RAISED}
        data={withoutCpr()}
        today="2026-06-01"
        validationDelay={20}
        fetch={api.fetch}
        onChange={(c) => changes.push(c)}
      />,
    );
    await waitFor(() => expect(changes.length).toBeGreaterThan(0));
    expect(codes(changes.at(-1)!.errors)).toEqual(['UND-07 /barn/cpr error']);
  });
});

// Stable across renders, as the prop's documentation asks.
const RAISED: RuleOptionsByRule = { 'UND-07': { severity: 'error' } };

describe('SkemaForm with the tenant calendar of the form version response', () => {
  // UND-01: the fagkonsulent is contacted 1 arbejdsdag after the concern arose. Thursday 4 June 2026:
  // on the Danish calendar Friday 5 June (grundlovsdag) is closed, so the deadline is Monday 8 June.
  const arose = () => ({
    ...(withoutCpr() as Record<string, unknown>),
    bekymringOpstaaetDato: '2026-06-04',
    fagkonsulentKontaktet: undefined,
  });
  const und01 = (changes: SkemaFormChange[]) => changes.at(-1)!.deadlines.find((d) => d.ruleId === 'UND-01')?.due;

  it('counts working days with the Danish calendar without tenant options', async () => {
    const { changes } = renderWith(undefined, { data: arose() });
    await waitFor(() => expect(changes.length).toBeGreaterThan(0));
    expect(und01(changes)).toBe('2026-06-08');
  });

  it("counts them with the tenant's calendar when the API sends tenantCalendar ({ grundlovsdag: false })", async () => {
    const { changes } = renderWith(undefined, { data: arose(), tenantCalendar: { grundlovsdag: false } });
    await waitFor(() => expect(changes.length).toBeGreaterThan(0));
    expect(und01(changes)).toBe('2026-06-05');
  });
});
