/**
 * All rules of an IPsec-VPN connection, as one pure function over the props (plain data: no construct
 * tree), so the same rules can check anything that can be mapped onto the props shape.
 */
import { checkIkeConfig, checkIpsecConfig } from './crypto';
import { checkBoolean, Finding, Findings, isPlainObject, kindOf } from './findings';
import { checkName, checkResourceId, checkTags } from './metadata';
import { checkMode, checkTunnelStructure } from './mode';
import { checkBgpConfig, checkHealthCheckConfig, checkSubnets } from './network';
import type { IpsecVpnConnectionProps } from '../../ipsec-vpn-connection';
import { TunnelMode } from '../../tunnel';

export { RULES, RuleId } from './catalogue';
export { Finding, formatFinding } from './findings';

export interface ValidationResult {
  /** The mode, when the props determine one. */
  readonly mode?: TunnelMode;
  readonly errors: Finding[];
  readonly warnings: Finding[];
}

/** Validates connection props; never throws, whatever the input. */
export function validateConnectionProps(input: IpsecVpnConnectionProps): ValidationResult {
  const f = new Findings();
  const props = input as unknown;
  if (!isPlainObject(props)) {
    f.error('TYPE_INVALID', 'props', `must be an object, got ${kindOf(props)}.`);
    return f;
  }

  checkResourceId(f, 'vpnGatewayId', props.vpnGatewayId, 'VPN gateway');
  checkSubnets(f, 'localSubnets', props.localSubnets);
  checkSubnets(f, 'remoteSubnets', props.remoteSubnets);
  checkName(f, 'name', props.name);
  checkTags(f, 'tags', props.tags);
  for (const key of [
    'effectImmediately',
    'autoConfigRoute',
    'allowWeakCrypto',
    'createOutputs',
    'enableDpd',
    'enableNatTraversal',
    'enableTunnelsBgp',
  ]) {
    checkBoolean(f, key, props[key]);
  }
  const weak = props.allowWeakCrypto === true;

  const mode = checkMode(f, props);

  // single-tunnel settings: checked whenever given, so one error lists every problem
  if (props.customerGatewayId !== undefined) {
    checkResourceId(f, 'customerGatewayId', props.customerGatewayId, 'customer gateway');
  }
  checkIkeConfig(f, 'ikeConfig', props.ikeConfig, weak, false);
  checkIpsecConfig(f, 'ipsecConfig', props.ipsecConfig, weak);
  checkBgpConfig(f, 'bgpConfig', props.bgpConfig);
  checkHealthCheckConfig(f, 'healthCheckConfig', props.healthCheckConfig);

  // dual-tunnel settings
  const tunnels = checkTunnelStructure(f, props.tunnels);
  const cidrs: Array<{ index: number; cidr: string }> = [];
  for (const { index, tunnel } of tunnels) {
    const at = `tunnels[${index}]`;
    checkResourceId(f, `${at}.customerGatewayId`, tunnel.customerGatewayId, 'customer gateway of this tunnel');
    checkIkeConfig(f, `${at}.ikeConfig`, tunnel.ikeConfig, weak, mode === TunnelMode.DUAL);
    checkIpsecConfig(f, `${at}.ipsecConfig`, tunnel.ipsecConfig, weak);
    const cidr = checkBgpConfig(f, `${at}.bgpConfig`, tunnel.bgpConfig);
    if (cidr !== undefined) cidrs.push({ index, cidr });
    checkBoolean(f, `${at}.enableDpd`, tunnel.enableDpd);
    checkBoolean(f, `${at}.enableNatTraversal`, tunnel.enableNatTraversal);
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
      if (tunnel.bgpConfig === undefined) {
        f.error(
          'TUNNELS_BGP_WITHOUT_BGP_CONFIG',
          `tunnels[${index}].bgpConfig`,
          'is required because enableTunnelsBgp is true: give both tunnels a bgpConfig, or set enableTunnelsBgp ' +
            'to false.',
        );
      }
    }
  }

  return { mode, errors: f.errors, warnings: f.warnings };
}
