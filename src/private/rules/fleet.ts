/**
 * The rules between resources of one stack: connections on one VPN gateway, connections on one VPN
 * gateway and one customer gateway, route entries on one gateway, customer gateways with one address.
 * Run when the app is synthesized, over the facts the constructs registered (`../fleet.ts`). Each
 * finding belongs to one construct (the later one by construct path, for a clash of two) and names the
 * other. Values that are unknown (tokens) skip the comparison they would take part in.
 *
 * Cost: one pass over the connections and routes, grouped with hash maps, plus a sort of each group:
 * O(n log n). Only the two SAME_CGW rules compare pairs, within a group of tunnels on one gateway and one
 * customer gateway (a handful in practice).
 *
 * Sources: docs/decisions/005-fleet-rules.md.
 */
import { IConstruct } from 'constructs';
import { Findings } from './findings';
import { isPrivateAddress } from './gateway';
import { overlaps } from './network';
import { TunnelMode } from '../../tunnel';
import type { ConnectionFacts, Fleet, IkeSignature, OwnFindings, RouteFacts, TunnelFacts } from '../fleet';
import { canonicalCidr, Ipv4Cidr, parseIpv4 } from '../net';

const byPath = (a: { path: string }, b: { path: string }) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0);

/** The IKE fields compared, with the names a user writes. */
const IKE_FIELDS: ReadonlyArray<[keyof IkeSignature, string]> = [
  ['version', 'version'],
  ['mode', 'mode'],
  ['encryptionAlgorithm', 'encryptionAlgorithm'],
  ['authenticationAlgorithm', 'authenticationAlgorithm'],
  ['dhGroup', 'dhGroup'],
  ['lifetimeSeconds', 'lifetimeSeconds'],
  ['localId', 'localId'],
  ['remoteId', 'remoteId'],
  ['preSharedKey', 'preSharedKey'],
];

/** The fields in which two IKE settings differ, where both are known. */
function ikeDifferences(a: IkeSignature, b: IkeSignature): string[] {
  return IKE_FIELDS.filter(([field]) => a[field] !== undefined && b[field] !== undefined && a[field] !== b[field]).map(
    ([, name]) => name,
  );
}

function gatewayWords(c: ConnectionFacts, gatewayPath: string | undefined): string {
  return gatewayPath !== undefined ? `the VPN gateway at '${gatewayPath}'` : `the VPN gateway ${c.gateway.shown}`;
}

/** Whether two connections' protected data flows (local × remote) overlap; the overlapping pair if so. */
function flowOverlap(a: ConnectionFacts, b: ConnectionFacts): [Ipv4Cidr, Ipv4Cidr] | undefined {
  const local = a.localSubnets.find((x) => b.localSubnets.some((y) => overlaps(x, y)));
  const remote = a.remoteSubnets.find((x) => b.remoteSubnets.some((y) => overlaps(x, y)));
  return local && remote ? [local, remote] : undefined;
}

