/**
 * The whole chain a user runs, end to end: the example examples/on-premises-strongswan is synthesized,
 * `terraform apply` runs against the stand-in provider (test/terraform/stand-in-provider.js) with the key
 * variable set and a fixture that gives the VPN gateway the Alibaba namespace's address as its public IP,
 * `terraform output -raw router` prints the customer side's swanctl.conf, and that text, unchanged,
 * negotiates with real strongSwan against a mirror of the Alibaba gateway written here from the example's
 * props. The README's sample of that output is checked against the real one (the key replaced by a
 * placeholder). Needs terraform and what the strongSwan matrix needs (root, network namespaces,
 * /dev/net/tun, Debian's strongSwan packages); skipped loudly where either is missing.
 */
import { spawn } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import {
  E2E_MARKER,
  ENC,
  GROUP,
  IkeSa,
  INTEG,
  ms,
  STRONGSWAN_MISSING,
  SwanPair,
  writeMarker,
} from './support/strongswan';
import { StandIn, TERRAFORM_VERSION, TerraformResult } from './support/terraform';

const FILE = 'test/strongswan-e2e.test.ts';
const ROOT = path.join(__dirname, '..');
const EXAMPLE = 'on-premises-strongswan';

// ---- the example's props (examples/on-premises-strongswan/main.ts) and the library's documented defaults

/** `new CustomerGateway(this, 'Office', { ipAddress: '203.0.113.10' })`: the customer namespace's address. */
const OFFICE = '203.0.113.10';
/** The VPN gateway's public IP: given by the stand-in's fixture, the Alibaba namespace's address (as in the README). */
const GATEWAY = '198.51.100.5';
const VPC_SUBNET = '10.0.0.0/16';
const ON_PREM_SUBNET = '192.168.0.0/16';
const VPC_HOST = '10.0.0.1';
const ON_PREM_HOST = '192.168.0.1';
/** The value of the sensitive variable `office_psk`, with characters special to swanctl.conf and HCL. */
const KEY = `Office-Psk#e2e;'{x}=$y%z`;
/** No ikeConfig/ipsecConfig beyond the key, DPD not set: the defaults (IKEv2 main, aes256, sha256, group14, 86400 s, DPD on). */
const PROPS = {
  version: 2,
  ikeEnc: 'aes256',
  ikeAuth: 'sha256',
  dh: 'group14',
  ikeLifetime: 86400,
  espEnc: 'aes256',
  espAuth: 'sha256',
  pfs: 'group14',
  espLifetime: 86400,
  dpd: true,
};

/**
 * The stand-in for the Alibaba gateway, from the props (not from the renderer): the gateway's address and
 * id local (Alibaba's LocalId defaults to it), the office's remote, the same proposals and lifetimes,
 * `dpd_action = clear`, `start_action = none` (it only responds), the key in hex.
 */
function alibabaConfig(): string {
  const p = PROPS;
  const proposal = (enc: string, auth: string, dh?: string) =>
    [ENC[enc].keyword, INTEG[auth].keyword, ...(dh === undefined ? [] : [GROUP[dh].keyword])].join('-');
  return [
    'connections {',
    '  alibaba {',
    `    version = ${p.version}`,
    `    local_addrs = ${GATEWAY}`,
    `    remote_addrs = ${OFFICE}`,
    `    proposals = ${proposal(p.ikeEnc, p.ikeAuth, p.dh)}`,
    `    rekey_time = ${Math.round(p.ikeLifetime * 0.9)}s`,
    `    over_time = ${p.ikeLifetime - Math.round(p.ikeLifetime * 0.9)}s`,
    `    dpd_delay = ${p.dpd ? 30 : 0}s`,
    '    local {',
    '      auth = psk',
    `      id = ${GATEWAY}`,
    '    }',
    '    remote {',
    '      auth = psk',
    `      id = ${OFFICE}`,
    '    }',
    '    children {',
    '      alibaba-vpc {',
    `        local_ts = ${VPC_SUBNET}`,
    `        remote_ts = ${ON_PREM_SUBNET}`,
    `        esp_proposals = ${proposal(p.espEnc, p.espAuth, p.pfs === 'disabled' ? undefined : p.pfs)}`,
    `        rekey_time = ${Math.round(p.espLifetime * 0.9)}s`,
    `        life_time = ${p.espLifetime}s`,
    '        dpd_action = clear',
    '        start_action = none',
    '      }',
    '    }',
    '  }',
    '}',
    'secrets {',
    '  ike-alibaba {',
    `    id-1 = ${GATEWAY}`,
    `    id-2 = ${OFFICE}`,
    `    secret = 0x${Buffer.from(KEY, 'utf8').toString('hex')}`,
    '  }',
    '}',
    '',
  ].join('\n');
}

