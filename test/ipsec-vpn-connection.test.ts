import * as fs from 'fs';
import * as os from 'os';
import { join } from 'path';
import { AnnotationMetadataEntryType, App, Fn, TerraformStack, TerraformVariable, Testing, Token } from 'cdktf';
import {
  AuthenticationAlgorithm,
  DhGroup,
  EncryptionAlgorithm,
  IkeMode,
  IkeVersion,
  IpsecPfs,
  IpsecVpnConnection,
  IpsecVpnConnectionProps,
  TunnelMode,
  TunnelRole,
  alicloud,
} from '../src';
import { expectConforms } from './support/conformance';
import {
  dualProps,
  errorOf,
  PSK_MASTER,
  PSK_SINGLE,
  PSK_SLAVE,
  resolve,
  singleProps,
  synth,
  warningsOf,
} from './support/fixtures';

/** `alicloud_vpn_connection.<logical id>` of a construct's resource. */
const fqnOf = (c: IpsecVpnConnection) => `alicloud_vpn_connection.${c.resource.friendlyUniqueId}`;

const STRONG_IKE = {
  ike_version: 'ikev2',
  ike_mode: 'main',
  ike_enc_alg: 'aes256',
  ike_auth_alg: 'sha256',
  ike_pfs: 'group14',
  ike_lifetime: 86400,
};
const STRONG_IPSEC = { ipsec_enc_alg: 'aes256', ipsec_auth_alg: 'sha256', ipsec_pfs: 'group14', ipsec_lifetime: 86400 };

describe('single tunnel', () => {
  test('renders strong, explicit defaults and disabled BGP / health-check blocks', () => {
    const { resource, construct } = synth(singleProps());
    expect(construct.tunnelMode).toBe(TunnelMode.SINGLE);
    expect(resource).toEqual({
      vpn_gateway_id: 'vpn-single0001',
      customer_gateway_id: 'cgw-office0001',
      local_subnet: ['10.0.0.0/16'],
      remote_subnet: ['192.0.2.0/24'],
      effect_immediately: false,
      auto_config_route: true,
      enable_dpd: true,
      enable_nat_traversal: true,
      ike_config: { ...STRONG_IKE, psk: `\${sensitive("${PSK_SINGLE}")}` },
      ipsec_config: STRONG_IPSEC,
      bgp_config: { enable: false },
      health_check_config: { enable: false },
    });
  });

  test('renders every given setting with its Terraform name', () => {
    const { resource } = synth({
      ...singleProps(),
      name: 'office',
      effectImmediately: true,
      autoConfigRoute: false,
      enableDpd: false,
      enableNatTraversal: false,
      tags: { team: 'net', env: 'prod' },
      ikeConfig: {
        preSharedKey: PSK_SINGLE,
        version: IkeVersion.IKEV2,
        mode: IkeMode.MAIN,
        encryptionAlgorithm: EncryptionAlgorithm.AES192,
        authenticationAlgorithm: AuthenticationAlgorithm.SHA512,
        dhGroup: DhGroup.GROUP14,
        lifetimeSeconds: 3600,
        localId: 'vpc.example.com',
        remoteId: 'dc.example.com',
      },
      ipsecConfig: {
        encryptionAlgorithm: EncryptionAlgorithm.AES,
        authenticationAlgorithm: AuthenticationAlgorithm.SHA384,
        pfs: IpsecPfs.GROUP14,
        lifetimeSeconds: 0,
      },
      bgpConfig: { tunnelCidr: '169.254.11.0/30', localBgpIp: '169.254.11.2', localAsn: 65001 },
      healthCheckConfig: { destinationIp: '192.0.2.1', sourceIp: '10.0.0.1', intervalSeconds: 10, retries: 5 },
    });
    expect(resource.vpn_connection_name).toBe('office');
    expect(resource.name).toBeUndefined();
    expect(resource.effect_immediately).toBe(true);
    expect(resource.auto_config_route).toBe(false);
    expect(resource.enable_dpd).toBe(false);
    expect(resource.enable_nat_traversal).toBe(false);
    expect(resource.tags).toEqual({ env: 'prod', team: 'net' });
    expect(resource.ike_config).toEqual({
      psk: `\${sensitive("${PSK_SINGLE}")}`,
      ike_version: 'ikev2',
      ike_mode: 'main',
      ike_enc_alg: 'aes192',
      ike_auth_alg: 'sha512',
      ike_pfs: 'group14',
      ike_lifetime: 3600,
      ike_local_id: 'vpc.example.com',
      ike_remote_id: 'dc.example.com',
    });
    expect(resource.ipsec_config).toEqual({
      ipsec_enc_alg: 'aes',
      ipsec_auth_alg: 'sha384',
      ipsec_pfs: 'group14',
      ipsec_lifetime: 0,
    });
    expect(resource.bgp_config).toEqual({
      enable: true,
      local_asn: '65001',
      tunnel_cidr: '169.254.11.0/30',
      local_bgp_ip: '169.254.11.2',
    });
    expect(resource.health_check_config).toEqual({
      enable: true,
      dip: '192.0.2.1',
      sip: '10.0.0.1',
      interval: 10,
      retry: 5,
    });
  });

  test('BGP and health check get their defaults (ASN 45104, interval 3, retries 3)', () => {
    const { resource } = synth({
      ...singleProps(),
      bgpConfig: { tunnelCidr: '169.254.11.0/30', localBgpIp: '169.254.11.1' },
      healthCheckConfig: { destinationIp: '192.0.2.1', sourceIp: '10.0.0.1' },
    });
    expect(resource.bgp_config.local_asn).toBe('45104');
    expect(resource.health_check_config).toMatchObject({ interval: 3, retry: 3 });
  });

  test('without a pre-shared key leaves the key to Alibaba Cloud (single-tunnel psk is Optional+Computed)', () => {
    const { resource } = synth({ ...singleProps(), ikeConfig: undefined });
    expect(resource.ike_config).toEqual(STRONG_IKE);
  });

  test('renders no dual-tunnel field', () => {
    const { resource } = synth(singleProps());
    expect(resource.tunnel_options_specification).toBeUndefined();
    expect(resource.enable_tunnels_bgp).toBeUndefined();
  });
});

