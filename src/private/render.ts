/**
 * Props → `alicloud_vpn_connection` configuration. Pure: no construct tree. Called only with props
 * that passed validation.
 *
 * Every nested field is rendered explicitly, because the provider sends unset nested numbers and
 * booleans as 0 / false, and Optional+Computed blocks that are left out keep whatever the server has.
 */
import { IResolvable, IResolveContext, Token, Tokenization } from 'cdktf';
import {
  AuthenticationAlgorithm,
  DhGroup,
  EncryptionAlgorithm,
  IkeConfig,
  IkeMode,
  IkeVersion,
  IpsecConfig,
  IpsecPfs,
} from '../crypto';
import type { VpnConnectionConfig } from '../gen/vpn-connection';
import type { IpsecVpnConnectionProps } from '../ipsec-vpn-connection';
import { validationError } from './errors';
import { BgpConfig, TunnelConfig, TunnelMode, TunnelRole } from '../tunnel';
import { describe } from './rules/findings';

/** The library's defaults, where they differ from the API's (see README "Secure defaults"). */
export const DEFAULTS = {
  ikeVersion: IkeVersion.IKEV2,
  ikeMode: IkeMode.MAIN,
  ikeEncryption: EncryptionAlgorithm.AES256,
  ikeAuthentication: AuthenticationAlgorithm.SHA256,
  ikeDhGroup: DhGroup.GROUP14,
  ikeLifetimeSeconds: 86400,
  ipsecEncryption: EncryptionAlgorithm.AES256,
  ipsecAuthentication: AuthenticationAlgorithm.SHA256,
  ipsecPfs: IpsecPfs.GROUP14,
  ipsecLifetimeSeconds: 86400,
  enableDpd: true,
  enableNatTraversal: true,
  effectImmediately: false,
  autoConfigRoute: true,
  healthCheckIntervalSeconds: 3,
  healthCheckRetries: 3,
  localAsn: 45104,
} as const;

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** Text as the inside of a quoted Terraform template: nothing in it is read as an expression. */
function escapeLiteral(text: string): string {
  return text
    .replace(/\\/g, () => '\\\\')
    .replace(/"/g, () => '\\"')
    .replace(/\n/g, () => '\\n')
    .replace(/\r/g, () => '\\r')
    .replace(/\t/g, () => '\\t')
    .replace(/\$\{/g, () => '$${')
    .replace(/%\{/g, () => '%%{');
}

/** Index of the `}` that closes the interpolation opened at `start` (`${`), skipping quoted strings. */
function interpolationEnd(text: string, start: number): number {
  let depth = 0;
  for (let i = start + 1; i < text.length; i++) {
    const c = text[i];
    if (c === '"') {
      // a quoted string inside the expression: skip it, with its escapes and nested interpolations
      for (i++; i < text.length && text[i] !== '"'; i++) {
        if (text[i] === '\\') {
          i++;
        } else if (text.startsWith('${', i)) {
          i = interpolationEnd(text, i);
          if (i < 0) return -1;
        }
      }
    } else if (c === '{') {
      depth++;
    } else if (c === '}' && --depth === 0) {
      return i;
    }
  }
  return -1;
}

/** Whether a resolved token value is exactly one Terraform interpolation, `${...}`. */
function isInterpolation(text: string): boolean {
  return text.startsWith('${') && interpolationEnd(text, 0) === text.length - 1;
}

/** Where a key sits, for the error a token that resolves to an unusable form raises at synth. */
export interface KeyLocation {
  readonly constructPath: string;
  readonly propPath: string;
}

/**
 * A pre-shared key that is or holds a token (a variable, a secret reference, a `Lazy`, a string built
 * from a token and text), resolved at synth into `${sensitive("...")}`. Text is text: literal text, and
 * whatever plain text a token produces, is quoted and escaped exactly like a literal key. A token whose
 * value is one Terraform expression (`${var.psk}`, a reference, a function call) stays an expression.
 * A token that produces a string holding further tokens is taken apart the same way. A token that
 * produces anything else (a list, an object) is refused.
 */
class SensitiveKey implements IResolvable {
  public readonly creationStack: string[] = [];

  constructor(
    private readonly key: string,
    private readonly location: KeyLocation,
    /** The Terraform function the key is passed to: `sensitive`, or `base64encode` for strongSwan. */
    private readonly fn: string = 'sensitive',
  ) {}

  public resolve(context: IResolveContext): string {
    const parts = this.parts(this.key, context, false, 0);
    // one expression and nothing else: pass it to the function as it is
    if (parts.length === 1 && parts[0].expression !== undefined) {
      return `\${${this.fn}(${parts[0].expression.slice(2, -1)})}`;
    }
    return `\${${this.fn}("${template(parts)}")}`;
  }

  public toString(): string {
    return Token.asString(this);
  }

  /**
   * `value` as text and expression parts, appended to `out`. `produced`: the value came from a token,
   * so a string that is one interpolation is an expression rather than text.
   */
  private parts(value: unknown, context: IResolveContext, produced: boolean, depth: number, out: Part[] = []): Part[] {
    if (depth > MAX_TOKEN_DEPTH) throw keyFormError(this.location, 'tokens nested too deep');
    if (typeof value === 'number' && Token.isUnresolved(value)) {
      return this.parts(Tokenization.reverseNumber(value), context, true, depth + 1, out);
    }
    if (typeof value === 'number' || typeof value === 'boolean') {
      out.push({ text: String(value) });
      return out;
    }
    if (Tokenization.isResolvable(value)) {
      // cdktf's expression tokens set suppressBraces on the context they get and leave it set: each token
      // gets the context as it was, as cdktf's own resolution gives it
      const suppressBraces = context.suppressBraces;
      try {
        return this.parts(value.resolve(context), context, true, depth + 1, out);
      } finally {
        context.suppressBraces = suppressBraces;
      }
    }
    if (typeof value !== 'string') {
      throw keyFormError(this.location, Array.isArray(value) ? 'a list' : describe(value, 'ikeConfig'));
    }
    if (!Token.isUnresolved(value)) {
      out.push(produced && isInterpolation(value) ? { expression: value } : { text: value });
      return out;
    }
    // the fragments in order: literal text stays text (escapes included), each token is marked, not
    // resolved (a token's string form is not to be trusted: an IResolvable need not define toString)
    const marked = Tokenization.reverseString(value).mapTokens({
      ...context,
      ignoreEscapes: true,
      resolve: (token: unknown) => new Marked(token),
    });
    const piece = (p: unknown) => {
      if (p instanceof Marked) this.parts(p.token, context, true, depth + 1, out);
      else if (p !== undefined && p !== out) out.push({ text: String(p) });
    };
    // join folds left to right; each step appends its right piece (and the first step its left one)
    const joined: unknown = marked.join({
      join: (left: unknown, right: unknown) => {
        piece(left);
        piece(right);
        return out;
      },
    });
    piece(joined);
    return out;
  }
}

/** A token found in a key, to be resolved in order with the text around it. */
class Marked {
  constructor(public readonly token: unknown) {}
}

/** Part of a key: text, or one Terraform interpolation (`${...}`). */
type Part = { readonly text: string; readonly expression?: undefined } | { readonly expression: string };

/**
 * Parts as the inside of a quoted Terraform template. Adjacent texts are joined before escaping, so a
 * `$` or `%` at the end of one piece and a `{` at the start of the next are escaped as the `${` or `%{`
 * they form. A text's trailing `$`s before an interpolation are written as an interpolation themselves:
 * `$` followed by `${` would read as the escape `$${`.
 */
function template(parts: readonly Part[]): string {
  let out = '';
  let text = '';
  for (const part of parts) {
    if (part.expression === undefined) {
      text += part.text;
      continue;
    }
    const escaped = escapeLiteral(text);
    const dollars = /\$+$/.exec(escaped)?.[0] ?? '';
    out += dollars ? `${escaped.slice(0, -dollars.length)}\${"${dollars}"}` : escaped;
    out += part.expression;
    text = '';
  }
  return out + escapeLiteral(text);
}

/** How deep a token may produce further tokens before a key is refused (a Lazy that produces itself). */
const MAX_TOKEN_DEPTH = 32;

function keyFormError(location: KeyLocation, what: string): Error {
  return validationError(location.constructPath, [
    {
      rule: 'PSK_TOKEN_FORM',
      path: location.propPath,
      message:
        `is a token that produces ${what} (value not shown), not a key. Pass the key as text, as one token ` +
        '(a variable, a secret reference, a Lazy that produces the key), or as text joined with tokens.',
    },
  ]);
}

/**
 * A pre-shared key wrapped in Terraform's `sensitive()`. A literal key is rendered as the expression
 * string directly, escaped (`${` as `$${` and `%{` as `%%{`, which Terraform would read as a template
 * directive; the API allows both `%` and `{` in keys, not `"`, `\\` or newlines), without an intrinsic
 * token per key: those capture a stack trace each, which shows when thousands of connections are
 * synthesized. A key holding a token goes through {@link SensitiveKey}.
 */
/**
 * A key token as `${base64encode(...)}`, taken apart like a sensitive key (literal text quoted and escaped,
 * expressions kept): for the strongSwan configuration, which writes keys in base64.
 */
export function base64KeyToken(psk: string, location: KeyLocation): string {
  return Token.asString(new SensitiveKey(psk, location, 'base64encode'));
}

function sensitiveKey(psk: string, location: KeyLocation): string {
  if (Token.isUnresolved(psk)) return Token.asString(new SensitiveKey(psk, location));
  return `\${sensitive("${escapeLiteral(psk)}")}`;
}

/** An absent struct, without a prototype (a property added to Object.prototype must not read as set). */
const NONE: Readonly<Record<string, undefined>> = Object.freeze(Object.create(null));

/**
 * A copy without a prototype: the generated binding reads optional fields by name, so a property someone
 * added to Object.prototype (`vpnConnectionName`, say) would otherwise be rendered.
 */
function bare<T extends object>(value: T): T {
  return Object.assign(Object.create(null), value);
}

function renderIke(ike: IkeConfig | undefined, constructPath: string, path: string) {
  const c: IkeConfig = ike ?? NONE;
  return bare({
    ...(c.preSharedKey !== undefined
      ? { psk: sensitiveKey(c.preSharedKey, { constructPath, propPath: `${path}.preSharedKey` }) }
      : {}),
    ikeVersion: c.version ?? DEFAULTS.ikeVersion,
    ikeMode: c.mode ?? DEFAULTS.ikeMode,
    ikeEncAlg: c.encryptionAlgorithm ?? DEFAULTS.ikeEncryption,
    ikeAuthAlg: c.authenticationAlgorithm ?? DEFAULTS.ikeAuthentication,
    ikePfs: c.dhGroup ?? DEFAULTS.ikeDhGroup,
    ikeLifetime: c.lifetimeSeconds ?? DEFAULTS.ikeLifetimeSeconds,
  });
}

function renderIpsec(ipsec: IpsecConfig | undefined) {
  const c: IpsecConfig = ipsec ?? NONE;
  return bare({
    ipsecEncAlg: c.encryptionAlgorithm ?? DEFAULTS.ipsecEncryption,
    ipsecAuthAlg: c.authenticationAlgorithm ?? DEFAULTS.ipsecAuthentication,
    ipsecPfs: c.pfs ?? DEFAULTS.ipsecPfs,
    ipsecLifetime: c.lifetimeSeconds ?? DEFAULTS.ipsecLifetimeSeconds,
  });
}

/** `local_asn` is a string in the schema (it also takes the dotted `a.b` form). */
function asnString(asn: number): string {
  return Token.isUnresolved(asn) ? Token.asString(asn) : String(asn);
}

function renderBgp(bgp: BgpConfig) {
  return bare({
    localAsn: asnString(bgp.localAsn ?? DEFAULTS.localAsn),
    tunnelCidr: bgp.tunnelCidr,
    localBgpIp: bgp.localBgpIp,
  });
}

/**
 * `tunnel_bgp_config` of a tunnel without BGP settings: the API's default local ASN, which
 * DescribeVpnConnection reports for every tunnel (docs/decisions/003-tunnel-bgp-config.md). Left out,
 * the provider would read the block back and every plan would want to remove it.
 */
const TUNNEL_BGP_DEFAULTS = Object.freeze(bare({ localAsn: String(DEFAULTS.localAsn) }));

/** A set attribute: order is irrelevant to Terraform, so sort for output independent of input order. */
function sorted(list: readonly string[]): string[] {
  return [...list].sort();
}

/**
 * Master first, then slave, whatever order the user gave (the provider keeps the API's order), each with
 * its index in `tunnels` for prop paths.
 */
export function orderTunnels(tunnels: readonly TunnelConfig[]): Array<{ t: TunnelConfig; i: number }> {
  const rank = (t: TunnelConfig) => (t.role === TunnelRole.MASTER ? 0 : t.role === TunnelRole.SLAVE ? 1 : 2);
  return tunnels.map((t, i) => ({ t, i })).sort((a, b) => rank(a.t) - rank(b.t) || a.i - b.i);
}

/** Whether BGP is on for the tunnels: as given, else on exactly when both tunnels have a bgpConfig. */
function tunnelsBgpEnabled(props: IpsecVpnConnectionProps): boolean {
  const tunnels = props.tunnels ?? [];
  return props.enableTunnelsBgp ?? (tunnels.length > 0 && tunnels.every((t) => t.bgpConfig !== undefined));
}

/**
 * The `alicloud_vpn_connection` configuration of validated props (the reader's snapshot). `constructPath`
 * names the construct in errors raised when a key token resolves at synth.
 */
export function renderConnection(
  props: IpsecVpnConnectionProps,
  mode: TunnelMode,
  constructPath: string,
): VpnConnectionConfig {
  const config: Mutable<VpnConnectionConfig> = bare({
    vpnGatewayId: props.vpnGatewayId!, // resolved from vpnGateway when given (withResolvedIds)
    localSubnet: sorted(props.localSubnets),
    remoteSubnet: sorted(props.remoteSubnets),
    effectImmediately: props.effectImmediately ?? DEFAULTS.effectImmediately,
    autoConfigRoute: props.autoConfigRoute ?? DEFAULTS.autoConfigRoute,
  });
  if (props.name !== undefined) config.vpnConnectionName = props.name;
  if (props.tags !== undefined) config.tags = props.tags; // cdktf writes map keys in sorted order

  if (mode === TunnelMode.SINGLE) {
    const ike = props.ikeConfig;
    const hc = props.healthCheckConfig;
    config.customerGatewayId = props.customerGatewayId;
    config.enableDpd = props.enableDpd ?? DEFAULTS.enableDpd;
    config.enableNatTraversal = props.enableNatTraversal ?? DEFAULTS.enableNatTraversal;
    config.ikeConfig = bare({
      ...renderIke(ike, constructPath, 'ikeConfig'),
      ...(ike?.localId !== undefined ? { ikeLocalId: ike.localId } : {}),
      ...(ike?.remoteId !== undefined ? { ikeRemoteId: ike.remoteId } : {}),
    });
    config.ipsecConfig = renderIpsec(props.ipsecConfig);
    config.bgpConfig = bare(props.bgpConfig ? { enable: true, ...renderBgp(props.bgpConfig) } : { enable: false });
    config.healthCheckConfig = bare(
      hc
        ? {
            enable: true,
            dip: hc.destinationIp,
            sip: hc.sourceIp,
            interval: hc.intervalSeconds ?? DEFAULTS.healthCheckIntervalSeconds,
            retry: hc.retries ?? DEFAULTS.healthCheckRetries,
          }
        : { enable: false },
    );
    return config;
  }

  config.enableTunnelsBgp = tunnelsBgpEnabled(props);
  config.tunnelOptionsSpecification = orderTunnels(props.tunnels ?? []).map(({ t, i }) =>
    bare({
      role: t.role,
      customerGatewayId: t.customerGatewayId,
      enableDpd: t.enableDpd ?? DEFAULTS.enableDpd,
      enableNatTraversal: t.enableNatTraversal ?? DEFAULTS.enableNatTraversal,
      tunnelIkeConfig: bare({
        ...renderIke(t.ikeConfig, constructPath, `tunnels[${i}].ikeConfig`),
        ...(t.ikeConfig?.localId !== undefined ? { localId: t.ikeConfig.localId } : {}),
        ...(t.ikeConfig?.remoteId !== undefined ? { remoteId: t.ikeConfig.remoteId } : {}),
      }),
      tunnelIpsecConfig: renderIpsec(t.ipsecConfig),
      tunnelBgpConfig: t.bgpConfig ? renderBgp(t.bgpConfig) : TUNNEL_BGP_DEFAULTS,
    }),
  );
  return config;
}
