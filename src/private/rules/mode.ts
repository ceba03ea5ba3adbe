/**
 * Single-tunnel vs dual-tunnel: which props decide the mode, which props each mode forbids, and the
 * structure of the two tunnels.
 */
import { checkEnum, Findings, isPlainObject, kindOf, show } from './findings';
import { TunnelMode, TunnelRole } from '../../tunnel';

/** Props that only a single-tunnel connection accepts (API: CreateVpnConnection operation notes). */
export const SINGLE_TUNNEL_PROPS = [
  'customerGatewayId',
  'ikeConfig',
  'ipsecConfig',
  'bgpConfig',
  'healthCheckConfig',
  'enableDpd',
  'enableNatTraversal',
] as const;

/** Props that only a dual-tunnel connection accepts. */
export const DUAL_TUNNEL_PROPS = ['tunnels', 'enableTunnelsBgp'] as const;

/**
 * Decides the mode: `tunnels` means dual-tunnel, `customerGatewayId` single-tunnel; both or neither is
 * an error (and the mode is undefined).
 */
export function checkMode(f: Findings, props: Record<string, unknown>): TunnelMode | undefined {
  const single = props.customerGatewayId !== undefined;
  const dual = props.tunnels !== undefined;
  if (single && dual) {
    f.error(
      'MODE_AMBIGUOUS',
      'customerGatewayId',
      'and `tunnels` are both given: give `customerGatewayId` for a single-tunnel VPN gateway, or `tunnels` ' +
        '(with the customer gateway of each tunnel) for a dual-tunnel one, not both.',
    );
    return undefined;
  }
  if (!single && !dual) {
    f.error(
      'MODE_UNDETERMINED',
      'customerGatewayId',
      'is missing: give `customerGatewayId` for a single-tunnel VPN gateway, or `tunnels` (a MASTER and a ' +
        'SLAVE tunnel) for a dual-tunnel one.',
    );
    return undefined;
  }
  if (dual) {
    for (const key of SINGLE_TUNNEL_PROPS) {
      if (props[key] !== undefined) {
        f.error(
          'SINGLE_TUNNEL_PROP_IN_DUAL_MODE',
          key,
          `is a single-tunnel setting, but \`tunnels\` makes this a dual-tunnel connection; set it per tunnel ` +
            `in \`tunnels[i]\` instead${key === 'healthCheckConfig' ? ' (dual-tunnel connections have no health check)' : ''}.`,
        );
      }
    }
    return TunnelMode.DUAL;
  }
  if (props.enableTunnelsBgp !== undefined) {
    f.error(
      'DUAL_TUNNEL_PROP_IN_SINGLE_MODE',
      'enableTunnelsBgp',
      'is a dual-tunnel setting, but `customerGatewayId` makes this a single-tunnel connection; enable BGP ' +
        'with `bgpConfig` instead.',
    );
  }
  return TunnelMode.SINGLE;
}

/**
 * Structure of `tunnels`: an array of exactly two objects, one MASTER and one SLAVE. Returns the tunnels
 * that are objects, with their index, for the per-tunnel rules.
 */
export function checkTunnelStructure(
  f: Findings,
  value: unknown,
): Array<{ index: number; tunnel: Record<string, unknown> }> {
  if (value === undefined) return [];
  if (!Array.isArray(value)) {
    f.error('TYPE_INVALID', 'tunnels', `must be an array of two tunnels, got ${kindOf(value)} ${show(value)}.`);
    return [];
  }
  if (value.length !== 2) {
    f.error(
      'DUAL_TUNNEL_COUNT',
      'tunnels',
      `must hold exactly two tunnels (one TunnelRole.MASTER, one TunnelRole.SLAVE), got ${value.length}.`,
    );
  }
  const tunnels: Array<{ index: number; tunnel: Record<string, unknown> }> = [];
  const roles: Array<{ index: number; role: string }> = [];
  value.forEach((tunnel, index) => {
    const at = `tunnels[${index}]`;
    if (!isPlainObject(tunnel)) {
      f.error('TYPE_INVALID', at, `must be a tunnel object, got ${kindOf(tunnel)} ${show(tunnel)}.`);
      return;
    }
    tunnels.push({ index, tunnel });
    if (tunnel.role === undefined) {
      f.error('REQUIRED_PROP_MISSING', `${at}.role`, 'is required: TunnelRole.MASTER or TunnelRole.SLAVE.');
      return;
    }
    const role = checkEnum(f, `${at}.role`, tunnel.role, TunnelRole, 'TunnelRole');
    if (role !== undefined) roles.push({ index, role });
  });
  if (value.length === 2 && roles.length === 2 && roles[0].role === roles[1].role) {
    const other = roles[0].role === TunnelRole.MASTER ? 'SLAVE' : 'MASTER';
    f.error(
      'DUAL_TUNNEL_ROLES',
      `tunnels[${roles[1].index}].role`,
      `duplicates tunnels[${roles[0].index}].role (both ${show(roles[0].role)}): one tunnel must be ` +
        `TunnelRole.MASTER and the other TunnelRole.SLAVE; make this one TunnelRole.${other}.`,
    );
  }
  return tunnels;
}
