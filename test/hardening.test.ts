/**
 * Input that a YAML file, a loop or a JavaScript caller can produce: sparse arrays, objects mutated after
 * construction, unknown keys, non-plain objects, getters and Proxies that throw, secrets in the wrong
 * place, key tokens of every form, huge input, odd values of every JavaScript type. Each describe block
 * is one class of defect from the hardening issue.
 */
import { IResolvable, Lazy, TerraformStack, TerraformVariable, Testing, Token } from 'cdktf';
import {
  FindingSeverity,
  IpsecVpnConnection,
  IpsecVpnConnectionProps,
  TunnelConfig,
  TunnelRole,
  ValidationErrors,
  ValidationFinding,
} from '../src';
import { dualProps, errorOf, PSK_MASTER, PSK_SINGLE, singleProps, synth, warningsOf } from './support/fixtures';

const newStack = () => new TerraformStack(Testing.app(), 'stack');
const build = (props: unknown, stack = newStack()) =>
  new IpsecVpnConnection(stack, 'Conn', props as IpsecVpnConnectionProps);
const errorsOf = (props: unknown): ValidationFinding[] =>
  IpsecVpnConnection.validateProps(props as IpsecVpnConnectionProps).errors;
const rulesAt = (props: unknown, path: string) =>
  errorsOf(props)
    .filter((e) => e.path === path)
    .map((e) => e.ruleId);

/** The error thrown by `fn`, which must be the library's validation error. */
function validationErrorOf(fn: () => unknown): Error {
  try {
    fn();
  } catch (e) {
    if (!ValidationErrors.isValidationError(e)) throw new Error(`expected a validation error, got ${String(e)}`);
    return e as Error;
  }
  throw new Error('expected an error, none was thrown');
}

describe('sparse arrays: every slot counts', () => {
  test('a hole in tunnels is an error at its index, not a broken document', () => {
    const [master] = dualProps().tunnels!;
    const tunnels: TunnelConfig[] = [master];
    tunnels.length = 2; // [master, <hole>]
    expect(rulesAt({ ...dualProps(), tunnels }, 'tunnels[1]')).toEqual(['LIST_HOLE']);
    expect(errorOf(() => build({ ...dualProps(), tunnels }))).toContain('`tunnels[1]` [LIST_HOLE]');
  });

  test('an all-hole array reports every slot', () => {
    // eslint-disable-next-line no-sparse-arrays
    const tunnels = [, ,] as unknown as TunnelConfig[];
    expect(errorsOf({ ...dualProps(), tunnels }).map((e) => `${e.path} ${e.ruleId}`)).toEqual([
      'tunnels[0] LIST_HOLE',
      'tunnels[1] LIST_HOLE',
    ]);
  });

  test.each(['localSubnets', 'remoteSubnets'] as const)('a hole in %s is an error', (key) => {
    const list = ['10.1.0.0/16'];
    list[2] = '10.2.0.0/16'; // index 1 is a hole
    expect(rulesAt({ ...singleProps(), [key]: list }, `${key}[1]`)).toEqual(['LIST_HOLE']);
  });

  test('an explicit undefined item is a type error, also counted', () => {
    expect(rulesAt({ ...singleProps(), localSubnets: ['10.1.0.0/16', undefined] }, 'localSubnets[1]')).toEqual([
      'TYPE_INVALID',
    ]);
  });
});

describe('props are read once', () => {
  test('mutating tags, subnets and tunnels after construction does not reach the document', () => {
    const props = dualProps();
    const tags: Record<string, string> = { team: 'network' };
    const local = ['10.0.0.0/16'];
    const tunnels = props.tunnels!.map((t) => ({ ...t, bgpConfig: { ...t.bgpConfig! } }));
    const stack = newStack();
    build({ ...props, tags, localSubnets: local, tunnels }, stack);
    const before = Testing.synth(stack);
    tags.aliyun_reserved = 'x'; // would be TAG_RESERVED_PREFIX
    tags.team = 'changed';
    local.push('10.0.0.1/16'); // would be SUBNET_NOT_CANONICAL
    tunnels[0].bgpConfig.tunnelCidr = '10.0.0.0/30';
    (tunnels as unknown[]).push({ role: 'master' });
    expect(Testing.synth(stack)).toBe(before);
    expect(before).toContain('"team": "network"');
  });

  test('each property is read exactly once, so a getter cannot change its answer between check and render', () => {
    const reads = new Map<string, number>();
    let name = 'checked-name';
    const props = {
      ...singleProps(),
      get name() {
        reads.set('name', (reads.get('name') ?? 0) + 1);
        const current = name;
        name = 'https://changed-after-the-check'; // NAME_URL_PREFIX, were it read again
        return current;
      },
    };
    const { resource } = synthOf(props);
    expect(reads.get('name')).toBe(1);
    expect(resource.vpn_connection_name).toBe('checked-name');
  });
});

function synthOf(props: unknown): { resource: Record<string, any> } {
  return synth(props as IpsecVpnConnectionProps);
}

