/**
 * Reads props once, whatever a caller hands in (a typed literal, parsed YAML or JSON, an object built
 * in a loop, a JavaScript value of any kind), into a snapshot of plain, frozen data of the declared
 * shape. What it cannot use it reports and leaves out of the snapshot:
 *
 * - a value of the wrong type, a Proxy, a class instance, a `Map` where a plain object belongs
 *   (`TYPE_INVALID`);
 * - a property that is not part of the shape, with the valid names (`PROP_UNKNOWN`);
 * - a getter that throws (`PROP_UNREADABLE`);
 * - an empty slot of a sparse array (`LIST_HOLE`);
 * - too many or too few items (the list's count rule), before any item is looked at.
 *
 * Each property is read exactly once, so a getter that returns something else on every call, or a
 * caller that mutates its objects after construction, cannot reach the rendered document. String, number
 * and list tokens (strings, numbers and arrays themselves) and a map token are kept as they are; a raw
 * `IResolvable` object only where a boolean belongs. Values under an `ikeConfig` are never shown.
 */
import { types } from 'util';
import { Token } from 'cdktf';
import { Construct } from 'constructs';
import { RuleId } from './catalogue';
import { describeSafely, Findings, isSecretPath, memberPath } from './findings';

/** Items or entries read at most per list or map; every list and map has a maximum far below. */
const READ_LIMIT = 100;

interface Count {
  readonly min: number;
  readonly max: number;
  readonly rule: RuleId;
  /** The message for a count out of range (after "got N"). */
  readonly hint: (count: number) => string;
}

type Kind =
  | { readonly type: 'string' }
  | { readonly type: 'number' }
  | { readonly type: 'boolean' }
  /** A boolean that decides what the construct builds: a literal, never a token. */
  | { readonly type: 'flag' }
  /** A number; a string in the API's dotted `a.b` notation gets the integer in the message. */
  | { readonly type: 'asn' }
  | { readonly type: 'list'; readonly item: Kind; readonly count: Count; readonly noun: string }
  | { readonly type: 'map'; readonly count: Count }
  | { readonly type: 'struct'; readonly shape: Shape }
  /**
   * A construct of the library's vocabulary (an `IVpnGateway`, an `ICustomerGateway`, a connection):
   * any construct whose `attribute` is a string. Kept by reference, not copied.
   */
  | { readonly type: 'ref'; readonly attribute: string; readonly name: string };

export interface Shape {
  /** The type's name in the API docs, e.g. `IkeConfig`. */
  readonly name: string;
  readonly fields: Readonly<Record<string, Kind>>;
}

/** Alternative spellings (API, Terraform and AWS CDK names), normalized (lower case, no `_`/`-`). */
const ALIASES: Readonly<Record<string, string>> = {
  psk: 'preSharedKey',
  presharedkey: 'preSharedKey',
  tunnelikeconfig: 'ikeConfig',
  tunnelipsecconfig: 'ipsecConfig',
  tunnelbgpconfig: 'bgpConfig',
  tunneloptionsspecification: 'tunnels',
  ikeversion: 'version',
  ikemode: 'mode',
  ikeencalg: 'encryptionAlgorithm',
  ipsecencalg: 'encryptionAlgorithm',
  ikeauthalg: 'authenticationAlgorithm',
  ipsecauthalg: 'authenticationAlgorithm',
  ikepfs: 'dhGroup',
  ipsecpfs: 'pfs',
  ikelifetime: 'lifetimeSeconds',
  ipseclifetime: 'lifetimeSeconds',
  lifetime: 'lifetimeSeconds',
  ikelocalid: 'localId',
  ikeremoteid: 'remoteId',
  localsubnet: 'localSubnets',
  remotesubnet: 'remoteSubnets',
  vpnconnectionname: 'name',
  dip: 'destinationIp',
  sip: 'sourceIp',
  interval: 'intervalSeconds',
  retry: 'retries',
};

const normalize = (name: string) => name.toLowerCase().replace(/[_-]/g, '');

/** Edit distance (insert, delete, substitute), for "did you mean". Names here are short. */
function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length];
}

