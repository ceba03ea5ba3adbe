import { App, TerraformStack } from 'cdktf';
import { Construct } from 'constructs';
import { alicloud } from 'cdktf-alicloud-vpn';

class OfficeVpnStack extends TerraformStack {
  constructor(scope: Construct, id: string) {
    super(scope, id);

    new alicloud.provider.AlicloudProvider(this, 'alicloud', { region: 'cn-hangzhou' });

    const gateway = new alicloud.vpnGateway.VpnGateway(this, 'Gateway', {
      vpcId: 'vpc-bp1example',
      bandwidth: 10,
      vpnGatewayName: 'office-vpn',
    });
    const office = new alicloud.vpnCustomerGateway.VpnCustomerGateway(this, 'Office', {
      ipAddress: '203.0.113.10',
      customerGatewayName: 'office',
    });

    new alicloud.vpnConnection.VpnConnection(this, 'Connection', {
      vpnGatewayId: gateway.id,
      customerGatewayId: office.id,
      localSubnet: ['10.0.0.0/16'],
      remoteSubnet: ['192.168.0.0/16'],
      vpnConnectionName: 'office',
    });
  }
}

const app = new App();
new OfficeVpnStack(app, 'office-vpn');
app.synth();
