import { TerraformStack, TerraformVariable, Testing } from 'cdktf';
import { alicloud, CustomerGateway, CustomerGatewayProps, ValidationErrors } from '../src';
import { expectConforms } from './support/conformance';
import { errorOf, resolve, warningsOf } from './support/fixtures';
import { RULES } from '../src/private/rules';

const newStack = () => new TerraformStack(Testing.app(), 'stack');

function officeProps(): CustomerGatewayProps {
  return { ipAddress: '203.0.113.10' };
}

interface Built {
  readonly stack: TerraformStack;
  readonly gateway: CustomerGateway;
  /** `resource.alicloud_vpn_customer_gateway.<the gateway's resource>`. */
  readonly resource: Record<string, any>;
}

/** Builds one customer gateway in a fresh stack, synthesizes it and checks it against the schema. */
function build(props: CustomerGatewayProps): Built {
  const stack = newStack();
  const gateway = new CustomerGateway(stack, 'Office', props);
  const json = JSON.parse(Testing.synth(stack));
  expectConforms(json);
  const resources = json.resource.alicloud_vpn_customer_gateway;
  expect(Object.keys(resources)).toEqual([gateway.resource.friendlyUniqueId]);
  return { stack, gateway, resource: resources[gateway.resource.friendlyUniqueId] };
}

const longText = (n: number) => 'x'.repeat(n);

describe('rendering', () => {
  test('renders the address alone when nothing else is given', () => {
    const { resource, gateway } = build(officeProps());
    expect(resource).toEqual({ ip_address: '203.0.113.10' });
    expect(gateway.resource.node.id).toBe('Resource');
    expect(gateway.asn).toBeUndefined();
  });

  test('renders every given setting with its Terraform name, the ASN as a string', () => {
    const { resource } = build({
      ipAddress: '198.51.100.7',
      asn: 65001,
      name: 'branch office 7',
      description: 'Branch office, second floor',
      tags: { team: 'net', site: 'b7' },
    });
    expect(resource).toEqual({
      ip_address: '198.51.100.7',
      asn: '65001',
      customer_gateway_name: 'branch office 7',
      description: 'Branch office, second floor',
      tags: { site: 'b7', team: 'net' },
    });
    expect(resource).not.toHaveProperty('name');
  });

  test('renders the largest ASN exactly, as a string', () => {
    expect(build({ ...officeProps(), asn: 4294967295 }).resource.asn).toBe('4294967295');
  });

  test('attributes: the id references the resource, address and ASN as given', () => {
    const { gateway } = build({ ...officeProps(), asn: 65010 });
    expect(resolve(gateway, gateway.customerGatewayId)).toBe(
      `\${alicloud_vpn_customer_gateway.${gateway.resource.friendlyUniqueId}.id}`,
    );
    expect(gateway.ipAddress).toBe('203.0.113.10');
    expect(gateway.asn).toBe(65010);
  });

  test('creates no output', () => {
    const stack = newStack();
    new CustomerGateway(stack, 'Office', officeProps());
    expect(JSON.parse(Testing.synth(stack)).output).toBeUndefined();
  });

  test('a lone customer gateway passes the rules checked at synth', () => {
    const stack = newStack();
    new alicloud.provider.AlicloudProvider(stack, 'alicloud', {});
    new CustomerGateway(stack, 'Office', { ...officeProps(), asn: 65001 });
    expect(() => Testing.synth(stack, true)).not.toThrow();
    expect(warningsOf(stack)).toEqual([]);
  });
});

describe('tokens', () => {
  test('an address and an ASN from variables skip the value checks and render the references', () => {
    const stack = newStack();
    const ip = new TerraformVariable(stack, 'ip', { type: 'string' });
    const asn = new TerraformVariable(stack, 'asn', { type: 'number' });
    const gateway = new CustomerGateway(stack, 'Office', {
      ipAddress: ip.stringValue,
      asn: asn.numberValue,
      name: ip.stringValue,
      description: ip.stringValue,
    });
    const json = JSON.parse(Testing.synth(stack));
    expect(json.resource.alicloud_vpn_customer_gateway[gateway.resource.friendlyUniqueId]).toEqual({
      ip_address: '${var.ip}',
      asn: '${var.asn}',
      customer_gateway_name: '${var.ip}',
      description: '${var.ip}',
    });
  });
});

type Case = [description: string, props: () => CustomerGatewayProps, path: string, rule: keyof typeof RULES];

