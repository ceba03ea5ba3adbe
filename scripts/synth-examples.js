#!/usr/bin/env node
/*
 * Type-checks every examples/<scenario>/main.ts, runs it (plain node, no cdktf CLI, no terraform) so it
 * synthesizes to examples/<scenario>/cdktf.out/, and checks every synthesized stack against the
 * provider schema with the conformance checker the tests use.
 */
'use strict';
process.env.CHECKPOINT_DISABLE = '1';

const { execFileSync } = require('child_process');
const fs = require('fs');
const path = require('path');

const ROOT = path.resolve(__dirname, '..');
const EXAMPLES = path.join(ROOT, 'examples');
const REGISTER = path.join(__dirname, 'examples-register.js');

function run(cmd, args, cwd) {
  execFileSync(cmd, args, { cwd, stdio: 'inherit', env: process.env });
}

const scenarios = fs
  .readdirSync(EXAMPLES, { withFileTypes: true })
  .filter((d) => d.isDirectory() && fs.existsSync(path.join(EXAMPLES, d.name, 'main.ts')))
  .map((d) => d.name)
  .sort();
if (scenarios.length === 0) throw new Error('no examples/<scenario>/main.ts found');

console.log(`type-checking ${scenarios.length} example(s)`);
run(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', path.join(EXAMPLES, 'tsconfig.json')], ROOT);

require(REGISTER); // ts-node for the checker below
const { checkConformance, formatProblems } = require(path.join(ROOT, 'test', 'support', 'conformance.ts'));

let failed = false;
for (const scenario of scenarios) {
  const dir = path.join(EXAMPLES, scenario);
  const outdir = path.join(dir, 'cdktf.out');
  fs.rmSync(outdir, { recursive: true, force: true });
  const started = Date.now();
  run(process.execPath, ['-r', REGISTER, 'main.ts'], dir);
  const stacksDir = path.join(outdir, 'stacks');
  const stacks = fs.existsSync(stacksDir) ? fs.readdirSync(stacksDir).sort() : [];
  if (stacks.length === 0) {
    console.error(`examples/${scenario}: synthesized no stack`);
    failed = true;
    continue;
  }
  for (const stack of stacks) {
    const file = path.join(stacksDir, stack, 'cdk.tf.json');
    const { problems, checked } = checkConformance(fs.readFileSync(file, 'utf8'));
    if (problems.length > 0) {
      console.error(`examples/${scenario} stack ${stack} does not conform to the schema:\n${formatProblems(problems)}`);
      failed = true;
    } else {
      console.log(
        `examples/${scenario}: stack ${stack} synthesized in ${Date.now() - started} ms, ${checked.length} alicloud blocks conform`,
      );
    }
  }
}
process.exit(failed ? 1 : 0);
