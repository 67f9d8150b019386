import { lookup } from 'node:dns/promises';
import { BlockList, isIP } from 'node:net';

/**
 * SSRF: a webhook URL is the tenant's text, so the API must not be made to call its own host or
 * the internal network. Every address the host resolves to is checked (not only the first), and
 * the connection then goes to a checked address (no second lookup a rebinding DNS could answer
 * differently).
 */
const blocked = new BlockList();
for (const [net, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
] as const) {
  blocked.addSubnet(net, prefix, 'ipv4');
}
for (const [net, prefix] of [
  ['::', 128],
  ['::1', 128],
  ['fc00::', 7],
  ['fe80::', 10],
  ['ff00::', 8],
  ['64:ff9b::', 96],
] as const) {
  blocked.addSubnet(net, prefix, 'ipv6');
}

/** Loopback, link-local, private, shared, multicast or otherwise not a public address? */
export function isPrivateAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 4) return blocked.check(address, 'ipv4');
  if (family !== 6) return true;
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return blocked.check(mapped[1]!, 'ipv4');
  return blocked.check(address, 'ipv6');
}

export class AddressRefusedError extends Error {
  override readonly name = 'AddressRefusedError';
}

export interface ResolvedAddress {
  address: string;
  family: 4 | 6;
}

/** Refuses a host when any of its addresses is private (unless allowed); else its first address. */
export function checkAddresses(
  host: string,
  addresses: readonly ResolvedAddress[],
  allowPrivate: boolean,
): ResolvedAddress {
  if (!addresses.length) throw new AddressRefusedError(`${host} has no address`);
  if (!allowPrivate) {
    const refused = addresses.find((a) => isPrivateAddress(a.address));
    if (refused)
      throw new AddressRefusedError(
        `${host} resolves to a loopback, link-local or private address (${refused.address}); allow it per subscription (allowPrivateNetwork)`,
      );
  }
  return addresses[0]!;
}

/** Resolves a host and refuses it when any of its addresses is private (unless allowed). */
export async function resolveAllowed(host: string, allowPrivate: boolean): Promise<ResolvedAddress> {
  const bare = host.startsWith('[') ? host.slice(1, -1) : host;
  const addresses: ResolvedAddress[] = isIP(bare)
    ? [{ address: bare, family: isIP(bare) as 4 | 6 }]
    : ((await lookup(bare, { all: true, verbatim: true })) as ResolvedAddress[]);
  return checkAddresses(host, addresses, allowPrivate);
}