/** An address in each forbidden block, at its first and last address. */
const FORBIDDEN_ADDRESSES: Array<[address: string, block: string]> = [
  ['0.0.0.0', '0.0.0.0/8'],
  ['0.255.255.255', '0.0.0.0/8'],
  ['100.64.0.0', '100.64.0.0/10'],
  ['100.64.0.1', '100.64.0.0/10'],
  ['100.127.255.255', '100.64.0.0/10'],
  ['127.0.0.0', '127.0.0.0/8'],
  ['127.0.0.1', '127.0.0.0/8'],
  ['127.255.255.255', '127.0.0.0/8'],
  ['169.254.0.0', '169.254.0.0/16'],
  ['169.254.255.255', '169.254.0.0/16'],
  ['224.0.0.0', '224.0.0.0/4'],
  ['239.255.255.255', '224.0.0.0/4'],
  ['255.0.0.0', '255.0.0.0/8'],
  ['255.255.255.255', '255.0.0.0/8'],
];

/** The addresses just outside each forbidden block. */
const ALLOWED_NEIGHBOURS = [
  '1.0.0.0',
  '100.63.255.255',
  '100.128.0.0',
  '126.255.255.255',
  '128.0.0.0',
  '169.253.255.255',
  '169.255.0.0',
  '223.255.255.255',
  '254.255.255.255',
];

const failures: Case[] = [
  // the address
  ['a missing address', () => ({ ipAddress: undefined as any }), 'ipAddress', 'REQUIRED_PROP_MISSING'],
  ['a numeric address', () => ({ ipAddress: 3405803786 as any }), 'ipAddress', 'TYPE_INVALID'],
  ...[
    '',
    'office.example.com',
    '203.0.113',
    '203.0.113.256',
    '203.0.113.010',
    ' 203.0.113.10',
    '203.0.113.10 ',
    '203.0.113.10/32',
    '2001:db8::1',
    '::ffff:203.0.113.10',
  ].map((ipAddress): Case => [
    `the address ${JSON.stringify(ipAddress)}`,
    () => ({ ipAddress }),
    'ipAddress',
    'CUSTOMER_GATEWAY_IP',
  ]),
  ...FORBIDDEN_ADDRESSES.map(([ipAddress, block]): Case => [
    `${ipAddress} (in ${block})`,
    () => ({ ipAddress }),
    'ipAddress',
    'CUSTOMER_GATEWAY_IP',
  ]),
  // the ASN
  ...[0, 4294967296, 1.5, 45104, -1, Infinity].map((asn): Case => [
    `ASN ${asn}`,
    () => ({ ...officeProps(), asn }),
    'asn',
    'CUSTOMER_GATEWAY_ASN',
  ]),
  ['an ASN as a string', () => ({ ...officeProps(), asn: '65001' as any }), 'asn', 'TYPE_INVALID'],
  ['an ASN in dotted notation', () => ({ ...officeProps(), asn: '1.10' as any }), 'asn', 'TYPE_INVALID'],
  ['a NaN ASN', () => ({ ...officeProps(), asn: NaN }), 'asn', 'TYPE_INVALID'],
  // name, description, tags
  ['an empty name', () => ({ ...officeProps(), name: '' }), 'name', 'NAME_LENGTH'],
  ['a 101-character name', () => ({ ...officeProps(), name: longText(101) }), 'name', 'NAME_LENGTH'],
  ['a name starting with http://', () => ({ ...officeProps(), name: 'http://office' }), 'name', 'NAME_URL_PREFIX'],
  ['a name starting with https://', () => ({ ...officeProps(), name: 'https://office' }), 'name', 'NAME_URL_PREFIX'],
  ['an empty description', () => ({ ...officeProps(), description: '' }), 'description', 'DESCRIPTION_INVALID'],
  [
    'a 101-character description',
    () => ({ ...officeProps(), description: longText(101) }),
    'description',
    'DESCRIPTION_INVALID',
  ],
  [
    'a description starting with https://',
    () => ({ ...officeProps(), description: 'https://wiki/office' }),
    'description',
    'DESCRIPTION_INVALID',
  ],
  [
    'a tag key starting with "acs:"',
    () => ({ ...officeProps(), tags: { 'acs:owner': 'x' } }),
    'tags["acs:owner"]',
    'TAG_RESERVED_PREFIX',
  ],
  ['a tag value with a URL', () => ({ ...officeProps(), tags: { site: 'http://x' } }), 'tags.site', 'TAG_URL'],
  ['an empty tag key', () => ({ ...officeProps(), tags: { '': 'v' } }), 'tags[""]', 'TAG_KEY_LENGTH'],
  ['a 129-character tag value', () => ({ ...officeProps(), tags: { k: longText(129) } }), 'tags.k', 'TAG_VALUE_LENGTH'],
  [
    '21 tags',
    () => ({ ...officeProps(), tags: Object.fromEntries(Array.from({ length: 21 }, (_, i) => [`k${i}`, 'v'])) }),
    'tags',
    'TAG_COUNT',
  ],
  ['a numeric tag value', () => ({ ...officeProps(), tags: { k: 1 as any } }), 'tags.k', 'TYPE_INVALID'],
  // junk
  ['an unknown prop', () => ({ ...officeProps(), ip_address: '203.0.113.10' }) as any, 'ip_address', 'PROP_UNKNOWN'],
  ['a misspelled prop', () => ({ ...officeProps(), asnn: 65001 }) as any, 'asnn', 'PROP_UNKNOWN'],
];

