/**
 * The rules between resources (FLEET_RULES, checked when the app is synthesized) and the serialized
 * changes on each VPN gateway (the `depends_on` chain).
 */
import * as fs from 'fs';
import * as path from 'path';
import { App, TerraformOutput, TerraformStack, TerraformVariable, Testing } from 'cdktf';
import { Construct, IConstruct } from 'constructs';
import {
  alicloud,
  BgpConfig,
  CustomerGateway,
  DhGroup,
  ICustomerGateway,
  IpsecVpnConnection,
  IpsecVpnConnectionOptions,
  RouteWeight,
  TunnelMode,
  TunnelRole,
  VpnGateway,
  VpnGatewayNetworkType,
  VpnGatewayProps,
  VpnPolicyRoute,
  VpnRoute,
} from '../src';
import { errorOf, warningsOf } from './support/fixtures';

const PSK_A = 'Fleet-Psk-a1b2c3d4';
const PSK_B = 'Fleet-Psk-e5f6a7b8';
const VPC = 'vpc-fleet0001';

// ---------------------------------------------------------------- helpers

/** A stack with the provider, as validation wants it. */
function newStack(app: App = Testing.app(), id = 'test'): TerraformStack {
  const stack = new TerraformStack(app, id);
  new alicloud.provider.AlicloudProvider(stack, 'alicloud', {});
  return stack;
}

function singleGateway(scope: IConstruct, id = 'Hub', props: Partial<VpnGatewayProps> = {}): VpnGateway {
  return new VpnGateway(scope as TerraformStack, id, { vpcId: VPC, bandwidth: 200, ...props });
}

function dualGateway(scope: IConstruct, id = 'Hub', props: Partial<VpnGatewayProps> = {}): VpnGateway {
  return new VpnGateway(scope as TerraformStack, id, {
    vpcId: VPC,
    bandwidth: 200,
    vswitchId: 'vsw-zonea0001',
    disasterRecoveryVswitchId: 'vsw-zoneb0001',
    ...props,
  });
}

function customerGateway(scope: IConstruct, id = 'Cpe', ipAddress = '203.0.113.10', asn?: number): CustomerGateway {
  return new CustomerGateway(scope as TerraformStack, id, { ipAddress, ...(asn !== undefined ? { asn } : {}) });
}

/** `169.254.10.0/30` → its BGP settings with the first host as the local address. */
function bgp(tunnelCidr: string): BgpConfig {
  const [network] = tunnelCidr.split('/');
  const octets = network.split('.');
  return { tunnelCidr, localBgpIp: `${octets.slice(0, 3).join('.')}.${Number(octets[3]) + 1}` };
}

/** Single-tunnel options: one customer gateway, a literal key. */
function single(cgw: ICustomerGateway, extra: Partial<IpsecVpnConnectionOptions> = {}): IpsecVpnConnectionOptions {
  return {
    customerGateway: cgw,
    localSubnets: ['10.0.0.0/16'],
    remoteSubnets: ['192.0.2.0/24'],
    ikeConfig: { preSharedKey: PSK_A },
    ...extra,
  };
}

interface DualSpec {
  readonly cidrs?: [string, string];
  readonly dhGroups?: [DhGroup, DhGroup];
  readonly keys?: [string, string];
}

/** Dual-tunnel options: master on `master`, slave on `slave`, BGP when `cidrs` are given. */
function dual(
  master: ICustomerGateway,
  slave: ICustomerGateway,
  spec: DualSpec = {},
  extra: Partial<IpsecVpnConnectionOptions> = {},
): IpsecVpnConnectionOptions {
  const tunnel = (i: 0 | 1, role: TunnelRole, cgw: ICustomerGateway) => ({
    role,
    customerGateway: cgw,
    ikeConfig: {
      preSharedKey: spec.keys?.[i] ?? PSK_A,
      ...(spec.dhGroups ? { dhGroup: spec.dhGroups[i] } : {}),
    },
    ...(spec.cidrs ? { bgpConfig: bgp(spec.cidrs[i]) } : {}),
  });
  return {
    localSubnets: ['10.0.0.0/16'],
    remoteSubnets: ['198.51.100.0/24'],
    tunnels: [tunnel(0, TunnelRole.MASTER, master), tunnel(1, TunnelRole.SLAVE, slave)],
    ...extra,
  };
}

/** The message of the validation error of `Testing.synth(stack, true)`. */
function synthError(stack: TerraformStack): string {
  return errorOf(() => Testing.synth(stack, true));
}

const FINDING = /^\[([^\]]+)\] `([^`]*)` \[([A-Z0-9_]+)\] (.*)$/;

interface Line {
  readonly constructPath: string;
  readonly propPath: string;
  readonly rule: string;
  readonly text: string;
}

/** The findings of a validation error, one per line. */
function findings(message: string): Line[] {
  return message
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l.startsWith('['))
    .map((l) => {
      const m = FINDING.exec(l);
      if (m === null) throw new Error(`not a finding line: ${l}`);
      return { constructPath: m[1], propPath: m[2], rule: m[3], text: l };
    });
}

/** The one finding of `rule` on `constructPath` at `propPath`; fails with the message otherwise. */
function finding(message: string, constructPath: string, propPath: string, rule: string): string {
  const lines = findings(message).filter(
    (f) => f.constructPath === constructPath && f.propPath === propPath && f.rule === rule,
  );
  if (lines.length !== 1) {
    throw new Error(`expected one [${constructPath}] \`${propPath}\` [${rule}], got ${lines.length} in:\n${message}`);
  }
  return lines[0].text;
}

/** Synthesizes with validations; fails with the message if anything is refused. */
function synthValid(stack: TerraformStack): Record<string, any> {
  let text: string;
  try {
    text = Testing.synth(stack, true);
  } catch (e) {
    throw new Error(`expected a valid fleet, got: ${(e as Error).message}`);
  }
  return JSON.parse(text);
}

const FLEET_WARNINGS = [
  'CUSTOMER_GATEWAY_IP_NETWORK_TYPE',
  'ROUTE_ACTIVE_ACTIVE',
  'ROUTE_WEIGHT_ON_DUAL_TUNNEL_GATEWAY',
];

/** The fleet warnings annotated in a stack (after a validating synth). */
function fleetWarnings(stack: TerraformStack): string[] {
  return warningsOf(stack).filter((w) => FLEET_WARNINGS.some((r) => w.includes(`[${r}]`)));
}

/** The fleet warnings annotated on one construct. */
function warningsOn(construct: IConstruct): string[] {
  return construct.node.metadata
    .filter((m) => m.type === '@cdktf/warn')
    .flatMap((m) => String(m.data).split('\n'))
    .filter((w) => FLEET_WARNINGS.some((r) => w.includes(`[${r}]`)));
}

/** The `depends_on` of a construct's resource in a synthesized document. */
function dependsOn(json: Record<string, any>, resource: { terraformResourceType: string; friendlyUniqueId: string }) {
  return json.resource[resource.terraformResourceType][resource.friendlyUniqueId].depends_on as string[] | undefined;
}

const fqn = (resource: { terraformResourceType: string; friendlyUniqueId: string }) =>
  `${resource.terraformResourceType}.${resource.friendlyUniqueId}`;

// ---------------------------------------------------------------- rules

