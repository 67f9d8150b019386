// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { FormVersion, ValidationIssue } from '@skema/core';
import { afterEach, describe, expect, it } from 'vitest';
import { requiredNow, withRequiredObjects } from './error-feedback.js';
import { IssueStore } from './issue-store.js';
import { SkemaForm } from './SkemaForm.js';
import { fixturePlugins } from './test/fixture-form.js';

afterEach(cleanup);

const form: FormVersion = {
  manifest: {
    id: 'feedback',
    version: '1.0.0',
    title: { da: 'Henvendelse', en: 'Referral' },
    status: 'published',
    plugins: [],
    changelog: '',
  },
  schema: {
    type: 'object',
    required: ['henvender', 'kontakt'],
    properties: {
      henvender: {
        type: 'object',
        required: ['navn', 'telefon'],
        properties: { navn: { type: 'string', title: 'Navn' }, telefon: { type: 'string', title: 'Telefon' } },
      },
      kontakt: { type: 'string', enum: ['ja', 'nej'], title: 'Må vi ringe' },
      tidspunkt: { type: 'string', title: 'Bedste tidspunkt' },
      personer: {
        type: 'array',
        items: { type: 'object', required: ['navn'], properties: { navn: { type: 'string', title: 'Navn' } } },
      },
    },
    allOf: [
      { if: { properties: { kontakt: { const: 'ja' } }, required: ['kontakt'] }, then: { required: ['tidspunkt'] } },
    ],
  },
  uischema: {
    type: 'VerticalLayout',
    elements: [
      { type: 'Control', scope: '#/properties/henvender' },
      { type: 'Control', scope: '#/properties/kontakt' },
      { type: 'Control', scope: '#/properties/tidspunkt' },
      { type: 'Control', scope: '#/properties/personer' },
    ],
  },
  i18n: {
    da: {
      'henvender.label': 'Henvender',
      'henvender.navn.label': 'Navn',
      'henvender.telefon.label': 'Telefon',
      'kontakt.label': 'Må vi ringe',
      'tidspunkt.label': 'Bedste tidspunkt',
      'personer.label': 'Personer',
      'personer.navn.label': 'Navn',
    },
    en: {},
  },
  hash: 'sha256-feedback',
};

const byId = (id: string) => document.getElementById(id) as HTMLInputElement;
const renderForm = (delay = 20) => render(<SkemaForm form={form} plugins={fixturePlugins} validationDelay={delay} />);
const summaryTitle = async () =>
  (await screen.findByRole('alert')).querySelector('h2, h3, p, strong')?.textContent ?? '';

describe('error feedback that adds up', () => {
  it('shows a missing required object as its missing fields, so filling one lowers the count', async () => {
    renderForm();
    fireEvent.click(screen.getByRole('button', { name: 'Indsend' }));
    const summary = await screen.findByRole('alert');
    expect(summary.textContent).toContain('Der er 3 fejl');
    expect(summary.textContent).toContain('«Navn» skal udfyldes');
    expect(summary.textContent).not.toContain('«Henvender» skal udfyldes');
    fireEvent.change(byId('skema-field__henvender__navn'), { target: { value: 'Bo' } });
    fireEvent.blur(byId('skema-field__henvender__navn'));
    await waitFor(async () => expect(await summaryTitle()).toContain('2 fejl'));
  });

  it('marks a field an if/then requires with the asterisk, and keeps it while it is filled', async () => {
    renderForm();
    const mark = () => byId('skema-field__tidspunkt').closest('.skema-field')!.querySelector('.skema-required');
    await act(() => new Promise((r) => setTimeout(r, 50)));
    expect(mark()).toBeNull();
    fireEvent.change(byId('skema-field__kontakt'), { target: { value: '0' } });
    await waitFor(() => expect(mark()).not.toBeNull());
    expect(byId('skema-field__tidspunkt').getAttribute('aria-required')).toBe('true');
    fireEvent.change(byId('skema-field__tidspunkt'), { target: { value: 'Formiddag' } });
    fireEvent.blur(byId('skema-field__tidspunkt'));
    await act(() => new Promise((r) => setTimeout(r, 200)));
    expect(mark()).not.toBeNull();
  });

  it('does not mark a list row red that was added after a submit try, until its fields are left', async () => {
    renderForm();
    fireEvent.click(screen.getByRole('button', { name: 'Indsend' }));
    await screen.findByRole('alert');
    fireEvent.click(screen.getByRole('button', { name: /^Tilføj/ }));
    await act(() => new Promise((r) => setTimeout(r, 100)));
    const navn = byId('skema-field__personer__0__navn');
    expect(navn.getAttribute('aria-invalid')).toBeNull();
    fireEvent.focus(navn);
    fireEvent.blur(navn);
    await waitFor(() => expect(navn.getAttribute('aria-invalid')).toBe('true'));
  });

  it('never flashes «skal udfyldes» when a value chosen by keyboard is left with Tab', async () => {
    renderForm(150);
    // The first validation has run: «Må vi ringe» is known to be missing.
    await act(() => new Promise((r) => setTimeout(r, 250)));
    const select = byId('skema-field__kontakt');
    fireEvent.focus(select);
    fireEvent.change(select, { target: { value: '1' } });
    fireEvent.blur(select);
    // Right after leaving, before the debounced validation would have run.
    expect(document.getElementById('skema-field__kontakt-error')).toBeNull();
    expect(select.getAttribute('aria-invalid')).toBeNull();
  });
});

describe('step error counts', () => {
  it('count an error on an object the step shows fields of', () => {
    const store = new IssueStore();
    const issue = (path: string): ValidationIssue => ({
      path,
      code: 'x',
      severity: 'error',
      message: 'm',
      messages: { da: 'm', en: 'm' },
    });
    store.set({
      errors: [issue('/personer'), issue('/personer/0/navn'), issue('/andet')],
      warnings: [],
      deadlines: [],
    });
    expect(store.errorCountWithin(['/personer/0/navn'])).toBe(2);
    expect(store.errorCountWithin(['/personer'])).toBe(2);
    store.set({ errors: [issue('')], warnings: [], deadlines: [] });
    expect(store.errorCountWithin(['/personer'])).toBe(0);
  });
});

describe('withRequiredObjects and requiredNow', () => {
  it('opens only missing required objects with required fields, without touching the data', () => {
    const data = { kontakt: 'ja' };
    expect(withRequiredObjects(form.schema, data)).toEqual({ kontakt: 'ja', henvender: {} });
    expect(data).toEqual({ kontakt: 'ja' });
    const filled = { henvender: { navn: 'Bo' } };
    expect(withRequiredObjects(form.schema, filled)).toBe(filled);
  });

  it('keeps a field required while it holds a value and drops it once empty without an error', () => {
    const issue: ValidationIssue = {
      path: '/tidspunkt',
      code: 'required',
      severity: 'error',
      message: '',
      messages: { da: '', en: '' },
    };
    const first = requiredNow(new Set(), [issue], {});
    expect([...first]).toEqual(['/tidspunkt']);
    expect(requiredNow(first, [], { tidspunkt: 'Formiddag' })).toBe(first);
    expect([...requiredNow(first, [], {})]).toEqual([]);
  });
});
