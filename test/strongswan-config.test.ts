/**
 * `IpsecVpnConnection.strongSwanConfig()`: the customer side as a swanctl.conf, rendered from the props.
 * Whether strongSwan negotiates with it is test/strongswan.test.ts (real daemons); this file checks the text.
 */
import { DefaultTokenResolver, StringConcat, TerraformStack, TerraformVariable, Testing, Tokenization } from 'cdktf';
import {
  AuthenticationAlgorithm,
  CustomerGateway,
  DhGroup,
  EncryptionAlgorithm,
  IkeConfig,
  IkeMode,
  IkeVersion,
  IpsecConfig,
  IpsecPfs,
  IpsecVpnConnection,
  StrongSwanStartAction,
  TunnelRole,
  VpnGateway,
} from '../src';
import { errorOf } from './support/fixtures';

const KEY = 'Swan-Psk-0a1b2c';

function stack(): TerraformStack {
  return new TerraformStack(Testing.app(), 'site');
}

function single(ike: Partial<IkeConfig> = {}, ipsec?: IpsecConfig, extra: object = {}): IpsecVpnConnection {
  const s = stack();
  const hub = new VpnGateway(s, 'Hub', { vpcId: 'vpc-swan0001', bandwidth: 200 });
  const office = new CustomerGateway(s, 'Office', { ipAddress: '203.0.113.10' });
  return hub.addConnection('Office', {
    customerGateway: office,
    localSubnets: ['10.20.0.0/24', '10.21.0.0/24'],
    remoteSubnets: ['192.168.10.0/24'],
    ikeConfig: { preSharedKey: KEY, ...ike },
    ...(ipsec ? { ipsecConfig: ipsec } : {}),
    allowWeakCrypto: true,
    ...extra,
  });
}

/** The text with its tokens resolved as synthesis resolves them. */
function resolved(connection: IpsecVpnConnection, text: string): string {
  return Tokenization.resolve(text, {
    scope: connection,
    preparing: false,
    resolver: new DefaultTokenResolver(new StringConcat()),
  });
}

/** `key = value` of the first line with that key. */
function setting(text: string, key: string): string | undefined {
  return new RegExp(`^\\s*${key} = (.*)$`, 'm').exec(text)?.[1];
}

