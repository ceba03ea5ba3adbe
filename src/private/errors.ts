/**
 * The Error the library throws for invalid props. jsii cannot export a subclass of `Error` (JSII3004),
 * so the class stays private: TypeScript and JavaScript callers read its findings with
 * `ValidationErrors.findingsOf(error)` (or the `findings` property), other languages call
 * `IpsecVpnConnection.validateProps` before constructing. See docs/decisions/004-machine-readable-errors.md.
 */
import { types } from 'util';
import type { ValidationFinding } from '../validation';
import { FindingSeverity } from '../validation';
import { Finding, formatFinding } from './rules/findings';

/** Marks our errors across copies of the library (two installs in one process). */
const VALIDATION_ERROR = Symbol.for('cdktf-alicloud-vpn.ValidationError');

export class PropsValidationError extends Error {
  /** Every error finding, in the order the message lists them. */
  public readonly findings: ValidationFinding[];
  /** The path of the construct whose props are invalid. */
  public readonly constructPath: string;

  constructor(constructPath: string, findings: readonly Finding[], kind = 'IpsecVpnConnection') {
    const n = findings.length;
    super(
      `${kind} at '${constructPath}' has invalid props (${n} problem${n === 1 ? '' : 's'}):\n` +
        findings.map((e) => `  - ${formatFinding(e)}`).join('\n'),
    );
    this.name = 'ValidationError';
    this.constructPath = constructPath;
    this.findings = Object.freeze(findings.map((e) => toPublic(e, FindingSeverity.ERROR))) as ValidationFinding[];
    Object.defineProperty(this, VALIDATION_ERROR, { value: true });
  }
}

export function toPublic(finding: Finding, severity: FindingSeverity): ValidationFinding {
  return Object.freeze({ ruleId: finding.rule, path: finding.path, message: finding.message, severity });
}

export function validationError(
  constructPath: string,
  findings: readonly Finding[],
  kind?: string,
): PropsValidationError {
  return new PropsValidationError(constructPath, findings, kind);
}

/** The result of a props check: the snapshot, or the findings that refuse it. */
export interface Checked<T> {
  readonly errors: readonly Finding[];
  /** Formatted warnings, for the construct to annotate. */
  readonly warnings: readonly string[];
  readonly props?: T;
}

/** The snapshot of valid props; throws the library's Error (naming `kind` at `constructPath`) otherwise. */
export function throwIfInvalid<T>(constructPath: string, kind: string, result: Checked<T>): T {
  if (result.errors.length > 0 || result.props === undefined) {
    throw validationError(constructPath, result.errors, kind);
  }
  return result.props;
}

/** Whether a value is our validation error; never throws, whatever it is given (a Proxy, say). */
export function isValidationError(error: unknown): error is PropsValidationError {
  if (typeof error !== 'object' || error === null || types.isProxy(error)) return false;
  try {
    return (
      (error as Record<symbol, unknown>)[VALIDATION_ERROR] === true &&
      Array.isArray((error as PropsValidationError).findings)
    );
  } catch {
    return false;
  }
}
