// @vitest-environment jsdom
import type { Wire } from '@skema/core';
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { SkemaForm } from './SkemaForm.js';
import { fakeApi } from './test/fake-api.js';
import { fixtureForm, fixturePlugins } from './test/fixture-form.js';

afterEach(cleanup);

const prefill: Wire.PrefillResult = {
  formId: fixtureForm.manifest.id,
  version: fixtureForm.manifest.version,
  data: { barn: { navn: 'Asta Jensen' } },
  provenance: {
    '/barn/navn': {
      kind: 'submission',
      formId: 'henvendelsesskema',
      submissionId: 's1',
      pointer: '/borger/navn',
      label: { da: 'Henvendelsesskema', en: 'Referral form' },
    },
  },
};

describe('SkemaForm with a case prefill', () => {
  it('starts with the prefilled value and says where it came from, tied to the field', () => {
    const api = fakeApi(fixtureForm);
    render(
      <SkemaForm form={fixtureForm} plugins={fixturePlugins} fetch={api.fetch} today="2026-06-01" prefill={prefill} />,
    );
    const navn = screen.getByLabelText<HTMLInputElement>(/Barnets navn/);
    expect(navn.value).toBe('Asta Jensen');
    const hint = screen.getByText('Hentet fra «Henvendelsesskema»');
    const hintBox = hint.closest('[id]') as HTMLElement;
    expect(navn.getAttribute('aria-describedby')?.split(' ')).toContain(hintBox.id);
    // A field that was not prefilled has no such hint.
    expect(screen.getAllByText(/Hentet fra/)).toHaveLength(1);
  });

  it('names the case in English for a value from the case', () => {
    const api = fakeApi(fixtureForm);
    render(
      <SkemaForm
        form={fixtureForm}
        plugins={fixturePlugins}
        fetch={api.fetch}
        locale="en"
        prefill={{ ...prefill, provenance: { '/barn/navn': { kind: 'case', field: 'borger.name' } } }}
      />,
    );
    expect(screen.getByText('Prefilled from the case')).toBeTruthy();
  });
});
