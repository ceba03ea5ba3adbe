/**
 * Two real strongSwan daemons (charon-systemd in the foreground, Debian 12's strongSwan 5.9) in two network
 * namespaces joined by a veth pair: the customer gateway on one side, a stand-in for the Alibaba Cloud VPN
 * gateway on the other. Facts and pitfalls: shared/reference/strongswan-notes.md.
 *
 * Addresses (the defaults; `SwanPair.start` takes others): customer 192.0.2.1 (outer) and 10.10.0.1 on lo
 * (on-premises); Alibaba 192.0.2.2 (master or single tunnel) and 192.0.2.3 (slave tunnel), 10.20.0.1 on lo
 * (VPC). ESP runs in userspace (kernel-libipsec): the kernels here have XFRM but no ESP.
 */
import { ChildProcess, spawn, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

export const CUSTOMER_ADDRESS = '192.0.2.1';
export const ALIBABA_ADDRESS = '192.0.2.2';
export const ALIBABA_SLAVE_ADDRESS = '192.0.2.3';
export const ON_PREM_HOST = '10.10.0.1';
export const VPC_HOST = '10.20.0.1';
export const ON_PREM_SUBNET = '10.10.0.0/24';
export const VPC_SUBNET = '10.20.0.0/24';

/** The addresses of the two namespaces. The outer ones need not share a subnet: each side routes to the other's. */
export interface SwanAddresses {
  /** The customer gateway's public (outer) address. */
  readonly customer: string;
  /** The Alibaba side's public (outer) addresses: the gateway's, or the master's and the slave's tunnel. */
  readonly alibaba: readonly string[];
  /** A host of the on-premises network (on the customer namespace's lo), the ping's source. */
  readonly onPremHost: string;
  /** A host of the VPC (on the Alibaba namespace's lo), the ping's destination. */
  readonly vpcHost: string;
}

export const DEFAULT_ADDRESSES: SwanAddresses = {
  customer: CUSTOMER_ADDRESS,
  alibaba: [ALIBABA_ADDRESS, ALIBABA_SLAVE_ADDRESS],
  onPremHost: ON_PREM_HOST,
  vpcHost: VPC_HOST,
};

/** The /24 network of an IPv4 address (the prefix the outer addresses get on the veth pair). */
function net24(address: string): string {
  return address.split('.').slice(0, 3).join('.');
}

const CHARON = '/usr/sbin/charon-systemd';
const PLUGINS = '/usr/lib/ipsec/plugins';
const MARKER = path.join(__dirname, '..', '..', 'test-reports', 'strongswan.txt');

/** The two daemons: `customer` runs the library's configuration, `alibaba` the mirrored one. */
export type Side = 'customer' | 'alibaba';

function run(cmd: string, args: string[], env?: NodeJS.ProcessEnv, timeoutMs = 20_000) {
  const r = spawnSync(cmd, args, { encoding: 'utf8', env: { ...process.env, ...env }, timeout: timeoutMs });
  return { code: r.status ?? -1, out: `${r.stdout ?? ''}${r.stderr ?? ''}${r.error ? String(r.error) : ''}` };
}

function must(cmd: string, args: string[]): string {
  const r = run(cmd, args);
  if (r.code !== 0) throw new Error(`${cmd} ${args.join(' ')} failed (${r.code}): ${r.out}`);
  return r.out;
}

function onPath(cmd: string): boolean {
  return (process.env.PATH ?? '').split(path.delimiter).some((dir) => {
    try {
      fs.accessSync(path.join(dir, cmd), fs.constants.X_OK);
      return true;
    } catch {
      return false;
    }
  });
}

/** Why the strongSwan tests cannot run here, or undefined when they can. Probes a real namespace. */
function missingPrerequisite(): string | undefined {
  if (process.platform !== 'linux') return `not Linux (${process.platform})`;
  if (typeof process.getuid !== 'function' || process.getuid() !== 0) return 'not root (needs CAP_NET_ADMIN)';
  if (!fs.existsSync('/dev/net/tun')) return 'no /dev/net/tun (kernel-libipsec needs a TUN device)';
  if (!fs.existsSync(CHARON)) return `no ${CHARON} (apt-get install charon-systemd)`;
  if (!onPath('swanctl')) return 'no swanctl on the PATH (apt-get install strongswan-swanctl)';
  for (const [plugin, pkg] of [
    ['kernel-libipsec', 'libcharon-extra-plugins'],
    ['openssl', 'libstrongswan-standard-plugins'],
    ['vici', 'strongswan-libcharon'],
  ]) {
    if (!fs.existsSync(path.join(PLUGINS, `libstrongswan-${plugin}.so`))) {
      return `no strongSwan ${plugin} plugin (apt-get install ${pkg})`;
    }
  }
  if (!onPath('ping')) return 'no ping on the PATH (apt-get install iputils-ping)';
  const probe = `swprobe${process.pid}`;
  const add = run('ip', ['netns', 'add', probe]);
  if (add.code !== 0) return `network namespaces unavailable (ip netns add: ${add.out.trim()})`;
  run('ip', ['netns', 'delete', probe]);
  return undefined;
}

/** Why the tests are skipped here, or undefined when they run. */
export const STRONGSWAN_MISSING = missingPrerequisite();

/**
 * `describe` where two strongSwan daemons can run; elsewhere `describe.skip`, a loud warning, and the
 * marker file `test-reports/strongswan.txt` saying why (read by `.ci/run`).
 */
export function strongSwanDescribe(file: string): jest.Describe {
  if (STRONGSWAN_MISSING !== undefined) {
    // eslint-disable-next-line no-console
    console.warn(
      `SKIPPED: ${file}: the strongSwan negotiation tests need root, network namespaces, /dev/net/tun, ` +
        `charon-systemd and swanctl (Debian: strongswan-swanctl charon-systemd libstrongswan-standard-plugins ` +
        `libcharon-extra-plugins iputils-ping iproute2). Missing: ${STRONGSWAN_MISSING}.`,
    );
    writeMarker(`skipped: ${STRONGSWAN_MISSING}`);
    return describe.skip;
  }
  return describe;
}

/** Records whether the strongSwan tests ran, for the closing lines of `.ci/run`. */
export function writeMarker(text: string, file: string = MARKER): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, `${text}\n`);
}