describe('GATEWAY_MODE_MISMATCH', () => {
  test('fails for a single-tunnel connection on a dual-tunnel gateway, naming the gateway', () => {
    const stack = newStack();
    const hub = dualGateway(stack);
    hub.addConnection('Office', single(customerGateway(stack)));
    const line = finding(synthError(stack), 'test/Hub/Office', 'customerGateway', 'GATEWAY_MODE_MISMATCH');
    expect(line).toContain("'test/Hub'");
    expect(line).toContain('dual-tunnel');
  });

  test('fails for a dual-tunnel connection on a single-tunnel gateway', () => {
    const stack = newStack();
    const hub = singleGateway(stack);
    const a = customerGateway(stack, 'A', '203.0.113.10');
    const b = customerGateway(stack, 'B', '203.0.113.20');
    hub.addConnection('Dc', dual(a, b));
    const line = finding(synthError(stack), 'test/Hub/Dc', 'tunnels', 'GATEWAY_MODE_MISMATCH');
    expect(line).toContain("'test/Hub'");
  });

  test('passes for matching modes, each way', () => {
    const stack = newStack();
    const office = customerGateway(stack);
    singleGateway(stack, 'Single').addConnection('Office', single(office));
    const a = customerGateway(stack, 'A', '203.0.113.20');
    const b = customerGateway(stack, 'B', '203.0.113.30');
    dualGateway(stack, 'Dual').addConnection('Dc', dual(a, b));
    synthValid(stack);
  });

  test('fails against an imported gateway whose tunnelMode is given, naming the imported construct', () => {
    const stack = newStack();
    const imported = VpnGateway.fromGatewayAttributes(stack, 'Existing', {
      gatewayId: 'vpn-existing0001',
      tunnelMode: TunnelMode.DUAL,
    });
    new IpsecVpnConnection(stack, 'Office', { vpnGateway: imported, ...single(customerGateway(stack)) });
    const line = finding(synthError(stack), 'test/Office', 'customerGateway', 'GATEWAY_MODE_MISMATCH');
    expect(line).toContain("'test/Existing'");
  });

  test('passes against an imported gateway with the same tunnelMode', () => {
    const stack = newStack();
    const imported = VpnGateway.fromGatewayAttributes(stack, 'Existing', {
      gatewayId: 'vpn-existing0001',
      tunnelMode: TunnelMode.SINGLE,
    });
    new IpsecVpnConnection(stack, 'Office', { vpnGateway: imported, ...single(customerGateway(stack)) });
    synthValid(stack);
  });

  test('checks a literal vpnGatewayId against the imported gateway of that id', () => {
    const stack = newStack();
    VpnGateway.fromGatewayAttributes(stack, 'Existing', { gatewayId: 'vpn-existing0001', tunnelMode: TunnelMode.DUAL });
    new IpsecVpnConnection(stack, 'Office', { vpnGatewayId: 'vpn-existing0001', ...single(customerGateway(stack)) });
    const line = finding(synthError(stack), 'test/Office', 'customerGateway', 'GATEWAY_MODE_MISMATCH');
    expect(line).toContain("'test/Existing'");
  });

  test('does not check against an imported gateway without tunnelMode (unknown), either mode', () => {
    const stack = newStack();
    const imported = VpnGateway.fromGatewayAttributes(stack, 'Existing', { gatewayId: 'vpn-existing0001' });
    const single1 = new IpsecVpnConnection(stack, 'Office', {
      vpnGateway: imported,
      ...single(customerGateway(stack)),
    });
    const a = customerGateway(stack, 'A', '203.0.113.20');
    const b = customerGateway(stack, 'B', '203.0.113.30');
    const imported2 = VpnGateway.fromGatewayAttributes(stack, 'Existing2', { gatewayId: 'vpn-existing0002' });
    new IpsecVpnConnection(stack, 'Dc', { vpnGateway: imported2, ...dual(a, b) });
    synthValid(stack);
    expect(single1.tunnelMode).toBe(TunnelMode.SINGLE);
  });

  test('names the prop the user wrote: customerGatewayId', () => {
    const stack = newStack();
    const hub = dualGateway(stack);
    hub.addConnection('Office', {
      ...single(customerGateway(stack)),
      customerGateway: undefined,
      customerGatewayId: 'cgw-office0001',
    });
    finding(synthError(stack), 'test/Hub/Office', 'customerGatewayId', 'GATEWAY_MODE_MISMATCH');
  });

  test('a gateway given as the token of a VpnGateway is checked like the object', () => {
    const stack = newStack();
    const hub = dualGateway(stack);
    new IpsecVpnConnection(stack, 'Office', { vpnGatewayId: hub.gatewayId, ...single(customerGateway(stack)) });
    const line = finding(synthError(stack), 'test/Office', 'customerGateway', 'GATEWAY_MODE_MISMATCH');
    expect(line).toContain("'test/Hub'");
  });
});

describe('TUNNEL_CIDR_NOT_UNIQUE_ON_GATEWAY', () => {
  test('fails for two single-tunnel connections with one tunnel CIDR, naming the earlier one', () => {
    const stack = newStack();
    const hub = singleGateway(stack);
    const a = customerGateway(stack, 'A', '203.0.113.10', 65010);
    const b = customerGateway(stack, 'B', '203.0.113.20', 65020);
    hub.addConnection('One', single(a, { bgpConfig: bgp('169.254.10.0/30') }));
    hub.addConnection('Two', single(b, { bgpConfig: bgp('169.254.10.0/30') }));
    const line = finding(
      synthError(stack),
      'test/Hub/Two',
      'bgpConfig.tunnelCidr',
      'TUNNEL_CIDR_NOT_UNIQUE_ON_GATEWAY',
    );
    expect(line).toContain("'test/Hub/One'");
    expect(line).toContain('169.254.10.0/30');
  });

  test('fails for two dual-tunnel connections sharing a tunnel CIDR across roles', () => {
    const stack = newStack();
    const hub = dualGateway(stack);
    const a = customerGateway(stack, 'A', '203.0.113.10', 65010);
    const b = customerGateway(stack, 'B', '203.0.113.20', 65020);
    hub.addConnection('One', dual(a, b, { cidrs: ['169.254.10.0/30', '169.254.20.0/30'] }));
    hub.addConnection(
      'Two',
      dual(a, b, { cidrs: ['169.254.30.0/30', '169.254.10.0/30'] }, { remoteSubnets: ['198.51.101.0/24'] }),
    );
    const line = finding(
      synthError(stack),
      'test/Hub/Two',
      'tunnels[1].bgpConfig.tunnelCidr',
      'TUNNEL_CIDR_NOT_UNIQUE_ON_GATEWAY',
    );
    expect(line).toContain("'test/Hub/One'");
    expect(line).toContain('tunnels[0].bgpConfig.tunnelCidr');
  });

  test('fails for a single-tunnel and a dual-tunnel connection on one (imported, mode unknown) gateway', () => {
    const stack = newStack();
    const gw = VpnGateway.fromGatewayAttributes(stack, 'Existing', { gatewayId: 'vpn-existing0001' });
    const a = customerGateway(stack, 'A', '203.0.113.10', 65010);
    const b = customerGateway(stack, 'B', '203.0.113.20', 65020);
    const c = customerGateway(stack, 'C', '203.0.113.30', 65030);
    new IpsecVpnConnection(stack, 'A1', {
      vpnGateway: gw,
      ...dual(a, b, { cidrs: ['169.254.10.0/30', '169.254.20.0/30'] }),
    });
    new IpsecVpnConnection(stack, 'B1', { vpnGateway: gw, ...single(c, { bgpConfig: bgp('169.254.20.0/30') }) });
    const line = finding(synthError(stack), 'test/B1', 'bgpConfig.tunnelCidr', 'TUNNEL_CIDR_NOT_UNIQUE_ON_GATEWAY');
    expect(line).toContain("'test/A1'");
  });

  test('passes for distinct tunnel CIDRs on one gateway', () => {
    const stack = newStack();
    const hub = singleGateway(stack);
    const a = customerGateway(stack, 'A', '203.0.113.10', 65010);
    const b = customerGateway(stack, 'B', '203.0.113.20', 65020);
    hub.addConnection('One', single(a, { bgpConfig: bgp('169.254.10.0/30') }));
    hub.addConnection('Two', single(b, { bgpConfig: bgp('169.254.20.0/30') }));
    synthValid(stack);
  });

  test('passes for one tunnel CIDR on two different gateways', () => {
    const stack = newStack();
    const office = customerGateway(stack, 'A', '203.0.113.10', 65010);
    singleGateway(stack, 'Hub1').addConnection('One', single(office, { bgpConfig: bgp('169.254.10.0/30') }));
    singleGateway(stack, 'Hub2').addConnection('One', single(office, { bgpConfig: bgp('169.254.10.0/30') }));
    synthValid(stack);
  });

  test('skips a tunnel CIDR that stays unknown (a variable), even when both connections use it', () => {
    const stack = newStack();
    const hub = singleGateway(stack);
    const cidr = new TerraformVariable(stack, 'tunnel_cidr', { type: 'string' });
    const a = customerGateway(stack, 'A', '203.0.113.10', 65010);
    const b = customerGateway(stack, 'B', '203.0.113.20', 65020);
    hub.addConnection('One', single(a, { bgpConfig: { tunnelCidr: cidr.stringValue, localBgpIp: '169.254.10.1' } }));
    hub.addConnection('Two', single(b, { bgpConfig: { tunnelCidr: cidr.stringValue, localBgpIp: '169.254.10.1' } }));
    synthValid(stack);
  });
});

