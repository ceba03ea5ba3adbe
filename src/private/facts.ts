/**
 * What the rules between resources know of a connection: its gateway and customer gateways (by
 * reference), subnets, IKE settings and tunnel CIDRs, read from the validated snapshot.
 */
import { Token } from 'cdktf';
import { IConstruct } from 'constructs';
import { ConnectionFacts, CustomerGatewayFacts, Fleet, GatewayFacts, IkeSignature, TunnelFacts } from './fleet';
import { Ipv4Cidr, parseIpv4, parseIpv4Cidr } from './net';
import { referenceKey, ReferenceKey } from './references';
import { DEFAULTS } from './render';
import type { IkeConfig } from '../crypto';
import type { ICustomerGateway } from '../customer-gateway';
import type { VpnConnection } from '../gen/vpn-connection';
import type { IpsecVpnConnectionProps } from '../ipsec-vpn-connection';
import { BgpConfig, TunnelMode } from '../tunnel';
import type { IVpnGateway } from '../vpn-gateway';
import { validTunnelCidr } from './rules/network';
import { optionalAttribute, refAttribute } from './rules/read';

const known = <T>(value: T | undefined): T | undefined =>
  value === undefined || Token.isUnresolved(value) ? undefined : value;

/** The IKE settings as the API applies them: the library's defaults for what is not given. */
function ikeSignature(ike: IkeConfig | undefined): IkeSignature {
  const key = ike?.preSharedKey;
  return {
    version: known(ike?.version ?? DEFAULTS.ikeVersion),
    mode: known(ike?.mode ?? DEFAULTS.ikeMode),
    encryptionAlgorithm: known(ike?.encryptionAlgorithm ?? DEFAULTS.ikeEncryption),
    authenticationAlgorithm: known(ike?.authenticationAlgorithm ?? DEFAULTS.ikeAuthentication),
    dhGroup: known(ike?.dhGroup ?? DEFAULTS.ikeDhGroup),
    lifetimeSeconds: known(ike?.lifetimeSeconds ?? DEFAULTS.ikeLifetimeSeconds),
    localId: known(ike?.localId ?? ''),
    remoteId: known(ike?.remoteId ?? ''),
    // a token is unknown until apply (two reads of one variable are two tokens); a key Alibaba Cloud
    // generates is like no other
    preSharedKey: key === undefined ? {} : known(key),
  };
}

function literalCidrs(list: readonly string[] | undefined): Ipv4Cidr[] {
  if (list === undefined || Token.isUnresolved(list)) return [];
  const cidrs: Ipv4Cidr[] = [];
  for (const item of list) {
    const cidr = Token.isUnresolved(item) ? undefined : parseIpv4Cidr(item);
    if (cidr !== undefined) cidrs.push(cidr);
  }
  return cidrs;
}

/** A TunnelMode value a construct of the caller's own holds, else unknown (never shown as it is). */
function tunnelModeOf(gateway: IConstruct): TunnelMode | undefined {
  const mode = optionalAttribute(gateway, 'tunnelMode');
  return mode === TunnelMode.SINGLE || mode === TunnelMode.DUAL ? mode : undefined;
}

/** A literal IPv4 address and an ASN a customer gateway of the caller's own holds; else unknown. */
function customerGatewayAttributes(gateway: IConstruct): { ipAddress?: string; asn?: number } {
  const ip = optionalAttribute(gateway, 'ipAddress');
  const asn = optionalAttribute(gateway, 'asn');
  return {
    ipAddress: typeof ip === 'string' && !Token.isUnresolved(ip) && parseIpv4(ip) !== undefined ? ip : undefined,
    asn: typeof asn === 'number' && Number.isInteger(asn) && asn >= 1 && asn <= 4294967295 ? asn : undefined,
  };
}

/**
 * The reference and facts of a gateway given as a construct or as an id. A construct of the library's is
 * known by what it registered; one of the caller's own by the id the reader read and what it says of its
 * mode.
 */
function gatewayReference(
  scope: IConstruct,
  gateway: IVpnGateway | undefined,
  id: string | undefined,
): { reference: ReferenceKey; facts?: GatewayFacts } {
  if (gateway !== undefined) {
    const facts = Fleet.gatewayFacts(gateway);
    if (facts !== undefined) return { reference: facts.reference, facts };
    const reference = referenceKey(scope, refAttribute(gateway, 'gatewayId'));
    return {
      reference,
      facts: { construct: gateway, reference, tunnelMode: tunnelModeOf(gateway), serializeChanges: true },
    };
  }
  return { reference: referenceKey(scope, id!) };
}

function customerGatewayReference(
  scope: IConstruct,
  gateway: ICustomerGateway | undefined,
  id: string | undefined,
): { reference: ReferenceKey; facts?: CustomerGatewayFacts } {
  if (gateway !== undefined) {
    const facts = Fleet.customerGatewayFacts(gateway);
    if (facts !== undefined) return { reference: facts.reference, facts };
    const reference = referenceKey(scope, refAttribute(gateway, 'customerGatewayId'));
    return {
      reference,
      facts: { construct: gateway, reference, created: false, ...customerGatewayAttributes(gateway) },
    };
  }
  return { reference: referenceKey(scope, id!) };
}

function tunnelFacts(
  scope: IConstruct,
  at: string,
  cgw: ICustomerGateway | undefined,
  cgwId: string | undefined,
  ike: IkeConfig | undefined,
  bgp: BgpConfig | undefined,
  bgpOn: boolean,
): TunnelFacts {
  const { reference, facts } = customerGatewayReference(scope, cgw, cgwId);
  return {
    at,
    customerGatewayProp: cgw !== undefined ? 'customerGateway' : 'customerGatewayId',
    customerGateway: reference,
    customerGatewayFacts: facts,
    ike: ikeSignature(ike),
    bgp: bgpOn && bgp !== undefined,
    tunnelCidr: validTunnelCidr(bgp),
  };
}

/** The facts of a valid connection (the snapshot, ids not yet resolved from the constructs). */
export function connectionFacts(
  construct: IConstruct,
  props: IpsecVpnConnectionProps,
  mode: TunnelMode,
  resource: VpnConnection,
  rendered: { gatewayId: string; connectionId: string; enableTunnelsBgp: boolean },
): ConnectionFacts {
  const { reference, facts } = gatewayReference(construct, props.vpnGateway, props.vpnGatewayId);
  const tunnels =
    mode === TunnelMode.SINGLE
      ? [
          tunnelFacts(
            construct,
            '',
            props.customerGateway,
            props.customerGatewayId,
            props.ikeConfig,
            props.bgpConfig,
            true,
          ),
        ]
      : (props.tunnels ?? []).map((t, i) =>
          tunnelFacts(
            construct,
            `tunnels[${i}].`,
            t.customerGateway,
            t.customerGatewayId,
            t.ikeConfig,
            t.bgpConfig,
            rendered.enableTunnelsBgp,
          ),
        );
  const path = construct.node.path;
  return {
    construct,
    path,
    sortKey: path,
    resource,
    gateway: reference,
    gatewayFacts: facts,
    gatewayId: rendered.gatewayId,
    connectionId: rendered.connectionId,
    mode,
    localSubnets: literalCidrs(props.localSubnets),
    remoteSubnets: literalCidrs(props.remoteSubnets),
    tunnels,
  };
}
