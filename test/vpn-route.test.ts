import { TerraformStack, TerraformVariable, Testing } from 'cdktf';
import { Construct } from 'constructs';
import {
  IpsecVpnConnection,
  RouteWeight,
  ValidationErrors,
  VpnGateway,
  VpnPolicyRoute,
  VpnPolicyRouteProps,
  VpnRoute,
  VpnRouteOptions,
  VpnRouteProps,
} from '../src';
import { expectConforms } from './support/conformance';
import { errorOf, PSK_SINGLE, singleProps, warningsOf } from './support/fixtures';
import { RULES } from '../src/private/rules';

const newStack = () => new TerraformStack(Testing.app(), 'stack');

/** A single-tunnel connection on a VpnGateway (`stack/Hub/Office`). */
function onGateway() {
  const stack = newStack();
  const gateway = new VpnGateway(stack, 'Hub', { vpcId: 'vpc-hub0001', bandwidth: 200 });
  const connection = gateway.addConnection('Office', {
    customerGatewayId: 'cgw-office0001',
    localSubnets: ['10.0.0.0/16'],
    remoteSubnets: ['192.0.2.0/24'],
    ikeConfig: { preSharedKey: PSK_SINGLE },
  });
  return { stack, gateway, connection };
}

/** A single-tunnel connection with a literal `vpnGatewayId` (`stack/Conn`). */
function withGatewayId() {
  const stack = newStack();
  const connection = new IpsecVpnConnection(stack, 'Conn', singleProps());
  return { stack, connection };
}

function synth(stack: TerraformStack): Record<string, any> {
  const json = JSON.parse(Testing.synth(stack));
  expectConforms(json);
  return json;
}

/** The rendered route entry of a route construct. */
function entryOf(json: Record<string, any>, route: VpnRoute | VpnPolicyRoute): Record<string, any> {
  const type = route instanceof VpnPolicyRoute ? 'alicloud_vpn_pbr_route_entry' : 'alicloud_vpn_route_entry';
  const entry = json.resource[type]?.[route.resource.friendlyUniqueId];
  if (entry === undefined) throw new Error(`${type} of ${route.node.path} not rendered`);
  return entry;
}

const ref = (type: string, construct: { resource: { friendlyUniqueId: string } }) =>
  `\${${type}.${construct.resource.friendlyUniqueId}.id}`;

