/**
 * Rules for subnets, tunnel CIDRs, BGP and health checks.
 */
import { canonicalCidr, cidrContains, formatIpv4, Ipv4Cidr, LINK_LOCAL, parseIpv4, parseIpv4Cidr } from '../net';
import { checkInteger, describe, Findings, isUnresolved, literalString } from './findings';
import { BgpConfig, HealthCheckConfig } from '../../tunnel';

export interface IndexedCidr {
  readonly index: number;
  readonly cidr: Ipv4Cidr;
}

/**
 * `localSubnets` / `remoteSubnets` (count and types checked by the reader): canonical IPv4 CIDR blocks
 * without duplicates. Returns the blocks that parse, for the overlap rule.
 */
export function checkSubnets(
  f: Findings,
  path: string,
  list: readonly (string | undefined)[] | undefined,
): IndexedCidr[] {
  if (!f.given(path, list)) {
    f.error('REQUIRED_PROP_MISSING', path, 'is required: give 1 to 10 CIDR blocks, e.g. ["10.0.0.0/16"].');
    return [];
  }
  if (list === undefined || isUnresolved(list)) return []; // rejected, or a list token (unknown until apply)
  const seen = new Map<string, number>();
  const parsed: IndexedCidr[] = [];
  // the canonical forms written in the list, so that a hint never points at a duplicate
  const written = new Map<string, number>();
  list.forEach((item, i) => {
    if (item !== undefined && !isUnresolved(item) && !written.has(item)) written.set(item, i);
  });
  list.forEach((item, i) => {
    const at = `${path}[${i}]`;
    if (item === undefined || isUnresolved(item)) return; // rejected by the reader, or a token
    const cidr = parseIpv4Cidr(item);
    if (!cidr) {
      f.error('SUBNET_NOT_IPV4_CIDR', at, `must be an IPv4 CIDR block like "10.0.0.0/16", got ${describe(item)}.`);
      return;
    }
    parsed.push({ index: i, cidr });
    const canonical = canonicalCidr(cidr);
    if (canonical !== item) {
      const twin = written.get(canonical);
      f.error(
        'SUBNET_NOT_CANONICAL',
        at,
        `must be written in network form (the provider rejects host bits), got ${describe(item)}; ` +
          (twin === undefined
            ? `use "${canonical}".`
            : `it is the block ${path}[${twin}] ("${canonical}") already lists: remove this one.`),
      );
    }
    const first = seen.get(canonical);
    if (first !== undefined) {
      f.error('SUBNET_DUPLICATE', at, `repeats ${path}[${first}] (${describe(item)}); remove one of them.`);
    } else {
      seen.set(canonical, i);
    }
  });
  return parsed;
}

export const overlaps = (a: Ipv4Cidr, b: Ipv4Cidr) => a.network < b.network + b.size && b.network < a.network + a.size;

/**
 * Local and remote selectors that overlap: almost always a mistake (traffic between two addresses of
 * the same block), except destination-based routing, where both sides are exactly `0.0.0.0/0`.
 */
export function checkSubnetOverlap(f: Findings, local: IndexedCidr[], remote: IndexedCidr[]): void {
  const isDefault = (list: IndexedCidr[]) => list.length === 1 && list[0].cidr.prefixLength === 0;
  if (isDefault(local) && isDefault(remote)) return;
  for (const r of remote) {
    for (const l of local) {
      if (!overlaps(l.cidr, r.cidr)) continue;
      f.warn(
        'SUBNET_OVERLAP',
        `remoteSubnets[${r.index}]`,
        `("${canonicalCidr(r.cidr)}") overlaps localSubnets[${l.index}] ("${canonicalCidr(l.cidr)}"): the VPC ` +
          'side and the data-centre side of a protected data flow should not share addresses. Check the ' +
          'blocks; use ["0.0.0.0/0"] on both sides for destination-based routing.',
      );
    }
  }
}

/**
 * Tunnel CIDRs the API refuses (CreateVpnConnection `TunnelCidr`, current API reference: "cannot be
 * 169.254.0.0/30, 169.254.1.0/30, ..., 169.254.6.0/30, or 169.254.169.252/30"; docs/decisions/005).
 */
const RESERVED_TUNNEL_CIDRS = new Set([
  ...[0, 1, 2, 3, 4, 5, 6].map((third) => `169.254.${third}.0/30`),
  '169.254.169.252/30',
]);

/** /30 blocks to suggest, in order, when a tunnel CIDR needs another value. */
function freeTunnelCidr(used: ReadonlySet<string>): string {
  for (let third = 10; third < 256; third += 10) {
    const candidate = `169.254.${third}.0/30`;
    if (!used.has(candidate)) return candidate;
  }
  return '169.254.1.0/30'; // unreachable with two tunnels
}

/**
 * A tunnel CIDR: a /30 in 169.254.0.0/16, in network form. Returns the parsed block when valid. `used`
 * holds the valid tunnel CIDRs of the whole connection, so the suggested fix is never one of them.
 */