/** The marker of the end-to-end test (test/strongswan-e2e.test.ts), read by .ci/run likewise. */
export const E2E_MARKER = path.join(__dirname, '..', '..', 'test-reports', 'strongswan-e2e.txt');

/** One SA of `swanctl --list-sas`. */
export interface IkeSa {
  readonly name: string;
  readonly uniqueId: number;
  readonly state: string;
  /** `IKEv1` or `IKEv2`. */
  readonly version: string;
  readonly localId: string;
  readonly remoteId: string;
  /** e.g. `AES_CBC-256/HMAC_SHA2_256_128/PRF_HMAC_SHA2_256/MODP_2048`. */
  readonly algorithms: string;
  readonly children: ChildSa[];
}

export interface ChildSa {
  readonly name: string;
  readonly uniqueId: number;
  readonly state: string;
  /** e.g. `ESP:AES_CBC-256/HMAC_SHA2_256_128/MODP_2048` (the DH group only with PFS, after an IKEv2 rekey). */
  readonly algorithms: string;
  readonly localTs: string;
  readonly remoteTs: string;
}

/** Parses the human-readable `swanctl --list-sas` output. */
export function parseSas(text: string): IkeSa[] {
  const sas: Array<Omit<IkeSa, 'children'> & { children: ChildSa[] }> = [];
  let child: { -readonly [K in keyof ChildSa]: ChildSa[K] } | undefined;
  for (const line of text.split('\n')) {
    let m = /^(\S+): #(\d+), (\w+), (IKEv\d)/.exec(line);
    if (m) {
      sas.push({
        name: m[1],
        uniqueId: Number(m[2]),
        state: m[3],
        version: m[4],
        localId: '',
        remoteId: '',
        algorithms: '',
        children: [],
      });
      child = undefined;
      continue;
    }
    const sa = sas[sas.length - 1];
    if (sa === undefined) continue;
    m = /^ {2}(\S+): #(\d+), reqid \d+, (\w+), [\w-]+, (\S+)/.exec(line);
    if (m) {
      child = { name: m[1], uniqueId: Number(m[2]), state: m[3], algorithms: m[4], localTs: '', remoteTs: '' };
      sa.children.push(child);
      continue;
    }
    if (child) {
      m = /^ {4}(local|remote) +(\S.*)$/.exec(line);
      if (m) {
        if (m[1] === 'local') child.localTs = m[2].trim();
        else child.remoteTs = m[2].trim();
      }
      continue;
    }
    m = /^ {2}(local|remote) +'([^']*)'/.exec(line);
    if (m) {
      Object.assign(sa, m[1] === 'local' ? { localId: m[2] } : { remoteId: m[2] });
      continue;
    }
    m = /^ {2}([A-Z0-9_]+[-/][A-Z0-9_/-]+)\s*$/.exec(line);
    if (m && sa.algorithms === '') Object.assign(sa, { algorithms: m[1] });
  }
  return sas;
}

