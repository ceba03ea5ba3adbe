/**
 * Every alicloud_vpn_connection of the provider's acceptance configurations and docs example, written
 * with IpsecVpnConnection: each attribute the file sets comes out with the same value.
 */
import { TerraformStack, Testing } from 'cdktf';
import { IpsecVpnConnection, TunnelMode } from '../src';
import { AcceptanceConfig, loadAcceptanceConfigs } from './support/acceptance';
import { expectConforms } from './support/conformance';
import { hclToProps, usesWeakCrypto } from './support/hcl-to-props';

type Body = Record<string, any>;

/** Attributes the construct renders under another name. */
const RENAMED: Record<string, string> = { name: 'vpn_connection_name' };
/** Set attributes: order is irrelevant to Terraform, and the construct sorts them. */
const SETS = new Set(['local_subnet', 'remote_subnet']);

/**
 * Leaf attributes of an HCL body, as [path in cdktf's rendering, value]. hcl2json writes every block as
 * an array; cdktf renders max_items = 1 blocks as one object, lists (tunnels) as arrays.
 */
function leaves(body: Body, prefix = ''): Array<[string, unknown]> {
  const out: Array<[string, unknown]> = [];
  for (const [key, value] of Object.entries(body)) {
    const name = prefix === '' ? (RENAMED[key] ?? key) : key;
    const at = prefix === '' ? name : `${prefix}.${name}`;
    if (Array.isArray(value) && value.length > 0 && typeof value[0] === 'object') {
      if (key === 'tunnel_options_specification') {
        value.forEach((item, i) => out.push(...leaves(item, `${at}[${i}]`)));
      } else {
        out.push(...leaves(value[0], at));
      }
    } else {
      out.push([at, value]);
    }
  }
  return out;
}

function get(obj: unknown, path: string): unknown {
  return path
    .replace(/\[(\d+)\]/g, '.$1')
    .split('.')
    .reduce<any>((o, k) => (o === undefined || o === null ? undefined : o[k]), obj);
}

/** Compare as Terraform would after type conversion: "true" = true, "3600" = 3600; keys unwrapped from sensitive(). */
function normalize(path: string, value: unknown): unknown {
  if (SETS.has(path) && Array.isArray(value)) return [...value].sort();
  if (typeof value === 'string') {
    const sensitive = /^\$\{sensitive\("(.*)"\)\}$/.exec(value);
    if (sensitive) return sensitive[1];
  }
  if (typeof value === 'boolean' || typeof value === 'number') return String(value);
  return value;
}

describe('provider acceptance configurations written with IpsecVpnConnection', () => {
  let connections: Array<{ file: string; name: string; body: Body }>;
  beforeAll(async () => {
    const configs: AcceptanceConfig[] = await loadAcceptanceConfigs();
    connections = configs.flatMap(({ file, json }) =>
      Object.entries<Body[]>(json.resource?.alicloud_vpn_connection ?? {}).map(([name, bodies]) => ({
        file,
        name,
        body: bodies[0],
      })),
    );
  });

  test('there are 33 connections: 14 single-tunnel and 19 dual-tunnel', () => {
    expect(connections).toHaveLength(33);
    expect(connections.filter((c) => c.body.tunnel_options_specification).length).toBe(19);
  });

  test('every attribute each file sets comes out with the same value', () => {
    const report: string[] = [];
    let compared = 0;
    for (const { file, name, body } of connections) {
      const stack = new TerraformStack(Testing.app(), 'acceptance');
      const conn = new IpsecVpnConnection(stack, name, hclToProps(body));
      // network_type is schema-only (never sent to the API): set through the escape hatch
      if (body.network_type !== undefined) conn.resource.networkType = body.network_type;
      const json = JSON.parse(Testing.synth(stack));
      expectConforms(json);
      const rendered = json.resource.alicloud_vpn_connection[conn.resource.friendlyUniqueId];
      expect(conn.tunnelMode).toBe(body.tunnel_options_specification ? TunnelMode.DUAL : TunnelMode.SINGLE);
      for (const [path, value] of leaves(body)) {
        compared++;
        const want = normalize(path, value);
        const got = normalize(path, get(rendered, path));
        if (JSON.stringify(got) !== JSON.stringify(want)) {
          report.push(`${file} ${path}: file has ${JSON.stringify(want)}, construct rendered ${JSON.stringify(got)}`);
        }
      }
    }
    expect(report).toEqual([]);
    expect(compared).toBeGreaterThan(700);
  });

  test('weak crypto in the files is expressible only with allowWeakCrypto', () => {
    const weak = connections.filter((c) => usesWeakCrypto(c.body));
    expect(weak.length).toBeGreaterThan(20);
    for (const { name, body } of weak) {
      const props = { ...hclToProps(body), allowWeakCrypto: undefined };
      expect(() => new IpsecVpnConnection(new TerraformStack(Testing.app(), 's'), name, props)).toThrow(
        /WEAK_CRYPTO_REFUSED/,
      );
    }
  });
});
