// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { getEngine } from './engine.js';
import { SkemaForm } from './SkemaForm.js';
import { fakeApi } from './test/fake-api.js';
import { fixtureForm, fixturePlugins } from './test/fixture-form.js';

afterEach(cleanup);

function renderForm(extra: Partial<Parameters<typeof SkemaForm>[0]> = {}) {
  const api = fakeApi(fixtureForm);
  const utils = render(
    <SkemaForm
      form={fixtureForm}
      plugins={fixturePlugins}
      fetch={api.fetch}
      today="2026-06-01"
      validationDelay={20}
      {...extra}
    />,
  );
  return { ...utils, api };
}

const byId = (id: string) => document.getElementById(id) as HTMLInputElement | null;

describe('SkemaForm', () => {
  it('labels every control from the Danish texts, with ids derived from the JSON Pointer', () => {
    renderForm();
    const navn = screen.getByLabelText(/Barnets navn/);
    expect(navn.id).toBe('skema-field__barn__navn');
    expect(screen.getByLabelText(/CPR-nummer/).id).toBe('skema-field__barn__cpr');
    expect(screen.getByText('Barnet').tagName).toBe('LEGEND');
    expect(screen.getByRole('option', { name: 'Bekymringsskrivelse' })).toBeTruthy();
    expect(navn.getAttribute('aria-required')).toBe('true');
  });

  it('uses the English texts for locale en', () => {
    renderForm({ locale: 'en' });
    expect(screen.getByLabelText(/Name of the child/).id).toBe('skema-field__barn__navn');
    expect(screen.getByRole('option', { name: 'Letter of concern' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Submit' })).toBeTruthy();
  });

  it('shows no errors before the person has done anything', async () => {
    renderForm();
    await new Promise((r) => setTimeout(r, 50));
    expect(screen.queryByRole('alert')).toBeNull();
    expect(byId('skema-field__beskrivelse')?.getAttribute('aria-invalid')).toBeNull();
  });

  it('on submit lists schema and rule errors in a summary, marks the fields and links to them', async () => {
    const { api } = renderForm();
    fireEvent.click(screen.getByRole('button', { name: 'Indsend' }));
    const summary = await screen.findByRole('alert');
    expect(summary.textContent).toContain('FIX-01');
    // The missing object is shown as its missing fields, so filling one lowers the count.
    expect(summary.textContent).toContain('«Barnets navn» skal udfyldes');
    expect(summary.textContent).not.toContain('«Barnet» skal udfyldes');
    expect(document.getElementById('skema-field__barn__navn-error')?.textContent).toContain('«Barnets navn»');
    expect(document.activeElement).toBe(summary);
    const field = byId('skema-field__beskrivelse')!;
    expect(field.getAttribute('aria-invalid')).toBe('true');
    const describedBy = field.getAttribute('aria-describedby')!.split(' ');
    expect(describedBy).toContain('skema-field__beskrivelse-error');
    expect(document.getElementById('skema-field__beskrivelse-error')!.textContent).toContain('FIX-01');
    // Nothing was sent while the form has errors.
    expect(api.calls.filter((c) => c.method === 'POST')).toHaveLength(0);

    const link = screen.getByRole('link', { name: /FIX-01/ });
    expect(link.getAttribute('href')).toBe('#skema-field__beskrivelse');
    fireEvent.click(link);
    await waitFor(() => expect(document.activeElement).toBe(field));
  });

  it('removes an error once fixed and submits with status submitted', async () => {
    const onSubmitted = vi.fn();
    const { api } = renderForm({ onSubmitted });
    fireEvent.click(screen.getByRole('button', { name: 'Indsend' }));
    await screen.findByRole('alert');
    fireEvent.change(byId('skema-field__barn__navn')!, { target: { value: 'Emil Testesen' } });
    fireEvent.change(byId('skema-field__type')!, { target: { value: '1' } });
    fireEvent.change(byId('skema-field__beskrivelse')!, { target: { value: 'Barnet kom uden madpakke.' } });
    await waitFor(() => expect(byId('skema-field__beskrivelse')!.getAttribute('aria-invalid')).toBeNull());
    fireEvent.click(screen.getByRole('button', { name: 'Indsend' }));
    await waitFor(() => expect(onSubmitted).toHaveBeenCalledTimes(1));
    const post = api.calls.find((c) => c.method === 'POST')!;
    expect(post.url).toBe('/api/v1/submissions');
    expect(post.body).toMatchObject({
      formId: 'fixture',
      version: '1.0.0',
      status: 'submitted',
      data: { barn: { navn: 'Emil Testesen' }, type: 'Bekymringsskrivelse' },
    });
    expect(post.headers['Idempotency-Key']).toBeTruthy();
    expect(await screen.findByText(/Kvitteringsnummer: sub-1/)).toBeTruthy();
  });

  it('maps the server’s 422 issues onto the fields', async () => {
    const api = fakeApi(fixtureForm, (call) =>
      call.method === 'POST'
        ? {
            status: 422,
            body: {
              type: 'validation-failed',
              title: 'Ugyldig',
              issues: [{ path: '/barn/cpr', code: 'SRV-01', message: 'Serveren siger nej til CPR.' }],
            },
          }
        : undefined,
    );
    const onError = vi.fn();
    render(
      <SkemaForm
        form={fixtureForm}
        plugins={fixturePlugins}
        fetch={api.fetch}
        validationDelay={10}
        onError={onError}
        data={{ barn: { navn: 'A', cpr: '010120-1234' }, type: 'Bekymringsskrivelse', beskrivelse: 'x' }}
      />,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Indsend' }));
    await waitFor(() => expect(byId('skema-field__barn__cpr')!.getAttribute('aria-invalid')).toBe('true'));
    expect(document.getElementById('skema-field__barn__cpr-error')!.textContent).toContain(
      'Serveren siger nej til CPR.',
    );
    expect(screen.getByRole('alert').textContent).toContain('Serveren siger nej til CPR.');
    expect(onError).toHaveBeenCalledWith(expect.objectContaining({ kind: 'server', status: 422 }));
    // Changing the field withdraws the server's objection to the old value.
    fireEvent.change(byId('skema-field__barn__cpr')!, { target: { value: '020220-1234' } });
    await waitFor(() => expect(byId('skema-field__barn__cpr')!.getAttribute('aria-invalid')).toBeNull());
  });

  it('validates once after a pause in typing, not per keystroke', async () => {
    const engine = getEngine(fixturePlugins);
    const spy = vi.spyOn(engine, 'validate');
    renderForm({ validationDelay: 150 });
    await new Promise((r) => setTimeout(r, 200));
    spy.mockClear();
    const input = byId('skema-field__barn__navn')!;
    for (const value of ['E', 'Em', 'Emi', 'Emil']) fireEvent.change(input, { target: { value } });
    expect(spy).not.toHaveBeenCalled();
    // 120 ms typing pause before the data changes, then 150 ms before validation.
    await new Promise((r) => setTimeout(r, 500));
    expect(spy).toHaveBeenCalledTimes(1);
    expect(spy.mock.calls[0]![1]).toMatchObject({ barn: { navn: 'Emil' } });
    spy.mockRestore();
  });

  it('hides controls whose SHOW rule is false: a hidden frame with no input in it', async () => {
    renderForm();
    const frame = () => document.querySelector('.skema-field[data-pointer="/begrundelse"]')!;
    expect(frame().hasAttribute('hidden')).toBe(true);
    expect(byId('skema-field__begrundelse')).toBeNull();
    fireEvent.click(byId('skema-field__orienteret--1')!);
    await waitFor(() => expect(frame().hasAttribute('hidden')).toBe(false));
    expect(byId('skema-field__begrundelse')).toBeTruthy();
  });

  it('hides a section whose every part is hidden by its own rule, and shows it with them', async () => {
    const withSection = {
      ...fixtureForm,
      hash: 'sha256-fixture-hidden-section',
      uischema: {
        type: 'VerticalLayout',
        elements: [
          { type: 'Control', scope: '#/properties/orienteret' },
          {
            type: 'Group',
            i18n: 'sections.barn',
            elements: [
              {
                type: 'Control',
                scope: '#/properties/begrundelse',
                rule: { effect: 'SHOW', condition: { scope: '#/properties/orienteret', schema: { const: false } } },
              },
            ],
          },
        ],
      },
    } as typeof fixtureForm;
    render(<SkemaForm form={withSection} plugins={fixturePlugins} today="2026-06-01" />);
    const section = () => screen.getByText('Barnet').closest('fieldset')!;
    expect(section().hasAttribute('hidden')).toBe(true);
    fireEvent.click(byId('skema-field__orienteret--1')!);
    await waitFor(() => expect(section().hasAttribute('hidden')).toBe(false));
    expect(byId('skema-field__begrundelse')).toBeTruthy();
  });

  it("shows a section's help text (the seed's guidance) under its heading, tied to the section", () => {
    const guided = {
      ...fixtureForm,
      hash: 'sha256-fixture-section-help',
      i18n: {
        ...fixtureForm.i18n,
        da: { ...fixtureForm.i18n.da, 'sections.barn.description': 'Oplys barnets navn og CPR-nummer.' },
      },
    } as typeof fixtureForm;
    render(<SkemaForm form={guided} plugins={fixturePlugins} today="2026-06-01" />);
    const help = screen.getByText('Oplys barnets navn og CPR-nummer.');
    const section = screen.getByText('Barnet').closest('fieldset')!;
    expect(section.getAttribute('aria-describedby')).toBe(help.id);
  });

  it("shows a step's help text under the step heading", () => {
    const stepped = {
      ...fixtureForm,
      hash: 'sha256-fixture-step-help',
      uischema: {
        type: 'Categorization',
        elements: [
          {
            type: 'Category',
            i18n: 'sections.barn',
            elements: [{ type: 'Control', scope: '#/properties/barn/properties/navn' }],
          },
          { type: 'Category', i18n: 'sections.andet', elements: [{ type: 'Control', scope: '#/properties/type' }] },
        ],
      },
      i18n: {
        ...fixtureForm.i18n,
        da: {
          ...fixtureForm.i18n.da,
          'sections.barn.description': 'Trin 1: hvem det gælder.',
          'sections.andet.label': 'Andet',
        },
      },
    } as typeof fixtureForm;
    render(<SkemaForm form={stepped} plugins={fixturePlugins} today="2026-06-01" />);
    expect(screen.getByText('Trin 1: hvem det gælder.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: /Andet/ }));
    expect(screen.queryByText('Trin 1: hvem det gælder.')).toBeNull();
  });

  it('fills schema defaults and names array items', () => {
    renderForm();
    expect(screen.getByText('Deltager nr. 1')).toBeTruthy();
    expect(byId('skema-field__deltagere__0__navn')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Tilføj deltager' }));
    expect(byId('skema-field__deltagere__1__navn')).toBeTruthy();
  });

  it('shows a field’s error after the field is left, without a submit', async () => {
    renderForm();
    const field = byId('skema-field__beskrivelse')!;
    act(() => field.focus());
    fireEvent.blur(field);
    await waitFor(() => expect(field.getAttribute('aria-invalid')).toBe('true'));
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('saves a draft, then updates the same submission with If-Match', async () => {
    const onDraftSaved = vi.fn();
    const { api } = renderForm({ onDraftSaved });
    fireEvent.click(screen.getByRole('button', { name: 'Gem kladde' }));
    await waitFor(() => expect(onDraftSaved).toHaveBeenCalledTimes(1));
    expect(api.calls.find((c) => c.method === 'POST')!.body).toMatchObject({ status: 'draft' });
    fireEvent.click(screen.getByRole('button', { name: 'Gem kladde' }));
    await waitFor(() => expect(onDraftSaved).toHaveBeenCalledTimes(2));
    const put = api.calls.find((c) => c.method === 'PUT')!;
    expect(put.url).toBe('/api/v1/submissions/sub-1');
    expect(put.headers['If-Match']).toBe('"sub-1:1"');
    expect(await screen.findByText(/Kladden er gemt/)).toBeTruthy();
  });

  it('loads the form from the API by id and version', async () => {
    const api = fakeApi(fixtureForm);
    render(
      <SkemaForm
        formId="fixture"
        version="1.0.0"
        apiUrl="https://skema.example"
        token="k"
        plugins={fixturePlugins}
        fetch={api.fetch}
      />,
    );
    expect(screen.getByRole('status').textContent).toContain('Henter');
    expect(await screen.findByLabelText(/Barnets navn/)).toBeTruthy();
    expect(api.calls[0]!.url).toBe('https://skema.example/api/v1/forms/fixture/versions/1.0.0');
    expect(api.calls[0]!.headers.Authorization).toBe('Bearer k');
  });

  it('reports a form it cannot load', async () => {
    const api = fakeApi(fixtureForm, () => ({ status: 404, body: { title: 'Skemaet findes ikke' } }));
    const onError = vi.fn();
    render(<SkemaForm formId="nope" plugins={fixturePlugins} fetch={api.fetch} onError={onError} />);
    expect((await screen.findByRole('alert')).textContent).toContain('kunne ikke hentes');
    expect(onError).toHaveBeenCalledWith(expect.objectContaining({ kind: 'load' }));
  });
});
