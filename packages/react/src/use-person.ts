import { useEffect, useState } from 'react';
import type { SkemaClient } from './api.js';
import type { SignedInPerson } from './approvals-context.js';

/**
 * Who is signed in, when the token is a person's (`GET /auth/me`); undefined without a token, for
 * an API key or an embed session, and while it loads. Only people see approval buttons.
 */
export function usePerson(client: SkemaClient, hasToken: boolean): SignedInPerson | undefined {
  const [person, setPerson] = useState<SignedInPerson | undefined>();
  useEffect(() => {
    setPerson(undefined);
    if (!hasToken) return;
    let cancelled = false;
    client
      .me()
      .then((me) => {
        if (!cancelled && me.kind === 'person')
          setPerson({ kind: me.kind, subject: me.subject, roles: me.roles, ...(me.name ? { name: me.name } : {}) });
      })
      // Not knowing who it is only hides the buttons; the form itself works.
      .catch(() => undefined);
    return () => {
      cancelled = true;
    };
  }, [client, hasToken]);
  return person;
}
