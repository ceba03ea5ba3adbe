export * from './crypto';
export * from './tunnel';
export * from './validation';
export * from './ipsec-vpn-connection';
export * from './vpn-gateway';
export * from './customer-gateway';
export * from './vpn-route';
export * from './strongswan';

/**
 * Typed L1 bindings for the alicloud VPN resources, generated from schema/alicloud-vpn.schema.json.
 */
export * as alicloud from './gen';