const IKE_ALGORITHMS = `${ENC[PROPS.ikeEnc].shown}/${INTEG[PROPS.ikeAuth].shown}/${INTEG[PROPS.ikeAuth].prf}/${GROUP[PROPS.dh].shown}`;
/** IKEv2 uses the ESP DH group (PFS) only when rekeying. */
const ESP_ALGORITHMS = `ESP:${ENC[PROPS.espEnc].shown}/${INTEG[PROPS.espAuth].shown}`;
const ESP_REKEYED = `${ESP_ALGORITHMS}/${GROUP[PROPS.pfs].shown}`;

// ---- skip loudly unless both tools are here

const MISSING = [
  TERRAFORM_VERSION === undefined
    ? 'no terraform binary (1.x) on the PATH (https://developer.hashicorp.com/terraform/install)'
    : undefined,
  STRONGSWAN_MISSING === undefined
    ? undefined
    : `strongSwan cannot run: ${STRONGSWAN_MISSING} (needs root, network namespaces, /dev/net/tun, ` +
      'strongswan-swanctl charon-systemd libstrongswan-standard-plugins libcharon-extra-plugins iputils-ping iproute2)',
].filter((m): m is string => m !== undefined);
if (MISSING.length > 0) {
  // eslint-disable-next-line no-console
  console.warn(`SKIPPED: ${FILE}: the end-to-end test needs terraform and strongSwan. Missing: ${MISSING.join('; ')}.`);
}
const e2e: jest.It = MISSING.length > 0 ? test.skip : test;
writeMarker(MISSING.length > 0 ? `skipped: ${MISSING.join('; ')}` : 'ran', E2E_MARKER);

// ---- the chain

/** Runs a command asynchronously (so the stand-in and the daemons keep being served); never throws. */
function exec(cmd: string, args: string[], cwd: string): Promise<TerraformResult> {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { cwd, env: { ...process.env, CHECKPOINT_DISABLE: '1' } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
  });
}

function check(what: string, r: TerraformResult): TerraformResult {
  if (r.code !== 0) throw new Error(`${what} failed (${r.code}):\n${r.stdout}\n${r.stderr}`);
  return r;
}

interface Applied {
  /** What `terraform output -raw router` printed. */
  readonly router: string;
  /** `terraform show -json` after the apply. */
  readonly state: Record<string, any>;
}

/**
 * What the user runs: the example's main.ts (as `npx projen examples` does, with `cdktf-alicloud-vpn`
 * resolved to src/), then, in its stack directory, terraform init, apply with the key variable, output.
 */
async function synthesizeAndApply(scratch: string, standIn: StandIn, timings: Record<string, number>) {
  let t = Date.now();
  check(
    `synthesizing examples/${EXAMPLE}`,
    await exec(
      process.execPath,
      ['-r', path.join(ROOT, 'scripts', 'examples-register.js'), path.join(ROOT, 'examples', EXAMPLE, 'main.ts')],
      scratch,
    ),
  );
  timings.synth = ms(t);
  const stacks = path.join(scratch, 'cdktf.out', 'stacks');
  const [stack, ...others] = fs.readdirSync(stacks);
  expect(others).toEqual([]);
  const dir = path.join(stacks, stack);
  t = Date.now();
  check('terraform init', await standIn.terraform(dir, ['init', '-no-color']));
  check(
    'terraform apply',
    await standIn.terraform(dir, ['apply', '-no-color', '-auto-approve', `-var=office_psk=${KEY}`]),
  );
  const router = check('terraform output -raw router', await standIn.terraform(dir, ['output', '-raw', 'router']));
  const shown = check('terraform show -json', await standIn.terraform(dir, ['show', '-json', '-no-color']));
  timings.terraform = ms(t);
  return { router: router.stdout, state: JSON.parse(shown.stdout) };
}

