import { BlockList, isIP } from 'node:net';

// Loopback, private, unique-local and link-local ranges (RFC 1918, 4193, 3927, 4291). BlockList also
// matches IPv4-mapped IPv6 addresses (::ffff:10.0.0.1) against the IPv4 ranges.
const NEARBY_ADDRESSES = new BlockList();
for (const [network, prefix] of [
  ['0.0.0.0', 8],
  ['127.0.0.0', 8],
  ['10.0.0.0', 8],
  ['172.16.0.0', 12],
  ['192.168.0.0', 16],
  ['169.254.0.0', 16],
] as const) {
  NEARBY_ADDRESSES.addSubnet(network, prefix, 'ipv4');
}
for (const [network, prefix] of [
  ['::', 128],
  ['::1', 128],
  ['fc00::', 7],
  ['fe80::', 10],
] as const) {
  NEARBY_ADDRESSES.addSubnet(network, prefix, 'ipv6');
}

// Names that only resolve on the host, the LAN or in a cluster: RFC 6761 `*.localhost`, mDNS `*.local`
// (which also covers Kubernetes' `*.svc.cluster.local`), cloud-internal `*.internal`, Kubernetes `*.svc`.
const NEARBY_SUFFIXES = ['.localhost', '.local', '.internal', '.svc'];

/**
 * Whether a URL's host (as `URL.hostname` gives it: lower case, IPv6 in brackets) is on this machine or
 * its network rather than across the internet: loopback or private-range addresses, `localhost`,
 * single-label names and the local-only suffixes above. A public name or address is not.
 */
export function hostLooksLocal(hostname: string): boolean {
  const host = hostname
    .toLowerCase()
    .replace(/^\[(.*)\]$/, '$1')
    .replace(/\.$/, '');
  const family = isIP(host);
  if (family !== 0) {
    return NEARBY_ADDRESSES.check(host, family === 6 ? 'ipv6' : 'ipv4');
  }
  return host === 'localhost' || !host.includes('.') || NEARBY_SUFFIXES.some((suffix) => host.endsWith(suffix));
}