describe('validation', () => {
  test.each(failures)('rejects %s', (_description, props, path, rule) => {
    const stack = newStack();
    const message = errorOf(() => new CustomerGateway(stack, 'Office', props()));
    expect(message).toMatch(/^CustomerGateway at 'stack\/Office' has invalid props \(\d+ problems?\):\n/);
    expect(message).toContain(`\`${path}\` [${rule}]`);
  });

  test('a forbidden address names its block', () => {
    expect(errorOf(() => new CustomerGateway(newStack(), 'Office', { ipAddress: '100.100.1.1' }))).toContain(
      'got "100.100.1.1", in 100.64.0.0/10',
    );
  });

  test('45104 is refused as the Alibaba Cloud side ASN', () => {
    expect(errorOf(() => new CustomerGateway(newStack(), 'Office', { ...officeProps(), asn: 45104 }))).toContain(
      'must not be 45104, the ASN of the Alibaba Cloud side',
    );
  });

  test('a dotted ASN gets the integer in the message', () => {
    expect(
      errorOf(() => new CustomerGateway(newStack(), 'Office', { ...officeProps(), asn: '1.10' as any })),
    ).toContain('The dotted ASN 1.10 is 65546');
  });

  test.each([
    ['null props', null],
    ['a string as props', '203.0.113.10'],
    ['an empty object', {}],
    ['numbers everywhere', { ipAddress: 1, asn: '2', name: 3, description: 4, tags: 5 }],
  ])('never throws anything but the library Error, for %s', (_d, props) => {
    expect(errorOf(() => new CustomerGateway(newStack(), 'Office', props as any))).toMatch(
      /^CustomerGateway at 'stack\/Office' has invalid props/,
    );
  });

  test('lists every problem in one error', () => {
    let thrown: unknown;
    try {
      new CustomerGateway(newStack(), 'Office', {
        ipAddress: '127.0.0.1',
        asn: 0,
        name: '',
        description: 'https://x',
        tags: { aliyun: 'v' },
      });
    } catch (e) {
      thrown = e;
    }
    expect((thrown as Error).message.split('\n')[0]).toBe(
      "CustomerGateway at 'stack/Office' has invalid props (5 problems):",
    );
    expect(ValidationErrors.findingsOf(thrown)!.map((f) => `${f.path} ${f.ruleId}`)).toEqual([
      'ipAddress CUSTOMER_GATEWAY_IP',
      'asn CUSTOMER_GATEWAY_ASN',
      'name NAME_LENGTH',
      'description DESCRIPTION_INVALID',
      'tags.aliyun TAG_RESERVED_PREFIX',
    ]);
  });

  test('creates no resource when the props are invalid', () => {
    const stack = newStack();
    expect(() => new CustomerGateway(stack, 'Bad', { ipAddress: '224.0.0.1' })).toThrow(Error);
    expect(stack.node.tryFindChild('Bad')?.node.children).toEqual([]);
  });
});

describe('validation boundaries (accepted)', () => {
  test.each(ALLOWED_NEIGHBOURS)('accepts %s, just outside a forbidden block', (ipAddress) => {
    expect(build({ ipAddress }).resource.ip_address).toBe(ipAddress);
  });

  test.each(['203.0.113.10', '198.51.100.1', '192.0.2.254', '8.8.8.8'])(
    'accepts the public address %s',
    (ipAddress) => {
      expect(build({ ipAddress }).resource.ip_address).toBe(ipAddress);
    },
  );

  test('accepts a private address (checked against the gateway network type at synth)', () => {
    expect(build({ ipAddress: '10.1.2.3' }).resource.ip_address).toBe('10.1.2.3');
  });

  test.each([1, 4294967295, 65001, 45103, 45105, 64512, 4200000000])('accepts ASN %d', (asn) => {
    expect(build({ ...officeProps(), asn }).resource.asn).toBe(String(asn));
  });

  test('accepts a 1- and a 100-character name and description, 20 tags', () => {
    const tags = {
      ...Object.fromEntries(Array.from({ length: 19 }, (_, i) => [`k${i}`, 'v'])),
      [longText(64)]: longText(128),
    };
    expect(build({ ...officeProps(), name: 'x', description: 'y' }).resource).toMatchObject({
      customer_gateway_name: 'x',
      description: 'y',
    });
    const { resource } = build({ ...officeProps(), name: longText(100), description: longText(100), tags });
    expect(resource.customer_gateway_name).toHaveLength(100);
    expect(Object.keys(resource.tags)).toHaveLength(20);
  });

  test('a name holding ${ is a warning, and the gateway is created', () => {
    const { stack, resource } = build({ ...officeProps(), name: 'office-${site}' });
    expect(resource.customer_gateway_name).toBe('office-${site}');
    expect(warningsOf(stack)).toEqual([expect.stringContaining('`name` [TEXT_TEMPLATE]')]);
  });
});

