import { Lazy, TerraformStack, Testing, Token } from 'cdktf';
import {
  CustomerGateway,
  ICustomerGateway,
  IpsecVpnConnection,
  IpsecVpnConnectionProps,
  IVpnGateway,
  TunnelConfig,
  TunnelRole,
  VpnGateway,
} from '../src';
import { dualProps, errorOf, singleProps } from './support/fixtures';
import { CONNECTION_RULES, RULES } from '../src/private/rules';

/** Builds and synthesizes (PSK_TOKEN_FORM is found when a key token resolves, at synth). */
function build(props: IpsecVpnConnectionProps, id = 'Conn'): IpsecVpnConnection {
  const stack = new TerraformStack(Testing.app(), 'stack');
  const connection = new IpsecVpnConnection(stack, id, props);
  Testing.synth(stack);
  return connection;
}

/** Dual-tunnel props with tunnel `i` changed. */
/** Constructs of the library's vocabulary, in a stack of their own (the props only hold them). */
const refStack = new TerraformStack(Testing.app(), 'references');
let refCount = 0;
const importedGateway = (): IVpnGateway =>
  VpnGateway.fromGatewayAttributes(refStack, `Gateway${refCount++}`, { gatewayId: 'vpn-imported0001' });
const importedCustomerGateway = (): ICustomerGateway =>
  CustomerGateway.fromCustomerGatewayAttributes(refStack, `CustomerGateway${refCount++}`, {
    customerGatewayId: 'cgw-imported0001',
  });

function withTunnel(i: number, change: Partial<Record<keyof TunnelConfig, unknown>>): IpsecVpnConnectionProps {
  const props = dualProps();
  const tunnels = props.tunnels!.map((t, j) => (j === i ? ({ ...t, ...change } as TunnelConfig) : t));
  return { ...props, tunnels };
}

const longText = (n: number) => 'x'.repeat(n);
const tags = (n: number) => Object.fromEntries(Array.from({ length: n }, (_, i) => [`k${i}`, 'v']));
const cidrs = (n: number) => Array.from({ length: n }, (_, i) => `10.${i}.0.0/16`);

type Case = [description: string, props: () => IpsecVpnConnectionProps, path: string, rule: keyof typeof RULES];

