/**
 * Rules of the single resources around connections: VPN gateways, customer gateways and route entries
 * (and the attributes of imported gateways). Pure: props in, a snapshot and findings out. Sources in
 * docs/decisions/005-fleet-rules.md.
 */
import type { IConstruct } from 'constructs';
import { Checked } from '../errors';
import { canonicalCidr, cidrContains, Ipv4, Ipv4Cidr, parseIpv4, parseIpv4Cidr } from '../net';
import { checkEnum, checkInteger, describe, Findings, formatFinding, isUnresolved, literalString } from './findings';
import { checkName, checkResourceId, checkTags } from './metadata';
import { overlaps } from './network';
import { readProps, Shape } from './read';
import { asn, boolean, flag, number, string, tags } from './shapes';
import type { CustomerGatewayAttributes, CustomerGatewayProps } from '../../customer-gateway';
import { TunnelMode } from '../../tunnel';
import type { VpnGatewayAttributes, VpnGatewayProps } from '../../vpn-gateway';
import type { VpnRouteOptions } from '../../vpn-route';

/** The wire values of `VpnGatewayNetworkType`, here to keep this module free of the construct modules. */
export const NETWORK_TYPES = { PUBLIC: 'public', PRIVATE: 'private' } as const;
/** The wire values of `VpnGatewayPaymentType`. */
export const PAYMENT_TYPES = { PAY_AS_YOU_GO: 'PayAsYouGo', SUBSCRIPTION: 'Subscription' } as const;
/** The wire values of `RouteWeight`. */
export const ROUTE_WEIGHTS = { ACTIVE: 'active', STANDBY: 'standby' } as const;

export const VPN_GATEWAY_PROPS: Shape = {
  name: 'VpnGatewayProps',
  fields: {
    vpcId: string,
    bandwidth: number,
    vswitchId: string,
    disasterRecoveryVswitchId: string,
    name: string,
    description: string,
    networkType: string,
    paymentType: string,
    subscriptionMonths: number,
    autoPropagate: boolean,
    resourceGroupId: string,
    tags,
    serializeChanges: flag,
    createOutputs: flag,
  },
};

export const VPN_GATEWAY_ATTRIBUTES: Shape = {
  name: 'VpnGatewayAttributes',
  fields: { gatewayId: string, tunnelMode: string },
};

export const CUSTOMER_GATEWAY_PROPS: Shape = {
  name: 'CustomerGatewayProps',
  fields: { ipAddress: string, asn, name: string, description: string, tags },
};

export const CUSTOMER_GATEWAY_ATTRIBUTES: Shape = {
  name: 'CustomerGatewayAttributes',
  fields: { customerGatewayId: string, ipAddress: string, asn },
};

export const VPN_ROUTE_OPTIONS: Shape = {
  name: 'VpnRouteOptions',
  fields: { weight: string, publishToVpc: boolean, id: string },
};

/**
 * Bandwidths in Mbit/s by network type (CreateVpnGateway `Bandwidth`): the union of the values the
 * China site and the international site offer for public gateways (5, 20 and 50 are China-site only;
 * the API refuses what a region does not offer), and 200 or 1000 for private gateways.
 */
export const BANDWIDTHS: Readonly<Record<string, readonly number[]>> = {
  public: [5, 10, 20, 50, 100, 200, 500, 1000],
  private: [200, 1000],
};

/** Subscription lengths in months (CreateVpnGateway `Period`; the provider's `period` validator). */
const SUBSCRIPTION_MONTHS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 12, 24, 36];

/** The ASN of the Alibaba Cloud side of every VPN gateway, which a customer gateway cannot use. */
export const ALIBABA_SIDE_ASN = 45104;

/** CreateVpnGateway `Name`: 2–100 characters, starting with a letter; letters, digits, `_`, `-`, `.`. */
const GATEWAY_NAME = /^[A-Za-z][A-Za-z0-9_.-]{1,99}$/;

function finish<T>(f: Findings, props: T | undefined): Checked<T> {
  f.finish();
  return { errors: f.errors, warnings: f.warnings.map(formatFinding), props };
}

/** `description` of a gateway or customer gateway: the name rules (1–100 characters, no URL prefix). */
function checkDescription(f: Findings, path: string, value: string | undefined): void {
  checkName(f, path, value, { length: 'DESCRIPTION_INVALID', url: 'DESCRIPTION_INVALID' });
}

function checkGatewayName(f: Findings, path: string, value: string | undefined): void {
  const literal = literalString(f, path, value, false);
  if (literal === undefined || GATEWAY_NAME.test(literal)) return;
  f.error(
    'GATEWAY_NAME',
    path,
    `must be 2 to 100 characters, start with a letter and hold only letters, digits, "_", "-" and ".", got ` +
      `${describe(literal)}.`,
  );
}

