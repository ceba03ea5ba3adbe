#!/usr/bin/env node
/*
 * Synthesis benchmark (see bench/README.md). Runs bench/workload.js in a fresh node process per
 * measurement against the compiled library (lib/, so run `npx projen compile` first: `npx projen bench`
 * does), checks that the variants of each workload write byte-identical documents, and prints a table.
 *
 *   node bench/run.js                 N = 100, 1000, 10000 (both workloads); 3 repetitions (median)
 *   BENCH_SIZES=100,1000 BENCH_REPS=5 node bench/run.js
 *   BENCH_SIZES= BENCH_FLEET_SIZES=10000 node bench/run.js     the fleet workload only
 *
 *   BENCH_SIZES        connection workload: numbers of connections (empty: skip it)
 *   BENCH_FLEET_SIZES  fleet workload: numbers of connections, 10 per VPN gateway (empty: skip it);
 *                      default: BENCH_SIZES, so CI's smoke run (BENCH_SIZES=100) also runs a fleet of 100
 *   BENCH_REPS         repetitions per variant (median); the fleet's two variants run alternately
 *   BENCH_LIB          directory of the compiled library (default: the package, lib/)
 */
'use strict';
const { spawnSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');

const ROOT = path.resolve(__dirname, '..');
const sizes = (text) =>
  text
    .split(',')
    .filter((x) => x.trim() !== '')
    .map(Number);
const SIZES = sizes(process.env.BENCH_SIZES ?? '100,1000,10000');
const FLEET_SIZES = sizes(process.env.BENCH_FLEET_SIZES ?? process.env.BENCH_SIZES ?? '100,1000,10000');
const REPS = Number(process.env.BENCH_REPS ?? 3);
const LIB = process.env.BENCH_LIB ? path.resolve(process.env.BENCH_LIB) : path.join(ROOT, 'lib');
const env = { ...process.env, CHECKPOINT_DISABLE: '1', ...(process.env.BENCH_LIB ? { BENCH_LIB: LIB } : {}) };

if (!fs.existsSync(path.join(LIB, 'index.js'))) {
  console.error(`${LIB}/index.js is missing: run \`npx projen compile\` first (or \`npx projen bench\`).`);
  process.exit(1);
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** Wall time of a whole node process (spawn to exit) and what it printed. */
function timed(args) {
  const start = process.hrtime.bigint();
  const r = spawnSync(process.execPath, args, { cwd: ROOT, env, encoding: 'utf8', maxBuffer: 1 << 26 });
  const wallMs = Number(process.hrtime.bigint() - start) / 1e6;
  if (r.status !== 0) throw new Error(`node ${args.join(' ')} failed:\n${r.stderr}`);
  return { wallMs, out: r.stdout };
}

/** One run of a variant: wall time of the process, what it reported, and the document it wrote. */
function runOnce(variant, n) {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), `bench-${variant}-`));
  try {
    const { wallMs, out } = timed([path.join(__dirname, 'workload.js'), variant, String(n), outdir]);
    const file = fs.readFileSync(path.join(outdir, 'stacks', 'bench', 'cdk.tf.json'));
    return { wallMs, ...JSON.parse(out.trim().split('\n').pop()), file };
  } finally {
    fs.rmSync(outdir, { recursive: true, force: true });
  }
}

function summary(variant, n, runs) {
  for (const r of runs) {
    if (!r.file.equals(runs[0].file)) throw new Error(`${variant} N=${n}: output differs between runs`);
  }
  return {
    wallMs: median(runs.map((r) => r.wallMs)),
    cpuMs: median(runs.map((r) => r.cpuMs)),
    rssMb: median(runs.map((r) => r.maxRssMb)),
    walls: runs.map((r) => r.wallMs),
    cpus: runs.map((r) => r.cpuMs),
    file: runs[0].file,
  };
}

function measure(variant, n) {
  return summary(
    variant,
    n,
    Array.from({ length: REPS }, () => runOnce(variant, n)),
  );
}

/** The variants run alternately (a, b', a, b', ...), so that a slow spell of the machine hits both. */
function measureAlternately(variants, n) {
  const runs = Object.fromEntries(variants.map((v) => [v, []]));
  for (let i = 0; i < REPS; i++) for (const v of variants) runs[v].push(runOnce(v, n));
  return Object.fromEntries(variants.map((v) => [v, summary(v, n, runs[v])]));
}

const rows = [];
for (const n of SIZES) {
  const a = measure('a', n);
  const b = measure('b', n);
  const floor = measure('f', n);
  const c = measure('c', n);
  if (!a.file.equals(b.file) || !a.file.equals(floor.file) || !a.file.equals(c.file)) {
    throw new Error(`N=${n}: the variants wrote different documents`);
  }
  rows.push({ n, a, b, floor, c, bytes: a.file.length });
  console.error(`N=${n} done`);
}

