/* eslint-disable no-bitwise -- IPv4 addresses are 32-bit integers; masks are bit operations */
/**
 * Strict IPv4 address and CIDR parsing, with the semantics of Go's `net.ParseIP` / `net.ParseCIDR`
 * that the provider's `validateCIDRNetworkAddress` uses: four decimal octets 0–255 without leading
 * zeros, a prefix length 0–32.
 */

/** An IPv4 address as an unsigned 32-bit integer. */
export type Ipv4 = number;

export interface Ipv4Cidr {
  /** The address as written (not masked). */
  readonly address: Ipv4;
  readonly prefixLength: number;
  /** The network address (address with host bits cleared). */
  readonly network: Ipv4;
  /** Number of addresses in the block. */
  readonly size: number;
}

const OCTET = '(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)';
const IPV4_RE = new RegExp(`^${OCTET}\\.${OCTET}\\.${OCTET}\\.${OCTET}$`);
const PREFIX_RE = /^(3[0-2]|[12]?\d)$/;

/** Parses a dotted-quad IPv4 address; `undefined` when it is not one. */
export function parseIpv4(text: string): Ipv4 | undefined {
  const m = IPV4_RE.exec(text);
  if (!m) return undefined;
  return ((+m[1] << 24) | (+m[2] << 16) | (+m[3] << 8) | +m[4]) >>> 0;
}

/** Parses `a.b.c.d/n`; `undefined` when it is not an IPv4 CIDR block. */
export function parseIpv4Cidr(text: string): Ipv4Cidr | undefined {
  const slash = text.indexOf('/');
  if (slash < 0) return undefined;
  const address = parseIpv4(text.slice(0, slash));
  const prefix = text.slice(slash + 1);
  if (address === undefined || !PREFIX_RE.test(prefix)) return undefined;
  const prefixLength = +prefix;
  const size = 2 ** (32 - prefixLength);
  const network = prefixLength === 0 ? 0 : (address & (0xffffffff << (32 - prefixLength))) >>> 0;
  return { address, prefixLength, network, size };
}

export function formatIpv4(ip: Ipv4): string {
  return [ip >>> 24, (ip >>> 16) & 0xff, (ip >>> 8) & 0xff, ip & 0xff].join('.');
}

/** `10.0.0.1/24` → `10.0.0.0/24`. */
export function canonicalCidr(cidr: Ipv4Cidr): string {
  return `${formatIpv4(cidr.network)}/${cidr.prefixLength}`;
}

export function cidrContains(cidr: Ipv4Cidr, ip: Ipv4): boolean {
  return ip >= cidr.network && ip < cidr.network + cidr.size;
}

/** 169.254.0.0/16, where tunnel CIDR blocks must lie. */
export const LINK_LOCAL: Ipv4Cidr = parseIpv4Cidr('169.254.0.0/16')!;
