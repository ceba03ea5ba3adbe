/**
 * What the rules report, and the small helpers every rule uses. Pure data: no construct tree.
 *
 * The rules run on the snapshot made by `read.ts`, so every value they see has its declared type
 * (a string, a number, a boolean, an array or a plain object, or a token of that type), and a value
 * that was present but unusable has been reported already and is absent from the snapshot.
 */
import { types } from 'util';
import { Token } from 'cdktf';
import { RuleId, RULES } from './catalogue';

export interface Finding {
  /** Stable rule id, e.g. `TUNNEL_CIDR_NOT_LINK_LOCAL_30`. */
  readonly rule: RuleId;
  /** Prop path exactly as a user writes it, e.g. `tunnels[1].bgpConfig.tunnelCidr`. */
  readonly path: string;
  /** The rule, the bad value (never a secret) and how to fix it. */
  readonly message: string;
}

/** At most this many findings of one rule are listed; the rest are counted in one closing finding. */
export const MAX_FINDINGS_PER_RULE = 10;

/** Collects every error and warning of one props object. */
export class Findings {
  public readonly errors: Finding[] = [];
  public readonly warnings: Finding[] = [];
  /** Paths whose value was present but unusable (already reported): absent from the snapshot. */
  public readonly rejected = new Set<string>();
  private readonly counts = new Map<RuleId, number>();
  private readonly overflow = new Map<RuleId, { path: string; count: number }>();

  public error(rule: RuleId, path: string, message: string): void {
    this.add(this.errors, rule, path, message);
  }

  public warn(rule: RuleId, path: string, message: string): void {
    this.add(this.warnings, rule, path, message);
  }

  /** Reports a present but unusable value, and remembers that its path is taken care of. */
  public reject(rule: RuleId, path: string, message: string): void {
    this.rejected.add(path);
    this.error(rule, path, message);
  }

  /** Whether a value was given at `path`: in the snapshot, or given and rejected. */
  public given(path: string, value: unknown): boolean {
    return value !== undefined || this.rejected.has(path);
  }

  /** Whether a rule has listed all the findings it may: further ones are only counted. */
  public saturated(rule: RuleId): boolean {
    return (this.counts.get(rule) ?? 0) >= MAX_FINDINGS_PER_RULE;
  }

  /** Closes the lists: one finding per rule that had more than {@link MAX_FINDINGS_PER_RULE}. */
  public finish(): void {
    for (const [rule, { path, count }] of this.overflow) {
      const list = RULES[rule].severity === 'error' ? this.errors : this.warnings;
      list.push({ rule, path, message: `and ${count} more ${rule} finding${count === 1 ? '' : 's'}, not listed.` });
    }
    this.overflow.clear();
  }

  private add(list: Finding[], rule: RuleId, path: string, message: string): void {
    const count = (this.counts.get(rule) ?? 0) + 1;
    this.counts.set(rule, count);
    if (count <= MAX_FINDINGS_PER_RULE) {
      list.push({ rule, path, message });
      return;
    }
    const more = this.overflow.get(rule);
    if (more) more.count++;
    else this.overflow.set(rule, { path, count: 1 });
  }
}

/** One line per finding: `` `path` [RULE] message ``. */
export function formatFinding(f: Finding): string {
  return `\`${f.path}\` [${f.rule}] ${f.message}`;
}

/**
 * Whether a path can hold a secret: everything under an `ikeConfig` (the pre-shared key, and any value
 * a caller put in the wrong field next to it). Values found there are never shown.
 */