describe('unknown keys and non-plain objects', () => {
  test('a misspelled key in ikeConfig is an error that suggests the right name and lists the valid ones', () => {
    const errors = errorsOf({ ...singleProps(), ikeConfig: { psk: 'Office-Key-1' } });
    expect(errors).toEqual([
      expect.objectContaining({ ruleId: 'PROP_UNKNOWN', path: 'ikeConfig.psk', severity: FindingSeverity.ERROR }),
    ]);
    expect(errors[0].message).toContain('did you mean `preSharedKey`?');
    expect(errors[0].message).toContain(
      'Valid names: preSharedKey, version, mode, encryptionAlgorithm, authenticationAlgorithm, dhGroup, ' +
        'lifetimeSeconds, localId, remoteId.',
    );
  });

  test.each([
    [{ vpnGatewayID: 'vpn-1' }, 'vpnGatewayID', 'vpnGatewayId'],
    [{ local_subnet: ['10.0.0.0/16'] }, 'local_subnet', 'localSubnets'],
    [{ enableDPD: true }, 'enableDPD', 'enableDpd'],
    [
      { bgpConfig: { tunnelCidr: '169.254.11.0/30', localBgpIp: '169.254.11.1', asn: 65000 } },
      'bgpConfig.asn',
      undefined,
    ],
    [{ healthCheckConfig: { dip: '192.0.2.1', sourceIp: '10.0.0.1' } }, 'healthCheckConfig.dip', 'destinationIp'],
    [{ ipsecConfig: { ipsecPfs: 'group14' } }, 'ipsecConfig.ipsecPfs', 'pfs'],
  ])('%j: unknown `%s`', (extra, path, suggestion) => {
    const errors = errorsOf({ ...singleProps(), ...extra }).filter((e) => e.ruleId === 'PROP_UNKNOWN');
    expect(errors.map((e) => e.path)).toEqual([path]);
    if (suggestion) expect(errors[0].message).toContain(`did you mean \`${suggestion}\`?`);
    else expect(errors[0].message).not.toContain('did you mean');
  });

  test('an unknown key in a tunnel names the tunnel path', () => {
    const props = dualProps();
    const tunnels = [props.tunnels![0], { ...props.tunnels![1], customerGatewayID: 'cgw-x' }];
    expect(rulesAt({ ...props, tunnels }, 'tunnels[1].customerGatewayID')).toEqual(['PROP_UNKNOWN']);
  });

  class IkeSettings {
    public readonly preSharedKey = PSK_SINGLE;
  }

  test.each([
    ['a Map for tags', { tags: new Map([['team', 'network']]) }, 'tags', 'got a Map'],
    ['a class instance for ikeConfig', { ikeConfig: new IkeSettings() }, 'ikeConfig', 'got an IkeSettings'],
    ['a Date for bgpConfig', { bgpConfig: new Date(0) }, 'bgpConfig', 'got a Date'],
    ['an array for ipsecConfig', { ipsecConfig: [] }, 'ipsecConfig', 'got an array of 0 items'],
  ])('%s is refused, never rendered as {}', (_d, extra, path, phrase) => {
    const errors = errorsOf({ ...singleProps(), ...extra });
    expect(errors).toEqual([expect.objectContaining({ ruleId: 'TYPE_INVALID', path })]);
    expect(errors[0].message).toContain(phrase);
  });

  test('a Proxy is refused without being touched', () => {
    let trapped = 0;
    const trap = () => {
      trapped++;
      throw new Error('trap');
    };
    const proxy = new Proxy({}, { get: trap, ownKeys: trap, getPrototypeOf: trap, getOwnPropertyDescriptor: trap });
    expect(rulesAt({ ...singleProps(), ikeConfig: proxy }, 'ikeConfig')).toEqual(['TYPE_INVALID']);
    expect(errorsOf(proxy)).toEqual([
      expect.objectContaining({ path: 'props', message: expect.stringContaining('a Proxy') }),
    ]);
    expect(trapped).toBe(0);
  });

  test('the shapes the reader checks name exactly the public interfaces properties', () => {
    // a compile-time list: TypeScript fails this file when a property is added to or removed from an interface
    const connection: Record<keyof IpsecVpnConnectionProps, true> = {
      vpnGatewayId: true,
      vpnGateway: true,
      localSubnets: true,
      remoteSubnets: true,
      name: true,
      effectImmediately: true,
      autoConfigRoute: true,
      tags: true,
      allowWeakCrypto: true,
      createOutputs: true,
      customerGatewayId: true,
      customerGateway: true,
      ikeConfig: true,
      ipsecConfig: true,
      bgpConfig: true,
      healthCheckConfig: true,
      enableDpd: true,
      enableNatTraversal: true,
      tunnels: true,
      enableTunnelsBgp: true,
    };
    const tunnel: Record<keyof TunnelConfig, true> = {
      role: true,
      customerGatewayId: true,
      customerGateway: true,
      ikeConfig: true,
      ipsecConfig: true,
      bgpConfig: true,
      enableDpd: true,
      enableNatTraversal: true,
    };
    // every listed property is accepted (no PROP_UNKNOWN) ...
    const all = Object.fromEntries(Object.keys(connection).map((k) => [k, undefined]));
    expect(errorsOf({ ...all, ...singleProps() }).filter((e) => e.ruleId === 'PROP_UNKNOWN')).toEqual([]);
    const props = dualProps();
    const tunnelAll = Object.fromEntries(Object.keys(tunnel).map((k) => [k, undefined]));
    const withAll = { ...props, tunnels: [{ ...tunnelAll, ...props.tunnels![0] }, props.tunnels![1]] };
    expect(errorsOf(withAll).filter((e) => e.ruleId === 'PROP_UNKNOWN')).toEqual([]);
    // ... and the valid names the reader lists are exactly these
    const listed = (extra: object) =>
      errorsOf({ ...singleProps(), ...extra })
        .find((e) => e.ruleId === 'PROP_UNKNOWN')!
        .message.replace(/^.*Valid names: /, '')
        .replace(/\.$/, '')
        .split(', ')
        .sort();
    expect(listed({ zzz: 1 })).toEqual(Object.keys(connection).sort());
    const tunnelNames = errorsOf({ ...props, tunnels: [{ ...props.tunnels![0], zzz: 1 }, props.tunnels![1]] })
      .find((e) => e.ruleId === 'PROP_UNKNOWN')!
      .message.replace(/^.*Valid names: /, '')
      .replace(/\.$/, '')
      .split(', ')
      .sort();
    expect(tunnelNames).toEqual(Object.keys(tunnel).sort());
  });
});

