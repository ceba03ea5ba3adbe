import { App, TerraformStack, Testing } from 'cdktf';
import { alicloud } from '../src';
import { expectConforms } from './support/conformance';

function dualTunnelStack(): TerraformStack {
  const app = Testing.app();
  const stack = new TerraformStack(app, 'bindings');
  new alicloud.provider.AlicloudProvider(stack, 'alicloud', { region: 'cn-hangzhou' });
  new alicloud.vpnConnection.VpnConnection(stack, 'conn', {
    vpnGatewayId: 'vpn-123',
    vpnConnectionName: 'dual',
    localSubnet: ['10.0.0.0/16'],
    remoteSubnet: ['192.0.2.0/24'],
    enableTunnelsBgp: true,
    tunnelOptionsSpecification: [
      {
        role: 'master',
        customerGatewayId: 'cgw-a',
        enableDpd: true,
        enableNatTraversal: true,
        tunnelIkeConfig: { ikeVersion: 'ikev2', psk: 'k1', ikeLifetime: 86400 },
        tunnelIpsecConfig: { ipsecPfs: 'group14' },
        tunnelBgpConfig: { localAsn: '65001', tunnelCidr: '169.254.10.0/30', localBgpIp: '169.254.10.1' },
      },
      {
        role: 'slave',
        customerGatewayId: 'cgw-b',
        tunnelIkeConfig: { ikeVersion: 'ikev2', psk: 'k2' },
      },
    ],
  });
  return stack;
}

describe('generated bindings', () => {
  test('exports every resource, the data source and the provider under the alicloud namespace', () => {
    expect(alicloud.provider.AlicloudProvider.tfResourceType).toBe('alicloud');
    expect(alicloud.vpnConnection.VpnConnection.tfResourceType).toBe('alicloud_vpn_connection');
    expect(alicloud.vpnGateway.VpnGateway.tfResourceType).toBe('alicloud_vpn_gateway');
    expect(alicloud.vpnCustomerGateway.VpnCustomerGateway.tfResourceType).toBe('alicloud_vpn_customer_gateway');
    expect(alicloud.vpnRouteEntry.VpnRouteEntry.tfResourceType).toBe('alicloud_vpn_route_entry');
    expect(alicloud.vpnPbrRouteEntry.VpnPbrRouteEntry.tfResourceType).toBe('alicloud_vpn_pbr_route_entry');
    expect(alicloud.dataAlicloudVpnConnections.DataAlicloudVpnConnections.tfResourceType).toBe(
      'alicloud_vpn_connections',
    );
  });

  test('a dual-tunnel VpnConnection synthesizes snake_case keys, a tunnel array and single-object nested blocks', () => {
    const json = JSON.parse(Testing.synth(dualTunnelStack()));
    const conn = json.resource.alicloud_vpn_connection.conn;
    expect(conn.vpn_gateway_id).toBe('vpn-123');
    expect(conn.vpn_connection_name).toBe('dual');
    expect(conn.local_subnet).toEqual(['10.0.0.0/16']);
    expect(conn.enable_tunnels_bgp).toBe(true);
    expect(Array.isArray(conn.tunnel_options_specification)).toBe(true);
    expect(conn.tunnel_options_specification).toHaveLength(2);
    const [master, slave] = conn.tunnel_options_specification;
    expect(master.customer_gateway_id).toBe('cgw-a');
    expect(master.enable_dpd).toBe(true);
    expect(master.tunnel_ike_config).toEqual({ ike_version: 'ikev2', psk: 'k1', ike_lifetime: 86400 });
    expect(Array.isArray(master.tunnel_ike_config)).toBe(false);
    expect(master.tunnel_bgp_config).toEqual({
      local_asn: '65001',
      tunnel_cidr: '169.254.10.0/30',
      local_bgp_ip: '169.254.10.1',
    });
    expect(slave.role).toBe('slave');
    expect(expectConforms(json)).toEqual(
      expect.arrayContaining(['resource.alicloud_vpn_connection.conn', 'provider.alicloud']),
    );
  });

  test('declares aliyun/alicloud with a version range that admits 1.216.0 up to 1.x, not an exact pin', () => {
    const json = JSON.parse(Testing.synth(dualTunnelStack()));
    expect(json.terraform.required_providers.alicloud).toEqual({
      source: 'aliyun/alicloud',
      version: '>= 1.216.0, < 2.0.0',
    });
  });

  test('synthesizes to disk with app.synth(), without the cdktf CLI', () => {
    const outdir = Testing.app().outdir;
    const app = new App({ outdir });
    const stack = new TerraformStack(app, 'disk');
    new alicloud.provider.AlicloudProvider(stack, 'alicloud', { region: 'cn-hangzhou' });
    new alicloud.vpnGateway.VpnGateway(stack, 'gw', { vpcId: 'vpc-1', bandwidth: 10 });
    app.synth();
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const written = require(`${outdir}/stacks/disk/cdk.tf.json`);
    expect(written.resource.alicloud_vpn_gateway.gw).toEqual(
      expect.objectContaining({ vpc_id: 'vpc-1', bandwidth: 10 }),
    );
  });
});
