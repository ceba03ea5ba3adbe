/**
 * CDK Terrain (cdktn), the community fork of cdktf.
 *
 * cdktn 0.24 keeps cdktf's runtime identities, but its TerraformStack calls an internal method
 * (`_resetResolveDiscoveredProviderFeatureUsage`) on every element: elements built from cdktf's own
 * classes lack it, so a stack must not mix the two packages. A cdktn user therefore resolves `cdktf`
 * to cdktn (an npm alias, `"cdktf": "npm:cdktn@0.24.0"`); this test does the same with jest's module
 * registry and proves the library then synthesizes exactly what it synthesizes under cdktf.
 */
import * as fs from 'fs';
import * as realCdktf from 'cdktf';
import * as realLib from '../src';
import { expectConforms } from './support/conformance';
import { dualProps, singleProps } from './support/fixtures';

type Library = typeof import('../src');
type Framework = typeof import('cdktf');

/** The same stack, built with the given framework and the library loaded against it. */
function synthWith(framework: Framework, lib: Library, outdir: string): Record<string, any> {
  const app = new framework.App({ outdir });
  const stack = new framework.TerraformStack(app, 'vpn');
  new lib.alicloud.provider.AlicloudProvider(stack, 'alicloud', { region: 'cn-hangzhou' });
  const psk = new framework.TerraformVariable(stack, 'psk', { type: 'string', sensitive: true });
  new lib.IpsecVpnConnection(stack, 'Office', { ...singleProps(), ikeConfig: { preSharedKey: psk.stringValue } });
  new lib.IpsecVpnConnection(stack, 'DataCentre', dualProps());
  app.synth();
  return JSON.parse(fs.readFileSync(`${outdir}/stacks/vpn/cdk.tf.json`, 'utf8'));
}

/** A hub gateway with two customer gateways, two connections and a route each, built with the given framework. */
function hubWith(framework: Framework, lib: Library, outdir: string, tunnelCidrs: [string, string]) {
  const app = new framework.App({ outdir });
  const stack = new framework.TerraformStack(app, 'hub');
  new lib.alicloud.provider.AlicloudProvider(stack, 'alicloud', { region: 'cn-hangzhou' });
  const hub = new lib.VpnGateway(stack, 'Hub', { vpcId: 'vpc-hub0001', bandwidth: 200 });
  ['A', 'B'].forEach((name, i) => {
    const site = new lib.CustomerGateway(stack, `Site${name}`, { ipAddress: `203.0.113.${i + 10}`, asn: 65010 + i });
    hub
      .addConnection(name, {
        customerGateway: site,
        localSubnets: ['10.0.0.0/16'],
        remoteSubnets: [`192.168.${i}.0/24`],
        ikeConfig: { preSharedKey: `key-${name}` },
        bgpConfig: { tunnelCidr: tunnelCidrs[i], localBgpIp: tunnelCidrs[i].replace(/0\/30$/, '1') },
      })
      .addRoute(`192.168.${i}.0/24`);
  });
  return { app, read: () => JSON.parse(fs.readFileSync(`${outdir}/stacks/hub/cdk.tf.json`, 'utf8')) };
}

function loadWithCdktn(): { framework: Framework; lib: Library } {
  let loaded: { framework: Framework; lib: Library } | undefined;
  jest.isolateModules(() => {
    jest.doMock('cdktf', () => jest.requireActual('cdktn'));
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    loaded = { framework: require('cdktf'), lib: require('../src') };
  });
  return loaded!;
}

/** The framework stamps its own version into the document's metadata. */
function withoutVersionStamp(doc: Record<string, any>): Record<string, any> {
  return { ...doc, '//': { ...doc['//'], metadata: { ...doc['//'].metadata, version: '(framework version)' } } };
}

