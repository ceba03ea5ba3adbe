/**
 * Rules for subnets, tunnel CIDRs, BGP and health checks.
 */
import { canonicalCidr, cidrContains, formatIpv4, Ipv4Cidr, LINK_LOCAL, parseIpv4, parseIpv4Cidr } from '../net';
import { checkInteger, Findings, isUnresolved, kindOf, literalString, show, struct } from './findings';

const MAX_SUBNETS = 10;

/** `localSubnets` / `remoteSubnets`: 1–10 canonical IPv4 CIDR blocks without duplicates. */
export function checkSubnets(f: Findings, path: string, value: unknown): void {
  if (value === undefined) {
    f.error('REQUIRED_PROP_MISSING', path, 'is required: give 1 to 10 CIDR blocks, e.g. ["10.0.0.0/16"].');
    return;
  }
  if (!Array.isArray(value)) {
    f.error('TYPE_INVALID', path, `must be an array of CIDR blocks, got ${kindOf(value)} ${show(value)}.`);
    return;
  }
  if (isUnresolved(value)) return; // a list token: its length and elements are unknown until apply
  if (value.length < 1 || value.length > MAX_SUBNETS) {
    f.error(
      'SUBNET_COUNT',
      path,
      `must hold 1 to ${MAX_SUBNETS} CIDR blocks, got ${value.length}. ` +
        (value.length === 0
          ? 'Use ["0.0.0.0/0"] on both sides for destination-based routing.'
          : 'Summarize them into larger blocks or split the connection.'),
    );
  }
  const seen = new Map<string, number>();
  value.forEach((item, i) => {
    const at = `${path}[${i}]`;
    const literal = literalString(f, at, item, true);
    if (literal === undefined) return;
    const cidr = parseIpv4Cidr(literal);
    if (!cidr) {
      f.error('SUBNET_NOT_IPV4_CIDR', at, `must be an IPv4 CIDR block like "10.0.0.0/16", got ${show(literal)}.`);
      return;
    }
    const canonical = canonicalCidr(cidr);
    if (canonical !== literal) {
      f.error(
        'SUBNET_NOT_CANONICAL',
        at,
        `must be written in network form (the provider rejects host bits), got ${show(literal)}; use "${canonical}".`,
      );
    }
    const first = seen.get(canonical);
    if (first !== undefined) {
      f.error('SUBNET_DUPLICATE', at, `repeats ${path}[${first}] (${show(literal)}); remove one of them.`);
    } else {
      seen.set(canonical, i);
    }
  });
}

/** A tunnel CIDR: a /30 in 169.254.0.0/16, in network form. Returns the parsed block when valid. */
function checkTunnelCidr(f: Findings, path: string, value: unknown): Ipv4Cidr | undefined {
  const literal = literalString(f, path, value, true);
  if (literal === undefined) return undefined;
  const cidr = parseIpv4Cidr(literal);
  const valid =
    cidr !== undefined &&
    cidr.prefixLength === 30 &&
    cidrContains(LINK_LOCAL, cidr.network) &&
    canonicalCidr(cidr) === literal;
  if (!valid) {
    const hint =
      cidr && cidr.prefixLength === 30 && cidrContains(LINK_LOCAL, cidr.network)
        ? `use "${canonicalCidr(cidr)}"`
        : 'use a block such as "169.254.10.0/30", unique per VPN gateway';
    f.error(
      'TUNNEL_CIDR_NOT_LINK_LOCAL_30',
      path,
      `must be a /30 inside 169.254.0.0/16 in network form, got ${show(literal)}; ${hint}.`,
    );
    return undefined;
  }
  return cidr;
}

/**
 * `bgpConfig` of a single-tunnel connection or of one tunnel. Returns the tunnel CIDR in canonical
 * form when it is a valid literal (for the cross-tunnel uniqueness rule).
 */
export function checkBgpConfig(f: Findings, path: string, value: unknown): string | undefined {
  const bgp = struct(f, path, value);
  if (!bgp) return undefined;
  const cidr = checkTunnelCidr(f, `${path}.tunnelCidr`, bgp.tunnelCidr);
  const ipPath = `${path}.localBgpIp`;
  const ipText = literalString(f, ipPath, bgp.localBgpIp, true);
  if (ipText !== undefined) {
    const ip = parseIpv4(ipText);
    if (ip === undefined) {
      f.error('BGP_IP_OUTSIDE_TUNNEL_CIDR', ipPath, `must be an IPv4 address inside tunnelCidr, got ${show(ipText)}.`);
    } else if (cidr && (!cidrContains(cidr, ip) || ip === cidr.network || ip === cidr.network + cidr.size - 1)) {
      const hosts = `${formatIpv4(cidr.network + 1)} or ${formatIpv4(cidr.network + 2)}`;
      f.error(
        'BGP_IP_OUTSIDE_TUNNEL_CIDR',
        ipPath,
        `must be a usable host address of tunnelCidr ${show(bgp.tunnelCidr)}, got ${show(ipText)}; use ${hosts}.`,
      );
    }
  }
  checkInteger(f, 'ASN_RANGE', `${path}.localAsn`, bgp.localAsn, 1, 4294967295, 'an autonomous system number');
  return cidr ? canonicalCidr(cidr) : undefined;
}

/** `healthCheckConfig`: IPv4 source and destination, positive interval and retries. */
export function checkHealthCheckConfig(f: Findings, path: string, value: unknown): void {
  const hc = struct(f, path, value);
  if (!hc) return;
  for (const key of ['destinationIp', 'sourceIp'] as const) {
    const at = `${path}.${key}`;
    const literal = literalString(f, at, hc[key], true);
    if (literal !== undefined && parseIpv4(literal) === undefined) {
      f.error('HEALTH_CHECK_IP_INVALID', at, `must be an IPv4 address like "192.0.2.10", got ${show(literal)}.`);
    }
  }
  const max = 2 ** 31 - 1;
  checkInteger(
    f,
    'HEALTH_CHECK_NUMBER_RANGE',
    `${path}.intervalSeconds`,
    hc.intervalSeconds,
    1,
    max,
    'the probe interval in seconds',
  );
  checkInteger(f, 'HEALTH_CHECK_NUMBER_RANGE', `${path}.retries`, hc.retries, 1, max, 'the number of retries');
}
