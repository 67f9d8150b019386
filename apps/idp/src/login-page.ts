import type { DemoUser } from './users.js';

const ROLE_LABELS: Record<string, string> = {
  sagsbehandler: 'sagsbehandler',
  fagkonsulent: 'fagkonsulent',
  leder: 'leder',
  admin: 'administrator',
  auditor: 'revisor (auditor)',
};

function escape(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * The development login: a list of radio buttons (one per demo user of the municipality) in a
 * fieldset with a legend, and a submit button, so it works by keyboard and screen reader alone.
 * No password: this provider is for development and tests only.
 */
export function loginPage(options: {
  action: string;
  tenantName: string;
  users: readonly DemoUser[];
  clientName: string;
}): string {
  const choices = options.users
    .map(
      (u, i) =>
        `<li><input type="radio" name="user" id="user-${escape(u.id)}" value="${escape(u.id)}"${i === 0 ? ' checked' : ''} />` +
        ` <label for="user-${escape(u.id)}">${escape(u.name)} <span class="role">(${escape(u.roles.map((r) => ROLE_LABELS[r] ?? r).join(', '))})</span></label></li>`,
    )
    .join('\n');
  return `<!doctype html>
<html lang="da">
<head>
<meta charset="utf-8" />
<meta name="viewport" content="width=device-width, initial-scale=1" />
<title>Log ind – ${escape(options.tenantName)} (udvikling)</title>
<style>
body { font-family: system-ui, sans-serif; max-width: 36rem; margin: 2rem auto; padding: 0 1rem; color: #1a1a1a; }
fieldset { border: 1px solid #767676; padding: 1rem; } ul { list-style: none; padding: 0; } li { margin: .5rem 0; }
.role { color: #4a4a4a; } button { font: inherit; padding: .5rem 1.25rem; margin-top: 1rem; }
:focus-visible { outline: 3px solid #1d4ed8; outline-offset: 2px; }
.warning { background: #fff4ce; border-left: 4px solid #8a6d00; padding: .5rem 1rem; }
</style>
</head>
<body>
<main>
<h1>Log ind hos ${escape(options.tenantName)}</h1>
<p class="warning">Udviklingslogin: vælg en demobruger. Ingen adgangskode – må aldrig bruges i drift.</p>
<p>${escape(options.clientName)} beder om at vide, hvem du er.</p>
<form method="post" action="${escape(options.action)}">
<fieldset>
<legend>Demobruger</legend>
<ul>
${choices}
</ul>
</fieldset>
<button type="submit">Log ind</button>
</form>
</main>
</body>
</html>`;
}

/** The provider's sign-out confirmation (RP-initiated logout): its own form, and two labelled buttons. */
export function logoutPage(form: string): string {
  return `<!doctype html>
<html lang="da">
<head><meta charset="utf-8" /><meta name="viewport" content="width=device-width, initial-scale=1" /><title>Log ud (udvikling)</title>
<style>body { font-family: system-ui, sans-serif; max-width: 36rem; margin: 2rem auto; padding: 0 1rem; } button { font: inherit; padding: .5rem 1.25rem; margin-right: .5rem; } :focus-visible { outline: 3px solid #1d4ed8; outline-offset: 2px; }</style>
</head>
<body><main>
<h1>Vil du logge ud?</h1>
${form}
<button autofocus type="submit" form="op.logoutForm" value="yes" name="logout">Ja, log mig ud</button>
<button type="submit" form="op.logoutForm">Nej, forbliv logget ind</button>
</main></body>
</html>`;
}
