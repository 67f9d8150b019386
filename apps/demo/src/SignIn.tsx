import { useEffect, useState } from 'react';
import { signInProviders, signOut, startSignIn, whoAmI, type Me, type SignInProvider } from './auth.js';

const ROLE_NAMES: Record<string, string> = {
  caseworker: 'sagsbehandler',
  fagkonsulent: 'fagkonsulent',
  leder: 'leder',
  auditor: 'revisor',
  admin: 'administrator',
};

/** Who is signed in (name, roles, municipality) with «Log ud», or a choice of municipality with «Log ind». */
export function SignIn() {
  const [me, setMe] = useState<Me | undefined>();
  const [providers, setProviders] = useState<SignInProvider[]>([]);
  const [choice, setChoice] = useState(0);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    void whoAmI().then(setMe);
    void signInProviders().then(setProviders);
  }, []);

  if (me) {
    return (
      <div className="signed-in" aria-label="Logget ind">
        <p>
          <span className="signed-in-name">{me.name ?? me.subject}</span>{' '}
          <span className="signed-in-detail">
            ({me.roles.map((r) => ROLE_NAMES[r] ?? r).join(', ')}, {me.tenantName})
          </span>
        </p>
        <button type="button" onClick={() => void signOut()}>
          Log ud
        </button>
      </div>
    );
  }
  if (!providers.length) return null;
  return (
    <form
      className="sign-in"
      onSubmit={(e) => {
        e.preventDefault();
        setBusy(true);
        void startSignIn(providers[choice]!).catch(() => setBusy(false));
      }}
    >
      <label htmlFor="sign-in-tenant">Kommune</label>
      <select id="sign-in-tenant" value={choice} onChange={(e) => setChoice(Number(e.target.value))}>
        {providers.map((p, i) => (
          <option key={p.issuer} value={i}>
            {p.tenantName}
          </option>
        ))}
      </select>
      <button type="submit" disabled={busy}>
        Log ind
      </button>
    </form>
  );
}
