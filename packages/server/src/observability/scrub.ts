import { scrubText } from '@skema/core';

// The scrubber lives in core: the submissions module scrubs audit details with the same one.
export { CPR_MASK, scrubDetails, scrubText, scrubValue } from '@skema/core';

/**
 * A URL path (or path and query) for the log: percent-decoded first, so a CPR number hidden
 * behind escapes (`%30%31…`) is found too, then scrubbed. Undecodable input is scrubbed as it is.
 */
export function scrubUrl(url: string): string {
  let decoded = url;
  try {
    decoded = decodeURIComponent(url);
  } catch {
    // Malformed escapes: the raw text is still scrubbed below.
  }
  return decoded === url ? scrubText(url) : scrubText(decoded);
}
