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
 * caller that mutates its objects after construction, cannot reach the rendered document. Tokens are
 * kept as they are. Values under an `ikeConfig` are never shown in a message.
 */
import { types } from 'util';
import { Token } from 'cdktf';
import { RuleId } from './catalogue';
import { describeSafely, Findings, isSecretPath } from './findings';

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
  /** A number; a string in the API's dotted `a.b` notation gets the integer in the message. */
  | { readonly type: 'asn' }
  | { readonly type: 'list'; readonly item: Kind; readonly count: Count; readonly noun: string }
  | { readonly type: 'map'; readonly count: Count }
  | { readonly type: 'struct'; readonly shape: Shape };

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
export function suggest(name: string, valid: readonly string[]): string | undefined {
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

/** A property name for a message and a path: as written when it is an identifier, else quoted. */
function member(path: string, key: string): string {
  if (path === '') return /^[A-Za-z_$][\w$]*$/.test(key) ? key : `props[${JSON.stringify(key)}]`;
  return /^[A-Za-z_$][\w$]*$/.test(key) ? `${path}.${key}` : `${path}[${JSON.stringify(key)}]`;
}

function isProxy(value: unknown): boolean {
  return (typeof value === 'object' || typeof value === 'function') && value !== null && types.isProxy(value);
}

/** `Token.isUnresolved`, which reads properties, guarded against values whose getters throw. */
function isToken(value: unknown): boolean {
  if (isProxy(value)) return false;
  try {
    return Token.isUnresolved(value);
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
      return 'true or false';
    case 'list':
      return `an array of ${kind.noun}`;
    case 'map':
      return 'an object mapping strings to strings';
    case 'struct':
      return `a plain ${kind.shape.name} object`;
  }
}

/** What went wrong when a getter threw, without its text at a secret path. */
function thrownPhrase(error: unknown, path: string): string {
  const name = error instanceof Error ? error.constructor.name : describeSafely(error, 'ikeConfig');
  if (!(error instanceof Error) || isSecretPath(path)) return name;
  const text = error.message.length > 100 ? `${error.message.slice(0, 97)}...` : error.message;
  return `${name} (${JSON.stringify(text)})`;
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

function typeError(f: Findings, path: string, kind: Kind, value: unknown): undefined {
  let message = `must be ${expected(kind)}, got ${isProxy(value) ? 'a Proxy' : describeSafely(value, path)}.`;
  if (kind.type === 'asn' && typeof value === 'string') {
    const dotted = /^(\d{1,5})\.(\d{1,5})$/.exec(value);
    const high = dotted ? Number(dotted[1]) : NaN;
    const low = dotted ? Number(dotted[2]) : NaN;
    if (high <= 65535 && low <= 65535) {
      const asn = high * 65536 + low;
      message += ` The dotted ASN ${value} is ${asn} (${high} × 65536 + ${low}): write ${asn}.`;
    } else if (/^\d+$/.test(value)) {
      message += ` Write it as a number: ${value}.`;
    }
  } else if ((kind.type === 'struct' || kind.type === 'list') && isToken(value)) {
    message += ' A token cannot be checked or rendered field by field: pass the objects themselves.';
  }
  f.reject('TYPE_INVALID', path, message);
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
      if (typeof value === 'string') return value;
      return isToken(value) && typeof value === 'object' ? Token.asString(value) : typeError(f, path, kind, value);
    case 'number':
    case 'asn':
      if (typeof value === 'number' && !Number.isNaN(value)) return value;
      return isToken(value) && typeof value === 'object' ? Token.asNumber(value) : typeError(f, path, kind, value);
    case 'boolean':
      return typeof value === 'boolean' || (isToken(value) && typeof value === 'object')
        ? value
        : typeError(f, path, kind, value);
    case 'list':
      return readList(f, path, value, kind);
    case 'map':
      return readMap(f, path, value, kind.count);
    case 'struct':
      return isPlainObject(value) ? readStruct(f, path, value, kind.shape) : typeError(f, path, kind, value);
  }
}

function readList(f: Findings, path: string, value: unknown, kind: Extract<Kind, { type: 'list' }>): unknown {
  if (!Array.isArray(value)) {
    return isToken(value) && typeof value === 'object' ? Token.asList(value) : typeError(f, path, kind, value);
  }
  if (isToken(value)) {
    // a list token: its items are unknown until apply, which only a list of strings can afford
    return kind.item.type === 'string' ? Object.freeze([...value]) : typeError(f, path, kind, value);
  }
  checkCount(f, path, kind.count, value.length);
  const items: unknown[] = [];
  const n = Math.min(value.length, READ_LIMIT);
  for (let i = 0; i < n; i++) {
    const at = `${path}[${i}]`;
    if (!Object.prototype.hasOwnProperty.call(value, i)) {
      f.reject(
        'LIST_HOLE',
        at,
        `is an empty slot (a hole in a sparse array, as in \`[a, , b]\`): every slot of \`${path}\` must ` +
          'hold a value; remove the hole.',
      );
      items.push(undefined);
      continue;
    }
    const item = readProperty(f, value, i, at);
    if (item === undefined && !f.rejected.has(at)) {
      typeError(f, at, kind.item, item);
    }
    items.push(readValue(f, at, item, kind.item));
  }
  return Object.freeze(items);
}

function readMap(f: Findings, path: string, value: unknown, count: Count): unknown {
  if (isToken(value)) return value; // a map token: its entries are unknown until apply
  if (!isPlainObject(value)) return typeError(f, path, { type: 'map', count }, value);
  const keys = Object.getOwnPropertyNames(value);
  checkCount(f, path, count, keys.length);
  const copy: Record<string, unknown> = {};
  for (const key of keys.slice(0, READ_LIMIT)) {
    const at = member(path, key);
    const read = readValue(f, at, readProperty(f, value, key, at), { type: 'string' });
    if (read === undefined && !f.rejected.has(at)) typeError(f, at, { type: 'string' }, undefined);
    if (read !== undefined) Object.defineProperty(copy, key, { value: read, enumerable: true });
  }
  return Object.freeze(copy);
}

function readStruct(f: Findings, path: string, value: Record<string, unknown>, shape: Shape): unknown {
  const valid = Object.keys(shape.fields);
  const copy: Record<string, unknown> = {};
  for (const key of Object.getOwnPropertyNames(value)) {
    const kind = Object.prototype.hasOwnProperty.call(shape.fields, key) ? shape.fields[key] : undefined;
    if (kind === undefined && f.saturated('PROP_UNKNOWN')) {
      f.error('PROP_UNKNOWN', path, ''); // only counted: no message for the millionth unknown key
      continue;
    }
    if (kind === undefined) {
      // a name under an ikeConfig is shown only when it looks like a property name, never like a key
      const hidden = isSecretPath(path) && !/^[A-Za-z_$][\w$]{0,40}$/.test(key);
      const at = hidden ? `${path}[a name of ${[...key].length} characters]` : member(path, key);
      const guess = hidden ? undefined : suggest(key, valid);
      f.reject(
        'PROP_UNKNOWN',
        at,
        `is not a property of ${shape.name}${guess ? `: did you mean \`${guess}\`?` : '.'} ` +
          `Valid names: ${valid.join(', ')}.`,
      );
      continue;
    }
    const at = member(path, key);
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
