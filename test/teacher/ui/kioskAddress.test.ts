import { describe, expect, it } from 'vitest';
import type { Hello } from '../../../src/lab/protocol.ts';
import { isLoopbackUrl, kioskAddresses, slipAddress } from '../../../src/teacher/ui/lab/kioskAddress.ts';

const hello = (kioskUrls: string[]): Hello => ({ server: 'psyscreen-lab', protocol: 1, plan: null, kioskUrls, time: '2026-10-12T02:30:00.000Z' });

describe('the kiosk address students are given', () => {
  it('is the lab server\'s LAN address, never localhost when a LAN address is known', () => {
    const served = hello(['http://localhost:8080/kiosk.html', 'http://192.168.1.20:8080/kiosk.html', 'http://10.0.0.7:8080/kiosk.html']);
    expect(kioskAddresses(served, 'http://localhost:8080/teacher.html')).toEqual([
      'http://192.168.1.20:8080/kiosk.html', 'http://10.0.0.7:8080/kiosk.html', 'http://localhost:8080/kiosk.html',
    ]);
    expect(slipAddress(kioskAddresses(served, 'http://localhost:8080/teacher.html')[0] ?? '')).toBe('192.168.1.20:8080/kiosk.html');
  });

  it('without a lab server, is the kiosk page next to this page (also under a sub-path)', () => {
    expect(kioskAddresses(undefined, 'https://psy.school.edu.cn/teacher.html#/roster')).toEqual(['https://psy.school.edu.cn/kiosk.html']);
    expect(kioskAddresses(undefined, 'http://192.168.1.5/psyscreen/teacher.html')).toEqual(['http://192.168.1.5/psyscreen/kiosk.html']);
    expect(kioskAddresses(hello([]), 'http://192.168.1.5:8080/teacher.html')).toEqual(['http://192.168.1.5:8080/kiosk.html']);
  });

  it('knows which addresses point at the machine they are opened on', () => {
    for (const url of ['http://localhost:5173/kiosk.html', 'http://127.0.0.1:8080/kiosk.html', 'http://[::1]:8080/kiosk.html', 'http://lab.localhost/kiosk.html']) expect(isLoopbackUrl(url)).toBe(true);
    for (const url of ['http://192.168.1.20:8080/kiosk.html', 'http://teacher-pc.local/kiosk.html', 'not a url']) expect(isLoopbackUrl(url)).toBe(false);
  });
});