const established = (sas: IkeSa[]) =>
  sas.some(
    (sa) => sa.name === 'alicloud' && sa.state === 'ESTABLISHED' && sa.children.some((c) => c.state === 'INSTALLED'),
  );

describe('end to end: example → terraform apply → terraform output -raw router → strongSwan', () => {
  const timings: Record<string, number> = {};
  let scratch: string | undefined;
  let standIn: StandIn | undefined;
  let pair: SwanPair | undefined;
  let applied: Applied | undefined;

  beforeAll(async () => {
    if (MISSING.length > 0) return;
    const t0 = Date.now();
    scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'swan-e2e-'));
    // the stand-in gives out the fixture's addresses to computed `*_ip` attributes in apply order: the
    // gateway first (disaster_recovery_internet_ip, internet_ip, ssl_vpn_internet_ip), then the connection
    standIn = await StandIn.start({ internetIps: ['198.51.100.4', GATEWAY, '198.51.100.6', '198.51.100.7'] });
    const daemons = (async () => {
      const t = Date.now();
      pair = await SwanPair.start({
        customer: OFFICE,
        alibaba: [GATEWAY],
        onPremHost: ON_PREM_HOST,
        vpcHost: VPC_HOST,
      });
      timings.daemons = ms(t);
    })();
    // both settle before a failure is reported, so afterAll stops what did start
    const [chain, started] = await Promise.allSettled([synthesizeAndApply(scratch, standIn, timings), daemons]);
    if (chain.status === 'rejected') throw chain.reason;
    if (started.status === 'rejected') throw started.reason;
    applied = chain.value;
    timings.setup = ms(t0);
  }, 60_000);

  afterAll(() => {
    pair?.stop();
    standIn?.stop();
    if (scratch) fs.rmSync(scratch, { recursive: true, force: true });
    if (MISSING.length > 0) return;
    // eslint-disable-next-line no-console
    console.log(
      `strongSwan end to end: ${Object.entries(timings)
        .map(([k, v]) => `${k} ${v} ms`)
        .join(', ')}`,
    );
  });

  e2e('terraform apply gave the gateway the Alibaba namespace address; the state holds the example props', () => {
    const resources: Array<{ type: string; values: Record<string, any> }> = applied!.state.values.root_module.resources;
    const one = (type: string) => {
      const found = resources.filter((r) => r.type === type);
      expect(found).toHaveLength(1);
      return found[0].values;
    };
    expect(one('alicloud_vpn_gateway').internet_ip).toBe(GATEWAY);
    expect(one('alicloud_vpn_customer_gateway').ip_address).toBe(OFFICE);
    // the mirror is written from PROPS: they must be what the Alibaba side is configured with
    const c = one('alicloud_vpn_connection');
    expect({
      local: c.local_subnet,
      remote: c.remote_subnet,
      dpd: c.enable_dpd,
      ike: c.ike_config.map((x: any) => [
        x.ike_version,
        x.ike_mode,
        x.ike_enc_alg,
        x.ike_auth_alg,
        x.ike_pfs,
        x.ike_lifetime,
      ]),
      ipsec: c.ipsec_config.map((x: any) => [x.ipsec_enc_alg, x.ipsec_auth_alg, x.ipsec_pfs, x.ipsec_lifetime]),
      key: c.ike_config[0].psk,
    }).toEqual({
      local: [VPC_SUBNET],
      remote: [ON_PREM_SUBNET],
      dpd: PROPS.dpd,
      ike: [[`ikev${PROPS.version}`, 'main', PROPS.ikeEnc, PROPS.ikeAuth, PROPS.dh, PROPS.ikeLifetime]],
      ipsec: [[PROPS.espEnc, PROPS.espAuth, PROPS.pfs, PROPS.espLifetime]],
      key: KEY,
    });
  });

  e2e(
    'the output, loaded unchanged into the customer daemon, negotiates: IKE and CHILD SAs up, ping crosses, rekey with PFS',
    async () => {
      const p = pair!;
      const { router } = applied!;
      const mark = p.mark();
      const diagnose = (e: unknown) =>
        new Error(
          `${e instanceof Error ? e.message : String(e)}\n--- terraform output -raw router (customer):\n${router}\n` +
            `--- customer log:\n${p.readLog('customer', mark)}\n--- alibaba log:\n${p.readLog('alibaba', mark)}`,
        );
      try {
        const t = Date.now();
        p.load('alibaba', alibabaConfig(), 'alibaba.conf');
        // start_action = start: loading initiates
        p.load('customer', router, 'alicloud.conf');
        const sas = await p.waitForSas(established);
        timings.established = ms(t);
        if (sas === undefined) throw new Error(`not established within 5 s: ${JSON.stringify(p.listSas('customer'))}`);
        const sa = sas.find((s) => s.name === 'alicloud')!;
        expect({
          version: sa.version,
          ike: sa.algorithms,
          ids: [sa.localId, sa.remoteId],
          children: sa.children.map((x) => [x.name, x.algorithms, x.localTs, x.remoteTs]),
        }).toEqual({
          version: `IKEv${PROPS.version}`,
          ike: IKE_ALGORITHMS,
          ids: [OFFICE, GATEWAY],
          children: [['alicloud-vpc', ESP_ALGORITHMS, ON_PREM_SUBNET, VPC_SUBNET]],
        });
        const peer = p.listSas('alibaba').find((s) => s.name === 'alibaba');
        expect([peer?.state, peer?.algorithms, peer?.localId, peer?.remoteId]).toEqual([
          'ESTABLISHED',
          IKE_ALGORITHMS,
          GATEWAY,
          OFFICE,
        ]);

        let t1 = Date.now();
        const ping = p.ping();
        timings.ping = ms(t1);
        if (!ping.ok) throw new Error(`ping ${ON_PREM_HOST} → ${VPC_HOST} through the tunnel failed:\n${ping.out}`);

        // a forced CHILD_SA rekey: IKEv2 uses the PFS group here
        t1 = Date.now();
        const old = sa.children[0];
        p.rekeyChild(old.uniqueId);
        const rekeyed = await p.waitForSas((now) =>
          (now.find((s) => s.name === 'alicloud')?.children ?? []).some(
            (x) => x.uniqueId > old.uniqueId && x.state === 'INSTALLED',
          ),
        );
        if (rekeyed === undefined) throw new Error(`CHILD_SA not rekeyed: ${JSON.stringify(p.listSas('customer'))}`);
        const fresh = rekeyed.find((s) => s.name === 'alicloud')!.children.find((x) => x.uniqueId > old.uniqueId)!;
        expect(fresh.algorithms).toBe(ESP_REKEYED);
        timings.rekey = ms(t1);
        const after = p.ping(1);
        if (!after.ok) throw new Error(`ping after the rekey failed:\n${after.out}`);
      } catch (e) {
        throw diagnose(e);
      }
    },
    30_000,
  );

  e2e("the README's sample is the real output, with the key's value replaced by a placeholder", () => {
    const { router } = applied!;
    const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
    const intro = readme.indexOf('What `terraform output -raw router` then prints');
    expect(intro).toBeGreaterThan(-1);
    const sample = /```ini\n([\s\S]*?)```/.exec(readme.slice(intro));
    expect(sample).not.toBeNull();
    // the secret: exactly one line, the key in base64
    const secrets = [...router.matchAll(/^( *secret = 0s)(\S*)$/gm)];
    expect(secrets).toHaveLength(1);
    expect(Buffer.from(secrets[0][2], 'base64').toString('utf8')).toBe(KEY);
    expect(sample![1]).toBe(router.replace(/^( *secret = 0s)\S*$/m, '$1<the key in base64>'));
  });
});
