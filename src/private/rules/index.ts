/**
 * All rules of an IPsec-VPN connection, as one pure function over the props (plain data: no construct
 * tree), so the same rules can check anything that can be mapped onto the props shape.
 */
import { checkIkeConfig, checkIpsecConfig } from './crypto';
import { Finding, Findings } from './findings';
import { checkName, checkResourceId, checkTags } from './metadata';
import { checkMode, checkTunnelRoles } from './mode';
import { checkBgpConfig, checkHealthCheckConfig, checkSubnetOverlap, checkSubnets, validTunnelCidr } from './network';
import { readProps, refAttribute, rememberRefAttribute } from './read';
import { CONNECTION_PROPS } from './shapes';
import type { IpsecVpnConnectionProps } from '../../ipsec-vpn-connection';
import { TunnelConfig, TunnelMode } from '../../tunnel';
import type { IVpnGateway } from '../../vpn-gateway';

export { CONNECTION_RULES, RULES, RuleId } from './catalogue';
export { Finding, formatFinding } from './findings';

export interface ValidationResult {
  /** The mode, when the props determine one. */
  readonly mode?: TunnelMode;
  readonly errors: Finding[];
  readonly warnings: Finding[];
  /**
   * The props as read: plain, frozen data of the declared shape, each property read once. Render this,
   * never the caller's objects. Undefined when the props are not an object at all.
   */
  readonly props?: IpsecVpnConnectionProps;
}

/**
 * Validates connection props; never throws, whatever the input. `gateway`: the VPN gateway that
 * `VpnGateway.addConnection` supplies (the options must then name none).
 */
