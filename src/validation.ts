/**
 * Machine-readable validation: findings as data, for tools, tests and editors.
 */
import { isValidationError } from './private/errors';
import { TunnelMode } from './tunnel';

/** How serious a finding is. */
export enum FindingSeverity {
  /** The props are refused: the construct throws. */
  ERROR = 'error',
  /** Legal but risky: the construct adds a warning annotation (`cdktf synth` prints it). */
  WARNING = 'warning',
}

/** One problem with the props. */
export interface ValidationFinding {
  /**
   * Stable rule id, e.g. `TUNNEL_CIDR_NOT_LINK_LOCAL_30` (the README lists every rule). Ids are never
   * renamed; match on them, not on the message.
   */
  readonly ruleId: string;

  /**
   * The prop path as a user writes it, e.g. `tunnels[1].bgpConfig.tunnelCidr` (`props` for the props
   * object itself).
   */
  readonly path: string;

  /** What is wrong, the offending value (never a secret) and how to fix it. Wording may change. */
  readonly message: string;

  /** Error or warning. */
  readonly severity: FindingSeverity;
}

/** The result of {@link IpsecVpnConnection.validateProps}. */
export interface ValidationReport {
  /** True when there are no errors (warnings allowed): constructing with these props succeeds. */
  readonly valid: boolean;

  /**
   * The mode the props select.
   * @default - none: the props select no mode (`customerGatewayId` and `tunnels` both or neither given)
   */
  readonly tunnelMode?: TunnelMode;

  /** Every error, in a stable order. */
  readonly errors: ValidationFinding[];

  /** Every warning, in a stable order. */
  readonly warnings: ValidationFinding[];
}

/**
 * Reads the findings of an Error thrown by this library's constructs. jsii cannot carry a subclass of
 * `Error` to other languages, so the class itself is not exported; in TypeScript and JavaScript the
 * findings come from here (other languages: call `IpsecVpnConnection.validateProps` first).
 */
export class ValidationErrors {
  /** Whether `error` is an invalid-props Error thrown by this library. */
  public static isValidationError(error: any): boolean {
    return isValidationError(error);
  }

  /**
   * The findings of an invalid-props Error thrown by this library, in the order its message lists them.
   * @returns undefined for any other value
   */
  public static findingsOf(error: any): ValidationFinding[] | undefined {
    return isValidationError(error) ? [...error.findings] : undefined;
  }

  private constructor() {}
}