describe('SAME_CGW_IKE_MISMATCH', () => {
  test('fails for a different dhGroup on one gateway and customer gateway, naming the earlier connection', () => {
    const stack = newStack();
    const hub = singleGateway(stack);
    const office = customerGateway(stack);
    hub.addConnection('One', single(office));
    hub.addConnection(
      'Two',
      single(office, {
        remoteSubnets: ['198.51.100.0/24'],
        ikeConfig: { preSharedKey: PSK_A, dhGroup: DhGroup.GROUP5 },
      }),
    );
    const line = finding(synthError(stack), 'test/Hub/Two', 'ikeConfig', 'SAME_CGW_IKE_MISMATCH');
    expect(line).toContain("'test/Hub/One'");
    expect(line).toContain('dhGroup');
  });

  test('fails for different pre-shared keys without showing either key', () => {
    const stack = newStack();
    const hub = singleGateway(stack);
    const office = customerGateway(stack);
    hub.addConnection('One', single(office));
    hub.addConnection(
      'Two',
      single(office, { remoteSubnets: ['198.51.100.0/24'], ikeConfig: { preSharedKey: PSK_B } }),
    );
    const message = synthError(stack);
    const line = finding(message, 'test/Hub/Two', 'ikeConfig', 'SAME_CGW_IKE_MISMATCH');
    expect(line).toContain('preSharedKey');
    expect(line).toContain("'test/Hub/One'");
    expect(message).not.toContain(PSK_A);
    expect(message).not.toContain(PSK_B);
  });

  test('fails for two keys Alibaba Cloud generates (no preSharedKey on either)', () => {
    const stack = newStack();
    const hub = singleGateway(stack);
    const office = customerGateway(stack);
    hub.addConnection('One', single(office, { ikeConfig: undefined }));
    hub.addConnection('Two', single(office, { remoteSubnets: ['198.51.100.0/24'], ikeConfig: undefined }));
    const line = finding(synthError(stack), 'test/Hub/Two', 'ikeConfig', 'SAME_CGW_IKE_MISMATCH');
    expect(line).toContain('preSharedKey');
  });

  test('passes for identical IKE settings and key', () => {
    const stack = newStack();
    const hub = singleGateway(stack);
    const office = customerGateway(stack);
    const ike = { preSharedKey: PSK_A, dhGroup: DhGroup.GROUP14 };
    hub.addConnection('One', single(office, { ikeConfig: ike }));
    // the defaults written out are the same settings
    hub.addConnection(
      'Two',
      single(office, { remoteSubnets: ['198.51.100.0/24'], ikeConfig: { preSharedKey: PSK_A } }),
    );
    synthValid(stack);
  });

  test('passes for different settings towards different customer gateways', () => {
    const stack = newStack();
    const hub = singleGateway(stack);
    hub.addConnection('One', single(customerGateway(stack, 'A', '203.0.113.10')));
    hub.addConnection(
      'Two',
      single(customerGateway(stack, 'B', '203.0.113.20'), {
        ikeConfig: { preSharedKey: PSK_B, dhGroup: DhGroup.GROUP5 },
      }),
    );
    synthValid(stack);
  });

  test('passes for different settings on one customer gateway but different VPN gateways', () => {
    const stack = newStack();
    const office = customerGateway(stack);
    singleGateway(stack, 'Hub1').addConnection('One', single(office));
    singleGateway(stack, 'Hub2').addConnection('One', single(office, { ikeConfig: { preSharedKey: PSK_B } }));
    synthValid(stack);
  });

  test('passes for the two tunnels of one dual-tunnel connection on one customer gateway with different settings', () => {
    const stack = newStack();
    const hub = dualGateway(stack);
    const dc = customerGateway(stack, 'Dc', '203.0.113.10', 65010);
    hub.addConnection(
      'Dc',
      dual(dc, dc, {
        cidrs: ['169.254.10.0/30', '169.254.20.0/30'],
        keys: [PSK_A, PSK_B],
        dhGroups: [DhGroup.GROUP14, DhGroup.GROUP5],
      }),
    );
    synthValid(stack);
  });

  test('fails between tunnels of two dual-tunnel connections on one customer gateway', () => {
    const stack = newStack();
    const hub = dualGateway(stack);
    const a = customerGateway(stack, 'A', '203.0.113.10');
    const b = customerGateway(stack, 'B', '203.0.113.20');
    const c = customerGateway(stack, 'C', '203.0.113.30');
    hub.addConnection('One', dual(a, b));
    hub.addConnection('Two', dual(c, b, { keys: [PSK_A, PSK_B] }, { remoteSubnets: ['198.51.101.0/24'] }));
    const line = finding(synthError(stack), 'test/Hub/Two', 'tunnels[1].ikeConfig', 'SAME_CGW_IKE_MISMATCH');
    expect(line).toContain("'test/Hub/One'");
    expect(line).toContain('tunnels[1].ikeConfig');
  });

  test('groups a literal customerGatewayId with the imported customer gateway of that id', () => {
    const stack = newStack();
    const hub = singleGateway(stack);
    const imported = CustomerGateway.fromCustomerGatewayAttributes(stack, 'Existing', {
      customerGatewayId: 'cgw-existing0001',
    });
    hub.addConnection('One', single(imported));
    hub.addConnection('Two', {
      ...single(imported, { remoteSubnets: ['198.51.100.0/24'], ikeConfig: { preSharedKey: PSK_B } }),
      customerGateway: undefined,
      customerGatewayId: 'cgw-existing0001',
    });
    const line = finding(synthError(stack), 'test/Hub/Two', 'ikeConfig', 'SAME_CGW_IKE_MISMATCH');
    expect(line).toContain("'test/Hub/One'");
  });

  test('the outcome does not depend on which connection sorts first', () => {
    const outcome = (first: string, second: string) => {
      const stack = newStack();
      const hub = dualGateway(stack);
      const x = customerGateway(stack, 'X', '203.0.113.10');
      const y = customerGateway(stack, 'Y', '203.0.113.20');
      hub.addConnection(first, dual(x, x, { keys: [PSK_A, PSK_A], dhGroups: [DhGroup.GROUP14, DhGroup.GROUP5] }, {}));
      hub.addConnection(
        second,
        dual(
          x,
          y,
          { keys: [PSK_A, PSK_A], dhGroups: [DhGroup.GROUP14, DhGroup.GROUP14] },
          {
            remoteSubnets: ['198.51.101.0/24'],
          },
        ),
      );
      try {
        Testing.synth(stack, true);
        return [];
      } catch (e) {
        return findings((e as Error).message).map((f) => f.rule);
      }
    };
    // the x/x connection named A (sorts first: passes), then named B (sorts second: fails)
    expect(outcome('B', 'A')).toEqual(outcome('A', 'B'));
  });
});

