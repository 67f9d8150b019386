import { startDevIdp } from './idp.js';

/** `npm start -w @skema/idp`: the development provider alone (IDP_PORT, default 3001; the portal on PORT, default 3000). */
const port = Number(process.env.IDP_PORT ?? 3001);
const portal = Number(process.env.PORT ?? 3000);
const idp = await startDevIdp({
  port,
  host: '127.0.0.1',
  publicUrl: (p) => `http://localhost:${p}`,
  redirectUris: [`http://localhost:${portal}/`, `http://127.0.0.1:${portal}/`],
});
process.stdout.write(`Development OpenID Provider at ${idp.issuer('demo')} and ${idp.issuer('demo2')}\n`);
