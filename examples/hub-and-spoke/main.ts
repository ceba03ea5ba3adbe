import { App, TerraformStack, TerraformVariable } from 'cdktf';
import { Construct } from 'constructs';
import { alicloud, CustomerGateway, TunnelRole, VpnGateway } from 'cdktf-alicloud-vpn';

const BRANCHES = 20;

/**
 * A hub VPC with one dual-tunnel VPN gateway and 20 branch offices. Each branch has two routers (one per
 * tunnel) and one connection with BGP on both tunnels, plus a static route to its on-premises network.
 */
class HubAndSpokeStack extends TerraformStack {
  constructor(scope: Construct, id: string) {
    super(scope, id);

    new alicloud.provider.AlicloudProvider(this, 'alicloud', { region: 'cn-shanghai' });

    // a disaster-recovery vSwitch makes the gateway dual-tunnel
    const hub = new VpnGateway(this, 'Hub', {
      vpcId: 'vpc-uf6hub',
      vswitchId: 'vsw-uf6zone-a',
      disasterRecoveryVswitchId: 'vsw-uf6zone-b',
      bandwidth: 500,
      name: 'hub-vpn',
    });

    for (let n = 1; n <= BRANCHES; n++) {
      const branch = `branch-${String(n).padStart(2, '0')}`; // branch-01 ... branch-20
      const onPremises = `192.168.${n}.0/24`;
      const asn = 65100 + n; // BGP needs an ASN on each customer gateway

      const routerA = new CustomerGateway(this, `${branch}-router-a`, { ipAddress: `203.0.113.${n}`, asn });
      const routerB = new CustomerGateway(this, `${branch}-router-b`, { ipAddress: `198.51.100.${n}`, asn });

      // one key per tunnel, kept out of the code: TF_VAR_branch_01_psk_a, ...
      const key = (tunnel: string) =>
        new TerraformVariable(this, `${branch.replace('-', '_')}_psk_${tunnel}`, { type: 'string', sensitive: true })
          .stringValue;

      // tunnel CIDRs are unique on the gateway: 169.254.<10+n>.0/30 and .4/30 (169.254.0.0/30 to
      // 169.254.6.0/30 are reserved by Alibaba Cloud)
      const connection = hub.addConnection(branch, {
        name: branch,
        localSubnets: ['10.0.0.0/16'],
        remoteSubnets: [onPremises],
        tunnels: [
          {
            role: TunnelRole.MASTER,
            customerGateway: routerA,
            ikeConfig: { preSharedKey: key('a') },
            bgpConfig: { tunnelCidr: `169.254.${10 + n}.0/30`, localBgpIp: `169.254.${10 + n}.1` },
          },
          {
            role: TunnelRole.SLAVE,
            customerGateway: routerB,
            ikeConfig: { preSharedKey: key('b') },
            bgpConfig: { tunnelCidr: `169.254.${10 + n}.4/30`, localBgpIp: `169.254.${10 + n}.5` },
          },
        ],
      });
      connection.addRoute(onPremises);
    }
    // Every connection and route on the hub depends on the previous one, so terraform changes one at a
    // time (the API accepts one change per gateway at a time); `serializeChanges: false` turns it off.
  }
}

const app = new App();
new HubAndSpokeStack(app, 'hub-and-spoke');
app.synth();
