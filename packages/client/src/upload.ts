import type { AttachmentRecord, Locale } from '@skema/core';
import { noAnswer, problemOf, SkemaApiError } from './errors.js';

/** What an upload reports as it goes: bytes sent of the file's size. */
export type UploadProgress = (sent: number, total: number) => void;

export interface UploadOptions {
  /** The file's own name (no path): shown and offered on download; the type is detected from the content. */
  fileName: string;
  onProgress?: UploadProgress;
  signal?: AbortSignal;
}

export interface UploadRequest {
  url: string;
  token?: string;
  locale: Locale;
  fetch?: typeof fetch;
}

const parse = (text: string): unknown => {
  try {
    return text ? JSON.parse(text) : undefined;
  } catch {
    return undefined;
  }
};

const abortReason = (signal: AbortSignal | undefined): unknown =>
  signal?.reason ?? new DOMException('The upload was aborted', 'AbortError');

/**
 * Sends a file as the request body (the server streams it to its blob store). With `onProgress`
 * in a browser the request is an `XMLHttpRequest`: its `upload.onprogress` is the one upload
 * progress every browser reports; a streamed `fetch` body (`duplex: 'half'`) gives progress only
 * in Chromium, only over HTTP/2, and not in Firefox or Safari. Elsewhere (Node, no progress asked)
 * it is a plain `fetch`. Never retried: a repeated upload would store the file twice.
 */
export function uploadFile(request: UploadRequest, body: Blob, options: UploadOptions): Promise<AttachmentRecord> {
  const url = `${request.url}${request.url.includes('?') ? '&' : '?'}name=${encodeURIComponent(options.fileName)}`;
  const headers: Record<string, string> = {
    Accept: 'application/json, application/problem+json',
    'Accept-Language': request.locale,
    'Content-Type': 'application/octet-stream',
    ...(request.token ? { Authorization: `Bearer ${request.token}` } : {}),
  };
  if (options.onProgress && typeof XMLHttpRequest !== 'undefined' && !request.fetch)
    return withXhr(url, headers, body, options);
  return withFetch(
    request.fetch ?? ((...args: Parameters<typeof fetch>) => fetch(...args)),
    url,
    headers,
    body,
    options,
  );
}

function withXhr(
  url: string,
  headers: Record<string, string>,
  body: Blob,
  options: UploadOptions,
): Promise<AttachmentRecord> {
  return new Promise((resolve, reject) => {
    const { signal, onProgress } = options;
    // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors -- rejects with the signal's own reason, as fetch does
    if (signal?.aborted) return reject(abortReason(signal));
    const xhr = new XMLHttpRequest();
    xhr.open('POST', url);
    for (const [name, value] of Object.entries(headers)) xhr.setRequestHeader(name, value);
    const onAbort = () => xhr.abort();
    signal?.addEventListener('abort', onAbort, { once: true });
    const done = () => signal?.removeEventListener('abort', onAbort);
    xhr.upload.onprogress = (event) => onProgress?.(event.loaded, event.lengthComputable ? event.total : body.size);
    xhr.onload = () => {
      done();
      const parsed = parse(xhr.responseText);
      if (xhr.status >= 200 && xhr.status < 300) {
        onProgress?.(body.size, body.size);
        resolve(parsed as AttachmentRecord);
      } else {
        reject(new SkemaApiError(xhr.status, problemOf(xhr.status, xhr.statusText, parsed)));
      }
    };
    xhr.onerror = () => {
      done();
      reject(noAnswer('network', 'The upload failed: no answer from the server'));
    };
    xhr.onabort = () => {
      done();
      // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors -- rejects with the signal's own reason, as fetch does
      reject(abortReason(signal));
    };
    xhr.send(body);
  });
}

async function withFetch(
  doFetch: typeof fetch,
  url: string,
  headers: Record<string, string>,
  body: Blob,
  options: UploadOptions,
): Promise<AttachmentRecord> {
  let response: Response;
  try {
    response = await doFetch(url, {
      method: 'POST',
      headers,
      body,
      ...(options.signal ? { signal: options.signal } : {}),
    });
  } catch (error) {
    if (options.signal?.aborted) throw abortReason(options.signal);
    throw noAnswer('network', (error as Error).message || 'Network error');
  }
  const parsed = parse(await response.text());
  if (!response.ok) throw new SkemaApiError(response.status, problemOf(response.status, response.statusText, parsed));
  options.onProgress?.(body.size, body.size);
  return parsed as AttachmentRecord;
}
