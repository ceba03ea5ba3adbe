/**
 * The real terraform binary on synthesized documents, offline: a stand-in provider process
 * (test/terraform/stand-in-provider.js) attached through TF_REATTACH_PROVIDERS, and terraform run
 * asynchronously with a timeout in a scratch directory per document.
 */
import { ChildProcess, spawn, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

const ROOT = path.join(__dirname, '..', '..');
const STAND_IN = path.join(ROOT, 'test', 'terraform', 'stand-in-provider.js');
const SCHEMA = path.join(ROOT, 'schema', 'alicloud-vpn.schema.json');

const version = spawnSync('terraform', ['version'], {
  encoding: 'utf8',
  env: { ...process.env, CHECKPOINT_DISABLE: '1' },
});
/** The terraform version line, or undefined where there is no terraform on the PATH. */
export const TERRAFORM_VERSION = version.status === 0 ? version.stdout.split('\n')[0] : undefined;

/**
 * `test` where terraform is on the PATH; elsewhere `test.skip`, and a loud message once per file.
 */
export function terraformTest(file: string): jest.It {
  if (TERRAFORM_VERSION === undefined) {
    // eslint-disable-next-line no-console
    console.warn(
      `SKIPPED: ${file} needs the terraform binary (1.x) on the PATH: ` +
        'https://developer.hashicorp.com/terraform/install. No provider download is needed.',
    );
    return test.skip;
  }
  return test;
}

export interface TerraformResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** A running stand-in provider; `stop()` ends it. */
export class StandIn {
  /** Starts one stand-in (one per test file is enough: terraform keeps no state in it). */
  public static async start(fixture?: { internetIps?: string[] }): Promise<StandIn> {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tfsi-'));
    // unix socket paths are limited to 107 bytes
    const socket = path.join(dir, 's.sock');
    const env: NodeJS.ProcessEnv = { ...process.env };
    if (fixture) {
      env.STANDIN_FIXTURE = path.join(dir, 'fixture.json');
      fs.writeFileSync(env.STANDIN_FIXTURE, JSON.stringify(fixture));
    }
    const child = spawn(process.execPath, [STAND_IN, SCHEMA, socket], { env, stdio: ['pipe', 'pipe', 'pipe'] });
    const reattach = await new Promise<string>((resolve, reject) => {
      let out = '';
      let err = '';
      child.stdout!.on('data', (d) => {
        out += d;
        if (out.includes('\n')) resolve(out.split('\n')[0]);
      });
      child.stderr!.on('data', (d) => (err += d));
      child.on('exit', (code) => reject(new Error(`the stand-in provider exited (${code}): ${err}`)));
      // unref'd: a pending timer would keep jest's worker alive 20 s after the tests
      setTimeout(() => reject(new Error(`the stand-in provider did not start in 20 s: ${err}`)), 20_000).unref();
    });
    return new StandIn(child, reattach, dir);
  }

  private constructor(
    private readonly child: ChildProcess,
    /** The value of TF_REATTACH_PROVIDERS. */
    public readonly reattach: string,
    private readonly dir: string,
  ) {}

  /** Runs terraform in `cwd`, attached to this stand-in; never throws on a non-zero exit. */
  public terraform(cwd: string, args: string[], timeoutMs = 120_000): Promise<TerraformResult> {
    const cliConfig = path.join(this.dir, 'terraformrc');
    if (!fs.existsSync(cliConfig)) fs.writeFileSync(cliConfig, '');
    const env = {
      ...process.env,
      CHECKPOINT_DISABLE: '1',
      TF_IN_AUTOMATION: '1',
      TF_INPUT: '0',
      TF_CLI_CONFIG_FILE: cliConfig,
      TF_REATTACH_PROVIDERS: this.reattach,
    };
    return new Promise((resolve) => {
      const child = spawn('terraform', [...args], { cwd, env });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (d) => (stdout += d));
      child.stderr.on('data', (d) => (stderr += d));
      const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
      child.on('close', (code) => {
        clearTimeout(timer);
        resolve({ code: code ?? -1, stdout, stderr });
      });
    });
  }

  public stop(): void {
    this.child.stdin!.end();
    this.child.kill('SIGTERM');
    fs.rmSync(this.dir, { recursive: true, force: true });
  }
}

