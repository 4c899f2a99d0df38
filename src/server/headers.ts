import type { ServerResponse } from 'node:http';
import { CONTENT_SECURITY_POLICY } from './csp.ts';

/** Sent on every response of the lab server, errors included (README: nginx sends the same). */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Resource-Policy': 'same-origin',
  // The app needs none of these; a page injected into it gets none either.
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=(), serial=(), hid=()',
};

/**
 * Cross-Origin-Opener-Policy only counts on a trustworthy origin; on a LAN address over plain http
 * browsers ignore it and Chromium logs a console error for every page, so it goes to loopback only.
 */
const TRUSTWORTHY_HOST = /^(localhost|127\.0\.0\.1|\[::1\])(:\d+)?$/i;

export function setSecurityHeaders(response: ServerResponse, host: string | undefined): void {
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) response.setHeader(name, value);
  if (TRUSTWORTHY_HOST.test(host ?? '')) response.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
}
