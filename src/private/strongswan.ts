/**
 * The customer side of a connection as a strongSwan `swanctl.conf`: the same props, mirrored (local and
 * remote swapped), with Alibaba Cloud's algorithm names mapped to strongSwan's proposal keywords.
 * Pure: no construct tree. Facts and their sources: shared/reference/strongswan-notes.md (§5 mapping,
 * §6 lifetimes and DPD); decision 007.
 */
import { Fn, Token } from 'cdktf';
import { base64KeyToken, DEFAULTS, KeyLocation } from './render';
import { IkeConfig, IkeMode, IkeVersion, IpsecConfig, IpsecPfs } from '../crypto';
import { StrongSwanStartAction } from '../strongswan';

/** Alibaba encryption → strongSwan keyword (`aes` is AES-128-CBC; written explicitly). */
const ENCRYPTION: Readonly<Record<string, string>> = {
  aes: 'aes128',
  aes192: 'aes192',
  aes256: 'aes256',
  des: 'des',
  '3des': '3des',
};
/** Alibaba integrity → strongSwan keyword (the same names; HMAC with RFC 4868 truncation). */
const INTEGRITY: Readonly<Record<string, string>> = {
  md5: 'md5',
  sha1: 'sha1',
  sha256: 'sha256',
  sha384: 'sha384',
  sha512: 'sha512',
};
/** Alibaba DH group → strongSwan MODP group. */
const DH: Readonly<Record<string, string>> = {
  group1: 'modp768',
  group2: 'modp1024',
  group5: 'modp1536',
  group14: 'modp2048',
};

/** One IKE connection of the rendered file: a single-tunnel connection, or one tunnel of a dual one. */
export interface SwanTunnel {
  /** The IKE connection name. */
  readonly name: string;
  /** Prop path of this tunnel's settings (`` or `tunnels[i].`), for errors. */
  readonly at: string;
  /** The customer side's address (`local_addrs`): a literal, a token or `%any`. */
  readonly localAddress: string;
  /** The Alibaba side's address (`remote_addrs`): a literal or a token. */
  readonly remoteAddress: string;
  /** The ids each side has by default (Alibaba's): the customer gateway's and the VPN gateway's IPs. */
  readonly customerIp?: string;
  readonly alibabaIp?: string;
  readonly ike?: IkeConfig;
  readonly ipsec?: IpsecConfig;
  readonly dpd: boolean;
  /** Route-based (BGP): the XFRM interface id of this tunnel. */
  readonly interfaceId?: number;
}

export interface SwanConnection {
  readonly constructPath: string;
  /** The connection's `localSubnets` (the Alibaba side) and `remoteSubnets` (the data centre). */
  readonly alibabaSubnets: readonly string[];
  readonly customerSubnets: readonly string[];
  readonly tunnels: readonly SwanTunnel[];
  readonly dpdDelaySeconds: number;
  readonly startAction: StrongSwanStartAction;
}

/** A value that must be known at synth to be rendered (an algorithm, a lifetime). */
function literal<T>(c: SwanConnection, path: string, value: T): T {
  if (Token.isUnresolved(value)) {
    throw new Error(
      `IpsecVpnConnection at '${c.constructPath}': strongSwanConfig() cannot render \`${path}\`, a token: ` +
        'strongSwan needs the value itself. Give a literal value.',
    );
  }
  return value;
}

function proposal(c: SwanConnection, at: string, enc: string, auth: string, dh: string | undefined): string {
  const parts = [
    ENCRYPTION[literal(c, `${at}.encryptionAlgorithm`, enc)],
    INTEGRITY[literal(c, `${at}.authenticationAlgorithm`, auth)],
  ];
  if (dh !== undefined) parts.push(DH[dh]);
  return parts.join('-');
}

/**
 * An IKE id as swanctl.conf reads it, unquoted: whitespace, `{`, `}`, `"`, `#` and `\` would end the value,
 * start a comment or a section, or inject a setting. Tokens are left to the user.
 */
