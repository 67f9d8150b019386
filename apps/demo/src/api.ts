import { SkemaClient } from '@skema/client';
import { accessToken } from './auth.js';

const KEY_STORAGE = 'skema-demo-api-key';

/** The development key of the demo tenant; another key can be set in the page header. */
export const DEFAULT_KEY = 'skema-dev-key';

/** The signed-in person's access token, else the key set in the header, else the development key. */
export function apiKey(): string {
  return accessToken() ?? (localStorage.getItem(KEY_STORAGE) || DEFAULT_KEY);
}

export function setApiKey(key: string): void {
  localStorage.setItem(KEY_STORAGE, key);
}

/** The API on this page's own origin (`/api/v1`). */
export function client(): SkemaClient {
  return new SkemaClient({ token: apiKey(), locale: 'da' });
}
