#!/usr/bin/env node
/*
 * A stand-in for the aliyun/alicloud provider, for tests only (not shipped): a gRPC server speaking
 * Terraform's plugin protocol 5 that serves our provider schema, so the real terraform binary can
 * validate, plan, apply and destroy synthesized documents offline, attached through
 * TF_REATTACH_PROVIDERS.
 *
 *   node stand-in-provider.js <schema.json> <socket path>
 *
 * Prints one line, the value for TF_REATTACH_PROVIDERS, and serves until its standard input closes (the
 * test process that started it ended) or it gets SIGTERM. Run it as a child process: terraform sends
 * SIGKILL to the Pid it is given when the socket cannot be reached, and terraform must never be run
 * synchronously from the process that serves it.
 *
 * What it does, per RPC: the schema from the file; configuration passed through (no provider-side
 * checks beyond the schema terraform applies itself, and the SDK's: an error for a computed-only
 * attribute that is set, a warning for a deprecated one); plan: the proposed state, with computed attributes the
 * configuration leaves unset planned as unknown on create, and replacement for changed ForceNew
 * attributes; apply: the planned state with unknowns filled by deterministic fake values shaped like
 * the real ones (`vco-…` ids, addresses in 203.0.113.0/24, or the addresses of a fixture); read:
 * the stored state, unchanged. It cannot reproduce what the real provider reads back from the API.
 *
 * Fixture (optional): STANDIN_FIXTURE=<file.json> with { "internetIps": ["192.0.2.1", ...] }: the
 * public IP addresses (`internet_ip`, `disaster_recovery_internet_ip`) given out in apply order.
 */
'use strict';
const crypto = require('crypto');
const fs = require('fs');
const path = require('path');
const grpc = require('@grpc/grpc-js');
const loader = require('@grpc/proto-loader');
const { decode, encode, ExtData } = require('@msgpack/msgpack');

const [schemaFile, socketPath] = process.argv.slice(2);
if (!schemaFile || !socketPath) {
  process.stderr.write('usage: stand-in-provider.js <schema.json> <socket path>\n');
  process.exit(2);
}
const PROVIDER = 'registry.terraform.io/aliyun/alicloud';

const definition = loader.loadSync(path.join(__dirname, 'tfplugin5.proto'), {
  keepCase: true,
  longs: Number,
  enums: String,
  defaults: true,
  oneofs: true,
});
const { tfplugin5 } = grpc.loadPackageDefinition(definition);

// ---------------------------------------------------------------- schema

const file = JSON.parse(fs.readFileSync(schemaFile, 'utf8'));
const providerSchema = file.provider_schemas[PROVIDER];

/** `terraform providers schema -json` block → the protocol's Schema.Block. */
function protocolBlock(block) {
  return {
    version: 0,
    attributes: Object.entries(block.attributes ?? {}).map(([name, a]) => ({
      name,
      type: Buffer.from(JSON.stringify(a.type)),
      description: a.description ?? '',
      required: Boolean(a.required),
      optional: Boolean(a.optional),
      computed: Boolean(a.computed),
      sensitive: Boolean(a.sensitive),
      deprecated: Boolean(a.deprecated),
    })),
    block_types: Object.entries(block.block_types ?? {}).map(([typeName, b]) => ({
      type_name: typeName,
      block: protocolBlock(b.block),
      nesting: b.nesting_mode.toUpperCase(),
      min_items: b.min_items ?? 0,
      max_items: b.max_items ?? 0,
    })),
    description: block.description ?? '',
    deprecated: Boolean(block.deprecated),
  };
}

const schemaOf = (s) => ({ version: s.version ?? 0, block: protocolBlock(s.block) });
const SCHEMA_RESPONSE = {
  provider: schemaOf(providerSchema.provider),
  resource_schemas: Object.fromEntries(Object.entries(providerSchema.resource_schemas).map(([k, v]) => [k, schemaOf(v)])),
  data_source_schemas: Object.fromEntries(
    Object.entries(providerSchema.data_source_schemas ?? {}).map(([k, v]) => [k, schemaOf(v)]),
  ),
  diagnostics: [],
};
const blockOf = (typeName, kind = 'resource_schemas') => providerSchema[kind][typeName].block;

/** Attributes whose change replaces the resource (ForceNew in the provider; shared/reference/provider-rules.md). */
const FORCE_NEW = {
  alicloud_vpn_connection: ['vpn_gateway_id', 'customer_gateway_id'],
  alicloud_vpn_gateway: ['vpc_id', 'bandwidth', 'network_type', 'payment_type', 'vpn_type', 'vswitch_id', 'instance_charge_type', 'ssl_connections'],
  alicloud_vpn_customer_gateway: ['ip_address', 'asn'],
  alicloud_vpn_route_entry: ['vpn_gateway_id', 'next_hop', 'route_dest'],
  alicloud_vpn_pbr_route_entry: ['vpn_gateway_id', 'next_hop', 'route_source', 'route_dest'],
};
const ID_PREFIX = {
  alicloud_vpn_connection: 'vco-',
  alicloud_vpn_gateway: 'vpn-',
  alicloud_vpn_customer_gateway: 'cgw-',
  alicloud_vpn_connections: 'vco-',
};

