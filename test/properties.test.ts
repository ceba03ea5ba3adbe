/* eslint-disable no-bitwise -- generating IPv4 addresses and /30 blocks */
/**
 * Property-based robustness (fast-check, seeded). `npm test` runs PROPERTY_RUNS (default 1,000) samples
 * per property; PROPERTY_SEED replays a failure. `npx projen test:properties:long` runs 50,000 per
 * property in seeded chunks (scripts/property-soak.js).
 */
import { App, Lazy, TerraformStack, Testing } from 'cdktf';
import * as fc from 'fast-check';
import {
  AuthenticationAlgorithm,
  DhGroup,
  EncryptionAlgorithm,
  IkeMode,
  IkeVersion,
  IpsecPfs,
  alicloud,
  IpsecVpnConnection,
  IpsecVpnConnectionProps,
  TunnelConfig,
  TunnelRole,
  ValidationErrors,
} from '../src';
import { checkConformance, formatProblems } from './support/conformance';
import { checkDocument, mergeDocument, pskSensitivity, StandIn, terraformTest } from './support/terraform';

const RUNS = Number(process.env.PROPERTY_RUNS ?? 1000);
const SEED = Number(process.env.PROPERTY_SEED ?? 20261125);
const params = (runs = RUNS): fc.Parameters<unknown> => ({ numRuns: runs, seed: SEED, endOnFailure: true });
jest.setTimeout(Math.max(60_000, RUNS * 60));

// ---------------------------------------------------------------- valid props

const PSK_CHARS = [
  ...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789',
  ..."~!`@#$%^&*()_-+={}[]|;:',.<>/?",
];
/** 12+ characters, so a key is never a substring of the rest of the document by chance. */
const psk = fc.string({ unit: fc.constantFrom(...PSK_CHARS), minLength: 12, maxLength: 100 });
const chars = (set: string, minLength: number, maxLength: number) =>
  fc.string({ unit: fc.constantFrom(...set), minLength, maxLength });
const LETTERS = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';
const DIGITS = '0123456789';
const id = (prefix: string) => chars('abcdefghijklmnopqrstuvwxyz0123456789', 6, 20).map((s) => `${prefix}-${s}`);
/** The text each Lazy string token of the samples produces, so key checks can follow Lazy keys too. */
const lazyText = new Map<string, string>();
/** A string token that resolves to a valid value at synth time (value checks skip it). */
const stringToken = (value: fc.Arbitrary<string>) =>
  value.map((v) => {
    const token = Lazy.stringValue({ produce: () => v });
    lazyText.set(token, v);
    return token;
  });
const numberToken = (value: fc.Arbitrary<number>) => value.map((v) => Lazy.numberValue({ produce: () => v }));
const maybeToken = (value: fc.Arbitrary<string>) => fc.oneof({ weight: 4, arbitrary: value }, stringToken(value));

const octet = fc.integer({ min: 0, max: 255 });
const ipv4 = fc.tuple(octet, octet, octet, octet).map((o) => o.join('.'));
/** A canonical IPv4 CIDR: random address, host bits cleared. */
const cidr = fc.tuple(fc.integer({ min: 0, max: 2 ** 32 - 1 }), fc.integer({ min: 0, max: 32 })).map(([n, len]) => {
  const network = len === 0 ? 0 : Number((BigInt(n) >> BigInt(32 - len)) << BigInt(32 - len));
  return `${[network >>> 24, (network >>> 16) & 255, (network >>> 8) & 255, network & 255].join('.')}/${len}`;
});
const subnets = fc.uniqueArray(cidr, { minLength: 1, maxLength: 10 });
/**
 * A /30 in 169.254.0.0/16 and one of its two usable hosts; not one Alibaba Cloud reserves (169.254.0.0/30 to
 * 169.254.6.0/30, under index 7 × 64, and 169.254.169.252/30, index 10879).
 */