export function validateGatewayProps(input: unknown): Checked<VpnGatewayProps> {
  const f = new Findings();
  const p = readProps<VpnGatewayProps>(f, input, VPN_GATEWAY_PROPS);
  if (p === undefined) return finish<never>(f, undefined);
  checkResourceId(f, 'vpcId', p.vpcId, 'VPC');
  if (!f.given('bandwidth', p.bandwidth)) f.error('REQUIRED_PROP_MISSING', 'bandwidth', 'is required, in Mbit/s.');
  const networkType = checkEnum(f, 'networkType', p.networkType, NETWORK_TYPES, 'VpnGatewayNetworkType');
  const allowed = BANDWIDTHS[networkType ?? (p.networkType === undefined ? 'public' : '')];
  const bandwidth = p.bandwidth;
  if (bandwidth !== undefined && !isUnresolved(bandwidth) && allowed && !allowed.includes(bandwidth)) {
    f.error(
      'GATEWAY_BANDWIDTH',
      'bandwidth',
      `must be one of ${allowed.join(', ')} Mbit/s for a ${networkType ?? 'public'} VPN gateway, got ` +
        `${describe(bandwidth)}.`,
    );
  }
  if (p.vswitchId !== undefined) checkResourceId(f, 'vswitchId', p.vswitchId, 'vSwitch');
  if (p.disasterRecoveryVswitchId !== undefined) {
    checkResourceId(f, 'disasterRecoveryVswitchId', p.disasterRecoveryVswitchId, 'disaster-recovery vSwitch');
    if (!f.given('vswitchId', p.vswitchId)) {
      f.error(
        'GATEWAY_DR_VSWITCH',
        'disasterRecoveryVswitchId',
        'needs `vswitchId` too: the two vSwitches (in two zones) carry the active and the standby tunnel.',
      );
    } else if (p.vswitchId === p.disasterRecoveryVswitchId && !isUnresolved(p.vswitchId)) {
      f.warn(
        'GATEWAY_DR_VSWITCH_SAME',
        'disasterRecoveryVswitchId',
        `is vswitchId (both ${describe(p.vswitchId)}): both tunnels then sit in one zone. The API allows it only ` +
          'in regions with a single zone; elsewhere give a vSwitch in another zone.',
      );
    }
  }
  checkGatewayName(f, 'name', p.name);
  checkDescription(f, 'description', p.description);
  const payment = checkEnum(f, 'paymentType', p.paymentType, PAYMENT_TYPES, 'VpnGatewayPaymentType');
  if (p.subscriptionMonths !== undefined) {
    if (p.paymentType === undefined || payment === PAYMENT_TYPES.PAY_AS_YOU_GO) {
      f.error(
        'SUBSCRIPTION_MONTHS',
        'subscriptionMonths',
        'applies to subscription gateways only: set paymentType to VpnGatewayPaymentType.SUBSCRIPTION, or remove it.',
      );
    } else if (!isUnresolved(p.subscriptionMonths) && !SUBSCRIPTION_MONTHS.includes(p.subscriptionMonths)) {
      f.error(
        'SUBSCRIPTION_MONTHS',
        'subscriptionMonths',
        `must be 1 to 9, 12, 24 or 36, got ${describe(p.subscriptionMonths)}.`,
      );
    }
  }
  if (payment === PAYMENT_TYPES.SUBSCRIPTION) {
    f.warn(
      'SUBSCRIPTION_NOT_DESTROYED',
      'paymentType',
      'is Subscription: `terraform destroy` only removes the gateway from the state; it keeps running and ' +
        'billing until the subscription ends (the provider does not delete subscription gateways).',
    );
  }
  if (p.resourceGroupId !== undefined) checkResourceId(f, 'resourceGroupId', p.resourceGroupId, 'resource group');
  checkTags(f, 'tags', p.tags);
  return finish(f, p);
}

export function validateGatewayAttributes(input: unknown): Checked<VpnGatewayAttributes> {
  const f = new Findings();
  const p = readProps<VpnGatewayAttributes>(f, input, VPN_GATEWAY_ATTRIBUTES);
  if (p !== undefined) {
    checkResourceId(f, 'gatewayId', p.gatewayId, 'VPN gateway');
    checkEnum(f, 'tunnelMode', p.tunnelMode, TunnelMode, 'TunnelMode');
  }
  return finish(f, p);
}

/**
 * Addresses a customer gateway cannot have (CreateCustomerGateway `IpAddress`: "the following IP
 * ranges are not supported"), and 0.0.0.0/8, which holds no host address (ours).
 */
