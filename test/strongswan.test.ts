/**
 * The customer side rendered by `IpsecVpnConnection.strongSwanConfig` negotiates with real strongSwan:
 * one daemon runs the library's text, the other a mirrored configuration standing in for the Alibaba Cloud
 * gateway, written here from the connection's props (not by the renderer). Needs root, network namespaces,
 * /dev/net/tun and Debian's strongSwan packages (.ci/run installs them); skipped loudly elsewhere.
 */
import {
  DefaultTokenResolver,
  Fn,
  StringConcat,
  TerraformStack,
  TerraformVariable,
  Testing,
  Tokenization,
} from 'cdktf';
import {
  AuthenticationAlgorithm,
  DhGroup,
  EncryptionAlgorithm,
  IkeConfig,
  IkeMode,
  IkeVersion,
  IpsecConfig,
  IpsecPfs,
  IpsecVpnConnection,
  IpsecVpnConnectionProps,
  TunnelRole,
} from '../src';
import {
  ALIBABA_ADDRESS,
  ALIBABA_SLAVE_ADDRESS,
  CUSTOMER_ADDRESS,
  IkeSa,
  LogMark,
  Side,
  ENC,
  GROUP,
  INTEG,
  ms,
  ON_PREM_SUBNET,
  strongSwanDescribe,
  SwanPair,
  VPC_SUBNET,
  writeMarker,
} from './support/strongswan';

const KEY = 'Swan-Test-Psk-5d1e';
const MASTER_KEY = 'Master-Swan-Psk-9a8b';
const SLAVE_KEY = 'Slave-Swan-Psk-7c6d';

/** One tunnel's settings with the library's documented defaults filled in. */
interface Tunnel {
  readonly role?: TunnelRole;
  readonly alibabaAddress: string;
  readonly key: string;
  readonly version: IkeVersion;
  readonly mode: IkeMode;
  readonly ikeEnc: string;
  readonly ikeAuth: string;
  readonly dh: string;
  readonly ikeLifetime: number;
  readonly espEnc: string;
  readonly espAuth: string;
  readonly pfs: string;
  readonly espLifetime: number;
  readonly dpd: boolean;
  /** Alibaba's LocalId and RemoteId: the ids of the Alibaba side and of the customer side. */
  readonly alibabaId: string;
  readonly customerId: string;
}

function tunnel(
  alibabaAddress: string,
  key: string,
  ike: IkeConfig = {},
  ipsec: IpsecConfig = {},
  dpd = true,
  role?: TunnelRole,
): Tunnel {
  return {
    role,
    alibabaAddress,
    key,
    version: ike.version ?? IkeVersion.IKEV2,
    mode: ike.mode ?? IkeMode.MAIN,
    ikeEnc: ike.encryptionAlgorithm ?? 'aes256',
    ikeAuth: ike.authenticationAlgorithm ?? 'sha256',
    dh: ike.dhGroup ?? 'group14',
    ikeLifetime: ike.lifetimeSeconds ?? 86400,
    espEnc: ipsec.encryptionAlgorithm ?? 'aes256',
    espAuth: ipsec.authenticationAlgorithm ?? 'sha256',
    pfs: ipsec.pfs ?? 'group14',
    espLifetime: ipsec.lifetimeSeconds ?? 86400,
    dpd,
    alibabaId: ike.localId ?? alibabaAddress,
    customerId: ike.remoteId ?? CUSTOMER_ADDRESS,
  };
}

/** The tunnels of a connection's props (the keys given literally, by the case). */
function tunnelsOf(props: IpsecVpnConnectionProps, keys: string[]): Tunnel[] {
  if (props.tunnels === undefined) {
    return [tunnel(ALIBABA_ADDRESS, keys[0], props.ikeConfig, props.ipsecConfig, props.enableDpd ?? true)];
  }
  return [TunnelRole.MASTER, TunnelRole.SLAVE].map((role, i) => {
    const t = props.tunnels!.find((x) => x.role === role)!;
    const address = role === TunnelRole.MASTER ? ALIBABA_ADDRESS : ALIBABA_SLAVE_ADDRESS;
    return tunnel(address, keys[i], t.ikeConfig, t.ipsecConfig, t.enableDpd ?? true, role);
  });
}

