import { SkemaApiClient } from '@skema/react';

const KEY_STORAGE = 'skema-demo-api-key';

/** The development key of the demo tenant; another key can be set in the page header. */
export const DEFAULT_KEY = 'skema-dev-key';

export function apiKey(): string {
  return localStorage.getItem(KEY_STORAGE) || DEFAULT_KEY;
}

export function setApiKey(key: string): void {
  localStorage.setItem(KEY_STORAGE, key);
}

/** The API on this page's own origin (`/api/v1`). */
export function client(): SkemaApiClient {
  return new SkemaApiClient('', apiKey(), 'da');
}