/** The valid name a misspelled or foreign name most likely means, if any. */
function suggest(name: string, valid: readonly string[]): string | undefined {
  if (name.length > 64) return undefined; // no property name is that long
  const n = normalize(name);
  const alias = ALIASES[n];
  if (alias !== undefined && valid.includes(alias)) return alias;
  let best: { name: string; distance: number } | undefined;
  for (const candidate of valid) {
    const distance = editDistance(n, normalize(candidate));
    if (distance <= Math.max(1, Math.floor(candidate.length / 4)) && (!best || distance < best.distance)) {
      best = { name: candidate, distance };
    }
  }
  return best?.name;
}

function isProxy(value: unknown): boolean {
  return (typeof value === 'object' || typeof value === 'function') && value !== null && types.isProxy(value);
}

/**
 * Whether a value is an `IResolvable` object (what `Token.isUnresolved` asks of objects), reading its
 * `resolve` once and guarded: a getter there may throw or answer differently on every read.
 */
function isResolvableObject(value: unknown): boolean {
  if (typeof value !== 'object' || value === null || isProxy(value)) return false;
  try {
    return typeof (value as { resolve?: unknown }).resolve === 'function';
  } catch {
    return false;
  }
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || isProxy(value) || Array.isArray(value)) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

function expected(kind: Kind): string {
  switch (kind.type) {
    case 'string':
      return 'a string';
    case 'number':
    case 'asn':
      return 'a number';
    case 'boolean':
    case 'flag':
      return 'true or false';
    case 'list':
      return `an array of ${kind.noun}`;
    case 'map':
      return 'an object mapping strings to strings';
    case 'struct':
      return `a plain ${kind.shape.name} object`;
    case 'ref':
      return `${/^[AEIOU]/.test(kind.name) ? 'an' : 'a'} ${kind.name} (a construct with a string \`${kind.attribute}\`)`;
  }
}

/** What a getter threw, for a message: its class and text, or at a secret path only that it threw. */
function thrownPhrase(error: unknown, path: string): string {
  if (isSecretPath(path)) return 'an error (not shown: under ikeConfig)';
  try {
    if (!(error instanceof Error)) return describeSafely(error, path);
    const name = typeof error.name === 'string' && /^\w{1,40}$/.test(error.name) ? error.name : 'an Error';
    const text = typeof error.message === 'string' ? error.message : '';
    return text === '' ? name : `${name} (${JSON.stringify(text.length > 100 ? `${text.slice(0, 97)}...` : text)})`;
  } catch {
    return 'a value that cannot be inspected';
  }
}

/** Reads `holder[key]` once; a getter that throws is reported and reads as `undefined`. */
function readProperty(f: Findings, holder: object, key: string | number, path: string): unknown {
  try {
    return (holder as Record<string | number, unknown>)[key];
  } catch (error) {
    f.reject(
      'PROP_UNREADABLE',
      path,
      `could not be read: its getter threw ${thrownPhrase(error, path)}. Pass plain data (an object literal, ` +
        'or parsed JSON or YAML).',
    );
    return undefined;
  }
}

/** A hint for a type error, where the value says what the caller probably meant. */
function typeHint(kind: Kind, value: unknown): string {
  if (kind.type === 'asn' && typeof value === 'string') {
    const dotted = /^(\d{1,5})\.(\d{1,5})$/.exec(value);
    const high = dotted ? Number(dotted[1]) : NaN;
    const low = dotted ? Number(dotted[2]) : NaN;
    if (high <= 65535 && low <= 65535) {
      const asn = high * 65536 + low;
      return ` The dotted ASN ${value} is ${asn} (${high} × 65536 + ${low}): write ${asn}.`;
    }
    return /^\d{1,10}$/.test(value) ? ` Write it as a number: ${value}.` : '';
  }
  if (!isResolvableObject(value)) return '';
  switch (kind.type) {
    case 'string':
      return ' For a token, pass `Token.asString(token)`.';
    case 'number':
    case 'asn':
      return ' For a token, pass `Token.asNumber(token)`.';
    case 'flag':
      return ' It decides what the construct builds, so it cannot be a token.';
    case 'list':
      return kind.item.type === 'string'
        ? ' For a token, pass `Token.asList(token)`.'
        : ' A token cannot be checked or rendered item by item: pass the objects themselves.';
    default:
      return ' A token cannot be checked or rendered field by field: pass the object itself.';
  }
}

function typeError(f: Findings, path: string, kind: Kind, value: unknown): undefined {
  const got = isProxy(value) ? 'a Proxy' : describeSafely(value, path);
  f.reject('TYPE_INVALID', path, `must be ${expected(kind)}, got ${got}.${typeHint(kind, value)}`);
  return undefined;
}

