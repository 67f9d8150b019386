import type { SkemaFormChange, SkemaFormError, SubmissionWriteResult } from '@skema/react';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { createDraft, getSubmission, OBSERVATIONS, underretningWithoutObservations } from './demo-flow.js';
import { artifactPath, useBrowserSession } from './harness.js';
import { personToken } from './people.js';

/** Each event's last detail as the page kept it (a JSON copy). */
interface EventDetails {
  'skema-submitted'?: SubmissionWriteResult;
  'skema-change'?: SkemaFormChange;
  'skema-error'?: SkemaFormError;
}

const session = useBrowserSession(undefined, { signIn: true });

/** The element focused inside the web component's shadow root. */
const focusedInForm = (p: Page) =>
  p.evaluate(() => document.querySelector('skema-form')?.shadowRoot?.activeElement?.id);

describe('plain HTML portal (web component only)', () => {
  it('renders <skema-form> from the one script, with no React or build step on the page', async () => {
    await session.page.goto(`${session.server.url}/plain.html`);
    await session.page.locator('#portal-field__faktuelleOplysninger').waitFor();
    const scripts = await session.page.evaluate(() => [...document.scripts].map((s) => new URL(s.src).pathname));
    expect(scripts).toEqual(['/embed/skema-form.js', '/plain.js']);
    expect(await session.page.evaluate(() => 'React' in window)).toBe(false);
    // The bundle keeps Danish letters as UTF-8: texts from it and from the form read right.
    expect(await session.page.locator('skema-form .skema-form-body').textContent()).toMatch(
      /Vælg ….*Bekymringen opstod.*Registrér eller ret/s,
    );
    // The portal's colour reaches the form through the --skema-color-primary custom property.
    const colour = await session.page
      .locator('skema-form')
      .evaluate((el) => getComputedStyle(el.shadowRoot!.querySelector('button[type=submit]')!).backgroundColor);
    expect(colour).toBe('rgb(45, 90, 39)');
  });

  it('fills the underretning, shows UND-02, fixes it, submits; the page gets skema-submitted and the API has it', async () => {
    const id = await createDraft(session.server.url, underretningWithoutObservations());
    // Sending it is the fagkonsulent's co-signature (UND-03), an act of a signed-in person.
    const fagkonsulent = await personToken(session.server, 'demo-fagkonsulent');
    await session.page.goto(`${session.server.url}/plain.html`);
    await session.page.locator('#portal-field__faktuelleOplysninger').waitFor();
    // The page's own embed session has arrived (plain.js), so it cannot overwrite the key set below.
    await expect.poll(() => session.page.locator('skema-form').getAttribute('token')).toMatch(/^skema_es_/);
    // The host page continues the saved draft by setting an attribute.
    await session.page.evaluate(
      ({ sid, token }) => {
        const el = document.querySelector('skema-form')!;
        const w = window as unknown as { events: string[]; details: Record<string, unknown> };
        w.events = [];
        w.details = {};
        for (const type of ['skema-submitted', 'skema-error', 'skema-change']) {
          el.addEventListener(type, (event) => {
            w.events.push(type);
            w.details[type] = JSON.parse(JSON.stringify((event as CustomEvent).detail));
          });
        }
        // Continuing a saved draft is back-office work: the fagkonsulent's own access token, not the citizen's one-form embed session.
        el.setAttribute('token', token);
        el.setAttribute('submission', sid);
      },
      { sid: id, token: fagkonsulent },
    );
    const facts = session.page.locator('#portal-field__faktuelleOplysninger');
    await expect.poll(() => facts.inputValue()).toContain('40 % fravær');
    await facts.press('End');
    await facts.pressSequentially(' Fraværet er registreret dagligt.');

    await session.page.locator('skema-form').getByRole('button', { name: 'Indsend' }).click();
    const link = session.page.locator('.skema-error-summary li[data-code="UND-02"] a');
    await link.waitFor();
    expect(await session.page.locator('#portal-field__iagttagelser').getAttribute('aria-invalid')).toBe('true');
    await session.page.screenshot({ path: artifactPath('plain-underretning-error.png'), fullPage: true });

    await link.click();
    expect(await focusedInForm(session.page)).toBe('portal-field__iagttagelser');
    await session.page.keyboard.type(OBSERVATIONS);
    await expect
      .poll(() => session.page.locator('#portal-field__iagttagelser').getAttribute('aria-invalid'))
      .toBeNull();
    await session.page.locator('skema-form').getByRole('button', { name: 'Indsend' }).click();

    await expect.poll(() => session.page.locator('#portal-status').getAttribute('data-submission-id')).toBe(id);
    const events = await session.page.evaluate(() => (window as unknown as { events: string[] }).events);
    expect(events).toContain('skema-error');
    expect(events).toContain('skema-change');
    expect(events.at(-1)).toBe('skema-submitted');
    // What a host page gets in each event's detail (packages/embed/README.md).
    const details = await session.page.evaluate(() => (window as unknown as { details: EventDetails }).details);
    expect(details['skema-submitted']).toMatchObject({
      submission: { id, status: 'submitted' },
      receipt: { formId: 'underretning' },
    });
    expect(details['skema-submitted']?.etag).toBeTruthy();
    expect(details['skema-change']).toMatchObject({ valid: true, errors: [] });
    expect(details['skema-change']?.data).toHaveProperty('iagttagelser', OBSERVATIONS);
    expect(details['skema-error']).toMatchObject({ kind: expect.any(String), message: expect.any(String) });
    expect(details['skema-error']?.issues?.some((i) => i.code === 'UND-02' && i.path === '/iagttagelser')).toBe(true);
    const stored = await getSubmission(session.server.url, id);
    expect(stored.status).toBe('submitted');
    expect(stored.approvals).toEqual([
      expect.objectContaining({ subject: 'demo-fagkonsulent', kind: 'person', role: 'fagkonsulent' }),
    ]);
    expect(stored.data.iagttagelser).toBe(OBSERVATIONS);
  });
});