function sleep(millis: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, millis));
}

class Daemon {
  public readonly dir: string;
  public readonly conf: string;
  public readonly uri: string;
  public readonly log: string;
  public process?: ChildProcess;

  constructor(
    root: string,
    public readonly side: Side,
    public readonly netns: string,
  ) {
    this.dir = path.join(root, side);
    fs.mkdirSync(this.dir, { recursive: true });
    this.conf = path.join(this.dir, 'strongswan.conf');
    this.uri = `unix://${path.join(this.dir, 'charon.vici')}`;
    this.log = path.join(this.dir, 'charon.log');
    // hermetic: no /etc/strongswan.d, an explicit plugin list (kdf for the key derivation, openssl for
    // des/3des, kernel-libipsec before kernel-netlink for userspace ESP), short retransmits for tests
    fs.writeFileSync(
      this.conf,
      [
        'charon-systemd {',
        '  load_modular = no',
        '  load = random nonce aes sha1 sha2 md5 hmac gmp kdf openssl pem pkcs1 x509 kernel-libipsec kernel-netlink socket-default vici updown',
        '  i_dont_care_about_security_and_use_aggressive_mode_psk = yes',
        '  retransmit_timeout = 1',
        '  retransmit_base = 1.4',
        '  retransmit_tries = 2',
        '  journal {',
        '    default = -1',
        '  }',
        '  filelog {',
        '    main {',
        `      path = ${this.log}`,
        '      time_format = %H:%M:%S',
        '      append = yes',
        '      flush_line = yes',
        '      default = 1',
        '      ike = 2',
        '      cfg = 2',
        '    }',
        '  }',
        '  plugins {',
        '    vici {',
        `      socket = ${this.uri}`,
        '    }',
        '  }',
        '}',
        'swanctl {',
        `  socket = ${this.uri}`,
        '}',
        '',
      ].join('\n'),
    );
    fs.writeFileSync(this.log, '');
  }

  public start(): void {
    const out = fs.openSync(path.join(this.dir, 'stdout'), 'w');
    this.process = spawn('ip', ['netns', 'exec', this.netns, CHARON], {
      env: { ...process.env, STRONGSWAN_CONF: this.conf },
      stdio: ['ignore', out, out],
    });
    fs.closeSync(out);
  }

  public swanctl(args: string[], timeoutMs = 20_000) {
    return run('swanctl', [...args, '--uri', this.uri], { STRONGSWAN_CONF: this.conf }, timeoutMs);
  }
}

