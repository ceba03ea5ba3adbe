#!/usr/bin/env node
/*
 * The long run of test/properties.test.ts: PROPERTY_TOTAL samples per property (default 50,000), as
 * seeded chunks of PROPERTY_CHUNK (default 5,000), one jest process per chunk. (cdktf keeps every token
 * in a global map and a reference token keeps its whole stack alive, so one process that builds 50,000
 * stacks runs out of heap; chunks keep each process small.) Chunk i uses seed PROPERTY_SEED + i.
 */
'use strict';
const { spawnSync } = require('child_process');
const path = require('path');

const total = Number(process.env.PROPERTY_TOTAL ?? 50000);
const chunk = Number(process.env.PROPERTY_CHUNK ?? 5000);
const seed = Number(process.env.PROPERTY_SEED ?? 20261125);
const jest = path.join(__dirname, '..', 'node_modules', '.bin', 'jest');

const started = Date.now();
for (let i = 0; i * chunk < total; i++) {
  const runs = Math.min(chunk, total - i * chunk);
  const t = Date.now();
  const r = spawnSync(jest, ['test/properties.test.ts', '--coverage=false'], {
    cwd: path.join(__dirname, '..'),
    env: { ...process.env, CHECKPOINT_DISABLE: '1', PROPERTY_RUNS: String(runs), PROPERTY_SEED: String(seed + i) },
    encoding: 'utf8',
  });
  const summary = /Tests:.*/.exec(r.stderr + r.stdout)?.[0] ?? 'no summary';
  console.log(`chunk ${i}: ${runs} samples per property, seed ${seed + i}: ${summary} (${((Date.now() - t) / 1000).toFixed(0)} s)`);
  if (r.status !== 0) {
    console.error(r.stderr.slice(-5000));
    process.exit(1);
  }
}
console.log(`${total} samples per property passed in ${((Date.now() - started) / 1000).toFixed(0)} s`);