describe('input that throws', () => {
  test('a getter that throws gives PROP_UNREADABLE with the prop path, not a TypeError', () => {
    const props = {
      ...singleProps(),
      get remoteSubnets(): string[] {
        throw new TypeError('config file not loaded');
      },
    };
    const message = errorOf(() => build(props));
    expect(message).toContain('`remoteSubnets` [PROP_UNREADABLE] could not be read: its getter threw TypeError');
    expect(message).not.toContain('[REQUIRED_PROP_MISSING]'); // it was given, just unreadable
  });

  test('a revoked Proxy anywhere is a clear error', () => {
    const { proxy, revoke } = Proxy.revocable({}, {});
    revoke();
    for (const props of [proxy, { ...singleProps(), tags: proxy }, { ...dualProps(), tunnels: [proxy, proxy] }]) {
      expect(errorOf(() => build(props))).toMatch(/\[TYPE_INVALID\] must be .*, got a Proxy\./);
    }
  });

  test('an array whose index getter throws', () => {
    const list = ['10.0.0.0/16'];
    Object.defineProperty(list, 1, {
      get() {
        throw new RangeError('boom');
      },
      enumerable: true,
    });
    expect(rulesAt({ ...singleProps(), localSubnets: list }, 'localSubnets[1]')).toEqual(['PROP_UNREADABLE']);
  });
});