describe('dual tunnel', () => {
  test('renders master then slave, each tunnel in full, and no single-tunnel field', () => {
    const props = dualProps();
    const { resource, construct } = synth({ ...props, tunnels: [...props.tunnels!].reverse() });
    expect(construct.tunnelMode).toBe(TunnelMode.DUAL);
    expect(resource.tunnel_options_specification).toEqual([
      {
        role: 'master',
        customer_gateway_id: 'cgw-dc-a0001',
        enable_dpd: true,
        enable_nat_traversal: true,
        tunnel_ike_config: { ...STRONG_IKE, psk: `\${sensitive("${PSK_MASTER}")}` },
        tunnel_ipsec_config: STRONG_IPSEC,
        tunnel_bgp_config: { local_asn: '45104', tunnel_cidr: '169.254.10.0/30', local_bgp_ip: '169.254.10.1' },
      },
      {
        role: 'slave',
        customer_gateway_id: 'cgw-dc-b0001',
        enable_dpd: true,
        enable_nat_traversal: true,
        tunnel_ike_config: { ...STRONG_IKE, psk: `\${sensitive("${PSK_SLAVE}")}` },
        tunnel_ipsec_config: STRONG_IPSEC,
        tunnel_bgp_config: { local_asn: '45104', tunnel_cidr: '169.254.20.0/30', local_bgp_ip: '169.254.20.1' },
      },
    ]);
    for (const key of [
      'customer_gateway_id',
      'ike_config',
      'ipsec_config',
      'bgp_config',
      'health_check_config',
      'enable_dpd',
      'enable_nat_traversal',
      'name',
    ]) {
      expect(resource).not.toHaveProperty(key);
    }
  });

  test('enableTunnelsBgp defaults to true exactly when both tunnels have a bgpConfig', () => {
    expect(synth(dualProps()).resource.enable_tunnels_bgp).toBe(true);
    const props = dualProps();
    const oneBgp = { ...props, tunnels: [props.tunnels![0], { ...props.tunnels![1], bgpConfig: undefined }] };
    const { resource } = synth(oneBgp);
    expect(resource.enable_tunnels_bgp).toBe(false);
    expect(resource.tunnel_options_specification[0].tunnel_bgp_config.tunnel_cidr).toBe('169.254.10.0/30');
    expect(synth({ ...dualProps(), enableTunnelsBgp: false }).resource.enable_tunnels_bgp).toBe(false);
  });

  test('a tunnel without bgpConfig gets the API default local ASN, so the read-back block matches', () => {
    // docs/decisions/003-tunnel-bgp-config.md: DescribeVpnConnection reports TunnelBgpConfig per tunnel
    const props = dualProps();
    const noBgp = { ...props, tunnels: props.tunnels!.map((t) => ({ ...t, bgpConfig: undefined })) };
    const { resource } = synth(noBgp);
    expect(resource.enable_tunnels_bgp).toBe(false);
    for (const tunnel of resource.tunnel_options_specification) {
      expect(tunnel.tunnel_bgp_config).toEqual({ local_asn: '45104' });
    }
  });

  test('renders per-tunnel settings, ids and DPD / NAT traversal switches', () => {
    const props = dualProps();
    const { resource } = synth({
      ...props,
      tunnels: [
        {
          ...props.tunnels![0],
          enableDpd: false,
          enableNatTraversal: false,
          ikeConfig: { preSharedKey: PSK_MASTER, localId: 'local-a', remoteId: 'remote-a', lifetimeSeconds: 3600 },
          ipsecConfig: { pfs: IpsecPfs.GROUP14, lifetimeSeconds: 1800 },
          bgpConfig: { tunnelCidr: '169.254.10.0/30', localBgpIp: '169.254.10.2', localAsn: 4294967295 },
        },
        props.tunnels![1],
      ],
    });
    const master = resource.tunnel_options_specification[0];
    expect(master.enable_dpd).toBe(false);
    expect(master.enable_nat_traversal).toBe(false);
    expect(master.tunnel_ike_config).toMatchObject({ local_id: 'local-a', remote_id: 'remote-a', ike_lifetime: 3600 });
    expect(master.tunnel_ike_config).not.toHaveProperty('ike_local_id');
    expect(master.tunnel_ipsec_config.ipsec_lifetime).toBe(1800);
    expect(master.tunnel_bgp_config.local_asn).toBe('4294967295');
  });

  test('tunnelId and tunnelInternetIp reference the rendered master / slave positions', () => {
    const { construct } = synth(dualProps());
    const fqn = fqnOf(construct);
    expect(resolve(construct, construct.tunnelId(TunnelRole.MASTER))).toBe(
      `\${${fqn}.tunnel_options_specification[0].tunnel_id}`,
    );
    expect(resolve(construct, construct.tunnelInternetIp(TunnelRole.SLAVE))).toBe(
      `\${${fqn}.tunnel_options_specification[1].internet_ip}`,
    );
    const single = synth(singleProps()).construct;
    expect(errorOf(() => single.tunnelId(TunnelRole.MASTER))).toMatch(/single-tunnel connection: it has no master/);
  });
});