/** Deliberate differences of the Alibaba side: for the cases that must fail, and to probe the wire. */
interface Mismatch {
  readonly key?: string;
  readonly dh?: string;
  readonly customerId?: string;
  /** A longer CHILD_SA lifetime, so the responder logs the lifetime IKEv1 put on the wire. */
  readonly espLifetime?: number;
}

function hex(s: string): string {
  return `0x${Buffer.from(s, 'utf8').toString('hex')}`;
}

/**
 * The stand-in for the Alibaba gateway, mirrored from the props: its own addresses and ids local, the
 * customer's remote, the same proposals and lifetimes, `dpd_action = clear` and `start_action = none`
 * (it only responds). The key is written in hex, so no character of it is special to swanctl.conf.
 */
function alibabaConfig(tunnels: Tunnel[], mismatch: Mismatch = {}): string {
  const proposal = (enc: string, auth: string, dh?: string) =>
    [ENC[enc].keyword, INTEG[auth].keyword, ...(dh === undefined ? [] : [GROUP[dh].keyword])].join('-');
  const conns: string[] = [];
  const secrets: string[] = [];
  tunnels.forEach((t, i) => {
    const name = `alibaba-${t.role ?? 'single'}`;
    const customerId = mismatch.customerId ?? t.customerId;
    conns.push(
      `  ${name} {`,
      `    version = ${t.version === IkeVersion.IKEV1 ? 1 : 2}`,
      `    aggressive = ${t.mode === IkeMode.AGGRESSIVE ? 'yes' : 'no'}`,
      `    local_addrs = ${t.alibabaAddress}`,
      `    remote_addrs = ${CUSTOMER_ADDRESS}`,
      `    proposals = ${proposal(t.ikeEnc, t.ikeAuth, mismatch.dh ?? t.dh)}`,
      `    rekey_time = ${Math.round(t.ikeLifetime * 0.9)}s`,
      `    over_time = ${t.ikeLifetime - Math.round(t.ikeLifetime * 0.9)}s`,
      `    dpd_delay = ${t.dpd ? 30 : 0}s`,
      `    local {`,
      `      auth = psk`,
      `      id = ${t.alibabaId}`,
      `    }`,
      `    remote {`,
      `      auth = psk`,
      `      id = ${customerId}`,
      `    }`,
      `    children {`,
      `      ${name}-vpc {`,
      `        local_ts = ${VPC_SUBNET}`,
      `        remote_ts = ${ON_PREM_SUBNET}`,
      `        esp_proposals = ${proposal(t.espEnc, t.espAuth, t.pfs === 'disabled' ? undefined : t.pfs)}`,
      `        rekey_time = ${Math.round(t.espLifetime * 0.9)}s`,
      `        life_time = ${mismatch.espLifetime ?? t.espLifetime}s`,
      `        dpd_action = clear`,
      `        start_action = none`,
      `      }`,
      `    }`,
      `  }`,
    );
    secrets.push(
      `  ike-${i} {`,
      `    id-1 = ${t.alibabaId}`,
      `    id-2 = ${customerId}`,
      `    secret = ${hex(mismatch.key ?? t.key)}`,
      `  }`,
    );
  });
  return ['connections {', ...conns, '}', 'secrets {', ...secrets, '}', ''].join('\n');
}