describe('SAME_CGW_SELECTOR_OVERLAP', () => {
  test('fails for overlapping local × remote flows on one gateway and customer gateway', () => {
    const stack = newStack();
    const hub = singleGateway(stack);
    const office = customerGateway(stack);
    hub.addConnection('One', single(office, { localSubnets: ['10.0.0.0/16'], remoteSubnets: ['192.0.2.0/24'] }));
    hub.addConnection(
      'Two',
      single(office, { localSubnets: ['10.0.1.0/24', '10.9.0.0/16'], remoteSubnets: ['192.0.2.128/25'] }),
    );
    const line = finding(synthError(stack), 'test/Hub/Two', 'localSubnets', 'SAME_CGW_SELECTOR_OVERLAP');
    expect(line).toContain("'test/Hub/One'");
    expect(line).toContain('10.0.1.0/24 → 192.0.2.128/25');
  });

  test('passes when the local subnets overlap but the remote ones are disjoint', () => {
    const stack = newStack();
    const hub = singleGateway(stack);
    const office = customerGateway(stack);
    hub.addConnection('One', single(office, { localSubnets: ['10.0.0.0/16'], remoteSubnets: ['192.0.2.0/25'] }));
    hub.addConnection('Two', single(office, { localSubnets: ['10.0.0.0/16'], remoteSubnets: ['192.0.2.128/25'] }));
    synthValid(stack);
  });

  test('passes for overlapping flows towards different customer gateways', () => {
    const stack = newStack();
    const hub = singleGateway(stack);
    hub.addConnection('One', single(customerGateway(stack, 'A', '203.0.113.10')));
    hub.addConnection('Two', single(customerGateway(stack, 'B', '203.0.113.20')));
    synthValid(stack);
  });

  test('skips subnets that stay unknown', () => {
    const stack = newStack();
    const hub = singleGateway(stack);
    const office = customerGateway(stack);
    const remote = new TerraformVariable(stack, 'remote', { type: 'string' });
    hub.addConnection('One', single(office, { remoteSubnets: [remote.stringValue] }));
    hub.addConnection('Two', single(office, { remoteSubnets: [remote.stringValue] }));
    synthValid(stack);
  });
});

describe('CUSTOMER_GATEWAY_ASN_REQUIRED', () => {
  test('fails for BGP on a single-tunnel connection to a customer gateway without asn', () => {
    const stack = newStack();
    const office = customerGateway(stack);
    singleGateway(stack).addConnection('Office', single(office, { bgpConfig: bgp('169.254.10.0/30') }));
    const line = finding(synthError(stack), 'test/Hub/Office', 'bgpConfig', 'CUSTOMER_GATEWAY_ASN_REQUIRED');
    expect(line).toContain("'test/Cpe'");
  });

  test('fails for BGP on the dual-tunnel tunnel whose customer gateway has no asn (only that one)', () => {
    const stack = newStack();
    const a = customerGateway(stack, 'A', '203.0.113.10', 65010);
    const b = customerGateway(stack, 'B', '203.0.113.20');
    dualGateway(stack).addConnection('Dc', dual(a, b, { cidrs: ['169.254.10.0/30', '169.254.20.0/30'] }));
    const message = synthError(stack);
    const line = finding(message, 'test/Hub/Dc', 'tunnels[1].bgpConfig', 'CUSTOMER_GATEWAY_ASN_REQUIRED');
    expect(line).toContain("'test/B'");
    expect(findings(message)).toHaveLength(1);
  });

  test('passes with an asn, single- and dual-tunnel', () => {
    const stack = newStack();
    const office = customerGateway(stack, 'Office', '203.0.113.10', 65010);
    singleGateway(stack).addConnection('Office', single(office, { bgpConfig: bgp('169.254.10.0/30') }));
    const a = customerGateway(stack, 'A', '203.0.113.20', 65020);
    const b = customerGateway(stack, 'B', '203.0.113.30', 65030);
    dualGateway(stack, 'Dual').addConnection('Dc', dual(a, b, { cidrs: ['169.254.10.0/30', '169.254.20.0/30'] }));
    synthValid(stack);
  });

  test('passes without BGP on a customer gateway without asn', () => {
    const stack = newStack();
    singleGateway(stack).addConnection('Office', single(customerGateway(stack)));
    synthValid(stack);
  });

  test('does not check an imported customer gateway without asn (unknown)', () => {
    const stack = newStack();
    const office = CustomerGateway.fromCustomerGatewayAttributes(stack, 'Existing', {
      customerGatewayId: 'cgw-existing0001',
    });
    singleGateway(stack).addConnection('Office', single(office, { bgpConfig: bgp('169.254.10.0/30') }));
    synthValid(stack);
  });

  test('checks a customer gateway given as its id token like the object', () => {
    const stack = newStack();
    const office = customerGateway(stack);
    singleGateway(stack).addConnection('Office', {
      ...single(office, { bgpConfig: bgp('169.254.10.0/30') }),
      customerGateway: undefined,
      customerGatewayId: office.customerGatewayId,
    });
    const line = finding(synthError(stack), 'test/Hub/Office', 'bgpConfig', 'CUSTOMER_GATEWAY_ASN_REQUIRED');
    expect(line).toContain("'test/Cpe'");
  });
});

describe('CUSTOMER_GATEWAY_IP_DUPLICATE', () => {
  test('fails on the later of two customer gateways with one address, naming the earlier', () => {
    const stack = newStack();
    customerGateway(stack, 'B', '203.0.113.10');
    customerGateway(stack, 'A', '203.0.113.10');
    const line = finding(synthError(stack), 'test/B', 'ipAddress', 'CUSTOMER_GATEWAY_IP_DUPLICATE');
    expect(line).toContain("'test/A'");
  });

  test('passes for different addresses, and for an imported gateway with the address of a created one', () => {
    const stack = newStack();
    customerGateway(stack, 'A', '203.0.113.10');
    customerGateway(stack, 'B', '203.0.113.20');
    CustomerGateway.fromCustomerGatewayAttributes(stack, 'Existing', {
      customerGatewayId: 'cgw-existing0001',
      ipAddress: '203.0.113.10',
    });
    synthValid(stack);
  });

  test('passes for one address in two stacks', () => {
    const app = Testing.app();
    const one = newStack(app, 'one');
    const two = newStack(app, 'two');
    customerGateway(one, 'A', '203.0.113.10');
    customerGateway(two, 'A', '203.0.113.10');
    synthValid(one);
    synthValid(two);
  });
});

describe('CUSTOMER_GATEWAY_IP_NETWORK_TYPE (a warning)', () => {
  test('warns for a private address on a public gateway, and does not fail', () => {
    const stack = newStack();
    const branch = customerGateway(stack, 'Branch', '192.168.50.1');
    const hub = singleGateway(stack);
    const c = hub.addConnection('Branch', single(branch));
    synthValid(stack);
    const warnings = warningsOn(c);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/^`customerGateway` \[CUSTOMER_GATEWAY_IP_NETWORK_TYPE\]/);
    expect(warnings[0]).toContain("'test/Hub'");
    expect(warnings[0]).toContain('192.168.50.1');
  });

  test('warns for a public address on a private gateway', () => {
    const stack = newStack();
    const hub = singleGateway(stack, 'Hub', { networkType: VpnGatewayNetworkType.PRIVATE });
    hub.addConnection('Office', single(customerGateway(stack)));
    synthValid(stack);
    expect(fleetWarnings(stack)).toEqual([expect.stringContaining('[CUSTOMER_GATEWAY_IP_NETWORK_TYPE]')]);
  });

  test('does not warn for matching network types, nor for an imported gateway (type unknown)', () => {
    const stack = newStack();
    const branch = customerGateway(stack, 'Branch', '192.168.50.1');
    singleGateway(stack, 'Private', { networkType: VpnGatewayNetworkType.PRIVATE }).addConnection(
      'Branch',
      single(branch),
    );
    singleGateway(stack, 'Public').addConnection('Office', single(customerGateway(stack)));
    const existing = VpnGateway.fromGatewayAttributes(stack, 'Existing', { gatewayId: 'vpn-existing0001' });
    new IpsecVpnConnection(stack, 'ViaExisting', { vpnGateway: existing, ...single(branch) });
    synthValid(stack);
    expect(fleetWarnings(stack)).toEqual([]);
  });

  test('warns once however often validation runs', () => {
    const stack = newStack();
    const hub = singleGateway(stack);
    const c = hub.addConnection('Branch', single(customerGateway(stack, 'Branch', '192.168.50.1')));
    synthValid(stack);
    synthValid(stack);
    expect(warningsOn(c)).toHaveLength(1);
  });
});

