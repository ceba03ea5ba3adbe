import { App, TerraformOutput, TerraformStack, TerraformVariable } from 'cdktf';
import { Construct } from 'constructs';
import { alicloud, IpsecVpnConnection, TunnelRole } from 'cdktf-alicloud-vpn';

/** A dual-tunnel (active/standby) VPN to a data centre with two routers, routed with BGP. */
class DataCentreVpnStack extends TerraformStack {
  constructor(scope: Construct, id: string) {
    super(scope, id);

    new alicloud.provider.AlicloudProvider(this, 'alicloud', { region: 'cn-shanghai' });

    const pskA = new TerraformVariable(this, 'dc_psk_a', { type: 'string', sensitive: true });
    const pskB = new TerraformVariable(this, 'dc_psk_b', { type: 'string', sensitive: true });

    // a disaster-recovery vSwitch makes the gateway dual-tunnel
    const gateway = new alicloud.vpnGateway.VpnGateway(this, 'Gateway', {
      vpcId: 'vpc-uf6example',
      vswitchId: 'vsw-uf6zone-a',
      disasterRecoveryVswitchId: 'vsw-uf6zone-b',
      bandwidth: 200,
      vpnType: 'Normal',
      vpnGatewayName: 'dc-vpn',
    });
    const routerA = new alicloud.vpnCustomerGateway.VpnCustomerGateway(this, 'RouterA', {
      ipAddress: '198.51.100.10',
      asn: '65010',
      customerGatewayName: 'dc-router-a',
    });
    const routerB = new alicloud.vpnCustomerGateway.VpnCustomerGateway(this, 'RouterB', {
      ipAddress: '198.51.100.20',
      asn: '65010',
      customerGatewayName: 'dc-router-b',
    });

    const connection = new IpsecVpnConnection(this, 'DataCentre', {
      vpnGatewayId: gateway.id,
      name: 'data-centre',
      localSubnets: ['10.0.0.0/16'],
      remoteSubnets: ['172.16.0.0/12'],
      tags: { team: 'network', env: 'prod' },
      tunnels: [
        {
          role: TunnelRole.MASTER,
          customerGatewayId: routerA.id,
          ikeConfig: { preSharedKey: pskA.stringValue },
          bgpConfig: { tunnelCidr: '169.254.10.0/30', localBgpIp: '169.254.10.1', localAsn: 65001 },
        },
        {
          role: TunnelRole.SLAVE,
          customerGatewayId: routerB.id,
          ikeConfig: { preSharedKey: pskB.stringValue },
          bgpConfig: { tunnelCidr: '169.254.20.0/30', localBgpIp: '169.254.20.1', localAsn: 65001 },
        },
      ],
      // enableTunnelsBgp defaults to true because both tunnels have a bgpConfig
    });

    // The construct creates outputs for the connection id and each tunnel's id and public IP, named
    // after its path. A stack can add its own, e.g. the peer addresses for the router team:
    new TerraformOutput(this, 'router_a_peer_ip', { value: connection.tunnelInternetIp(TunnelRole.MASTER) });
    new TerraformOutput(this, 'router_b_peer_ip', { value: connection.tunnelInternetIp(TunnelRole.SLAVE) });
  }
}

const app = new App();
new DataCentreVpnStack(app, 'data-centre-vpn');
app.synth();