describe('addRoute', () => {
  test('renders a destination route to the connection, active and published by default', () => {
    const { stack, gateway, connection } = onGateway();
    const route = connection.addRoute('192.168.0.0/16');
    expect(route.node.path).toBe('stack/Hub/Office/Route-192.168.0.0-16');
    expect(route.node.scope).toBe(connection);
    expect(route.resource.node.id).toBe('Resource');
    expect(route.destinationCidr).toBe('192.168.0.0/16');
    expect(route.weight).toBe(RouteWeight.ACTIVE);
    const entry = entryOf(synth(stack), route);
    expect(entry).toEqual({
      vpn_gateway_id: ref('alicloud_vpn_gateway', gateway),
      next_hop: ref('alicloud_vpn_connection', connection),
      route_dest: '192.168.0.0/16',
      weight: 100,
      publish_vpc: true,
      // serialized after its connection (the connection is the first change on the gateway)
      depends_on: [`alicloud_vpn_connection.${connection.resource.friendlyUniqueId}`],
    });
  });

  test('a connection with a literal vpnGatewayId routes on that gateway', () => {
    const { stack, connection } = withGatewayId();
    const route = connection.addRoute('198.51.100.0/24');
    expect(route.node.path).toBe('stack/Conn/Route-198.51.100.0-24');
    const entry = entryOf(synth(stack), route);
    expect(entry.vpn_gateway_id).toBe('vpn-single0001');
    expect(entry.next_hop).toBe(ref('alicloud_vpn_connection', connection));
  });

  test('STANDBY renders weight 0, ACTIVE weight 100; publishToVpc false renders false', () => {
    const { stack, connection } = withGatewayId();
    const standby = connection.addRoute('192.168.0.0/16', { weight: RouteWeight.STANDBY, publishToVpc: false });
    const active = connection.addRoute('192.168.1.0/24', { weight: RouteWeight.ACTIVE, publishToVpc: true });
    expect(standby.weight).toBe(RouteWeight.STANDBY);
    const json = synth(stack);
    expect(entryOf(json, standby)).toMatchObject({ weight: 0, publish_vpc: false });
    expect(entryOf(json, active)).toMatchObject({ weight: 100, publish_vpc: true });
  });

  test('options.id names the route', () => {
    const { stack, connection } = withGatewayId();
    const route = connection.addRoute('192.168.0.0/16', { id: 'DataCenter' });
    expect(route.node.path).toBe('stack/Conn/DataCenter');
    expect(entryOf(synth(stack), route).route_dest).toBe('192.168.0.0/16');
  });

  test('routes whose digits collide under AWS CDK ids get different ids and both render', () => {
    const { stack, connection } = withGatewayId();
    const a = connection.addRoute('1.11.0.0/16');
    const b = connection.addRoute('11.1.0.0/16');
    expect(a.node.id).toBe('Route-1.11.0.0-16');
    expect(b.node.id).toBe('Route-11.1.0.0-16');
    const json = synth(stack);
    expect(a.resource.friendlyUniqueId).not.toBe(b.resource.friendlyUniqueId);
    expect(Object.keys(json.resource.alicloud_vpn_route_entry)).toHaveLength(2);
    expect(entryOf(json, a).route_dest).toBe('1.11.0.0/16');
    expect(entryOf(json, b).route_dest).toBe('11.1.0.0/16');
  });

  test('the same CIDR with other prefix lengths gets different ids', () => {
    const { stack, connection } = withGatewayId();
    const ids = ['10.0.0.0/8', '10.0.0.0/16', '10.0.0.0/24'].map((c) => connection.addRoute(c).node.id);
    expect(ids).toEqual(['Route-10.0.0.0-8', 'Route-10.0.0.0-16', 'Route-10.0.0.0-24']);
    expect(Object.keys(synth(stack).resource.alicloud_vpn_route_entry)).toHaveLength(3);
  });

  test('a destination CIDR token needs options.id', () => {
    const { stack, connection } = withGatewayId();
    const cidr = new TerraformVariable(stack, 'cidr', { type: 'string' });
    const message = errorOf(() => connection.addRoute(cidr.stringValue));
    expect(message).toMatch(/^IpsecVpnConnection\.addRoute at 'stack\/Conn' has invalid props \(1 problem\):\n/);
    expect(message).toContain('`id` [ROUTE_ID_REQUIRED]');
    expect(connection.node.children.map((c) => c.node.id)).not.toContain('Route');
  });

  test('a destination CIDR token with options.id renders the reference', () => {
    const { stack, connection } = withGatewayId();
    const cidr = new TerraformVariable(stack, 'cidr', { type: 'string' });
    const route = connection.addRoute(cidr.stringValue, { id: 'FromVariable' });
    expect(route.node.path).toBe('stack/Conn/FromVariable');
    expect(entryOf(synth(stack), route).route_dest).toBe('${var.cidr}');
  });
});

