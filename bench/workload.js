#!/usr/bin/env node
/*
 * One benchmark measurement, in its own node process: builds N dual-tunnel BGP connections (10 per VPN
 * gateway, each gateway with two customer gateways) and writes <outdir>/stacks/bench/cdk.tf.json.
 *
 *   node bench/workload.js <a|b|f|c|fleet-a|fleet-f> <N> <outdir>
 *
 * Connection workload (gateways and customer gateways as raw bindings, validation skipped):
 *   a  IpsecVpnConnection (this library), synthesized with app.synth()
 *   b  the same document built with the generated VpnConnection binding, synthesized with app.synth()
 *   f  the floor: the same document with the binding written as cheaply as cdktf allows (keys as literal
 *      `${sensitive("...")}` strings, one reference token per output), synthesized with app.synth()
 *   c  the same document built as a plain object and written with JSON.stringify + fs.writeFileSync
 *
 * Fleet workload (bench/README.md, "Fleet workload"; validation on, so the fleet rules run):
 *   fleet-a  VpnGateway, CustomerGateway, gateway.addConnection, connection.addRoute (this library)
 *   fleet-f  (b') the same document with the generated bindings written as cheaply as cdktf allows
 *
 * The library is loaded from BENCH_LIB (a directory with index.js) if set, else from the package (lib/).
 * Prints one JSON line: { variant, n, ms, maxRssMb, cpuMs } (ms from process start, including require).
 */
'use strict';
process.env.CHECKPOINT_DISABLE = '1';

const fs = require('fs');
const path = require('path');

const [variant, nText, outdir] = process.argv.slice(2);
const N = Number(nText);
const PER_GATEWAY = 10;
const LIB = process.env.BENCH_LIB ? path.resolve(process.env.BENCH_LIB) : path.resolve(__dirname, '..');

/** The workload, as plain data shared by the three variants. */
function connectionSpec(i) {
  const g = Math.floor(i / PER_GATEWAY);
  const k = i % PER_GATEWAY; // 20 distinct /30 blocks per gateway, clear of the reserved 169.254.0-6.0/30
  const block = (t) => `169.254.${10 + ((2 * k + t) >> 6)}.${((2 * k + t) & 63) * 4}`;
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
  const { alicloud } = require(LIB);
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
  // The library chains the connections on each gateway (serialized changes: each depends on the one before
  // it by construct path, even with a string `vpnGatewayId`); the binding variants build the same chain, so
  // connections are built gateway by gateway in path order and each gets its predecessor on the gateway.
  for (let g = 0; g * PER_GATEWAY < N; g++) {
    let previous;
    for (const i of pathOrder(g)) previous = buildConnection(stack, connectionSpec(i), gateways, customerGateways, previous);
  }
  app.synth();
}

/** The connections on gateway g, in construct-path order (`bench/conn-<i>` compared as strings). */
function pathOrder(g) {
  const ids = [];
  for (let i = g * PER_GATEWAY; i < Math.min(N, (g + 1) * PER_GATEWAY); i++) ids.push(i);
  return ids.sort((x, y) => (`conn-${x}` < `conn-${y}` ? -1 : `conn-${x}` > `conn-${y}` ? 1 : 0));
}