const cases: Case[] = [
  // mode
  [
    'both customerGatewayId and tunnels',
    () => ({ ...dualProps(), customerGatewayId: 'cgw-1' }),
    'customerGatewayId',
    'MODE_AMBIGUOUS',
  ],
  [
    'neither customerGatewayId nor tunnels',
    () => ({ ...singleProps(), customerGatewayId: undefined }),
    'customerGatewayId',
    'MODE_UNDETERMINED',
  ],
  [
    'both vpnGatewayId and vpnGateway',
    () => ({ ...singleProps(), vpnGateway: importedGateway() }),
    'vpnGateway',
    'VPN_GATEWAY_AMBIGUOUS',
  ],
  [
    'neither vpnGatewayId nor vpnGateway',
    () => ({ ...singleProps(), vpnGatewayId: undefined }),
    'vpnGatewayId',
    'REQUIRED_PROP_MISSING',
  ],
  [
    'both customerGatewayId and customerGateway',
    () => ({ ...singleProps(), customerGateway: importedCustomerGateway() }),
    'customerGateway',
    'CUSTOMER_GATEWAY_AMBIGUOUS',
  ],
  [
    'a tunnel with both customerGatewayId and customerGateway',
    () => withTunnel(1, { customerGateway: importedCustomerGateway() }),
    'tunnels[1].customerGateway',
    'CUSTOMER_GATEWAY_AMBIGUOUS',
  ],
  [
    'a tunnel with neither customerGatewayId nor customerGateway',
    () => withTunnel(0, { customerGatewayId: undefined }),
    'tunnels[0].customerGatewayId',
    'REQUIRED_PROP_MISSING',
  ],
  [
    'customerGateway and tunnels',
    () => ({ ...dualProps(), customerGateway: importedCustomerGateway() }),
    'customerGateway',
    'MODE_AMBIGUOUS',
  ],
  [
    'a vpnGateway that is not a construct',
    () => ({ ...singleProps(), vpnGatewayId: undefined, vpnGateway: { gatewayId: 'vpn-1' } as any }),
    'vpnGateway',
    'TYPE_INVALID',
  ],
  [
    'a tunnel CIDR Alibaba Cloud reserves',
    () => withTunnel(0, { bgpConfig: { tunnelCidr: '169.254.3.0/30', localBgpIp: '169.254.3.1' } }),
    'tunnels[0].bgpConfig.tunnelCidr',
    'TUNNEL_CIDR_RESERVED',
  ],
  [
    'the reserved tunnel CIDR 169.254.169.252/30',
    () => ({ ...singleProps(), bgpConfig: { tunnelCidr: '169.254.169.252/30', localBgpIp: '169.254.169.253' } }),
    'bgpConfig.tunnelCidr',
    'TUNNEL_CIDR_RESERVED',
  ],
  ['one tunnel', () => ({ ...dualProps(), tunnels: [dualProps().tunnels![0]] }), 'tunnels', 'DUAL_TUNNEL_COUNT'],
  [
    'three tunnels',
    () => ({ ...dualProps(), tunnels: [...dualProps().tunnels!, dualProps().tunnels![1]] }),
    'tunnels',
    'DUAL_TUNNEL_COUNT',
  ],
  ['no tunnels', () => ({ ...dualProps(), tunnels: [] }), 'tunnels', 'DUAL_TUNNEL_COUNT'],
  ['two masters', () => withTunnel(1, { role: TunnelRole.MASTER }), 'tunnels[1].role', 'DUAL_TUNNEL_ROLES'],
  ['two slaves', () => withTunnel(0, { role: TunnelRole.SLAVE }), 'tunnels[1].role', 'DUAL_TUNNEL_ROLES'],
  ['a tunnel without a role', () => withTunnel(0, { role: undefined }), 'tunnels[0].role', 'REQUIRED_PROP_MISSING'],
  ['a tunnel with a bad role', () => withTunnel(1, { role: 'backup' }), 'tunnels[1].role', 'ENUM_VALUE_INVALID'],
  [
    'a tunnel that is not an object',
    () => ({ ...dualProps(), tunnels: [dualProps().tunnels![0], 'slave' as any] }),
    'tunnels[1]',
    'TYPE_INVALID',
  ],
  [
    'tunnels that are not an array',
    () => ({ ...singleProps(), customerGatewayId: undefined, tunnels: {} as any }),
    'tunnels',
    'TYPE_INVALID',
  ],
  [
    'ikeConfig in dual-tunnel mode',
    () => ({ ...dualProps(), ikeConfig: {} }),
    'ikeConfig',
    'SINGLE_TUNNEL_PROP_IN_DUAL_MODE',
  ],
  [
    'ipsecConfig in dual-tunnel mode',
    () => ({ ...dualProps(), ipsecConfig: {} }),
    'ipsecConfig',
    'SINGLE_TUNNEL_PROP_IN_DUAL_MODE',
  ],
  [
    'bgpConfig in dual-tunnel mode',
    () => ({ ...dualProps(), bgpConfig: { tunnelCidr: '169.254.11.0/30', localBgpIp: '169.254.11.1' } }),
    'bgpConfig',
    'SINGLE_TUNNEL_PROP_IN_DUAL_MODE',
  ],
  [
    'healthCheckConfig in dual-tunnel mode',
    () => ({ ...dualProps(), healthCheckConfig: { destinationIp: '192.0.2.1', sourceIp: '10.0.0.1' } }),
    'healthCheckConfig',
    'SINGLE_TUNNEL_PROP_IN_DUAL_MODE',
  ],
  [
    'enableDpd in dual-tunnel mode',
    () => ({ ...dualProps(), enableDpd: true }),
    'enableDpd',
    'SINGLE_TUNNEL_PROP_IN_DUAL_MODE',
  ],
  [
    'enableNatTraversal in dual-tunnel mode',
    () => ({ ...dualProps(), enableNatTraversal: false }),
    'enableNatTraversal',
    'SINGLE_TUNNEL_PROP_IN_DUAL_MODE',
  ],
  [
    'enableTunnelsBgp in single-tunnel mode',
    () => ({ ...singleProps(), enableTunnelsBgp: true }),
    'enableTunnelsBgp',
    'DUAL_TUNNEL_PROP_IN_SINGLE_MODE',
  ],
  [
    'enableTunnelsBgp without a bgpConfig on a tunnel',
    () => ({ ...withTunnel(1, { bgpConfig: undefined }), enableTunnelsBgp: true }),
    'tunnels[1].bgpConfig',
    'TUNNELS_BGP_WITHOUT_BGP_CONFIG',
  ],
  [
    'a tunnel without a pre-shared key',
    () => withTunnel(0, { ikeConfig: undefined }),
    'tunnels[0].ikeConfig.preSharedKey',
    'TUNNEL_PSK_REQUIRED',
  ],
  [
    'a tunnel ikeConfig without a pre-shared key',
    () => withTunnel(1, { ikeConfig: { lifetimeSeconds: 60 } }),
    'tunnels[1].ikeConfig.preSharedKey',
    'TUNNEL_PSK_REQUIRED',
  ],
  // ids, name, tags
  ['an empty vpnGatewayId', () => ({ ...singleProps(), vpnGatewayId: '' }), 'vpnGatewayId', 'RESOURCE_ID_EMPTY'],
  [
    'a missing vpnGatewayId',
    () => ({ ...singleProps(), vpnGatewayId: undefined as any }),
    'vpnGatewayId',
    'REQUIRED_PROP_MISSING',
  ],
  ['a numeric vpnGatewayId', () => ({ ...singleProps(), vpnGatewayId: 42 as any }), 'vpnGatewayId', 'TYPE_INVALID'],
  [
    'an empty customerGatewayId',
    () => ({ ...singleProps(), customerGatewayId: ' ' }),
    'customerGatewayId',
    'RESOURCE_ID_EMPTY',
  ],
  [
    'an empty tunnel customerGatewayId',
    () => withTunnel(1, { customerGatewayId: '' }),
    'tunnels[1].customerGatewayId',
    'RESOURCE_ID_EMPTY',
  ],
  [
    'a missing tunnel customerGatewayId',
    () => withTunnel(0, { customerGatewayId: undefined }),
    'tunnels[0].customerGatewayId',
    'REQUIRED_PROP_MISSING',
  ],
  ['an empty name', () => ({ ...singleProps(), name: '' }), 'name', 'NAME_LENGTH'],
  ['a 101-character name', () => ({ ...singleProps(), name: longText(101) }), 'name', 'NAME_LENGTH'],
  ['a name starting with https://', () => ({ ...singleProps(), name: 'https://vpn' }), 'name', 'NAME_URL_PREFIX'],
  ['21 tags', () => ({ ...singleProps(), tags: tags(21) }), 'tags', 'TAG_COUNT'],
  ['an empty tag key', () => ({ ...singleProps(), tags: { '': 'v' } }), 'tags[""]', 'TAG_KEY_LENGTH'],
  [
    'a 65-character tag key',
    () => ({ ...singleProps(), tags: { [longText(65)]: 'v' } }),
    `tags.${longText(65)}`,
    'TAG_KEY_LENGTH',
  ],
  [
    'a 129-character tag value',
    () => ({ ...singleProps(), tags: { team: longText(129) } }),
    'tags.team',
    'TAG_VALUE_LENGTH',
  ],
  [
    'a tag key starting with aliyun',
    () => ({ ...singleProps(), tags: { aliyunOwner: 'me' } }),
    'tags.aliyunOwner',
    'TAG_RESERVED_PREFIX',
  ],
  [
    'a tag value starting with acs:',
    () => ({ ...singleProps(), tags: { owner: 'acs:ram' } }),
    'tags.owner',
    'TAG_RESERVED_PREFIX',
  ],
  ['a tag value with a URL', () => ({ ...singleProps(), tags: { doc: 'see http://x' } }), 'tags.doc', 'TAG_URL'],
  ['a tag key with a URL', () => ({ ...singleProps(), tags: { 'https://x': 'v' } }), 'tags["https://x"]', 'TAG_URL'],
  ['a non-string tag value', () => ({ ...singleProps(), tags: { n: 1 as any } }), 'tags.n', 'TYPE_INVALID'],
  [
    'a non-boolean switch',
    () => ({ ...singleProps(), effectImmediately: 'yes' as any }),
    'effectImmediately',
    'TYPE_INVALID',
  ],
  // subnets
  [
    'missing localSubnets',
    () => ({ ...singleProps(), localSubnets: undefined as any }),
    'localSubnets',
    'REQUIRED_PROP_MISSING',
  ],
  ['no remote subnets', () => ({ ...singleProps(), remoteSubnets: [] }), 'remoteSubnets', 'SUBNET_COUNT'],
  ['11 local subnets', () => ({ ...singleProps(), localSubnets: cidrs(11) }), 'localSubnets', 'SUBNET_COUNT'],
  [
    'a subnet that is not a CIDR',
    () => ({ ...singleProps(), localSubnets: ['10.0.0.0'] }),
    'localSubnets[0]',
    'SUBNET_NOT_IPV4_CIDR',
  ],
  [
    'an IPv6 subnet',
    () => ({ ...singleProps(), remoteSubnets: ['192.0.2.0/24', '2001:db8::/32'] }),
    'remoteSubnets[1]',
    'SUBNET_NOT_IPV4_CIDR',
  ],
  [
    'a subnet with a /33 prefix',
    () => ({ ...singleProps(), localSubnets: ['10.0.0.0/33'] }),
    'localSubnets[0]',
    'SUBNET_NOT_IPV4_CIDR',
  ],
  [
    'a subnet with leading zeros',
    () => ({ ...singleProps(), localSubnets: ['010.0.0.0/8'] }),
    'localSubnets[0]',
    'SUBNET_NOT_IPV4_CIDR',
  ],
  [
    'a subnet with host bits',
    () => ({ ...singleProps(), localSubnets: ['10.0.0.1/24'] }),
    'localSubnets[0]',
    'SUBNET_NOT_CANONICAL',
  ],
  [
    'a duplicate subnet',
    () => ({ ...singleProps(), remoteSubnets: ['192.0.2.0/24', '192.0.2.0/24'] }),
    'remoteSubnets[1]',
    'SUBNET_DUPLICATE',
  ],
  ['a non-string subnet', () => ({ ...singleProps(), localSubnets: [10 as any] }), 'localSubnets[0]', 'TYPE_INVALID'],
  [
    'subnets that are a string',
    () => ({ ...singleProps(), localSubnets: '10.0.0.0/16' as any }),
    'localSubnets',
    'TYPE_INVALID',
  ],
  // BGP
  [
    'a tunnel CIDR outside 169.254.0.0/16',
    () => withTunnel(1, { bgpConfig: { tunnelCidr: '10.0.0.0/30', localBgpIp: '10.0.0.1' } }),
    'tunnels[1].bgpConfig.tunnelCidr',
    'TUNNEL_CIDR_NOT_LINK_LOCAL_30',
  ],
  [
    'a /29 tunnel CIDR',
    () => ({ ...singleProps(), bgpConfig: { tunnelCidr: '169.254.1.0/29', localBgpIp: '169.254.1.1' } }),
    'bgpConfig.tunnelCidr',
    'TUNNEL_CIDR_NOT_LINK_LOCAL_30',
  ],
  [
    'a tunnel CIDR with host bits',
    () => ({ ...singleProps(), bgpConfig: { tunnelCidr: '169.254.1.1/30', localBgpIp: '169.254.1.1' } }),
    'bgpConfig.tunnelCidr',
    'TUNNEL_CIDR_NOT_LINK_LOCAL_30',
  ],
  [
    'a missing tunnel CIDR',
    () => ({ ...singleProps(), bgpConfig: { localBgpIp: '169.254.1.1' } as any }),
    'bgpConfig.tunnelCidr',
    'REQUIRED_PROP_MISSING',
  ],
  [
    'the same tunnel CIDR on both tunnels',
    () => withTunnel(1, { bgpConfig: { tunnelCidr: '169.254.10.0/30', localBgpIp: '169.254.10.2' } }),
    'tunnels[1].bgpConfig.tunnelCidr',
    'TUNNEL_CIDR_DUPLICATE',
  ],
  [
    'a BGP IP outside its tunnel CIDR',
    () => withTunnel(0, { bgpConfig: { tunnelCidr: '169.254.10.0/30', localBgpIp: '169.254.11.1' } }),
    'tunnels[0].bgpConfig.localBgpIp',
    'BGP_IP_OUTSIDE_TUNNEL_CIDR',
  ],
  [
    'a BGP IP that is the network address',
    () => ({ ...singleProps(), bgpConfig: { tunnelCidr: '169.254.11.0/30', localBgpIp: '169.254.11.0' } }),
    'bgpConfig.localBgpIp',
    'BGP_IP_OUTSIDE_TUNNEL_CIDR',
  ],
  [
    'a BGP IP that is the broadcast address',
    () => ({ ...singleProps(), bgpConfig: { tunnelCidr: '169.254.11.0/30', localBgpIp: '169.254.11.3' } }),
    'bgpConfig.localBgpIp',
    'BGP_IP_OUTSIDE_TUNNEL_CIDR',
  ],
  [
    'a BGP IP that is not an IP',
    () => ({ ...singleProps(), bgpConfig: { tunnelCidr: '169.254.11.0/30', localBgpIp: 'bgp' } }),
    'bgpConfig.localBgpIp',
    'BGP_IP_OUTSIDE_TUNNEL_CIDR',
  ],
  [
    'ASN 0',
    () => ({ ...singleProps(), bgpConfig: { tunnelCidr: '169.254.11.0/30', localBgpIp: '169.254.11.1', localAsn: 0 } }),
    'bgpConfig.localAsn',
    'ASN_RANGE',
  ],
  [
    'ASN 2^32',
    () =>
      withTunnel(1, { bgpConfig: { tunnelCidr: '169.254.20.0/30', localBgpIp: '169.254.20.1', localAsn: 4294967296 } }),
    'tunnels[1].bgpConfig.localAsn',
    'ASN_RANGE',
  ],
  [
    'a fractional ASN',
    () => ({
      ...singleProps(),
      bgpConfig: { tunnelCidr: '169.254.11.0/30', localBgpIp: '169.254.11.1', localAsn: 1.5 },
    }),
    'bgpConfig.localAsn',
    'ASN_RANGE',
  ],
  [
    'an ASN as a string',
    () => ({
      ...singleProps(),
      bgpConfig: { tunnelCidr: '169.254.11.0/30', localBgpIp: '169.254.11.1', localAsn: '65000' as any },
    }),
    'bgpConfig.localAsn',
    'TYPE_INVALID',
  ],
  [
    'a bgpConfig that is not an object',
    () => ({ ...singleProps(), bgpConfig: true as any }),
    'bgpConfig',
    'TYPE_INVALID',
  ],
  // health check
  [
    'a health-check destination that is not an IP',
    () => ({ ...singleProps(), healthCheckConfig: { destinationIp: 'dc', sourceIp: '10.0.0.1' } }),
    'healthCheckConfig.destinationIp',
    'HEALTH_CHECK_IP_INVALID',
  ],
  [
    'a health-check source that is not an IP',
    () => ({ ...singleProps(), healthCheckConfig: { destinationIp: '192.0.2.1', sourceIp: '10.0.0.256' } }),
    'healthCheckConfig.sourceIp',
    'HEALTH_CHECK_IP_INVALID',
  ],
  [
    'a missing health-check source',
    () => ({ ...singleProps(), healthCheckConfig: { destinationIp: '192.0.2.1' } as any }),
    'healthCheckConfig.sourceIp',
    'REQUIRED_PROP_MISSING',
  ],
  [
    'a zero health-check interval',
    () => ({
      ...singleProps(),
      healthCheckConfig: { destinationIp: '192.0.2.1', sourceIp: '10.0.0.1', intervalSeconds: 0 },
    }),
    'healthCheckConfig.intervalSeconds',
    'HEALTH_CHECK_NUMBER_RANGE',
  ],
  [
    'fractional health-check retries',
    () => ({ ...singleProps(), healthCheckConfig: { destinationIp: '192.0.2.1', sourceIp: '10.0.0.1', retries: 2.5 } }),
    'healthCheckConfig.retries',
    'HEALTH_CHECK_NUMBER_RANGE',
  ],
  // crypto values
  [
    'a bad IKE version',
    () => ({ ...singleProps(), ikeConfig: { version: 'ikev3' as any } }),
    'ikeConfig.version',
    'ENUM_VALUE_INVALID',
  ],
  [
    'a bad IKE mode',
    () => ({ ...singleProps(), ikeConfig: { mode: 'quick' as any } }),
    'ikeConfig.mode',
    'ENUM_VALUE_INVALID',
  ],
  [
    'a bad encryption algorithm',
    () => ({ ...singleProps(), ipsecConfig: { encryptionAlgorithm: 'AES256' as any } }),
    'ipsecConfig.encryptionAlgorithm',
    'ENUM_VALUE_INVALID',
  ],
  [
    'a bad authentication algorithm',
    () => withTunnel(0, { ikeConfig: { preSharedKey: 'k', authenticationAlgorithm: 'sha3' } }),
    'tunnels[0].ikeConfig.authenticationAlgorithm',
    'ENUM_VALUE_INVALID',
  ],
  [
    'a bad DH group',
    () => ({ ...singleProps(), ikeConfig: { dhGroup: 'group24' as any } }),
    'ikeConfig.dhGroup',
    'ENUM_VALUE_INVALID',
  ],
  [
    'a bad PFS',
    () => withTunnel(1, { ipsecConfig: { pfs: 'none' } }),
    'tunnels[1].ipsecConfig.pfs',
    'ENUM_VALUE_INVALID',
  ],
  [
    'a non-string enum value',
    () => ({ ...singleProps(), ikeConfig: { version: 2 as any } }),
    'ikeConfig.version',
    'TYPE_INVALID',
  ],
  [
    'an IKE lifetime over 86400',
    () => ({ ...singleProps(), ikeConfig: { lifetimeSeconds: 86401 } }),
    'ikeConfig.lifetimeSeconds',
    'LIFETIME_RANGE',
  ],
  [
    'a negative IPsec lifetime',
    () => withTunnel(1, { ipsecConfig: { lifetimeSeconds: -1 } }),
    'tunnels[1].ipsecConfig.lifetimeSeconds',
    'LIFETIME_RANGE',
  ],
  [
    'a fractional lifetime',
    () => ({ ...singleProps(), ipsecConfig: { lifetimeSeconds: 3600.5 } }),
    'ipsecConfig.lifetimeSeconds',
    'LIFETIME_RANGE',
  ],
  [
    'a NaN lifetime',
    () => ({ ...singleProps(), ipsecConfig: { lifetimeSeconds: NaN } }),
    'ipsecConfig.lifetimeSeconds',
    'TYPE_INVALID',
  ],
  [
    'an empty pre-shared key',
    () => ({ ...singleProps(), ikeConfig: { preSharedKey: '' } }),
    'ikeConfig.preSharedKey',
    'PSK_LENGTH',
  ],
  [
    'a 101-character pre-shared key',
    () => ({ ...singleProps(), ikeConfig: { preSharedKey: longText(101) } }),
    'ikeConfig.preSharedKey',
    'PSK_LENGTH',
  ],
  [
    'a pre-shared key with a space',
    () => ({ ...singleProps(), ikeConfig: { preSharedKey: 'a b' } }),
    'ikeConfig.preSharedKey',
    'PSK_CHARSET',
  ],
  [
    'a pre-shared key with a double quote',
    () => withTunnel(1, { ikeConfig: { preSharedKey: 'a"b' } }),
    'tunnels[1].ikeConfig.preSharedKey',
    'PSK_CHARSET',
  ],
  [
    'a pre-shared key with a non-ASCII letter',
    () => ({ ...singleProps(), ikeConfig: { preSharedKey: 'schlüssel' } }),
    'ikeConfig.preSharedKey',
    'PSK_CHARSET',
  ],
  [
    'a 101-character local id',
    () => ({ ...singleProps(), ikeConfig: { localId: longText(101) } }),
    'ikeConfig.localId',
    'IKE_ID_LENGTH',
  ],
  [
    'an empty remote id',
    () => withTunnel(0, { ikeConfig: { preSharedKey: 'k', remoteId: '' } }),
    'tunnels[0].ikeConfig.remoteId',
    'IKE_ID_LENGTH',
  ],
  [
    'DES without allowWeakCrypto',
    () => ({ ...singleProps(), ikeConfig: { encryptionAlgorithm: 'des' as any } }),
    'ikeConfig.encryptionAlgorithm',
    'WEAK_CRYPTO_REFUSED',
  ],
  [
    'an ikeConfig that is not an object',
    () => ({ ...singleProps(), ikeConfig: 'ikev2' as any }),
    'ikeConfig',
    'TYPE_INVALID',
  ],
  [
    'a misspelled key',
    () => ({ ...singleProps(), ikeConfig: { psk: 'Office-Key-1' } as any }),
    'ikeConfig.psk',
    'PROP_UNKNOWN',
  ],
  [
    'a getter that throws',
    () =>
      Object.defineProperty({ ...singleProps() }, 'name', {
        enumerable: true,
        get: () => {
          throw new Error('not loaded');
        },
      }),
    'name',
    'PROP_UNREADABLE',
  ],
  [
    'a hole in the tunnels',
    () => ({ ...dualProps(), tunnels: Object.assign([dualProps().tunnels![0]], { length: 2 }) }),
    'tunnels[1]',
    'LIST_HOLE',
  ],
  [
    'a tag key the provider hides',
    () => ({ ...singleProps(), tags: { 'sae.do.not.delete': 'x' } }),
    'tags["sae.do.not.delete"]',
    'TAG_KEY_HIDDEN_BY_PROVIDER',
  ],
  [
    'a __proto__ tag key',
    () => ({ ...singleProps(), tags: JSON.parse('{"__proto__": "x"}') }),
    'tags.__proto__',
    'TAG_KEY_UNSUPPORTED',
  ],
  [
    'a key token that produces a list',
    () => ({ ...singleProps(), ikeConfig: { preSharedKey: Token.asString(Lazy.anyValue({ produce: () => ['a'] })) } }),
    'ikeConfig.preSharedKey',
    'PSK_TOKEN_FORM',
  ],
];

