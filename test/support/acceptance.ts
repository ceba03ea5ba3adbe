/**
 * The provider's own acceptance-test configurations (test/fixtures/acceptance/*.tf), parsed to JSON.
 */
import * as fs from 'fs';
import * as path from 'path';
import { parse } from '@cdktf/hcl2json';

export const ACCEPTANCE_DIR = path.join(__dirname, '..', 'fixtures', 'acceptance');

export interface AcceptanceConfig {
  readonly file: string;
  readonly json: Record<string, any>;
}

export function acceptanceFiles(): string[] {
  return fs
    .readdirSync(ACCEPTANCE_DIR)
    .filter((f) => f.endsWith('.tf'))
    .sort();
}

export async function loadAcceptanceConfigs(): Promise<AcceptanceConfig[]> {
  const configs: AcceptanceConfig[] = [];
  for (const file of acceptanceFiles()) {
    const json = await parse(file, fs.readFileSync(path.join(ACCEPTANCE_DIR, file), 'utf8'));
    configs.push({ file, json });
  }
  return configs;
}

/** `resource.<type>.<name>` of every `alicloud_*` resource of a type in the given list. */
export function resourcesOfTypes(json: Record<string, any>, types: readonly string[]): string[] {
  const ids: string[] = [];
  for (const [type, byName] of Object.entries<Record<string, unknown>>(json.resource ?? {})) {
    if (!types.includes(type)) continue;
    for (const name of Object.keys(byName)) ids.push(`resource.${type}.${name}`);
  }
  return ids;
}
