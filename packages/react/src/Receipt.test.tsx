// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Receipt } from './Receipt.js';
import { SkemaForm } from './SkemaForm.js';
import { fakeApi } from './test/fake-api.js';
import { fixtureForm, fixturePlugins } from './test/fixture-form.js';

afterEach(cleanup);

const receipt = {
  formId: 'underretning',
  version: '1.0.2',
  schemaHash: 'sha256-abc',
  plugins: [{ name: '@skema/plugin-dk', version: '1.0.0' }],
  validatedAt: '2026-06-01T10:00:00.000Z',
};
const byId = (id: string) => document.getElementById(id) as HTMLInputElement;

describe('the receipt after submitting', () => {
  it('moves focus to a human receipt: title, child, time, sender, number; technical details folded away', async () => {
    const api = fakeApi(fixtureForm);
    render(
      <SkemaForm
        form={fixtureForm}
        plugins={fixturePlugins}
        fetch={api.fetch}
        today="2026-06-01"
        validationDelay={20}
      />,
    );
    fireEvent.change(byId('skema-field__barn__navn'), { target: { value: 'Emil Testesen' } });
    fireEvent.change(byId('skema-field__type'), { target: { value: '1' } });
    fireEvent.change(byId('skema-field__beskrivelse'), { target: { value: 'Barnet kom uden madpakke.' } });
    await waitFor(() => expect(byId('skema-field__beskrivelse').getAttribute('aria-invalid')).toBeNull());
    fireEvent.click(screen.getByRole('button', { name: 'Indsend' }));
    const heading = await screen.findByRole('heading', { name: 'Kvittering' });
    await waitFor(() => expect(document.activeElement).toBe(heading));
    const section = heading.closest('section')!;
    expect(section.textContent).toContain('Testformular');
    expect(section.textContent).toContain('Emil Testesen');
    expect(section.textContent).toContain('Kvitteringsnummer: sub-1');
    expect(section.querySelector('time')?.textContent).toMatch(/2026/);
    // The schema hash is there for whoever asks, inside a closed <details>.
    const details = section.querySelector('details')!;
    expect(details.open).toBe(false);
    expect(details.textContent).toContain(fixtureForm.hash);
    expect(details.querySelector('summary')?.textContent).toBe('Tekniske detaljer');
  });

  it('says «Kladde gemt» with its address for a draft, not «Kvittering»', () => {
    render(
      <Receipt
        submissionId="sub-9"
        receipt={receipt}
        locale="da"
        status="draft"
        href="#/forms/underretning/1.0.2?submission=sub-9"
      />,
    );
    expect(screen.getByRole('heading', { name: 'Kladde gemt' })).toBeTruthy();
    expect(screen.queryByText(/Kvittering/)).toBeNull();
    expect(screen.getByRole('link', { name: 'Fortsæt kladden' }).getAttribute('href')).toBe(
      '#/forms/underretning/1.0.2?submission=sub-9',
    );
  });

  it('says who approved: each recorded approval with name, role and time; one not given by a signed-in person is «ikke verificeret»', () => {
    const approvals = [
      {
        actorId: 'oidc:demo-fagkonsulent',
        actorName: 'Frederik Fagkonsulent',
        subject: 'demo-fagkonsulent',
        kind: 'person' as const,
        role: 'fagkonsulent',
        at: '2026-06-02T10:00:00Z',
        decision: 'approved' as const,
        revision: 2,
      },
      { actorId: 'leder-key', role: 'leder', at: '2026-06-03T10:00:00Z', decision: 'approved' as const, revision: 3 },
    ];
    render(<Receipt submissionId="sub-9" receipt={receipt} locale="da" status="submitted" approvals={approvals} />);
    const items = screen.getAllByRole('listitem').map((li) => li.textContent);
    expect(items[0]).toMatch(/^Godkendt af Frederik Fagkonsulent \(fagkonsulent\), 2\. juni 2026/);
    expect(items[1]).toMatch(/^Godkendt af leder-key \(leder\), .*\(ikke verificeret\)$/);
    expect(screen.getByText('Godkendelser').tagName).toBe('DT');
  });

  it('offers «Hent dokumentet (PDF)» on a submitted receipt: fetched through the client, opened via a Blob URL', async () => {
    const pdf = new Blob(['%PDF-1.7'], { type: 'application/pdf' });
    const documentPdf = vi.fn(async () => pdf);
    // No real object URLs in a test; stubbed for this one only.
    const createObjectURL = vi.spyOn(URL, 'createObjectURL').mockReturnValue('blob:doc');
    const revokeObjectURL = vi.spyOn(URL, 'revokeObjectURL').mockReturnValue(undefined);
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
    render(<Receipt submissionId="sub-9" receipt={receipt} locale="da" status="submitted" client={{ documentPdf }} />);
    fireEvent.click(screen.getByRole('button', { name: 'Hent dokumentet (PDF)' }));
    await waitFor(() => expect(click).toHaveBeenCalled());
    expect(documentPdf).toHaveBeenCalledWith('sub-9', { locale: 'da' });
    expect(createObjectURL).toHaveBeenCalledWith(pdf);
    click.mockRestore();
    createObjectURL.mockRestore();
    revokeObjectURL.mockRestore();
  });

  it('shows no document button for a draft', () => {
    render(
      <Receipt submissionId="sub-9" receipt={receipt} locale="da" status="draft" client={{ documentPdf: vi.fn() }} />,
    );
    expect(screen.queryByRole('button', { name: /PDF/ })).toBeNull();
  });

  it('says inline, in English, when the document could not be fetched', async () => {
    const documentPdf = vi.fn(async () => Promise.reject(new Error('Not found')));
    render(<Receipt submissionId="sub-9" receipt={receipt} locale="en" status="submitted" client={{ documentPdf }} />);
    fireEvent.click(screen.getByRole('button', { name: 'Download the document (PDF)' }));
    expect((await screen.findByRole('alert')).textContent).toBe('The document could not be fetched: Not found');
  });
});
