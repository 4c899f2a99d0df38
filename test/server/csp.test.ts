import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY, DEV_CONTENT_SECURITY_POLICY, META_CONTENT_SECURITY_POLICY } from '../../src/server/csp.ts';

describe('one CSP for the dev server, the built HTML and the lab server', () => {
  it('keeps the meta policy equal to the header minus what browsers ignore in <meta>', () => {
    const directives = (policy: string) => policy.split('; ').map((part) => part.split(' ')[0]);
    expect(directives(META_CONTENT_SECURITY_POLICY)).toEqual(directives(CONTENT_SECURITY_POLICY).filter((name) => name !== 'frame-ancestors'));
    expect(META_CONTENT_SECURITY_POLICY).not.toMatch(/frame-ancestors|report-uri|sandbox/);
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self';");
  });

  it('allows inline scripts only on the dev server', () => {
    expect(DEV_CONTENT_SECURITY_POLICY).toContain("script-src 'self' 'unsafe-inline'");
    expect(CONTENT_SECURITY_POLICY).not.toContain("script-src 'self' 'unsafe-inline'");
    expect(META_CONTENT_SECURITY_POLICY).not.toContain("script-src 'self' 'unsafe-inline'");
  });
});