export function isSecretPath(path: string): boolean {
  return /(^|\.)ikeConfig(\.|\[|$)/.test(path);
}

/**
 * The path of a property: `path.key` when the key is an identifier (up to 128 characters), else `path["key"]` (a name over 64
 * characters cut, so a megabyte of name makes no megabyte of path). `props` stands for the top level.
 */
export function memberPath(path: string, key: string): string {
  if (/^[A-Za-z_$][\w$]*$/.test(key) && key.length <= 128) return path === '' ? key : `${path}.${key}`;
  const shown = key.length > 64 ? `${JSON.stringify(key.slice(0, 60)).slice(0, -1)}..."` : JSON.stringify(key);
  return `${path === '' ? 'props' : path}[${shown}]`;
}

const MAX_SHOWN = 80;

/** A string for a message: quoted, long values cut (before quoting: a value may be megabytes). */
function quote(text: string): string {
  const json = JSON.stringify(text.slice(0, MAX_SHOWN));
  return json.length > MAX_SHOWN || text.length > MAX_SHOWN ? `${json.slice(0, MAX_SHOWN - 4)}..."` : json;
}

/**
 * The number of characters (code points) of a string, as the API counts them, exact up to 4,096
 * UTF-16 units; a longer string is far over every limit here, and its UTF-16 length is returned
 * instead of walking megabytes.
 */
export function charCount(text: string): number {
  return text.length > 4096 ? text.length : [...text].length;
}

/** The name of a non-plain object's class, e.g. `Map`, `Date`, `Foo`; undefined for plain objects. */
function className(value: object): string | undefined {
  const proto: unknown = Object.getPrototypeOf(value);
  if (proto === null || proto === Object.prototype) return undefined;
  const ctor: unknown = (proto as { constructor?: unknown }).constructor;
  return typeof ctor === 'function' && ctor.name ? ctor.name : 'an object of an unnamed class';
}

/**
 * Any JavaScript value in words, as one phrase that follows "got": `"10.0.0.1/16"` (a string),
 * `the number 42`, `null`, `a symbol`, `an array of 3 items`, `a Map`, ... At a secret path only the
 * type, and the length of a string, is said. A Proxy is named, not inspected; call
 * {@link describeSafely} where a prototype's `constructor` getter might throw.
 */
export function describe(value: unknown, path: string = ''): string {
  const secret = isSecretPath(path);
  switch (typeof value) {
    case 'undefined':
      return 'undefined';
    case 'string':
      return secret ? `a string of length ${charCount(value)} (not shown)` : quote(value);
    case 'number':
      if (secret) return 'a number (not shown)';
      return Number.isNaN(value) ? 'NaN' : `the number ${value}`;
    case 'bigint':
      return secret ? 'a bigint (not shown)' : `the bigint ${value}n`;
    case 'boolean':
      return secret ? 'a boolean (not shown)' : String(value);
    case 'symbol':
      return 'a symbol';
    case 'function':
      return types.isProxy(value) ? 'a Proxy' : 'a function';
    default:
      break;
  }
  if (value === null) return 'null';
  if (types.isProxy(value)) return 'a Proxy';
  if (Array.isArray(value)) return `an array of ${value.length} item${value.length === 1 ? '' : 's'}`;
  const cls = className(value as object);
  if (cls === undefined) return 'an object';
  return /^[AEIOU]/.test(cls) ? `an ${cls}` : cls.startsWith('an ') ? cls : `a ${cls}`;
}

/** Like {@link describe}, for values that may be hostile (a Proxy, getters that throw). */
export function describeSafely(value: unknown, path: string): string {
  try {
    return describe(value, path);
  } catch {
    return 'a value that cannot be inspected';
  }
}

export const isUnresolved = (value: unknown): boolean => Token.isUnresolved(value);

/**
 * A required string: reports it missing. Returns the string only when it is a resolved literal worth
 * checking further (tokens are skipped).
 */
export function literalString(f: Findings, path: string, value: string | undefined, required: boolean) {
  if (!f.given(path, value)) {
    if (required) f.error('REQUIRED_PROP_MISSING', path, 'is required.');
    return undefined;
  }
  return value === undefined || isUnresolved(value) ? undefined : value;
}

/**
 * Free text (a name, a tag, an IKE id) that Terraform will read as a template: cdktf writes plain strings
 * as they are, so an unescaped `${` or `%{` is an interpolation or a directive, not characters.
 */
export function checkTemplate(f: Findings, path: string, text: string): void {
  if (/(^|[^$])\$\{/.test(text) || /(^|[^%])%\{/.test(text)) {
    f.warn(
      'TEXT_TEMPLATE',
      path,
      'holds `${` or `%{`, which Terraform reads as an interpolation or a directive (cdktf writes plain strings ' +
        'as they are); write `$${` or `%%{` for the characters themselves, or pass a token for a reference.',
    );
  }
}

/** Checks an optional integer in [min, max]; tokens are skipped. Returns a valid literal. */
export function checkInteger(
  f: Findings,
  rule: RuleId,
  path: string,
  value: number | undefined,
  min: number,
  max: number,
  what: string,
  hint: string = '',
): number | undefined {
  if (value === undefined || isUnresolved(value)) return undefined;
  if (!Number.isInteger(value) || value < min || value > max) {
    f.error(rule, path, `must be ${what}, an integer from ${min} to ${max}, got ${describe(value, path)}.${hint}`);
    return undefined;
  }
  return value;
}

/** Checks that a value is one of an enum's values; tokens are skipped. */
export function checkEnum(
  f: Findings,
  path: string,
  value: string | undefined,
  allowed: Record<string, string>,
  enumName: string,
): string | undefined {
  if (value === undefined || isUnresolved(value)) return undefined;
  const values = Object.values(allowed);
  if (!values.includes(value)) {
    f.error(
      'ENUM_VALUE_INVALID',
      path,
      `must be a ${enumName} value (${values.map((v) => JSON.stringify(v)).join(', ')}), got ${describe(value, path)}.`,
    );
    return undefined;
  }
  return value;
}