// ---------------------------------------------------------------- values

const isUnknown = (v) => v instanceof ExtData; // ext 0 (unknown) or 12 (refined unknown): both unknown
const UNKNOWN = new ExtData(0, new Uint8Array([0]));
const decodeValue = (dv) => (dv && dv.msgpack && dv.msgpack.length > 0 ? decode(dv.msgpack) : null);
const encodeValue = (v) => ({ msgpack: Buffer.from(encode(v ?? null)) });

/** Applies `f(attribute, value, path)` to every attribute of an object value of `block`, nested blocks too. */
function mapAttributes(block, value, f, at = []) {
  if (value === null || value === undefined || isUnknown(value)) return value;
  const out = { ...value };
  for (const [name, a] of Object.entries(block.attributes ?? {})) out[name] = f(a, out[name], [...at, name]);
  for (const [name, b] of Object.entries(block.block_types ?? {})) {
    const nested = out[name];
    if (nested === null || nested === undefined || isUnknown(nested)) continue;
    if (Array.isArray(nested)) out[name] = nested.map((e, i) => mapAttributes(b.block, e, f, [...at, name, i]));
    else if (b.nesting_mode === 'map') {
      out[name] = Object.fromEntries(Object.entries(nested).map(([k, e]) => [k, mapAttributes(b.block, e, f, [...at, name, k])]));
    } else out[name] = mapAttributes(b.block, nested, f, [...at, name]);
  }
  return out;
}

/** The value with every attribute and nested block of `block` present (null or empty when absent). */
function complete(block, value) {
  if (value === null || value === undefined || isUnknown(value)) return value ?? null;
  const out = {};
  for (const name of Object.keys(block.attributes ?? {})) out[name] = value[name] ?? null;
  for (const [name, b] of Object.entries(block.block_types ?? {})) {
    const nested = value[name];
    const single = b.nesting_mode === 'single' || b.nesting_mode === 'group';
    if (nested === null || nested === undefined) out[name] = single ? null : b.nesting_mode === 'map' ? {} : [];
    else if (Array.isArray(nested)) out[name] = nested.map((e) => complete(b.block, e));
    else if (b.nesting_mode === 'map') out[name] = Object.fromEntries(Object.entries(nested).map(([k, e]) => [k, complete(b.block, e)]));
    else out[name] = complete(b.block, nested);
  }
  return out;
}

const hash = (...parts) => crypto.createHash('sha256').update(parts.join('\u0000')).digest('hex');
/** The known parts of a value, as stable text (unknowns left out), to derive fake values from. */
const knownText = (v) => JSON.stringify(v, (k, x) => (isUnknown(x) ? undefined : x instanceof Uint8Array ? undefined : x));

const fixture = process.env.STANDIN_FIXTURE ? JSON.parse(fs.readFileSync(process.env.STANDIN_FIXTURE, 'utf8')) : {};
const fixtureIps = [...(fixture.internetIps ?? [])];

/** A deterministic fake value for a computed attribute, shaped like the real one. */
function fakeValue(typeName, attribute, name, seed) {
  const h = hash(typeName, name, seed);
  const type = JSON.stringify(attribute.type);
  if (name === 'id') return `${ID_PREFIX[typeName] ?? 'id-'}${h.slice(0, 20)}`;
  if (name === 'tunnel_id') return `tun-${h.slice(0, 20)}`;
  if (/(^|_)ip$/.test(name) && type === '"string"') {
    if (fixtureIps.length > 0) return fixtureIps.shift();
    return `203.0.113.${(parseInt(h.slice(0, 4), 16) % 254) + 1}`;
  }
  if (name === 'status' || name === 'state') return 'active';
  if (type === '"string"') return `${name}-${h.slice(0, 8)}`;
  if (type === '"number"') return name === 'create_time' ? 1764028800000 : 0;
  if (type === '"bool"') return false;
  if (type.startsWith('["map"') || type.startsWith('["object"')) return {};
  return [];
}

// ---------------------------------------------------------------- RPCs

const diagnostic = (severity, summary, detail, at = []) => ({
  severity,
  summary,
  detail,
  attribute: {
    steps: at.map((s) => (typeof s === 'number' ? { element_key_int: s } : { attribute_name: s })),
  },
});

/**
 * What the provider SDK (terraform-plugin-sdk v1) reports when it validates a configuration against its
 * schema, and terraform itself does not: a computed-only attribute that is set (an error), a deprecated
 * attribute that is set (a warning).
 */