function checkedId<T extends string | undefined>(c: SwanConnection, path: string, id: T): T {
  if (id !== undefined && !Token.isUnresolved(id) && !/^[^\s{}"#\\]+$/.test(id)) {
    throw new Error(
      `IpsecVpnConnection at '${c.constructPath}': strongSwanConfig() cannot write \`${path}\` ` +
        `(${JSON.stringify(id.slice(0, 80))}) into swanctl.conf: whitespace, {, }, ", # and \\ end or break the ` +
        'value there. Use an IP address or a host name.',
    );
  }
  return id;
}

/** `rekey_time` and the remainder up to the lifetime: strongSwan proposes their sum (IKEv1), exactly L. */
function lifetimes(c: SwanConnection, path: string, seconds: number): { rekey: number; rest: number } {
  const total = literal(c, path, seconds);
  if (total < 10) {
    throw new Error(
      `IpsecVpnConnection at '${c.constructPath}': strongSwanConfig() cannot render \`${path}\` = ${total} s: ` +
        'strongSwan reads 0 as "never rekey" and, under 10 s, would rekey as the SA expires. Use 10 s or more.',
    );
  }
  const rekey = Math.round(total * 0.9);
  return { rekey, rest: total - rekey };
}

function subnets(list: readonly string[], routeBased: boolean): string {
  if (routeBased) return '0.0.0.0/0';
  return Token.isUnresolved(list) ? Token.asString(Fn.join(',', list as string[])) : list.join(',');
}

/**
 * The key as swanctl reads it: base64 with the `0s` prefix. swanctl takes a secret that starts with `0x`
 * as hex and one with `0s` as base64, even quoted, so a key like `0xA1b2` would load as other bytes;
 * base64 carries any key exactly (and has no `${` for Terraform to read). A token is encoded by Terraform.
 */
function secretValue(key: string, location: KeyLocation): string {
  return Token.isUnresolved(key)
    ? `0s${base64KeyToken(key, location)}`
    : `0s${Buffer.from(key, 'utf8').toString('base64')}`;
}

export function renderSwanctl(c: SwanConnection): string {
  const out: string[] = ['connections {'];
  const secrets: string[] = ['secrets {'];
  for (const t of c.tunnels) {
    const ike = t.ike ?? {};
    const ipsec = t.ipsec ?? {};
    const ikePath = `${t.at}ikeConfig`;
    const ipsecPath = `${t.at}ipsecConfig`;
    const version = literal(c, `${ikePath}.version`, ike.version ?? DEFAULTS.ikeVersion);
    const mode = literal(c, `${ikePath}.mode`, ike.mode ?? DEFAULTS.ikeMode);
    const ikeLife = lifetimes(c, `${ikePath}.lifetimeSeconds`, ike.lifetimeSeconds ?? DEFAULTS.ikeLifetimeSeconds);
    const childLife = lifetimes(
      c,
      `${ipsecPath}.lifetimeSeconds`,
      ipsec.lifetimeSeconds ?? DEFAULTS.ipsecLifetimeSeconds,
    );
    const pfs = literal(c, `${ipsecPath}.pfs`, ipsec.pfs ?? DEFAULTS.ipsecPfs);
    const key = ike.preSharedKey;
    if (key === undefined) {
      throw new Error(
        `IpsecVpnConnection at '${c.constructPath}': strongSwanConfig() needs \`${ikePath}.preSharedKey\`: without ` +
          'it Alibaba Cloud generates the key, which is only known after apply. Give the key (a sensitive ' +
          'variable) to the connection.',
      );
    }
    // the customer side's ids are Alibaba's, swapped; by default each side is its public IP (Alibaba's
    // defaults), which the addresses stand for only when the IPs are not known
    const localId = checkedId(
      c,
      `${ikePath}.remoteId`,
      ike.remoteId ?? t.customerIp ?? (t.localAddress === '%any' ? undefined : t.localAddress),
    );
    const remoteId = checkedId(c, `${ikePath}.localId`, ike.localId ?? t.alibabaIp ?? t.remoteAddress);
    const routeBased = t.interfaceId !== undefined;
    const child = `${t.name}-vpc`;

    out.push(
      `  ${t.name} {`,
      `    version = ${version === IkeVersion.IKEV1 ? 1 : 2}`,
      ...(version === IkeVersion.IKEV1 ? [`    aggressive = ${mode === IkeMode.AGGRESSIVE ? 'yes' : 'no'}`] : []),
      `    local_addrs = ${t.localAddress}`,
      `    remote_addrs = ${t.remoteAddress}`,
      `    proposals = ${proposal(
        c,
        ikePath,
        ike.encryptionAlgorithm ?? DEFAULTS.ikeEncryption,
        ike.authenticationAlgorithm ?? DEFAULTS.ikeAuthentication,
        literal(c, `${ikePath}.dhGroup`, ike.dhGroup ?? DEFAULTS.ikeDhGroup),
      )}`,
      `    rekey_time = ${ikeLife.rekey}s`,
      `    over_time = ${ikeLife.rest}s`,
      `    dpd_delay = ${literal(c, `${t.at}enableDpd`, t.dpd) ? c.dpdDelaySeconds : 0}s`,
      ...(routeBased ? [`    if_id_in = ${t.interfaceId}`, `    if_id_out = ${t.interfaceId}`] : []),
      '    local {',
      '      auth = psk',
      ...(localId !== undefined ? [`      id = ${localId}`] : []),
      '    }',
      '    remote {',
      '      auth = psk',
      `      id = ${remoteId}`,
      '    }',
      '    children {',
      `      ${child} {`,
      `        local_ts = ${subnets(c.customerSubnets, routeBased)}`,
      `        remote_ts = ${subnets(c.alibabaSubnets, routeBased)}`,
      `        esp_proposals = ${proposal(
        c,
        ipsecPath,
        ipsec.encryptionAlgorithm ?? DEFAULTS.ipsecEncryption,
        ipsec.authenticationAlgorithm ?? DEFAULTS.ipsecAuthentication,
        pfs === IpsecPfs.DISABLED ? undefined : pfs,
      )}`,
      `        rekey_time = ${childLife.rekey}s`,
      `        life_time = ${childLife.rekey + childLife.rest}s`,
      ...(t.dpd ? ['        dpd_action = restart'] : []),
      ...(routeBased ? [`        if_id_in = ${t.interfaceId}`, `        if_id_out = ${t.interfaceId}`] : []),
      `        start_action = ${c.startAction}`,
      '      }',
      '    }',
      '  }',
    );
    secrets.push(
      `  ike-${t.name} {`,
      ...(localId !== undefined ? [`    id-1 = ${localId}`] : []),
      `    id-2 = ${remoteId}`,
      `    secret = ${secretValue(key, { constructPath: c.constructPath, propPath: `${ikePath}.preSharedKey` })}`,
      '  }',
    );
  }
  out.push('}', ...secrets, '}', '');
  return out.join('\n');
}
