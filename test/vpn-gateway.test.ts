import { TerraformStack, TerraformVariable, Testing, Token } from 'cdktf';
import {
  alicloud,
  CustomerGateway,
  IpsecVpnConnection,
  IpsecVpnConnectionOptions,
  TunnelMode,
  TunnelRole,
  ValidationErrors,
  VpnGateway,
  VpnGatewayNetworkType,
  VpnGatewayPaymentType,
  VpnGatewayProps,
} from '../src';
import { expectConforms } from './support/conformance';
import { errorOf, PSK_MASTER, PSK_SINGLE, PSK_SLAVE, resolve, warningsOf } from './support/fixtures';
import { RULES } from '../src/private/rules';

const newStack = () => new TerraformStack(Testing.app(), 'stack');

function gatewayProps(): VpnGatewayProps {
  return { vpcId: 'vpc-hub0001', bandwidth: 200 };
}

function dualGatewayProps(): VpnGatewayProps {
  return { ...gatewayProps(), vswitchId: 'vsw-zone-a0001', disasterRecoveryVswitchId: 'vsw-zone-b0001' };
}

interface Built {
  readonly stack: TerraformStack;
  readonly gateway: VpnGateway;
  readonly json: Record<string, any>;
  /** `resource.alicloud_vpn_gateway.<the gateway's resource>`. */
  readonly resource: Record<string, any>;
}

/** Builds one gateway in a fresh stack, synthesizes it and checks it against the schema. */
function build(props: VpnGatewayProps, id = 'Hub'): Built {
  const stack = newStack();
  const gateway = new VpnGateway(stack, id, props);
  const json = JSON.parse(Testing.synth(stack));
  expectConforms(json);
  const resources = json.resource.alicloud_vpn_gateway;
  expect(Object.keys(resources)).toEqual([gateway.resource.friendlyUniqueId]);
  return { stack, gateway, json, resource: resources[gateway.resource.friendlyUniqueId] };
}

/** The outputs of a document, by the id of the output's construct (`GatewayId`, ...). */
function outputIds(json: Record<string, any>): string[] {
  return Object.keys(json.output ?? {})
    .map((name) => /^Hub_(\w+?)_[0-9A-F]{8}$/.exec(name)?.[1] ?? name)
    .sort();
}

const fqn = (gateway: VpnGateway) => `alicloud_vpn_gateway.${gateway.resource.friendlyUniqueId}`;

const longText = (n: number) => 'x'.repeat(n);

describe('rendering', () => {
  test('renders the required props and the explicit defaults, and nothing else', () => {
    const { resource, gateway } = build(gatewayProps());
    expect(resource).toEqual({
      vpc_id: 'vpc-hub0001',
      bandwidth: 200,
      network_type: 'public',
      payment_type: 'PayAsYouGo',
    });
    expect(gateway.node.id).toBe('Hub');
    expect(gateway.resource.node.id).toBe('Resource');
  });

  test('renders every given setting with its Terraform name', () => {
    const { resource } = build({
      vpcId: 'vpc-hub0001',
      bandwidth: 1000,
      vswitchId: 'vsw-zone-a0001',
      name: 'hub.gateway-01',
      description: 'Hub of the branch offices',
      networkType: VpnGatewayNetworkType.PRIVATE,
      paymentType: VpnGatewayPaymentType.PAY_AS_YOU_GO,
      autoPropagate: false,
      resourceGroupId: 'rg-net0001',
      tags: { team: 'net', env: 'prod' },
    });
    expect(resource).toEqual({
      vpc_id: 'vpc-hub0001',
      bandwidth: 1000,
      vswitch_id: 'vsw-zone-a0001',
      vpn_gateway_name: 'hub.gateway-01',
      description: 'Hub of the branch offices',
      network_type: 'private',
      payment_type: 'PayAsYouGo',
      auto_propagate: false,
      resource_group_id: 'rg-net0001',
      tags: { env: 'prod', team: 'net' },
    });
    expect(resource).not.toHaveProperty('name');
    expect(resource).not.toHaveProperty('period');
  });

  test('a subscription gateway gets period 1 by default', () => {
    const { resource } = build({ ...gatewayProps(), paymentType: VpnGatewayPaymentType.SUBSCRIPTION });
    expect(resource.payment_type).toBe('Subscription');
    expect(resource.period).toBe(1);
  });

  test('a subscription gateway renders subscriptionMonths as period', () => {
    const { resource } = build({
      ...gatewayProps(),
      paymentType: VpnGatewayPaymentType.SUBSCRIPTION,
      subscriptionMonths: 12,
    });
    expect(resource.period).toBe(12);
  });

  test('a pay-as-you-go gateway renders no period', () => {
    const { resource } = build({ ...gatewayProps(), paymentType: VpnGatewayPaymentType.PAY_AS_YOU_GO });
    expect(resource).not.toHaveProperty('period');
  });
});

