import { networkInterfaces, type NetworkInterfaceInfo } from 'node:os';

export type Interfaces = NodeJS.Dict<NetworkInterfaceInfo[]>;

/** Every IPv4 address of this PC, the LAN ones first and loopback last. */
export function ipv4Addresses(interfaces: Interfaces = networkInterfaces()): string[] {
  const all = Object.values(interfaces).flatMap((list) => list ?? []).filter((info) => info.family === 'IPv4');
  const lan = all.filter((info) => !info.internal).map((info) => info.address);
  const internal = all.filter((info) => info.internal).map((info) => info.address);
  return [...new Set([...lan, ...internal])];
}

/** The addresses a kiosk can open: all of them when serving every interface, else the one we listen on. */
export function kioskUrls(host: string, port: number, interfaces?: Interfaces): string[] {
  const hosts = host === '0.0.0.0' || host === '::' ? ipv4Addresses(interfaces) : [host.includes(':') ? `[${host}]` : host];
  return hosts.map((address) => `http://${address}:${port}/kiosk.html`);
}
