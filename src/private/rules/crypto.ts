/**
 * Rules for IKE and IPsec settings: enum values, lifetimes, pre-shared keys, identifiers, weak crypto.
 * A pre-shared key is never put into a message: only its length and the positions of bad characters.
 */
import { Tokenization } from 'cdktf';
import { charCount, checkEnum, checkInteger, checkTemplate, Findings, isUnresolved, literalString } from './findings';
import {
  AuthenticationAlgorithm,
  DhGroup,
  EncryptionAlgorithm,
  IkeConfig,
  IkeMode,
  IkeVersion,
  IpsecConfig,
  IpsecPfs,
} from '../../crypto';

const MAX_LIFETIME = 86400;
const PSK_MAX = 100;
const IKE_ID_MAX = 100;
/** Letters, digits and ~!`@#$%^&*()_-+={}[]|;:',.<>/? (API: IkeConfig.Psk). */
const PSK_CHAR = /[A-Za-z0-9~!`@#$%^&*()_\-+={}[\]|;:',.<>/?]/;

/** Refused unless allowWeakCrypto; a warning when allowed. */
const WEAK: Record<string, string> = {
  des: 'DES is broken',
  '3des': '3DES is deprecated (64-bit blocks)',
  md5: 'MD5 is broken',
  group1: 'DH group 1 (768-bit) is broken',
};
/** Always allowed, with a warning (values are distinct across the enums they come from). */
const LEGACY: Record<string, string> = {
  sha1: 'SHA-1 is deprecated; prefer sha256 or stronger',
  group2: 'DH group 2 (1024-bit) is weak; prefer group14',
  group5: 'DH group 5 (1536-bit) is weak; prefer group14',
  ikev1: 'IKEv1 is legacy; prefer IKEv2 (the default) if the peer supports it',
  aggressive: 'aggressive mode exposes identities; prefer main mode',
  disabled: 'without PFS one leaked key exposes past traffic; prefer group14',
};

function checkStrength(f: Findings, path: string, value: string | undefined, allowWeakCrypto: boolean): void {
  if (value === undefined) return;
  const weak = WEAK[value];
  if (weak) {
    if (allowWeakCrypto) {
      f.warn('WEAK_CRYPTO_ALLOWED', path, `${JSON.stringify(value)} is used because allowWeakCrypto is true: ${weak}.`);
    } else {
      f.error(
        'WEAK_CRYPTO_REFUSED',
        path,
        `${JSON.stringify(value)} is refused: ${weak}. Choose a stronger value (the default is strong), ` +
          'or set allowWeakCrypto: true if the peer supports nothing better.',
      );
    }
    return;
  }
  const legacy = LEGACY[value];
  if (legacy) f.warn('LEGACY_CRYPTO', path, `${JSON.stringify(value)}: ${legacy}.`);
}

/**
 * Pre-shared key: 1–100 characters of the API's character set. The value is never echoed. A key that is
 * partly a token (`'prefix-' + variable`) gets the checks its literal text allows. Literal text gets a
 * warning: it is written in clear text to `cdk.tf.json`.
 */
export function checkPreSharedKey(f: Findings, path: string, value: string | undefined): void {
  if (value === undefined) return;
  const partial = isUnresolved(value);
  let text: string = value;
  if (partial) {
    try {
      text = Tokenization.reverseString(value).literals.join('');
    } catch {
      // a token marker that no token of this process answers to (from another copy of cdktf?)
      f.error('TYPE_INVALID', path, 'holds a token marker that no token of this program knows; pass the token itself.');
      return;
    }
  }
  if (partial && text === '') return; // the whole key is a token: a variable, a secret reference
  const length = charCount(text);
  if ((!partial && length < 1) || length > PSK_MAX) {
    f.error(
      'PSK_LENGTH',
      path,
      `must be 1 to ${PSK_MAX} characters; the pre-shared key has ${partial ? 'at least ' : ''}length ${length}.`,
    );
  }
  const bad: number[] = [];
  [...text.slice(0, 4096)].forEach((ch, i) => {
    if (!PSK_CHAR.test(ch)) bad.push(i + 1);
  });
  if (bad.length > 0) {
    const where = partial
      ? 'in its literal text'
      : `at position ${bad.slice(0, 5).join(', ')}${bad.length > 5 ? ', ...' : ''}`;
    f.error(
      'PSK_CHARSET',
      path,
      `may contain only letters, digits and ~!\`@#$%^&*()_-+={}[]|;:',.<>/?; the pre-shared key has ` +
        `${bad.length} other character(s) (${where}).`,
    );
  }
  if (length > 0) {
    f.warn(
      'PSK_LITERAL',
      path,
      `is ${partial ? 'partly ' : ''}written in the code, so the key is stored in clear text in cdk.tf.json (a build ` +
        'artefact of every pipeline that synthesizes it). Pass a sensitive variable instead, e.g. ' +
        '`new TerraformVariable(this, "psk", { type: "string", sensitive: true }).stringValue`, or a reference ' +
        'to a secret store.',
    );
  }
}