describe('attributes and escape hatch', () => {
  test('connectionId is the id of the resource with construct id Resource', () => {
    const { construct } = synth(singleProps());
    const fqn = fqnOf(construct);
    expect(construct.resource.node.id).toBe('Resource');
    expect(construct.node.findChild('Resource')).toBe(construct.resource);
    expect(fqn).toMatch(/^alicloud_vpn_connection\.Connection_[0-9A-F]{8}$/);
    expect(resolve(construct, construct.connectionId)).toBe(`\${${fqn}.id}`);
  });

  test('the escape hatch can set what the construct does not model', () => {
    const stack = new TerraformStack(Testing.app(), 'test');
    const conn = new IpsecVpnConnection(stack, 'C', singleProps());
    conn.resource.networkType = 'public';
    const json = JSON.parse(Testing.synth(stack));
    expect(Object.values<any>(json.resource.alicloud_vpn_connection)[0].network_type).toBe('public');
  });
});

describe('outputs', () => {
  function outputsOf(json: Record<string, any>): Record<string, { value: string; description: string }> {
    return json.output ?? {};
  }

  test('a single-tunnel connection outputs its id', () => {
    const { json, construct } = synth(singleProps(), 'Office');
    const outputs = Object.entries(outputsOf(json));
    expect(outputs).toHaveLength(1);
    const [name, output] = outputs[0];
    expect(name).toMatch(/^Office_ConnectionId_[0-9A-F]{8}$/);
    expect(output.value).toBe(`\${${fqnOf(construct)}.id}`);
  });

  test('a dual-tunnel connection also outputs each tunnel id and public IP', () => {
    const { json, construct } = synth(dualProps(), 'DataCentre');
    const fqn = fqnOf(construct);
    const byValue = Object.fromEntries(Object.entries(outputsOf(json)).map(([k, v]) => [v.value, k]));
    expect(Object.keys(byValue).sort()).toEqual(
      [
        `\${${fqn}.id}`,
        `\${${fqn}.tunnel_options_specification[0].internet_ip}`,
        `\${${fqn}.tunnel_options_specification[0].tunnel_id}`,
        `\${${fqn}.tunnel_options_specification[1].internet_ip}`,
        `\${${fqn}.tunnel_options_specification[1].tunnel_id}`,
      ].sort(),
    );
    expect(byValue[`\${${fqn}.tunnel_options_specification[0].tunnel_id}`]).toMatch(/^DataCentre_MasterTunnelId_/);
    expect(byValue[`\${${fqn}.tunnel_options_specification[1].internet_ip}`]).toMatch(
      /^DataCentre_SlaveTunnelInternetIp_/,
    );
  });

  test('two instances in one stack get distinct output names, stable across synths', () => {
    const build = () => {
      const stack = new TerraformStack(Testing.app(), 'test');
      new IpsecVpnConnection(stack, 'A', singleProps());
      new IpsecVpnConnection(stack, 'B', dualProps());
      return Object.keys(outputsOf(JSON.parse(Testing.synth(stack)))).sort();
    };
    const first = build();
    expect(first).toHaveLength(6);
    expect(new Set(first).size).toBe(6);
    expect(first.filter((n) => n.startsWith('A_'))).toHaveLength(1);
    expect(first.filter((n) => n.startsWith('B_'))).toHaveLength(5);
    expect(build()).toEqual(first);
  });

  test('createOutputs: false creates none', () => {
    expect(synth({ ...dualProps(), createOutputs: false }).json.output).toBeUndefined();
  });
});

