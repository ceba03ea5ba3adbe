/**
 * Props → `alicloud_vpn_connection` configuration. Pure: no construct tree. Called only with props
 * that passed validation.
 *
 * Every nested field is rendered explicitly, because the provider sends unset nested numbers and
 * booleans as 0 / false, and Optional+Computed blocks that are left out keep whatever the server has.
 */
import { Fn, Token } from 'cdktf';
import {
  AuthenticationAlgorithm,
  DhGroup,
  EncryptionAlgorithm,
  IkeConfig,
  IkeMode,
  IkeVersion,
  IpsecConfig,
  IpsecPfs,
} from '../crypto';
import type { VpnConnectionConfig } from '../gen/vpn-connection';
import type { IpsecVpnConnectionProps } from '../ipsec-vpn-connection';
import { BgpConfig, TunnelConfig, TunnelMode, TunnelRole } from '../tunnel';

/** The library's defaults, where they differ from the API's (see README "Secure defaults"). */
export const DEFAULTS = {
  ikeVersion: IkeVersion.IKEV2,
  ikeMode: IkeMode.MAIN,
  ikeEncryption: EncryptionAlgorithm.AES256,
  ikeAuthentication: AuthenticationAlgorithm.SHA256,
  ikeDhGroup: DhGroup.GROUP14,
  ikeLifetimeSeconds: 86400,
  ipsecEncryption: EncryptionAlgorithm.AES256,
  ipsecAuthentication: AuthenticationAlgorithm.SHA256,
  ipsecPfs: IpsecPfs.GROUP14,
  ipsecLifetimeSeconds: 86400,
  enableDpd: true,
  enableNatTraversal: true,
  effectImmediately: false,
  autoConfigRoute: true,
  healthCheckIntervalSeconds: 3,
  healthCheckRetries: 3,
  localAsn: 45104,
} as const;

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/**
 * A pre-shared key wrapped in Terraform's `sensitive()`.
 *
 * A token (a variable, a secret reference) goes through `Fn.sensitive`. A literal key is rendered as the
 * expression string directly, escaped the way `Fn.sensitive` escapes a literal argument (`${` as `$${`),
 * and also `%{` as `%%{`, which `Fn.sensitive` leaves alone although Terraform reads it as a template
 * directive (the API allows both `%` and `{` in keys; keys cannot contain `"`, `\` or newlines). Same
 * output, without an intrinsic token per key: those capture a stack trace each, which shows when
 * thousands of connections are synthesized.
 */