describe('red-team inputs', () => {
  test('a resolve getter that throws on its second read is read once: a finding, not a RangeError', () => {
    for (const slot of ['vpnGatewayId', 'localSubnets', 'effectImmediately', 'name'] as const) {
      let reads = 0;
      const hostile = {
        get resolve() {
          if (reads++ > 0) throw new RangeError('second read');
          return () => 'vpn-1';
        },
      };
      expect(() => IpsecVpnConnection.validateProps({ ...singleProps(), [slot]: hostile })).not.toThrow();
      expect(reads).toBe(1);
    }
  });

  test('an error thrown by a getter is described safely, whatever it is', () => {
    const weird = [
      Object.assign(new Error(), { message: undefined }),
      Object.defineProperty(new Error('x'), 'name', {
        get: () => {
          throw new Error('name getter');
        },
      }),
      new Proxy({}, {}),
      1,
      null,
    ];
    for (const thrown of weird) {
      const props = Object.defineProperty({ ...singleProps() }, 'name', {
        enumerable: true,
        get: () => {
          throw thrown;
        },
      });
      expect(rulesAt(props, 'name')).toEqual(['PROP_UNREADABLE']);
    }
  });

  test('properties added to Object.prototype do not read as props', () => {
    const proto = Object.prototype as Record<string, unknown>;
    try {
      proto.allowWeakCrypto = true;
      proto.createOutputs = false;
      proto.version = 'ikev1';
      const props = { ...singleProps(), ikeConfig: { preSharedKey: PSK_SINGLE, encryptionAlgorithm: 'des' } };
      expect(rulesAt(props, 'ikeConfig.encryptionAlgorithm')).toEqual(['WEAK_CRYPTO_REFUSED']);
      const { resource, json } = synthWithJson({ ...singleProps(), ikeConfig: undefined });
      expect(resource.ike_config.ike_version).toBe('ikev2');
      expect(json.output).toBeDefined();
    } finally {
      delete proto.allowWeakCrypto;
      delete proto.createOutputs;
      delete proto.version;
    }
  });

  test.each([
    [
      'a map token mixed with literal tags',
      () => ({ tags: { ...Token.asStringMap(Lazy.anyValue({ produce: () => ({}) })), a: 'b' } }),
      'tags',
    ],
    [
      'a map token as the gateway id',
      () => ({ vpnGatewayId: Token.asStringMap(Lazy.anyValue({ produce: () => ({}) })) }),
      'vpnGatewayId',
    ],
    [
      'a number list token as subnets',
      () => ({ localSubnets: Token.asNumberList(Lazy.anyValue({ produce: () => [1] })) }),
      'localSubnets[0]',
    ],
    [
      'a token as the tunnels',
      () => ({ customerGatewayId: undefined, tunnels: Lazy.anyValue({ produce: () => [] }) }),
      'tunnels',
    ],
    ['a token for createOutputs', () => ({ createOutputs: Lazy.anyValue({ produce: () => false }) }), 'createOutputs'],
    [
      'a token for allowWeakCrypto',
      () => ({ allowWeakCrypto: Lazy.anyValue({ produce: () => true }) }),
      'allowWeakCrypto',
    ],
  ])('%s is a type error', (_d, extra, path) => {
    expect(rulesAt({ ...singleProps(), ...extra() }, path)).toEqual(['TYPE_INVALID']);
  });

  test('a map token alone is kept as the tags, and copied', () => {
    const tags = Token.asStringMap(Lazy.anyValue({ produce: () => ({ team: 'network' }) }));
    const { resource } = synthWithJson({ ...singleProps(), tags });
    expect(resource.tags).toEqual({ team: 'network' });
  });

  test('the count of unlisted unknown keys at the top level names `props`', () => {
    const extra = Object.fromEntries(Array.from({ length: 15 }, (_, i) => [`extra${i}`, 1]));
    const errors = errorsOf({ ...singleProps(), ...extra });
    expect(errors.at(-1)).toMatchObject({ path: 'props', message: 'and 5 more PROP_UNKNOWN findings, not listed.' });
  });

  test('ValidationErrors never throws on hostile values', () => {
    const trap = new Proxy(
      {},
      {
        get() {
          throw new Error('trap');
        },
      },
    );
    const forged = { [Symbol.for('cdktf-alicloud-vpn.ValidationError')]: true, findings: 5 };
    for (const value of [trap, forged]) {
      expect(ValidationErrors.isValidationError(value)).toBe(false);
      expect(ValidationErrors.findingsOf(value)).toBeUndefined();
    }
  });

  test('a 20-million-character key or name is measured without walking it', () => {
    const huge = 'k'.repeat(20_000_000);
    const errors = errorsOf({ ...singleProps(), name: huge, ikeConfig: { preSharedKey: huge } });
    expect(errors.map((e) => e.ruleId)).toEqual(['NAME_LENGTH', 'PSK_LENGTH']);
    expect(errors.map((e) => e.message).join('\n').length).toBeLessThan(1_000);
  });

  test('a key holding a token marker no token answers to is a finding, not a thrown Error', () => {
    const errors = errorsOf({ ...singleProps(), ikeConfig: { preSharedKey: 'a${TfToken[TOKEN.987654]}' } });
    expect(errors).toEqual([expect.objectContaining({ ruleId: 'TYPE_INVALID', path: 'ikeConfig.preSharedKey' })]);
  });

  test('huge property names make short paths', () => {
    const name = 'x'.repeat(5_000_000);
    const tags = errorsOf({ ...singleProps(), tags: { [`a b${name}`]: 'v' } });
    const unknown = errorsOf({ ...singleProps(), [`a b${name}`]: 1 });
    for (const e of [...tags, ...unknown]) expect(e.path.length).toBeLessThan(100);
  });

  test('a property added to Object.prototype does not reach the top level of the document', () => {
    // nested blocks still can: the generated binding builds them from plain objects of its own
    const proto = Object.prototype as Record<string, unknown>;
    try {
      proto.vpnConnectionName = 'EVIL-NAME';
      expect(synthWithJson(singleProps()).resource).not.toHaveProperty('vpn_connection_name');
      expect(synthWithJson(dualProps()).resource).not.toHaveProperty('vpn_connection_name');
    } finally {
      delete proto.vpnConnectionName;
    }
  });

  test('an unknown name under ikeConfig is shown only when it is a likely misspelling', () => {
    expect(errorsOf({ ...singleProps(), ikeConfig: { Xk39fLz0Qa: null } }).map((e) => e.path)).toEqual([
      'ikeConfig[an unknown name]',
    ]);
    expect(errorsOf({ ...singleProps(), ikeConfig: { presharedKey: 'x' } }).map((e) => e.path)).toEqual([
      'ikeConfig.presharedKey',
    ]);
  });
});

function synthWithJson(props: unknown): { resource: Record<string, any>; json: Record<string, any> } {
  const { resource, json } = synth(props as IpsecVpnConnectionProps);
  return { resource, json };
}