describe('tunnel mode', () => {
  test('without disasterRecoveryVswitchId the gateway is single-tunnel', () => {
    const { gateway, resource } = build({ ...gatewayProps(), vswitchId: 'vsw-zone-a0001' });
    expect(gateway.tunnelMode).toBe(TunnelMode.SINGLE);
    expect(gateway.disasterRecoveryInternetIp).toBeUndefined();
    expect(resource).not.toHaveProperty('disaster_recovery_vswitch_id');
  });

  test('with disasterRecoveryVswitchId the gateway is dual-tunnel', () => {
    const { gateway, resource } = build(dualGatewayProps());
    expect(gateway.tunnelMode).toBe(TunnelMode.DUAL);
    expect(resource.vswitch_id).toBe('vsw-zone-a0001');
    expect(resource.disaster_recovery_vswitch_id).toBe('vsw-zone-b0001');
  });

  test('attributes reference the resource', () => {
    const { gateway } = build(dualGatewayProps());
    expect(resolve(gateway, gateway.gatewayId)).toBe(`\${${fqn(gateway)}.id}`);
    expect(resolve(gateway, gateway.internetIp)).toBe(`\${${fqn(gateway)}.internet_ip}`);
    expect(resolve(gateway, gateway.disasterRecoveryInternetIp)).toBe(
      `\${${fqn(gateway)}.disaster_recovery_internet_ip}`,
    );
  });
});

describe('outputs', () => {
  test('a single-tunnel gateway outputs its ID and public IP address', () => {
    const { json, gateway } = build(gatewayProps());
    expect(outputIds(json)).toEqual(['GatewayId', 'InternetIp']);
    const outputs = Object.values(json.output) as Array<{ value: string; description: string }>;
    expect(outputs.map((o) => o.value).sort()).toEqual([`\${${fqn(gateway)}.id}`, `\${${fqn(gateway)}.internet_ip}`]);
    for (const o of outputs) expect(o.description).toContain('stack/Hub');
  });

  test('a dual-tunnel gateway also outputs the standby tunnel address', () => {
    const { json, gateway } = build(dualGatewayProps());
    expect(outputIds(json)).toEqual(['DisasterRecoveryInternetIp', 'GatewayId', 'InternetIp']);
    const values = (Object.values(json.output) as Array<{ value: string }>).map((o) => o.value);
    expect(values).toContain(`\${${fqn(gateway)}.disaster_recovery_internet_ip}`);
  });

  test('createOutputs: false creates none', () => {
    expect(build({ ...dualGatewayProps(), createOutputs: false }).json.output).toBeUndefined();
  });

  test('two gateways in one stack get different output names', () => {
    const stack = newStack();
    new VpnGateway(stack, 'A', gatewayProps());
    new VpnGateway(stack, 'B', gatewayProps());
    const json = JSON.parse(Testing.synth(stack));
    expect(Object.keys(json.output)).toHaveLength(4);
  });
});

type Case = [description: string, props: () => VpnGatewayProps, path: string, rule: keyof typeof RULES];

