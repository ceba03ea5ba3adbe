/**
 * Synthesized documents through the real terraform binary, offline, with the stand-in provider
 * (test/terraform/stand-in-provider.js): validate must report no error and no warning, plan must
 * succeed with every pre-shared key sensitive, and the examples must be stable under apply + plan.
 * The stand-in cannot reproduce the real provider's read-back: a clean second plan proves that our
 * configuration is stable, not that the provider is.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { TerraformStack, Testing } from 'cdktf';
import { alicloud, IpsecVpnConnection, TunnelRole } from '../src';
import { AcceptanceConfig, loadAcceptanceConfigs } from './support/acceptance';
import { hclToProps } from './support/hcl-to-props';
import {
  checkDocument,
  DocumentCheck,
  mergeDocument,
  pskSensitivity,
  StandIn,
  terraformTest,
} from './support/terraform';

const withTerraform = terraformTest('test/terraform.test.ts');
const ROOT = path.join(__dirname, '..');
jest.setTimeout(240_000);

let standIn: StandIn | undefined;
afterAll(() => standIn?.stop());
async function stand(): Promise<StandIn> {
  standIn ??= await StandIn.start();
  return standIn;
}

/** What a failed check printed, for the test's failure message. */
function explain(check: DocumentCheck): string {
  return [
    `in ${check.dir}`,
    JSON.stringify(check.validate.diagnostics, null, 1),
    check.plan?.stderr ?? '',
    check.apply?.stderr ?? '',
    check.replan ? check.replan.stdout.slice(-3000) : '',
  ].join('\n');
}

/** Runs an example's main.ts (as `npx projen examples` does) in a scratch directory; returns its documents. */
function synthesizeExample(name: string): Record<string, any>[] {
  const cwd = fs.mkdtempSync(path.join(os.tmpdir(), `example-${name}-`));
  const run = spawnSync(
    process.execPath,
    ['-r', path.join(ROOT, 'scripts', 'examples-register.js'), path.join(ROOT, 'examples', name, 'main.ts')],
    { cwd, encoding: 'utf8', env: { ...process.env, CHECKPOINT_DISABLE: '1' } },
  );
  if (run.status !== 0) throw new Error(`example ${name} failed: ${run.stderr}`);
  const stacks = path.join(cwd, 'cdktf.out', 'stacks');
  return fs.readdirSync(stacks).map((s) => JSON.parse(fs.readFileSync(path.join(stacks, s, 'cdk.tf.json'), 'utf8')));
}

/** Test values for the sensitive key variables an example declares. */
function keyVariables(doc: Record<string, any>): Record<string, string> {
  return Object.fromEntries(Object.keys(doc.variable ?? {}).map((name, i) => [name, `Example-Key-${i}-x7Q`]));
}

const EXAMPLES = fs
  .readdirSync(path.join(ROOT, 'examples'), { withFileTypes: true })
  .filter((d) => d.isDirectory() && fs.existsSync(path.join(ROOT, 'examples', d.name, 'main.ts')))
  .map((d) => d.name)
  .sort();

describe('terraform validate, plan, apply and plan again', () => {
  withTerraform.each(EXAMPLES)('example %s: valid, keys sensitive, stable under apply', async (name) => {
    for (const doc of synthesizeExample(name)) {
      const vars = keyVariables(doc);
      const check = await checkDocument(await stand(), doc, { apply: true, vars });
      expect({
        valid: check.validate.valid,
        errors: check.validate.error_count,
        warnings: check.validate.warning_count,
      }).toEqual({ valid: true, errors: 0, warnings: 0 });
      expect(check.plan?.code).toBe(0);
      const keys = pskSensitivity(check.planJson!);
      expect(keys.length).toBeGreaterThan(0);
      expect(keys.filter((k) => !k.sensitive)).toEqual([]);
      for (const value of Object.values(vars)) expect(check.plan!.stdout).not.toContain(value);
      expect(check.plan!.stdout).toContain('(sensitive value)');
      expect(`${check.plan!.stdout}${check.plan!.stderr}`).not.toContain('Output refers to sensitive values');
      expect(check.apply?.code).toBe(0);
      if (check.replan?.code !== 0) throw new Error(`the second plan is not empty:\n${explain(check)}`);
    }
  });

  withTerraform('every acceptance configuration rebuilt with IpsecVpnConnection: valid, and plans', async () => {
    const configs: AcceptanceConfig[] = await loadAcceptanceConfigs();
    // one document with every connection, each in its own stack's names: one terraform run for all 33
    const merged: Record<string, any> = {};
    for (const config of configs) {
      for (const [name, body] of Object.entries<any[]>(config.json.variable ?? {})) {
        (merged.variable ??= {})[name] = { default: body[0].default };
      }
      for (const [name, body] of Object.entries<any[]>(config.json.resource?.alicloud_vpn_connection ?? {})) {
        const stack = new TerraformStack(Testing.app(), 'acc');
        new alicloud.provider.AlicloudProvider(stack, 'alicloud', { region: 'cn-hangzhou' });
        new IpsecVpnConnection(stack, `Acc${config.file.slice(0, 3)}_${name}`, {
          ...hclToProps(body[0]),
          createOutputs: true,
        });
        // the files' gateways are other resources of theirs: literal ids stand in for the references
        const doc = JSON.parse(
          Testing.synth(stack).replace(
            /\$\{alicloud_vpn_(gateway|customer_gateway)\.([\w-]+)\.id\}/g,
            (_m, type: string, id: string) => `${type === 'gateway' ? 'vpn' : 'cgw'}-${id}`,
          ),
        );
        mergeDocument(merged, doc);
      }
    }
    const count = Object.keys(merged.resource.alicloud_vpn_connection).length;
    expect(count).toBe(
      configs.reduce((n, c) => n + Object.keys(c.json.resource?.alicloud_vpn_connection ?? {}).length, 0),
    );
    const check = await checkDocument(await stand(), merged);
    if (!check.validate.valid || check.validate.warning_count > 0 || check.plan?.code !== 0) {
      throw new Error(explain(check));
    }
    expect(pskSensitivity(check.planJson!).filter((k) => !k.sensitive)).toEqual([]);
  });

  // the harness is sharp: terraform itself rejects what our schema checker rejects
  const connection = (extra: Record<string, unknown>) => ({
    terraform: { required_providers: { alicloud: { source: 'aliyun/alicloud' } } },
    provider: { alicloud: [{ region: 'cn-hangzhou' }] },
    resource: {
      alicloud_vpn_connection: {
        c: { vpn_gateway_id: 'vpn-1', local_subnet: ['10.0.0.0/16'], remote_subnet: ['192.0.2.0/24'], ...extra },
      },
    },
  });
  withTerraform.each([
    ['an unknown attribute', connection({ psk: 'x' }), /No argument or block type is named "psk"/],
    ['a block given as a string', connection({ ike_config: 'x' }), /Incorrect JSON value type/],
    ['a literal %{ in a name', connection({ vpn_connection_name: 'a%{b' }), /template|Invalid/],
    ['a missing required attribute', connection({ vpn_gateway_id: undefined }), /Missing required argument/],
  ])('terraform rejects %s', async (_d, doc, pattern) => {
    const check = await checkDocument(await stand(), JSON.parse(JSON.stringify(doc)));
    expect(check.validate.valid).toBe(false);
    expect(check.validate.diagnostics.map((d) => `${d.summary} ${d.detail ?? ''}`).join('\n')).toMatch(pattern);
  });

  withTerraform('a deprecated attribute set through the escape hatch gets the provider SDK warning', async () => {
    const stack = new TerraformStack(Testing.app(), 'dep');
    new alicloud.provider.AlicloudProvider(stack, 'alicloud', { region: 'cn-hangzhou' });
    const conn = new IpsecVpnConnection(stack, 'C', {
      vpnGatewayId: 'vpn-1',
      customerGatewayId: 'cgw-1',
      localSubnets: ['10.0.0.0/16'],
      remoteSubnets: ['192.0.2.0/24'],
    });
    conn.resource.addOverride('name', 'old-name');
    const check = await checkDocument(await stand(), JSON.parse(Testing.synth(stack)));
    expect(check.validate.warning_count).toBe(1);
    expect(check.validate.diagnostics[0].summary).toBe('Argument is deprecated');
  });
});