const tunnelBlock = fc
  .tuple(
    fc.integer({ min: 7 * 64, max: 16383 }).filter((i) => i !== 10879),
    fc.constantFrom(1, 2),
  )
  .map(([i, host]) => ({
    index: i,
    tunnelCidr: `169.254.${i >> 6}.${(i & 63) * 4}/30`,
    localBgpIp: `169.254.${i >> 6}.${(i & 63) * 4 + host}`,
  }));
const asn = fc.integer({ min: 1, max: 4294967295 });
const lifetime = fc.integer({ min: 0, max: 86400 });

const STRONG_ENC = [EncryptionAlgorithm.AES, EncryptionAlgorithm.AES192, EncryptionAlgorithm.AES256];
const STRONG_AUTH = [
  AuthenticationAlgorithm.SHA1,
  AuthenticationAlgorithm.SHA256,
  AuthenticationAlgorithm.SHA384,
  AuthenticationAlgorithm.SHA512,
];
const STRONG_DH = [DhGroup.GROUP2, DhGroup.GROUP5, DhGroup.GROUP14];
const STRONG_PFS = [IpsecPfs.DISABLED, IpsecPfs.GROUP2, IpsecPfs.GROUP5, IpsecPfs.GROUP14];

function ikeConfig(weak: boolean, keyRequired: boolean) {
  return fc.record(
    {
      preSharedKey: maybeToken(psk),
      version: fc.constantFrom(...Object.values(IkeVersion)),
      mode: fc.constantFrom(...Object.values(IkeMode)),
      encryptionAlgorithm: fc.constantFrom(...(weak ? Object.values(EncryptionAlgorithm) : STRONG_ENC)),
      authenticationAlgorithm: fc.constantFrom(...(weak ? Object.values(AuthenticationAlgorithm) : STRONG_AUTH)),
      dhGroup: fc.constantFrom(...(weak ? Object.values(DhGroup) : STRONG_DH)),
      lifetimeSeconds: fc.oneof(lifetime, numberToken(lifetime)),
      localId: fc.string({ minLength: 1, maxLength: 100 }),
      remoteId: fc.string({ minLength: 1, maxLength: 100 }),
    },
    { requiredKeys: keyRequired ? ['preSharedKey'] : [] },
  );
}

function ipsecConfig(weak: boolean) {
  return fc.record(
    {
      encryptionAlgorithm: fc.constantFrom(...(weak ? Object.values(EncryptionAlgorithm) : STRONG_ENC)),
      authenticationAlgorithm: fc.constantFrom(...(weak ? Object.values(AuthenticationAlgorithm) : STRONG_AUTH)),
      pfs: fc.constantFrom(...(weak ? Object.values(IpsecPfs) : STRONG_PFS)),
      lifetimeSeconds: lifetime,
    },
    { requiredKeys: [] },
  );
}

const bgpConfig = (block: { tunnelCidr: string; localBgpIp: string }) =>
  fc.record(
    {
      tunnelCidr: fc.oneof(
        { weight: 4, arbitrary: fc.constant(block.tunnelCidr) },
        stringToken(fc.constant(block.tunnelCidr)),
      ),
      localBgpIp: fc.constant(block.localBgpIp),
      localAsn: fc.oneof(asn, numberToken(asn)),
    },
    { requiredKeys: ['tunnelCidr', 'localBgpIp'] },
  );

const tagKey = fc
  .tuple(chars(LETTERS, 1, 1), chars(`${LETTERS}${DIGITS}_.:/=+-`, 0, 63))
  .map(([first, rest]) => first + rest)
  .filter((k) => !/^(aliyun|acs:)/i.test(k));