/** A case's view of one daemon's log: the lines written since the mark. */
export interface LogMark {
  readonly customer: number;
  readonly alibaba: number;
}

/** The two namespaces and daemons. Start with `SwanPair.start()`, end with `stop()` (idempotent). */
export class SwanPair {
  public static async start(addresses: SwanAddresses = DEFAULT_ADDRESSES): Promise<SwanPair> {
    const pair = new SwanPair(addresses);
    try {
      pair.setUpNetwork();
      pair.customer.start();
      pair.alibaba.start();
      await pair.waitForSockets();
    } catch (e) {
      pair.stop();
      throw e;
    }
    return pair;
  }

  public readonly root: string;
  private readonly customer: Daemon;
  private readonly alibaba: Daemon;
  private readonly namespaces: Record<Side, string>;
  private readonly onExit: () => void;
  private stopped = false;

  private constructor(public readonly addresses: SwanAddresses) {
    this.root = fs.mkdtempSync(path.join(os.tmpdir(), `swan-${process.pid}-`));
    const tag = `${process.pid}`;
    this.namespaces = { customer: `swc${tag}`, alibaba: `swa${tag}` };
    this.customer = new Daemon(this.root, 'customer', this.namespaces.customer);
    this.alibaba = new Daemon(this.root, 'alibaba', this.namespaces.alibaba);
    // a jest worker that dies still takes its namespaces and daemons along
    this.onExit = () => this.stop();
    process.once('exit', this.onExit);
  }

  private daemon(side: Side): Daemon {
    return side === 'customer' ? this.customer : this.alibaba;
  }

  private setUpNetwork(): void {
    const c = this.namespaces.customer;
    const a = this.namespaces.alibaba;
    const vc = `vc${process.pid}`;
    const va = `va${process.pid}`;
    must('ip', ['netns', 'add', c]);
    must('ip', ['netns', 'add', a]);
    must('ip', ['link', 'add', vc, 'netns', c, 'type', 'veth', 'peer', 'name', va, 'netns', a]);
    const { customer, alibaba, onPremHost, vpcHost } = this.addresses;
    for (const [ns, dev, addrs, inner, peers] of [
      [c, vc, [customer], onPremHost, alibaba],
      [a, va, alibaba, vpcHost, [customer]],
    ] as const) {
      must('ip', ['-n', ns, 'link', 'set', 'lo', 'up']);
      must('ip', ['-n', ns, 'addr', 'add', `${inner}/32`, 'dev', 'lo']);
      for (const addr of addrs) must('ip', ['-n', ns, 'addr', 'add', `${addr}/24`, 'dev', dev]);
      must('ip', ['-n', ns, 'link', 'set', dev, 'up']);
      // a peer outside this side's /24s is on the other end of the veth all the same (it answers ARP for it)
      const local = new Set(addrs.map(net24));
      for (const peer of peers.filter((p) => !local.has(net24(p)))) {
        must('ip', ['-n', ns, 'route', 'add', `${peer}/32`, 'dev', dev]);
      }
    }
  }

  private async waitForSockets(): Promise<void> {
    const deadline = Date.now() + 10_000;
    for (const d of [this.customer, this.alibaba]) {
      const socket = d.uri.slice('unix://'.length);
      while (!fs.existsSync(socket)) {
        if (d.process?.exitCode !== null && d.process?.exitCode !== undefined) {
          throw new Error(`charon-systemd (${d.side}) exited (${d.process.exitCode}): ${this.readLog(d.side)}`);
        }
        if (Date.now() > deadline) throw new Error(`charon-systemd (${d.side}) did not open ${socket} in 10 s`);
        await sleep(20);
      }
    }
  }

