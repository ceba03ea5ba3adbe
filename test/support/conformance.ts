/**
 * Schema conformance checker for synthesized Terraform JSON (cdktf's `cdk.tf.json`, `Testing.synth`
 * output) and for HCL converted to JSON by `@cdktf/hcl2json`.
 *
 * For every `alicloud_*` resource, data source and provider block it reports, each with its JSON path:
 * unknown attributes, computed-only attributes that were set, missing required attributes and
 * blocks, a block given as an attribute or the other way round, and more (or fewer) items than a
 * block allows.
 */
import * as fs from 'fs';
import * as path from 'path';

export type ProblemKind =
  | 'unknown-type'
  | 'unknown-attribute'
  | 'computed-only'
  | 'missing-required'
  | 'block-as-attribute'
  | 'attribute-as-block'
  | 'too-many-items'
  | 'too-few-items';

export interface ConformanceProblem {
  readonly kind: ProblemKind;
  /** JSON path of the offending value, e.g. `$.resource.alicloud_vpn_connection.c.tunnel_options_specification[1].psk`. */
  readonly path: string;
  readonly message: string;
}

export interface CheckOptions {
  /** What to do with `alicloud_*` types missing from the schema. @default 'report' */
  readonly unknownTypes?: 'report' | 'skip';
  /** @default the schema in schema/alicloud-vpn.schema.json */
  readonly schema?: ProviderSchemaDocument;
}

export interface CheckResult {
  readonly problems: ConformanceProblem[];
  /** `resource.<type>.<name>` / `data.<type>.<name>` / `provider.alicloud` of every block that was checked. */
  readonly checked: string[];
}

interface SchemaAttribute {
  type?: unknown;
  required?: boolean;
  optional?: boolean;
  computed?: boolean;
}
interface SchemaBlockType {
  nesting_mode: 'single' | 'list' | 'set' | 'map' | 'group';
  min_items?: number;
  max_items?: number;
  block: SchemaBlock;
}
interface SchemaBlock {
  attributes?: Record<string, SchemaAttribute>;
  block_types?: Record<string, SchemaBlockType>;
}
interface ProviderSchema {
  provider?: { block: SchemaBlock };
  resource_schemas?: Record<string, { block: SchemaBlock }>;
  data_source_schemas?: Record<string, { block: SchemaBlock }>;
}
export interface ProviderSchemaDocument {
  provider_schemas: Record<string, ProviderSchema>;
}

/** Terraform meta-arguments and cdktf metadata, valid on every resource / data source. */
const META_ARGUMENTS = new Set([
  '//',
  'count',
  'for_each',
  'depends_on',
  'provider',
  'lifecycle',
  'provisioner',
  'connection',
]);
/** Meta-arguments valid in a provider block. */
const PROVIDER_META_ARGUMENTS = new Set(['//', 'alias', 'version']);

const SCHEMA_FILE = path.join(__dirname, '..', '..', 'schema', 'alicloud-vpn.schema.json');
let defaultSchema: ProviderSchemaDocument | undefined;

export function loadSchema(): ProviderSchemaDocument {
  defaultSchema ??= JSON.parse(fs.readFileSync(SCHEMA_FILE, 'utf8')) as ProviderSchemaDocument;
  return defaultSchema;
}

