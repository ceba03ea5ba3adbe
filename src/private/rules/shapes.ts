/**
 * The declared shape of the props, for the reader (`read.ts`): every property, its type, and the
 * counts of lists and maps. The public interfaces are in `ipsec-vpn-connection.ts`, `tunnel.ts` and
 * `crypto.ts`; `test/validation.test.ts` checks that these shapes name exactly their properties.
 */
import { Shape } from './read';

export const string = { type: 'string' } as const;
export const number = { type: 'number' } as const;
export const boolean = { type: 'boolean' } as const;
/** A boolean that decides what the construct builds: a literal, never a token. */
export const flag = { type: 'flag' } as const;
export const asn = { type: 'asn' } as const;

const MAX_SUBNETS = 10;
const MAX_TAGS = 20;

/** Tags of any resource: at most 20 (API `Tag.N`). */
export const tags = {
  type: 'map',
  count: { min: 0, max: MAX_TAGS, rule: 'TAG_COUNT', hint: () => 'Remove tags or move them to another resource.' },
} as const;

const CUSTOMER_GATEWAY_REF = { type: 'ref', attribute: 'customerGatewayId', name: 'ICustomerGateway' } as const;

export const IKE_CONFIG: Shape = {
  name: 'IkeConfig',
  fields: {
    preSharedKey: string,
    version: string,
    mode: string,
    encryptionAlgorithm: string,
    authenticationAlgorithm: string,
    dhGroup: string,
    lifetimeSeconds: number,
    localId: string,
    remoteId: string,
  },
};

export const IPSEC_CONFIG: Shape = {
  name: 'IpsecConfig',
  fields: { encryptionAlgorithm: string, authenticationAlgorithm: string, pfs: string, lifetimeSeconds: number },
};

export const BGP_CONFIG: Shape = {
  name: 'BgpConfig',
  fields: { tunnelCidr: string, localBgpIp: string, localAsn: asn },
};

export const HEALTH_CHECK_CONFIG: Shape = {
  name: 'HealthCheckConfig',
  fields: { destinationIp: string, sourceIp: string, intervalSeconds: number, retries: number },
};

export const TUNNEL_CONFIG: Shape = {
  name: 'TunnelConfig',
  fields: {
    role: string,
    customerGatewayId: string,
    customerGateway: CUSTOMER_GATEWAY_REF,
    ikeConfig: { type: 'struct', shape: IKE_CONFIG },
    ipsecConfig: { type: 'struct', shape: IPSEC_CONFIG },
    bgpConfig: { type: 'struct', shape: BGP_CONFIG },
    enableDpd: boolean,
    enableNatTraversal: boolean,
  },
};

const subnets = {
  type: 'list',
  item: string,
  noun: 'CIDR blocks',
  count: {
    min: 1,
    max: MAX_SUBNETS,
    rule: 'SUBNET_COUNT',
    hint: (n: number) =>
      n === 0
        ? 'Use ["0.0.0.0/0"] on both sides for destination-based routing.'
        : 'Summarize them into larger blocks or split the connection.',
  },
} as const;

export const CONNECTION_PROPS: Shape = {
  name: 'IpsecVpnConnectionProps',
  fields: {
    vpnGatewayId: string,
    vpnGateway: { type: 'ref', attribute: 'gatewayId', name: 'IVpnGateway' },
    localSubnets: subnets,
    remoteSubnets: subnets,
    name: string,
    effectImmediately: boolean,
    autoConfigRoute: boolean,
    tags,
    allowWeakCrypto: flag,
    createOutputs: flag,
    customerGatewayId: string,
    customerGateway: CUSTOMER_GATEWAY_REF,
    ikeConfig: { type: 'struct', shape: IKE_CONFIG },
    ipsecConfig: { type: 'struct', shape: IPSEC_CONFIG },
    bgpConfig: { type: 'struct', shape: BGP_CONFIG },
    healthCheckConfig: { type: 'struct', shape: HEALTH_CHECK_CONFIG },
    enableDpd: boolean,
    enableNatTraversal: boolean,
    tunnels: {
      type: 'list',
      item: { type: 'struct', shape: TUNNEL_CONFIG },
      noun: 'TunnelConfig objects',
      count: {
        min: 2,
        max: 2,
        rule: 'DUAL_TUNNEL_COUNT',
        hint: () => 'Give one TunnelRole.MASTER and one TunnelRole.SLAVE tunnel.',
      },
    },
    enableTunnelsBgp: boolean,
  },
};