describe('addPolicyRoute', () => {
  test('renders a policy route from source to destination, active and published by default', () => {
    const { stack, gateway, connection } = onGateway();
    const route = connection.addPolicyRoute('10.0.0.0/16', '192.168.0.0/16');
    expect(route.node.path).toBe('stack/Hub/Office/PolicyRoute-10.0.0.0-16-to-192.168.0.0-16');
    expect(route.resource.node.id).toBe('Resource');
    expect(route.sourceCidr).toBe('10.0.0.0/16');
    expect(route.destinationCidr).toBe('192.168.0.0/16');
    expect(route.weight).toBe(RouteWeight.ACTIVE);
    const entry = entryOf(synth(stack), route);
    expect(entry).toEqual({
      vpn_gateway_id: ref('alicloud_vpn_gateway', gateway),
      next_hop: ref('alicloud_vpn_connection', connection),
      route_source: '10.0.0.0/16',
      route_dest: '192.168.0.0/16',
      weight: 100,
      publish_vpc: true,
      depends_on: [`alicloud_vpn_connection.${connection.resource.friendlyUniqueId}`],
    });
  });

  test('STANDBY renders weight 0; publishToVpc false renders false', () => {
    const { stack, connection } = withGatewayId();
    const route = connection.addPolicyRoute('10.0.0.0/16', '192.168.0.0/16', {
      weight: RouteWeight.STANDBY,
      publishToVpc: false,
    });
    expect(route.weight).toBe(RouteWeight.STANDBY);
    expect(entryOf(synth(stack), route)).toMatchObject({ weight: 0, publish_vpc: false });
  });

  test('swapped source and destination are two routes with different ids', () => {
    const { stack, connection } = withGatewayId();
    const a = connection.addPolicyRoute('10.0.0.0/16', '192.168.0.0/16');
    const b = connection.addPolicyRoute('192.168.0.0/16', '10.0.0.0/16');
    expect(b.node.id).toBe('PolicyRoute-192.168.0.0-16-to-10.0.0.0-16');
    expect(a.node.id).not.toBe(b.node.id);
    expect(Object.keys(synth(stack).resource.alicloud_vpn_pbr_route_entry)).toHaveLength(2);
  });

  test('a route and a policy route to one destination do not collide', () => {
    const { stack, connection } = withGatewayId();
    const route = connection.addRoute('192.168.0.0/16');
    const policy = connection.addPolicyRoute('10.0.0.0/16', '192.168.0.0/16');
    const json = synth(stack);
    expect(entryOf(json, route).route_dest).toBe('192.168.0.0/16');
    expect(entryOf(json, policy).route_dest).toBe('192.168.0.0/16');
  });

  test.each<[string, (v: string) => [string, string]]>([
    ['source', (v) => [v, '192.168.0.0/16']],
    ['destination', (v) => ['10.0.0.0/16', v]],
  ])('a %s CIDR token needs options.id, and works with one', (_d, cidrs) => {
    const { stack, connection } = withGatewayId();
    const cidr = new TerraformVariable(stack, 'cidr', { type: 'string' });
    const [source, destination] = cidrs(cidr.stringValue);
    const message = errorOf(() => connection.addPolicyRoute(source, destination));
    expect(message).toMatch(/^IpsecVpnConnection\.addPolicyRoute at 'stack\/Conn' has invalid props/);
    expect(message).toContain('`id` [ROUTE_ID_REQUIRED]');
    const route = connection.addPolicyRoute(source, destination, { id: 'FromVariable' });
    const entry = entryOf(synth(stack), route);
    expect([entry.route_source, entry.route_dest]).toContain('${var.cidr}');
  });

  test('a policy route to a destination the docs advise against is created, with a warning', () => {
    const { stack, connection } = withGatewayId();
    const route = connection.addPolicyRoute('10.0.0.0/16', '0.0.0.0/0');
    expect(route.node.id).toBe('PolicyRoute-10.0.0.0-16-to-0.0.0.0-0');
    expect(entryOf(synth(stack), route).route_dest).toBe('0.0.0.0/0');
    const warnings = warningsOf(stack, 'PSK_LITERAL');
    expect(warnings).toEqual([expect.stringContaining('`destinationCidr` [POLICY_ROUTE_DESTINATION_ADVISED]')]);
    expect(route.node.metadata.filter((m) => m.type === '@cdktf/warn')).toHaveLength(1);
  });

  test.each(['100.64.0.0/10', '100.64.1.0/24', '100.0.0.0/8'])(
    'a policy route to %s is created, with a warning',
    (destination) => {
      const { stack, connection } = withGatewayId();
      connection.addPolicyRoute('10.0.0.0/16', destination);
      expect(warningsOf(stack, 'PSK_LITERAL')).toEqual([expect.stringContaining('[POLICY_ROUTE_DESTINATION_ADVISED]')]);
    },
  );

  test.each(['100.128.0.0/10', '100.63.255.0/24', '192.168.0.0/16'])(
    'a policy route to %s raises no warning',
    (destination) => {
      const { stack, connection } = withGatewayId();
      connection.addPolicyRoute('10.0.0.0/16', destination);
      expect(warningsOf(stack, 'PSK_LITERAL')).toEqual([]);
    },
  );

  test('a policy route from 0.0.0.0/0 is fine', () => {
    const { stack, connection } = withGatewayId();
    const route = connection.addPolicyRoute('0.0.0.0/0', '192.168.0.0/16');
    expect(entryOf(synth(stack), route).route_source).toBe('0.0.0.0/0');
    expect(warningsOf(stack, 'PSK_LITERAL')).toEqual([]);
  });
});

type RouteCase = [description: string, add: (c: IpsecVpnConnection) => unknown, path: string, rule: keyof typeof RULES];

