/**
 * Every rule the construct enforces, by stable id. The id appears in each message; the README's
 * validation table lists the same ids (a test keeps them in step).
 *
 * `source`: where the rule comes from. API = CreateVpnConnection reference; provider = the Terraform
 * provider's schema or behaviour (shared/reference/provider-rules.md); ours = decided by this library
 * (see docs/decisions/002-validation-rules.md).
 */
export const CONNECTION_RULES = {
  // structure and mode
  REQUIRED_PROP_MISSING: { severity: 'error', source: 'API', summary: 'a required prop is missing' },
  TYPE_INVALID: {
    severity: 'error',
    source: 'ours',
    summary: 'a prop has the wrong type (a number for a string, a Map, a class instance or a Proxy for an object)',
  },
  PROP_UNKNOWN: {
    severity: 'error',
    source: 'ours',
    summary: 'a property that the props type does not have (a misspelling, or an API or Terraform name)',
  },
  PROP_UNREADABLE: { severity: 'error', source: 'ours', summary: 'reading a prop threw (a getter or a Proxy)' },
  LIST_HOLE: { severity: 'error', source: 'ours', summary: 'an array has an empty slot (`[a, , b]`)' },
  MODE_AMBIGUOUS: {
    severity: 'error',
    source: 'API',
    summary: '`customerGatewayId` (single-tunnel) and `tunnels` (dual-tunnel) are both given',
  },
  MODE_UNDETERMINED: {
    severity: 'error',
    source: 'API',
    summary: 'neither `customerGatewayId` nor `tunnels` is given',
  },
  DUAL_TUNNEL_COUNT: { severity: 'error', source: 'API', summary: '`tunnels` must hold exactly two tunnels' },
  DUAL_TUNNEL_ROLES: { severity: 'error', source: 'API', summary: 'the two tunnels must be one MASTER and one SLAVE' },
  SINGLE_TUNNEL_PROP_IN_DUAL_MODE: {
    severity: 'error',
    source: 'API',
    summary: 'a single-tunnel prop (`ikeConfig`, `bgpConfig`, `enableDpd`, ...) is given with `tunnels`',
  },
  DUAL_TUNNEL_PROP_IN_SINGLE_MODE: {
    severity: 'error',
    source: 'API',
    summary: '`enableTunnelsBgp` is given on a single-tunnel connection',
  },
  TUNNELS_BGP_WITHOUT_BGP_CONFIG: {
    severity: 'error',
    source: 'API',
    summary: '`enableTunnelsBgp: true` needs a `bgpConfig` on both tunnels',
  },
  TUNNEL_PSK_REQUIRED: {
    severity: 'error',
    source: 'provider',
    summary: 'each tunnel needs `ikeConfig.preSharedKey` (a generated tunnel key is a permanent plan diff)',
  },
  // identity and metadata
  RESOURCE_ID_EMPTY: { severity: 'error', source: 'API', summary: 'a VPN or customer gateway id is empty' },
  NAME_LENGTH: { severity: 'error', source: 'API', summary: '`name` must be 1–100 characters' },
  NAME_URL_PREFIX: { severity: 'error', source: 'API', summary: '`name` must not start with `http://` or `https://`' },
  TAG_COUNT: { severity: 'error', source: 'API', summary: 'at most 20 tags' },
  TAG_KEY_LENGTH: { severity: 'error', source: 'API', summary: 'a tag key must be 1–64 characters' },
  TAG_VALUE_LENGTH: { severity: 'error', source: 'API', summary: 'a tag value must be at most 128 characters' },
  TAG_RESERVED_PREFIX: {
    severity: 'error',
    source: 'API',
    summary: 'a tag key or value must not start with `aliyun` or `acs:`',
  },
  TAG_URL: { severity: 'error', source: 'API', summary: 'a tag key or value must not contain `http://` or `https://`' },
  TEXT_TEMPLATE: {
    severity: 'warning',
    source: 'ours',
    summary: 'a name, tag or IKE id holds `${` or `%{`, which Terraform reads as a template',
  },
  TAG_KEY_HIDDEN_BY_PROVIDER: {
    severity: 'error',
    source: 'provider',
    summary: 'a tag key the provider hides when it reads tags back (`sae.do.not.delete`): a plan diff forever',
  },
  TAG_KEY_UNSUPPORTED: {
    severity: 'error',
    source: 'ours',
    summary: 'the tag key `__proto__`, which JavaScript objects cannot carry through synthesis',
  },
  // networks
  SUBNET_COUNT: { severity: 'error', source: 'provider', summary: '1–10 local and 1–10 remote subnets' },
  SUBNET_NOT_IPV4_CIDR: { severity: 'error', source: 'API', summary: 'a subnet must be an IPv4 CIDR block' },
  SUBNET_NOT_CANONICAL: {
    severity: 'error',
    source: 'provider',
    summary: 'a subnet must be written in network form (`10.0.0.0/24`, not `10.0.0.1/24`)',
  },
  SUBNET_DUPLICATE: { severity: 'error', source: 'provider', summary: 'a subnet is listed twice' },
  SUBNET_OVERLAP: {
    severity: 'warning',
    source: 'ours',
    summary: 'a local and a remote subnet overlap (other than `0.0.0.0/0` on both sides)',
  },
  TUNNEL_CIDR_NOT_LINK_LOCAL_30: {
    severity: 'error',
    source: 'API',
    summary: 'a tunnel CIDR must be a /30 inside 169.254.0.0/16, in network form',
  },
  TUNNEL_CIDR_RESERVED: {
    severity: 'error',
    source: 'API',
    summary:
      'a tunnel CIDR Alibaba Cloud reserves: 169.254.0.0/30 to 169.254.6.0/30 (the seven x.0/30 blocks) and 169.254.169.252/30',
  },
  TUNNEL_CIDR_DUPLICATE: {
    severity: 'error',
    source: 'API',
    summary: 'the two tunnels must use different tunnel CIDRs',
  },
  BGP_IP_OUTSIDE_TUNNEL_CIDR: {
    severity: 'error',
    source: 'API',
    summary: '`localBgpIp` must be a usable host address of its `tunnelCidr`',
  },
  ASN_RANGE: { severity: 'error', source: 'API', summary: '`localAsn` must be an integer from 1 to 4294967295' },
  HEALTH_CHECK_IP_INVALID: {
    severity: 'error',
    source: 'API',
    summary: 'health-check source and destination must be IPv4 addresses',
  },
  HEALTH_CHECK_NUMBER_RANGE: {
    severity: 'error',
    source: 'ours',
    summary: 'health-check interval and retries must be positive integers',
  },
  // crypto
  ENUM_VALUE_INVALID: { severity: 'error', source: 'API', summary: "a value is not one of its enum's wire values" },
  LIFETIME_RANGE: { severity: 'error', source: 'API', summary: 'an SA lifetime must be an integer from 0 to 86400' },
  PSK_LENGTH: { severity: 'error', source: 'API', summary: 'a pre-shared key must be 1–100 characters' },
  PSK_CHARSET: {
    severity: 'error',
    source: 'API',
    summary: "a pre-shared key may hold only letters, digits and ~!`@#$%^&*()_-+={}[]|;:',.<>/?",
  },
  PSK_LITERAL: {
    severity: 'warning',
    source: 'ours',
    summary: 'a pre-shared key written in the code ends up in clear text in `cdk.tf.json`',
  },
  PSK_TOKEN_FORM: {
    severity: 'error',
    source: 'ours',
    summary: 'a pre-shared key token resolves (at synth) to text mixed with Terraform expressions',
  },
  IKE_ID_LENGTH: { severity: 'error', source: 'API', summary: '`localId` / `remoteId` must be 1–100 characters' },
  WEAK_CRYPTO_REFUSED: {
    severity: 'error',
    source: 'ours',
    summary: 'DES, 3DES, MD5 and DH group 1 are refused unless `allowWeakCrypto: true`',
  },
  WEAK_CRYPTO_ALLOWED: {
    severity: 'warning',
    source: 'ours',
    summary: 'DES, 3DES, MD5 or DH group 1 is used with `allowWeakCrypto: true`',
  },
  LEGACY_CRYPTO: {
    severity: 'warning',
    source: 'ours',
    summary: 'SHA-1, DH group 2/5, IKEv1, aggressive mode or PFS disabled is used',
  },
  VPN_GATEWAY_AMBIGUOUS: {
    severity: 'error',
    source: 'ours',
    summary: 'both `vpnGatewayId` and `vpnGateway` are given (or either is given to `addConnection`)',
  },
  CUSTOMER_GATEWAY_AMBIGUOUS: {
    severity: 'error',
    source: 'ours',
    summary: 'both `customerGatewayId` and `customerGateway` are given (on the connection or on one tunnel)',
  },
} as const;

