import { App, TerraformOutput, TerraformStack, TerraformVariable } from 'cdktf';
import { Construct } from 'constructs';
import { alicloud, CustomerGateway, IpsecVpnConnection, TunnelRole, VpnGateway } from 'cdktf-alicloud-vpn';

/** A dual-tunnel (active/standby) VPN to a data centre with two routers, routed with BGP. */
class DataCentreVpnStack extends TerraformStack {
  constructor(scope: Construct, id: string) {
    super(scope, id);

    new alicloud.provider.AlicloudProvider(this, 'alicloud', { region: 'cn-shanghai' });

    const pskA = new TerraformVariable(this, 'dc_psk_a', { type: 'string', sensitive: true });
    const pskB = new TerraformVariable(this, 'dc_psk_b', { type: 'string', sensitive: true });

    // a disaster-recovery vSwitch makes the gateway dual-tunnel
    const gateway = new VpnGateway(this, 'Gateway', {
      vpcId: 'vpc-uf6example',
      vswitchId: 'vsw-uf6zone-a',
      disasterRecoveryVswitchId: 'vsw-uf6zone-b',
      bandwidth: 200,
      name: 'dc-vpn',
    });
    // BGP needs the routers' ASN on their customer gateways
    const routerA = new CustomerGateway(this, 'RouterA', {
      ipAddress: '198.51.100.10',
      asn: 65010,
      name: 'dc-router-a',
    });
    const routerB = new CustomerGateway(this, 'RouterB', {
      ipAddress: '198.51.100.20',
      asn: 65010,
      name: 'dc-router-b',
    });

    const connection = new IpsecVpnConnection(this, 'DataCentre', {
      vpnGateway: gateway,
      name: 'data-centre',
      localSubnets: ['10.0.0.0/16'],
      remoteSubnets: ['172.16.0.0/12'],
      tags: { team: 'network', env: 'prod' },
      tunnels: [
        {
          role: TunnelRole.MASTER,
          customerGateway: routerA,
          ikeConfig: { preSharedKey: pskA.stringValue },
          bgpConfig: { tunnelCidr: '169.254.10.0/30', localBgpIp: '169.254.10.1', localAsn: 65001 },
        },
        {
          role: TunnelRole.SLAVE,
          customerGateway: routerB,
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
