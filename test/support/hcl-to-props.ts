/**
 * Maps an `alicloud_vpn_connection` body parsed from HCL (hcl2json: blocks are arrays, scalars are
 * often quoted) onto `IpsecVpnConnectionProps`: how a user would write the same connection with the
 * construct.
 */
import {
  AuthenticationAlgorithm,
  BgpConfig,
  DhGroup,
  EncryptionAlgorithm,
  HealthCheckConfig,
  IkeConfig,
  IkeMode,
  IkeVersion,
  IpsecConfig,
  IpsecPfs,
  IpsecVpnConnectionProps,
  TunnelConfig,
  TunnelRole,
} from '../../src';

type Body = Record<string, any>;

const WEAK_VALUES = new Set(['des', '3des', 'md5', 'group1']);

const bool = (v: unknown): boolean | undefined => (v === undefined ? undefined : v === true || v === 'true');
const num = (v: unknown): number | undefined => (v === undefined ? undefined : Number(v));
const first = (v: unknown): Body | undefined => (Array.isArray(v) ? v[0] : (v as Body | undefined));

function ike(block: Body | undefined, localKey: string, remoteKey: string): IkeConfig | undefined {
  if (!block) return undefined;
  return {
    preSharedKey: block.psk,
    version: block.ike_version as IkeVersion | undefined,
    mode: block.ike_mode as IkeMode | undefined,
    encryptionAlgorithm: block.ike_enc_alg as EncryptionAlgorithm | undefined,
    authenticationAlgorithm: block.ike_auth_alg as AuthenticationAlgorithm | undefined,
    dhGroup: block.ike_pfs as DhGroup | undefined,
    lifetimeSeconds: num(block.ike_lifetime),
    localId: block[localKey],
    remoteId: block[remoteKey],
  };
}

function ipsec(block: Body | undefined): IpsecConfig | undefined {
  if (!block) return undefined;
  return {
    encryptionAlgorithm: block.ipsec_enc_alg as EncryptionAlgorithm | undefined,
    authenticationAlgorithm: block.ipsec_auth_alg as AuthenticationAlgorithm | undefined,
    pfs: block.ipsec_pfs as IpsecPfs | undefined,
    lifetimeSeconds: num(block.ipsec_lifetime),
  };
}

function bgp(block: Body | undefined): BgpConfig | undefined {
  if (!block) return undefined;
  return { tunnelCidr: block.tunnel_cidr, localBgpIp: block.local_bgp_ip, localAsn: num(block.local_asn) };
}

function healthCheck(block: Body | undefined): HealthCheckConfig | undefined {
  if (!block || !bool(block.enable)) return undefined;
  return {
    destinationIp: block.dip,
    sourceIp: block.sip,
    intervalSeconds: num(block.interval),
    retries: num(block.retry),
  };
}

/** Whether any crypto value of the body is one the construct refuses without allowWeakCrypto. */
export function usesWeakCrypto(body: Body): boolean {
  const text = JSON.stringify(body);
  return [...text.matchAll(/"(?:ike|ipsec)_(?:enc_alg|auth_alg|pfs)":"([^"]+)"/g)].some((m) => WEAK_VALUES.has(m[1]));
}

export function hclToProps(body: Body): IpsecVpnConnectionProps {
  const bgpBlock = first(body.bgp_config);
  const tunnels: TunnelConfig[] | undefined = body.tunnel_options_specification?.map((t: Body) => ({
    role: t.role as TunnelRole,
    customerGatewayId: t.customer_gateway_id,
    enableDpd: bool(t.enable_dpd),
    enableNatTraversal: bool(t.enable_nat_traversal),
    ikeConfig: ike(first(t.tunnel_ike_config), 'local_id', 'remote_id'),
    ipsecConfig: ipsec(first(t.tunnel_ipsec_config)),
    bgpConfig: bgp(first(t.tunnel_bgp_config)),
  }));
  return {
    vpnGatewayId: body.vpn_gateway_id,
    localSubnets: body.local_subnet,
    remoteSubnets: body.remote_subnet,
    name: body.vpn_connection_name ?? body.name,
    effectImmediately: bool(body.effect_immediately),
    autoConfigRoute: bool(body.auto_config_route),
    tags: body.tags,
    allowWeakCrypto: usesWeakCrypto(body) || undefined,
    customerGatewayId: body.customer_gateway_id,
    ikeConfig: ike(first(body.ike_config), 'ike_local_id', 'ike_remote_id'),
    ipsecConfig: ipsec(first(body.ipsec_config)),
    bgpConfig: bgpBlock && bool(bgpBlock.enable) ? bgp(bgpBlock) : undefined,
    healthCheckConfig: healthCheck(first(body.health_check_config)),
    enableDpd: bool(body.enable_dpd),
    enableNatTraversal: bool(body.enable_nat_traversal),
    tunnels,
    enableTunnelsBgp: bool(body.enable_tunnels_bgp),
  };
}