describe('secrets in the wrong shape are never shown', () => {
  const key = 'Hunter2-Secret-Key';
  test.each([
    ['ikeConfig as a string', { ikeConfig: key }],
    ['the key in the version field', { ikeConfig: { version: key } }],
    ['the key in localId, far too long', { ikeConfig: { localId: key.repeat(10) } }],
    ['the key as a number', { ikeConfig: { preSharedKey: 31337_0000 } }],
    ['the key in a misnamed field', { ikeConfig: { [key]: true } }],
    ['the key in an array', { ikeConfig: [key] }],
  ])('%s', (_d, extra) => {
    const message = errorOf(() => build({ ...singleProps(), ...extra }));
    expect(message).not.toContain(key);
    expect(message).not.toContain('313370000');
  });

  test('a getter under ikeConfig that throws with the key in its message: only the error type is said', () => {
    const ikeConfig = {
      get preSharedKey(): string {
        throw new Error(`cannot decrypt ${key}`);
      },
    };
    const message = errorOf(() => build({ ...singleProps(), ikeConfig }));
    expect(message).toContain(
      '`ikeConfig.preSharedKey` [PROP_UNREADABLE] could not be read: its getter threw an error (not shown: under ikeConfig).',
    );
    expect(message).not.toContain(key);
  });

  test('a type error at a secret path says the type and length only', () => {
    const errors = errorsOf({ ...singleProps(), ikeConfig: key });
    expect(errors[0].message).toBe(
      `must be a plain IkeConfig object, got a string of length ${key.length} (not shown).`,
    );
  });
});

describe('keys given as tokens', () => {
  /** The rendered `psk` of a single-tunnel connection with the given key. */
  function renderedPsk(preSharedKey: string, stack = newStack()): string {
    new IpsecVpnConnection(stack, 'C', { ...singleProps(), ikeConfig: { preSharedKey } });
    const json = JSON.parse(Testing.synth(stack));
    return Object.values<any>(json.resource.alicloud_vpn_connection)[0].ike_config.psk;
  }

  test('a Lazy that produces plain text is quoted and escaped like a literal key', () => {
    expect(renderedPsk(Lazy.stringValue({ produce: () => 'Secret-Key.v2' }))).toBe('${sensitive("Secret-Key.v2")}');
    expect(renderedPsk(Lazy.stringValue({ produce: () => 'a%{b}"c\\' }))).toBe('${sensitive("a%%{b}\\"c\\\\")}');
  });

  test('a custom IResolvable that resolves to text is quoted too', () => {
    const resolvable: IResolvable = {
      creationStack: [],
      resolve: () => 'Custom-Key-7',
      toString: () => Token.asString(resolvable),
    };
    expect(renderedPsk(Token.asString(resolvable))).toBe('${sensitive("Custom-Key-7")}');
  });

  test('a variable stays an expression; text around it is escaped, %{ included', () => {
    const stack = newStack();
    const psk = new TerraformVariable(stack, 'psk', { type: 'string', sensitive: true });
    expect(renderedPsk(`pre%{fix-${psk.stringValue}-$post`, stack)).toBe('${sensitive("pre%%{fix-${var.psk}-$post")}');
  });

  test('literal ${ next to a token is escaped, and cdktf prints nothing to the console', () => {
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    const log = jest.spyOn(console, 'log').mockImplementation(() => undefined);
    try {
      const stack = newStack();
      const psk = new TerraformVariable(stack, 'psk', { type: 'string', sensitive: true });
      expect(renderedPsk(`a\${b}${psk.stringValue}`, stack)).toBe('${sensitive("a$${b}${var.psk}")}');
      expect([...warn.mock.calls, ...log.mock.calls]).toEqual([]);
    } finally {
      warn.mockRestore();
      log.mockRestore();
    }
  });

  test('a Lazy that produces text and a token is taken apart: the text quoted, the token an expression', () => {
    const stack = newStack();
    const psk = new TerraformVariable(stack, 'psk', { type: 'string', sensitive: true });
    const mixed = Lazy.stringValue({ produce: () => `pre\${x}-${psk.stringValue}` });
    expect(renderedPsk(mixed, stack)).toBe('${sensitive("pre$${x}-${var.psk}")}');
  });

  test('a Lazy that produces text holding ${ is text, like a literal key', () => {
    expect(renderedPsk(Lazy.stringValue({ produce: () => 'ab${cd}' }))).toBe('${sensitive("ab$${cd}")}');
  });

  test('a token that produces a list is refused at synth, with the rule and path', () => {
    const stack = newStack();
    const list = Token.asString(Lazy.anyValue({ produce: () => ['a', 'b'] }));
    new IpsecVpnConnection(stack, 'C', { ...singleProps(), ikeConfig: { preSharedKey: list } });
    const error = validationErrorOf(() => Testing.synth(stack));
    expect(error.message).toContain("IpsecVpnConnection at 'stack/C'");
    expect(ValidationErrors.findingsOf(error)).toEqual([
      expect.objectContaining({ ruleId: 'PSK_TOKEN_FORM', path: 'ikeConfig.preSharedKey' }),
    ]);
  });

  test('tunnel keys given as tokens name their tunnel in the synth-time error', () => {
    const props = dualProps();
    const stack = newStack();
    const list = Token.asString(Lazy.anyValue({ produce: () => ['a', 'b'] }));
    new IpsecVpnConnection(stack, 'C', {
      ...props,
      tunnels: [props.tunnels![0], { ...props.tunnels![1], ikeConfig: { preSharedKey: list } }],
    });
    const error = validationErrorOf(() => Testing.synth(stack));
    expect(ValidationErrors.findingsOf(error)![0].path).toBe('tunnels[1].ikeConfig.preSharedKey');
  });
});