export function validateConnectionProps(input: unknown, gateway?: IVpnGateway): ValidationResult {
  const f = new Findings();
  const read = readProps<IpsecVpnConnectionProps>(f, input, CONNECTION_PROPS);
  if (read === undefined) {
    f.finish();
    return { errors: f.errors, warnings: f.warnings };
  }
  let props = read;

  if (gateway !== undefined) {
    for (const key of ['vpnGatewayId', 'vpnGateway'] as const) {
      if (f.given(key, props[key])) {
        f.error(
          'VPN_GATEWAY_AMBIGUOUS',
          key,
          `is supplied by addConnection (the gateway at '${gateway.node.path}'): remove it from the options.`,
        );
      }
    }
    // the library's own gateway: its id is a readonly field
    rememberRefAttribute(gateway, 'gatewayId', gateway.gatewayId);
    props = snapshot(props, { vpnGatewayId: undefined, vpnGateway: gateway });
  } else if (f.given('vpnGateway', props.vpnGateway)) {
    if (props.vpnGateway !== undefined) {
      checkResourceId(f, 'vpnGateway.gatewayId', refAttribute(props.vpnGateway, 'gatewayId'), 'VPN gateway');
    }
    if (f.given('vpnGatewayId', props.vpnGatewayId)) {
      f.error(
        'VPN_GATEWAY_AMBIGUOUS',
        'vpnGateway',
        'and `vpnGatewayId` are both given: give one of them (the construct, or its ID).',
      );
    }
  } else if (!f.given('vpnGatewayId', props.vpnGatewayId)) {
    f.error('REQUIRED_PROP_MISSING', 'vpnGatewayId', 'is required: give `vpnGateway` (or `vpnGatewayId`).');
  } else {
    checkResourceId(f, 'vpnGatewayId', props.vpnGatewayId, 'VPN gateway');
  }
  const local = checkSubnets(f, 'localSubnets', props.localSubnets);
  const remote = checkSubnets(f, 'remoteSubnets', props.remoteSubnets);
  checkSubnetOverlap(f, local, remote);
  checkName(f, 'name', props.name);
  checkTags(f, 'tags', props.tags);
  const weak = props.allowWeakCrypto === true;

  const mode = checkMode(f, props);

  // the valid tunnel CIDRs of the whole connection, so that no fix suggests one of them
  const tunnels = checkTunnelRoles(f, props.tunnels);
  const used = new Set<string>();
  for (const bgp of [props.bgpConfig, ...tunnels.map(({ tunnel }) => tunnel.bgpConfig)]) {
    const cidr = validTunnelCidr(bgp);
    if (cidr !== undefined) used.add(cidr);
  }

  // single-tunnel settings: checked whenever given, so one error lists every problem
  if (props.customerGatewayId !== undefined) {
    checkResourceId(f, 'customerGatewayId', props.customerGatewayId, 'customer gateway');
  }
  if (props.customerGateway !== undefined) {
    const id = refAttribute(props.customerGateway, 'customerGatewayId');
    checkResourceId(f, 'customerGateway.customerGatewayId', id, 'customer gateway');
  }
  // (customerGatewayId together with customerGateway: checkMode)
  checkIkeConfig(f, 'ikeConfig', props.ikeConfig, weak, false);
  checkIpsecConfig(f, 'ipsecConfig', props.ipsecConfig, weak);
  checkBgpConfig(f, 'bgpConfig', props.bgpConfig, used);
  checkHealthCheckConfig(f, 'healthCheckConfig', props.healthCheckConfig);

  // dual-tunnel settings
  const cidrs: Array<{ index: number; cidr: string }> = [];
  for (const { index, tunnel } of tunnels) {
    const at = `tunnels[${index}]`;
    if (f.given(`${at}.customerGateway`, tunnel.customerGateway)) {
      if (tunnel.customerGateway !== undefined) {
        const id = refAttribute(tunnel.customerGateway, 'customerGatewayId');
        checkResourceId(f, `${at}.customerGateway.customerGatewayId`, id, 'customer gateway');
      }
      if (f.given(`${at}.customerGatewayId`, tunnel.customerGatewayId)) {
        f.error(
          'CUSTOMER_GATEWAY_AMBIGUOUS',
          `${at}.customerGateway`,
          `and \`${at}.customerGatewayId\` are both given: give one of them (the construct, or its ID).`,
        );
      }
    } else if (!f.given(`${at}.customerGatewayId`, tunnel.customerGatewayId)) {
      f.error(
        'REQUIRED_PROP_MISSING',
        `${at}.customerGatewayId`,
        'is required: give the customer gateway of this tunnel as `customerGateway` (or `customerGatewayId`).',
      );
    } else {
      checkResourceId(f, `${at}.customerGatewayId`, tunnel.customerGatewayId, 'customer gateway of this tunnel');
    }
    checkIkeConfig(f, `${at}.ikeConfig`, tunnel.ikeConfig, weak, mode === TunnelMode.DUAL);
    checkIpsecConfig(f, `${at}.ipsecConfig`, tunnel.ipsecConfig, weak);
    checkBgpConfig(f, `${at}.bgpConfig`, tunnel.bgpConfig, used);
    const cidr = validTunnelCidr(tunnel.bgpConfig);
    if (cidr !== undefined) cidrs.push({ index, cidr });
  }
  if (cidrs.length === 2 && cidrs[0].cidr === cidrs[1].cidr) {
    f.error(
      'TUNNEL_CIDR_DUPLICATE',
      `tunnels[${cidrs[1].index}].bgpConfig.tunnelCidr`,
      `repeats tunnels[${cidrs[0].index}].bgpConfig.tunnelCidr ("${cidrs[0].cidr}"): each tunnel needs its own ` +
        '/30, unique on the VPN gateway.',
    );
  }
  if (mode === TunnelMode.DUAL && props.enableTunnelsBgp === true) {
    for (const { index, tunnel } of tunnels) {
      const at = `tunnels[${index}].bgpConfig`;
      if (!f.given(at, tunnel.bgpConfig)) {
        f.error(
          'TUNNELS_BGP_WITHOUT_BGP_CONFIG',
          at,
          'is required because enableTunnelsBgp is true: give both tunnels a bgpConfig, or set enableTunnelsBgp ' +
            'to false.',
        );
      }
    }
  }

  f.finish();
  return { mode, errors: f.errors, warnings: f.warnings, props };
}

/**
 * The ids the document needs, from the constructs where they were given as constructs
 * (`vpnGateway`, `customerGateway`): the props `renderConnection` takes. Valid props only.
 */
export function withResolvedIds(props: IpsecVpnConnectionProps): IpsecVpnConnectionProps {
  const tunnels = props.tunnels?.map((t) =>
    t.customerGateway === undefined
      ? t
      : snapshot(t, { customerGatewayId: refAttribute(t.customerGateway, 'customerGatewayId') }),
  );
  return snapshot(props, {
    vpnGatewayId: props.vpnGateway ? refAttribute(props.vpnGateway, 'gatewayId') : props.vpnGatewayId,
    customerGatewayId: props.customerGateway
      ? refAttribute(props.customerGateway, 'customerGatewayId')
      : props.customerGatewayId,
    ...(tunnels !== undefined ? { tunnels: Object.freeze(tunnels) as TunnelConfig[] } : {}),
  });
}

/** A frozen copy without a prototype (as the reader makes them), with some properties replaced. */
function snapshot<T extends object>(value: T, changes: Partial<T>): T {
  return Object.freeze(Object.assign(Object.create(null), value, changes));
}
