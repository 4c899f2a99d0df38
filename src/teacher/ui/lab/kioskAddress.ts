import type { Hello } from '../../../lab/protocol.ts';

const LOOPBACK = /^(localhost|127(\.\d{1,3}){3}|\[::1\])$/i;

/** True for an address that, opened on a lab PC, points at that lab PC itself. */
export function isLoopbackUrl(url: string): boolean {
  try {
    return LOOPBACK.test(new URL(url).hostname) || new URL(url).hostname.endsWith('.localhost');
  } catch {
    return false;
  }
}

/**
 * Where students open the kiosk, best first: the lab server's LAN addresses when there is a server
 * (any loopback one last), else the kiosk page next to this page on the same site.
 */
export function kioskAddresses(hello: Hello | undefined, pageUrl: string): string[] {
  const served = hello?.kioskUrls ?? [];
  if (served.length > 0) return [...served.filter((url) => !isLoopbackUrl(url)), ...served.filter(isLoopbackUrl)];
  return [new URL('kiosk.html', pageUrl).href];
}

/** The address a sign-in slip prints: shortest form a student types, without the scheme. */
export const slipAddress = (url: string): string => url.replace(/^https?:\/\//, '');