const failures: Case[] = [
  // required props, junk input
  ['a missing vpcId', () => ({ ...gatewayProps(), vpcId: undefined as any }), 'vpcId', 'REQUIRED_PROP_MISSING'],
  [
    'a missing bandwidth',
    () => ({ ...gatewayProps(), bandwidth: undefined as any }),
    'bandwidth',
    'REQUIRED_PROP_MISSING',
  ],
  ['an empty vpcId', () => ({ ...gatewayProps(), vpcId: ' ' }), 'vpcId', 'RESOURCE_ID_EMPTY'],
  ['an empty vswitchId', () => ({ ...gatewayProps(), vswitchId: '' }), 'vswitchId', 'RESOURCE_ID_EMPTY'],
  ['a numeric vpcId', () => ({ ...gatewayProps(), vpcId: 42 as any }), 'vpcId', 'TYPE_INVALID'],
  ['a string bandwidth', () => ({ ...gatewayProps(), bandwidth: '200' as any }), 'bandwidth', 'TYPE_INVALID'],
  ['a NaN bandwidth', () => ({ ...gatewayProps(), bandwidth: NaN }), 'bandwidth', 'TYPE_INVALID'],
  [
    'a string autoPropagate',
    () => ({ ...gatewayProps(), autoPropagate: 'yes' as any }),
    'autoPropagate',
    'TYPE_INVALID',
  ],
  [
    'a token createOutputs',
    () => ({ ...gatewayProps(), createOutputs: Token.asAny(true) as any }),
    'createOutputs',
    'TYPE_INVALID',
  ],
  ['an array of tags', () => ({ ...gatewayProps(), tags: ['a'] as any }), 'tags', 'TYPE_INVALID'],
  ['an unknown prop', () => ({ ...gatewayProps(), vpc_id: 'vpc-1' }) as any, 'vpc_id', 'PROP_UNKNOWN'],
  ['a misspelled prop', () => ({ ...gatewayProps(), bandwith: 200 }) as any, 'bandwith', 'PROP_UNKNOWN'],
  // enums
  [
    'an unknown networkType',
    () => ({ ...gatewayProps(), networkType: 'internet' as any }),
    'networkType',
    'ENUM_VALUE_INVALID',
  ],
  [
    'an unknown paymentType',
    () => ({ ...gatewayProps(), paymentType: 'PREPAY' as any }),
    'paymentType',
    'ENUM_VALUE_INVALID',
  ],
  // GATEWAY_BANDWIDTH
  ['bandwidth 0', () => ({ ...gatewayProps(), bandwidth: 0 }), 'bandwidth', 'GATEWAY_BANDWIDTH'],
  ['bandwidth 4', () => ({ ...gatewayProps(), bandwidth: 4 }), 'bandwidth', 'GATEWAY_BANDWIDTH'],
  ['bandwidth 150 (public)', () => ({ ...gatewayProps(), bandwidth: 150 }), 'bandwidth', 'GATEWAY_BANDWIDTH'],
  ['bandwidth 1001 (public)', () => ({ ...gatewayProps(), bandwidth: 1001 }), 'bandwidth', 'GATEWAY_BANDWIDTH'],
  ['bandwidth 2000 (public)', () => ({ ...gatewayProps(), bandwidth: 2000 }), 'bandwidth', 'GATEWAY_BANDWIDTH'],
  ['bandwidth 100.5', () => ({ ...gatewayProps(), bandwidth: 100.5 }), 'bandwidth', 'GATEWAY_BANDWIDTH'],
  ['a negative bandwidth', () => ({ ...gatewayProps(), bandwidth: -200 }), 'bandwidth', 'GATEWAY_BANDWIDTH'],
  ...[5, 10, 20, 50, 100, 500].map((bandwidth): Case => [
    `bandwidth ${bandwidth} on a private gateway`,
    () => ({ ...gatewayProps(), networkType: VpnGatewayNetworkType.PRIVATE, bandwidth }),
    'bandwidth',
    'GATEWAY_BANDWIDTH',
  ]),
  // GATEWAY_NAME
  ['a one-character name', () => ({ ...gatewayProps(), name: 'a' }), 'name', 'GATEWAY_NAME'],
  ['an empty name', () => ({ ...gatewayProps(), name: '' }), 'name', 'GATEWAY_NAME'],
  ['a 101-character name', () => ({ ...gatewayProps(), name: `a${longText(100)}` }), 'name', 'GATEWAY_NAME'],
  ['a name starting with a digit', () => ({ ...gatewayProps(), name: '1hub' }), 'name', 'GATEWAY_NAME'],
  ['a name starting with "_"', () => ({ ...gatewayProps(), name: '_hub' }), 'name', 'GATEWAY_NAME'],
  ['a name starting with "."', () => ({ ...gatewayProps(), name: '.hub' }), 'name', 'GATEWAY_NAME'],
  ['a name with a space', () => ({ ...gatewayProps(), name: 'my hub' }), 'name', 'GATEWAY_NAME'],
  ['a name with a "/"', () => ({ ...gatewayProps(), name: 'hub/1' }), 'name', 'GATEWAY_NAME'],
  ['a name that is a URL', () => ({ ...gatewayProps(), name: 'https://hub' }), 'name', 'GATEWAY_NAME'],
  ['a name with a trailing newline', () => ({ ...gatewayProps(), name: 'hub\n' }), 'name', 'GATEWAY_NAME'],
  ['a name with a non-ASCII letter', () => ({ ...gatewayProps(), name: 'hüb' }), 'name', 'GATEWAY_NAME'],
  // DESCRIPTION_INVALID
  ['an empty description', () => ({ ...gatewayProps(), description: '' }), 'description', 'DESCRIPTION_INVALID'],
  [
    'a 101-character description',
    () => ({ ...gatewayProps(), description: longText(101) }),
    'description',
    'DESCRIPTION_INVALID',
  ],
  [
    'a description starting with http://',
    () => ({ ...gatewayProps(), description: 'http://example.com' }),
    'description',
    'DESCRIPTION_INVALID',
  ],
  [
    'a description starting with https://',
    () => ({ ...gatewayProps(), description: 'https://example.com' }),
    'description',
    'DESCRIPTION_INVALID',
  ],
  // GATEWAY_DR_VSWITCH
  [
    'disasterRecoveryVswitchId without vswitchId',
    () => ({ ...gatewayProps(), disasterRecoveryVswitchId: 'vsw-zone-b0001' }),
    'disasterRecoveryVswitchId',
    'GATEWAY_DR_VSWITCH',
  ],
  [
    'an empty disasterRecoveryVswitchId',
    () => ({ ...dualGatewayProps(), disasterRecoveryVswitchId: '' }),
    'disasterRecoveryVswitchId',
    'RESOURCE_ID_EMPTY',
  ],
  // SUBSCRIPTION_MONTHS
  ...[0, 10, 11, 13, 18, 48, 1.5, -1].map((months): Case => [
    `${months} subscription months`,
    () => ({ ...gatewayProps(), paymentType: VpnGatewayPaymentType.SUBSCRIPTION, subscriptionMonths: months }),
    'subscriptionMonths',
    'SUBSCRIPTION_MONTHS',
  ]),
  [
    'subscriptionMonths without a paymentType',
    () => ({ ...gatewayProps(), subscriptionMonths: 12 }),
    'subscriptionMonths',
    'SUBSCRIPTION_MONTHS',
  ],
  [
    'subscriptionMonths on a pay-as-you-go gateway',
    () => ({ ...gatewayProps(), paymentType: VpnGatewayPaymentType.PAY_AS_YOU_GO, subscriptionMonths: 1 }),
    'subscriptionMonths',
    'SUBSCRIPTION_MONTHS',
  ],
  // tags
  [
    'a tag key starting with "aliyun"',
    () => ({ ...gatewayProps(), tags: { aliyunOwner: 'x' } }),
    'tags.aliyunOwner',
    'TAG_RESERVED_PREFIX',
  ],
  ['a tag value with a URL', () => ({ ...gatewayProps(), tags: { site: 'see https://x' } }), 'tags.site', 'TAG_URL'],
  [
    '21 tags',
    () => ({ ...gatewayProps(), tags: Object.fromEntries(Array.from({ length: 21 }, (_, i) => [`k${i}`, 'v'])) }),
    'tags',
    'TAG_COUNT',
  ],
  [
    'a 65-character tag key',
    () => ({ ...gatewayProps(), tags: { [longText(65)]: 'v' } }),
    `tags.${longText(65)}`,
    'TAG_KEY_LENGTH',
  ],
  [
    'a 129-character tag value',
    () => ({ ...gatewayProps(), tags: { k: longText(129) } }),
    'tags.k',
    'TAG_VALUE_LENGTH',
  ],
];