describe('literal keys in code', () => {
  test('warn with the rule id and path, never the key', () => {
    const { stack } = synth(dualProps());
    const warnings = warningsOf(stack);
    expect(warnings).toEqual([
      expect.stringMatching(/^`tunnels\[0\]\.ikeConfig\.preSharedKey` \[PSK_LITERAL\] .*TerraformVariable/),
      expect.stringMatching(/^`tunnels\[1\]\.ikeConfig\.preSharedKey` \[PSK_LITERAL\]/),
    ]);
    expect(warnings.join('\n')).not.toContain(PSK_MASTER);
    expect(IpsecVpnConnection.validateProps(dualProps()).warnings.map((w) => w.severity)).toEqual([
      FindingSeverity.WARNING,
      FindingSeverity.WARNING,
    ]);
  });

  test('a key that is partly literal warns too; a key that is all token does not', () => {
    const stack = newStack();
    const v = new TerraformVariable(stack, 'psk', { type: 'string', sensitive: true });
    const partly = IpsecVpnConnection.validateProps({
      ...singleProps(),
      ikeConfig: { preSharedKey: `x-${v.stringValue}` },
    });
    expect(partly.warnings.map((w) => w.message)).toEqual([expect.stringContaining('is partly written in the code')]);
    const token = IpsecVpnConnection.validateProps({ ...singleProps(), ikeConfig: { preSharedKey: v.stringValue } });
    expect(token.warnings).toEqual([]);
  });
});

describe('huge input', () => {
  const tunnel = dualProps().tunnels![0];

  test('1.4 million tunnels give DUAL_TUNNEL_COUNT, quickly and with a bounded message', () => {
    const tunnels = new Array<TunnelConfig>(1_400_000).fill(tunnel);
    const message = errorOf(() => build({ ...dualProps(), tunnels }));
    expect(message).toContain('`tunnels` [DUAL_TUNNEL_COUNT] must hold exactly 2, got 1400000.');
    expect(message.length).toBeLessThan(8_000);
  });

  test('1.4 million null tunnels: the count, ten type errors, then a count of the rest', () => {
    const errors = errorsOf({ ...dualProps(), tunnels: new Array(1_400_000).fill(null) });
    expect(errors[0]).toMatchObject({ ruleId: 'DUAL_TUNNEL_COUNT', path: 'tunnels' });
    expect(errors.filter((e) => e.ruleId === 'TYPE_INVALID')).toHaveLength(11);
  });

  test('a sparse array of a million slots lists ten holes, then counts the rest', () => {
    const errors = errorsOf({ ...dualProps(), tunnels: new Array(1_000_000) });
    const holes = errors.filter((e) => e.ruleId === 'LIST_HOLE');
    expect(holes).toHaveLength(11);
    expect(holes[10].message).toBe('and 90 more LIST_HOLE findings, not listed.');
  });

  test('100k duplicate subnets give SUBNET_COUNT and a bounded message', () => {
    const message = errorOf(() => build({ ...singleProps(), remoteSubnets: new Array(100_000).fill('192.0.2.0/24') }));
    expect(message).toContain('`remoteSubnets` [SUBNET_COUNT] must hold 1 to 10, got 100000.');
    expect(message).toContain('more SUBNET_DUPLICATE findings, not listed.');
    expect(message.length).toBeLessThan(8_000);
  });

  test('a million tags and a million unknown keys stay bounded', () => {
    const many = Object.fromEntries(Array.from({ length: 1_000_000 }, (_, i) => [`k${i}`, 'v']));
    const message = errorOf(() => build({ ...singleProps(), ...many, tags: many }));
    expect(message).toContain('`tags` [TAG_COUNT] must hold 0 to 20, got 1000000.');
    expect(message).toContain('and 999990 more PROP_UNKNOWN findings, not listed.');
    expect(message.length).toBeLessThan(12_000);
  });
});

