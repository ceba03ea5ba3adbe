/**
 * Tunnel, BGP and health-check vocabulary.
 */
import { IkeConfig, IpsecConfig } from './crypto';
import type { ICustomerGateway } from './customer-gateway';

/**
 * Whether a connection has one tunnel or an active/standby pair. Follows from the props:
 * `customerGatewayId` means single-tunnel, `tunnels` means dual-tunnel. It must match the VPN
 * gateway: a gateway created with a disaster-recovery vSwitch is dual-tunnel.
 */
export enum TunnelMode {
  /** One tunnel to one customer gateway. */
  SINGLE = 'single',
  /** An active (master) and a standby (slave) tunnel (API: `TunnelOptionsSpecification`). */
  DUAL = 'dual',
}

/**
 * Role of a tunnel in a dual-tunnel connection (API: `TunnelOptionsSpecification.N.Role`).
 */
export enum TunnelRole {
  /** The active tunnel. */
  MASTER = 'master',
  /** The standby tunnel. */
  SLAVE = 'slave',
}

/**
 * BGP settings of a single-tunnel connection (API `BgpConfig`) or of one tunnel (API `TunnelBgpConfig`).
 * Giving a `bgpConfig` enables BGP.
 */
export interface BgpConfig {
  /**
   * CIDR block of the IPsec tunnel (API: `TunnelCidr`): a /30 inside 169.254.0.0/16, in network form
   * (e.g. `169.254.10.0/30`), unique per VPN gateway.
   */
  readonly tunnelCidr: string;

  /**
   * BGP address on the Alibaba Cloud side (API: `LocalBgpIp`): a usable host address of `tunnelCidr`
   * (e.g. `169.254.10.1`).
   */
  readonly localBgpIp: string;

  /**
   * Autonomous system number on the Alibaba Cloud side (API: `LocalAsn`), an integer from 1 to
   * 4294967295 (a dotted `a.b` ASN is `a * 65536 + b`). A private ASN is recommended.
   * @default 45104
   */
  readonly localAsn?: number;
}

/**
 * Health check of a single-tunnel connection (API `HealthCheckConfig`). Giving a
 * `healthCheckConfig` enables health checks.
 */
export interface HealthCheckConfig {
  /** Destination IPv4 address of the health-check probes (API: `dip`), in the data centre. */
  readonly destinationIp: string;

  /** Source IPv4 address of the health-check probes (API: `sip`), in the VPC. */
  readonly sourceIp: string;

  /**
   * Interval between probes in seconds (API: `interval`), a positive integer.
   * @default 3
   */
  readonly intervalSeconds?: number;

  /**
   * Number of failed probes before the connection is declared down (API: `retry`), a positive integer.
   * @default 3
   */
  readonly retries?: number;
}

/**
 * One tunnel of a dual-tunnel connection (API: `TunnelOptionsSpecification.N`).
 */
export interface TunnelConfig {
  /** Whether this is the active (master) or the standby (slave) tunnel (API: `Role`). */
  readonly role: TunnelRole;

  /**
   * ID of the customer gateway of this tunnel (API: `CustomerGatewayId`); give this or
   * `customerGateway`. Changing it replaces the whole connection.
   * @default - none: give `customerGateway`
   */
  readonly customerGatewayId?: string;

  /**
   * The customer gateway of this tunnel, as a construct (a {@link CustomerGateway} or an imported one);
   * give this or `customerGatewayId`. What it knows (its ASN) is checked against this tunnel when the
   * app is synthesized.
   * @default - none: give `customerGatewayId`
   */
  readonly customerGateway?: ICustomerGateway;

  /**
   * IKE phase 1 settings (API: `TunnelIkeConfig`). `ikeConfig.preSharedKey` is required.
   * @default - strong defaults (IKEv2, main mode, AES-256, SHA-256, DH group 14, 86400 s) and no
   * pre-shared key, which is an error
   */
  readonly ikeConfig?: IkeConfig;

  /**
   * IPsec phase 2 settings (API: `TunnelIpsecConfig`).
   * @default - AES-256, SHA-256, PFS group 14, 86400 s
   */
  readonly ipsecConfig?: IpsecConfig;

  /**
   * BGP settings of this tunnel (API: `TunnelBgpConfig`).
   * @default - no BGP on this tunnel
   */
  readonly bgpConfig?: BgpConfig;

  /**
   * Dead peer detection on this tunnel (API: `EnableDpd`).
   * @default true
   */
  readonly enableDpd?: boolean;

  /**
   * NAT traversal on this tunnel (API: `EnableNatTraversal`).
   * @default true
   */
  readonly enableNatTraversal?: boolean;
}