describe('validation', () => {
  test.each(failures)('rejects %s', (_description, props, path, rule) => {
    const stack = newStack();
    const message = errorOf(() => new VpnGateway(stack, 'Hub', props()));
    expect(message).toMatch(/^VpnGateway at 'stack\/Hub' has invalid props \(\d+ problems?\):\n/);
    expect(message).toContain(`\`${path}\` [${rule}]`);
  });

  test.each([
    ['null props', null],
    ['a string as props', 'vpc-hub0001'],
    ['an array as props', [gatewayProps()]],
    ['an empty object', {}],
    ['numbers everywhere', { vpcId: 1, bandwidth: '10', vswitchId: 2, name: 3, tags: 4 }],
  ])('never throws anything but the library Error, for %s', (_d, props) => {
    const stack = newStack();
    expect(errorOf(() => new VpnGateway(stack, 'Hub', props as any))).toMatch(
      /^VpnGateway at 'stack\/Hub' has invalid props/,
    );
  });

  test('lists every problem in one error, one line each', () => {
    const stack = newStack();
    const message = errorOf(
      () =>
        new VpnGateway(stack, 'Hub', {
          vpcId: '',
          bandwidth: 150,
          name: '9lives',
          description: '',
          disasterRecoveryVswitchId: 'vsw-zone-b0001',
          subscriptionMonths: 12,
        }),
    );
    const lines = message.split('\n');
    expect(lines[0]).toBe("VpnGateway at 'stack/Hub' has invalid props (6 problems):");
    const rules = lines.slice(1).map((l) => /^ {2}- `([^`]+)` \[(\w+)\] /.exec(l)?.slice(1, 3).join(' '));
    expect(rules.sort()).toEqual(
      [
        'vpcId RESOURCE_ID_EMPTY',
        'bandwidth GATEWAY_BANDWIDTH',
        'name GATEWAY_NAME',
        'description DESCRIPTION_INVALID',
        'disasterRecoveryVswitchId GATEWAY_DR_VSWITCH',
        'subscriptionMonths SUBSCRIPTION_MONTHS',
      ].sort(),
    );
    expect(
      ValidationErrors.findingsOf(errorThrownBy(() => new VpnGateway(newStack(), 'Hub', { bandwidth: 3 } as any))),
    ).toEqual([
      expect.objectContaining({ ruleId: 'REQUIRED_PROP_MISSING', path: 'vpcId', severity: 'error' }),
      expect.objectContaining({ ruleId: 'GATEWAY_BANDWIDTH', path: 'bandwidth', severity: 'error' }),
    ]);
  });

  test('the bandwidth error names the allowed values for the network type', () => {
    expect(errorOf(() => new VpnGateway(newStack(), 'Hub', { ...gatewayProps(), bandwidth: 150 }))).toContain(
      'must be one of 5, 10, 20, 50, 100, 200, 500, 1000 Mbit/s for a public VPN gateway, got the number 150.',
    );
    expect(
      errorOf(
        () =>
          new VpnGateway(newStack(), 'Hub', {
            ...gatewayProps(),
            networkType: VpnGatewayNetworkType.PRIVATE,
            bandwidth: 100,
          }),
      ),
    ).toContain('must be one of 200, 1000 Mbit/s for a private VPN gateway, got the number 100.');
  });

  test('an unknown networkType reports the enum, not a bandwidth for a guessed type', () => {
    const stack = newStack();
    const e = errorThrownBy(
      () => new VpnGateway(stack, 'Hub', { ...gatewayProps(), networkType: 'internet' as any, bandwidth: 150 }),
    );
    expect(ValidationErrors.findingsOf(e)!.map((f) => f.ruleId)).toEqual(['ENUM_VALUE_INVALID']);
  });

  test('creates no resource when the props are invalid', () => {
    const stack = newStack();
    expect(() => new VpnGateway(stack, 'Bad', { ...gatewayProps(), bandwidth: 3 })).toThrow(Error);
    expect(stack.node.tryFindChild('Bad')?.node.children).toEqual([]);
  });
});

/** The error a function throws (fails the test when none). */
function errorThrownBy(fn: () => unknown): unknown {
  try {
    fn();
  } catch (e) {
    return e;
  }
  throw new Error('expected an error, none was thrown');
}

describe('validation boundaries (accepted)', () => {
  test.each([5, 10, 20, 50, 100, 200, 500, 1000])('accepts bandwidth %d on a public gateway', (bandwidth) => {
    expect(build({ ...gatewayProps(), bandwidth }).resource.bandwidth).toBe(bandwidth);
    expect(build({ ...gatewayProps(), networkType: VpnGatewayNetworkType.PUBLIC, bandwidth }).resource.bandwidth).toBe(
      bandwidth,
    );
  });

  test.each([200, 1000])('accepts bandwidth %d on a private gateway', (bandwidth) => {
    const { resource } = build({ ...gatewayProps(), networkType: VpnGatewayNetworkType.PRIVATE, bandwidth });
    expect(resource).toMatchObject({ bandwidth, network_type: 'private' });
  });

  test.each(['ab', 'a1', 'A_', 'z-', 'Q.', 'hub.gateway_01-a', `a${longText(99)}`])(
    'accepts the gateway name %s',
    (name) => {
      expect(build({ ...gatewayProps(), name }).resource.vpn_gateway_name).toBe(name);
    },
  );

  test.each(['x', longText(100), 'not http://', 'HTTP://upper-case is not the prefix', 'ünïcödé'])(
    'accepts the description %s',
    (description) => {
      expect(build({ ...gatewayProps(), description }).resource.description).toBe(description);
    },
  );

  test.each([1, 2, 3, 4, 5, 6, 7, 8, 9, 12, 24, 36])('accepts %d subscription months', (months) => {
    const { resource } = build({
      ...gatewayProps(),
      paymentType: VpnGatewayPaymentType.SUBSCRIPTION,
      subscriptionMonths: months,
    });
    expect(resource.period).toBe(months);
  });

  test('accepts 20 tags, a 64-character key and a 128-character value', () => {
    const tags = {
      ...Object.fromEntries(Array.from({ length: 19 }, (_, i) => [`k${i}`, 'v'])),
      [longText(64)]: longText(128),
    };
    expect(Object.keys(build({ ...gatewayProps(), tags }).resource.tags)).toHaveLength(20);
  });
});

describe('warnings', () => {
  test('disasterRecoveryVswitchId equal to vswitchId is a warning, and the gateway is created', () => {
    const { stack, resource } = build({
      ...gatewayProps(),
      vswitchId: 'vsw-zone-a0001',
      disasterRecoveryVswitchId: 'vsw-zone-a0001',
    });
    expect(resource.disaster_recovery_vswitch_id).toBe('vsw-zone-a0001');
    const warnings = warningsOf(stack);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain('`disasterRecoveryVswitchId` [GATEWAY_DR_VSWITCH_SAME]');
  });

  test('a description holding ${ warns that Terraform reads it as a template', () => {
    const { stack } = build({ ...gatewayProps(), description: 'costs ${budget}' });
    expect(warningsOf(stack)).toEqual([expect.stringContaining('`description` [TEXT_TEMPLATE]')]);
  });

  test('different vSwitches raise no warning', () => {
    expect(warningsOf(build(dualGatewayProps()).stack)).toEqual([]);
  });

  test('a subscription gateway warns that terraform destroy does not delete it', () => {
    const { stack } = build({ ...gatewayProps(), paymentType: VpnGatewayPaymentType.SUBSCRIPTION });
    const warnings = warningsOf(stack);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain('`paymentType` [SUBSCRIPTION_NOT_DESTROYED]');
  });

  test('a pay-as-you-go gateway raises no warning', () => {
    expect(warningsOf(build({ ...gatewayProps(), paymentType: VpnGatewayPaymentType.PAY_AS_YOU_GO }).stack)).toEqual(
      [],
    );
  });

  test('two warnings become one annotation on the gateway, one line each', () => {
    const { stack, gateway } = build({
      ...gatewayProps(),
      vswitchId: 'vsw-zone-a0001',
      disasterRecoveryVswitchId: 'vsw-zone-a0001',
      paymentType: VpnGatewayPaymentType.SUBSCRIPTION,
    });
    expect(gateway.node.metadata.filter((m) => m.type === '@cdktf/warn')).toHaveLength(1);
    expect(warningsOf(stack).map((w) => /\[(\w+)\]/.exec(w)?.[1])).toEqual([
      'GATEWAY_DR_VSWITCH_SAME',
      'SUBSCRIPTION_NOT_DESTROYED',
    ]);
  });
});

describe('tokens', () => {
  test('a bandwidth from a number variable skips the bandwidth check and renders the reference', () => {
    const stack = newStack();
    const bandwidth = new TerraformVariable(stack, 'bandwidth', { type: 'number' });
    const gateway = new VpnGateway(stack, 'Hub', { ...gatewayProps(), bandwidth: bandwidth.numberValue });
    const json = JSON.parse(Testing.synth(stack));
    expect(json.resource.alicloud_vpn_gateway[gateway.resource.friendlyUniqueId].bandwidth).toBe('${var.bandwidth}');
  });

  test('a bandwidth token is accepted on a private gateway too', () => {
    const stack = newStack();
    const bandwidth = new TerraformVariable(stack, 'bandwidth', { type: 'number' });
    expect(
      () =>
        new VpnGateway(stack, 'Hub', {
          ...gatewayProps(),
          networkType: VpnGatewayNetworkType.PRIVATE,
          bandwidth: bandwidth.numberValue,
        }),
    ).not.toThrow();
  });

  test('string tokens skip the id, name, description and enum checks', () => {
    const stack = newStack();
    const text = new TerraformVariable(stack, 'text', { type: 'string' });
    const months = new TerraformVariable(stack, 'months', { type: 'number' });
    const gateway = new VpnGateway(stack, 'Hub', {
      vpcId: text.stringValue,
      bandwidth: 200,
      vswitchId: text.stringValue,
      disasterRecoveryVswitchId: text.stringValue,
      name: text.stringValue,
      description: text.stringValue,
      paymentType: VpnGatewayPaymentType.SUBSCRIPTION,
      subscriptionMonths: months.numberValue,
    });
    const json = JSON.parse(Testing.synth(stack));
    const resource = json.resource.alicloud_vpn_gateway[gateway.resource.friendlyUniqueId];
    expect(resource).toMatchObject({
      vpc_id: '${var.text}',
      vswitch_id: '${var.text}',
      disaster_recovery_vswitch_id: '${var.text}',
      vpn_gateway_name: '${var.text}',
      description: '${var.text}',
      period: '${var.months}',
    });
    // the same token in both vSwitches is not known to be the same vSwitch
    expect(warningsOf(stack, 'SUBSCRIPTION_NOT_DESTROYED')).toEqual([]);
  });

  // with a token paymentType, given months are rendered (the rules cannot tell the type)
  test('subscriptionMonths with a token paymentType is rendered as period', () => {
    const stack = newStack();
    const payment = new TerraformVariable(stack, 'payment', { type: 'string' });
    const gateway = new VpnGateway(stack, 'Hub', {
      ...gatewayProps(),
      paymentType: payment.stringValue as VpnGatewayPaymentType,
      subscriptionMonths: 12,
    });
    const json = JSON.parse(Testing.synth(stack));
    const resource = json.resource.alicloud_vpn_gateway[gateway.resource.friendlyUniqueId];
    expect(resource.payment_type).toBe('${var.payment}');
    expect(resource.period).toBe(12);
  });

  test('a networkType token skips the bandwidth check', () => {
    const stack = newStack();
    const type = new TerraformVariable(stack, 'type', { type: 'string' });
    expect(
      () => new VpnGateway(stack, 'Hub', { ...gatewayProps(), bandwidth: 5, networkType: type.stringValue as any }),
    ).not.toThrow();
  });
});

describe('fromGatewayAttributes', () => {
  test('returns the id and the mode, and creates no resource', () => {
    const stack = newStack();
    const gateway = VpnGateway.fromGatewayAttributes(stack, 'Existing', {
      gatewayId: 'vpn-existing0001',
      tunnelMode: TunnelMode.DUAL,
    });
    expect(gateway.gatewayId).toBe('vpn-existing0001');
    expect(gateway.tunnelMode).toBe(TunnelMode.DUAL);
    expect(gateway.node.path).toBe('stack/Existing');
    expect(gateway.node.children).toEqual([]);
    const json = JSON.parse(Testing.synth(stack));
    expect(json.resource).toBeUndefined();
    expect(json.output).toBeUndefined();
  });

  test('without tunnelMode the mode is unknown', () => {
    const gateway = VpnGateway.fromGatewayAttributes(newStack(), 'Existing', { gatewayId: 'vpn-existing0001' });
    expect(gateway.tunnelMode).toBeUndefined();
  });

  test('accepts a token id', () => {
    const stack = newStack();
    const id = new TerraformVariable(stack, 'gateway', { type: 'string' });
    const gateway = VpnGateway.fromGatewayAttributes(stack, 'Existing', { gatewayId: id.stringValue });
    expect(resolve(gateway, gateway.gatewayId)).toBe('${var.gateway}');
  });

  test.each<[string, unknown, string, keyof typeof RULES]>([
    ['an empty id', { gatewayId: '' }, 'gatewayId', 'RESOURCE_ID_EMPTY'],
    ['a blank id', { gatewayId: '   ' }, 'gatewayId', 'RESOURCE_ID_EMPTY'],
    ['a missing id', {}, 'gatewayId', 'REQUIRED_PROP_MISSING'],
    ['a numeric id', { gatewayId: 7 }, 'gatewayId', 'TYPE_INVALID'],
    ['a bad tunnelMode', { gatewayId: 'vpn-existing0001', tunnelMode: 'double' }, 'tunnelMode', 'ENUM_VALUE_INVALID'],
    ['an unknown attribute', { gatewayId: 'vpn-existing0001', vpcId: 'vpc-1' }, 'vpcId', 'PROP_UNKNOWN'],
  ])('rejects %s', (_d, attrs, path, rule) => {
    const message = errorOf(() => VpnGateway.fromGatewayAttributes(newStack(), 'Existing', attrs as any));
    expect(message).toMatch(
      /^VpnGateway\.fromGatewayAttributes at 'stack\/Existing' has invalid props \(\d+ problems?\):\n/,
    );
    expect(message).toContain(`\`${path}\` [${rule}]`);
  });

  test.each([TunnelMode.SINGLE, TunnelMode.DUAL])('accepts tunnelMode %s', (tunnelMode) => {
    expect(
      VpnGateway.fromGatewayAttributes(newStack(), 'Existing', { gatewayId: 'vpn-1', tunnelMode }).tunnelMode,
    ).toBe(tunnelMode);
  });
});