function checkCount(f: Findings, path: string, count: Count, n: number): void {
  if (n < count.min || n > count.max) {
    const range = count.min === count.max ? `exactly ${count.min}` : `${count.min} to ${count.max}`;
    f.error(count.rule, path, `must hold ${range}, got ${n}. ${count.hint(n)}`);
  }
}

/** Reads one value of a kind. Returns the snapshot value, or undefined when absent or rejected. */
function readValue(f: Findings, path: string, value: unknown, kind: Kind): unknown {
  if (value === undefined) return undefined;
  if (isProxy(value)) return typeError(f, path, kind, value);
  switch (kind.type) {
    case 'string':
      return typeof value === 'string' ? value : typeError(f, path, kind, value);
    case 'number':
    case 'asn':
      return typeof value === 'number' && !Number.isNaN(value) ? value : typeError(f, path, kind, value);
    case 'boolean':
      // a boolean token (a variable's booleanValue) is an IResolvable object: kept for cdktf to resolve
      return typeof value === 'boolean' || isResolvableObject(value) ? value : typeError(f, path, kind, value);
    case 'flag':
      return typeof value === 'boolean' ? value : typeError(f, path, kind, value);
    case 'list':
      return readList(f, path, value, kind);
    case 'map':
      return readMap(f, path, value, kind.count);
    case 'struct':
      return isPlainObject(value) ? readStruct(f, path, value, kind.shape) : typeError(f, path, kind, value);
    case 'ref':
      return readRef(f, path, value, kind);
  }
}

/** `Construct.isConstruct`, which reads a symbol property: a getter there may throw. */
function isConstructSafely(value: object): boolean {
  try {
    return Construct.isConstruct(value);
  } catch {
    return false;
  }
}

function readRef(f: Findings, path: string, value: unknown, kind: Extract<Kind, { type: 'ref' }>): unknown {
  if (typeof value !== 'object' || value === null || isProxy(value) || !isConstructSafely(value)) {
    return typeError(f, path, kind, value);
  }
  const attribute = readProperty(f, value, kind.attribute, `${path}.${kind.attribute}`);
  if (f.rejected.has(`${path}.${kind.attribute}`)) return undefined;
  if (typeof attribute !== 'string') return typeError(f, path, kind, value);
  rememberRefAttribute(value, kind.attribute, attribute);
  return value;
}

/** Records the id attribute of a construct-valued prop, read once (by the reader, or by its owner). */
export function rememberRefAttribute(construct: object, attribute: string, value: string): void {
  let read = REF_ATTRIBUTES.get(construct);
  if (read === undefined) REF_ATTRIBUTES.set(construct, (read = new Map()));
  read.set(attribute, value);
}

/** The id attribute of each construct-valued prop, as the reader last read it. */
const REF_ATTRIBUTES = new WeakMap<object, Map<string, string>>();

/**
 * The attribute of a construct-valued prop as the reader read it (`gatewayId` of a `vpnGateway`, ...):
 * never read twice, since a construct of the caller's own may answer differently on every read.
 */
export function refAttribute(construct: object, attribute: string): string {
  const value = REF_ATTRIBUTES.get(construct)?.get(attribute);
  if (value === undefined) throw new Error(`unreachable: ${attribute} of a construct the reader did not read`);
  return value;
}

/**
 * An optional attribute of a construct of the caller's own (`tunnelMode` of an `IVpnGateway`, ...), read
 * once and guarded: whatever it holds, a getter that throws, a value of another type are "unknown".
 */
export function optionalAttribute(construct: object, attribute: string): unknown {
  if (isProxy(construct)) return undefined;
  try {
    return (construct as Record<string, unknown>)[attribute];
  } catch {
    return undefined;
  }
}