export const CUSTOMER_GATEWAY_FORBIDDEN: ReadonlyArray<{ readonly cidr: Ipv4Cidr; readonly what: string }> = [
  ['0.0.0.0/8', 'the "this network" block, no host address'],
  ['100.64.0.0/10', 'the shared address space (carrier-grade NAT)'],
  ['127.0.0.0/8', 'the loopback block'],
  ['169.254.0.0/16', 'the link-local block'],
  ['224.0.0.0/4', 'the multicast block'],
  ['255.0.0.0/8', 'a block the API does not support'],
].map(([cidr, what]) => ({ cidr: parseIpv4Cidr(cidr)!, what }));

/** RFC 1918 private blocks: for customer gateways behind private-network VPN gateways. */
const PRIVATE_BLOCKS = ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16'].map((c) => parseIpv4Cidr(c)!);

export function isPrivateAddress(ip: Ipv4): boolean {
  return PRIVATE_BLOCKS.some((b) => cidrContains(b, ip));
}

function checkCustomerGatewayIp(f: Findings, path: string, value: string | undefined, required: boolean): void {
  const literal = literalString(f, path, value, required);
  if (literal === undefined) return;
  const ip = parseIpv4(literal);
  if (ip === undefined) {
    f.error('CUSTOMER_GATEWAY_IP', path, `must be an IPv4 address like "203.0.113.10", got ${describe(literal)}.`);
    return;
  }
  const forbidden = CUSTOMER_GATEWAY_FORBIDDEN.find((b) => cidrContains(b.cidr, ip));
  if (forbidden) {
    f.error(
      'CUSTOMER_GATEWAY_IP',
      path,
      `must be an address the VPN gateway can reach, got ${describe(literal)}, in ${canonicalCidr(forbidden.cidr)} ` +
        `(${forbidden.what}); give the address of the on-premises gateway device.`,
    );
  }
}

function checkCustomerAsn(f: Findings, path: string, value: number | undefined): void {
  const valid = checkInteger(f, 'CUSTOMER_GATEWAY_ASN', path, value, 1, 4294967295, 'an autonomous system number');
  if (valid === ALIBABA_SIDE_ASN) {
    f.error(
      'CUSTOMER_GATEWAY_ASN',
      path,
      `must not be ${ALIBABA_SIDE_ASN}, the ASN of the Alibaba Cloud side of VPN gateways; use your own (a private ` +
        'ASN from 64512 to 65534, or 4200000000 to 4294967294).',
    );
  }
}

export function validateCustomerGatewayProps(input: unknown): Checked<CustomerGatewayProps> {
  const f = new Findings();
  const p = readProps<CustomerGatewayProps>(f, input, CUSTOMER_GATEWAY_PROPS);
  if (p !== undefined) {
    checkCustomerGatewayIp(f, 'ipAddress', p.ipAddress, true);
    checkCustomerAsn(f, 'asn', p.asn);
    checkName(f, 'name', p.name);
    checkDescription(f, 'description', p.description);
    checkTags(f, 'tags', p.tags);
  }
  return finish(f, p);
}

export function validateCustomerGatewayAttributes(input: unknown): Checked<CustomerGatewayAttributes> {
  const f = new Findings();
  const p = readProps<CustomerGatewayAttributes>(f, input, CUSTOMER_GATEWAY_ATTRIBUTES);
  if (p !== undefined) {
    checkResourceId(f, 'customerGatewayId', p.customerGatewayId, 'customer gateway');
    checkCustomerGatewayIp(f, 'ipAddress', p.ipAddress, false);
    checkCustomerAsn(f, 'asn', p.asn);
  }
  return finish(f, p);
}

/** 100.64.0.0/10: destination routes may neither point into it nor contain it. */
const SHARED_ADDRESS_SPACE = parseIpv4Cidr('100.64.0.0/10')!;

/** A route CIDR: a canonical IPv4 block. Returns it when it is a valid literal. */
function checkRouteCidr(f: Findings, path: string, value: string | undefined): Ipv4Cidr | undefined {
  const literal = literalString(f, path, value, true);
  if (literal === undefined) return undefined;
  const cidr = parseIpv4Cidr(literal);
  if (cidr === undefined) {
    f.error('ROUTE_CIDR_INVALID', path, `must be an IPv4 CIDR block like "192.168.0.0/16", got ${describe(literal)}.`);
    return undefined;
  }
  if (canonicalCidr(cidr) !== literal) {
    f.error(
      'ROUTE_CIDR_INVALID',
      path,
      `must be written in network form, got ${describe(literal)}; use "${canonicalCidr(cidr)}".`,
    );
    return undefined;
  }
  return cidr;
}

const CONNECTION_REF = { type: 'ref', attribute: 'connectionId', name: 'IpsecVpnConnection' } as const;