describe('tunnel accessors', () => {
  test.each([['primary'], [undefined], [0], ['MASTER']])('%j is a clear Error, not the slave tunnel', (role) => {
    const { construct } = synth(dualProps());
    expect(errorOf(() => construct.tunnelId(role as TunnelRole))).toMatch(
      /^IpsecVpnConnection at 'test\/Connection': the tunnel role must be TunnelRole\.MASTER or TunnelRole\.SLAVE, got /,
    );
    expect(errorOf(() => construct.tunnelInternetIp(role as TunnelRole))).toContain('TunnelRole.MASTER');
  });
});

describe('tags the provider hides or JavaScript drops', () => {
  test('a sae.do.not.delete key is refused (the provider hides it on read: a diff forever)', () => {
    expect(rulesAt({ ...singleProps(), tags: { 'sae.do.not.delete': 'true' } }, 'tags["sae.do.not.delete"]')).toEqual([
      'TAG_KEY_HIDDEN_BY_PROVIDER',
    ]);
  });

  test('__proto__ from parsed JSON is refused, not counted and dropped', () => {
    const tags = JSON.parse('{"__proto__": "x", "team": "network"}');
    expect(rulesAt({ ...singleProps(), tags }, 'tags.__proto__')).toEqual(['TAG_KEY_UNSUPPORTED']);
  });

  test('constructor and toString are ordinary keys and are rendered', () => {
    const tags = JSON.parse('{"constructor": "a", "toString": "b"}');
    expect(synthOf({ ...singleProps(), tags }).resource.tags).toEqual({ constructor: 'a', toString: 'b' });
  });
});

describe('messages for every JavaScript type', () => {
  test.each([
    [null, 'got null.'],
    [undefined, 'got undefined.'],
    [Symbol('s'), 'got a symbol.'],
    [() => 1, 'got a function.'],
    [BigInt(10), 'got the bigint 10n.'],
    [42, 'got the number 42.'],
    [NaN, 'got NaN.'],
    [true, 'got true.'],
    [{}, 'got an object.'],
    [Object.create(null), 'got an object.'],
    [[1, 2], 'got an array of 2 items.'],
  ])('%p in a string slot: "%s"', (value, phrase) => {
    const errors = errorsOf({ ...singleProps(), localSubnets: ['10.0.0.0/16', value] });
    expect(errors).toEqual([expect.objectContaining({ path: 'localSubnets[1]', ruleId: 'TYPE_INVALID' })]);
    expect(errors[0].message).toBe(`must be a string, got ${phrase.replace(/^got /, '')}`);
  });

  test('a dotted ASN string gets the integer', () => {
    const bgpConfig = { tunnelCidr: '169.254.11.0/30', localBgpIp: '169.254.11.1', localAsn: '123.456' };
    const [error] = errorsOf({ ...singleProps(), bgpConfig });
    expect(error.message).toContain('The dotted ASN 123.456 is 8061384 (123 × 65536 + 456): write 8061384.');
  });

  test('a dotted ASN written as a number gets the formula', () => {
    const bgpConfig = { tunnelCidr: '169.254.11.0/30', localBgpIp: '169.254.11.1', localAsn: 123.456 };
    const [error] = errorsOf({ ...singleProps(), bgpConfig });
    expect(error.ruleId).toBe('ASN_RANGE');
    // the digits of a fractional number cannot be trusted (1.10 is 1.1), so the hint explains, never guesses
    expect(error.message).toContain('A dotted ASN a.b is the integer a × 65536 + b (123.456 is 8061384).');
  });

  test('an ASN written as a numeric string is told to be a number', () => {
    const bgpConfig = { tunnelCidr: '169.254.11.0/30', localBgpIp: '169.254.11.1', localAsn: '65001' };
    expect(errorsOf({ ...singleProps(), bgpConfig })[0].message).toContain('Write it as a number: 65001.');
  });
});

describe('fix hints never point into another error', () => {
  const tunnels = (cidrA: string, cidrB: string) => {
    const props = dualProps();
    const [a, b] = props.tunnels!;
    return {
      ...props,
      tunnels: [
        { ...a, bgpConfig: { tunnelCidr: cidrA, localBgpIp: '169.254.10.1' } },
        { ...b, bgpConfig: { tunnelCidr: cidrB, localBgpIp: '169.254.20.1' } },
      ],
    };
  };
  const hint = (message: string) => /use a block such as "([^"]+)"/.exec(message)?.[1];

  test.each([
    ['the default hint is taken by the other tunnel', '169.254.10.0/30', '10.0.0.0/30'],
    ['the canonical form is taken by the other tunnel', '169.254.10.0/30', '169.254.10.1/30'],
    ['both defaults taken', '169.254.10.0/30', '169.254.20.1/29'],
  ])('%s', (_d, good, bad) => {
    const [error] = errorsOf(tunnels(good, bad));
    expect(error.path).toBe('tunnels[1].bgpConfig.tunnelCidr');
    const fix = hint(error.message)!;
    expect(fix).not.toBe(good);
    // applying the fix removes the error and adds none (the BGP IP is not part of this test)
    const fixed = errorsOf(tunnels(good, fix)).filter((e) => e.ruleId !== 'BGP_IP_OUTSIDE_TUNNEL_CIDR');
    expect(fixed).toEqual([]);
  });

  test('a non-canonical subnet whose network form is already listed is told to go, not to become a duplicate', () => {
    const errors = errorsOf({ ...singleProps(), localSubnets: ['10.0.0.0/16', '10.0.0.1/16'] });
    const canonical = errors.find((e) => e.ruleId === 'SUBNET_NOT_CANONICAL')!;
    expect(canonical.message).toContain(
      'it is the block localSubnets[0] ("10.0.0.0/16") already lists: remove this one.',
    );
    expect(canonical.message).not.toContain('use "10.0.0.0/16"');
  });
});

