/**
 * Portal origins allowed to call the API from the browser (`corsOrigins`, `CORS_ORIGINS`).
 * Each must be exactly what a browser sends in `Origin`: `scheme://host[:port]`, lower case, no
 * default port, no path and no trailing slash, because the allow-list is compared string for string.
 * Wildcards are refused: every portal is listed by name.
 */
export function corsOriginProblems(origins: readonly string[]): string[] {
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const origin of origins) {
    const problem = originProblem(origin);
    if (problem) problems.push(problem);
    else if (seen.has(origin)) problems.push(`${origin} is listed twice`);
    seen.add(origin);
  }
  return problems;
}

/** `CORS_ORIGINS`: origins separated by commas (spaces around them are ignored). */
export function parseCorsOrigins(value: string): string[] {
  return value
    .split(',')
    .map((o) => o.trim())
    .filter((o) => o !== '');
}

function originProblem(origin: string): string | undefined {
  if (origin.includes('*'))
    return `${origin}: wildcards are not allowed; list each portal's origin (scheme://host[:port])`;
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    return `${origin} is not an origin; write scheme://host[:port], e.g. https://borger.kommune.dk`;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    return `${origin}: only http and https origins can be allowed`;
  if (url.username || url.password) return `${origin}: an origin has no user name or password`;
  if (url.pathname !== '/' || url.search || url.hash || /^[a-z]+:\/\/[^/]+\/$/i.test(origin)) {
    return `${origin} has a path, query or trailing slash; an origin is only scheme://host[:port] (${url.origin})`;
  }
  // Browsers send the serialised origin; anything else (upper case, :443 on https) would never match.
  if (url.origin !== origin) return `${origin} is not written as browsers send it; write ${url.origin}`;
  return undefined;
}
