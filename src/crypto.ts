/**
 * IKE (phase 1) and IPsec (phase 2) vocabulary. Enum values are the CreateVpnConnection wire values.
 */

/**
 * Version of the Internet Key Exchange protocol (API: `IkeConfig.IkeVersion`).
 */
export enum IkeVersion {
  /** IKEv1. The API's default; weaker negotiation than IKEv2 (warning). */
  IKEV1 = 'ikev1',
  /** IKEv2. Simpler SA negotiation and better support for several CIDR blocks. */
  IKEV2 = 'ikev2',
}

/**
 * IKE negotiation mode (API: `IkeConfig.IkeMode`).
 */
export enum IkeMode {
  /** Main mode: identities are protected during negotiation. */
  MAIN = 'main',
  /** Aggressive mode: faster, but exposes identities (warning). */
  AGGRESSIVE = 'aggressive',
}

/**
 * Encryption algorithm of phase 1 or phase 2 (API: `IkeEncAlg`, `IpsecEncAlg`).
 */
export enum EncryptionAlgorithm {
  /** AES-128. */
  AES = 'aes',
  /** AES-192. */
  AES192 = 'aes192',
  /** AES-256. */
  AES256 = 'aes256',
  /** DES: broken; refused unless `allowWeakCrypto` is true. */
  DES = 'des',
  /** Triple DES: deprecated; refused unless `allowWeakCrypto` is true. */
  TRIPLE_DES = '3des',
}

/**
 * Authentication (integrity) algorithm of phase 1 or phase 2 (API: `IkeAuthAlg`, `IpsecAuthAlg`).
 */
export enum AuthenticationAlgorithm {
  /** MD5: broken; refused unless `allowWeakCrypto` is true. */
  MD5 = 'md5',
  /** SHA-1: deprecated (warning). */
  SHA1 = 'sha1',
  /** SHA-256. */
  SHA256 = 'sha256',
  /** SHA-384. */
  SHA384 = 'sha384',
  /** SHA-512. */
  SHA512 = 'sha512',
}

/**
 * Diffie-Hellman group of the IKE phase 1 exchange (API: `IkeConfig.IkePfs`).
 */
export enum DhGroup {
  /** 768-bit MODP: broken; refused unless `allowWeakCrypto` is true. */
  GROUP1 = 'group1',
  /** 1024-bit MODP: weak (warning). The API's default. */
  GROUP2 = 'group2',
  /** 1536-bit MODP: weak (warning). */
  GROUP5 = 'group5',
  /** 2048-bit MODP. */
  GROUP14 = 'group14',
}

/**
 * Perfect forward secrecy of IPsec phase 2: a Diffie-Hellman group, or none (API: `IpsecConfig.IpsecPfs`).
 */
export enum IpsecPfs {
  /** No PFS (warning). */
  DISABLED = 'disabled',
  /** 768-bit MODP: broken; refused unless `allowWeakCrypto` is true. */
  GROUP1 = 'group1',
  /** 1024-bit MODP: weak (warning). The API's default. */
  GROUP2 = 'group2',
  /** 1536-bit MODP: weak (warning). */
  GROUP5 = 'group5',
  /** 2048-bit MODP. */
  GROUP14 = 'group14',
}

/**
 * IKE phase 1 settings of a connection (single-tunnel, API `IkeConfig`) or of one tunnel
 * (dual-tunnel, API `TunnelOptionsSpecification.N.TunnelIkeConfig`).
 *
 * Every field is rendered explicitly: the provider would otherwise send unset numbers as `0`.
 */
export interface IkeConfig {
  /**
   * Pre-shared key shared with the customer gateway (API: `Psk`): 1–100 characters of letters,
   * digits and ``~!`@#$%^&*()_-+={}[]|;:',.<>/?``. Rendered wrapped in Terraform's `sensitive()`;
   * never printed in errors or warnings. Pass a sensitive `TerraformVariable` or a secret reference
   * rather than a literal: a literal is written to `cdk.tf.json`.
   *
   * @default - single-tunnel: Alibaba Cloud generates a random 16-character key (readable from
   * `resource.ikeConfig.psk`). Dual-tunnel: required (the provider cannot read a generated tunnel
   * key back, which would cause a permanent plan diff).
   */
  readonly preSharedKey?: string;

  /**
   * IKE version (API: `IkeVersion`).
   * @default IkeVersion.IKEV2 (the API defaults to ikev1)
   */
  readonly version?: IkeVersion;

  /**
   * Negotiation mode (API: `IkeMode`).
   * @default IkeMode.MAIN
   */
  readonly mode?: IkeMode;

  /**
   * Phase 1 encryption algorithm (API: `IkeEncAlg`).
   * @default EncryptionAlgorithm.AES256 (the API defaults to aes)
   */
  readonly encryptionAlgorithm?: EncryptionAlgorithm;

  /**
   * Phase 1 authentication algorithm (API: `IkeAuthAlg`).
   * @default AuthenticationAlgorithm.SHA256 (the API defaults to md5)
   */
  readonly authenticationAlgorithm?: AuthenticationAlgorithm;

  /**
   * Phase 1 Diffie-Hellman group (API: `IkePfs`).
   * @default DhGroup.GROUP14 (the API defaults to group2)
   */
  readonly dhGroup?: DhGroup;

  /**
   * Lifetime of the phase 1 SA in seconds (API: `IkeLifetime`), an integer from 0 to 86400.
   * @default 86400
   */
  readonly lifetimeSeconds?: number;

  /**
   * Identifier of the Alibaba Cloud side (API: `LocalId`; Terraform `ike_local_id` / tunnel
   * `local_id`), 1–100 characters, e.g. an FQDN (use aggressive mode with FQDNs).
   * @default - the public IP address of the VPN gateway (or of the tunnel)
   */
  readonly localId?: string;

  /**
   * Identifier of the customer gateway (API: `RemoteId`; Terraform `ike_remote_id` / tunnel
   * `remote_id`), 1–100 characters.
   * @default - the IP address of the customer gateway
   */
  readonly remoteId?: string;
}

/**
 * IPsec phase 2 settings of a connection (single-tunnel, API `IpsecConfig`) or of one tunnel
 * (dual-tunnel, API `TunnelOptionsSpecification.N.TunnelIpsecConfig`).
 */
export interface IpsecConfig {
  /**
   * Phase 2 encryption algorithm (API: `IpsecEncAlg`).
   * @default EncryptionAlgorithm.AES256 (the API defaults to aes)
   */
  readonly encryptionAlgorithm?: EncryptionAlgorithm;

  /**
   * Phase 2 authentication algorithm (API: `IpsecAuthAlg`).
   * @default AuthenticationAlgorithm.SHA256 (the API defaults to md5)
   */
  readonly authenticationAlgorithm?: AuthenticationAlgorithm;

  /**
   * Phase 2 perfect forward secrecy (API: `IpsecPfs`).
   * @default IpsecPfs.GROUP14 (the API defaults to group2)
   */
  readonly pfs?: IpsecPfs;

  /**
   * Lifetime of the phase 2 SA in seconds (API: `IpsecLifetime`), an integer from 0 to 86400.
   * @default 86400
   */
  readonly lifetimeSeconds?: number;
}
