import { AcceptanceConfig, acceptanceFiles, loadAcceptanceConfigs, resourcesOfTypes } from './support/acceptance';
import { checkConformance, expectConforms, formatProblems, loadSchema, ProblemKind } from './support/conformance';
import { checkDocument, StandIn, terraformTest } from './support/terraform';

const SCHEMA_TYPES = Object.keys(
  loadSchema().provider_schemas['registry.terraform.io/aliyun/alicloud'].resource_schemas ?? {},
);

describe('schema conformance checker on the provider acceptance configurations', () => {
  let configs: AcceptanceConfig[];
  beforeAll(async () => {
    configs = await loadAcceptanceConfigs();
  });

  test('all 33 configurations (32 acceptance steps and the docs example) are loaded', () => {
    expect(acceptanceFiles()).toHaveLength(33);
    expect(configs).toHaveLength(33);
  });

  test('every alicloud resource of a schema type conforms, and every one was checked', () => {
    let vpnConnections = 0;
    for (const { file, json } of configs) {
      const { problems, checked } = checkConformance(json, { unknownTypes: 'skip' });
      expect({ file, problems: formatProblems(problems) }).toEqual({ file, problems: '' });
      const expected = resourcesOfTypes(json, SCHEMA_TYPES);
      expect(checked).toEqual(expect.arrayContaining(expected));
      vpnConnections += expected.filter((id) => id.startsWith('resource.alicloud_vpn_connection.')).length;
    }
    expect(vpnConnections).toBe(33);
  });

  test('alicloud types that are not in the schema are reported unless skipped', () => {
    const withVswitch = configs.find((c) => c.json.resource?.alicloud_vswitch)!;
    const { problems } = checkConformance(withVswitch.json);
    const unknown = problems.filter((p) => p.kind === 'unknown-type').map((p) => p.path);
    expect(unknown).toContain('$.resource.alicloud_vswitch');
    expect(checkConformance(withVswitch.json, { unknownTypes: 'skip' }).problems).toEqual([]);
  });
});

/** A minimal valid single-tunnel connection in cdktf's rendering (max_items = 1 blocks as objects). */
function validConnection(): Record<string, any> {
  return {
    vpn_gateway_id: 'vpn-123',
    customer_gateway_id: 'cgw-123',
    local_subnet: ['10.0.0.0/16'],
    remote_subnet: ['192.168.0.0/16'],
    ike_config: { ike_version: 'ikev2', psk: '${sensitive(var.psk)}' },
    tags: { team: 'net' },
  };
}
function doc(connection: Record<string, any>, extra: Record<string, any> = {}): Record<string, any> {
  return { resource: { alicloud_vpn_connection: { c: connection }, ...extra } };
}