function checkIkeId(f: Findings, path: string, value: string | undefined): void {
  const literal = literalString(f, path, value, false);
  if (literal === undefined) return;
  const length = charCount(literal);
  if (length < 1 || length > IKE_ID_MAX) {
    f.error(
      'IKE_ID_LENGTH',
      path,
      `must be 1 to ${IKE_ID_MAX} characters, got ${length}; omit it to use the gateway's IP address.`,
    );
  }
  checkTemplate(f, path, literal);
}

/** `encryptionAlgorithm` and `authenticationAlgorithm`, shared by IKE and IPsec settings. */
function checkAlgorithms(f: Findings, path: string, config: IkeConfig | IpsecConfig, allowWeakCrypto: boolean): void {
  const enc = `${path}.encryptionAlgorithm`;
  checkStrength(
    f,
    enc,
    checkEnum(f, enc, config.encryptionAlgorithm, EncryptionAlgorithm, 'EncryptionAlgorithm'),
    allowWeakCrypto,
  );
  const auth = `${path}.authenticationAlgorithm`;
  checkStrength(
    f,
    auth,
    checkEnum(f, auth, config.authenticationAlgorithm, AuthenticationAlgorithm, 'AuthenticationAlgorithm'),
    allowWeakCrypto,
  );
}

function checkLifetime(f: Findings, path: string, value: number | undefined): void {
  checkInteger(f, 'LIFETIME_RANGE', path, value, 0, MAX_LIFETIME, 'an SA lifetime in seconds');
}

/**
 * `ikeConfig` of a single-tunnel connection or of one tunnel. `pskRequired` for tunnels: the provider
 * cannot read a generated tunnel key back.
 */
export function checkIkeConfig(
  f: Findings,
  path: string,
  ike: IkeConfig | undefined,
  allowWeakCrypto: boolean,
  pskRequired: boolean,
): void {
  if (ike) {
    checkPreSharedKey(f, `${path}.preSharedKey`, ike.preSharedKey);
    checkStrength(
      f,
      `${path}.version`,
      checkEnum(f, `${path}.version`, ike.version, IkeVersion, 'IkeVersion'),
      allowWeakCrypto,
    );
    checkStrength(f, `${path}.mode`, checkEnum(f, `${path}.mode`, ike.mode, IkeMode, 'IkeMode'), allowWeakCrypto);
    checkAlgorithms(f, path, ike, allowWeakCrypto);
    const dh = checkEnum(f, `${path}.dhGroup`, ike.dhGroup, DhGroup, 'DhGroup');
    checkStrength(f, `${path}.dhGroup`, dh, allowWeakCrypto);
    checkLifetime(f, `${path}.lifetimeSeconds`, ike.lifetimeSeconds);
    checkIkeId(f, `${path}.localId`, ike.localId);
    checkIkeId(f, `${path}.remoteId`, ike.remoteId);
  }
  if (!pskRequired || f.rejected.has(path)) return; // a rejected ikeConfig is reported already
  const keyPath = `${path}.preSharedKey`;
  if (!f.given(keyPath, ike?.preSharedKey)) {
    f.error(
      'TUNNEL_PSK_REQUIRED',
      keyPath,
      'is required for each tunnel of a dual-tunnel connection: the provider cannot read a key generated by ' +
        'Alibaba Cloud back, so every plan would show a change. Pass a secret, e.g. the value of a ' +
        '`new TerraformVariable(this, "tunnelPsk", { type: "string", sensitive: true })`.',
    );
  }
}

/** `ipsecConfig` of a single-tunnel connection or of one tunnel. */
export function checkIpsecConfig(f: Findings, path: string, ipsec: IpsecConfig | undefined, allowWeakCrypto: boolean) {
  if (!ipsec) return;
  checkAlgorithms(f, path, ipsec, allowWeakCrypto);
  checkStrength(f, `${path}.pfs`, checkEnum(f, `${path}.pfs`, ipsec.pfs, IpsecPfs, 'IpsecPfs'), allowWeakCrypto);
  checkLifetime(f, `${path}.lifetimeSeconds`, ipsec.lifetimeSeconds);
}
