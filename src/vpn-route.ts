import { TerraformResource } from 'cdktf';
import { Construct } from 'constructs';
import { VpnPbrRouteEntry } from './gen/vpn-pbr-route-entry';
import { VpnRouteEntry } from './gen/vpn-route-entry';
import type { IpsecVpnConnection } from './ipsec-vpn-connection';
import { addWarning } from './private/annotations';
import { throwIfInvalid, validationError } from './private/errors';
import { Fleet } from './private/fleet';
import { assertSameFramework } from './private/framework';
import { validateRoute } from './private/rules/gateway';

/** Whether a route is the active or the standby path to its destination (API: `Weight`). */
export enum RouteWeight {
  /** The active route (weight 100). */
  ACTIVE = 'active',
  /** The standby route (weight 0), used while the active one is down. */
  STANDBY = 'standby',
}

/** Options of a route added with `connection.addRoute` or `connection.addPolicyRoute`. */
export interface VpnRouteOptions {
  /**
   * Active or standby (API: `Weight`: 100 or 0). Two routes to one destination on one gateway, each
   * over its own connection, one active and one standby, make an active/standby pair. Weights do not
   * take effect on dual-tunnel gateways.
   * @default RouteWeight.ACTIVE
   */
  readonly weight?: RouteWeight;

  /**
   * Advertise the route to the VPC's system route table (API: `PublishVpc`).
   * @default true
   */
  readonly publishToVpc?: boolean;

  /**
   * Construct id of the route. Required when a CIDR is a token. Construct ids are part of the contract:
   * a new id replaces the route.
   * @default - derived from the CIDRs: `Route-192.168.0.0-16`, `PolicyRoute-10.0.0.0-16-to-192.168.0.0-16`
   */
  readonly id?: string;
}

/** Properties of a {@link VpnRoute}. */
export interface VpnRouteProps {
  /** The connection the route sends traffic to (its next hop), on the VPN gateway of the route. */
  readonly connection: IpsecVpnConnection;

  /**
   * The destination CIDR block (API: `RouteDest`), in network form; not 0.0.0.0/0, and neither inside
   * nor containing 100.64.0.0/10 (an error for a destination route, a warning for a policy route).
   */
  readonly destinationCidr: string;

  /**
   * Active or standby (API: `Weight`: 100 or 0).
   * @default RouteWeight.ACTIVE
   */
  readonly weight?: RouteWeight;

  /**
   * Advertise the route to the VPC's system route table (API: `PublishVpc`).
   * @default true
   */
  readonly publishToVpc?: boolean;
}

/** Properties of a {@link VpnPolicyRoute}. */
export interface VpnPolicyRouteProps extends VpnRouteProps {
  /** The source CIDR block (API: `RouteSource`), in network form. */
  readonly sourceCidr: string;
}

const weightValue = (weight: RouteWeight) => (weight === RouteWeight.ACTIVE ? 100 : 0);

/**
 * Checks the props and returns the snapshot with the connection's facts; throws the library's Error.
 */
function prepare(route: Construct, policy: boolean, props: unknown) {
  const kind = policy ? 'VpnPolicyRoute' : 'VpnRoute';
  assertSameFramework(route, kind);
  const result = validateRoute(policy, props);
  const p = throwIfInvalid(route.node.path, kind, result);
  const connection = p.connection === undefined ? undefined : Fleet.connectionFacts(p.connection);
  if (connection === undefined) {
    throw validationError(
      route.node.path,
      [
        {
          rule: 'TYPE_INVALID',
          path: 'connection',
          message: 'must be an IpsecVpnConnection of this library (a construct with a `connectionId` is not enough).',
        },
      ],
      kind,
    );
  }
  if (result.warnings.length > 0) addWarning(route, result.warnings.join('\n'));
  const weight = (p.weight as RouteWeight | undefined) ?? RouteWeight.ACTIVE;
  /** What both route entries render: the gateway, the next hop, the destination, weight and publishing. */
  const entry = {
    vpnGatewayId: connection.gatewayId,
    nextHop: connection.connectionId,
    routeDest: p.destinationCidr!,
    weight: weightValue(weight),
    publishVpc: p.publishToVpc ?? true,
  };
  /** Registers the route entry in its gateway's fleet (rules between resources, serialized changes). */
  const register = (resource: TerraformResource) =>
    Fleet.of(route).addRoute(
      route,
      resource,
      connection,
      policy,
      p.weight !== undefined,
      weight === RouteWeight.ACTIVE,
      {
        destinationCidr: p.destinationCidr!,
        sourceCidr: p.sourceCidr,
      },
    );
  return { p, weight, entry, register };
}

/**
 * A destination-based route on a VPN gateway (`alicloud_vpn_route_entry`, construct id `Resource`):
 * traffic to `destinationCidr` goes to one connection. Usually created with `connection.addRoute`.
 * Checked at synth against the other routes on the gateway (`ROUTE_DUPLICATE`, `ROUTE_ACTIVE_ACTIVE`,
 * `ROUTE_STANDBY_WITHOUT_ACTIVE`, `ROUTE_WEIGHT_ON_DUAL_TUNNEL_GATEWAY`).
 */
export class VpnRoute extends Construct {
  /** The underlying `alicloud_vpn_route_entry`: the escape hatch. */
  public readonly resource: VpnRouteEntry;

  /** The destination CIDR block. */
  public readonly destinationCidr: string;

  /** Active or standby. */
  public readonly weight: RouteWeight;

  constructor(scope: Construct, id: string, props: VpnRouteProps) {
    super(scope, id);
    const { p, weight, entry, register } = prepare(this, false, props);
    this.destinationCidr = p.destinationCidr!;
    this.weight = weight;
    this.resource = new VpnRouteEntry(this, 'Resource', entry);
    register(this.resource);
  }
}

/**
 * A policy-based route on a VPN gateway (`alicloud_vpn_pbr_route_entry`, construct id `Resource`):
 * traffic from `sourceCidr` to `destinationCidr` goes to one connection. Policy-based routes take
 * precedence over destination-based ones. Usually created with `connection.addPolicyRoute`.
 */
export class VpnPolicyRoute extends Construct {
  /** The underlying `alicloud_vpn_pbr_route_entry`: the escape hatch. */
  public readonly resource: VpnPbrRouteEntry;

  /** The source CIDR block. */
  public readonly sourceCidr: string;

  /** The destination CIDR block. */
  public readonly destinationCidr: string;

  /** Active or standby. */
  public readonly weight: RouteWeight;

  constructor(scope: Construct, id: string, props: VpnPolicyRouteProps) {
    super(scope, id);
    const { p, weight, entry, register } = prepare(this, true, props);
    this.sourceCidr = p.sourceCidr!;
    this.destinationCidr = p.destinationCidr!;
    this.weight = weight;
    this.resource = new VpnPbrRouteEntry(this, 'Resource', { ...entry, routeSource: this.sourceCidr });
    register(this.resource);
  }
}
