import { useEffect, useState } from 'react';

/** Hash routes (`#/forms/underretning/1.0.0`): the API serves the demo as static files, no rewrites needed. */
export type Route =
  | { page: 'catalogue' }
  | { page: 'fill'; formId: string; version: string; submissionId?: string }
  | { page: 'submissions'; formId?: string; status?: string }
  | { page: 'submission'; id: string }
  | { page: 'admin'; formId?: string }
  | { page: 'worklist' }
  | { page: 'newCase'; from?: string }
  | { page: 'case'; id: string }
  | { page: 'caseForm'; id: string; formId: string; submissionId?: string }
  | { page: 'deliveries' };

export function parseRoute(hash: string): Route {
  const [path = '', query = ''] = hash.replace(/^#/, '').split('?');
  const parts = path.split('/').filter(Boolean).map(decodeURIComponent);
  const params = new URLSearchParams(query);
  if (parts[0] === 'forms' && parts[1]) {
    const submissionId = params.get('submission') ?? undefined;
    return { page: 'fill', formId: parts[1], version: parts[2] ?? 'latest', ...(submissionId ? { submissionId } : {}) };
  }
  if (parts[0] === 'submissions' && parts[1]) return { page: 'submission', id: parts[1] };
  if (parts[0] === 'submissions') {
    const formId = params.get('form') ?? undefined;
    const status = params.get('status') ?? undefined;
    return { page: 'submissions', ...(formId ? { formId } : {}), ...(status ? { status } : {}) };
  }
  if (parts[0] === 'frister') return { page: 'worklist' };
  if (parts[0] === 'sager' && parts[1] === 'ny') {
    const from = params.get('fra') ?? undefined;
    return { page: 'newCase', ...(from ? { from } : {}) };
  }
  if (parts[0] === 'sager' && parts[1] && parts[2] === 'skema' && parts[3]) {
    const submissionId = params.get('submission') ?? undefined;
    return { page: 'caseForm', id: parts[1], formId: parts[3], ...(submissionId ? { submissionId } : {}) };
  }
  if (parts[0] === 'sager' && parts[1]) return { page: 'case', id: parts[1] };
  if (parts[0] === 'leveringer') return { page: 'deliveries' };
  if (parts[0] === 'admin') return { page: 'admin', ...(parts[1] ? { formId: parts[1] } : {}) };
  return { page: 'catalogue' };
}

export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(window.location.hash));
  useEffect(() => {
    const onChange = () => setRoute(parseRoute(window.location.hash));
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return route;
}

export function navigate(hash: string): void {
  window.location.hash = hash;
}
