import { App, TerraformOutput, TerraformStack, TerraformVariable } from 'cdktf';
import { Construct } from 'constructs';
import { alicloud, CustomerGateway, VpnGateway } from 'cdktf-alicloud-vpn';

/**
 * Both ends of one tunnel from the same props: the Alibaba Cloud side as resources, the office router's
 * strongSwan configuration as a sensitive output.
 */
class BothEndsStack extends TerraformStack {
  constructor(scope: Construct, id: string) {
    super(scope, id);

    new alicloud.provider.AlicloudProvider(this, 'alicloud', { region: 'cn-hangzhou' });

    const psk = new TerraformVariable(this, 'office_psk', { type: 'string', sensitive: true });
    const gateway = new VpnGateway(this, 'Gateway', { vpcId: 'vpc-bp1example', bandwidth: 10 });
    const office = new CustomerGateway(this, 'Office', { ipAddress: '203.0.113.10' });

    const connection = gateway.addConnection('Office', {
      customerGateway: office,
      localSubnets: ['10.0.0.0/16'],
      remoteSubnets: ['192.168.0.0/16'],
      ikeConfig: { preSharedKey: psk.stringValue },
    });

    // after apply: terraform output -raw router > /etc/swanctl/conf.d/alicloud.conf && swanctl --load-all
    new TerraformOutput(this, 'router', {
      value: connection.strongSwanConfig(),
      sensitive: true,
      description: 'swanctl.conf for the office router (strongSwan 5.8 or later)',
    });
  }
}

const app = new App();
new BothEndsStack(app, 'both-ends');
app.synth();