/**
 * Rules of the resources around connections: VPN gateways, customer gateways and route entries, each
 * checked in its constructor. Sources: docs/decisions/005-fleet-rules.md.
 */
export const RESOURCE_RULES = {
  GATEWAY_NAME: {
    severity: 'error',
    source: 'API',
    summary: 'a VPN gateway name is 2–100 characters: letters, digits, `_`, `-` and `.`, starting with a letter',
  },
  DESCRIPTION_INVALID: {
    severity: 'error',
    source: 'API',
    summary: 'a description must be 1–100 characters, not starting with `http://` or `https://`',
  },
  GATEWAY_BANDWIDTH: {
    severity: 'error',
    source: 'API',
    summary: 'a VPN gateway bandwidth is one the API offers for its network type',
  },
  GATEWAY_DR_VSWITCH: {
    severity: 'error',
    source: 'API',
    summary: '`disasterRecoveryVswitchId` needs `vswitchId` too',
  },
  GATEWAY_DR_VSWITCH_SAME: {
    severity: 'warning',
    source: 'API',
    summary:
      '`disasterRecoveryVswitchId` equals `vswitchId`: both tunnels in one zone (allowed only in single-zone regions)',
  },
  SUBSCRIPTION_MONTHS: {
    severity: 'error',
    source: 'API',
    summary: '`subscriptionMonths` is 1–9, 12, 24 or 36, and only for subscription gateways',
  },
  SUBSCRIPTION_NOT_DESTROYED: {
    severity: 'warning',
    source: 'provider',
    summary: 'a subscription gateway is not deleted by `terraform destroy` (the provider only forgets it)',
  },
  CUSTOMER_GATEWAY_IP: {
    severity: 'error',
    source: 'API',
    summary: 'a customer gateway address is an IPv4 address outside the ranges the API refuses',
  },
  CUSTOMER_GATEWAY_ASN: {
    severity: 'error',
    source: 'API',
    summary: 'a customer gateway ASN is 1–4294967295 and not 45104 (the Alibaba Cloud side)',
  },
  ROUTE_CIDR_INVALID: {
    severity: 'error',
    source: 'API',
    summary: 'a route source or destination is an IPv4 CIDR block in network form',
  },
  ROUTE_DESTINATION_FORBIDDEN: {
    severity: 'error',
    source: 'API',
    summary: 'a destination route to `0.0.0.0/0`, or to a block in or containing `100.64.0.0/10`',
  },
  POLICY_ROUTE_DESTINATION_ADVISED: {
    severity: 'warning',
    source: 'API',
    summary:
      'a policy route to `0.0.0.0/0`, or to a block in or containing `100.64.0.0/10`, which the docs advise against',
  },
  ROUTE_ID_REQUIRED: {
    severity: 'error',
    source: 'ours',
    summary:
      'a route whose CIDR is a token needs `id` (construct ids derive from the CIDRs); an id is not empty and has no `/`',
  },
} as const;