describe('schema conformance checker catches each kind of error', () => {
  test('a valid document has no problems', () => {
    expect(checkConformance(doc(validConnection())).problems).toEqual([]);
    expect(expectConforms(doc(validConnection()))).toEqual(['resource.alicloud_vpn_connection.c']);
  });

  const cases: Array<[string, ProblemKind, string, () => Record<string, any>]> = [
    [
      'unknown attribute',
      'unknown-attribute',
      '$.resource.alicloud_vpn_connection.c.ike_version',
      () => doc({ ...validConnection(), ike_version: 'ikev2' }),
    ],
    [
      'unknown attribute in a nested block',
      'unknown-attribute',
      '$.resource.alicloud_vpn_connection.c.ike_config.local_id',
      () => doc({ ...validConnection(), ike_config: { local_id: 'x' } }),
    ],
    [
      'computed-only attribute set',
      'computed-only',
      '$.resource.alicloud_vpn_connection.c.status',
      () => doc({ ...validConnection(), status: 'active' }),
    ],
    [
      'computed-only attribute set deep inside a tunnel',
      'computed-only',
      '$.resource.alicloud_vpn_connection.c.tunnel_options_specification[1].tunnel_bgp_config.peer_asn',
      () =>
        doc({
          ...validConnection(),
          tunnel_options_specification: [{ role: 'master' }, { role: 'slave', tunnel_bgp_config: { peer_asn: '1' } }],
        }),
    ],
    [
      'missing required attribute',
      'missing-required',
      '$.resource.alicloud_vpn_connection.c.vpn_gateway_id',
      () => {
        const c = validConnection();
        delete c.vpn_gateway_id;
        return doc(c);
      },
    ],
    [
      'block given as an attribute',
      'block-as-attribute',
      '$.resource.alicloud_vpn_connection.c.ike_config',
      () => doc({ ...validConnection(), ike_config: 'ikev2' }),
    ],
    [
      'attribute given as a block',
      'attribute-as-block',
      '$.resource.alicloud_vpn_connection.c.vpn_gateway_id',
      () => doc({ ...validConnection(), vpn_gateway_id: { id: 'vpn-1' } }),
    ],
    [
      'list attribute given as a list of blocks',
      'attribute-as-block',
      '$.resource.alicloud_vpn_connection.c.local_subnet',
      () => doc({ ...validConnection(), local_subnet: [{ cidr: '10.0.0.0/16' }] }),
    ],
    [
      'more items than max_items',
      'too-many-items',
      '$.resource.alicloud_vpn_connection.c.ike_config',
      () => doc({ ...validConnection(), ike_config: [{ psk: 'a' }, { psk: 'b' }] }),
    ],
    [
      'unknown alicloud type',
      'unknown-type',
      '$.resource.alicloud_vswitch',
      () => doc(validConnection(), { alicloud_vswitch: { v: { vpc_id: 'x' } } }),
    ],
    [
      'unknown attribute on the provider block',
      'unknown-attribute',
      '$.provider.alicloud[0].regionn',
      () => ({ ...doc(validConnection()), provider: { alicloud: [{ regionn: 'cn-hangzhou' }] } }),
    ],
    [
      'computed-only attribute on a data source',
      'computed-only',
      '$.data.alicloud_vpn_connections.d.connections',
      () => ({ data: { alicloud_vpn_connections: { d: { connections: [] } } } }),
    ],
  ];

  test.each(cases)('%s', (_name, kind, path, build) => {
    const { problems } = checkConformance(build());
    expect(problems).toEqual([expect.objectContaining({ kind, path })]);
    expect(() => expectConforms(build())).toThrow(path);
  });

  // the same documents through the real terraform binary: it must reject each one our checker rejects,
  // and accept the valid one (the checker and terraform agree: neither is sharper than the other here)
  describe('and terraform agrees', () => {
    const withTerraform = terraformTest('test/conformance.test.ts (terraform part)');
    let standIn: StandIn | undefined;
    afterAll(() => standIn?.stop());
    const complete = (d: Record<string, any>) => ({
      terraform: { required_providers: { alicloud: { source: 'aliyun/alicloud' } } },
      provider: { alicloud: [{ region: 'cn-hangzhou' }] },
      variable: { psk: { type: 'string', sensitive: true, default: 'Doc-Key-1' } },
      ...d,
    });

    withTerraform('the valid document is valid', async () => {
      standIn ??= await StandIn.start();
      const check = await checkDocument(standIn, complete(doc(validConnection())));
      expect(check.validate.diagnostics).toEqual([]);
    });

    withTerraform.each(cases)('%s is rejected by terraform validate', async (_name, _kind, _path, build) => {
      standIn ??= await StandIn.start();
      const check = await checkDocument(standIn, complete(build()));
      expect(check.validate.valid).toBe(false);
      expect(check.validate.error_count).toBeGreaterThan(0);
    });
  });

  test('reports every problem of a document, not only the first', () => {
    const c = { ...validConnection(), status: 'x', bogus: 1, ike_config: [{}, {}] };
    delete (c as any).remote_subnet;
    const kinds = checkConformance(doc(c))
      .problems.map((p) => p.kind)
      .sort();
    expect(kinds).toEqual(['computed-only', 'missing-required', 'too-many-items', 'unknown-attribute']);
  });

  test('meta-arguments and cdktf metadata are accepted', () => {
    const c = {
      ...validConnection(),
      '//': { metadata: {} },
      depends_on: ['x'],
      count: 2,
      lifecycle: {},
      provider: 'alicloud.a',
    };
    expect(checkConformance(doc(c)).problems).toEqual([]);
  });
});
