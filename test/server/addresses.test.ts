import type { NetworkInterfaceInfo } from 'node:os';
import { describe, expect, it } from 'vitest';
import { ipv4Addresses, kioskUrls } from '../../src/server/addresses.ts';

const nic = (address: string, internal: boolean, family: 'IPv4' | 'IPv6' = 'IPv4'): NetworkInterfaceInfo =>
  family === 'IPv4'
    ? { address, netmask: '255.255.255.0', family, mac: '00:00:00:00:00:00', internal, cidr: `${address}/24` }
    : { address, netmask: 'ffff:ffff:ffff:ffff::', family, mac: '00:00:00:00:00:00', internal, cidr: `${address}/64`, scopeid: 0 };
const interfaces = { lo: [nic('127.0.0.1', true)], eth0: [nic('192.168.1.20', false), nic('fe80::1', false, 'IPv6')], wlan0: [nic('10.0.0.7', false)] };

describe('kiosk addresses', () => {
  it('lists every LAN IPv4 address first and loopback last, no IPv6', () => {
    expect(ipv4Addresses(interfaces)).toEqual(['192.168.1.20', '10.0.0.7', '127.0.0.1']);
  });
  it('gives kiosk URLs for all interfaces, or only the host the server listens on', () => {
    expect(kioskUrls('0.0.0.0', 8080, interfaces)).toEqual(['http://192.168.1.20:8080/kiosk.html', 'http://10.0.0.7:8080/kiosk.html', 'http://127.0.0.1:8080/kiosk.html']);
    expect(kioskUrls('192.168.1.20', 9000, interfaces)).toEqual(['http://192.168.1.20:9000/kiosk.html']);
  });
});