describe('validation', () => {
  test.each(cases)('rejects %s', (_description, props, path, rule) => {
    const message = errorOf(() => build(props()));
    // cdktf prefixes an error raised while a token resolves (PSK_TOKEN_FORM, at synth) with "Resolution error: "
    expect(message).toMatch(
      /^(Resolution error: )?IpsecVpnConnection at 'stack\/Conn' has invalid props \(\d+ problems?\):\n/,
    );
    expect(message).toContain(`\`${path}\` [${rule}]`);
  });

  test('every error rule of the catalogue has a failing case above', () => {
    const covered = new Set(cases.map((c) => c[3]));
    const errorRules = Object.entries(CONNECTION_RULES)
      .filter(([, r]) => r.severity === 'error')
      .map(([id]) => id);
    expect(errorRules.filter((id) => !covered.has(id as keyof typeof RULES))).toEqual([]);
  });

  test('lists every problem in one error, one line each, after the construct path', () => {
    const props = dualProps();
    const message = errorOf(() =>
      build({
        ...props,
        localSubnets: ['10.0.0.1/24'],
        tunnels: [
          { ...props.tunnels![0], bgpConfig: { tunnelCidr: '10.0.0.0/30', localBgpIp: '10.0.0.1' } },
          { ...props.tunnels![1], role: TunnelRole.MASTER },
        ],
      }),
    );
    const lines = message.split('\n');
    expect(lines[0]).toBe("IpsecVpnConnection at 'stack/Conn' has invalid props (3 problems):");
    expect(lines.slice(1)).toEqual([
      expect.stringMatching(
        /^ {2}- `localSubnets\[0\]` \[SUBNET_NOT_CANONICAL\] .*got "10\.0\.0\.1\/24"; use "10\.0\.0\.0\/24"\.$/,
      ),
      expect.stringMatching(/^ {2}- `tunnels\[1\]\.role` \[DUAL_TUNNEL_ROLES\] /),
      expect.stringMatching(
        /^ {2}- `tunnels\[0\]\.bgpConfig\.tunnelCidr` \[TUNNEL_CIDR_NOT_LINK_LOCAL_30\] .*got "10\.0\.0\.0\/30"/,
      ),
    ]);
  });

  test('the error names the bad value and the fix', () => {
    const message = errorOf(() =>
      build({ ...singleProps(), bgpConfig: { tunnelCidr: '169.254.11.0/30', localBgpIp: '169.254.2.1' } }),
    );
    expect(message).toContain('got "169.254.2.1"; use 169.254.11.1 or 169.254.11.2.');
  });

  test('creates no resource when the props are invalid', () => {
    const stack = new TerraformStack(Testing.app(), 'stack');
    expect(() => new IpsecVpnConnection(stack, 'Bad', { ...singleProps(), localSubnets: [] })).toThrow(Error);
    const bad = stack.node.tryFindChild('Bad');
    expect(bad?.node.children).toEqual([]);
  });

  test.each([
    ['null props', null],
    ['a string as props', 'vpn'],
    ['an empty object', {}],
    ['null nested values', { ...singleProps(), ikeConfig: null, ipsecConfig: null, tags: null }],
    ['a tunnel list with holes', { ...dualProps(), tunnels: [undefined, null] }],
    ['numbers everywhere', { vpnGatewayId: 1, localSubnets: [1], remoteSubnets: 2, customerGatewayId: 3, name: 4 }],
  ])('never throws anything but a plain Error, for %s', (_d, props) => {
    expect(errorOf(() => build(props as any))).toMatch(/^IpsecVpnConnection at 'stack\/Conn' has invalid props/);
  });

  test('accepts the limits of every range', () => {
    expect(() =>
      build({
        ...singleProps(),
        name: longText(100),
        localSubnets: cidrs(10),
        tags: { ...tags(19), [longText(64)]: longText(128) },
        ikeConfig: { preSharedKey: "~!`@#$%^&*()_-+={}[]|;:',.<>/?aZ09", lifetimeSeconds: 0, localId: longText(100) },
        ipsecConfig: { lifetimeSeconds: 86400 },
        bgpConfig: { tunnelCidr: '169.254.255.252/30', localBgpIp: '169.254.255.254', localAsn: 4294967295 },
      }),
    ).not.toThrow();
    expect(() => build({ ...singleProps(), ikeConfig: { preSharedKey: longText(100) } })).not.toThrow();
    expect(() =>
      build({ ...singleProps(), bgpConfig: { tunnelCidr: '169.254.0.4/30', localBgpIp: '169.254.0.5', localAsn: 1 } }),
    ).not.toThrow();
  });
});