const fleetRows = [];
for (const n of FLEET_SIZES) {
  const { 'fleet-a': a, 'fleet-f': floor } = measureAlternately(['fleet-a', 'fleet-f'], n);
  if (!a.file.equals(floor.file)) throw new Error(`fleet N=${n}: (a) and (b') wrote different documents`);
  fleetRows.push({ n, a, floor, bytes: a.file.length });
  console.error(`fleet N=${n} done`);
}

const f = (x, d = 0) => x.toFixed(d);
const lines = [];
if (rows.length > 0)
  lines.push(
    "| N | (a) IpsecVpnConnection | (b) binding, idiomatic | (b') binding, cheapest | (c) JSON.stringify | a/b time | a/b' time | a/b' CPU | b'/c time | RSS a / b' / c (MB) | RSS a/b' | cdk.tf.json |",
    '|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
  );
for (const { n, a, b, floor, c, bytes } of rows) {
  lines.push(
    `| ${n} | ${f(a.wallMs)} ms | ${f(b.wallMs)} ms | ${f(floor.wallMs)} ms | ${f(c.wallMs)} ms | ${f(a.wallMs / b.wallMs, 2)} | ` +
      `${f(a.wallMs / floor.wallMs, 2)} | ${f(a.cpuMs / floor.cpuMs, 2)} | ${f(floor.wallMs / c.wallMs, 1)} | ${a.rssMb} / ${floor.rssMb} / ${c.rssMb} | ` +
      `${f(a.rssMb / floor.rssMb, 2)} | ${f(bytes / 1048576, 1)} MB |`,
  );
}
const big = rows.find((r) => r.n === 10000);
const mid = rows.find((r) => r.n === 1000);
if (big && mid) lines.push('', `growth a(10,000) / a(1,000): ${f(big.a.wallMs / mid.a.wallMs, 2)}x`);

if (fleetRows.length > 0) {
  const s = (xs) => xs.map((x) => f(x / 1000, 1)).join(', ');
  if (lines.length > 0) lines.push('');
  lines.push(
    "Fleet workload (validation on; (a) VpnGateway + CustomerGateway + addConnection + addRoute, (b') the generated bindings, cheapest; run alternately):",
    '',
    "| connections | gateways | (a) wall, runs (s) | (b') wall, runs (s) | (a) CPU, runs (s) | (b') CPU, runs (s) | (a) wall | (b') wall | a/b' wall | (a) CPU | (b') CPU | a/b' CPU | RSS a / b' (MB) | cdk.tf.json |",
    '|---:|---:|---|---|---|---|---:|---:|---:|---:|---:|---:|---:|---:|',
  );
  for (const { n, a, floor, bytes } of fleetRows) {
    lines.push(
      `| ${n} | ${Math.ceil(n / 10)} | ${s(a.walls)} | ${s(floor.walls)} | ${s(a.cpus)} | ${s(floor.cpus)} | ` +
        `${f(a.wallMs)} ms | ${f(floor.wallMs)} ms | ` +
        `**${f(a.wallMs / floor.wallMs, 2)}** | ${f(a.cpuMs)} ms | ${f(floor.cpuMs)} ms | **${f(a.cpuMs / floor.cpuMs, 2)}** | ` +
        `${a.rssMb} / ${floor.rssMb} | ${f(bytes / 1048576, 1)} MB |`,
    );
  }
}

// cold require: a fresh process that only loads the module
const COLD_REPS = Math.max(REPS * 3, 9);
const cold = (mod) =>
  median(Array.from({ length: COLD_REPS }, () => timed(['-e', `require(${JSON.stringify(mod)})`]).wallMs));
const bare = median(Array.from({ length: COLD_REPS }, () => timed(['-e', '0']).wallMs));
const cdktf = cold('cdktf');
const lib = cold(path.join(LIB, 'index.js'));
lines.push(
  '',
  `cold require (median of ${COLD_REPS} processes): node alone ${f(bare)} ms, require('cdktf') ${f(cdktf)} ms, ` +
    `require('cdktf-alicloud-vpn') ${f(lib)} ms: ratio ${f(lib / cdktf, 2)}x (${f((lib - bare) / (cdktf - bare), 2)}x without node's own start-up)`,
  '',
  `node ${process.version}, ${os.cpus().length} x ${os.cpus()[0].model}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, ${REPS} repetitions (median)`,
);
console.log(lines.join('\n'));