function variantA() {
  const { IpsecVpnConnection, TunnelRole } = require(LIB);
  runCdktf((stack, spec, gateways, cgws) => {
    return new IpsecVpnConnection(stack, spec.id, {
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
  const { alicloud } = require(LIB);
  const ike = { ikeVersion: 'ikev2', ikeMode: 'main', ikeEncAlg: 'aes256', ikeAuthAlg: 'sha256', ikePfs: 'group14', ikeLifetime: 86400 };
  const ipsec = { ipsecEncAlg: 'aes256', ipsecAuthAlg: 'sha256', ipsecPfs: 'group14', ipsecLifetime: 86400 };
  runCdktf((stack, spec, gateways, cgws, previous) => {
    const scope = new Construct(stack, spec.id);
    const conn = new alicloud.vpnConnection.VpnConnection(scope, 'Resource', {
      // the chain of serialized changes: the binding's dependsOn (b), or the rendered `type.logicalId` (f)
      ...(idiomatic && previous !== undefined ? { dependsOn: [previous] } : {}),
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
    if (!idiomatic && previous !== undefined) conn.dependsOn = [`${previous.terraformResourceType}.${previous.friendlyUniqueId}`];
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
    return conn;
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
  const previous = new Map(); // gateway -> logical id of its last connection in path order
  for (const i of Array.from({ length: Math.ceil(N / PER_GATEWAY) }, (_, g) => pathOrder(g)).flat()) {
    const spec = connectionSpec(i);
    const id = logicalId([spec.id, 'Resource']);
    const before = previous.get(spec.gateway);
    previous.set(spec.gateway, id);
    doc.resource.alicloud_vpn_connection[id] = {
      '//': meta(`${spec.id}/Resource`, id),
      ...(before !== undefined ? { depends_on: [`alicloud_vpn_connection.${before}`] } : {}),
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


// ---------------------------------------------------------------------------------------------------
// Fleet workload: N connections on ceil(N / 10) dual-tunnel VPN gateways. Gateway g has two customer
// gateways (ASNs 65010 and 65011, one per tunnel role) and two sensitive variables for their keys: every
// master tunnel on g goes to customer gateway g-0 with key var.psk-g-0, every slave tunnel to g-1 with
// var.psk-g-1, so the tunnels on one gateway and one customer gateway have identical IKE settings and key
// (SAME_CGW_IKE_MISMATCH); connection k's flows (10.g.16k.0/20 x 172.x.k.0/24) overlap no other's
// (SAME_CGW_SELECTOR_OVERLAP); its tunnel CIDRs are the (2k)th and (2k+1)th /30 of 169.254.10.0/24, unique
// on the gateway and clear of the reserved blocks. One destination route per connection, to its remote
// subnet. Every connection and route on a gateway depends on the one before it (serialized changes).

/** Gateway g of the fleet, as plain data shared by the two variants. */
function fleetGatewaySpec(g, connections) {
  const block = (j) => `169.254.${10 + (j >> 6)}.${(j & 63) * 4}`;
  const host = (j) => `169.254.${10 + (j >> 6)}.${(j & 63) * 4 + 1}`;
  return {
    id: `gw-${g}`,
    vpcId: `vpc-${g}`,
    vswitchId: `vsw-${g}-a`,
    disasterRecoveryVswitchId: `vsw-${g}-b`,
    customerGateways: [0, 1].map((t) => ({
      id: `cgw-${g}-${t}`,
      ipAddress: `47.${100 + (g >> 8)}.${g & 255}.${10 + t}`,
      asn: 65010 + t,
      pskVariable: `psk-${g}-${t}`,
    })),
    connections: Array.from({ length: connections }, (_, k) => {
      const remote = `172.${16 + (g % 16)}.${k}.0/24`;
      return {
        id: `conn-${k}`,
        localSubnets: [`10.${g & 255}.${k * 16}.0/20`],
        remoteSubnets: [remote],
        route: { destinationCidr: remote, id: `Route-${remote.replace('/', '-')}` },
        tunnels: ['master', 'slave'].map((role, t) => ({
          role,
          customerGateway: t,
          tunnelCidr: `${block(2 * k + t)}/30`,
          localBgpIp: host(2 * k + t),
        })),
      };
    }),
  };
}

function fleetGateways() {
  const specs = [];
  for (let g = 0; g * PER_GATEWAY < N; g++) specs.push(fleetGatewaySpec(g, Math.min(PER_GATEWAY, N - g * PER_GATEWAY)));
  return specs;
}

/** An app with validation on (the fleet rules run in it) and the provider cdktf's own validation asks for. */
function fleetApp() {
  const { App, TerraformStack } = require('cdktf');
  const { alicloud } = require(LIB);
  const app = new App({ outdir });
  const stack = new TerraformStack(app, 'bench');
  new alicloud.provider.AlicloudProvider(stack, 'alicloud', { region: 'cn-hangzhou' });
  return { app, stack };
}

function variantFleetA() {
  const { TerraformVariable } = require('cdktf');
  const { CustomerGateway, TunnelRole, VpnGateway } = require(LIB);
  const { app, stack } = fleetApp();
  for (const spec of fleetGateways()) {
    const gateway = new VpnGateway(stack, spec.id, {
      vpcId: spec.vpcId,
      bandwidth: 200,
      vswitchId: spec.vswitchId,
      disasterRecoveryVswitchId: spec.disasterRecoveryVswitchId,
    });
    const cgws = spec.customerGateways.map((c) => new CustomerGateway(stack, c.id, { ipAddress: c.ipAddress, asn: c.asn }));
    const keys = spec.customerGateways.map(
      (c) => new TerraformVariable(stack, c.pskVariable, { type: 'string', sensitive: true }).stringValue,
    );
    for (const c of spec.connections) {
      const connection = gateway.addConnection(c.id, {
        localSubnets: c.localSubnets,
        remoteSubnets: c.remoteSubnets,
        tunnels: c.tunnels.map((t) => ({
          role: t.role === 'master' ? TunnelRole.MASTER : TunnelRole.SLAVE,
          customerGateway: cgws[t.customerGateway],
          ikeConfig: { preSharedKey: keys[t.customerGateway] },
          bgpConfig: { tunnelCidr: t.tunnelCidr, localBgpIp: t.localBgpIp },
        })),
      });
      connection.addRoute(c.route.destinationCidr);
    }
  }
  app.synth();
}

/**
 * (b') What the fleet constructs render, written against the generated bindings as cheaply as cdktf
 * allows: the same construct tree (scopes named as the constructs name them, so logical ids match), each
 * reference token read once, keys as literal `${sensitive(var.…)}` strings, and `depends_on` as plain
 * `type.logicalId` strings (the chain: in construct-path order on each gateway, a route right after its
 * connection; the constructs build the same chain with a token per link).
 */
function variantFleetF() {
  const { TerraformOutput, TerraformVariable } = require('cdktf');
  const { Construct } = require('constructs');
  const { alicloud } = require(LIB);
  const { app, stack } = fleetApp();
  const ike = { ikeVersion: 'ikev2', ikeMode: 'main', ikeEncAlg: 'aes256', ikeAuthAlg: 'sha256', ikePfs: 'group14', ikeLifetime: 86400 };
  const ipsec = { ipsecEncAlg: 'aes256', ipsecAuthAlg: 'sha256', ipsecPfs: 'group14', ipsecLifetime: 86400 };
  const fqn = (resource) => `${resource.terraformResourceType}.${resource.friendlyUniqueId}`;
  for (const spec of fleetGateways()) {
    const gwScope = new Construct(stack, spec.id);
    const gw = new alicloud.vpnGateway.VpnGateway(gwScope, 'Resource', {
      vpcId: spec.vpcId,
      bandwidth: 200,
      vswitchId: spec.vswitchId,
      disasterRecoveryVswitchId: spec.disasterRecoveryVswitchId,
      networkType: 'public',
      paymentType: 'PayAsYouGo',
    });
    const gwId = gw.id;
    const gp = gwScope.node.path;
    new TerraformOutput(gwScope, 'GatewayId', { value: gwId, description: `ID of the VPN gateway ${gp}` });
    new TerraformOutput(gwScope, 'InternetIp', {
      value: gw.internetIp,
      description: `Public IP address of the VPN gateway ${gp}`,
    });
    new TerraformOutput(gwScope, 'DisasterRecoveryInternetIp', {
      value: gw.disasterRecoveryInternetIp,
      description: `Public IP address of the standby tunnel of the VPN gateway ${gp}`,
    });
    const cgwIds = spec.customerGateways.map(
      (c) =>
        new alicloud.vpnCustomerGateway.VpnCustomerGateway(new Construct(stack, c.id), 'Resource', {
          ipAddress: c.ipAddress,
          asn: String(c.asn),
        }).id,
    );
    const psks = spec.customerGateways.map((c) => {
      new TerraformVariable(stack, c.pskVariable, { type: 'string', sensitive: true });
      return `\${sensitive(var.${c.pskVariable})}`;
    });
    // the chain follows construct paths: connection ids in string order, each route right after its connection
    let previous;
    const chained = (resource) => {
      if (previous !== undefined) resource.dependsOn = [fqn(previous)];
      previous = resource;
    };
    const connections = [...spec.connections].sort((x, y) => (x.id < y.id ? -1 : x.id > y.id ? 1 : 0));
    for (const c of connections) {
      const scope = new Construct(gwScope, c.id);
      const conn = new alicloud.vpnConnection.VpnConnection(scope, 'Resource', {
        vpnGatewayId: gwId,
        localSubnet: c.localSubnets,
        remoteSubnet: c.remoteSubnets,
        effectImmediately: false,
        autoConfigRoute: true,
        enableTunnelsBgp: true,
        tunnelOptionsSpecification: c.tunnels.map((t) => ({
          role: t.role,
          customerGatewayId: cgwIds[t.customerGateway],
          enableDpd: true,
          enableNatTraversal: true,
          tunnelIkeConfig: { psk: psks[t.customerGateway], ...ike },
          tunnelIpsecConfig: ipsec,
          tunnelBgpConfig: { localAsn: '45104', tunnelCidr: t.tunnelCidr, localBgpIp: t.localBgpIp },
        })),
      });
      chained(conn);
      const connId = conn.id;
      const p = scope.node.path;
      new TerraformOutput(scope, 'ConnectionId', { value: connId, description: `ID of the IPsec-VPN connection ${p}` });
      for (const [label, role, index] of [['Master', 'master', 0], ['Slave', 'slave', 1]]) {
        const at = (attribute) => conn.getStringAttribute(`tunnel_options_specification[${index}].${attribute}`);
        new TerraformOutput(scope, `${label}TunnelId`, { value: at('tunnel_id'), description: `ID of the ${role} tunnel of ${p}` });
        new TerraformOutput(scope, `${label}TunnelInternetIp`, {
          value: at('internet_ip'),
          description: `Public IP address of the ${role} tunnel of ${p} on the Alibaba Cloud side`,
        });
      }
      const route = new alicloud.vpnRouteEntry.VpnRouteEntry(new Construct(scope, c.route.id), 'Resource', {
        vpnGatewayId: gwId,
        nextHop: connId,
        routeDest: c.route.destinationCidr,
        weight: 100,
        publishVpc: true,
      });
      chained(route);
    }
  }
  app.synth();
}

({
  a: variantA,
  b: () => bindingVariant(true),
  f: () => bindingVariant(false),
  c: variantC,
  'fleet-a': variantFleetA,
  'fleet-f': variantFleetF,
})[variant]();
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