/** Failures of the route itself: reported by `VpnRoute` / `VpnPolicyRoute` at the route's path. */
const routeFailures: RouteCase[] = [
  ...['0.0.0.0/0', '100.64.0.0/10', '100.64.1.0/24', '100.0.0.0/8', '64.0.0.0/2', '100.127.255.255/32'].map(
    (cidr): RouteCase => [
      `a destination route to ${cidr}`,
      (c) => c.addRoute(cidr),
      'destinationCidr',
      'ROUTE_DESTINATION_FORBIDDEN',
    ],
  ),
  ...['192.168.0.0', 'office', '192.168.0.0/33', '192.168.0.256/24', '192.168.00.0/24', ' 192.168.0.0/16', ''].map(
    (cidr): RouteCase => [
      `the destination ${JSON.stringify(cidr)}`,
      (c) => c.addRoute(cidr, { id: 'R' }),
      'destinationCidr',
      'ROUTE_CIDR_INVALID',
    ],
  ),
  ['a destination with host bits', (c) => c.addRoute('192.168.0.1/16'), 'destinationCidr', 'ROUTE_CIDR_INVALID'],
  [
    'a policy source with host bits',
    (c) => c.addPolicyRoute('10.0.0.1/16', '192.168.0.0/16'),
    'sourceCidr',
    'ROUTE_CIDR_INVALID',
  ],
  [
    'a policy destination with host bits',
    (c) => c.addPolicyRoute('10.0.0.0/16', '192.168.1.0/16'),
    'destinationCidr',
    'ROUTE_CIDR_INVALID',
  ],
  [
    'a policy source that is not a CIDR',
    (c) => c.addPolicyRoute('10.0.0.0', '192.168.0.0/16'),
    'sourceCidr',
    'ROUTE_CIDR_INVALID',
  ],
  ['a numeric destination', (c) => c.addRoute(42 as any), 'destinationCidr', 'TYPE_INVALID'],
];

/** Failures of the options: reported by `addRoute` / `addPolicyRoute` at the connection's path. */
const optionFailures: RouteCase[] = [
  ['an empty id', (c) => c.addRoute('192.168.0.0/16', { id: '' }), 'id', 'ROUTE_ID_REQUIRED'],
  ['an id with a "/"', (c) => c.addRoute('192.168.0.0/16', { id: 'a/b' }), 'id', 'ROUTE_ID_REQUIRED'],
  ['an unknown option', (c) => c.addRoute('192.168.0.0/16', { name: 'x' } as VpnRouteOptions), 'name', 'PROP_UNKNOWN'],
  [
    'publishToVpc as a string',
    (c) => c.addRoute('192.168.0.0/16', { publishToVpc: 'yes' as any }),
    'publishToVpc',
    'TYPE_INVALID',
  ],
  ['a weight as a number', (c) => c.addRoute('192.168.0.0/16', { weight: 100 as any }), 'weight', 'TYPE_INVALID'],
  ['a bad weight', (c) => c.addRoute('192.168.0.0/16', { weight: 'primary' as any }), 'weight', 'ENUM_VALUE_INVALID'],
  ['options that are not an object', (c) => c.addRoute('192.168.0.0/16', 'R' as any), 'props', 'TYPE_INVALID'],
];

describe('validation', () => {
  test.each(routeFailures)('rejects %s', (_description, add, path, rule) => {
    const { connection } = withGatewayId();
    const message = errorOf(() => add(connection));
    expect(message).toMatch(/^Vpn(Policy)?Route at 'stack\/Conn\/[^']+' has invalid props \(\d+ problems?\):\n/);
    expect(message).toContain(`\`${path}\` [${rule}]`);
  });

  test.each(optionFailures)('rejects %s', (_description, add, path, rule) => {
    const { connection } = withGatewayId();
    const message = errorOf(() => add(connection));
    expect(message).toMatch(/^IpsecVpnConnection\.addRoute at 'stack\/Conn' has invalid props \(\d+ problems?\):\n/);
    expect(message).toContain(`\`${path}\` [${rule}]`);
  });

  test('the forbidden destination error names the route path and the block', () => {
    const { connection } = withGatewayId();
    const message = errorOf(() => connection.addRoute('100.0.0.0/8'));
    expect(message.split('\n')[0]).toBe("VpnRoute at 'stack/Conn/Route-100.0.0.0-8' has invalid props (1 problem):");
    expect(message).toContain('("100.0.0.0/8") must neither lie in nor contain 100.64.0.0/10');
  });

  test('the host-bits error gives the network form', () => {
    const { connection } = withGatewayId();
    expect(errorOf(() => connection.addRoute('192.168.0.1/16'))).toContain(
      'must be written in network form, got "192.168.0.1/16"; use "192.168.0.0/16".',
    );
  });

  test('lists every problem of a policy route in one error', () => {
    const { stack, connection } = withGatewayId();
    let thrown: unknown;
    try {
      new VpnPolicyRoute(stack, 'Bad', {
        connection,
        sourceCidr: '10.0.0.1/16',
        destinationCidr: 'nowhere',
        weight: 'primary' as RouteWeight,
      });
    } catch (e) {
      thrown = e;
    }
    expect(ValidationErrors.findingsOf(thrown)!.map((f) => `${f.path} ${f.ruleId}`)).toEqual([
      'sourceCidr ROUTE_CIDR_INVALID',
      'destinationCidr ROUTE_CIDR_INVALID',
      'weight ENUM_VALUE_INVALID',
    ]);
  });

  test('creates no route entry when the route is invalid', () => {
    const { stack, connection } = withGatewayId();
    expect(() => connection.addRoute('0.0.0.0/0')).toThrow(Error);
    expect(synth(stack).resource.alicloud_vpn_route_entry).toBeUndefined();
  });
});