describe('single tunnel', () => {
  test('renders one IKE connection with the strong defaults, mirrored', () => {
    const c = single();
    const text = resolved(c, c.strongSwanConfig());
    expect(setting(text, 'version')).toBe('2');
    expect(text).not.toContain('aggressive');
    expect(setting(text, 'local_addrs')).toBe('203.0.113.10'); // the CustomerGateway's address
    expect(setting(text, 'remote_addrs')).toBe('${alicloud_vpn_gateway.Hub_C5CB2B3F.internet_ip}');
    expect(setting(text, 'proposals')).toBe('aes256-sha256-modp2048');
    expect(setting(text, 'esp_proposals')).toBe('aes256-sha256-modp2048');
    // the customer side's selectors are the connection's, swapped
    expect(setting(text, 'local_ts')).toBe('192.168.10.0/24');
    expect(setting(text, 'remote_ts')).toBe('10.20.0.0/24,10.21.0.0/24');
    expect(setting(text, 'dpd_delay')).toBe('30s');
    expect(setting(text, 'dpd_action')).toBe('restart');
    expect(setting(text, 'start_action')).toBe('start');
    expect(text).toMatch(/^connections \{\n {2}alicloud \{\n/);
    expect(text).toMatch(
      /secrets \{\n {2}ike-alicloud \{\n {4}id-1 = 203\.0\.113\.10\n {4}id-2 = \$\{alicloud_vpn_gateway\.Hub_C5CB2B3F\.internet_ip\}\n {4}secret = 0sU3dhbi1Qc2stMGExYjJj\n/,
    );
  });

  test('lifetimes: rekey at 0.9 L with over_time up to L (IKE), life_time exactly L (CHILD)', () => {
    const c = single({ lifetimeSeconds: 28800 }, { lifetimeSeconds: 3601 });
    const text = c.strongSwanConfig();
    expect(text).toContain('    rekey_time = 25920s\n    over_time = 2880s\n');
    expect(text).toContain('        rekey_time = 3241s\n        life_time = 3601s\n');
  });

  test.each([
    [EncryptionAlgorithm.AES, 'aes128'],
    [EncryptionAlgorithm.AES192, 'aes192'],
    [EncryptionAlgorithm.AES256, 'aes256'],
    [EncryptionAlgorithm.DES, 'des'],
    [EncryptionAlgorithm.TRIPLE_DES, '3des'],
  ])('encryption %s renders %s in both proposals', (alibaba, swan) => {
    const text = single({ encryptionAlgorithm: alibaba }, { encryptionAlgorithm: alibaba }).strongSwanConfig();
    expect(setting(text, 'proposals')).toBe(`${swan}-sha256-modp2048`);
    expect(setting(text, 'esp_proposals')).toBe(`${swan}-sha256-modp2048`);
  });

  test.each(Object.values(AuthenticationAlgorithm))('integrity %s renders its own name', (auth) => {
    const text = single({ authenticationAlgorithm: auth }, { authenticationAlgorithm: auth }).strongSwanConfig();
    expect(setting(text, 'proposals')).toBe(`aes256-${auth}-modp2048`);
    expect(setting(text, 'esp_proposals')).toBe(`aes256-${auth}-modp2048`);
  });

  test.each([
    [DhGroup.GROUP1, 'modp768'],
    [DhGroup.GROUP2, 'modp1024'],
    [DhGroup.GROUP5, 'modp1536'],
    [DhGroup.GROUP14, 'modp2048'],
  ])('DH %s renders %s', (group, modp) => {
    const text = single({ dhGroup: group }, { pfs: group as unknown as IpsecPfs }).strongSwanConfig();
    expect(setting(text, 'proposals')).toBe(`aes256-sha256-${modp}`);
    expect(setting(text, 'esp_proposals')).toBe(`aes256-sha256-${modp}`);
  });

  test('PFS disabled leaves the DH group out of esp_proposals', () => {
    expect(setting(single({}, { pfs: IpsecPfs.DISABLED }).strongSwanConfig(), 'esp_proposals')).toBe('aes256-sha256');
  });

  test('IKEv1 main and aggressive mode', () => {
    const main = single({ version: IkeVersion.IKEV1 }).strongSwanConfig();
    expect(setting(main, 'version')).toBe('1');
    expect(setting(main, 'aggressive')).toBe('no');
    const aggressive = single({ version: IkeVersion.IKEV1, mode: IkeMode.AGGRESSIVE }).strongSwanConfig();
    expect(setting(aggressive, 'aggressive')).toBe('yes');
  });

  test("Alibaba's LocalId is the customer's remote id and RemoteId its local id", () => {
    const text = single({ localId: 'vpn.alicloud.example', remoteId: 'office.example.com' }).strongSwanConfig();
    expect(text).toContain('    local {\n      auth = psk\n      id = office.example.com\n    }');
    expect(text).toContain('    remote {\n      auth = psk\n      id = vpn.alicloud.example\n    }');
    expect(text).toContain('    id-1 = office.example.com\n    id-2 = vpn.alicloud.example\n');
  });

  test('DPD off renders dpd_delay 0s and no dpd_action', () => {
    const text = single({}, undefined, { enableDpd: false }).strongSwanConfig();
    expect(setting(text, 'dpd_delay')).toBe('0s');
    expect(text).not.toContain('dpd_action');
  });

  test('options: addresses, name prefix, DPD delay, start action', () => {
    const text = single().strongSwanConfig({
      localAddress: '192.0.2.1',
      remoteAddress: '192.0.2.2',
      namePrefix: 'hq',
      dpdDelaySeconds: 10,
      startAction: StrongSwanStartAction.TRAP,
    });
    expect(setting(text, 'local_addrs')).toBe('192.0.2.1');
    expect(setting(text, 'remote_addrs')).toBe('192.0.2.2');
    expect(text).toContain('  hq {\n');
    expect(text).toContain('      hq-vpc {\n');
    // the ids stay Alibaba's defaults, the two public IPs, whatever addresses the router uses (NAT)
    expect(text).toMatch(/ {2}ike-hq \{\n {4}id-1 = 203\.0\.113\.10\n {4}id-2 = \$\{TfToken\[TOKEN\.\d+\]\}\n/);
    expect(setting(text, 'dpd_delay')).toBe('10s');
    expect(setting(text, 'start_action')).toBe('trap');
    // the gateway's address stays a token only as the remote id
    expect(text.split('\n').filter(Token_isUnresolved)).toEqual([
      expect.stringMatching(/^ {6}id = /),
      expect.stringMatching(/^ {4}id-2 = /),
    ]);
  });

  test('the key is base64 (`0s`): exact whatever it holds (`0x…` would be read as hex), no `${` for Terraform', () => {
    for (const key of ['0xA1b2C3d4', '0sAbC', 'a${b}c%{d}', "q#;'{}$%,=~"]) {
      const c = single({ preSharedKey: key });
      const line = /secret = (.*)/.exec(c.strongSwanConfig({ remoteAddress: '192.0.2.2' }))![1];
      expect(line.startsWith('0s')).toBe(true);
      expect(Buffer.from(line.slice(2), 'base64').toString('utf8')).toBe(key);
      expect(resolved(c, c.strongSwanConfig())).toContain(`secret = ${line}`);
    }
    const s = stack();
    const psk = new TerraformVariable(s, 'psk', { type: 'string', sensitive: true });
    const v = new IpsecVpnConnection(s, 'V', {
      vpnGatewayId: 'vpn-swan0001',
      customerGatewayId: 'cgw-swan0001',
      localSubnets: ['10.20.0.0/24'],
      remoteSubnets: ['192.168.10.0/24'],
      ikeConfig: { preSharedKey: psk.stringValue },
    });
    const text = resolved(v, v.strongSwanConfig({ remoteAddress: '192.0.2.2' }));
    expect(text).toContain('secret = 0s${base64encode(var.psk)}');
    expect(setting(text, 'local_addrs')).toBe('%any'); // no CustomerGateway construct, no address known
    expect(text).toContain('    local {\n      auth = psk\n    }'); // and no local id
  });
});

describe('dual tunnel', () => {
  function dual(bgp: boolean) {
    const s = stack();
    const hub = new VpnGateway(s, 'Hub', {
      vpcId: 'vpc-swan0001',
      bandwidth: 200,
      vswitchId: 'vsw-a0001',
      disasterRecoveryVswitchId: 'vsw-b0001',
    });
    const a = new CustomerGateway(s, 'A', { ipAddress: '203.0.113.10', asn: 65010 });
    const b = new CustomerGateway(s, 'B', { ipAddress: '198.51.100.10', asn: 65010 });
    return hub.addConnection('Dc', {
      localSubnets: ['10.20.0.0/24'],
      remoteSubnets: ['192.168.10.0/24'],
      tunnels: [
        {
          role: TunnelRole.SLAVE,
          customerGateway: b,
          ikeConfig: { preSharedKey: 'Slave-Key-1' },
          ...(bgp ? { bgpConfig: { tunnelCidr: '169.254.20.0/30', localBgpIp: '169.254.20.1' } } : {}),
        },
        {
          role: TunnelRole.MASTER,
          customerGateway: a,
          ikeConfig: { preSharedKey: 'Master-Key-1', dhGroup: DhGroup.GROUP5 },
          ...(bgp ? { bgpConfig: { tunnelCidr: '169.254.10.0/30', localBgpIp: '169.254.10.1' } } : {}),
        },
      ],
    });
  }

  test('one IKE connection per tunnel, master first, each to its own address with its own key', () => {
    const c = dual(false);
    const text = resolved(c, c.strongSwanConfig());
    const [master, slave] = text.split('  alicloud-slave {');
    expect(master).toContain('  alicloud-master {');
    expect(setting(master, 'local_addrs')).toBe('203.0.113.10');
    expect(setting(master, 'remote_addrs')).toMatch(/tunnel_options_specification\[0\]\.internet_ip\}$/);
    expect(setting(master, 'proposals')).toBe('aes256-sha256-modp1536');
    expect(setting(slave, 'local_addrs')).toBe('198.51.100.10');
    expect(setting(slave, 'remote_addrs')).toMatch(/tunnel_options_specification\[1\]\.internet_ip\}$/);
    expect(setting(slave, 'proposals')).toBe('aes256-sha256-modp2048');
    expect(text).toMatch(
      /ike-alicloud-master \{\n {4}id-1 = 203\.0\.113\.10\n {4}id-2 = [^\n]+\n {4}secret = 0sTWFzdGVyLUtleS0x/,
    );
    expect(text).toMatch(
      /ike-alicloud-slave \{\n {4}id-1 = 198\.51\.100\.10\n {4}id-2 = [^\n]+\n {4}secret = 0sU2xhdmUtS2V5LTE=/,
    );
    expect(setting(text, 'local_ts')).toBe('192.168.10.0/24');
    expect(text).not.toContain('if_id');
  });

  test('with BGP the tunnels are route-based: XFRM interfaces 1 and 2, 0.0.0.0/0 selectors', () => {
    const text = dual(true).strongSwanConfig();
    const [master, slave] = text.split('  alicloud-slave {');
    expect(master.match(/if_id_(in|out) = 1/g)).toHaveLength(4);
    expect(slave.match(/if_id_(in|out) = 2/g)).toHaveLength(4);
    expect(setting(master, 'local_ts')).toBe('0.0.0.0/0');
    expect(setting(master, 'remote_ts')).toBe('0.0.0.0/0');
  });
});

describe('what cannot be rendered', () => {
  test('a single-tunnel connection without a key: the key Alibaba Cloud generates is not known', () => {
    const c = single({ preSharedKey: undefined });
    expect(errorOf(() => c.strongSwanConfig())).toContain('needs `ikeConfig.preSharedKey`');
  });

  test('a gateway given as an id: remoteAddress is required', () => {
    const s = stack();
    const c = new IpsecVpnConnection(s, 'C', {
      vpnGatewayId: 'vpn-swan0001',
      customerGatewayId: 'cgw-swan0001',
      localSubnets: ['10.20.0.0/24'],
      remoteSubnets: ['192.168.10.0/24'],
      ikeConfig: { preSharedKey: KEY },
    });
    expect(errorOf(() => c.strongSwanConfig())).toContain('needs `remoteAddress`');
  });

  test('a lifetime token cannot be rendered', () => {
    const s = stack();
    const life = new TerraformVariable(s, 'life', { type: 'number' });
    const c = new IpsecVpnConnection(s, 'C', {
      vpnGatewayId: 'vpn-swan0001',
      customerGatewayId: 'cgw-swan0001',
      localSubnets: ['10.20.0.0/24'],
      remoteSubnets: ['192.168.10.0/24'],
      ikeConfig: { preSharedKey: KEY, lifetimeSeconds: life.numberValue },
    });
    expect(errorOf(() => c.strongSwanConfig({ remoteAddress: '192.0.2.2' }))).toContain(
      'cannot render `ikeConfig.lifetimeSeconds`, a token',
    );
  });

  test.each([
    [{ namePrefix: 'has space' }, 'namePrefix'],
    [{ namePrefix: 'office.hq' }, 'namePrefix'],
    [{ localAddress: '192.0.2.1,192.0.2.9' }, 'localAddress'],
    [{ dpdDelaySeconds: 0 }, 'dpdDelaySeconds'],
    [{ startAction: 'later' }, 'startAction'],
    [{ localAddress: 'a b' }, 'localAddress'],
    [{ colour: 'blue' }, 'colour'],
  ])('options %j are refused at `%s` with the library error', (options, path) => {
    const message = errorOf(() => single().strongSwanConfig(options as any));
    expect(message).toMatch(/^IpsecVpnConnection\.strongSwanConfig at 'site\/Hub\/Office' has invalid props/);
    expect(message).toContain(`\`${path}\` [`);
  });
});

describe('what swanctl.conf or Terraform would misread', () => {
  test.each(['a\n      auth = pubkey', 'x}y', 'q"x', 'a#b', 'two words'])(
    'an IKE id %j is refused, not written into the file',
    (id) => {
      const message = errorOf(() => single({ remoteId: id }).strongSwanConfig());
      expect(message).toContain('cannot write `ikeConfig.remoteId`');
    },
  );

  test.each([0, 5, 9])('a lifetime of %d s is refused (0 is "never rekey" in strongSwan)', (seconds) => {
    expect(errorOf(() => single({ lifetimeSeconds: seconds }).strongSwanConfig())).toContain(
      `cannot render \`ikeConfig.lifetimeSeconds\` = ${seconds} s`,
    );
  });

  test('enableDpd or enableTunnelsBgp from a variable cannot be rendered', () => {
    const c = single();
    const s = c.node.scope!.node.scope as TerraformStack;
    const dpd = new TerraformVariable(s, 'dpd', { type: 'bool' });
    const other = new IpsecVpnConnection(s, 'Dpd', {
      vpnGatewayId: 'vpn-swan0001',
      customerGatewayId: 'cgw-swan0001',
      localSubnets: ['10.20.0.0/24'],
      remoteSubnets: ['192.168.10.0/24'],
      ikeConfig: { preSharedKey: KEY },
      enableDpd: dpd.booleanValue as unknown as boolean,
    });
    expect(errorOf(() => other.strongSwanConfig({ remoteAddress: '192.0.2.2' }))).toContain(
      'cannot render `enableDpd`, a token',
    );
    const bgp = new TerraformVariable(s, 'bgp', { type: 'bool' });
    const dual = new IpsecVpnConnection(s, 'Bgp', {
      vpnGatewayId: 'vpn-swan0002',
      localSubnets: ['10.20.0.0/24'],
      remoteSubnets: ['192.168.10.0/24'],
      enableTunnelsBgp: bgp.booleanValue as unknown as boolean,
      tunnels: [TunnelRole.MASTER, TunnelRole.SLAVE].map((role, i) => ({
        role,
        customerGatewayId: `cgw-swan000${i}`,
        ikeConfig: { preSharedKey: KEY },
        bgpConfig: { tunnelCidr: `169.254.${10 + i}.0/30`, localBgpIp: `169.254.${10 + i}.1` },
      })),
    });
    expect(errorOf(() => dual.strongSwanConfig())).toContain('cannot render `enableTunnelsBgp`, a token');
  });

  test('a key of literal text and a variable: the text is escaped for Terraform inside base64encode()', () => {
    const s = stack();
    const psk = new TerraformVariable(s, 'psk', { type: 'string', sensitive: true });
    const c = new IpsecVpnConnection(s, 'C', {
      vpnGatewayId: 'vpn-swan0001',
      customerGatewayId: 'cgw-swan0001',
      localSubnets: ['10.20.0.0/24'],
      remoteSubnets: ['192.168.10.0/24'],
      ikeConfig: { preSharedKey: `Ab%{c}\${d}-${psk.stringValue}` },
    });
    expect(resolved(c, c.strongSwanConfig({ remoteAddress: '192.0.2.2' }))).toContain(
      'secret = 0s${base64encode("Ab%%{c}$${d}-${var.psk}")}',
    );
  });
});

function Token_isUnresolved(text: string): boolean {
  return /\$\{(Token|TfToken)\[/.test(text);
}