describe('routes', () => {
  test('ROUTE_DUPLICATE: fails for a second route with the same gateway, destination and next hop', () => {
    const stack = newStack();
    const hub = singleGateway(stack);
    const c = hub.addConnection('Office', single(customerGateway(stack)));
    c.addRoute('192.168.0.0/16');
    new VpnRoute(c, 'Again', { connection: c, destinationCidr: '192.168.0.0/16' });
    const line = finding(
      synthError(stack),
      'test/Hub/Office/Route-192.168.0.0-16',
      'destinationCidr',
      'ROUTE_DUPLICATE',
    );
    expect(line).toContain("'test/Hub/Office/Again'");
    expect(line).toContain("'test/Hub/Office'");
  });

  test('ROUTE_DUPLICATE: fails for a duplicate policy route, not for another source', () => {
    const stack = newStack();
    const hub = singleGateway(stack);
    const c = hub.addConnection('Office', single(customerGateway(stack)));
    c.addPolicyRoute('10.0.0.0/16', '192.168.0.0/16');
    c.addPolicyRoute('10.1.0.0/16', '192.168.0.0/16', { weight: RouteWeight.STANDBY });
    new VpnPolicyRoute(c, 'Again', { connection: c, sourceCidr: '10.0.0.0/16', destinationCidr: '192.168.0.0/16' });
    const message = synthError(stack);
    finding(message, 'test/Hub/Office/PolicyRoute-10.0.0.0-16-to-192.168.0.0-16', 'destinationCidr', 'ROUTE_DUPLICATE');
    expect(findings(message)).toHaveLength(1);
  });

  test('passes for one destination through two connections (active/standby), or on two gateways', () => {
    const stack = newStack();
    const hub = singleGateway(stack);
    const a = hub.addConnection('A', single(customerGateway(stack, 'A', '203.0.113.10')));
    const b = hub.addConnection('B', single(customerGateway(stack, 'B', '203.0.113.20')));
    a.addRoute('192.168.0.0/16');
    b.addRoute('192.168.0.0/16', { weight: RouteWeight.STANDBY });
    const other = singleGateway(stack, 'Other').addConnection('C', single(customerGateway(stack, 'C', '203.0.113.30')));
    other.addRoute('192.168.0.0/16');
    synthValid(stack);
    expect(fleetWarnings(stack)).toEqual([]);
  });

  test('ROUTE_ACTIVE_ACTIVE: warns for two active routes to one destination on one gateway', () => {
    const stack = newStack();
    const hub = singleGateway(stack);
    const a = hub.addConnection('A', single(customerGateway(stack, 'A', '203.0.113.10')));
    const b = hub.addConnection('B', single(customerGateway(stack, 'B', '203.0.113.20')));
    a.addRoute('192.168.0.0/16');
    const later = b.addRoute('192.168.0.0/16', { weight: RouteWeight.ACTIVE });
    synthValid(stack);
    const warnings = warningsOn(later);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/^`weight` \[ROUTE_ACTIVE_ACTIVE\]/);
    expect(warnings[0]).toContain("'test/Hub/A/Route-192.168.0.0-16'");
    expect(fleetWarnings(stack)).toHaveLength(1);
  });

  test('ROUTE_WEIGHT_ON_DUAL_TUNNEL_GATEWAY: warns for a standby route on a dual-tunnel gateway', () => {
    const stack = newStack();
    const hub = dualGateway(stack);
    const c = hub.addConnection('Dc', dual(customerGateway(stack, 'A'), customerGateway(stack, 'B', '203.0.113.20')));
    const route = c.addRoute('192.168.0.0/16', { weight: RouteWeight.STANDBY });
    c.addRoute('192.168.1.0/24');
    synthValid(stack);
    const warnings = warningsOn(route);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/^`weight` \[ROUTE_WEIGHT_ON_DUAL_TUNNEL_GATEWAY\]/);
    expect(warnings[0]).toContain("'test/Hub'");
    expect(fleetWarnings(stack)).toHaveLength(1);
  });

  // a dual-tunnel connection proves its gateway dual-tunnel (anything else is GATEWAY_MODE_MISMATCH)
  test('ROUTE_WEIGHT_ON_DUAL_TUNNEL_GATEWAY: warns on a gateway known dual from its connection', () => {
    const stack = newStack();
    const existing = VpnGateway.fromGatewayAttributes(stack, 'Existing', { gatewayId: 'vpn-existing0001' });
    const c = new IpsecVpnConnection(stack, 'Dc', {
      vpnGateway: existing,
      ...dual(customerGateway(stack, 'A'), customerGateway(stack, 'B', '203.0.113.20')),
    });
    const route = c.addRoute('192.168.0.0/16', { weight: RouteWeight.STANDBY });
    synthValid(stack);
    expect(warningsOn(route)).toEqual([expect.stringContaining('[ROUTE_WEIGHT_ON_DUAL_TUNNEL_GATEWAY]')]);
  });

  test('ROUTE_WEIGHT_ON_DUAL_TUNNEL_GATEWAY: no warning for a standby route on a single-tunnel gateway', () => {
    const stack = newStack();
    const c = singleGateway(stack).addConnection('Office', single(customerGateway(stack)));
    c.addRoute('192.168.0.0/16', { weight: RouteWeight.STANDBY });
    synthValid(stack);
    expect(fleetWarnings(stack)).toEqual([]);
  });
});

// ---------------------------------------------------------------- which connections share a gateway

describe('grouping by resolved reference', () => {
  function rawGateway(stack: TerraformStack, id: string) {
    return new alicloud.vpnGateway.VpnGateway(stack, id, { vpcId: VPC, bandwidth: 200 });
  }

  test('two reads of a raw binding id are one gateway: a duplicate tunnel CIDR is caught, and they are chained', () => {
    const stack = newStack();
    const raw = rawGateway(stack, 'RawGw');
    expect(raw.id).not.toBe(raw.id); // two reads, two token strings
    const a = customerGateway(stack, 'A', '203.0.113.10', 65010);
    const b = customerGateway(stack, 'B', '203.0.113.20', 65020);
    const one = new IpsecVpnConnection(stack, 'One', {
      vpnGatewayId: raw.id,
      ...single(a, { bgpConfig: bgp('169.254.10.0/30') }),
    });
    const two = new IpsecVpnConnection(stack, 'Two', {
      vpnGatewayId: raw.id,
      ...single(b, { bgpConfig: bgp('169.254.10.0/30') }),
    });
    const line = finding(synthError(stack), 'test/Two', 'bgpConfig.tunnelCidr', 'TUNNEL_CIDR_NOT_UNIQUE_ON_GATEWAY');
    expect(line).toContain("'test/One'");
    const json = JSON.parse(Testing.synth(stack));
    expect(dependsOn(json, one.resource)).toBeUndefined();
    expect(dependsOn(json, two.resource)).toEqual([fqn(one.resource)]);
  });

  test('a TerraformVariable read twice is one gateway', () => {
    const stack = newStack();
    const gw = new TerraformVariable(stack, 'gateway_id', { type: 'string' });
    const office = customerGateway(stack);
    const one = new IpsecVpnConnection(stack, 'One', { vpnGatewayId: gw.stringValue, ...single(office) });
    const two = new IpsecVpnConnection(stack, 'Two', {
      vpnGatewayId: gw.stringValue,
      ...single(office, { ikeConfig: { preSharedKey: PSK_B }, remoteSubnets: ['198.51.100.0/24'] }),
    });
    const line = finding(synthError(stack), 'test/Two', 'ikeConfig', 'SAME_CGW_IKE_MISMATCH');
    expect(line).toContain("'test/One'");
    const json = JSON.parse(Testing.synth(stack));
    expect(dependsOn(json, two.resource)).toEqual([fqn(one.resource)]);
  });

  test('two different raw gateways are not grouped', () => {
    const stack = newStack();
    const gw1 = rawGateway(stack, 'RawGw1');
    const gw2 = rawGateway(stack, 'RawGw2');
    const a = customerGateway(stack, 'A', '203.0.113.10', 65010);
    const one = new IpsecVpnConnection(stack, 'One', {
      vpnGatewayId: gw1.id,
      ...single(a, { bgpConfig: bgp('169.254.10.0/30') }),
    });
    const two = new IpsecVpnConnection(stack, 'Two', {
      vpnGatewayId: gw2.id,
      ...single(a, { bgpConfig: bgp('169.254.10.0/30'), ikeConfig: { preSharedKey: PSK_B } }),
    });
    const json = synthValid(stack);
    expect(dependsOn(json, one.resource)).toBeUndefined();
    expect(dependsOn(json, two.resource)).toBeUndefined();
  });

  test('one literal vpnGatewayId is one gateway', () => {
    const stack = newStack();
    const a = customerGateway(stack, 'A', '203.0.113.10', 65010);
    const b = customerGateway(stack, 'B', '203.0.113.20', 65020);
    new IpsecVpnConnection(stack, 'One', {
      vpnGatewayId: 'vpn-literal0001',
      ...single(a, { bgpConfig: bgp('169.254.10.0/30') }),
    });
    new IpsecVpnConnection(stack, 'Two', {
      vpnGatewayId: 'vpn-literal0001',
      ...single(b, { bgpConfig: bgp('169.254.10.0/30') }),
    });
    new IpsecVpnConnection(stack, 'Three', {
      vpnGatewayId: 'vpn-literal0002',
      ...single(b, { bgpConfig: bgp('169.254.10.0/30') }),
    });
    const message = synthError(stack);
    const line = finding(message, 'test/Two', 'bgpConfig.tunnelCidr', 'TUNNEL_CIDR_NOT_UNIQUE_ON_GATEWAY');
    expect(line).toContain("'test/One'");
    expect(findings(message)).toHaveLength(1);
  });

  test('a VpnGateway object and its gatewayId token are one gateway', () => {
    const stack = newStack();
    const hub = singleGateway(stack);
    const a = customerGateway(stack, 'A', '203.0.113.10', 65010);
    const b = customerGateway(stack, 'B', '203.0.113.20', 65020);
    hub.addConnection('One', single(a, { bgpConfig: bgp('169.254.10.0/30') }));
    new IpsecVpnConnection(stack, 'Two', {
      vpnGatewayId: hub.gatewayId,
      ...single(b, { bgpConfig: bgp('169.254.10.0/30') }),
    });
    const line = finding(synthError(stack), 'test/Two', 'bgpConfig.tunnelCidr', 'TUNNEL_CIDR_NOT_UNIQUE_ON_GATEWAY');
    expect(line).toContain("'test/Hub/One'");
  });
});

