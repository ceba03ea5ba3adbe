#!/usr/bin/env node
/*
 * One benchmark measurement, in its own node process: builds N dual-tunnel BGP connections (10 per VPN
 * gateway, each gateway with two customer gateways) and writes cdktf.out/stacks/bench/cdk.tf.json.
 *
 *   node bench/workload.js <a|b|f|c> <N> <outdir>
 *
 *   a  IpsecVpnConnection (this library), synthesized with app.synth()
 *   b  the same document built with the generated VpnConnection binding, synthesized with app.synth()
 *   f  the floor: the same document with the binding written as cheaply as cdktf allows (keys as literal
 *      `${sensitive("...")}` strings, one reference token per output), synthesized with app.synth()
 *   c  the same document built as a plain object and written with JSON.stringify + fs.writeFileSync
 *
 * Prints one JSON line: { variant, n, ms, maxRssMb, cpuMs } (ms from process start, including require).
 */
'use strict';
process.env.CHECKPOINT_DISABLE = '1';

const fs = require('fs');
const path = require('path');

const [variant, nText, outdir] = process.argv.slice(2);
const N = Number(nText);
const PER_GATEWAY = 10;

/** The workload, as plain data shared by the three variants. */
function connectionSpec(i) {
  const g = Math.floor(i / PER_GATEWAY);
  const k = i % PER_GATEWAY; // 20 distinct /30 blocks per gateway
  const block = (t) => `169.254.${(2 * k + t) >> 6}.${((2 * k + t) & 63) * 4}`;
  return {
    id: `conn-${i}`,
    gateway: g,
    localSubnets: [`10.${g % 256}.${k * 16}.0/20`],
    remoteSubnets: [`172.${16 + (i % 16)}.${k}.0/24`],
    tunnels: ['master', 'slave'].map((role, t) => ({
      role,
      customerGateway: `cgw-${g}-${t}`,
      psk: `bench-psk-${i}-${t}`,
      tunnelCidr: `${block(t)}/30`,
      localBgpIp: block(t).replace(/\.(\d+)$/, (_, d) => `.${Number(d) + 1}`),
    })),
  };
}

function runCdktf(buildConnection) {
  const { App, TerraformStack } = require('cdktf');
  const { alicloud } = require('..');
  const app = new App({ outdir, skipValidation: true });
  const stack = new TerraformStack(app, 'bench');
  new alicloud.provider.AlicloudProvider(stack, 'alicloud', { region: 'cn-hangzhou' });
  const gateways = [];
  const customerGateways = new Map();
  for (let g = 0; g * PER_GATEWAY < N; g++) {
    gateways.push(new alicloud.vpnGateway.VpnGateway(stack, `gw-${g}`, { vpcId: `vpc-${g}`, bandwidth: 200 }));
    for (const t of [0, 1]) {
      const cgw = new alicloud.vpnCustomerGateway.VpnCustomerGateway(stack, `cgw-${g}-${t}`, {
        ipAddress: `198.51.100.${(g * 2 + t) % 250}`,
        asn: '65010',
      });
      customerGateways.set(`cgw-${g}-${t}`, cgw);
    }
  }
  for (let i = 0; i < N; i++) buildConnection(stack, connectionSpec(i), gateways, customerGateways);
  app.synth();
}

function variantA() {
  const { IpsecVpnConnection, TunnelRole } = require('..');
  runCdktf((stack, spec, gateways, cgws) => {
    new IpsecVpnConnection(stack, spec.id, {
      vpnGatewayId: gateways[spec.gateway].id,
      localSubnets: spec.localSubnets,
      remoteSubnets: spec.remoteSubnets,
      tunnels: spec.tunnels.map((t) => ({
        role: t.role === 'master' ? TunnelRole.MASTER : TunnelRole.SLAVE,
        customerGatewayId: cgws.get(t.customerGateway).id,
        ikeConfig: { preSharedKey: t.psk },
        bgpConfig: { tunnelCidr: t.tunnelCidr, localBgpIp: t.localBgpIp },
      })),
    });
  });
}