export interface ValidateReport {
  readonly valid: boolean;
  readonly error_count: number;
  readonly warning_count: number;
  readonly diagnostics: Array<{ severity: string; summary: string; detail?: string }>;
}

export interface DocumentCheck {
  readonly dir: string;
  readonly init: TerraformResult;
  readonly validate: ValidateReport;
  /** Undefined when validation failed. */
  readonly plan?: TerraformResult;
  /** `terraform show -json` of the saved plan. */
  readonly planJson?: Record<string, any>;
  /** With `apply`: the apply, and a second plan with -detailed-exitcode (0 = no changes). */
  readonly apply?: TerraformResult;
  readonly replan?: TerraformResult;
}

/**
 * Writes `doc` as `cdk.tf.json` into a scratch directory and runs init, validate -json, plan (saved),
 * show -json of the plan and, with `apply`, apply and a second plan. `vars` become -var arguments.
 */
export async function checkDocument(
  standIn: StandIn,
  doc: Record<string, any>,
  options: { apply?: boolean; vars?: Record<string, string> } = {},
): Promise<DocumentCheck> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tfdoc-'));
  fs.writeFileSync(path.join(dir, 'cdk.tf.json'), JSON.stringify(doc, null, 2));
  const vars = Object.entries(options.vars ?? {}).map(([k, v]) => `-var=${k}=${v}`);
  const init = await standIn.terraform(dir, ['init', '-no-color']);
  const validated = await standIn.terraform(dir, ['validate', '-json', '-no-color']);
  let validate: ValidateReport;
  try {
    validate = JSON.parse(validated.stdout);
  } catch {
    throw new Error(`terraform validate -json printed no JSON (exit ${validated.code}): ${validated.stderr}`);
  }
  if (!validate.valid) return { dir, init, validate };
  const plan = await standIn.terraform(dir, ['plan', '-no-color', '-out=tfplan', ...vars]);
  if (plan.code !== 0) return { dir, init, validate, plan };
  const shown = await standIn.terraform(dir, ['show', '-json', '-no-color', 'tfplan']);
  const planJson = JSON.parse(shown.stdout);
  if (!options.apply) return { dir, init, validate, plan, planJson };
  const apply = await standIn.terraform(dir, ['apply', '-no-color', '-auto-approve', 'tfplan']);
  const replan = await standIn.terraform(dir, ['plan', '-no-color', '-detailed-exitcode', ...vars]);
  return { dir, init, validate, plan, planJson, apply, replan };
}

/** Every `psk` value path in the planned values of alicloud_vpn_connection resources, with its sensitivity. */
export function pskSensitivity(
  planJson: Record<string, any>,
): Array<{ address: string; path: string; sensitive: boolean }> {
  const out: Array<{ address: string; path: string; sensitive: boolean }> = [];
  for (const change of planJson.resource_changes ?? []) {
    if (change.type !== 'alicloud_vpn_connection') continue;
    const after = change.change.after ?? {};
    const marks = change.change.after_sensitive ?? {};
    const ike = (after.ike_config ?? []) as unknown[];
    ike.forEach((_, i) => {
      if (after.ike_config[i].psk !== undefined) {
        out.push({
          address: change.address,
          path: `ike_config[${i}].psk`,
          sensitive: marks.ike_config?.[i]?.psk === true,
        });
      }
    });
    ((after.tunnel_options_specification ?? []) as any[]).forEach((t, i) => {
      (t.tunnel_ike_config ?? []).forEach((_: unknown, j: number) => {
        out.push({
          address: change.address,
          path: `tunnel_options_specification[${i}].tunnel_ike_config[${j}].psk`,
          sensitive: marks.tunnel_options_specification?.[i]?.tunnel_ike_config?.[j]?.psk === true,
        });
      });
    });
  }
  return out;
}

/**
 * Adds a synthesized document to `into`: its resources and outputs (whose names must not collide), and
 * the first `terraform` and `provider` blocks seen. Many stacks in one document cost one terraform run.
 */
export function mergeDocument(into: Record<string, any>, doc: Record<string, any>): void {
  into.terraform ??= doc.terraform;
  into.provider ??= doc.provider;
  for (const [type, byName] of Object.entries<Record<string, unknown>>(doc.resource ?? {})) {
    Object.assign(((into.resource ??= {})[type] ??= {}), byName);
  }
  Object.assign((into.output ??= {}), doc.output ?? {});
}