describe('pre-shared keys', () => {
  test('are rendered only inside sensitive()', () => {
    for (const { text } of [synth(singleProps()), synth(dualProps())]) {
      for (const psk of [PSK_SINGLE, PSK_MASTER, PSK_SLAVE]) {
        const occurrences = text.split(psk).length - 1;
        const inSensitive = text.split(`sensitive(\\"${psk}\\")`).length - 1;
        expect(occurrences).toBe(inSensitive);
      }
    }
  });

  test('keys with ${ or %{ are escaped so Terraform reads them literally, not as a template', () => {
    // verified with terraform 1.11: nonsensitive() of this rendering gives back the key unchanged
    const { resource } = synth({ ...singleProps(), ikeConfig: { preSharedKey: 'a${b}%{c}%%{d}' } });
    expect(resource.ike_config.psk).toBe('${sensitive("a$${b}%%{c}%%%{d}")}');
  });

  test('a key from a sensitive variable is rendered as a reference inside sensitive()', () => {
    const stack = new TerraformStack(Testing.app(), 'test');
    const psk = new TerraformVariable(stack, 'psk', { type: 'string', sensitive: true });
    new IpsecVpnConnection(stack, 'C', { ...singleProps(), ikeConfig: { preSharedKey: psk.stringValue } });
    const json = JSON.parse(Testing.synth(stack));
    expect(Object.values<any>(json.resource.alicloud_vpn_connection)[0].ike_config.psk).toBe('${sensitive(var.psk)}');
  });

  test('never appear in errors, whatever is wrong with them', () => {
    const secret = 'TopSecret "with" spaces and more than enough characters to be far too long'.repeat(2);
    const props = dualProps();
    const message = errorOf(
      () =>
        new IpsecVpnConnection(new TerraformStack(Testing.app(), 't'), 'C', {
          ...props,
          tunnels: [
            { ...props.tunnels![0], ikeConfig: { preSharedKey: secret } },
            { ...props.tunnels![1], ikeConfig: { preSharedKey: 12345678 as any } },
          ],
        }),
    );
    expect(message).toContain('`tunnels[0].ikeConfig.preSharedKey` [PSK_LENGTH]');
    expect(message).toContain('`tunnels[0].ikeConfig.preSharedKey` [PSK_CHARSET]');
    expect(message).toContain('`tunnels[1].ikeConfig.preSharedKey` [TYPE_INVALID]');
    expect(message).not.toContain('TopSecret');
    expect(message).not.toContain('with');
    expect(message).not.toContain('12345678');
  });

  test('never appear in warnings', () => {
    const stack = new TerraformStack(Testing.app(), 'test');
    new IpsecVpnConnection(stack, 'C', {
      ...singleProps(),
      allowWeakCrypto: true,
      ikeConfig: {
        preSharedKey: PSK_SINGLE,
        version: IkeVersion.IKEV1,
        mode: IkeMode.AGGRESSIVE,
        encryptionAlgorithm: EncryptionAlgorithm.DES,
      },
    });
    const warnings = warningsOf(stack).join('\n');
    expect(warnings).toContain('WEAK_CRYPTO_ALLOWED');
    expect(warnings).not.toContain(PSK_SINGLE);
  });
});

