/**
 * Options of the on-premises strongSwan configuration a connection renders
 * (`IpsecVpnConnection.strongSwanConfig`).
 */

/** What strongSwan does with a connection once it is loaded (swanctl.conf `start_action`). */
export enum StrongSwanStartAction {
  /** Initiate the tunnel at once, and again when it is closed. */
  START = 'start',
  /** Install a trap policy: the first packet that matches the traffic selectors initiates the tunnel. */
  TRAP = 'trap',
  /** Do nothing: wait for the Alibaba Cloud side, or for `swanctl --initiate`. */
  NONE = 'none',
}

/** Options of `IpsecVpnConnection.strongSwanConfig`: what the router needs and the API cannot know. */
export interface StrongSwanConfigOptions {
  /**
   * The customer gateway's own address, the one the tunnel leaves from (swanctl `local_addrs`).
   * @default - the customer gateway's `ipAddress` when the connection was given a `CustomerGateway`
   * (or an import with an `ipAddress`), else `%any`
   */
  readonly localAddress?: string;

  /**
   * The public IP address of the Alibaba Cloud side of a single-tunnel connection (swanctl
   * `remote_addrs`). A dual-tunnel connection uses each tunnel's own address (`tunnelInternetIp`).
   * @default - the VPN gateway's `internetIp` when the connection was given a `VpnGateway`; required
   * otherwise (single-tunnel)
   */
  readonly remoteAddress?: string;

  /**
   * Name of the IKE connection: `<prefix>` for a single-tunnel connection, `<prefix>-master` and
   * `<prefix>-slave` for the two tunnels of a dual-tunnel one. Letters, digits, `-` and `_`.
   * @default 'alicloud'
   */
  readonly namePrefix?: string;

  /**
   * Seconds between dead peer detection probes when DPD is on (`dpd_delay`); Alibaba Cloud publishes no
   * value. Ignored when DPD is off (rendered as `0s`).
   * @default 30
   */
  readonly dpdDelaySeconds?: number;

  /**
   * What strongSwan does once the configuration is loaded.
   * @default StrongSwanStartAction.START
   */
  readonly startAction?: StrongSwanStartAction;
}