describe('CDK Terrain compatibility', () => {
  test('with cdktf resolved to cdktn, the library synthesizes the same JSON as under cdktf', () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const cdktf: Framework = require('cdktf');
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const lib: Library = require('../src');
    const outdir = cdktf.Testing.app().outdir;
    const fromCdktf = synthWith(cdktf, lib, `${outdir}/cdktf`);

    const cdktn = loadWithCdktn();
    expect(cdktn.framework.App).not.toBe(cdktf.App);
    const fromCdktn = synthWith(cdktn.framework, cdktn.lib, `${outdir}/cdktn`);

    expect(fromCdktf['//'].metadata.version).toBe('0.21.0');
    expect(fromCdktn['//'].metadata.version).toBe('0.24.0');
    expectConforms(fromCdktn);
    expect(Object.keys(fromCdktn.resource.alicloud_vpn_connection)).toHaveLength(2);
    expect(Object.keys(fromCdktn.output)).toHaveLength(6);
    expect(JSON.stringify(withoutVersionStamp(fromCdktn), null, 1)).toBe(
      JSON.stringify(withoutVersionStamp(fromCdktf), null, 1),
    );
  });

  test('a hub with its dependency chain synthesizes the same JSON under cdktn, and the fleet rules run there', () => {
    // loaded before any test mocked 'cdktf' (jest.doMock outlives isolateModules)
    const cdktf: Framework = realCdktf;
    const lib: Library = realLib;
    const outdir = cdktf.Testing.app().outdir;
    const fine: [string, string] = ['169.254.10.0/30', '169.254.20.0/30'];
    const a = hubWith(cdktf, lib, `${outdir}/cdktf`, fine);
    a.app.synth();
    const cdktn = loadWithCdktn();
    const b = hubWith(cdktn.framework, cdktn.lib, `${outdir}/cdktn`, fine);
    b.app.synth();
    const fromCdktn = b.read();
    expectConforms(fromCdktn);
    const dependsOn = Object.values<any>({
      ...fromCdktn.resource.alicloud_vpn_connection,
      ...fromCdktn.resource.alicloud_vpn_route_entry,
    }).map((r) => r.depends_on ?? []);
    expect(dependsOn.flat()).toHaveLength(3); // four members on one gateway: three links
    expect(JSON.stringify(withoutVersionStamp(fromCdktn), null, 1)).toBe(
      JSON.stringify(withoutVersionStamp(a.read()), null, 1),
    );
    // a rule between resources, at synth, under cdktn
    const clash = hubWith(cdktn.framework, cdktn.lib, `${outdir}/clash`, ['169.254.10.0/30', '169.254.10.0/30']);
    expect(() => clash.app.synth()).toThrow(
      /\[hub\/Hub\/B\] `bgpConfig.tunnelCidr` \[TUNNEL_CIDR_NOT_UNIQUE_ON_GATEWAY\]/,
    );
  });

  test('validation errors are the same under cdktn', () => {
    const { framework, lib } = loadWithCdktn();
    const stack = new framework.TerraformStack(new framework.App({ outdir: framework.Testing.app().outdir }), 'vpn');
    expect(() => new lib.IpsecVpnConnection(stack, 'Bad', { ...singleProps(), localSubnets: ['10.0.0.1/16'] })).toThrow(
      "IpsecVpnConnection at 'vpn/Bad' has invalid props (1 problem):\n  - `localSubnets[0]` [SUBNET_NOT_CANONICAL]",
    );
  });

  test('mixing the two packages in one stack is caught at construction with the fix, not a TypeError at synth', () => {
    const { framework } = loadWithCdktn();
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const lib: Library = require('../src'); // built against the real cdktf
    const app = new framework.App({ outdir: framework.Testing.app().outdir });
    const stack = new framework.TerraformStack(app, 'vpn');
    expect(() => new lib.IpsecVpnConnection(stack, 'Office', singleProps())).toThrow(
      /^IpsecVpnConnection at 'vpn\/Office' is in a CDK Terrain \(cdktn\) stack, .*"overrides": \{ "cdktf": "npm:cdktn@0\.24\.0" \}/,
    );
    // what the check prevents: the same mix, built from the binding directly, dies at synth
    new lib.alicloud.vpnConnection.VpnConnection(stack, 'Raw', {
      vpnGatewayId: 'vpn-1',
      localSubnet: ['10.0.0.0/16'],
      remoteSubnet: ['192.0.2.0/24'],
    });
    expect(() => app.synth()).toThrow(/_resetResolveDiscoveredProviderFeatureUsage is not a function/);
  });
});
