/*
 * The one Content-Security-Policy of the app (DESIGN.md invariant 9: everything comes from its own
 * origin). vite.config.ts sends it from the dev and preview servers and writes it into every built
 * HTML file; the lab server sends it on every response.
 */
export const CSP_DIRECTIVES: readonly (readonly [string, string])[] = [
  ['default-src', "'self'"],
  ['script-src', "'self'"],
  ['style-src', "'self' 'unsafe-inline'"],
  ['img-src', "'self' data: blob:"],
  ['font-src', "'self'"],
  ['connect-src', "'self'"],
  ['worker-src', "'self' blob:"],
  ['object-src', "'none'"],
  ['base-uri', "'none'"],
  ['form-action', "'none'"],
  ['frame-ancestors', "'none'"],
];

const join = (directives: readonly (readonly [string, string])[]): string => directives.map(([name, value]) => `${name} ${value}`).join('; ');

/** The policy as an HTTP header value. */
export const CONTENT_SECURITY_POLICY = join(CSP_DIRECTIVES);

/** The dev server runs React Refresh's inline preamble, so it alone allows inline scripts. */
export const DEV_CONTENT_SECURITY_POLICY = join(CSP_DIRECTIVES.map(([name, value]) => [name, name === 'script-src' ? `${value} 'unsafe-inline'` : value]));

/** Browsers ignore these in a <meta> policy, and Chromium logs a console error for each one. */
const HEADER_ONLY = new Set(['frame-ancestors', 'report-uri', 'sandbox']);

/** The policy for `<meta http-equiv="Content-Security-Policy">`, which any static host then keeps. */
export const META_CONTENT_SECURITY_POLICY = join(CSP_DIRECTIVES.filter(([name]) => !HEADER_ONLY.has(name)));
