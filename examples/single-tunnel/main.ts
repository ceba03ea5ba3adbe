import { App, TerraformStack, TerraformVariable } from 'cdktf';
import { Construct } from 'constructs';
import { alicloud, CustomerGateway, VpnGateway } from 'cdktf-alicloud-vpn';

/** A VPC in Hangzhou connected to one office over a single IPsec tunnel. */
class OfficeVpnStack extends TerraformStack {
  constructor(scope: Construct, id: string) {
    super(scope, id);

    new alicloud.provider.AlicloudProvider(this, 'alicloud', { region: 'cn-hangzhou' });

    // keep the key out of the code: terraform asks for it, or reads TF_VAR_office_psk
    const psk = new TerraformVariable(this, 'office_psk', { type: 'string', sensitive: true });

    const gateway = new VpnGateway(this, 'Gateway', { vpcId: 'vpc-bp1example', bandwidth: 10, name: 'office-vpn' });
    const office = new CustomerGateway(this, 'Office', { ipAddress: '203.0.113.10', name: 'office' });

    gateway.addConnection('OfficeConnection', {
      customerGateway: office,
      localSubnets: ['10.0.0.0/16'],
      remoteSubnets: ['192.168.0.0/16'],
      ikeConfig: { preSharedKey: psk.stringValue },
      // everything else: IKEv2, AES-256, SHA-256, DH group 14, DPD and NAT traversal on
    });
  }
}

const app = new App();
new OfficeVpnStack(app, 'office-vpn');
app.synth();
