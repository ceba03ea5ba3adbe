#!/usr/bin/env node
/*
 * Synthesis benchmark (see bench/README.md). Runs bench/workload.js in a fresh node process per
 * measurement against the compiled library (lib/, so run `npx projen compile` first: `npx projen bench`
 * does), checks that the three variants write byte-identical documents, and prints a table.
 *
 *   node bench/run.js                 N = 100, 1000, 10000; 3 repetitions (median)
 *   BENCH_SIZES=100,1000 BENCH_REPS=5 node bench/run.js
 */
'use strict';
const { spawnSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');

const ROOT = path.resolve(__dirname, '..');
const SIZES = (process.env.BENCH_SIZES ?? '100,1000,10000').split(',').map(Number);
const REPS = Number(process.env.BENCH_REPS ?? 3);
const env = { ...process.env, CHECKPOINT_DISABLE: '1' };

if (!fs.existsSync(path.join(ROOT, 'lib', 'index.js'))) {
  console.error('lib/ is missing: run `npx projen compile` first (or `npx projen bench`).');
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

function measure(variant, n) {
  const runs = [];
  let file;
  for (let i = 0; i < REPS; i++) {
    const outdir = fs.mkdtempSync(path.join(os.tmpdir(), `bench-${variant}-`));
    const { wallMs, out } = timed([path.join(__dirname, 'workload.js'), variant, String(n), outdir]);
    runs.push({ wallMs, ...JSON.parse(out.trim().split('\n').pop()) });
    const written = path.join(outdir, 'stacks', 'bench', 'cdk.tf.json');
    const content = fs.readFileSync(written);
    if (file !== undefined && !file.equals(content)) throw new Error(`${variant} N=${n}: output differs between runs`);
    file = content;
    fs.rmSync(outdir, { recursive: true, force: true });
  }
  return {
    wallMs: median(runs.map((r) => r.wallMs)),
    cpuMs: median(runs.map((r) => r.cpuMs)),
    rssMb: median(runs.map((r) => r.maxRssMb)),
    file,
  };
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

const f = (x, d = 0) => x.toFixed(d);
const lines = [
  "| N | (a) IpsecVpnConnection | (b) binding, idiomatic | (b') binding, cheapest | (c) JSON.stringify | a/b time | a/b' time | a/b' CPU | b'/c time | RSS a / b' / c (MB) | RSS a/b' | cdk.tf.json |",
  '|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
];
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

// cold require: a fresh process that only loads the module
const COLD_REPS = Math.max(REPS * 3, 9);
const cold = (mod) =>
  median(Array.from({ length: COLD_REPS }, () => timed(['-e', `require(${JSON.stringify(mod)})`]).wallMs));
const bare = median(Array.from({ length: COLD_REPS }, () => timed(['-e', '0']).wallMs));
const cdktf = cold('cdktf');
const lib = cold(path.join(ROOT, 'lib', 'index.js'));
lines.push(
  '',
  `cold require (median of ${COLD_REPS} processes): node alone ${f(bare)} ms, require('cdktf') ${f(cdktf)} ms, ` +
    `require('cdktf-alicloud-vpn') ${f(lib)} ms: ratio ${f(lib / cdktf, 2)}x (${f((lib - bare) / (cdktf - bare), 2)}x without node's own start-up)`,
  '',
  `node ${process.version}, ${os.cpus().length} x ${os.cpus()[0].model}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, ${REPS} repetitions (median)`,
);
console.log(lines.join('\n'));