describe('validation boundaries (accepted)', () => {
  test.each([
    '100.128.0.0/10',
    '100.63.255.0/24',
    '100.128.0.0/32',
    '100.63.255.255/32',
    '128.0.0.0/1',
    '1.0.0.0/8',
    '192.168.0.1/32',
    '203.0.113.0/24',
  ])('accepts a destination route to %s', (cidr) => {
    const { stack, connection } = withGatewayId();
    const route = connection.addRoute(cidr);
    expect(route.node.id).toBe(`Route-${cidr.replace('/', '-')}`);
    expect(entryOf(synth(stack), route).route_dest).toBe(cidr);
    expect(warningsOf(stack, 'PSK_LITERAL')).toEqual([]);
  });

  test('accepts an id that only looks odd', () => {
    const { connection } = withGatewayId();
    expect(connection.addRoute('192.168.0.0/16', { id: 'to the DC (primary)' }).node.id).toBe('to the DC (primary)');
  });
});

describe('VpnRoute and VpnPolicyRoute constructed directly', () => {
  test('a VpnRoute in any scope renders the connection as its next hop', () => {
    const { stack, gateway, connection } = onGateway();
    const route = new VpnRoute(stack, 'ToDc', { connection, destinationCidr: '198.51.100.0/24' });
    expect(route.node.path).toBe('stack/ToDc');
    expect(entryOf(synth(stack), route)).toMatchObject({
      vpn_gateway_id: ref('alicloud_vpn_gateway', gateway),
      next_hop: ref('alicloud_vpn_connection', connection),
      route_dest: '198.51.100.0/24',
      weight: 100,
      publish_vpc: true,
    });
  });

  test('a VpnPolicyRoute with weight and publishToVpc', () => {
    const { stack, connection } = withGatewayId();
    const props: VpnPolicyRouteProps = {
      connection,
      sourceCidr: '10.0.0.0/16',
      destinationCidr: '203.0.113.0/24',
      weight: RouteWeight.STANDBY,
      publishToVpc: false,
    };
    const route = new VpnPolicyRoute(stack, 'Policy', props);
    expect(entryOf(synth(stack), route)).toMatchObject({
      vpn_gateway_id: 'vpn-single0001',
      next_hop: ref('alicloud_vpn_connection', connection),
      route_source: '10.0.0.0/16',
      route_dest: '203.0.113.0/24',
      weight: 0,
      publish_vpc: false,
    });
  });

  test.each<[string, (stack: TerraformStack) => unknown]>([
    [
      'a construct with a connectionId',
      (stack) => Object.assign(new Construct(stack, 'Fake'), { connectionId: 'vco-1' }),
    ],
    ['a plain object with a connectionId', () => ({ connectionId: 'vco-1' })],
    ['a string', () => 'vco-1'],
    ['the VpnGateway', (stack) => new VpnGateway(stack, 'Other', { vpcId: 'vpc-1', bandwidth: 10 })],
  ])('a connection that is not an IpsecVpnConnection (%s) is refused', (_d, connection) => {
    const stack = newStack();
    const props = { connection: connection(stack), destinationCidr: '192.168.0.0/16' } as unknown as VpnRouteProps;
    const message = errorOf(() => new VpnRoute(stack, 'Route', props));
    expect(message).toMatch(/^VpnRoute at 'stack\/Route' has invalid props \(1 problem\):\n/);
    expect(message).toContain('`connection` [TYPE_INVALID]');
  });

  test('a policy route with a fake connection is refused too', () => {
    const stack = newStack();
    const fake = Object.assign(new Construct(stack, 'Fake'), { connectionId: 'vco-1' });
    const message = errorOf(
      () =>
        new VpnPolicyRoute(stack, 'Policy', {
          connection: fake as unknown as IpsecVpnConnection,
          sourceCidr: '10.0.0.0/16',
          destinationCidr: '192.168.0.0/16',
        }),
    );
    expect(message).toMatch(/^VpnPolicyRoute at 'stack\/Policy' has invalid props/);
    expect(message).toContain('`connection` [TYPE_INVALID]');
  });

  test.each<[string, Record<string, unknown>, string, keyof typeof RULES]>([
    ['a missing connection', { destinationCidr: '192.168.0.0/16' }, 'connection', 'REQUIRED_PROP_MISSING'],
    ['a missing destination', { connection: 'CONNECTION' }, 'destinationCidr', 'REQUIRED_PROP_MISSING'],
    [
      'an unknown prop',
      { connection: 'CONNECTION', destinationCidr: '192.168.0.0/16', nextHop: 'x' },
      'nextHop',
      'PROP_UNKNOWN',
    ],
    [
      'a sourceCidr on a VpnRoute',
      { connection: 'CONNECTION', destinationCidr: '192.168.0.0/16', sourceCidr: '10.0.0.0/16' },
      'sourceCidr',
      'PROP_UNKNOWN',
    ],
  ])('rejects %s', (_d, raw, path, rule) => {
    const { stack, connection } = withGatewayId();
    const props = { ...raw, ...(raw.connection === 'CONNECTION' ? { connection } : {}) } as unknown as VpnRouteProps;
    const message = errorOf(() => new VpnRoute(stack, 'Route', props));
    expect(message).toMatch(/^VpnRoute at 'stack\/Route' has invalid props/);
    expect(message).toContain(`\`${path}\` [${rule}]`);
  });

  test('a missing source on a VpnPolicyRoute', () => {
    const { stack, connection } = withGatewayId();
    const props = { connection, destinationCidr: '192.168.0.0/16' } as VpnPolicyRouteProps;
    expect(errorOf(() => new VpnPolicyRoute(stack, 'Policy', props))).toContain('`sourceCidr` [REQUIRED_PROP_MISSING]');
  });
});