function sensitiveKey(psk: string): string {
  if (Token.isUnresolved(psk)) return Fn.sensitive(psk) as string;
  const escaped = psk.replace(/%\{/g, () => '%%{').replace(/\$\{/g, () => '$${');
  return `\${sensitive("${escaped}")}`;
}

function renderIke(ike: IkeConfig | undefined) {
  const c = ike ?? {};
  return {
    ...(c.preSharedKey !== undefined ? { psk: sensitiveKey(c.preSharedKey) } : {}),
    ikeVersion: c.version ?? DEFAULTS.ikeVersion,
    ikeMode: c.mode ?? DEFAULTS.ikeMode,
    ikeEncAlg: c.encryptionAlgorithm ?? DEFAULTS.ikeEncryption,
    ikeAuthAlg: c.authenticationAlgorithm ?? DEFAULTS.ikeAuthentication,
    ikePfs: c.dhGroup ?? DEFAULTS.ikeDhGroup,
    ikeLifetime: c.lifetimeSeconds ?? DEFAULTS.ikeLifetimeSeconds,
  };
}

function renderIpsec(ipsec: IpsecConfig | undefined) {
  const c = ipsec ?? {};
  return {
    ipsecEncAlg: c.encryptionAlgorithm ?? DEFAULTS.ipsecEncryption,
    ipsecAuthAlg: c.authenticationAlgorithm ?? DEFAULTS.ipsecAuthentication,
    ipsecPfs: c.pfs ?? DEFAULTS.ipsecPfs,
    ipsecLifetime: c.lifetimeSeconds ?? DEFAULTS.ipsecLifetimeSeconds,
  };
}

/** `local_asn` is a string in the schema (it also takes the dotted `a.b` form). */
function asnString(asn: number): string {
  return Token.isUnresolved(asn) ? Token.asString(asn) : String(asn);
}

function renderBgp(bgp: BgpConfig) {
  return {
    localAsn: asnString(bgp.localAsn ?? DEFAULTS.localAsn),
    tunnelCidr: bgp.tunnelCidr,
    localBgpIp: bgp.localBgpIp,
  };
}

/** A set attribute: order is irrelevant to Terraform, so sort for output independent of input order. */
function sorted(list: readonly string[]): string[] {
  return [...list].sort();
}

/** Master first, then slave, whatever order the user gave (the provider keeps the API's order). */
function orderTunnels(tunnels: readonly TunnelConfig[]): TunnelConfig[] {
  const rank = (t: TunnelConfig) => (t.role === TunnelRole.MASTER ? 0 : t.role === TunnelRole.SLAVE ? 1 : 2);
  return tunnels
    .map((t, i) => ({ t, i }))
    .sort((a, b) => rank(a.t) - rank(b.t) || a.i - b.i)
    .map(({ t }) => t);
}

/** Whether BGP is on for the tunnels: as given, else on exactly when both tunnels have a bgpConfig. */
function tunnelsBgpEnabled(props: IpsecVpnConnectionProps): boolean {
  const tunnels = props.tunnels ?? [];
  return props.enableTunnelsBgp ?? (tunnels.length > 0 && tunnels.every((t) => t.bgpConfig !== undefined));
}

export function renderConnection(props: IpsecVpnConnectionProps, mode: TunnelMode): VpnConnectionConfig {
  const config: Mutable<VpnConnectionConfig> = {
    vpnGatewayId: props.vpnGatewayId,
    localSubnet: sorted(props.localSubnets),
    remoteSubnet: sorted(props.remoteSubnets),
    effectImmediately: props.effectImmediately ?? DEFAULTS.effectImmediately,
    autoConfigRoute: props.autoConfigRoute ?? DEFAULTS.autoConfigRoute,
  };
  if (props.name !== undefined) config.vpnConnectionName = props.name;
  if (props.tags !== undefined) config.tags = props.tags; // cdktf writes map keys in sorted order

  if (mode === TunnelMode.SINGLE) {
    const ike = props.ikeConfig;
    const hc = props.healthCheckConfig;
    config.customerGatewayId = props.customerGatewayId;
    config.enableDpd = props.enableDpd ?? DEFAULTS.enableDpd;
    config.enableNatTraversal = props.enableNatTraversal ?? DEFAULTS.enableNatTraversal;
    config.ikeConfig = {
      ...renderIke(ike),
      ...(ike?.localId !== undefined ? { ikeLocalId: ike.localId } : {}),
      ...(ike?.remoteId !== undefined ? { ikeRemoteId: ike.remoteId } : {}),
    };
    config.ipsecConfig = renderIpsec(props.ipsecConfig);
    config.bgpConfig = props.bgpConfig ? { enable: true, ...renderBgp(props.bgpConfig) } : { enable: false };
    config.healthCheckConfig = hc
      ? {
          enable: true,
          dip: hc.destinationIp,
          sip: hc.sourceIp,
          interval: hc.intervalSeconds ?? DEFAULTS.healthCheckIntervalSeconds,
          retry: hc.retries ?? DEFAULTS.healthCheckRetries,
        }
      : { enable: false };
    return config;
  }

  config.enableTunnelsBgp = tunnelsBgpEnabled(props);
  config.tunnelOptionsSpecification = orderTunnels(props.tunnels ?? []).map((t) => ({
    role: t.role,
    customerGatewayId: t.customerGatewayId,
    enableDpd: t.enableDpd ?? DEFAULTS.enableDpd,
    enableNatTraversal: t.enableNatTraversal ?? DEFAULTS.enableNatTraversal,
    tunnelIkeConfig: {
      ...renderIke(t.ikeConfig),
      ...(t.ikeConfig?.localId !== undefined ? { localId: t.ikeConfig.localId } : {}),
      ...(t.ikeConfig?.remoteId !== undefined ? { remoteId: t.ikeConfig.remoteId } : {}),
    },
    tunnelIpsecConfig: renderIpsec(t.ipsecConfig),
    ...(t.bgpConfig ? { tunnelBgpConfig: renderBgp(t.bgpConfig) } : {}),
  }));
  return config;
}