// ---------------------------------------------------------------- serialized changes

describe('dependency chain', () => {
  test('orders by construct path whatever the creation order, one depends_on entry each', () => {
    const stack = newStack();
    const hub = singleGateway(stack);
    const conns = ['C', 'A', 'B'].map((id, i) =>
      hub.addConnection(id, single(customerGateway(stack, `Cgw${id}`, `203.0.113.${10 + i}`))),
    );
    const [c, a, b] = conns;
    const json = synthValid(stack);
    expect(dependsOn(json, a.resource)).toBeUndefined();
    expect(dependsOn(json, b.resource)).toEqual([fqn(a.resource)]);
    expect(dependsOn(json, c.resource)).toEqual([fqn(b.resource)]);
  });

  test('each gateway has its own chain', () => {
    const stack = newStack();
    const office = customerGateway(stack);
    const h1 = singleGateway(stack, 'Hub1');
    const h2 = singleGateway(stack, 'Hub2');
    const a1 = h1.addConnection('A', single(office));
    const a2 = h2.addConnection('A', single(office));
    const b1 = h1.addConnection('B', single(office, { remoteSubnets: ['198.51.100.0/24'] }));
    const b2 = h2.addConnection('B', single(office, { remoteSubnets: ['198.51.100.0/24'] }));
    const json = synthValid(stack);
    expect(dependsOn(json, a1.resource)).toBeUndefined();
    expect(dependsOn(json, a2.resource)).toBeUndefined();
    expect(dependsOn(json, b1.resource)).toEqual([fqn(a1.resource)]);
    expect(dependsOn(json, b2.resource)).toEqual([fqn(a2.resource)]);
  });

  test('each stack has its own chain for one literal gateway id', () => {
    const app = Testing.app();
    const chains = ['one', 'two'].map((name) => {
      const stack = newStack(app, name);
      const office = customerGateway(stack);
      const a = new IpsecVpnConnection(stack, 'A', { vpnGatewayId: 'vpn-shared0001', ...single(office) });
      const b = new IpsecVpnConnection(stack, 'B', {
        vpnGatewayId: 'vpn-shared0001',
        ...single(office, { remoteSubnets: ['198.51.100.0/24'] }),
      });
      return { stack, a, b };
    });
    for (const { stack, a, b } of chains) {
      const json = synthValid(stack);
      expect(dependsOn(json, a.resource)).toBeUndefined();
      expect(dependsOn(json, b.resource)).toEqual([fqn(a.resource)]);
    }
  });

  test('routes follow their connection in the chain', () => {
    const stack = newStack();
    const hub = singleGateway(stack);
    const b = hub.addConnection('B', single(customerGateway(stack, 'B', '203.0.113.20')));
    const a = hub.addConnection('A', single(customerGateway(stack, 'A', '203.0.113.10')));
    const bRoute = b.addRoute('192.168.0.0/16');
    const aRoute2 = a.addRoute('192.168.2.0/24', { weight: RouteWeight.STANDBY });
    const aRoute1 = a.addRoute('192.168.1.0/24');
    const aPolicy = a.addPolicyRoute('10.0.0.0/16', '192.168.3.0/24');
    const json = synthValid(stack);
    // A, A/PolicyRoute-…, A/Route-192.168.1.0-24, A/Route-192.168.2.0-24, B, B/Route-…
    expect(dependsOn(json, a.resource)).toBeUndefined();
    expect(dependsOn(json, aPolicy.resource)).toEqual([fqn(a.resource)]);
    expect(dependsOn(json, aRoute1.resource)).toEqual([fqn(aPolicy.resource)]);
    expect(dependsOn(json, aRoute2.resource)).toEqual([fqn(aRoute1.resource)]);
    expect(dependsOn(json, b.resource)).toEqual([fqn(aRoute2.resource)]);
    expect(dependsOn(json, bRoute.resource)).toEqual([fqn(b.resource)]);
  });

  test('a route sorts right after its connection even when another connection id extends it', () => {
    const stack = newStack();
    const hub = singleGateway(stack);
    const a = hub.addConnection('A', single(customerGateway(stack, 'A', '203.0.113.10')));
    const ab = hub.addConnection('A-b', single(customerGateway(stack, 'B', '203.0.113.20')));
    const route = a.addRoute('192.168.0.0/16');
    const json = synthValid(stack);
    expect(dependsOn(json, route.resource)).toEqual([fqn(a.resource)]);
    expect(dependsOn(json, ab.resource)).toEqual([fqn(route.resource)]);
  });

  test('serializeChanges: false leaves every resource without depends_on', () => {
    const stack = newStack();
    const hub = singleGateway(stack, 'Hub', { serializeChanges: false });
    const a = hub.addConnection('A', single(customerGateway(stack, 'A', '203.0.113.10')));
    const b = hub.addConnection('B', single(customerGateway(stack, 'B', '203.0.113.20')));
    a.addRoute('192.168.0.0/16');
    b.addRoute('192.168.0.0/16', { weight: RouteWeight.STANDBY });
    const json = synthValid(stack);
    for (const type of ['alicloud_vpn_connection', 'alicloud_vpn_route_entry']) {
      for (const r of Object.values(json.resource[type]) as Array<Record<string, unknown>>) {
        expect(r.depends_on).toBeUndefined();
      }
    }
  });

  test('a string vpnGatewayId still builds the chain', () => {
    const stack = newStack();
    const office = customerGateway(stack);
    const b = new IpsecVpnConnection(stack, 'B', { vpnGatewayId: 'vpn-literal0001', ...single(office) });
    const a = new IpsecVpnConnection(stack, 'A', {
      vpnGatewayId: 'vpn-literal0001',
      ...single(office, { remoteSubnets: ['198.51.100.0/24'] }),
    });
    const route = a.addRoute('192.168.0.0/16');
    const json = synthValid(stack);
    expect(dependsOn(json, a.resource)).toBeUndefined();
    expect(dependsOn(json, route.resource)).toEqual([fqn(a.resource)]);
    expect(dependsOn(json, b.resource)).toEqual([fqn(route.resource)]);
  });

  test("keeps a user's own dependsOn entry beside the chain's", () => {
    const stack = newStack();
    const hub = singleGateway(stack);
    const raw = new alicloud.vpnCustomerGateway.VpnCustomerGateway(stack, 'Raw', { ipAddress: '203.0.113.99' });
    const c = hub.addConnection('C', single(customerGateway(stack, 'C', '203.0.113.30')));
    c.resource.dependsOn = [...(c.resource.dependsOn ?? []), fqn(raw)];
    // A sorts before C, and is created after the user's entry was set: C's chain link changes
    const a = hub.addConnection('A', single(customerGateway(stack, 'A', '203.0.113.10')));
    const b = hub.addConnection('B', single(customerGateway(stack, 'B', '203.0.113.20')));
    const json = synthValid(stack);
    expect(dependsOn(json, c.resource)).toEqual([fqn(raw), fqn(b.resource)]);
    expect(dependsOn(json, b.resource)).toEqual([fqn(a.resource)]);
  });
});