describe('free text that Terraform reads as a template', () => {
  test.each([
    [{ name: 'vpn-${var.site}' }, 'name'],
    [{ tags: { team: 'a%{if x}' } }, 'tags.team'],
    [{ ikeConfig: { localId: 'Hunter2${x}' } }, 'ikeConfig.localId'],
  ])('%j warns TEXT_TEMPLATE at %s, without the value', (extra, path) => {
    const warnings = IpsecVpnConnection.validateProps({ ...singleProps(), ...extra }).warnings;
    const found = warnings.filter((w) => w.ruleId === 'TEXT_TEMPLATE');
    expect(found.map((w) => w.path)).toEqual([path]);
    expect(found[0].message).not.toContain('Hunter2');
  });

  test('escaped $${ and %%{ do not warn', () => {
    const warnings = IpsecVpnConnection.validateProps({ ...singleProps(), name: 'a$${b}%%{c}' }).warnings;
    expect(warnings.filter((w) => w.ruleId === 'TEXT_TEMPLATE')).toEqual([]);
  });
});

describe('overlapping selectors', () => {
  test('local and remote subnets that overlap get a warning naming both', () => {
    const report = IpsecVpnConnection.validateProps({
      ...singleProps(),
      localSubnets: ['10.0.0.0/16', '172.16.0.0/12'],
      remoteSubnets: ['192.0.2.0/24', '10.0.0.0/8'],
    });
    expect(report.valid).toBe(true);
    expect(report.warnings.filter((w) => w.ruleId === 'SUBNET_OVERLAP')).toEqual([
      expect.objectContaining({
        path: 'remoteSubnets[1]',
        message: expect.stringContaining('("10.0.0.0/8") overlaps localSubnets[0] ("10.0.0.0/16")'),
      }),
    ]);
  });

  test('destination-based routing (0.0.0.0/0 on both sides) and disjoint blocks do not warn', () => {
    for (const [localSubnets, remoteSubnets] of [
      [['0.0.0.0/0'], ['0.0.0.0/0']],
      [['10.0.0.0/16'], ['10.1.0.0/16', '192.0.2.0/24']],
    ]) {
      const report = IpsecVpnConnection.validateProps({ ...singleProps(), localSubnets, remoteSubnets });
      expect(report.warnings.filter((w) => w.ruleId === 'SUBNET_OVERLAP')).toEqual([]);
    }
  });

  test('0.0.0.0/0 on one side only overlaps everything on the other: warned', () => {
    const report = IpsecVpnConnection.validateProps({ ...singleProps(), localSubnets: ['0.0.0.0/0'] });
    expect(report.warnings.map((w) => w.ruleId)).toContain('SUBNET_OVERLAP');
  });
});

describe('machine-readable errors', () => {
  test('the thrown Error carries the same findings validateProps reports, in message order', () => {
    const props = { ...dualProps(), localSubnets: ['10.0.0.1/24'], name: '' };
    const error = validationErrorOf(() => build(props));
    const findings = ValidationErrors.findingsOf(error)!;
    expect(findings).toEqual(IpsecVpnConnection.validateProps(props).errors);
    expect(findings.map((f) => [f.ruleId, f.path])).toEqual([
      ['SUBNET_NOT_CANONICAL', 'localSubnets[0]'],
      ['NAME_LENGTH', 'name'],
    ]);
    const lines = error.message.split('\n').slice(1);
    expect(lines).toEqual(findings.map((f) => `  - \`${f.path}\` [${f.ruleId}] ${f.message}`));
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('ValidationError');
  });

  test('findingsOf is undefined for other errors and values', () => {
    for (const value of [new Error('x'), new TypeError('y'), 'text', undefined, null, { findings: [] }]) {
      expect(ValidationErrors.findingsOf(value)).toBeUndefined();
      expect(ValidationErrors.isValidationError(value)).toBe(false);
    }
  });

  test('validateProps builds nothing and reports valid props as valid', () => {
    const report = IpsecVpnConnection.validateProps(dualProps());
    expect(report).toEqual({
      valid: true,
      tunnelMode: 'dual',
      errors: [],
      warnings: [expect.anything(), expect.anything()], // the literal keys
    });
    expect(IpsecVpnConnection.validateProps({} as any)).toMatchObject({ valid: false, tunnelMode: undefined });
  });
});
