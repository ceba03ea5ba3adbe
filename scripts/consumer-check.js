#!/usr/bin/env node
/*
 * A consumer project, built as the README tells a user to: the library packed into a tarball, installed
 * into a scratch project with the framework's CLI and TypeScript 5 + ts-node, one of our examples
 * synthesized with the CLI (`cdktf synth` / `cdktn synth`), and the result put through terraform
 * (init, validate, plan) with the stand-in provider. Two routes:
 *
 *   cdktf  cdktf 0.21 + cdktf-cli 0.21 on this node
 *   cdktn  CDK Terrain 0.24 + cdktn-cli 0.24 with the README's npm override (cdktf → cdktn), on Node 22
 *          (npm's node@22 package: cdktn-cli needs Node >= 22.19)
 *
 *   node scripts/consumer-check.js [cdktf|cdktn ...]      (after `npx projen compile`)
 */
'use strict';
const { spawn, spawnSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');

const ROOT = path.resolve(__dirname, '..');
const EXAMPLE = path.join(ROOT, 'examples', 'single-tunnel', 'main.ts');
const env = { ...process.env, CHECKPOINT_DISABLE: '1' };

function sh(cmd, args, cwd, extraEnv = {}) {
  const started = Date.now();
  const r = spawnSync(cmd, args, { cwd, env: { ...env, ...extraEnv }, encoding: 'utf8', maxBuffer: 1 << 26 });
  if (r.status !== 0) {
    throw new Error(`${cmd} ${args.join(' ')} failed in ${cwd} (${r.status}):\n${r.stdout}\n${r.stderr}`);
  }
  return { out: r.stdout, ms: Date.now() - started };
}

function node22() {
  return sh('npx', ['-y', '-p', 'node@22', 'which', 'node'], ROOT).out.trim().split('\n').pop();
}

const ROUTES = {
  cdktf: {
    node: () => process.execPath,
    cli: 'cdktf',
    deps: ['cdktf@0.21.0', 'constructs@10.7.2', 'cdktf-cli@0.21.0', 'typescript@5', 'ts-node@10.9.2'],
    overrides: undefined,
    source: (text) => text,
  },
  cdktn: {
    node: node22,
    cli: 'cdktn',
    deps: ['cdktn@0.24.0', 'constructs@10.7.2', 'cdktn-cli@0.24.0', 'typescript@5', 'ts-node@10.9.2'],
    // README "CDK Terrain users": cdktf resolves to cdktn
    overrides: { cdktf: 'npm:cdktn@0.24.0' },
    source: (text) => text.replace(/from 'cdktf'/g, "from 'cdktn'"),
  },
};

const TERRAFORM = spawnSync('terraform', ['version'], { env }).status === 0;

/** terraform init/validate/plan on a synthesized stack, attached to the stand-in provider. */
async function terraformCheck(stackDir, vars) {
  if (!TERRAFORM) {
    console.warn('SKIPPED: the terraform check of the consumer projects needs terraform on the PATH');
    return { terraform: 'SKIPPED' };
  }
  const socketDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tfsi-'));
  const standIn = spawn(process.execPath, [
    path.join(ROOT, 'test', 'terraform', 'stand-in-provider.js'),
    path.join(ROOT, 'schema', 'alicloud-vpn.schema.json'),
    path.join(socketDir, 's.sock'),
  ]);
  try {
    const reattach = await new Promise((resolve, reject) => {
      let out = '';
      standIn.stdout.on('data', (d) => {
        out += d;
        if (out.includes('\n')) resolve(out.split('\n')[0]);
      });
      standIn.on('exit', (code) => reject(new Error(`stand-in provider exited (${code})`)));
    });
    const cliConfig = path.join(socketDir, 'terraformrc');
    fs.writeFileSync(cliConfig, '');
    const tfEnv = {
      TF_REATTACH_PROVIDERS: reattach,
      TF_CLI_CONFIG_FILE: cliConfig,
      TF_IN_AUTOMATION: '1',
      TF_INPUT: '0',
    };
    const varArgs = Object.entries(vars).map(([k, v]) => `-var=${k}=${v}`);
    const timings = {};
    for (const [name, args] of [
      ['init', ['init', '-no-color']],
      ['validate', ['validate', '-no-color', '-json']],
      ['plan', ['plan', '-no-color', ...varArgs]],
    ]) {
      const r = sh('terraform', args, stackDir, tfEnv);
      timings[name] = r.ms;
      if (name === 'validate') {
        const report = JSON.parse(r.out);
        if (!report.valid || report.warning_count > 0) throw new Error(`terraform validate: ${r.out}`);
      }
      if (name === 'plan' && Object.values(vars).some((v) => r.out.includes(v))) {
        throw new Error('a pre-shared key appears in the plan output');
      }
    }
    return timings;
  } finally {
    standIn.stdin.end();
    standIn.kill('SIGTERM');
    fs.rmSync(socketDir, { recursive: true, force: true });
  }
}

async function main() {
  const routes = process.argv.slice(2).length > 0 ? process.argv.slice(2) : Object.keys(ROUTES);
  if (!fs.existsSync(path.join(ROOT, 'lib', 'index.js')))
    throw new Error('lib/ is missing: run `npx projen compile` first');
  const packDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pack-'));
  const packed = sh('npm', ['pack', '--silent', '--pack-destination', packDir], ROOT);
  const tarball = path.join(packDir, packed.out.trim().split('\n').pop());
  console.log(`packed ${path.basename(tarball)} in ${packed.ms} ms`);

  for (const name of routes) {
    const route = ROUTES[name];
    if (!route) throw new Error(`unknown route ${name}: use ${Object.keys(ROUTES).join(' or ')}`);
    const nodeBin = route.node();
    const nodeEnv = { PATH: `${path.dirname(nodeBin)}${path.delimiter}${process.env.PATH}` };
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), `consumer-${name}-`));
    const pkg = {
      name: `consumer-${name}`,
      version: '0.0.0',
      private: true,
      ...(route.overrides ? { overrides: route.overrides } : {}),
    };
    fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify(pkg, null, 2));
    const install = sh('npm', ['install', '--no-audit', '--no-fund', tarball, ...route.deps], dir, nodeEnv);
    fs.writeFileSync(path.join(dir, 'main.ts'), route.source(fs.readFileSync(EXAMPLE, 'utf8')));
    fs.writeFileSync(
      path.join(dir, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: {
          target: 'ES2022',
          module: 'commonjs',
          strict: true,
          esModuleInterop: true,
          skipLibCheck: true,
        },
      }),
    );
    fs.writeFileSync(
      path.join(dir, 'cdktf.json'),
      JSON.stringify({
        language: 'typescript',
        app: 'npx ts-node main.ts',
        terraformProviders: [],
        terraformModules: [],
      }),
    );
    const synth = sh(path.join(dir, 'node_modules', '.bin', route.cli), ['synth'], dir, nodeEnv);
    const stacks = path.join(dir, 'cdktf.out', 'stacks');
    const checked = [];
    for (const stack of fs.readdirSync(stacks)) {
      const doc = JSON.parse(fs.readFileSync(path.join(stacks, stack, 'cdk.tf.json'), 'utf8'));
      if (!doc.resource?.alicloud_vpn_connection)
        throw new Error(`${name}: stack ${stack} has no alicloud_vpn_connection`);
      const vars = Object.fromEntries(Object.keys(doc.variable ?? {}).map((v, i) => [v, `Consumer-Key-${i}-q8`]));
      const timings = await terraformCheck(path.join(stacks, stack), vars);
      checked.push(
        `${stack} (terraform ${Object.entries(timings)
          .map(([k, ms]) => `${k} ${ms}${typeof ms === 'number' ? ' ms' : ''}`)
          .join(', ')})`,
      );
    }
    console.log(
      `${name}: node ${sh(nodeBin, ['--version'], dir).out.trim()}, npm install ${install.ms} ms, ${route.cli} synth ${synth.ms} ms, ` +
        `checked ${checked.join('; ')}`,
    );
    fs.rmSync(dir, { recursive: true, force: true });
  }
  fs.rmSync(packDir, { recursive: true, force: true });
}

main().catch((e) => {
  console.error(e.message);
  process.exit(1);
});