function alicloudSchema(doc: ProviderSchemaDocument): ProviderSchema {
  const key = Object.keys(doc.provider_schemas).find((k) => k.endsWith('/alicloud'));
  if (!key) throw new Error('schema has no alicloud provider');
  return doc.provider_schemas[key];
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A value Terraform accepts for a primitive / collection attribute (not a nested block body). */
function looksLikeBlockBody(value: unknown): boolean {
  return isObject(value) || (Array.isArray(value) && value.length > 0 && value.every(isObject));
}

function isPrimitiveType(type: unknown): boolean {
  return type === 'string' || type === 'number' || type === 'bool';
}

/**
 * Check a synthesized document (JSON string or parsed object) against the provider schema.
 */
export function checkConformance(document: string | object, options: CheckOptions = {}): CheckResult {
  const doc = (typeof document === 'string' ? JSON.parse(document) : document) as Record<string, unknown>;
  const schema = alicloudSchema(options.schema ?? loadSchema());
  const problems: ConformanceProblem[] = [];
  const checked: string[] = [];

  const checkSection = (section: 'resource' | 'data', schemas: Record<string, { block: SchemaBlock }>) => {
    const byType = doc[section];
    if (!isObject(byType)) return;
    for (const [type, byName] of Object.entries(byType)) {
      if (!type.startsWith('alicloud_') || !isObject(byName)) continue;
      const typeSchema = schemas[type];
      if (!typeSchema) {
        if (options.unknownTypes !== 'skip') {
          problems.push({
            kind: 'unknown-type',
            path: `$.${section}.${type}`,
            message: `${section} type "${type}" is not in the schema`,
          });
        }
        continue;
      }
      for (const [name, bodies] of Object.entries(byName)) {
        // cdktf writes one object per name; hcl2json writes an array of bodies
        const list = Array.isArray(bodies) ? bodies : [bodies];
        list.forEach((body, i) => {
          const p = `$.${section}.${type}.${name}${Array.isArray(bodies) ? `[${i}]` : ''}`;
          checkBody(typeSchema.block, body, p, META_ARGUMENTS, problems);
        });
        checked.push(`${section}.${type}.${name}`);
      }
    }
  };

  checkSection('resource', schema.resource_schemas ?? {});
  checkSection('data', schema.data_source_schemas ?? {});

  const providers = doc.provider;
  if (isObject(providers) && providers.alicloud !== undefined && schema.provider) {
    const list = Array.isArray(providers.alicloud) ? providers.alicloud : [providers.alicloud];
    list.forEach((body, i) =>
      checkBody(
        schema.provider!.block,
        body,
        `$.provider.alicloud${Array.isArray(providers.alicloud) ? `[${i}]` : ''}`,
        PROVIDER_META_ARGUMENTS,
        problems,
      ),
    );
    checked.push('provider.alicloud');
  }

  return { problems, checked };
}

function checkBody(
  block: SchemaBlock,
  body: unknown,
  p: string,
  metaArguments: ReadonlySet<string>,
  problems: ConformanceProblem[],
): void {
  if (!isObject(body)) {
    problems.push({ kind: 'block-as-attribute', path: p, message: 'expected a block body (an object)' });
    return;
  }
  const attributes = block.attributes ?? {};
  const blockTypes = block.block_types ?? {};

  for (const [key, value] of Object.entries(body)) {
    const at = `${p}.${key}`;
    if (metaArguments.has(key)) continue;
    const attribute = attributes[key];
    const blockType = blockTypes[key];
    if (attribute) {
      if (attribute.computed && !attribute.optional && !attribute.required) {
        problems.push({ kind: 'computed-only', path: at, message: `"${key}" is computed-only and cannot be set` });
      }
      if (isPrimitiveType(attribute.type) ? looksLikeBlockBody(value) : isCollectionOfBlocks(attribute.type, value)) {
        problems.push({
          kind: 'attribute-as-block',
          path: at,
          message: `"${key}" is an attribute of type ${JSON.stringify(attribute.type)}, but was given as a block`,
        });
      }
    } else if (blockType) {
      checkBlock(key, blockType, value, at, problems);
    } else {
      problems.push({ kind: 'unknown-attribute', path: at, message: `"${key}" is neither an attribute nor a block` });
    }
  }

  for (const [key, attribute] of Object.entries(attributes)) {
    if (attribute.required && body[key] === undefined) {
      problems.push({
        kind: 'missing-required',
        path: `${p}.${key}`,
        message: `required attribute "${key}" is missing`,
      });
    }
  }
  for (const [key, blockType] of Object.entries(blockTypes)) {
    if ((blockType.min_items ?? 0) > 0 && body[key] === undefined) {
      problems.push({
        kind: 'missing-required',
        path: `${p}.${key}`,
        message: `required block "${key}" is missing (min_items ${blockType.min_items})`,
      });
    }
  }
}

/** An object attribute (map/object type) takes an object; a list of primitives never takes objects. */
function isCollectionOfBlocks(type: unknown, value: unknown): boolean {
  if (!Array.isArray(type)) return false;
  const [kind, element] = type as [string, unknown];
  if ((kind === 'list' || kind === 'set') && isPrimitiveType(element)) {
    return isObject(value) || (Array.isArray(value) && value.some(isObject));
  }
  if (kind === 'map' && isPrimitiveType(element)) {
    return Array.isArray(value);
  }
  return false;
}

function checkBlock(
  key: string,
  blockType: SchemaBlockType,
  value: unknown,
  at: string,
  problems: ConformanceProblem[],
): void {
  // A block is an object (cdktf renders max_items = 1 and `single` blocks this way) or a list of objects.
  if (isObject(value)) {
    checkBody(blockType.block, value, at, new Set(['//']), problems);
    checkCount(key, blockType, 1, at, problems);
    return;
  }
  if (Array.isArray(value) && value.every(isObject)) {
    value.forEach((item, i) => checkBody(blockType.block, item, `${at}[${i}]`, new Set(['//']), problems));
    checkCount(key, blockType, value.length, at, problems);
    return;
  }
  problems.push({
    kind: 'block-as-attribute',
    path: at,
    message: `"${key}" is a block (${blockType.nesting_mode}), but was given as an attribute value ${JSON.stringify(value)}`,
  });
}

function checkCount(
  key: string,
  blockType: SchemaBlockType,
  count: number,
  at: string,
  problems: ConformanceProblem[],
) {
  if (blockType.max_items !== undefined && blockType.max_items > 0 && count > blockType.max_items) {
    problems.push({
      kind: 'too-many-items',
      path: at,
      message: `block "${key}" allows at most ${blockType.max_items} item(s), got ${count}`,
    });
  }
  if (blockType.min_items !== undefined && count < blockType.min_items) {
    problems.push({
      kind: 'too-few-items',
      path: at,
      message: `block "${key}" needs at least ${blockType.min_items} item(s), got ${count}`,
    });
  }
}

/** Format problems one per line, for assertion messages. */
export function formatProblems(problems: readonly ConformanceProblem[]): string {
  return problems.map((p) => `${p.kind} at ${p.path}: ${p.message}`).join('\n');
}

/**
 * Jest-friendly assertion: throws with every problem listed when the document does not conform,
 * and returns the checked block ids otherwise.
 */
export function expectConforms(document: string | object, options: CheckOptions = {}): string[] {
  const { problems, checked } = checkConformance(document, options);
  if (problems.length > 0) {
    throw new Error(`synthesized document does not conform to the alicloud schema:\n${formatProblems(problems)}`);
  }
  return checked;
}