/** What `swanctl --list-sas` must show for a tunnel. */
function expected(t: Tunnel) {
  const ike = `${ENC[t.ikeEnc].shown}/${INTEG[t.ikeAuth].shown}/${INTEG[t.ikeAuth].prf}/${GROUP[t.dh].shown}`;
  const esp = `ESP:${ENC[t.espEnc].shown}/${INTEG[t.espAuth].shown}`;
  const withPfs = t.pfs === 'disabled' ? esp : `${esp}/${GROUP[t.pfs].shown}`;
  // IKEv2 uses the ESP DH group only when rekeying; IKEv1 Quick Mode uses it at once
  return { ike, esp: t.version === IkeVersion.IKEV1 ? withPfs : esp, rekeyed: withPfs };
}

// ---- the customer side: the library's text, its tokens replaced as `terraform apply` would

function resolve(stack: TerraformStack, value: string): string {
  return Tokenization.resolve(value, {
    scope: stack,
    preparing: false,
    resolver: new DefaultTokenResolver(new StringConcat()),
  });
}

interface Built {
  readonly text: string;
  readonly tunnels: Tunnel[];
}

/**
 * Builds the connection, renders `strongSwanConfig` and substitutes what apply would: the tunnels'
 * public IPs (dual-tunnel) and the keys of the variables, then Terraform's template unescaping.
 */