describe('weak and legacy crypto', () => {
  const weakCases: Array<[string, (p: IpsecVpnConnectionProps) => IpsecVpnConnectionProps, string]> = [
    [
      'DES for IKE',
      (p) => ({ ...p, ikeConfig: { encryptionAlgorithm: EncryptionAlgorithm.DES } }),
      'ikeConfig.encryptionAlgorithm',
    ],
    [
      '3DES for IPsec',
      (p) => ({ ...p, ipsecConfig: { encryptionAlgorithm: EncryptionAlgorithm.TRIPLE_DES } }),
      'ipsecConfig.encryptionAlgorithm',
    ],
    [
      'MD5 for IKE',
      (p) => ({ ...p, ikeConfig: { authenticationAlgorithm: AuthenticationAlgorithm.MD5 } }),
      'ikeConfig.authenticationAlgorithm',
    ],
    [
      'MD5 for IPsec',
      (p) => ({ ...p, ipsecConfig: { authenticationAlgorithm: AuthenticationAlgorithm.MD5 } }),
      'ipsecConfig.authenticationAlgorithm',
    ],
    ['DH group 1 for IKE', (p) => ({ ...p, ikeConfig: { dhGroup: DhGroup.GROUP1 } }), 'ikeConfig.dhGroup'],
    ['DH group 1 as IPsec PFS', (p) => ({ ...p, ipsecConfig: { pfs: IpsecPfs.GROUP1 } }), 'ipsecConfig.pfs'],
  ];

  test.each(weakCases)('%s is refused by default and the error says how to allow it', (_n, mutate, path) => {
    const message = errorOf(() => synth(mutate(singleProps())));
    expect(message).toContain(`\`${path}\` [WEAK_CRYPTO_REFUSED]`);
    expect(message).toContain('allowWeakCrypto: true');
  });

  test.each(weakCases)('%s is rendered with a warning when allowWeakCrypto is true', (_n, mutate, path) => {
    const { stack } = synth({ ...mutate(singleProps()), allowWeakCrypto: true });
    expect(warningsOf(stack, 'PSK_LITERAL')).toEqual([expect.stringContaining(`\`${path}\` [WEAK_CRYPTO_ALLOWED]`)]);
  });

  test('weak choices inside a tunnel are refused with the tunnel path', () => {
    const props = dualProps();
    const message = errorOf(() =>
      synth({
        ...props,
        tunnels: [
          props.tunnels![0],
          { ...props.tunnels![1], ipsecConfig: { authenticationAlgorithm: AuthenticationAlgorithm.MD5 } },
        ],
      }),
    );
    expect(message).toContain('`tunnels[1].ipsecConfig.authenticationAlgorithm` [WEAK_CRYPTO_REFUSED]');
  });

  test.each([
    [
      'SHA-1',
      { ikeConfig: { authenticationAlgorithm: AuthenticationAlgorithm.SHA1 } },
      'ikeConfig.authenticationAlgorithm',
    ],
    ['DH group 2', { ikeConfig: { dhGroup: DhGroup.GROUP2 } }, 'ikeConfig.dhGroup'],
    ['DH group 5 as PFS', { ipsecConfig: { pfs: IpsecPfs.GROUP5 } }, 'ipsecConfig.pfs'],
    ['IKEv1', { ikeConfig: { version: IkeVersion.IKEV1 } }, 'ikeConfig.version'],
    ['aggressive mode', { ikeConfig: { mode: IkeMode.AGGRESSIVE } }, 'ikeConfig.mode'],
    ['PFS disabled', { ipsecConfig: { pfs: IpsecPfs.DISABLED } }, 'ipsecConfig.pfs'],
  ])('%s is allowed with a LEGACY_CRYPTO warning', (_n, extra, path) => {
    const { stack } = synth({ ...singleProps(), ...extra });
    expect(warningsOf(stack, 'PSK_LITERAL')).toEqual([expect.stringContaining(`\`${path}\` [LEGACY_CRYPTO]`)]);
  });

  test('the defaults raise no warning (keys from variables)', () => {
    const stack = new TerraformStack(Testing.app(), 'test');
    const key = (name: string) => new TerraformVariable(stack, name, { type: 'string', sensitive: true }).stringValue;
    const dual = dualProps();
    new IpsecVpnConnection(stack, 'Single', { ...singleProps(), ikeConfig: { preSharedKey: key('a') } });
    new IpsecVpnConnection(stack, 'Dual', {
      ...dual,
      tunnels: dual.tunnels!.map((t, i) => ({ ...t, ikeConfig: { preSharedKey: key(`t${i}`) } })),
    });
    expect(warningsOf(stack)).toEqual([]);
  });
});

