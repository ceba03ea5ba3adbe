/**
 * Single-tunnel vs dual-tunnel: which props decide the mode, which props each mode forbids, and the
 * roles of the two tunnels (their count is checked by the reader).
 */
import { checkEnum, describe, Findings } from './findings';
import type { IpsecVpnConnectionProps } from '../../ipsec-vpn-connection';
import { TunnelConfig, TunnelMode, TunnelRole } from '../../tunnel';

/** Props that only a single-tunnel connection accepts (API: CreateVpnConnection operation notes). */
export const SINGLE_TUNNEL_PROPS = [
  'customerGatewayId',
  'customerGateway',
  'ikeConfig',
  'ipsecConfig',
  'bgpConfig',
  'healthCheckConfig',
  'enableDpd',
  'enableNatTraversal',
] as const;

/**
 * Decides the mode: `tunnels` means dual-tunnel, `customerGatewayId` single-tunnel; both or neither is
 * an error (and the mode is undefined). A prop that was given but rejected by the reader still counts.
 */
export function checkMode(f: Findings, props: IpsecVpnConnectionProps): TunnelMode | undefined {
  const byId = f.given('customerGatewayId', props.customerGatewayId);
  const byRef = f.given('customerGateway', props.customerGateway);
  const single = byId || byRef;
  const dual = f.given('tunnels', props.tunnels);
  if (single && dual) {
    const key = byId ? 'customerGatewayId' : 'customerGateway';
    f.error(
      'MODE_AMBIGUOUS',
      key,
      `and \`tunnels\` are both given: give \`${key}\` for a single-tunnel VPN gateway, or \`tunnels\` ` +
        '(with the customer gateway of each tunnel) for a dual-tunnel one, not both.',
    );
    return undefined;
  }
  if (!single && !dual) {
    f.error(
      'MODE_UNDETERMINED',
      'customerGatewayId',
      'is missing: give `customerGateway` (or `customerGatewayId`) for a single-tunnel VPN gateway, or ' +
        '`tunnels` (a MASTER and a SLAVE tunnel) for a dual-tunnel one.',
    );
    return undefined;
  }
  if (byId && byRef) {
    f.error(
      'CUSTOMER_GATEWAY_AMBIGUOUS',
      'customerGateway',
      'and `customerGatewayId` are both given: give one of them (the construct, or its ID).',
    );
  }
  if (dual) {
    for (const key of SINGLE_TUNNEL_PROPS) {
      if (f.given(key, props[key])) {
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
  if (f.given('enableTunnelsBgp', props.enableTunnelsBgp)) {
    f.error(
      'DUAL_TUNNEL_PROP_IN_SINGLE_MODE',
      'enableTunnelsBgp',
      'is a dual-tunnel setting, but `customerGatewayId` makes this a single-tunnel connection; enable BGP ' +
        'with `bgpConfig` instead.',
    );
  }
  return TunnelMode.SINGLE;
}

export interface IndexedTunnel {
  readonly index: number;
  readonly tunnel: TunnelConfig;
}

/**
 * The roles of the tunnels: each given, one MASTER and one SLAVE. Returns the tunnels that the reader
 * kept (not rejected), with their index, for the per-tunnel rules.
 */
export function checkTunnelRoles(
  f: Findings,
  tunnels: readonly (TunnelConfig | undefined)[] | undefined,
): IndexedTunnel[] {
  const kept: IndexedTunnel[] = [];
  const roles: Array<{ index: number; role: string }> = [];
  (tunnels ?? []).forEach((tunnel, index) => {
    if (tunnel === undefined) return; // rejected by the reader
    kept.push({ index, tunnel });
    const at = `tunnels[${index}].role`;
    if (!f.given(at, tunnel.role)) {
      f.error('REQUIRED_PROP_MISSING', at, 'is required: TunnelRole.MASTER or TunnelRole.SLAVE.');
      return;
    }
    const role = checkEnum(f, at, tunnel.role, TunnelRole, 'TunnelRole');
    if (role !== undefined) roles.push({ index, role });
  });
  if (tunnels?.length === 2 && roles.length === 2 && roles[0].role === roles[1].role) {
    const other = roles[0].role === TunnelRole.MASTER ? 'SLAVE' : 'MASTER';
    f.error(
      'DUAL_TUNNEL_ROLES',
      `tunnels[${roles[1].index}].role`,
      `duplicates tunnels[${roles[0].index}].role (both ${describe(roles[0].role)}): one tunnel must be ` +
        `TunnelRole.MASTER and the other TunnelRole.SLAVE; make this one TunnelRole.${other}.`,
    );
  }
  return kept;
}