function build(
  make: (stack: TerraformStack) => { props: IpsecVpnConnectionProps; keys: string[]; variables?: TerraformVariable[] },
): Built {
  const stack = new TerraformStack(Testing.app(), 'swan');
  const { props, keys, variables } = make(stack);
  const connection = new IpsecVpnConnection(stack, 'Connection', props);
  let text = resolve(
    stack,
    connection.strongSwanConfig({ localAddress: CUSTOMER_ADDRESS, remoteAddress: ALIBABA_ADDRESS }),
  );
  const substitutions: Array<[string, string]> = [];
  if (props.tunnels !== undefined) {
    substitutions.push([resolve(stack, connection.tunnelInternetIp(TunnelRole.MASTER)), ALIBABA_ADDRESS]);
    substitutions.push([resolve(stack, connection.tunnelInternetIp(TunnelRole.SLAVE)), ALIBABA_SLAVE_ADDRESS]);
  }
  (variables ?? []).forEach((v, i) => {
    substitutions.push([resolve(stack, v.stringValue), keys[i]]);
    // a key the renderer encodes for swanctl (`secret = 0s<base64>`), as terraform would evaluate it
    const b64 = Buffer.from(keys[i], 'utf8').toString('base64');
    substitutions.push([resolve(stack, Fn.base64encode(v.stringValue)), b64]);
  });
  // the longest expressions first: `${base64encode(var.k)}` before a plain `${var.k}` could touch it
  substitutions.sort((a, b) => b[0].length - a[0].length);
  const hadTokens = text.includes('${');
  for (const [expression, value] of substitutions) text = text.split(expression).join(value);
  if (hadTokens) {
    const left = /(^|[^$])\$\{[^}]*\}/.exec(text);
    if (left) throw new Error(`an expression the test cannot substitute is left: ${left[0]}\n${text}`);
    text = text.replace(/\$\$\{/g, '${').replace(/%%\{/g, '%{');
  }
  return { text, tunnels: tunnelsOf(props, keys) };
}

function single(ike: IkeConfig = {}, ipsec: IpsecConfig = {}, extra: Partial<IpsecVpnConnectionProps> = {}) {
  return (): { props: IpsecVpnConnectionProps; keys: string[] } => ({
    props: {
      vpnGatewayId: 'vpn-swan0001',
      customerGatewayId: 'cgw-swan0001',
      localSubnets: [VPC_SUBNET],
      remoteSubnets: [ON_PREM_SUBNET],
      ...extra,
      ikeConfig: { preSharedKey: KEY, ...ike },
      ipsecConfig: ipsec,
    },
    keys: [ike.preSharedKey ?? KEY],
  });
}

/** Dual-tunnel, keys from sensitive variables; the slave with other algorithms than the master. */
function dual(stack: TerraformStack) {
  const master = new TerraformVariable(stack, 'master_psk', { type: 'string', sensitive: true });
  const slave = new TerraformVariable(stack, 'slave_psk', { type: 'string', sensitive: true });
  const props: IpsecVpnConnectionProps = {
    vpnGatewayId: 'vpn-swandual01',
    localSubnets: [VPC_SUBNET],
    remoteSubnets: [ON_PREM_SUBNET],
    tunnels: [
      { role: TunnelRole.MASTER, customerGatewayId: 'cgw-swan-a001', ikeConfig: { preSharedKey: master.stringValue } },
      {
        role: TunnelRole.SLAVE,
        customerGatewayId: 'cgw-swan-b001',
        ikeConfig: {
          preSharedKey: slave.stringValue,
          encryptionAlgorithm: EncryptionAlgorithm.AES,
          authenticationAlgorithm: AuthenticationAlgorithm.SHA1,
          dhGroup: DhGroup.GROUP5,
        },
        ipsecConfig: { encryptionAlgorithm: EncryptionAlgorithm.AES192, pfs: IpsecPfs.GROUP5 },
      },
    ],
  };
  return { props, keys: [MASTER_KEY, SLAVE_KEY], variables: [master, slave] };
}

interface Case {
  readonly name: string;
  readonly make: Parameters<typeof build>[0];
  /** For a case that must fail: what differs on the Alibaba side and the log lines that say so. */
  readonly mismatch?: Mismatch & { readonly alibabaLog: RegExp; readonly customerLog: RegExp };
  /** Differences of the Alibaba side that must not stop the negotiation. */
  readonly alibaba?: Mismatch;
  /** Log lines a side must write (e.g. aggressive mode, the lifetime received). */
  readonly logs?: Array<[Side, RegExp]>;
}

const weak = { allowWeakCrypto: true };
const CASES: Case[] = [
  { name: 'IKEv2 defaults (aes256, sha256, group14)', make: single() },
  { name: 'IKEv1 main mode', make: single({ version: IkeVersion.IKEV1 }) },
  {
    name: 'IKEv1 aggressive mode',
    make: single({ version: IkeVersion.IKEV1, mode: IkeMode.AGGRESSIVE }),
    logs: [['customer', /initiating Aggressive Mode IKE_SA/]],
  },
  ...Object.values(EncryptionAlgorithm).map((enc) => ({
    name: `encryption ${enc} (IKE and IPsec)`,
    make: single({ encryptionAlgorithm: enc }, { encryptionAlgorithm: enc }, weak),
  })),
  ...Object.values(AuthenticationAlgorithm).map((auth) => ({
    name: `integrity ${auth} (IKE and IPsec)`,
    make: single({ authenticationAlgorithm: auth }, { authenticationAlgorithm: auth }, weak),
  })),
  ...Object.values(DhGroup).map((group) => ({
    name: `DH ${group} (IKE and IPsec PFS)`,
    make: single({ dhGroup: group }, { pfs: group as string as IpsecPfs }, weak),
  })),
  { name: 'IPsec PFS disabled (IKEv2)', make: single({}, { pfs: IpsecPfs.DISABLED }) },
  { name: 'IPsec PFS disabled (IKEv1)', make: single({ version: IkeVersion.IKEV1 }, { pfs: IpsecPfs.DISABLED }) },
  {
    name: 'DPD off, short lifetimes (IKEv1: exactly these on the wire)',
    make: single({ version: IkeVersion.IKEV1, lifetimeSeconds: 3600 }, { lifetimeSeconds: 1800 }, { enableDpd: false }),
    alibaba: { espLifetime: 3600 },
    logs: [['alibaba', /received 1800s lifetime, configured 3600s/]],
  },
  { name: 'dual tunnel: master and slave, keys from variables', make: dual },
  {
    name: 'FQDN ids, IKEv1 aggressive mode',
    make: single({
      version: IkeVersion.IKEV1,
      mode: IkeMode.AGGRESSIVE,
      localId: 'vpn-gw.alicloud.example',
      remoteId: 'onprem.example.com',
    }),
    logs: [['customer', /initiating Aggressive Mode IKE_SA/]],
  },
  {
    name: 'FQDN ids, IKEv2',
    make: single({ localId: 'vpn-gw.alicloud.example', remoteId: 'onprem.example.com' }),
  },
  {
    name: 'key with characters special to swanctl.conf',
    make: single({ preSharedKey: `Ab#c;d'e{f}g$h%i,j=k` }),
  },
  {
    name: 'key that starts like a swanctl hex value (0x)',
    make: single({ preSharedKey: '0xSwanTestPsk' }),
  },
  {
    name: 'MISMATCH wrong key: fails',
    make: single(),
    mismatch: { key: `${KEY}-other`, alibabaLog: /MAC mismatched/, customerLog: /AUTHENTICATION_FAILED/ },
  },
  {
    name: 'MISMATCH wrong DH group: fails',
    make: single(),
    mismatch: {
      dh: 'group2',
      alibabaLog: /no acceptable KEY_EXCHANGE_METHOD found/,
      customerLog: /NO_PROPOSAL_CHOSEN/,
    },
  },
  {
    name: 'MISMATCH wrong id: fails',
    make: single(),
    mismatch: {
      customerId: 'someone-else.example',
      alibabaLog: /no matching peer config found/,
      customerLog: /AUTHENTICATION_FAILED/,
    },
  },
];

interface Timing {
  readonly name: string;
  readonly result: string;
  readonly established?: number;
  readonly ping?: number;
  readonly rekey?: number;
  readonly total: number;
}

const established = (names: string[]) => (sas: IkeSa[]) =>
  names.every((n) =>
    sas.some((sa) => sa.name === n && sa.state === 'ESTABLISHED' && sa.children.some((c) => c.state === 'INSTALLED')),
  );

strongSwanDescribe('test/strongswan.test.ts')('strongSwan negotiates the rendered configuration', () => {
  let pair: SwanPair | undefined;
  const timings: Timing[] = [];
  let startup = 0;

  beforeAll(async () => {
    const t0 = Date.now();
    pair = await SwanPair.start();
    startup = ms(t0);
  });

  afterAll(() => {
    pair?.stop();
    const failed = timings.filter((t) => !t.result.startsWith('ok')).length;
    writeMarker(`ran (${timings.length} cases, ${failed} failed)`);
    const col = (v?: number) => (v === undefined ? '-' : `${v} ms`).padStart(8);
    // eslint-disable-next-line no-console
    console.log(
      [
        `strongSwan matrix: daemons up in ${startup} ms`,
        `${'case'.padEnd(62)} ${'establish'.padStart(9)} ${'ping'.padStart(8)} ${'rekey'.padStart(8)} ${'total'.padStart(8)}  result`,
        ...timings.map(
          (t) =>
            `${t.name.padEnd(62)} ${col(t.established).padStart(9)} ${col(t.ping)} ${col(t.rekey)} ${col(t.total)}  ${t.result}`,
        ),
      ].join('\n'),
    );
  });

  afterEach(async () => {
    await pair?.terminateAll();
  });

  test.each(CASES)(
    '$name',
    async (c) => {
      const p = pair!;
      const t0 = Date.now();
      const { text, tunnels } = build(c.make);
      const names = tunnels.map((t) => (t.role === undefined ? 'alicloud' : `alicloud-${t.role}`));
      const mark = p.mark();
      const timing: { -readonly [K in keyof Timing]?: Timing[K] } = { name: c.name, result: 'FAILED' };
      const diagnose = (e: unknown, m: LogMark) =>
        new Error(
          `${e instanceof Error ? e.message : String(e)}\n--- customer swanctl.conf (library):\n${text}\n` +
            `--- customer log:\n${p.readLog('customer', m)}\n--- alibaba log:\n${p.readLog('alibaba', m)}`,
        );
      try {
        const tLoad = Date.now();
        p.load('alibaba', alibabaConfig(tunnels, c.mismatch ?? c.alibaba), 'alibaba.conf');
        // start_action = start (the default): loading initiates
        p.load('customer', text, 'customer.conf');
        if (c.mismatch) {
          expect(await p.waitForLog('alibaba', c.mismatch.alibabaLog, mark)).toBe(true);
          expect(await p.waitForLog('customer', c.mismatch.customerLog, mark)).toBe(true);
          expect(established(names)(p.listSas('customer'))).toBe(false);
          // and nothing crosses: the ping needs the tunnel
          expect(p.ping(1, 0.3).ok).toBe(false);
          timing.established = ms(tLoad);
          timing.result = 'ok (failed as expected)';
          return;
        }
        const sas = await p.waitForSas(established(names));
        timing.established = ms(tLoad);
        if (sas === undefined) throw new Error(`not established within 5 s: ${JSON.stringify(p.listSas('customer'))}`);
        const alibabaSas = p.listSas('alibaba');
        for (const [i, t] of tunnels.entries()) {
          const want = expected(t);
          const sa = sas.find((s) => s.name === names[i])!;
          expect({ version: sa.version, ike: sa.algorithms, esp: sa.children.map((x) => x.algorithms) }).toEqual({
            version: t.version === IkeVersion.IKEV1 ? 'IKEv1' : 'IKEv2',
            ike: want.ike,
            esp: [want.esp],
          });
          expect([sa.localId, sa.remoteId]).toEqual([t.customerId, t.alibabaId]);
          expect([sa.children[0].localTs, sa.children[0].remoteTs]).toEqual([ON_PREM_SUBNET, VPC_SUBNET]);
          const peer = alibabaSas.find((s) => s.name === `alibaba-${t.role ?? 'single'}`);
          expect(peer?.algorithms).toBe(want.ike);
        }
        for (const [side, pattern] of c.logs ?? []) {
          if (!(await p.waitForLog(side, pattern, mark, 1000))) throw new Error(`no ${pattern} in the ${side} log`);
        }

        const t1 = Date.now();
        const ping = p.ping();
        timing.ping = ms(t1);
        if (!ping.ok) throw new Error(`ping through the tunnel failed:\n${ping.out}`);

        // a forced CHILD_SA rekey of every tunnel (IKEv2 only uses the ESP DH group here)
        const t2 = Date.now();
        for (const [i, t] of tunnels.entries()) {
          const old = sas.find((s) => s.name === names[i])!.children[0];
          p.rekeyChild(old.uniqueId);
          const rekeyed = await p.waitForSas((now) => {
            const children = now.find((s) => s.name === names[i])?.children ?? [];
            // IKEv2 deletes the old SA after charon.delete_rekeyed_delay, IKEv1 keeps it until it expires
            return children.some((x) => x.uniqueId > old.uniqueId && x.state === 'INSTALLED');
          });
          if (rekeyed === undefined) {
            throw new Error(`CHILD_SA ${old.name} not rekeyed: ${JSON.stringify(p.listSas('customer'))}`);
          }
          const fresh = rekeyed.find((s) => s.name === names[i])!.children.find((x) => x.uniqueId > old.uniqueId)!;
          expect(fresh.algorithms).toBe(expected(t).rekeyed);
        }
        timing.rekey = ms(t2);
        const after = p.ping(1);
        if (!after.ok) throw new Error(`ping after the rekey failed:\n${after.out}`);

        if (tunnels.length === 2) {
          // the slave carries the traffic alone once the master is gone
          await p.terminateIke('customer', names[0]);
          const slaveOnly = p.ping();
          if (!slaveOnly.ok) throw new Error(`ping through the slave tunnel alone failed:\n${slaveOnly.out}`);
        }
        timing.result = 'ok';
      } catch (e) {
        throw diagnose(e, mark);
      } finally {
        timings.push({ ...timing, total: ms(t0) } as Timing);
      }
    },
    30_000,
  );
});
