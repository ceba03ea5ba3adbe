/**
 * The VPN gateway `VpnGateway.addConnection` hands to the connection it constructs: the connection's
 * public constructor takes props only, so the gateway travels beside them, for one construction.
 */
import type { IVpnGateway } from '../vpn-gateway';

let supplied: IVpnGateway | undefined;

/**
 * Supplies `gateway` to the next connection constructed; the caller clears it (`takeSuppliedGateway`) in
 * a `finally`. Not a callback: cdktf captures a full stack trace per token, so frames around the
 * construction of thousands of connections cost (bench/README.md).
 */
export function supplyGateway(gateway: IVpnGateway): void {
  supplied = gateway;
}

/** The supplied gateway, taken once (a connection built later, or inside this one's props, must not see it). */
export function takeSuppliedGateway(): IVpnGateway | undefined {
  const gateway = supplied;
  supplied = undefined;
  return gateway;
}