/** Runs every rule between resources; the findings of each construct concerned. */
export function checkFleet(fleet: Fleet): Map<IConstruct, OwnFindings> {
  const all = new Map<IConstruct, Findings>();
  const of = (construct: IConstruct) => {
    let f = all.get(construct);
    if (f === undefined) {
      f = new Findings();
      all.set(construct, f);
    }
    return f;
  };

  const connections = [...fleet.connections].sort(byPath);
  const onGateway = new Map<string, ConnectionFacts[]>();
  const onPair = new Map<string, Array<{ connection: ConnectionFacts; tunnel: TunnelFacts }>>();

  for (const c of connections) {
    const gateway = fleet.gatewayOf(c);
    const gatewayPath = gateway?.construct.node.path;
    // GATEWAY_MODE_MISMATCH
    if (gateway?.tunnelMode !== undefined && gateway.tunnelMode !== c.mode) {
      const dual = gateway.tunnelMode === TunnelMode.DUAL;
      of(c.construct).error(
        'GATEWAY_MODE_MISMATCH',
        dual ? c.tunnels[0].customerGatewayProp : 'tunnels',
        `makes this a ${c.mode}-tunnel connection, but ${gatewayWords(c, gatewayPath)} is ${gateway.tunnelMode}-tunnel ` +
          (dual
            ? '(it has a disaster-recovery vSwitch): give `tunnels` (a MASTER and a SLAVE tunnel) instead.'
            : '(it has no disaster-recovery vSwitch): give `customerGateway` and single-tunnel settings instead.'),
      );
    }
    let group = onGateway.get(c.gateway.key);
    if (group === undefined) onGateway.set(c.gateway.key, (group = []));
    group.push(c);

    for (const t of c.tunnels) {
      const cgw = fleet.customerGatewayOf(t);
      // CUSTOMER_GATEWAY_ASN_REQUIRED
      if (t.bgp && cgw?.asn === null) {
        of(c.construct).error(
          'CUSTOMER_GATEWAY_ASN_REQUIRED',
          `${t.at}bgpConfig`,
          `enables BGP, but the customer gateway at '${cgw.construct.node.path}' has no ASN (the API answers ` +
            'MissingParam.CustomerGatewayAsn): give the customer gateway an `asn`, or remove this bgpConfig.',
        );
      }
      // CUSTOMER_GATEWAY_IP_NETWORK_TYPE
      const ip = cgw?.ipAddress === undefined ? undefined : parseIpv4(cgw.ipAddress);
      if (ip !== undefined && gateway?.networkType !== undefined) {
        const isPrivate = isPrivateAddress(ip);
        if (isPrivate === (gateway.networkType === 'public')) {
          of(c.construct).warn(
            'CUSTOMER_GATEWAY_IP_NETWORK_TYPE',
            `${t.at}${t.customerGatewayProp}`,
            `has the ${isPrivate ? 'private' : 'public'} address "${cgw!.ipAddress}", but ${gatewayWords(
              c,
              gatewayPath,
            )} is a ${gateway.networkType} gateway: a public gateway reaches customer gateways over the internet ` +
              '(public addresses), a private one over a private network (private addresses).',
          );
        }
      }
      const pair = `${c.gateway.key}\n${t.customerGateway.key}`;
      let tunnels = onPair.get(pair);
      if (tunnels === undefined) onPair.set(pair, (tunnels = []));
      tunnels.push({ connection: c, tunnel: t });
    }
  }

  // TUNNEL_CIDR_NOT_UNIQUE_ON_GATEWAY (two tunnels of one connection: TUNNEL_CIDR_DUPLICATE, eagerly)
  for (const group of onGateway.values()) {
    const first = new Map<string, { connection: ConnectionFacts; tunnel: TunnelFacts }>();
    for (const c of group) {
      for (const t of c.tunnels) {
        if (t.tunnelCidr === undefined) continue;
        const earlier = first.get(t.tunnelCidr);
        if (earlier === undefined) {
          first.set(t.tunnelCidr, { connection: c, tunnel: t });
        } else if (earlier.connection !== c) {
          of(c.construct).error(
            'TUNNEL_CIDR_NOT_UNIQUE_ON_GATEWAY',
            `${t.at}bgpConfig.tunnelCidr`,
            `("${t.tunnelCidr}") is already used by '${earlier.connection.path}' (${earlier.tunnel.at}bgpConfig.` +
              `tunnelCidr) on the same VPN gateway: each tunnel needs its own /30 on a gateway.`,
          );
        }
      }
    }
  }

  // SAME_CGW_IKE_MISMATCH, SAME_CGW_SELECTOR_OVERLAP: each tunnel against the earlier tunnels (by path) of
  // other connections on the pair; tunnels of one connection are not compared
  for (const tunnels of onPair.values()) {
    if (tunnels.length < 2) continue;
    const overlapReported = new Set<ConnectionFacts>();
    for (let i = 1; i < tunnels.length; i++) {
      const { connection: c, tunnel: t } = tunnels[i];
      let ikeReported = false;
      for (let j = 0; j < i; j++) {
        const { connection: other, tunnel: earlier } = tunnels[j];
        if (other === c) continue;
        const differences = ikeReported ? [] : ikeDifferences(earlier.ike, t.ike);
        if (differences.length > 0) {
          ikeReported = true;
          of(c.construct).error(
            'SAME_CGW_IKE_MISMATCH',
            `${t.at}ikeConfig`,
            `differs in ${differences.join(', ')} from '${other.path}' (${earlier.at}ikeConfig), on the same VPN ` +
              'gateway and customer gateway: the API requires one IKE configuration and one pre-shared key for ' +
              'them (VpnConnectionParamInvalid.SameVpnAndCgwDifferentIkeConfigs). Make them equal.',
          );
        }
        if (overlapReported.has(c)) continue;
        const overlap = flowOverlap(other, c);
        if (overlap === undefined) continue;
        overlapReported.add(c);
        of(c.construct).error(
          'SAME_CGW_SELECTOR_OVERLAP',
          'localSubnets',
          `× remoteSubnets overlaps the protected data flows of '${other.path}' on the same VPN gateway and ` +
            `customer gateway (${canonicalCidr(overlap[0])} → ${canonicalCidr(overlap[1])}); the API refuses ` +
            'overlapping flows there (VpnConnectionParamInvalid.SameVpnAndCgwTrafficSelectorOverlap). Use ' +
            'disjoint subnets, or one connection with all of them.',
        );
      }
    }
  }

  // CUSTOMER_GATEWAY_IP_DUPLICATE: customer gateways this stack creates
  const byIp = new Map<string, string>();
  for (const cgw of [...fleet.customerGateways].filter((g) => g.created).sort((a, b) => byPath(node(a), node(b)))) {
    if (cgw.ipAddress === undefined) continue;
    const earlier = byIp.get(cgw.ipAddress);
    if (earlier === undefined) {
      byIp.set(cgw.ipAddress, cgw.construct.node.path);
    } else {
      of(cgw.construct).error(
        'CUSTOMER_GATEWAY_IP_DUPLICATE',
        'ipAddress',
        `("${cgw.ipAddress}") is the address of the customer gateway at '${earlier}' too; the API allows one ` +
          'customer gateway per address in a region (InvalidIpAddress.AlreadyExist). Use that one.',
      );
    }
  }

  // routes: ROUTE_DUPLICATE, ROUTE_ACTIVE_ACTIVE, ROUTE_WEIGHT_ON_DUAL_TUNNEL_GATEWAY
  const seen = new Map<string, string>();
  const active = new Map<string, { path: string; connection: ConnectionFacts }>();
  const standby = new Map<string, RouteFacts>();
  for (const r of [...fleet.routes].sort(byPath)) {
    const gateway = fleet.gatewayOf(r);
    // a dual-tunnel connection is on a dual-tunnel gateway, whatever is known of the gateway
    const dual = gateway?.tunnelMode === TunnelMode.DUAL || r.connection.mode === TunnelMode.DUAL;
    if (r.weightGiven && !r.active && dual) {
      of(r.construct).warn(
        'ROUTE_WEIGHT_ON_DUAL_TUNNEL_GATEWAY',
        'weight',
        `is STANDBY, but route weights do not take effect on ${gatewayWords(r.connection, gateway?.construct.node.path)}, ` +
          'a dual-tunnel gateway (its connections fail over between their own tunnels).',
      );
    }
    if (r.destinationCidr === undefined || (r.policy && r.sourceCidr === undefined)) continue;
    const flow = `${r.policy ? 'policy' : 'destination'}\n${r.gateway.key}\n${r.sourceCidr ?? ''}\n${r.destinationCidr}`;
    const key = `${flow}\n${r.connection.path}`;
    const earlier = seen.get(key);
    if (earlier !== undefined) {
      of(r.construct).error(
        'ROUTE_DUPLICATE',
        'destinationCidr',
        `repeats the route at '${earlier}' (same VPN gateway, ${r.policy ? `source ${r.sourceCidr}, ` : ''}` +
          `destination ${r.destinationCidr} and next hop '${r.connection.path}'); the API refuses a second one. ` +
          'Remove one of them.',
      );
      continue;
    }
    seen.set(key, r.path);
    if (!r.active) {
      if (!standby.has(flow)) standby.set(flow, r);
      continue;
    }
    const first = active.get(flow);
    if (first === undefined) {
      active.set(flow, { path: r.path, connection: r.connection });
    } else if (first.connection !== r.connection) {
      of(r.construct).warn(
        'ROUTE_ACTIVE_ACTIVE',
        'weight',
        `makes this route active, and the route at '${first.path}' to the same destination on the same VPN ` +
          'gateway is active too: the docs describe an active (100) and a standby (0) route per destination. ' +
          'Make one of them RouteWeight.STANDBY.',
      );
    }
  }

  for (const [flow, r] of standby) {
    if (active.has(flow)) continue;
    of(r.construct).warn(
      'ROUTE_STANDBY_WITHOUT_ACTIVE',
      'weight',
      `makes this route standby, but no active route to ${r.destinationCidr}${r.policy ? ` from ${r.sourceCidr}` : ''} ` +
        'is on the same VPN gateway: a standby route backs up an active one (the docs describe pairs; the API may ' +
        'answer VpnRouteEntry.BackupRoute). Add the active route, or make this one active.',
    );
  }

  const result = new Map<IConstruct, OwnFindings>();
  for (const [construct, f] of all) {
    f.finish();
    result.set(construct, { errors: f.errors, warnings: f.warnings });
  }
  return result;
}

function node(facts: { construct: IConstruct }): { path: string } {
  return { path: facts.construct.node.path };
}