/**
 * What IpsecVpnConnection renders, written by hand against the binding.
 *   idiomatic (b): `Fn.sensitive` for keys, `tunnelOptionsSpecification.get(i)` for the outputs: the floor
 *     any cdktf library pays when written the usual way;
 *   cheapest (f): keys as literal `${sensitive("...")}` strings (as the construct renders literal keys) and
 *     one reference token per output: what the construct's own cost is measured against.
 */
function bindingVariant(idiomatic) {
  const { Fn, TerraformOutput } = require('cdktf');
  const { Construct } = require('constructs');
  const { alicloud } = require('..');
  const ike = { ikeVersion: 'ikev2', ikeMode: 'main', ikeEncAlg: 'aes256', ikeAuthAlg: 'sha256', ikePfs: 'group14', ikeLifetime: 86400 };
  const ipsec = { ipsecEncAlg: 'aes256', ipsecAuthAlg: 'sha256', ipsecPfs: 'group14', ipsecLifetime: 86400 };
  runCdktf((stack, spec, gateways, cgws) => {
    const scope = new Construct(stack, spec.id);
    const conn = new alicloud.vpnConnection.VpnConnection(scope, 'Resource', {
      vpnGatewayId: gateways[spec.gateway].id,
      localSubnet: spec.localSubnets,
      remoteSubnet: spec.remoteSubnets,
      effectImmediately: false,
      autoConfigRoute: true,
      enableTunnelsBgp: true,
      tunnelOptionsSpecification: spec.tunnels.map((t) => ({
        role: t.role,
        customerGatewayId: cgws.get(t.customerGateway).id,
        enableDpd: true,
        enableNatTraversal: true,
        tunnelIkeConfig: { psk: idiomatic ? Fn.sensitive(t.psk) : `\${sensitive("${t.psk}")}`, ...ike },
        tunnelIpsecConfig: ipsec,
        tunnelBgpConfig: { localAsn: '45104', tunnelCidr: t.tunnelCidr, localBgpIp: t.localBgpIp },
      })),
    });
    const p = scope.node.path;
    new TerraformOutput(scope, 'ConnectionId', { value: conn.id, description: `ID of the IPsec-VPN connection ${p}` });
    for (const [label, role, index] of [['Master', 'master', 0], ['Slave', 'slave', 1]]) {
      const tunnel = idiomatic ? conn.tunnelOptionsSpecification.get(index) : undefined;
      const at = (attribute) => conn.getStringAttribute(`tunnel_options_specification[${index}].${attribute}`);
      new TerraformOutput(scope, `${label}TunnelId`, {
        value: tunnel ? tunnel.tunnelId : at('tunnel_id'),
        description: `ID of the ${role} tunnel of ${p}`,
      });
      new TerraformOutput(scope, `${label}TunnelInternetIp`, {
        value: tunnel ? tunnel.internetIp : at('internet_ip'),
        description: `Public IP address of the ${role} tunnel of ${p} on the Alibaba Cloud side`,
      });
    }
  });
}