function readList(f: Findings, path: string, value: unknown, kind: Extract<Kind, { type: 'list' }>): unknown {
  if (!Array.isArray(value)) return typeError(f, path, kind, value);
  // each slot read once, at most READ_LIMIT of them; a hole stays a hole
  const raw: unknown[] = [];
  const holes = new Set<number>();
  const n = Math.min(value.length, READ_LIMIT);
  for (let i = 0; i < n; i++) {
    if (Object.prototype.hasOwnProperty.call(value, i)) {
      raw.push(readProperty(f, value, i, `${path}[${i}]`));
    } else {
      holes.add(i);
      raw.push(undefined);
    }
  }
  if (value.length === 1 && typeof raw[0] === 'string' && Token.isUnresolved(raw)) {
    // a list token: its items are unknown until apply, which only a list of strings can afford
    return kind.item.type === 'string' ? Object.freeze(raw) : typeError(f, path, kind, value);
  }
  checkCount(f, path, kind.count, value.length);
  const items = raw.map((item, i) => {
    const at = `${path}[${i}]`;
    if (holes.has(i)) {
      f.reject(
        'LIST_HOLE',
        at,
        `is an empty slot (a hole in a sparse array, as in \`[a, , b]\`): every slot of \`${path}\` must ` +
          'hold a value; remove the hole.',
      );
      return undefined;
    }
    if (item === undefined) return f.rejected.has(at) ? undefined : typeError(f, at, kind.item, item);
    return readValue(f, at, item, kind.item);
  });
  return Object.freeze(items);
}

function readMap(f: Findings, path: string, value: unknown, count: Count): unknown {
  if (!isPlainObject(value)) return typeError(f, path, { type: 'map', count }, value);
  const keys = Object.getOwnPropertyNames(value);
  if (keys.some((key) => Token.isUnresolved({ [key]: '' }))) {
    // a map token (Token.asStringMap) is an object with one token key; it cannot take literal entries
    if (keys.length > 1) {
      f.reject('TYPE_INVALID', path, 'mixes a map token with literal entries; give either the token or the entries.');
      return undefined;
    }
    const copy: Record<string, unknown> = {};
    copy[keys[0]] = readProperty(f, value, keys[0], path);
    return Object.freeze(copy);
  }
  checkCount(f, path, count, keys.length);
  const copy: Record<string, unknown> = {};
  for (const key of keys.slice(0, READ_LIMIT)) {
    const at = memberPath(path, key);
    const item = readProperty(f, value, key, at);
    const read = item === undefined ? undefined : readValue(f, at, item, { type: 'string' });
    if (item === undefined && !f.rejected.has(at)) typeError(f, at, { type: 'string' }, undefined);
    // defineProperty: a key such as `__proto__` stays an own key, for the tag rules to refuse
    if (read !== undefined) Object.defineProperty(copy, key, { value: read, enumerable: true });
  }
  return Object.freeze(copy);
}

function readStruct(f: Findings, path: string, value: Record<string, unknown>, shape: Shape): unknown {
  const valid = Object.keys(shape.fields);
  // no prototype: a property someone added to Object.prototype must not read as a prop
  const copy: Record<string, unknown> = Object.create(null);
  for (const key of Object.getOwnPropertyNames(value)) {
    const kind = Object.prototype.hasOwnProperty.call(shape.fields, key) ? shape.fields[key] : undefined;
    if (kind === undefined && f.saturated('PROP_UNKNOWN')) {
      f.error('PROP_UNKNOWN', path === '' ? 'props' : path, ''); // only counted: no message past the cap
      continue;
    }
    if (kind === undefined) {
      // a name under an ikeConfig is shown only when it is a likely misspelling of a property name
      const guess = suggest(key, valid);
      const hidden = isSecretPath(path) && guess === undefined;
      f.reject(
        'PROP_UNKNOWN',
        hidden ? `${path}[an unknown name]` : memberPath(path, key),
        `is not a property of ${shape.name}${guess ? `: did you mean \`${guess}\`?` : '.'} ` +
          `Valid names: ${valid.join(', ')}.`,
      );
      continue;
    }
    const at = memberPath(path, key);
    const read = readValue(f, at, readProperty(f, value, key, at), kind);
    if (read !== undefined) copy[key] = read;
  }
  return Object.freeze(copy);
}

/**
 * Reads the props into a frozen snapshot of `shape`, reporting what cannot be used. Never throws.
 * Returns undefined when the props themselves are not a plain object.
 */
export function readProps<T>(f: Findings, input: unknown, shape: Shape): T | undefined {
  if (!isPlainObject(input)) {
    f.reject(
      'TYPE_INVALID',
      'props',
      `must be a plain ${shape.name} object, got ${isProxy(input) ? 'a Proxy' : describeSafely(input, '')}.`,
    );
    return undefined;
  }
  return readStruct(f, '', input, shape) as T;
}
