/**
 * Every form of pre-shared key, rendered by the construct, evaluated by the real terraform binary:
 * `nonsensitive()` of the rendered `sensitive(...)` expression must give back exactly the key the user
 * meant. Needs `terraform` on the PATH (no provider, no init: `terraform console` evaluates expressions);
 * skips loudly without it.
 */
import { execFileSync, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Fn, IResolvable, Lazy, TerraformStack, TerraformVariable, Testing, Token } from 'cdktf';
import { IpsecVpnConnection } from '../src';
import { singleProps } from './support/fixtures';

const TERRAFORM = spawnSync('terraform', ['version'], { encoding: 'utf8' }).status === 0;
if (!TERRAFORM) {
  // eslint-disable-next-line no-console
  console.warn(
    'SKIPPED: test/key-rendering.test.ts needs the terraform binary on the PATH (1.x; https://developer.hashicorp.com/terraform/install).',
  );
}
const withTerraform = TERRAFORM ? test : test.skip;

/** The value the variable `psk` has in the evaluation. */
const VARIABLE_VALUE = 'V@r-Key_01';

type KeyForm = [description: string, key: (stack: TerraformStack) => string, meant: string];

const custom = (value: string): IResolvable => {
  const resolvable: IResolvable = {
    creationStack: [],
    resolve: () => value,
    toString: () => Token.asString(resolvable),
  };
  return resolvable;
};
/** The variable `psk`, declared once per stack. */
const variable = (stack: TerraformStack) =>
  (
    (stack.node.tryFindChild('psk') as TerraformVariable | undefined) ??
    new TerraformVariable(stack, 'psk', { type: 'string' })
  ).stringValue;

const forms: KeyForm[] = [
  ['a literal key', () => 'Plain-Key-123', 'Plain-Key-123'],
  ['a literal key with ${ and %{', () => 'a${b}%{c}%%{d}$${e}', 'a${b}%{c}%%{d}$${e}'],
  [
    'a literal key with every allowed special character',
    () => "~!`@#$%^&*()_-+={}[]|;:',.<>/?",
    "~!`@#$%^&*()_-+={}[]|;:',.<>/?",
  ],
  ['a Lazy that produces plain text', () => Lazy.stringValue({ produce: () => 'Secret-Key.v2' }), 'Secret-Key.v2'],
  [
    'a Lazy that produces ${, %{, quotes and backslashes',
    () => Lazy.stringValue({ produce: () => 'x${y}%{z}"q"\\' }),
    'x${y}%{z}"q"\\',
  ],
  ['a custom IResolvable', () => Token.asString(custom('Custom-Key-7')), 'Custom-Key-7'],
  ['a variable', (s) => variable(s), VARIABLE_VALUE],
  [
    'text, a variable and text with %{ and ${',
    (s) => `pre%{-${variable(s)}-\${post}`,
    `pre%{-${VARIABLE_VALUE}-\${post}`,
  ],
  ['a $ before a variable', (s) => `x$${variable(s)}`, `x$${VARIABLE_VALUE}`],
  ['$$ before a variable, text after', (s) => `a$$${variable(s)}b`, `a$$${VARIABLE_VALUE}b`],
  ['a $ before text a Lazy produces', () => `x$${Lazy.stringValue({ produce: () => '{var.other}' })}`, 'x${var.other}'],
  [
    'a % before a directive a Lazy produces',
    () => `x%${Lazy.stringValue({ produce: () => '{if false}A%{else}B%{endif}' })}`,
    'x%{if false}A%{else}B%{endif}',
  ],
  [
    'two variables and a function call',
    (s) => `${variable(s)}-${Fn.upper(variable(s))}`,
    `${VARIABLE_VALUE}-${VARIABLE_VALUE.toUpperCase()}`,
  ],
  [
    'an IResolvable without a toString of its own, joined with text',
    () => `${Token.asString({ creationStack: [], resolve: () => 'No-ToString-1' })}-x`,
    'No-ToString-1-x',
  ],
  [
    'a Lazy that produces text and a variable',
    (s) => Lazy.stringValue({ produce: () => `L\${x}-${variable(s)}` }),
    `L\${x}-${VARIABLE_VALUE}`,
  ],
];

/** The rendered `psk` of a single-tunnel connection, as a Terraform expression (without `${ }`). */
function renderedExpression(key: (stack: TerraformStack) => string): string {
  const stack = new TerraformStack(Testing.app(), 'stack');
  new IpsecVpnConnection(stack, 'C', { ...singleProps(), ikeConfig: { preSharedKey: key(stack) } });
  const json = JSON.parse(Testing.synth(stack));
  const psk: string = Object.values<any>(json.resource.alicloud_vpn_connection)[0].ike_config.psk;
  expect(psk).toMatch(/^\$\{sensitive\(.*\)\}$/s);
  return psk.slice(2, -1);
}

describe('pre-shared keys through the terraform binary', () => {
  withTerraform('nonsensitive() of every rendered form gives back the key meant', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'psk-console-'));
    try {
      fs.writeFileSync(
        path.join(dir, 'main.tf'),
        `variable "psk" {\n  type    = string\n  default = ${JSON.stringify(VARIABLE_VALUE)}\n}\n`,
      );
      const expressions = forms.map(([, key]) => `nonsensitive(${renderedExpression(key)})`);
      const out = execFileSync('terraform', ['console'], {
        cwd: dir,
        input: `jsonencode([${expressions.join(', ')}])\n`,
        encoding: 'utf8',
        env: { ...process.env, CHECKPOINT_DISABLE: '1' },
        timeout: 60_000,
      });
      const values = JSON.parse(JSON.parse(out.trim().split('\n').pop()!));
      expect(values).toEqual(forms.map(([, , meant]) => meant));
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