export const VPN_ROUTE_PROPS: Shape = {
  name: 'VpnRouteProps',
  fields: { connection: CONNECTION_REF, destinationCidr: string, weight: string, publishToVpc: boolean },
};

export const VPN_POLICY_ROUTE_PROPS: Shape = {
  name: 'VpnPolicyRouteProps',
  fields: { ...VPN_ROUTE_PROPS.fields, sourceCidr: string },
};

/** The props of a route, as read (any of them may be absent when invalid). */
export interface RouteSnapshot {
  readonly connection?: IConstruct;
  readonly destinationCidr?: string;
  readonly sourceCidr?: string;
  readonly weight?: string;
  readonly publishToVpc?: boolean;
}

/** A destination-based route (`policy` false) or a policy-based one. */
export function validateRoute(policy: boolean, input: unknown): Checked<RouteSnapshot> {
  const f = new Findings();
  const p = readProps<RouteSnapshot>(f, input, policy ? VPN_POLICY_ROUTE_PROPS : VPN_ROUTE_PROPS);
  if (p === undefined) return finish<never>(f, undefined);
  if (!f.given('connection', p.connection)) {
    f.error('REQUIRED_PROP_MISSING', 'connection', 'is required: the IpsecVpnConnection the route sends traffic to.');
  }
  if (policy) checkRouteCidr(f, 'sourceCidr', p.sourceCidr);
  const dest = checkRouteCidr(f, 'destinationCidr', p.destinationCidr);
  if (dest !== undefined) {
    const at = 'destinationCidr';
    const report = (message: string) =>
      policy
        ? f.warn('POLICY_ROUTE_DESTINATION_ADVISED', at, `${message} The docs advise against it for policy routes.`)
        : f.error('ROUTE_DESTINATION_FORBIDDEN', at, message);
    if (dest.prefixLength === 0) {
      report('must not be 0.0.0.0/0: VPN gateways do not take a default route. Route the specific blocks.');
    } else if (overlaps(dest, SHARED_ADDRESS_SPACE)) {
      report(
        `("${canonicalCidr(dest)}") must neither lie in nor contain 100.64.0.0/10, which Alibaba Cloud uses ` +
          'internally (IPsec negotiation may fail); route blocks outside it.',
      );
    }
  }
  checkWeight(f, 'weight', p.weight);
  return finish(f, p);
}

/** A route weight decides what is rendered (100 or 0): a RouteWeight value, never a token. */
function checkWeight(f: Findings, path: string, weight: string | undefined): void {
  if (weight !== undefined && isUnresolved(weight)) {
    f.reject(
      'TYPE_INVALID',
      path,
      'must be RouteWeight.ACTIVE or RouteWeight.STANDBY, not a token: the weight decides what is rendered (100 or 0).',
    );
    return;
  }
  checkEnum(f, path, weight, ROUTE_WEIGHTS, 'RouteWeight');
}

/**
 * The options of `addRoute` / `addPolicyRoute`, and the construct id of the route: `id`, or one derived
 * from the CIDRs (which must then be literal strings).
 */
export function validateRouteOptions(
  input: unknown,
  cidrs: readonly unknown[],
): Checked<{ options: VpnRouteOptions; id: string }> {
  const f = new Findings();
  const o = input === undefined ? {} : readProps<VpnRouteOptions>(f, input, VPN_ROUTE_OPTIONS);
  if (o === undefined) return finish<never>(f, undefined);
  checkWeight(f, 'weight', o.weight);
  let id = literalString(f, 'id', o.id, false);
  if (id !== undefined && (id === '' || id.includes('/'))) {
    f.error('ROUTE_ID_REQUIRED', 'id', `must be a construct id (not empty, no "/"), got ${describe(id)}.`);
  } else if (id === undefined && o.id !== undefined) {
    f.error('ROUTE_ID_REQUIRED', 'id', 'must be a literal string: construct ids are part of the contract.');
  } else if (id === undefined) {
    if (cidrs.every((c) => typeof c === 'string' && !isUnresolved(c))) {
      const parts = (cidrs as string[]).map((c) => c.replace(/\//g, '-'));
      id = parts.length === 1 ? `Route-${parts[0]}` : `PolicyRoute-${parts[0]}-to-${parts[1]}`;
    } else if (cidrs.some((c) => typeof c === 'string' && isUnresolved(c))) {
      f.error(
        'ROUTE_ID_REQUIRED',
        'id',
        'is required when a CIDR is a token: the construct id derives from the CIDRs. Give a stable id ' +
          '(changing it replaces the route).',
      );
    } else {
      id = cidrs.length === 1 ? 'Route' : 'PolicyRoute'; // a CIDR of the wrong type: the route reports it
    }
  }
  return finish(f, id === undefined ? undefined : { options: o, id });
}