describe('tokens', () => {
  test('skip value checks but keep structural rules', () => {
    const stack = new TerraformStack(Testing.app(), 'test');
    const v = (name: string, type = 'string') => new TerraformVariable(stack, name, { type });
    const props = dualProps();
    const conn = new IpsecVpnConnection(stack, 'C', {
      vpnGatewayId: v('gw').stringValue,
      localSubnets: v('local', 'list(string)').listValue,
      remoteSubnets: [v('remote').stringValue],
      name: v('name').stringValue,
      tags: { team: v('team').stringValue },
      effectImmediately: v('now', 'bool').booleanValue,
      tunnels: [
        {
          ...props.tunnels![0],
          customerGatewayId: v('cgwA').stringValue,
          ikeConfig: { preSharedKey: v('pskA').stringValue, lifetimeSeconds: v('life', 'number').numberValue },
          bgpConfig: {
            tunnelCidr: v('cidrA').stringValue,
            localBgpIp: v('ipA').stringValue,
            localAsn: v('asn', 'number').numberValue,
          },
        },
        { ...props.tunnels![1], ikeConfig: { preSharedKey: Fn.sensitive(v('pskB').stringValue) } },
      ],
    });
    const json = JSON.parse(Testing.synth(stack));
    expectConforms(json);
    const resource = json.resource.alicloud_vpn_connection[Object.keys(json.resource.alicloud_vpn_connection)[0]];
    expect(resource.vpn_gateway_id).toBe('${var.gw}');
    expect(resource.local_subnet).toBe('${var.local}');
    expect(resource.tunnel_options_specification[0].tunnel_bgp_config).toEqual({
      local_asn: '${var.asn}',
      tunnel_cidr: '${var.cidrA}',
      local_bgp_ip: '${var.ipA}',
    });
    expect(resource.tunnel_options_specification[0].tunnel_ike_config.ike_lifetime).toBe('${var.life}');
    expect(resource.tunnel_options_specification[0].tunnel_ike_config.psk).toBe('${sensitive(var.pskA)}');
    expect(conn.tunnelMode).toBe(TunnelMode.DUAL);

    // structural rules still apply to tokens
    const message = errorOf(
      () =>
        new IpsecVpnConnection(stack, 'D', {
          ...singleProps(),
          customerGatewayId: v('cgw').stringValue,
          enableTunnelsBgp: v('bgp', 'bool').booleanValue,
        }),
    );
    expect(message).toContain('`enableTunnelsBgp` [DUAL_TUNNEL_PROP_IN_SINGLE_MODE]');
  });

  test('a number token is not mistaken for an out-of-range number', () => {
    const stack = new TerraformStack(Testing.app(), 'test');
    const n = Token.asNumber(new TerraformVariable(stack, 'n', { type: 'number' }).value);
    expect(
      () =>
        new IpsecVpnConnection(stack, 'C', {
          ...singleProps(),
          ipsecConfig: { lifetimeSeconds: n },
          healthCheckConfig: { destinationIp: '192.0.2.1', sourceIp: '10.0.0.1', retries: n },
        }),
    ).not.toThrow();
  });
});

