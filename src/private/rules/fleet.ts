/**
 * The rules between resources of one stack: connections on one VPN gateway, connections on one VPN
 * gateway and one customer gateway, route entries on one gateway, customer gateways with one address.
 * Run when the app is synthesized, over the facts the constructs registered (`../fleet.ts`). Each
 * finding belongs to one construct (the later one by construct path, for a clash of two) and names the
 * other. Values that are unknown (tokens) skip the comparison they would take part in.
 *
 * Cost: one pass over the connections and routes, grouped with hash maps, plus sorts: O(n log n). The
 * data-flow sweep compares only remote blocks that overlap each other, so it stays near-linear unless
 * many connections to one customer gateway share remote blocks (each then reported once).
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

  // SAME_CGW_IKE_MISMATCH, SAME_CGW_SELECTOR_OVERLAP (tunnels of one connection are not compared)
  for (const tunnels of onPair.values()) {
    if (tunnels.length < 2) continue;
    checkSameCustomerGatewayIke(tunnels, of);
    checkSameCustomerGatewayFlows(tunnels, of);
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
  const unknownActive = new Set<string>();
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
    if (r.destinationCidr === undefined || (r.policy && r.sourceCidr === undefined)) {
      if (r.active) unknownActive.add(r.gateway.key); // it may be the active route of any standby
      continue;
    }
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
    if (active.has(flow) || unknownActive.has(r.gateway.key)) continue;
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

type PairTunnel = { connection: ConnectionFacts; tunnel: TunnelFacts };
type FindingsOf = (construct: IConstruct) => Findings;

/**
 * SAME_CGW_IKE_MISMATCH: a tunnel differs from an earlier tunnel (by path) of another connection on the
 * same gateway and customer gateway. Per IKE field, the values seen so far with their first two owners:
 * a tunnel has a clash when a value other than its own has an owner of another connection, which at most
 * a few entries tell (one connection has at most two tunnels), so the pass is linear.
 */
function checkSameCustomerGatewayIke(tunnels: readonly PairTunnel[], of: FindingsOf): void {
  const seen = new Map<keyof IkeSignature, Map<unknown, PairTunnel[]>>();
  for (const current of tunnels) {
    const { connection: c, tunnel: t } = current;
    let earlier: PairTunnel | undefined;
    for (const [field] of IKE_FIELDS) {
      const value = t.ike[field];
      if (value === undefined) continue;
      let values = seen.get(field);
      if (values === undefined) seen.set(field, (values = new Map()));
      if (earlier === undefined) {
        for (const [other, owners] of values) {
          if (other === value) continue;
          earlier = owners.find((o) => o.connection !== c);
          if (earlier !== undefined) break;
        }
      }
      const owners = values.get(value);
      if (owners === undefined) values.set(value, [current]);
      else if (owners.length < 2 && owners[0].connection !== c) owners.push(current);
    }
    if (earlier === undefined) continue;
    of(c.construct).error(
      'SAME_CGW_IKE_MISMATCH',
      `${t.at}ikeConfig`,
      `differs in ${ikeDifferences(earlier.tunnel.ike, t.ike).join(', ')} from '${earlier.connection.path}' ` +
        `(${earlier.tunnel.at}ikeConfig), on the same VPN gateway and customer gateway: the API requires one IKE ` +
        'configuration and one pre-shared key for them (VpnConnectionParamInvalid.SameVpnAndCgwDifferentIkeConfigs). ' +
        'Make them equal.',
    );
  }
}

/**
 * SAME_CGW_SELECTOR_OVERLAP: the protected data flows (local × remote) of two connections on the same
 * gateway and customer gateway overlap. A sweep over the remote blocks in address order compares only
 * blocks that overlap (none, for connections to different sites), then their local blocks; the later
 * connection by path gets the finding, once.
 */
function checkSameCustomerGatewayFlows(tunnels: readonly PairTunnel[], of: FindingsOf): void {
  const order = new Map<ConnectionFacts, number>();
  for (const { connection } of tunnels) if (!order.has(connection)) order.set(connection, order.size);
  if (order.size < 2) return;
  const blocks: Array<{ cidr: Ipv4Cidr; connection: ConnectionFacts }> = [];
  for (const connection of order.keys()) {
    for (const cidr of connection.remoteSubnets) blocks.push({ cidr, connection });
  }
  blocks.sort((a, b) => a.cidr.network - b.cidr.network || order.get(a.connection)! - order.get(b.connection)!);
  const reported = new Set<ConnectionFacts>();
  let open: typeof blocks = [];
  for (const block of blocks) {
    open = open.filter((o) => o.cidr.network + o.cidr.size > block.cidr.network);
    for (const o of open) {
      if (o.connection === block.connection) continue;
      const [first, later] = order.get(o.connection)! < order.get(block.connection)! ? [o, block] : [block, o];
      if (reported.has(later.connection)) continue;
      const local = later.connection.localSubnets.find((x) =>
        first.connection.localSubnets.some((y) => overlaps(x, y)),
      );
      if (local === undefined) continue;
      reported.add(later.connection);
      const remote = overlaps(later.cidr, first.cidr) ? later.cidr : first.cidr;
      of(later.connection.construct).error(
        'SAME_CGW_SELECTOR_OVERLAP',
        'localSubnets',
        `× remoteSubnets overlaps the protected data flows of '${first.connection.path}' on the same VPN gateway ` +
          `and customer gateway (${canonicalCidr(local)} → ${canonicalCidr(remote)}); the API refuses ` +
          'overlapping flows there (VpnConnectionParamInvalid.SameVpnAndCgwTrafficSelectorOverlap). Use ' +
          'disjoint subnets, or one connection with all of them.',
      );
    }
    open.push(block);
  }
}

function node(facts: { construct: IConstruct }): { path: string } {
  return { path: facts.construct.node.path };
}