// ---------------------------------------------------------------- across stacks

describe('cross-stack use', () => {
  function synthApp(app: App): Record<string, Record<string, any>> {
    app.synth();
    const out: Record<string, Record<string, any>> = {};
    const stacksDir = path.join(app.outdir, 'stacks');
    for (const name of fs.readdirSync(stacksDir)) {
      out[name] = JSON.parse(fs.readFileSync(path.join(stacksDir, name, 'cdk.tf.json'), 'utf8'));
    }
    return out;
  }

  test('a VpnGateway in one stack, connections in another: checked, chained and wired by remote state', () => {
    const app = Testing.app();
    const network = newStack(app, 'network');
    const branches = newStack(app, 'branches');
    const hub = dualGateway(network);
    const a = customerGateway(branches, 'A', '203.0.113.10', 65010);
    const b = customerGateway(branches, 'B', '203.0.113.20', 65020);
    const one = new IpsecVpnConnection(branches, 'One', {
      vpnGateway: hub,
      ...dual(a, b, { cidrs: ['169.254.10.0/30', '169.254.20.0/30'] }),
    });
    const two = new IpsecVpnConnection(branches, 'Two', {
      vpnGateway: hub,
      ...dual(b, a, { cidrs: ['169.254.30.0/30', '169.254.40.0/30'] }, { remoteSubnets: ['198.51.101.0/24'] }),
    });
    const docs = synthApp(app);
    const conns = docs.branches.resource.alicloud_vpn_connection;
    expect(conns[one.resource.friendlyUniqueId].vpn_gateway_id).toMatch(/^\$\{data\.terraform_remote_state\./);
    expect(docs.branches.data.terraform_remote_state).toBeDefined();
    expect(Object.keys(docs.network.output).length).toBeGreaterThan(3); // the gateway's own and the shared id
    expect(dependsOn(docs.branches, two.resource)).toEqual([fqn(one.resource)]);
  });

  test('the fleet rules see the mode of a gateway in another stack', () => {
    const app = Testing.app();
    const network = newStack(app, 'network');
    const branches = newStack(app, 'branches');
    const hub = dualGateway(network);
    new IpsecVpnConnection(branches, 'Office', { vpnGateway: hub, ...single(customerGateway(branches)) });
    const line = finding(synthError(branches), 'branches/Office', 'customerGateway', 'GATEWAY_MODE_MISMATCH');
    expect(line).toContain("'network/Hub'");
  });

  test('connectionId used in a third stack (an output, a route) is wired through outputs and remote state', () => {
    const app = Testing.app();
    const network = newStack(app, 'network');
    const branches = newStack(app, 'branches');
    const consumer = newStack(app, 'consumer');
    const hub = singleGateway(network);
    const conn = new IpsecVpnConnection(branches, 'Office', { vpnGateway: hub, ...single(customerGateway(branches)) });
    new TerraformOutput(consumer, 'office_connection', { value: conn.connectionId });
    const route = new VpnRoute(consumer, 'Route', { connection: conn, destinationCidr: '192.168.0.0/16' });
    const docs = synthApp(app);
    expect(docs.consumer.output.office_connection.value).toMatch(
      /^\$\{data\.terraform_remote_state\.cross-stack-reference-input-branches\.outputs\./,
    );
    const entry = docs.consumer.resource.alicloud_vpn_route_entry[route.resource.friendlyUniqueId];
    expect(entry.next_hop).toMatch(/remote_state.*branches/);
    expect(entry.vpn_gateway_id).toMatch(/remote_state.*network/);
    const shared = Object.values(docs.branches.output) as Array<{ value: string }>;
    expect(shared.map((o) => o.value)).toContain(`\${${fqn(conn.resource)}.id}`);
  });
});

// ---------------------------------------------------------------- the error as a whole

describe('one validation error for the whole fleet', () => {
  test('lists every finding, each naming its rule and every construct path involved', () => {
    const stack = newStack();
    const hub = dualGateway(stack);
    const noAsn = customerGateway(stack, 'NoAsn', '203.0.113.10');
    customerGateway(stack, 'Twin', '203.0.113.10');
    const withAsn = customerGateway(stack, 'WithAsn', '203.0.113.20', 65020);
    const office = hub.addConnection('Office', single(withAsn)); // GATEWAY_MODE_MISMATCH
    const one = hub.addConnection('One', dual(withAsn, noAsn, { cidrs: ['169.254.10.0/30', '169.254.20.0/30'] }));
    hub.addConnection(
      'Two',
      dual(withAsn, withAsn, { cidrs: ['169.254.10.0/30', '169.254.30.0/30'], keys: [PSK_B, PSK_B] }),
    );
    new VpnRoute(one, 'Again', { connection: one, destinationCidr: '192.168.0.0/16' });
    one.addRoute('192.168.0.0/16');
    const message = synthError(stack);
    expect(message.startsWith('Validation failed with the following errors:')).toBe(true);
    const all = findings(message);
    expect(all.map((f) => `${f.constructPath} ${f.propPath} ${f.rule}`).sort()).toEqual(
      [
        'test/Hub/Office customerGateway GATEWAY_MODE_MISMATCH',
        'test/Hub/One tunnels[1].bgpConfig CUSTOMER_GATEWAY_ASN_REQUIRED',
        'test/Hub/Two tunnels[0].bgpConfig.tunnelCidr TUNNEL_CIDR_NOT_UNIQUE_ON_GATEWAY',
        'test/Hub/Two tunnels[0].ikeConfig SAME_CGW_IKE_MISMATCH',
        'test/Hub/Two tunnels[1].ikeConfig SAME_CGW_IKE_MISMATCH',
        'test/Hub/Two localSubnets SAME_CGW_SELECTOR_OVERLAP',
        'test/Twin ipAddress CUSTOMER_GATEWAY_IP_DUPLICATE',
        'test/Hub/One/Route-192.168.0.0-16 destinationCidr ROUTE_DUPLICATE',
      ].sort(),
    );
    const of = (p: string, rule: string) => all.find((f) => f.constructPath === p && f.rule === rule)!.text;
    expect(of('test/Hub/Office', 'GATEWAY_MODE_MISMATCH')).toContain("'test/Hub'");
    expect(of('test/Hub/One', 'CUSTOMER_GATEWAY_ASN_REQUIRED')).toContain("'test/NoAsn'");
    expect(of('test/Hub/Two', 'TUNNEL_CIDR_NOT_UNIQUE_ON_GATEWAY')).toContain("'test/Hub/One'");
    expect(of('test/Hub/Two', 'SAME_CGW_IKE_MISMATCH')).toMatch(/'test\/Hub\/(One|Office)'/);
    expect(of('test/Hub/Two', 'SAME_CGW_SELECTOR_OVERLAP')).toMatch(/'test\/Hub\/(One|Office)'/);
    expect(of('test/Twin', 'CUSTOMER_GATEWAY_IP_DUPLICATE')).toContain("'test/NoAsn'");
    expect(of('test/Hub/One/Route-192.168.0.0-16', 'ROUTE_DUPLICATE')).toContain("'test/Hub/One/Again'");
    expect(message).not.toContain(PSK_A);
    expect(message).not.toContain(PSK_B);
    expect(office.tunnelMode).toBe(TunnelMode.SINGLE);
  });

  test('passes a hub with many valid branches, chained end to end', () => {
    const stack = newStack();
    const hub = dualGateway(stack);
    const conns: IpsecVpnConnection[] = [];
    const routes: VpnRoute[] = [];
    for (let i = 0; i < 12; i++) {
      const a = customerGateway(stack, `Branch${i}A`, `203.0.113.${10 + i}`, 65000 + i);
      const b = customerGateway(stack, `Branch${i}B`, `198.51.100.${10 + i}`, 65100 + i);
      const c = hub.addConnection(
        `Branch${String(i).padStart(2, '0')}`,
        dual(
          a,
          b,
          { cidrs: [`169.254.${10 + i}.0/30`, `169.254.${100 + i}.0/30`] },
          { remoteSubnets: [`192.168.${i}.0/24`] },
        ),
      );
      routes.push(c.addRoute(`192.168.${i}.0/24`));
      conns.push(c);
    }
    const json = synthValid(stack);
    expect(fleetWarnings(stack)).toEqual([]);
    const chained = [
      ...Object.values(json.resource.alicloud_vpn_connection),
      ...Object.values(json.resource.alicloud_vpn_route_entry),
    ] as Array<{ depends_on?: string[] }>;
    expect(chained.filter((r) => r.depends_on === undefined)).toHaveLength(1);
    expect(chained.every((r) => r.depends_on === undefined || r.depends_on.length === 1)).toBe(true);
    expect(dependsOn(json, conns[1].resource)).toEqual([fqn(routes[0].resource)]);
  });
});

describe('red-team findings (regressions)', () => {
  test('a key from one sensitive variable, read twice, is not a SAME_CGW_IKE_MISMATCH (tokens are unknown)', () => {
    const stack = newStack();
    const psk = new TerraformVariable(stack, 'psk', { type: 'string', sensitive: true });
    const hub = singleGateway(stack);
    const cpe = customerGateway(stack);
    hub.addConnection('A', single(cpe, { ikeConfig: { preSharedKey: psk.stringValue } }));
    hub.addConnection(
      'B',
      single(cpe, { remoteSubnets: ['198.51.100.0/24'], ikeConfig: { preSharedKey: psk.stringValue } }),
    );
    synthValid(stack);
  });

  test('a gateway in another stack is known by its own stack: no clash with a same-named gateway here', () => {
    const app = Testing.app();
    const a = newStack(app, 'A');
    const b = newStack(app, 'B');
    const gwA = dualGateway(a, 'Hub');
    const gwB = singleGateway(b, 'Hub');
    const cpe = customerGateway(b);
    gwB.addConnection('OnB', single(cpe));
    const onA = new IpsecVpnConnection(b, 'OnA', {
      ...dual(cpe, customerGateway(b, 'Other', '203.0.113.20')),
      vpnGatewayId: gwA.gatewayId,
    });
    const json = synthValid(b);
    expect(dependsOn(json, onA.resource)).toBeUndefined();
  });

  test('a gateway in another stack, given as an object and as its id, is one gateway (rules and serializeChanges)', () => {
    const app = Testing.app();
    const a = newStack(app, 'A');
    const b = newStack(app, 'B');
    const gwA = singleGateway(a, 'Hub', { serializeChanges: false });
    const cpe = customerGateway(b);
    new IpsecVpnConnection(b, 'One', { ...single(cpe), vpnGateway: gwA });
    new IpsecVpnConnection(b, 'Two', {
      ...single(cpe, { ikeConfig: { preSharedKey: PSK_B } }),
      vpnGatewayId: gwA.gatewayId,
    });
    const message = synthError(b);
    expect(finding(message, 'B/Two', 'ikeConfig', 'SAME_CGW_IKE_MISMATCH')).toContain("'B/One'");
    finding(message, 'B/Two', 'localSubnets', 'SAME_CGW_SELECTOR_OVERLAP');
    // the gateway said serializeChanges: false
    const c = new TerraformStack(app, 'C');
    new alicloud.provider.AlicloudProvider(c, 'alicloud', {});
    const cpeC = customerGateway(c);
    new IpsecVpnConnection(c, 'One', { ...single(cpeC), vpnGatewayId: gwA.gatewayId });
    const two = new IpsecVpnConnection(c, 'Two', {
      ...single(cpeC, { remoteSubnets: ['198.51.100.0/24'] }),
      vpnGatewayId: gwA.gatewayId,
    });
    expect(dependsOn(synthValid(c), two.resource)).toBeUndefined();
  });

  test("a gateway of the caller's own is read once: a getter that answers differently later changes nothing", () => {
    const stack = newStack();
    let reads = 0;
    class Foreign extends Construct {
      public get gatewayId(): string {
        if (reads++ > 0) throw new RangeError('second read');
        return 'vpn-foreign0001';
      }
      public get tunnelMode(): string {
        throw new RangeError('tunnelMode');
      }
    }
    const c = new IpsecVpnConnection(stack, 'C', {
      ...single(customerGateway(stack)),
      vpnGateway: new Foreign(stack, 'F') as unknown as VpnGateway,
    });
    const json = synthValid(stack);
    expect(json.resource.alicloud_vpn_connection[c.resource.friendlyUniqueId].vpn_gateway_id).toBe('vpn-foreign0001');
    expect(reads).toBe(1);
  });

  test("a gateway of the caller's own: an empty id is refused, a tunnelMode that is no TunnelMode is unknown and not shown", () => {
    const stack = newStack();
    class Foreign extends Construct {
      constructor(
        scope: Construct,
        id: string,
        public readonly gatewayId: string,
        public readonly tunnelMode: string,
      ) {
        super(scope, id);
      }
    }
    const empty = new Foreign(stack, 'Empty', '', 'single') as unknown as VpnGateway;
    expect(
      errorOf(() => new IpsecVpnConnection(stack, 'E', { ...single(customerGateway(stack)), vpnGateway: empty })),
    ).toContain('`vpnGateway.gatewayId` [RESOURCE_ID_EMPTY]');
    const odd = new Foreign(stack, 'Odd', 'vpn-odd0001', `triple ${PSK_B}`) as unknown as VpnGateway;
    new IpsecVpnConnection(stack, 'O', { ...single(customerGateway(stack, 'Cpe2', '203.0.113.20')), vpnGateway: odd });
    const text = Testing.synth(stack, true);
    expect(text).not.toContain(PSK_B);
  });

  test('a standby route next to an active route to a token destination is not warned about', () => {
    const stack = newStack();
    const destination = new TerraformVariable(stack, 'destination', { type: 'string' });
    const hub = singleGateway(stack);
    const a = hub.addConnection('A', single(customerGateway(stack)));
    const b = hub.addConnection('B', single(customerGateway(stack, 'Cpe2', '203.0.113.20')));
    a.addRoute(destination.stringValue, { id: 'ToSite' });
    const standby = b.addRoute('192.168.0.0/16', { weight: RouteWeight.STANDBY });
    synthValid(stack);
    expect(warningsOf(stack).filter((w) => w.includes('[ROUTE_STANDBY_WITHOUT_ACTIVE]'))).toEqual([]);
    expect(standby.weight).toBe(RouteWeight.STANDBY);
  });

  test('many connections on one gateway and one customer gateway: the data-flow and IKE checks stay near-linear', () => {
    // a functional guard, not a timing: 1,000 connections to one customer gateway with disjoint remote blocks
    // pass, and one overlap among them is found and named
    const stack = newStack();
    const hub = singleGateway(stack, 'Hub', { serializeChanges: false });
    const cpe = customerGateway(stack);
    for (let i = 0; i < 1000; i++) {
      hub.addConnection(
        `C${String(i).padStart(4, '0')}`,
        single(cpe, { remoteSubnets: [`172.${16 + Math.floor(i / 256)}.${i % 256}.0/24`], createOutputs: false }),
      );
    }
    hub.addConnection('Z', single(cpe, { remoteSubnets: ['172.16.5.128/25'], createOutputs: false }));
    const message = synthError(stack);
    expect(findings(message)).toHaveLength(1);
    expect(finding(message, 'test/Hub/Z', 'localSubnets', 'SAME_CGW_SELECTOR_OVERLAP')).toContain("'test/Hub/C0005'");
  });
});
