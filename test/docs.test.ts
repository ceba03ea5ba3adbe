import * as fs from 'fs';
import * as path from 'path';
import { TerraformStack, Testing } from 'cdktf';
import { IpsecVpnConnection } from '../src';
import { dualProps, errorOf } from './support/fixtures';
import { RULES } from '../src/private/rules';

const README = fs.readFileSync(path.join(__dirname, '..', 'README.md'), 'utf8');

describe('README', () => {
  test('the validation table names every rule', () => {
    const table = README.slice(README.indexOf('| rule id |'));
    expect(Object.keys(RULES).filter((id) => !table.includes(`\`${id}\``))).toEqual([]);
  });

  test('the sample error is what the construct really prints', () => {
    const sample = /```text\n([\s\S]*?)\n```/.exec(README)![1];
    const props = dualProps();
    const stack = new TerraformStack(Testing.app(), 'data-centre-vpn');
    const message = errorOf(
      () =>
        new IpsecVpnConnection(stack, 'DataCentre', {
          ...props,
          localSubnets: ['10.0.0.1/16'],
          tunnels: [
            props.tunnels![0],
            { ...props.tunnels![1], bgpConfig: { tunnelCidr: '10.0.0.0/30', localBgpIp: '10.0.0.1' } },
          ],
        }),
    );
    expect(message).toBe(sample);
  });

  test('shows every example verbatim', () => {
    for (const scenario of fs.readdirSync(path.join(__dirname, '..', 'examples'))) {
      const file = path.join(__dirname, '..', 'examples', scenario, 'main.ts');
      if (!fs.existsSync(file)) continue;
      expect(README).toContain(fs.readFileSync(file, 'utf8').trimEnd());
    }
  });
});