describe('fromCustomerGatewayAttributes', () => {
  test('returns the attributes and creates no resource', () => {
    const stack = newStack();
    const gateway = CustomerGateway.fromCustomerGatewayAttributes(stack, 'Existing', {
      customerGatewayId: 'cgw-existing0001',
      ipAddress: '198.51.100.20',
      asn: 65020,
    });
    expect(gateway.customerGatewayId).toBe('cgw-existing0001');
    expect(gateway.ipAddress).toBe('198.51.100.20');
    expect(gateway.asn).toBe(65020);
    expect(gateway.node.path).toBe('stack/Existing');
    expect(gateway.node.children).toEqual([]);
    const json = JSON.parse(Testing.synth(stack));
    expect(json.resource).toBeUndefined();
  });

  test('the address and the ASN are optional', () => {
    const gateway = CustomerGateway.fromCustomerGatewayAttributes(newStack(), 'Existing', {
      customerGatewayId: 'cgw-existing0001',
    });
    expect(gateway.ipAddress).toBeUndefined();
    expect(gateway.asn).toBeUndefined();
  });

  test('accepts tokens', () => {
    const stack = newStack();
    const id = new TerraformVariable(stack, 'cgw', { type: 'string' });
    const asn = new TerraformVariable(stack, 'asn', { type: 'number' });
    const gateway = CustomerGateway.fromCustomerGatewayAttributes(stack, 'Existing', {
      customerGatewayId: id.stringValue,
      ipAddress: id.stringValue,
      asn: asn.numberValue,
    });
    expect(resolve(gateway, gateway.customerGatewayId)).toBe('${var.cgw}');
  });

  test.each<[string, unknown, string, keyof typeof RULES]>([
    ['an empty id', { customerGatewayId: '' }, 'customerGatewayId', 'RESOURCE_ID_EMPTY'],
    ['a blank id', { customerGatewayId: ' \t' }, 'customerGatewayId', 'RESOURCE_ID_EMPTY'],
    ['a missing id', { ipAddress: '198.51.100.20' }, 'customerGatewayId', 'REQUIRED_PROP_MISSING'],
    ['a numeric id', { customerGatewayId: 1 }, 'customerGatewayId', 'TYPE_INVALID'],
    ['a bad address', { customerGatewayId: 'cgw-1', ipAddress: '198.51.100' }, 'ipAddress', 'CUSTOMER_GATEWAY_IP'],
    [
      'a forbidden address',
      { customerGatewayId: 'cgw-1', ipAddress: '169.254.1.1' },
      'ipAddress',
      'CUSTOMER_GATEWAY_IP',
    ],
    ['ASN 0', { customerGatewayId: 'cgw-1', asn: 0 }, 'asn', 'CUSTOMER_GATEWAY_ASN'],
    ['ASN 45104', { customerGatewayId: 'cgw-1', asn: 45104 }, 'asn', 'CUSTOMER_GATEWAY_ASN'],
    ['ASN 4294967296', { customerGatewayId: 'cgw-1', asn: 4294967296 }, 'asn', 'CUSTOMER_GATEWAY_ASN'],
    ['a name (not an attribute)', { customerGatewayId: 'cgw-1', name: 'office' }, 'name', 'PROP_UNKNOWN'],
  ])('rejects %s', (_d, attrs, path, rule) => {
    const message = errorOf(() => CustomerGateway.fromCustomerGatewayAttributes(newStack(), 'Existing', attrs as any));
    expect(message).toMatch(
      /^CustomerGateway\.fromCustomerGatewayAttributes at 'stack\/Existing' has invalid props \(\d+ problems?\):\n/,
    );
    expect(message).toContain(`\`${path}\` [${rule}]`);
  });

  test.each([1, 4294967295])('accepts ASN %d', (asn) => {
    expect(
      CustomerGateway.fromCustomerGatewayAttributes(newStack(), 'Existing', { customerGatewayId: 'cgw-1', asn }).asn,
    ).toBe(asn);
  });
});