function schemaDiagnostics(block, config) {
  const diagnostics = [];
  mapAttributes(block, config, (a, v, at) => {
    if (v === null || v === undefined) return v;
    const name = at[at.length - 1];
    if (a.computed && !a.optional && !a.required) {
      diagnostics.push(diagnostic('ERROR', `Computed attributes cannot be set, but a value was set for "${name}".`, '', at));
    } else if (a.deprecated) {
      diagnostics.push(diagnostic('WARNING', 'Argument is deprecated', a.description ?? '', at));
    }
    return v;
  });
  return diagnostics;
}

const handlers = {
  GetSchema: () => SCHEMA_RESPONSE,
  PrepareProviderConfig: (r) => ({ prepared_config: r.config, diagnostics: [] }),
  ValidateResourceTypeConfig: (r) => ({ diagnostics: schemaDiagnostics(blockOf(r.type_name), decodeValue(r.config)) }),
  ValidateDataSourceConfig: (r) => ({
    diagnostics: schemaDiagnostics(blockOf(r.type_name, 'data_source_schemas'), decodeValue(r.config)),
  }),
  UpgradeResourceState: (r) => ({
    upgraded_state: encodeValue(complete(blockOf(r.type_name), JSON.parse(r.raw_state.json.toString('utf8')))),
    diagnostics: [],
  }),
  Configure: () => ({ diagnostics: [] }),
  ReadResource: (r) => ({ new_state: r.current_state, private: r.private, diagnostics: [] }),
  PlanResourceChange: (r) => {
    const prior = decodeValue(r.prior_state);
    const proposed = decodeValue(r.proposed_new_state);
    if (proposed === null) return { planned_state: encodeValue(null), requires_replace: [], diagnostics: [] };
    const block = blockOf(r.type_name);
    // on create, what the configuration leaves unset of a computed attribute is known only after apply
    const planned =
      prior === null ? mapAttributes(block, proposed, (a, v) => (a.computed && v === null ? UNKNOWN : v)) : proposed;
    const replace =
      prior === null
        ? []
        : (FORCE_NEW[r.type_name] ?? [])
            .filter((name) => knownText(prior[name]) !== knownText(planned[name]))
            .map((name) => ({ steps: [{ attribute_name: name }] }));
    return { planned_state: encodeValue(planned), requires_replace: replace, planned_private: r.prior_private, diagnostics: [] };
  },
  ApplyResourceChange: (r) => {
    const planned = decodeValue(r.planned_state);
    if (planned === null) return { new_state: encodeValue(null), diagnostics: [] };
    const seed = knownText(planned);
    const state = mapAttributes(blockOf(r.type_name), planned, (a, v, at) =>
      isUnknown(v) ? fakeValue(r.type_name, a, at[at.length - 1], `${seed}/${at.join('.')}`) : v,
    );
    return { new_state: encodeValue(state), private: r.planned_private, diagnostics: [] };
  },
  ReadDataSource: (r) => {
    const config = decodeValue(r.config);
    const seed = knownText(config);
    const state = mapAttributes(blockOf(r.type_name, 'data_source_schemas'), config, (a, v, at) =>
      (v === null || isUnknown(v)) && a.computed ? fakeValue(r.type_name, a, at[at.length - 1], `${seed}/${at.join('.')}`) : v,
    );
    return { state: encodeValue(state), diagnostics: [] };
  },
  Stop: () => ({ Error: '' }),
};

const server = new grpc.Server();
server.addService(
  tfplugin5.Provider.service,
  Object.fromEntries(
    Object.entries(handlers).map(([name, handle]) => [
      name,
      (call, callback) => {
        try {
          callback(null, handle(call.request));
        } catch (e) {
          callback({ code: grpc.status.INTERNAL, details: `stand-in ${name}: ${e.stack ?? e}` });
        }
      },
    ]),
  ),
);

fs.rmSync(socketPath, { force: true });
server.bindAsync(`unix:${socketPath}`, grpc.ServerCredentials.createInsecure(), (err) => {
  if (err) {
    process.stderr.write(`stand-in provider: cannot listen on ${socketPath}: ${err.message}\n`);
    process.exit(1);
  }
  const reattach = {
    [PROVIDER]: { Protocol: 'grpc', ProtocolVersion: 5, Pid: process.pid, Test: true, Addr: { Network: 'unix', String: socketPath } },
  };
  process.stdout.write(`${JSON.stringify(reattach)}\n`);
});

const stop = () => {
  server.forceShutdown();
  fs.rmSync(socketPath, { force: true });
  process.exit(0);
};
process.stdin.on('end', stop);
process.stdin.on('error', stop);
process.stdin.resume();
process.on('SIGTERM', stop);