/**
 * Rules between resources, checked when the app is synthesized (`node.addValidation`). Each names every
 * construct path involved.
 */
export const FLEET_RULES = {
  GATEWAY_MODE_MISMATCH: {
    severity: 'error',
    source: 'API',
    summary: "a connection's tunnel mode differs from its VPN gateway's",
  },
  TUNNEL_CIDR_NOT_UNIQUE_ON_GATEWAY: {
    severity: 'error',
    source: 'API',
    summary: 'two tunnels (of any connections) on one VPN gateway use the same tunnel CIDR',
  },
  SAME_CGW_IKE_MISMATCH: {
    severity: 'error',
    source: 'API',
    summary: 'tunnels on one VPN gateway and one customer gateway differ in IKE settings or pre-shared key',
  },
  SAME_CGW_SELECTOR_OVERLAP: {
    severity: 'error',
    source: 'API',
    summary: 'connections on one VPN gateway and one customer gateway have overlapping protected data flows',
  },
  CUSTOMER_GATEWAY_ASN_REQUIRED: {
    severity: 'error',
    source: 'API',
    summary: 'BGP on a connection or tunnel whose customer gateway has no ASN',
  },
  CUSTOMER_GATEWAY_IP_DUPLICATE: {
    severity: 'error',
    source: 'API',
    summary: 'two customer gateways in one stack have the same IP address',
  },
  CUSTOMER_GATEWAY_IP_NETWORK_TYPE: {
    severity: 'warning',
    source: 'API',
    summary: 'a private customer gateway address on a public VPN gateway, or a public one on a private gateway',
  },
  ROUTE_DUPLICATE: {
    severity: 'error',
    source: 'API',
    summary: 'two route entries with the same gateway, destination (and source) and next hop',
  },
  ROUTE_ACTIVE_ACTIVE: {
    severity: 'warning',
    source: 'API',
    summary:
      'two active (weight 100) routes to one destination on one gateway: the docs describe active/standby pairs only',
  },
  ROUTE_STANDBY_WITHOUT_ACTIVE: {
    severity: 'warning',
    source: 'API',
    summary: 'a standby (weight 0) route with no active route to the same destination on the gateway',
  },
  ROUTE_WEIGHT_ON_DUAL_TUNNEL_GATEWAY: {
    severity: 'warning',
    source: 'API',
    summary: 'a standby route on a dual-tunnel gateway, where route weights do not take effect',
  },
} as const;

export const RULES = { ...CONNECTION_RULES, ...RESOURCE_RULES, ...FLEET_RULES } as const;

export type RuleId = keyof typeof RULES;