  /**
   * Loads a swanctl.conf text into one daemon, replacing every connection and secret it had. Everything is
   * unloaded first: vici runs the `start_action` of a new or changed connection only, not of a reloaded
   * identical one.
   */
  public load(side: Side, text: string, name = 'swanctl.conf'): void {
    const d = this.daemon(side);
    const empty = path.join(d.dir, 'empty.conf');
    const file = path.join(d.dir, name);
    fs.writeFileSync(empty, '');
    fs.writeFileSync(file, text);
    for (const f of [empty, file]) {
      const r = d.swanctl(['--load-all', '--clear', '--noprompt', '--file', f]);
      if (r.code !== 0) {
        throw new Error(`swanctl --load-all (${side}) failed (${r.code}): ${r.out}\n--- ${name}:\n${text}`);
      }
    }
  }

  /** `swanctl --initiate`: the exit code and output (non-zero when the negotiation fails). */
  public initiate(child: string, ike: string, timeoutSeconds = 10) {
    return this.customer.swanctl(['--initiate', '--ike', ike, '--child', child, '--timeout', String(timeoutSeconds)]);
  }

  public listSas(side: Side): IkeSa[] {
    const r = this.daemon(side).swanctl(['--list-sas']);
    if (r.code !== 0) throw new Error(`swanctl --list-sas (${side}) failed: ${r.out}`);
    return parseSas(r.out);
  }

  /** Polls until `predicate` holds for the customer side's SAs; returns them, or undefined on timeout. */
  public async waitForSas(
    predicate: (sas: IkeSa[]) => boolean,
    timeoutMs = 5000,
    side: Side = 'customer',
  ): Promise<IkeSa[] | undefined> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const sas = this.listSas(side);
      if (predicate(sas)) return sas;
      if (Date.now() > deadline) return undefined;
      await sleep(25);
    }
  }

  /** Forces a rekey of a CHILD_SA (by unique id); the result must be read from `listSas` (notes §8.10). */
  public rekeyChild(childUniqueId: number): void {
    const r = this.customer.swanctl(['--rekey', '--child-id', String(childUniqueId)]);
    if (r.code !== 0) throw new Error(`swanctl --rekey failed: ${r.out}`);
  }

  /** Terminates one IKE_SA by connection name and waits until it is gone. */
  public async terminateIke(side: Side, name: string): Promise<void> {
    const r = this.daemon(side).swanctl(['--terminate', '--ike', name, '--timeout', '3']);
    if (r.code !== 0) throw new Error(`swanctl --terminate --ike ${name} (${side}) failed: ${r.out}`);
    if ((await this.waitForSas((s) => !s.some((sa) => sa.name === name), 3000, side)) === undefined) {
      throw new Error(`IKE_SA ${name} still up on the ${side} side`);
    }
  }

  /** Terminates every IKE_SA on both sides (no DELETE round trip needed) and waits until none is left. */
  public async terminateAll(): Promise<void> {
    for (const side of ['customer', 'alibaba'] as const) {
      for (const sa of this.listSas(side)) {
        this.daemon(side).swanctl(['--terminate', '--ike-id', String(sa.uniqueId), '--force', '--timeout', '1']);
      }
    }
    for (const side of ['customer', 'alibaba'] as const) {
      if ((await this.waitForSas((s) => s.length === 0, 3000, side)) === undefined) {
        throw new Error(`IKE_SAs left on the ${side} side: ${JSON.stringify(this.listSas(side))}`);
      }
    }
  }

  /** Pings the VPC host from the on-premises host through the tunnel; true when every reply came back. */
  public ping(count = 2, waitSeconds = 1): { ok: boolean; out: string } {
    const r = run('ip', [
      'netns',
      'exec',
      this.namespaces.customer,
      'ping',
      '-n',
      '-c',
      String(count),
      '-i',
      '0.2',
      '-W',
      String(waitSeconds),
      '-I',
      this.addresses.onPremHost,
      this.addresses.vpcHost,
    ]);
    return { ok: r.code === 0 && new RegExp(`${count} received`).test(r.out), out: r.out };
  }

  public mark(): LogMark {
    return { customer: fs.statSync(this.customer.log).size, alibaba: fs.statSync(this.alibaba.log).size };
  }

  /** A daemon's log, from `mark` on when given. */
  public readLog(side: Side, mark?: LogMark): string {
    const text = fs.readFileSync(this.daemon(side).log);
    return text.subarray(mark ? mark[side] : 0).toString('utf8');
  }

  /** Polls until the log of `side` (since `mark`) matches; returns whether it did. */
  public async waitForLog(side: Side, pattern: RegExp, mark: LogMark, timeoutMs = 5000): Promise<boolean> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      if (pattern.test(this.readLog(side, mark))) return true;
      if (Date.now() > deadline) return false;
      await sleep(25);
    }
  }

  /** Kills the daemons and deletes the namespaces; safe to call twice and after a failed start. */
  public stop(): void {
    if (this.stopped) return;
    this.stopped = true;
    process.removeListener('exit', this.onExit);
    for (const d of [this.customer, this.alibaba]) {
      const p = d.process;
      if (p?.pid !== undefined && p.exitCode === null && p.signalCode === null) {
        try {
          p.kill('SIGTERM');
        } catch {
          // already gone
        }
      }
    }
    // charon exits on SIGTERM within milliseconds; make sure before the namespaces go
    const deadline = Date.now() + 2000;
    for (const d of [this.customer, this.alibaba]) {
      const pid = d.process?.pid;
      if (pid === undefined) continue;
      while (Date.now() < deadline && alive(pid)) spawnSync('sleep', ['0.02']);
      if (alive(pid)) {
        try {
          process.kill(pid, 'SIGKILL');
        } catch {
          // already gone
        }
      }
    }
    for (const ns of Object.values(this.namespaces)) run('ip', ['netns', 'delete', ns]);
    // the logs a failing case needs are in its error message already
    fs.rmSync(this.root, { recursive: true, force: true });
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    // a zombie is not alive: the child has exited but node has not reaped it yet
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    return !/^\d+ \(.*\) Z/.test(stat);
  } catch {
    return false;
  }
}