function checkTunnelCidr(f: Findings, path: string, value: string | undefined, used: ReadonlySet<string>) {
  const literal = literalString(f, path, value, true);
  if (literal === undefined) return undefined;
  const cidr = parseIpv4Cidr(literal);
  const linkLocal30 = cidr !== undefined && cidr.prefixLength === 30 && cidrContains(LINK_LOCAL, cidr.network);
  if (linkLocal30 && canonicalCidr(cidr) === literal) {
    if (!RESERVED_TUNNEL_CIDRS.has(literal)) return cidr;
    f.error(
      'TUNNEL_CIDR_RESERVED',
      path,
      `("${literal}") is reserved by Alibaba Cloud (169.254.0.0/30 to 169.254.6.0/30 and 169.254.169.252/30); ` +
        `use another /30 such as "${freeTunnelCidr(used)}", unique per VPN gateway.`,
    );
    return undefined;
  }
  const fix = linkLocal30 && !used.has(canonicalCidr(cidr)) ? canonicalCidr(cidr) : freeTunnelCidr(used);
  f.error(
    'TUNNEL_CIDR_NOT_LINK_LOCAL_30',
    path,
    `must be a /30 inside 169.254.0.0/16 in network form, got ${describe(literal)}; use a block such as "${fix}", ` +
      'unique per VPN gateway.',
  );
  return undefined;
}

/** The tunnel CIDR of a bgpConfig in canonical form, when it is a valid literal. */
export function validTunnelCidr(bgp: BgpConfig | undefined): string | undefined {
  const literal = bgp?.tunnelCidr;
  if (literal === undefined || isUnresolved(literal)) return undefined;
  const cidr = parseIpv4Cidr(literal);
  return cidr &&
    cidr.prefixLength === 30 &&
    cidrContains(LINK_LOCAL, cidr.network) &&
    canonicalCidr(cidr) === literal &&
    !RESERVED_TUNNEL_CIDRS.has(literal)
    ? literal
    : undefined;
}

/** `bgpConfig` of a single-tunnel connection or of one tunnel. */
export function checkBgpConfig(f: Findings, path: string, bgp: BgpConfig | undefined, used: ReadonlySet<string>): void {
  if (bgp === undefined) return;
  const cidr = checkTunnelCidr(f, `${path}.tunnelCidr`, bgp.tunnelCidr, used);
  const ipPath = `${path}.localBgpIp`;
  const ipText = literalString(f, ipPath, bgp.localBgpIp, true);
  if (ipText !== undefined) {
    const ip = parseIpv4(ipText);
    if (ip === undefined) {
      f.error(
        'BGP_IP_OUTSIDE_TUNNEL_CIDR',
        ipPath,
        `must be an IPv4 address inside tunnelCidr, got ${describe(ipText)}.`,
      );
    } else if (cidr && (!cidrContains(cidr, ip) || ip === cidr.network || ip === cidr.network + cidr.size - 1)) {
      const hosts = `${formatIpv4(cidr.network + 1)} or ${formatIpv4(cidr.network + 2)}`;
      f.error(
        'BGP_IP_OUTSIDE_TUNNEL_CIDR',
        ipPath,
        `must be a usable host address of tunnelCidr ${describe(bgp.tunnelCidr)}, got ${describe(ipText)}; use ${hosts}.`,
      );
    }
  }
  const asn = bgp.localAsn;
  // a fractional number may be a dotted ASN written as a number; its digits cannot be trusted (1.10 is 1.1)
  const hint =
    typeof asn === 'number' && Number.isFinite(asn) && !Number.isInteger(asn)
      ? ' A dotted ASN a.b is the integer a × 65536 + b (123.456 is 8061384).'
      : '';
  checkInteger(f, 'ASN_RANGE', `${path}.localAsn`, asn, 1, 4294967295, 'an autonomous system number', hint);
}

/** `healthCheckConfig`: IPv4 source and destination, positive interval and retries. */
export function checkHealthCheckConfig(f: Findings, path: string, hc: HealthCheckConfig | undefined): void {
  if (hc === undefined) return;
  for (const key of ['destinationIp', 'sourceIp'] as const) {
    const at = `${path}.${key}`;
    const literal = literalString(f, at, hc[key], true);
    if (literal !== undefined && parseIpv4(literal) === undefined) {
      f.error('HEALTH_CHECK_IP_INVALID', at, `must be an IPv4 address like "192.0.2.10", got ${describe(literal)}.`);
    }
  }
  const max = 2 ** 31 - 1;
  const rule = 'HEALTH_CHECK_NUMBER_RANGE';
  checkInteger(f, rule, `${path}.intervalSeconds`, hc.intervalSeconds, 1, max, 'the probe interval in seconds');
  checkInteger(f, rule, `${path}.retries`, hc.retries, 1, max, 'the number of retries');
}
