/**
 * What the rules report, and the small type guards every rule uses. Pure data: no construct tree.
 */
import { Token } from 'cdktf';
import { RuleId } from './catalogue';

export interface Finding {
  /** Stable rule id, e.g. `TUNNEL_CIDR_NOT_LINK_LOCAL_30`. */
  readonly rule: RuleId;
  /** Prop path exactly as a user writes it, e.g. `tunnels[1].bgpConfig.tunnelCidr`. */
  readonly path: string;
  /** The rule, the bad value (never a secret) and how to fix it. */
  readonly message: string;
}

/** Collects every error and warning of one props object. */
export class Findings {
  public readonly errors: Finding[] = [];
  public readonly warnings: Finding[] = [];

  public error(rule: RuleId, path: string, message: string): void {
    this.errors.push({ rule, path, message });
  }

  public warn(rule: RuleId, path: string, message: string): void {
    this.warnings.push({ rule, path, message });
  }
}

/** One line per finding: `` `path` [RULE] message ``. */
export function formatFinding(f: Finding): string {
  return `\`${f.path}\` [${f.rule}] ${f.message}`;
}

/** A value for a message: strings quoted, long values cut. Never call it with a secret. */
export function show(value: unknown): string {
  let text: string;
  if (typeof value === 'string') text = JSON.stringify(value);
  else if (value === undefined) text = 'undefined';
  else if (typeof value === 'number' || typeof value === 'boolean' || value === null) text = String(value);
  else if (Array.isArray(value)) text = `an array of ${value.length}`;
  else text = `a ${typeof value}`;
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}

/** `typeof` in words, for type errors. */
export function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return `${typeof value === 'object' ? 'an' : 'a'} ${typeof value}`;
}

export const isUnresolved = (value: unknown): boolean => Token.isUnresolved(value);

export const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Checks that `value` is a string (or a string token). Reports a missing required value or a value of
 * another type; returns the string only when it is a resolved literal worth checking further.
 */
export function literalString(f: Findings, path: string, value: unknown, required: boolean): string | undefined {
  if (value === undefined) {
    if (required) f.error('REQUIRED_PROP_MISSING', path, 'is required.');
    return undefined;
  }
  if (typeof value !== 'string') {
    f.error('TYPE_INVALID', path, `must be a string, got ${kindOf(value)} ${show(value)}.`);
    return undefined;
  }
  return isUnresolved(value) ? undefined : value;
}

/** Like {@link literalString} for numbers; number tokens are skipped. */
export function literalNumber(f: Findings, path: string, value: unknown): number | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'number' || Number.isNaN(value)) {
    f.error('TYPE_INVALID', path, `must be a number, got ${kindOf(value)} ${show(value)}.`);
    return undefined;
  }
  return isUnresolved(value) ? undefined : value;
}

/** Checks an optional boolean; boolean tokens are accepted. */
export function checkBoolean(f: Findings, path: string, value: unknown): void {
  if (value === undefined || typeof value === 'boolean' || isUnresolved(value)) return;
  f.error('TYPE_INVALID', path, `must be true or false, got ${kindOf(value)} ${show(value)}.`);
}

/** Checks an optional integer in [min, max]; tokens are skipped. */
export function checkInteger(
  f: Findings,
  rule: RuleId,
  path: string,
  value: unknown,
  min: number,
  max: number,
  what: string,
): void {
  const n = literalNumber(f, path, value);
  if (n === undefined) return;
  if (!Number.isInteger(n) || n < min || n > max) {
    f.error(rule, path, `must be ${what}, an integer from ${min} to ${max}, got ${show(n)}.`);
  }
}

/** Checks that a value is one of an enum's values; tokens are skipped. */
export function checkEnum(
  f: Findings,
  path: string,
  value: unknown,
  allowed: Record<string, string>,
  enumName: string,
): string | undefined {
  const literal = literalString(f, path, value, false);
  if (literal === undefined) return undefined;
  const values = Object.values(allowed);
  if (!values.includes(literal)) {
    f.error(
      'ENUM_VALUE_INVALID',
      path,
      `must be a ${enumName} value (${values.map((v) => JSON.stringify(v)).join(', ')}), got ${show(literal)}.`,
    );
    return undefined;
  }
  return literal;
}

/**
 * Checks that an optional nested struct is an object; returns it, or undefined when absent or invalid.
 */
export function struct(f: Findings, path: string, value: unknown): Record<string, unknown> | undefined {
  if (value === undefined) return undefined;
  if (!isPlainObject(value)) {
    f.error('TYPE_INVALID', path, `must be an object, got ${kindOf(value)} ${show(value)}.`);
    return undefined;
  }
  return value;
}
