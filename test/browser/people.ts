import { signInAs } from '@skema/idp';
import type { Page } from 'playwright-core';
import type { Running } from './harness.js';

/**
 * Signs a demo user in at the demo portal through the development provider's login page, as a
 * person does: «Log ind», pick the user by keyboard, back at the page the sign-in started from.
 * `label` is the provider's label, e.g. «Frederik Fagkonsulent (fagkonsulent)».
 */
export async function signInAtDemo(page: Page, server: Running, label: string, tenant = 'Demo'): Promise<void> {
  const back = page.url();
  await page.getByLabel('Kommune', { exact: true }).selectOption({ label: tenant });
  await page.getByRole('button', { name: 'Log ind' }).click();
  await page.waitForURL(`${server.idp!.url}/**/interaction/**`);
  await page.getByLabel(label).focus();
  await page.keyboard.press('Space');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await page.waitForURL((url) => url.origin === new URL(server.url).origin && !url.search.includes('code='));
  const name = label.replace(/ \(.*\)$/, '');
  await page.getByLabel('Logget ind').getByText(name).waitFor();
  if (page.url() !== back && back.startsWith(server.url)) await page.goto(back);
}

/** «Log ud» at the demo and at the provider, confirmed. */
export async function signOutAtDemo(page: Page, server: Running): Promise<void> {
  await page.getByRole('button', { name: 'Log ud' }).click();
  await page.getByRole('button', { name: 'Ja, log mig ud' }).click();
  await page.waitForURL(`${server.url}/**`);
  await page.getByRole('button', { name: 'Log ind' }).waitFor();
}

/** A demo user's access token from the development provider (for API calls and `<skema-form token>`). */
export async function personToken(server: Running, subject: string): Promise<string> {
  return (await signInAs(server.idp!, subject, `${server.url}/`)).accessToken;
}