describe('taken construct ids', () => {
  test('the same route twice on one connection is ROUTE_DUPLICATE at once, with the library error', () => {
    const { connection } = withGatewayId();
    connection.addRoute('192.168.0.0/16');
    expect(errorOf(() => connection.addRoute('192.168.0.0/16', { weight: RouteWeight.STANDBY }))).toMatch(
      /^IpsecVpnConnection\.addRoute at 'stack\/Conn' has invalid props \(1 problem\):\n {2}- `destinationCidr` \[ROUTE_DUPLICATE\] is routed to this connection already \('stack\/Conn\/Route-192\.168\.0\.0-16'\)/,
    );
  });

  test('an id taken by another construct of the connection is ROUTE_ID_REQUIRED', () => {
    const { connection } = withGatewayId();
    expect(errorOf(() => connection.addPolicyRoute('10.0.0.0/16', '192.168.0.0/16', { id: 'Resource' }))).toContain(
      '`options.id` [ROUTE_ID_REQUIRED] ("Resource") is the id of another construct of this connection (\'stack/Conn/Resource\')',
    );
  });
});

describe('tokens', () => {
  test('publishToVpc from a boolean variable renders the reference', () => {
    const { stack, connection } = withGatewayId();
    const publish = new TerraformVariable(stack, 'publish', { type: 'bool' });
    const route = connection.addRoute('192.168.0.0/16', { publishToVpc: publish.booleanValue as unknown as boolean });
    expect(entryOf(synth(stack), route).publish_vpc).toBe('${var.publish}');
  });

  // a weight token cannot be mapped to 100 / 0 at synth: it is refused, not rendered as standby
  test('a weight token is refused rather than rendered as standby', () => {
    const { stack, connection } = withGatewayId();
    const weight = new TerraformVariable(stack, 'weight', { type: 'string' });
    const message = errorOf(() => connection.addRoute('192.168.0.0/16', { weight: weight.stringValue as RouteWeight }));
    expect(message).toContain('`weight` [TYPE_INVALID]');
    const direct = errorOf(
      () =>
        new VpnRoute(stack, 'Direct', {
          connection,
          destinationCidr: '192.168.0.0/16',
          weight: weight.stringValue as RouteWeight,
        }),
    );
    expect(direct).toContain('`weight` [TYPE_INVALID]');
  });
});
