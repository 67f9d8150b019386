export { DEV_AUDIENCE, DEV_CLIENT_ID, startDevIdp, type DevIdp, type DevIdpOptions } from './idp.js';
export { newSigningKey, publicJwk, type SigningJwk } from './keys.js';
export { API_SCOPE } from './provider.js';
export { signInAs } from './sign-in.js';
export { DEMO_USERS, DEV_ROLES, DEV_TENANTS, demoUser, type DemoUser, type DevRole, type DevTenant } from './users.js';