describe('free text through terraform', () => {
  withTerraform(
    'names, tags and IKE ids are Terraform templates, as everywhere in cdktf: $${ and %%{ are literal',
    async () => {
      const stack = new TerraformStack(Testing.app(), 'text');
      new alicloud.provider.AlicloudProvider(stack, 'alicloud', { region: 'cn-hangzhou' });
      const escaped = 'a$${b}%%{c}';
      new IpsecVpnConnection(stack, 'C', {
        vpnGatewayId: 'vpn-1',
        customerGatewayId: 'cgw-1',
        localSubnets: ['10.0.0.0/16'],
        remoteSubnets: ['192.0.2.0/24'],
        name: escaped,
        tags: { [`k${escaped}`]: escaped },
        ikeConfig: { localId: escaped, remoteId: escaped },
      });
      const check = await checkDocument(await stand(), JSON.parse(Testing.synth(stack)));
      if (check.plan?.code !== 0) throw new Error(explain(check));
      const after = check.planJson!.resource_changes.find((c: any) => c.type === 'alicloud_vpn_connection').change
        .after;
      const meant = 'a${b}%{c}';
      expect(after.vpn_connection_name).toBe(meant);
      expect(after.tags).toEqual({ [`k${meant}`]: meant });
      expect(after.ike_config[0].ike_local_id).toBe(meant);
    },
  );
});

describe('the stand-in provider', () => {
  // the fixture's addresses go, in order, to the computed `*_ip` attributes the apply fills (the
  // connection has such attributes besides the tunnels'): enough of them make every tunnel IP a chosen one
  withTerraform('applies the public IP addresses a test chooses (fixture), in the outputs', async () => {
    const chosen = ['198.51.100.5', '198.51.100.6', '198.51.100.7', '198.51.100.8', '198.51.100.9'];
    const fixed = await StandIn.start({ internetIps: chosen });
    try {
      const stack = new TerraformStack(Testing.app(), 'ips');
      new alicloud.provider.AlicloudProvider(stack, 'alicloud', { region: 'cn-hangzhou' });
      new IpsecVpnConnection(stack, 'Dual', {
        vpnGatewayId: 'vpn-1',
        localSubnets: ['10.0.0.0/16'],
        remoteSubnets: ['192.0.2.0/24'],
        tunnels: [TunnelRole.MASTER, TunnelRole.SLAVE].map((role, i) => ({
          role,
          customerGatewayId: `cgw-${i}`,
          ikeConfig: { preSharedKey: `Fixture-Key-${i}` },
        })),
      });
      const check = await checkDocument(fixed, JSON.parse(Testing.synth(stack)), { apply: true });
      if (check.apply?.code !== 0) throw new Error(explain(check));
      const outputs = JSON.parse((await fixed.terraform(check.dir, ['output', '-json'])).stdout);
      const ips = Object.entries<any>(outputs)
        .filter(([name]) => /TunnelInternetIp/.test(name))
        .map(([, o]) => o.value)
        .sort();
      expect(ips).toHaveLength(2);
      expect(new Set(ips).size).toBe(2);
      for (const ip of ips) expect(chosen).toContain(ip);
    } finally {
      fixed.stop();
    }
  });
});