// ---- the oracle of both strongSwan tests, written from the notes (§5), not from the renderer: Alibaba
// names → strongSwan keywords and the names `swanctl --list-sas` shows

export const ENC: Record<string, { keyword: string; shown: string }> = {
  aes: { keyword: 'aes128', shown: 'AES_CBC-128' },
  aes192: { keyword: 'aes192', shown: 'AES_CBC-192' },
  aes256: { keyword: 'aes256', shown: 'AES_CBC-256' },
  des: { keyword: 'des', shown: 'DES_CBC' },
  '3des': { keyword: '3des', shown: '3DES_CBC' },
};
export const INTEG: Record<string, { keyword: string; shown: string; prf: string }> = {
  md5: { keyword: 'md5', shown: 'HMAC_MD5_96', prf: 'PRF_HMAC_MD5' },
  sha1: { keyword: 'sha1', shown: 'HMAC_SHA1_96', prf: 'PRF_HMAC_SHA1' },
  sha256: { keyword: 'sha256', shown: 'HMAC_SHA2_256_128', prf: 'PRF_HMAC_SHA2_256' },
  sha384: { keyword: 'sha384', shown: 'HMAC_SHA2_384_192', prf: 'PRF_HMAC_SHA2_384' },
  sha512: { keyword: 'sha512', shown: 'HMAC_SHA2_512_256', prf: 'PRF_HMAC_SHA2_512' },
};
export const GROUP: Record<string, { keyword: string; shown: string }> = {
  group1: { keyword: 'modp768', shown: 'MODP_768' },
  group2: { keyword: 'modp1024', shown: 'MODP_1024' },
  group5: { keyword: 'modp1536', shown: 'MODP_1536' },
  group14: { keyword: 'modp2048', shown: 'MODP_2048' },
};

/** Milliseconds since `since`, for the timing lines. */
export function ms(since: number): number {
  return Date.now() - since;
}