const tagValue = chars(`${LETTERS}${DIGITS} _.:/=+-`, 0, 128).filter((v) => !/^(aliyun|acs:)/i.test(v));
const tags = fc.dictionary(tagKey, tagValue, { maxKeys: 20 });
const name = fc.string({ minLength: 1, maxLength: 100 }).filter((n) => !/^https?:\/\//.test(n));

const common = fc.record(
  {
    vpnGatewayId: maybeToken(id('vpn')),
    localSubnets: subnets,
    remoteSubnets: subnets,
    name,
    effectImmediately: fc.boolean(),
    autoConfigRoute: fc.boolean(),
    tags,
    createOutputs: fc.boolean(),
  },
  { requiredKeys: ['vpnGatewayId', 'localSubnets', 'remoteSubnets'] },
);

const singleTunnel = fc
  .boolean()
  .chain((weak) =>
    fc.tuple(
      common,
      tunnelBlock,
      fc.record(
        {
          allowWeakCrypto: fc.constant(weak),
          customerGatewayId: maybeToken(id('cgw')),
          ikeConfig: ikeConfig(weak, false),
          ipsecConfig: ipsecConfig(weak),
          healthCheckConfig: fc.record(
            {
              destinationIp: ipv4,
              sourceIp: ipv4,
              intervalSeconds: fc.integer({ min: 1, max: 3600 }),
              retries: fc.integer({ min: 1, max: 100 }),
            },
            { requiredKeys: ['destinationIp', 'sourceIp'] },
          ),
          enableDpd: fc.boolean(),
          enableNatTraversal: fc.boolean(),
        },
        { requiredKeys: weak ? ['customerGatewayId', 'allowWeakCrypto'] : ['customerGatewayId'] },
      ),
      fc.boolean(),
    ),
  )
  .chain(([c, block, single, withBgp]) =>
    (withBgp ? bgpConfig(block).map((b) => ({ bgpConfig: b })) : fc.constant({})).map(
      (bgp): IpsecVpnConnectionProps => ({ ...c, ...single, ...bgp }),
    ),
  );

const tunnel = (role: TunnelRole, weak: boolean, block: { tunnelCidr: string; localBgpIp: string }, withBgp: boolean) =>
  fc.record(
    {
      role: fc.constant(role),
      customerGatewayId: maybeToken(id('cgw')),
      ikeConfig: ikeConfig(weak, true),
      ipsecConfig: ipsecConfig(weak),
      enableDpd: fc.boolean(),
      enableNatTraversal: fc.boolean(),
      ...(withBgp ? { bgpConfig: bgpConfig(block) } : {}),
    },
    { requiredKeys: ['role', 'customerGatewayId', 'ikeConfig', ...(withBgp ? ['bgpConfig' as const] : [])] },
  ) as fc.Arbitrary<TunnelConfig>;

const dualTunnel = fc
  .tuple(
    fc.boolean(),
    fc.uniqueArray(tunnelBlock, { minLength: 2, maxLength: 2, selector: (b) => b.index }),
    fc.boolean(),
    fc.boolean(),
    fc.boolean(),
  )
  .chain(([weak, [blockA, blockB], bgpA, bgpB, masterFirst]) =>
    fc
      .tuple(
        common,
        tunnel(TunnelRole.MASTER, weak, blockA, bgpA),
        tunnel(TunnelRole.SLAVE, weak, blockB, bgpB),
        bgpA && bgpB ? fc.option(fc.boolean(), { nil: undefined }) : fc.option(fc.constant(false), { nil: undefined }),
      )
      .map(([c, master, slave, enableTunnelsBgp]): IpsecVpnConnectionProps => ({
        ...c,
        ...(weak ? { allowWeakCrypto: true } : {}),
        tunnels: masterFirst ? [master, slave] : [slave, master],
        ...(enableTunnelsBgp !== undefined ? { enableTunnelsBgp } : {}),
      })),
  );

const validProps = fc.oneof(singleTunnel, dualTunnel);

// ---------------------------------------------------------------- helpers

/** Testing.synth writes nothing to disk: one output directory serves every sample. */
const OUTDIR = Testing.app().outdir;

function newStack(): TerraformStack {
  return new TerraformStack(new App({ outdir: OUTDIR, skipValidation: true }), 'vpn');
}

function synthesize(props: IpsecVpnConnectionProps): string {
  const stack = newStack();
  new IpsecVpnConnection(stack, 'Conn', props);
  return Testing.synth(stack);
}

/** Literal pre-shared keys of a props object. */
/** The keys of a sample as text: literal keys, and the text that Lazy keys produce at synth. */
function keysOf(props: IpsecVpnConnectionProps): string[] {
  const keys = [props.ikeConfig?.preSharedKey, ...(props.tunnels ?? []).map((t) => t.ikeConfig?.preSharedKey)];
  return keys
    .map((k) => (typeof k === 'string' ? (lazyText.get(k) ?? k) : k))
    .filter((k): k is string => typeof k === 'string' && !k.includes('${TfToken['));
}

/** The key as it appears in the JSON text inside sensitive(): Terraform escapes, then JSON escapes. */
function renderedKey(key: string): string {
  const terraformLiteral = key.replace(/%\{/g, () => '%%{').replace(/\$\{/g, () => '$${');
  return JSON.stringify(`sensitive(${JSON.stringify(terraformLiteral)})`).slice(1, -1);
}

function shuffle<T>(items: readonly T[], order: readonly number[]): T[] {
  return items
    .map((item, i) => ({ item, k: order[i % order.length] ?? 0 }))
    .sort((a, b) => a.k - b.k)
    .map(({ item }) => item);
}

// ---------------------------------------------------------------- properties

describe('properties of valid props', () => {
  test('construct and synthesize, conform to the schema, keep keys inside sensitive(), and are deterministic', () => {
    fc.assert(
      fc.property(validProps, (props) => {
        const first = synthesize(props);
        const problems = checkConformance(first).problems;
        if (problems.length > 0) throw new Error(formatProblems(problems));
        const keys = keysOf(props);
        // a key that the sample also wrote into another prop (fast-check likes strings such as
        // "__proto__") would show up there by the user's own doing: skip such rare samples
        const others = JSON.stringify(props, (k, v) => (k === 'preSharedKey' ? undefined : v));
        fc.pre(keys.every((key) => !others.includes(key)));
        // the document without every sensitive(...) key (one key may be a substring of the other)
        const outside = keys.reduce((text, key) => text.split(renderedKey(key)).join(''), first);
        for (const key of keys) {
          if (!first.includes(renderedKey(key))) throw new Error('a pre-shared key is not rendered');
          if (outside.includes(key)) throw new Error('a pre-shared key appears outside sensitive()');
        }
        expect(synthesize(props)).toBe(first);
      }),
      params(),
    );
  });

  test('the order of tunnels, subnets and tags does not change the output', () => {
    fc.assert(
      fc.property(validProps, fc.array(fc.nat(), { minLength: 1, maxLength: 12 }), (props, order) => {
        const permuted: IpsecVpnConnectionProps = {
          ...props,
          localSubnets: shuffle(props.localSubnets, order),
          remoteSubnets: shuffle(props.remoteSubnets, [...order].reverse()),
          ...(props.tags ? { tags: Object.fromEntries(shuffle(Object.entries(props.tags), order)) } : {}),
          ...(props.tunnels ? { tunnels: [...props.tunnels].reverse() } : {}),
        };
        expect(synthesize(permuted)).toBe(synthesize(props));
      }),
      params(),
    );
  });
});

// ---------------------------------------------------------------- invalid props

interface Breakage {
  readonly path: string;
  readonly apply: (props: IpsecVpnConnectionProps) => IpsecVpnConnectionProps;
}

const BAD_KEY = 'BadKey "with" spaces';

/** Ways to break one field of a valid sample, each naming the prop path it breaks. */
function breakages(props: IpsecVpnConnectionProps): fc.Arbitrary<Breakage> {
  const options: Array<fc.Arbitrary<Breakage>> = [
    fc.constantFrom('10.0.0.1/24', '10.0.0.0', '300.1.1.1/8', '10.0.0.0/33', '2001:db8::/32', '').map((bad) => ({
      path: 'localSubnets[0]',
      apply: (p) => ({ ...p, localSubnets: [bad, ...p.localSubnets.slice(1)] }),
    })),
    fc.constant<Breakage>({ path: 'remoteSubnets', apply: (p) => ({ ...p, remoteSubnets: [] }) }),
    fc.constant<Breakage>({ path: 'vpnGatewayId', apply: (p) => ({ ...p, vpnGatewayId: undefined as any }) }),
    fc
      .constantFrom('', 'https://x', 'x'.repeat(101))
      .map((bad) => ({ path: 'name', apply: (p) => ({ ...p, name: bad }) })),
    fc.constantFrom('aliyun:x', 'acs:x', 'see http://x').map((bad) => ({
      path: 'tags.broken',
      apply: (p) => ({ ...p, tags: { ...p.tags, broken: bad } }),
    })),
    fc.constant<Breakage>({ path: 'effectImmediately', apply: (p) => ({ ...p, effectImmediately: 'yes' as any }) }),
  ];
  if (props.tunnels) {
    const i = fc.constantFrom(0, 1);
    options.push(
      i.map((n) => ({
        path: `tunnels[${n}].ikeConfig.preSharedKey`,
        apply: (p) => ({
          ...p,
          tunnels: p.tunnels!.map((t, j) =>
            j === n ? { ...t, ikeConfig: { ...t.ikeConfig, preSharedKey: BAD_KEY } } : t,
          ),
        }),
      })),
      i.chain((n) =>
        fc.constantFrom(-1, 86401, 1.5).map((bad) => ({
          path: `tunnels[${n}].ipsecConfig.lifetimeSeconds`,
          apply: (p: IpsecVpnConnectionProps) => ({
            ...p,
            tunnels: p.tunnels!.map((t, j) =>
              j === n ? { ...t, ipsecConfig: { ...t.ipsecConfig, lifetimeSeconds: bad } } : t,
            ),
          }),
        })),
      ),
      i.chain((n) =>
        fc.constantFrom('10.0.0.0/30', '169.254.1.0/29', '169.254.1.1/30').map((bad) => ({
          path: `tunnels[${n}].bgpConfig.tunnelCidr`,
          apply: (p: IpsecVpnConnectionProps) => ({
            ...p,
            tunnels: p.tunnels!.map((t, j) =>
              j === n ? { ...t, bgpConfig: { tunnelCidr: bad, localBgpIp: '169.254.1.1' } } : t,
            ),
          }),
        })),
      ),
      i.chain((n) =>
        fc.constantFrom('aes512', 'AES', 7).map((bad) => ({
          path: `tunnels[${n}].ikeConfig.encryptionAlgorithm`,
          apply: (p: IpsecVpnConnectionProps) => ({
            ...p,
            tunnels: p.tunnels!.map((t, j) =>
              j === n ? { ...t, ikeConfig: { ...t.ikeConfig, encryptionAlgorithm: bad as any } } : t,
            ),
          }),
        })),
      ),
      i.map((n) => ({
        path: `tunnels[${n}].customerGatewayId`,
        apply: (p) => ({
          ...p,
          tunnels: p.tunnels!.map((t, j) => (j === n ? { ...t, customerGatewayId: undefined as any } : t)),
        }),
      })),
      fc.constant<Breakage>({ path: 'tunnels', apply: (p) => ({ ...p, tunnels: [...p.tunnels!, p.tunnels![0]] }) }),
      fc.constant<Breakage>({ path: 'ikeConfig', apply: (p) => ({ ...p, ikeConfig: {} }) }),
      fc.constant<Breakage>({ path: 'customerGatewayId', apply: (p) => ({ ...p, customerGatewayId: 'cgw-1' }) }),
    );
  } else {
    options.push(
      fc.constant<Breakage>({
        path: 'ikeConfig.preSharedKey',
        apply: (p) => ({ ...p, ikeConfig: { ...p.ikeConfig, preSharedKey: BAD_KEY } }),
      }),
      fc.constantFrom(0, 4294967296, 2.5).map((bad) => ({
        path: 'bgpConfig.localAsn',
        apply: (p) => ({
          ...p,
          bgpConfig: { tunnelCidr: '169.254.11.0/30', localBgpIp: '169.254.11.1', localAsn: bad },
        }),
      })),
      fc.constantFrom('group24', 'GROUP14', null).map((bad) => ({
        path: 'ikeConfig.dhGroup',
        apply: (p) => ({ ...p, ikeConfig: { ...p.ikeConfig, dhGroup: bad as any } }),
      })),
      fc.constantFrom('dc', '10.0.0.256', '').map((bad) => ({
        path: 'healthCheckConfig.sourceIp',
        apply: (p) => ({ ...p, healthCheckConfig: { destinationIp: '192.0.2.1', sourceIp: bad } }),
      })),
      fc.constant<Breakage>({ path: 'enableTunnelsBgp', apply: (p) => ({ ...p, enableTunnelsBgp: true }) }),
      fc.constant<Breakage>({ path: 'customerGatewayId', apply: (p) => ({ ...p, customerGatewayId: '' }) }),
      fc.constant<Breakage>({
        path: 'ipsecConfig.encryptionAlgorithm',
        apply: (p) => ({ ...p, allowWeakCrypto: false, ipsecConfig: { encryptionAlgorithm: EncryptionAlgorithm.DES } }),
      }),
    );
  }
  return fc.oneof(...options);
}

const invalidSample = validProps.chain((props) => breakages(props).map((breakage) => ({ props, breakage })));

describe('properties of invalid props', () => {
  test('one broken field gives the validation Error naming its path, and never the key', () => {
    fc.assert(
      fc.property(invalidSample, ({ props, breakage }) => {
        const stack = newStack();
        const broken = breakage.apply(props);
        let error: unknown;
        try {
          new IpsecVpnConnection(stack, 'Conn', broken);
        } catch (e) {
          error = e;
        }
        const findings = ValidationErrors.findingsOf(error);
        if (!(error instanceof Error) || findings === undefined) {
          throw new Error(`expected the library's validation Error for ${breakage.path}, got ${String(error)}`);
        }
        expect(error.message).toContain(`\`${breakage.path}\``);
        expect(findings.map((f) => f.path)).toContain(breakage.path);
        expect(findings).toEqual(IpsecVpnConnection.validateProps(broken).errors);
        for (const key of [...keysOf(broken), BAD_KEY]) expect(error.message).not.toContain(key);
      }),
      params(),
    );
  });
});

// ---------------------------------------------------------------- any JavaScript value, anywhere

/** Every path of a sample that holds a value (objects, arrays and leaves), as key sequences. */
function slotsOf(value: unknown, at: Array<string | number> = []): Array<Array<string | number>> {
  if (typeof value === 'string' && at.length > 0) return [at];
  if (value === null || typeof value !== 'object') return at.length > 0 ? [at] : [];
  const own = Array.isArray(value) ? value.map((_, i) => i) : Object.keys(value);
  const inner = own.flatMap((k) => slotsOf((value as any)[k], [...at, k]));
  return at.length > 0 ? [at, ...inner] : inner;
}

/** A copy of `value` with the slot at `path` replaced (arrays stay arrays, holes stay holes). */
function replaceAt(value: any, path: ReadonlyArray<string | number>, replacement: unknown): any {
  if (path.length === 0) return replacement;
  const [head, ...rest] = path;
  const copy = Array.isArray(value) ? value.slice() : { ...value };
  copy[head] = replaceAt(value[head], rest, replacement);
  return copy;
}

/** Values fast-check cannot hold itself (it inspects its values): made inside the property. */
const THROWING_GETTER = Symbol('an object whose getter throws');
const REVOKED_PROXY = Symbol('a revoked Proxy');
function materialize(value: unknown): unknown {
  if (value === THROWING_GETTER) {
    return Object.defineProperty({}, 'tunnelCidr', {
      enumerable: true,
      get: () => {
        throw new Error('getter');
      },
    });
  }
  if (value === REVOKED_PROXY) {
    const { proxy, revoke } = Proxy.revocable({}, {});
    revoke();
    return proxy;
  }
  return value;
}
/** Whatever a YAML file, a loop or a JavaScript caller can put into a slot. */
const anyValue = fc.oneof(
  fc.anything({
    withBigInt: true,
    withBoxedValues: true,
    withDate: true,
    withMap: true,
    withSet: true,
    withNullPrototype: true,
    withObjectString: true,
    withSparseArray: true,
    withTypedArray: true,
    withUnicodeString: true,
  }),
  fc.constant(THROWING_GETTER),
  fc.constant(REVOKED_PROXY),
  fc.constant(Symbol('s')),
  fc.constant(() => 'f'),
);

/** Phrases a message must never contain (a value described twice, or an article before a non-noun). */
const GARBLED = /\b(null null|undefined undefined|an? undefined|an? null|a symbol a symbol|a object|a array)\b/;

describe('properties of any JavaScript value anywhere', () => {
  test('validateProps never throws; the construct builds or throws the validation Error; messages read well', () => {
    const sample = validProps.chain((props) =>
      fc.tuple(fc.constant(props), fc.constantFrom(...slotsOf(props)), anyValue),
    );
    fc.assert(
      fc.property(sample, ([props, path, value]) => {
        const broken = replaceAt(props, path, materialize(value)) as IpsecVpnConnectionProps;
        const report = IpsecVpnConnection.validateProps(broken);
        let error: unknown;
        const stack = newStack();
        try {
          new IpsecVpnConnection(stack, 'Conn', broken);
        } catch (e) {
          error = e;
        }
        if (error === undefined) {
          expect(report.valid).toBe(true);
          let synthError: unknown;
          try {
            const problems = checkConformance(JSON.parse(Testing.synth(stack))).problems;
            if (problems.length > 0) throw new Error(formatProblems(problems));
          } catch (e) {
            synthError = e;
          }
          // a value that is itself a token may only fail as PSK_TOKEN_FORM, with our error
          if (synthError !== undefined && !ValidationErrors.isValidationError(synthError)) throw synthError;
          return;
        }
        const findings = ValidationErrors.findingsOf(error);
        if (findings === undefined) throw new Error(`not the validation Error at ${path.join('.')}: ${String(error)}`);
        expect(findings).toEqual(report.errors);
        for (const f of [...report.errors, ...report.warnings]) {
          if (GARBLED.test(f.message)) throw new Error(`garbled message: ${f.message}`);
          for (const key of keysOf(props)) {
            if (f.message.includes(key) || f.path.includes(key)) throw new Error('a key appears in a finding');
          }
        }
      }),
      params(),
    );
  });

  test('a hole punched into any list is LIST_HOLE at exactly that index', () => {
    const sample = validProps.chain((props) => {
      const lists = (['localSubnets', 'remoteSubnets', 'tunnels'] as const).filter((k) => Array.isArray(props[k]));
      return fc
        .constantFrom(...lists)
        .chain((key) => fc.nat({ max: (props[key] as unknown[]).length - 1 }).map((index) => ({ props, key, index })));
    });
    fc.assert(
      fc.property(sample, ({ props, key, index }) => {
        const list = [...(props[key] as unknown[])];
        delete list[index];
        const errors = IpsecVpnConnection.validateProps({ ...props, [key]: list }).errors;
        expect(errors.filter((e) => e.ruleId === 'LIST_HOLE').map((e) => e.path)).toEqual([`${key}[${index}]`]);
      }),
      params(),
    );
  });

  test('an unknown key at any depth is PROP_UNKNOWN at its path', () => {
    const objectSlots = (props: IpsecVpnConnectionProps) =>
      [[], ...slotsOf(props)].filter((p) => {
        const v = p.reduce((o: any, k) => o?.[k], props);
        return typeof v === 'object' && v !== null && !Array.isArray(v) && !('resolve' in v) && p.at(-1) !== 'tags';
      });
    const sample = validProps.chain((props) =>
      fc.tuple(fc.constant(props), fc.constantFrom(...objectSlots(props)), fc.stringMatching(/^[a-z][A-Za-z]{2,12}$/)),
    );
    fc.assert(
      fc.property(sample, ([props, path, extra]) => {
        const holder = path.reduce((o: any, k) => o[k], props);
        fc.pre(!(extra in holder) && !['resolve', 'toString', 'constructor'].includes(extra));
        const broken = replaceAt(props, path, { ...holder, [extra]: 'value' });
        const where = [...path, extra]
          .map((k) => (typeof k === 'number' ? `[${k}]` : `.${k}`))
          .join('')
          .slice(1);
        const paths = IpsecVpnConnection.validateProps(broken).errors.map((e) => `${e.ruleId} ${e.path}`);
        const named = `PROP_UNKNOWN ${where.replace(/\.\[/g, '[')}`;
        // under an ikeConfig a name is shown only when it is a likely misspelling of a property name
        const hidden = named.replace(/\.[^.]+$/, '[an unknown name]');
        expect(paths.includes(named) || (/ikeConfig\.[^.]+$/.test(named) && paths.includes(hidden))).toBe(true);
      }),
      params(),
    );
  });
});

// ---------------------------------------------------------------- through the terraform binary

describe('properties through terraform', () => {
  const withTerraform = terraformTest('test/properties.test.ts (terraform part)');
  const SAMPLES = Number(process.env.PROPERTY_TERRAFORM_SAMPLES ?? 50);
  let standIn: StandIn | undefined;
  afterAll(() => standIn?.stop());

  withTerraform(
    `${SAMPLES} valid samples in one document: terraform validates them without a warning and plans them`,
    async () => {
      // free text with an unescaped ${ or %{ is a template, as everywhere in cdktf (TEXT_TEMPLATE warns):
      // such samples would test terraform's template parser, not this library
      const samples = fc
        .sample(validProps, { numRuns: SAMPLES * 3, seed: SEED })
        .filter((p) => !IpsecVpnConnection.validateProps(p).warnings.some((w) => w.ruleId === 'TEXT_TEMPLATE'))
        .slice(0, SAMPLES);
      const merged: Record<string, any> = {};
      samples.forEach((props, i) => {
        const stack = newStack();
        new alicloud.provider.AlicloudProvider(stack, 'alicloud', { region: 'cn-hangzhou' });
        new IpsecVpnConnection(stack, `Sample${i}`, props);
        const doc = JSON.parse(Testing.synth(stack));
        mergeDocument(merged, doc);
      });
      expect(Object.keys(merged.resource.alicloud_vpn_connection)).toHaveLength(SAMPLES);
      standIn = await StandIn.start();
      const check = await checkDocument(standIn, merged);
      const problems = [check.validate.diagnostics, check.plan?.stderr ?? ''];
      if (!check.validate.valid || check.validate.warning_count > 0 || check.plan?.code !== 0) {
        throw new Error(JSON.stringify(problems, null, 1));
      }
      const keys = pskSensitivity(check.planJson!);
      expect(keys.length).toBeGreaterThanOrEqual(SAMPLES);
      expect(keys.filter((k) => !k.sensitive)).toEqual([]);
    },
  );
});
