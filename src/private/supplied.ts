/**
 * The VPN gateway `VpnGateway.addConnection` hands to the connection it constructs: the connection's
 * public constructor takes props only, so the gateway travels beside them, for one construction.
 */
import type { IVpnGateway } from '../vpn-gateway';

let supplied: IVpnGateway | undefined;

/** Runs `build` with `gateway` supplied to the connection it constructs. */
export function withSuppliedGateway<T>(gateway: IVpnGateway, build: () => T): T {
  supplied = gateway;
  try {
    return build();
  } finally {
    supplied = undefined;
  }
}

/** The supplied gateway, taken once (a connection built later, or inside this one's props, must not see it). */
export function takeSuppliedGateway(): IVpnGateway | undefined {
  const gateway = supplied;
  supplied = undefined;
  return gateway;
}