describe('determinism', () => {
  test('the same props give byte-identical JSON', () => {
    expect(synth(dualProps()).text).toBe(synth(dualProps()).text);
    expect(synth(singleProps()).text).toBe(synth(singleProps()).text);
  });

  test('the order of tunnels, subnets and tags does not change the output', () => {
    const a = dualProps();
    const b: IpsecVpnConnectionProps = {
      ...a,
      localSubnets: ['10.1.0.0/16', '10.0.0.0/16'],
      remoteSubnets: ['198.51.100.0/24', '203.0.113.0/24'],
      tags: { b: '2', a: '1' },
    };
    const c: IpsecVpnConnectionProps = {
      ...b,
      localSubnets: [...b.localSubnets].reverse(),
      remoteSubnets: [...b.remoteSubnets].reverse(),
      tags: { a: '1', b: '2' },
      tunnels: [...a.tunnels!].reverse(),
    };
    expect(synth(c).text).toBe(synth(b).text);
  });
});

describe('warning annotations', () => {
  test('all warnings of a construct are one annotation, without a stack trace, and reach the manifest', () => {
    const outdir = fs.mkdtempSync(join(os.tmpdir(), 'warnings-'));
    const app = new App({ outdir });
    const stack = new TerraformStack(app, 'warned');
    new alicloud.provider.AlicloudProvider(stack, 'alicloud', { region: 'cn-hangzhou' });
    const connection = new IpsecVpnConnection(stack, 'Dual', dualProps()); // two literal keys: two warnings
    const entries = connection.node.metadata.filter((m) => m.type === AnnotationMetadataEntryType.WARN);
    expect(entries).toHaveLength(1);
    expect(entries[0].trace).toBeUndefined();
    expect(String(entries[0].data).split('\n')).toEqual([
      expect.stringMatching(/^`tunnels\[0\]\.ikeConfig\.preSharedKey` \[PSK_LITERAL\]/),
      expect.stringMatching(/^`tunnels\[1\]\.ikeConfig\.preSharedKey` \[PSK_LITERAL\]/),
    ]);
    app.synth();
    const manifest = JSON.parse(fs.readFileSync(join(outdir, 'manifest.json'), 'utf8'));
    const annotations = manifest.stacks.warned.annotations;
    expect(annotations).toEqual([
      expect.objectContaining({ constructPath: 'warned/Dual', level: AnnotationMetadataEntryType.WARN }),
    ]);
    expect(annotations[0].message).toContain('[PSK_LITERAL]');
    expect(annotations[0].stacktrace).toBeUndefined();
  });
});