/** The same document as a plain object: the physical floor (no constructs, no tokens). */
function variantC() {
  const crypto = require('crypto');
  const cdktfVersion = require('cdktf/package.json').version;
  const logicalId = (components) => {
    const hash = crypto.createHash('md5').update(components.join('/')).digest('hex').slice(0, 8).toUpperCase();
    const human = components.filter((c, i) => i === 0 || !components[i - 1].endsWith(c)).filter((c) => c !== 'Resource');
    return `${human.map((c) => c.replace(/[^A-Za-z0-9_-]/g, '')).join('_')}_${hash}`;
  };
  const meta = (p, uniqueId) => ({ metadata: { path: `bench/${p}`, uniqueId } });
  const doc = {
    '//': { metadata: { backend: 'local', stackName: 'bench', version: cdktfVersion }, outputs: { bench: {} } },
    provider: { alicloud: [{ region: 'cn-hangzhou' }] },
    terraform: {
      backend: { local: { path: path.resolve('terraform.bench.tfstate') } },
      required_providers: { alicloud: { source: 'aliyun/alicloud', version: '>= 1.216.0, < 2.0.0' } },
    },
    resource: { alicloud_vpn_connection: {}, alicloud_vpn_customer_gateway: {}, alicloud_vpn_gateway: {} },
    output: {},
  };
  for (let g = 0; g * PER_GATEWAY < N; g++) {
    doc.resource.alicloud_vpn_gateway[`gw-${g}`] = { '//': meta(`gw-${g}`, `gw-${g}`), bandwidth: 200, vpc_id: `vpc-${g}` };
    for (const t of [0, 1]) {
      doc.resource.alicloud_vpn_customer_gateway[`cgw-${g}-${t}`] = {
        '//': meta(`cgw-${g}-${t}`, `cgw-${g}-${t}`),
        asn: '65010',
        ip_address: `198.51.100.${(g * 2 + t) % 250}`,
      };
    }
  }
  const ike = { ike_auth_alg: 'sha256', ike_enc_alg: 'aes256', ike_lifetime: 86400, ike_mode: 'main', ike_pfs: 'group14', ike_version: 'ikev2' };
  const ipsec = { ipsec_auth_alg: 'sha256', ipsec_enc_alg: 'aes256', ipsec_lifetime: 86400, ipsec_pfs: 'group14' };
  for (let i = 0; i < N; i++) {
    const spec = connectionSpec(i);
    const id = logicalId([spec.id, 'Resource']);
    doc.resource.alicloud_vpn_connection[id] = {
      '//': meta(`${spec.id}/Resource`, id),
      auto_config_route: true,
      effect_immediately: false,
      enable_tunnels_bgp: true,
      local_subnet: spec.localSubnets,
      remote_subnet: spec.remoteSubnets,
      tunnel_options_specification: spec.tunnels.map((t) => ({
        customer_gateway_id: `\${alicloud_vpn_customer_gateway.${t.customerGateway}.id}`,
        enable_dpd: true,
        enable_nat_traversal: true,
        role: t.role,
        tunnel_bgp_config: { local_asn: '45104', local_bgp_ip: t.localBgpIp, tunnel_cidr: t.tunnelCidr },
        tunnel_ike_config: { ...ike, psk: `\${sensitive("${t.psk}")}` },
        tunnel_ipsec_config: ipsec,
      })),
      vpn_gateway_id: `\${alicloud_vpn_gateway.gw-${spec.gateway}.id}`,
    };
    const outputs = {};
    const p = `bench/${spec.id}`;
    const add = (name, value, description) => {
      const oid = logicalId([spec.id, name]);
      doc.output[oid] = { description, value };
      outputs[name] = oid;
    };
    add('ConnectionId', `\${alicloud_vpn_connection.${id}.id}`, `ID of the IPsec-VPN connection ${p}`);
    [['Master', 'master', 0], ['Slave', 'slave', 1]].forEach(([label, role, index]) => {
      const ref = `alicloud_vpn_connection.${id}.tunnel_options_specification[${index}]`;
      add(`${label}TunnelId`, `\${${ref}.tunnel_id}`, `ID of the ${role} tunnel of ${p}`);
      add(`${label}TunnelInternetIp`, `\${${ref}.internet_ip}`, `Public IP address of the ${role} tunnel of ${p} on the Alibaba Cloud side`);
    });
    doc['//'].outputs.bench[spec.id] = outputs;
  }
  const dir = path.join(outdir, 'stacks', 'bench');
  fs.mkdirSync(dir, { recursive: true });
  // cdktf writes object keys in sorted order
  const sorted = (v) =>
    Array.isArray(v)
      ? v.map(sorted)
      : v && typeof v === 'object'
        ? Object.fromEntries(Object.keys(v).sort().map((k) => [k, sorted(v[k])]))
        : v;
  fs.writeFileSync(path.join(dir, 'cdk.tf.json'), JSON.stringify(sorted(doc), null, 2));
}

({ a: variantA, b: () => bindingVariant(true), f: () => bindingVariant(false), c: variantC })[variant]();
const usage = process.resourceUsage();
console.log(
  JSON.stringify({
    variant,
    n: N,
    ms: Math.round(performance.now()),
    maxRssMb: Math.round(usage.maxRSS / 1024),
    // CPU time (user + system, all threads): steal time on a shared machine does not count here
    cpuMs: Math.round((usage.userCPUTime + usage.systemCPUTime) / 1000),
  }),
);