describe('addConnection', () => {
  function singleOptions(): IpsecVpnConnectionOptions {
    return {
      customerGatewayId: 'cgw-office0001',
      localSubnets: ['10.0.0.0/16'],
      remoteSubnets: ['192.0.2.0/24'],
      ikeConfig: { preSharedKey: PSK_SINGLE },
    };
  }

  test('creates the connection under the gateway, with the gateway as its vpn_gateway_id', () => {
    const stack = newStack();
    const gateway = new VpnGateway(stack, 'Hub', gatewayProps());
    const connection = gateway.addConnection('Office', singleOptions());
    expect(connection.node.path).toBe('stack/Hub/Office');
    expect(connection.node.scope).toBe(gateway);
    expect(connection.tunnelMode).toBe(TunnelMode.SINGLE);
    const json = JSON.parse(Testing.synth(stack));
    expectConforms(json);
    const resource = json.resource.alicloud_vpn_connection[connection.resource.friendlyUniqueId];
    expect(resource.vpn_gateway_id).toBe(`\${${fqn(gateway)}.id}`);
    expect(resource.customer_gateway_id).toBe('cgw-office0001');
    expect(resource).not.toHaveProperty('depends_on');
  });

  test('a dual-tunnel gateway takes dual-tunnel connections to customer gateway constructs', () => {
    const stack = newStack();
    new alicloud.provider.AlicloudProvider(stack, 'alicloud', {});
    const gateway = new VpnGateway(stack, 'Hub', dualGatewayProps());
    const a = new CustomerGateway(stack, 'DcA', { ipAddress: '198.51.100.10', asn: 65001 });
    const b = new CustomerGateway(stack, 'DcB', { ipAddress: '198.51.100.20', asn: 65001 });
    const connection = gateway.addConnection('Dc', {
      localSubnets: ['10.0.0.0/16'],
      remoteSubnets: ['198.51.100.0/24'],
      tunnels: [
        { role: TunnelRole.MASTER, customerGateway: a, ikeConfig: { preSharedKey: PSK_MASTER } },
        { role: TunnelRole.SLAVE, customerGateway: b, ikeConfig: { preSharedKey: PSK_SLAVE } },
      ],
    });
    expect(connection.tunnelMode).toBe(TunnelMode.DUAL);
    const json = JSON.parse(Testing.synth(stack, true));
    const resource = json.resource.alicloud_vpn_connection[connection.resource.friendlyUniqueId];
    expect(resource.vpn_gateway_id).toBe(`\${${fqn(gateway)}.id}`);
    expect(resource.tunnel_options_specification.map((t: any) => t.customer_gateway_id)).toEqual([
      `\${alicloud_vpn_customer_gateway.${a.resource.friendlyUniqueId}.id}`,
      `\${alicloud_vpn_customer_gateway.${b.resource.friendlyUniqueId}.id}`,
    ]);
  });

  test('a connection on an imported gateway renders its id', () => {
    const stack = newStack();
    const gateway = VpnGateway.fromGatewayAttributes(stack, 'Existing', { gatewayId: 'vpn-existing0001' });
    const connection = new IpsecVpnConnection(stack, 'Office', { ...singleOptions(), vpnGateway: gateway });
    const json = JSON.parse(Testing.synth(stack));
    expect(json.resource.alicloud_vpn_connection[connection.resource.friendlyUniqueId].vpn_gateway_id).toBe(
      'vpn-existing0001',
    );
  });

  test.each<[string, (stack: TerraformStack) => Record<string, unknown>]>([
    ['vpnGatewayId', () => ({ vpnGatewayId: 'vpn-other0001' })],
    ['vpnGateway', (stack) => ({ vpnGateway: new VpnGateway(stack, 'Other', gatewayProps()) })],
  ])('options with %s are ambiguous', (key, extra) => {
    const stack = newStack();
    const gateway = new VpnGateway(stack, 'Hub', gatewayProps());
    const options = { ...singleOptions(), ...extra(stack) };
    const message = errorOf(() => gateway.addConnection('Office', options as IpsecVpnConnectionOptions));
    expect(message).toMatch(/^IpsecVpnConnection at 'stack\/Hub\/Office' has invalid props/);
    expect(message).toContain(`\`${key}\` [VPN_GATEWAY_AMBIGUOUS]`);
    expect(message).toContain("the gateway at 'stack/Hub'");
  });

  test('invalid options are reported at the connection path', () => {
    const stack = newStack();
    const gateway = new VpnGateway(stack, 'Hub', gatewayProps());
    const message = errorOf(() => gateway.addConnection('Office', { ...singleOptions(), localSubnets: [] }));
    expect(message).toMatch(/^IpsecVpnConnection at 'stack\/Hub\/Office' has invalid props/);
    expect(message).toContain('`localSubnets` [SUBNET_COUNT]');
  });
});
