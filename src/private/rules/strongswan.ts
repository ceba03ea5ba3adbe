/**
 * The options of `IpsecVpnConnection.strongSwanConfig`, read and checked like props: whatever a caller
 * passes, the library's Error or a snapshot with the defaults applied.
 */
import { throwIfInvalid } from '../errors';
import { checkEnum, checkInteger, describe, Findings, formatFinding, isUnresolved, literalString } from './findings';
import { readProps, Shape } from './read';
import { number, string } from './shapes';
import { StrongSwanConfigOptions, StrongSwanStartAction } from '../../strongswan';

const OPTIONS: Shape = {
  name: 'StrongSwanConfigOptions',
  fields: {
    localAddress: string,
    remoteAddress: string,
    namePrefix: string,
    dpdDelaySeconds: number,
    startAction: string,
  },
};

/** A swanctl section name: it becomes a section of the file and a `swanctl --initiate` argument. */
const NAME = /^[A-Za-z0-9][A-Za-z0-9_-]{0,62}$/;

export interface StrongSwanOptions {
  readonly localAddress?: string;
  readonly remoteAddress?: string;
  readonly namePrefix: string;
  readonly dpdDelaySeconds: number;
  readonly startAction: StrongSwanStartAction;
}

/** The options with their defaults; throws the library's Error for anything unusable. */
export function readStrongSwanOptions(constructPath: string, input: unknown): StrongSwanOptions {
  const f = new Findings();
  const o = input === undefined ? {} : readProps<StrongSwanConfigOptions>(f, input, OPTIONS);
  if (o !== undefined) {
    const prefix = literalString(f, 'namePrefix', o.namePrefix, false);
    if (o.namePrefix !== undefined && (prefix === undefined || !NAME.test(prefix))) {
      f.error(
        'TYPE_INVALID',
        'namePrefix',
        `must be a literal name of letters, digits, "_" and "-" (swanctl.conf section names), up to 63 characters, got ${describe(o.namePrefix)}.`,
      );
    }
    if (o.dpdDelaySeconds !== undefined && isUnresolved(o.dpdDelaySeconds)) {
      f.error('TYPE_INVALID', 'dpdDelaySeconds', 'must be a literal number of seconds, not a token.');
    }
    checkInteger(f, 'TYPE_INVALID', 'dpdDelaySeconds', o.dpdDelaySeconds, 1, 86400, 'a number of seconds');
    if (o.startAction !== undefined && isUnresolved(o.startAction)) {
      f.error('TYPE_INVALID', 'startAction', 'must be a StrongSwanStartAction value, not a token.');
    }
    checkEnum(f, 'startAction', o.startAction, StrongSwanStartAction, 'StrongSwanStartAction');
    for (const key of ['localAddress', 'remoteAddress'] as const) {
      const text = literalString(f, key, o[key], false);
      if (text !== undefined && !/^[^\s{}#",\\]+$/.test(text)) {
        f.error('TYPE_INVALID', key, `must be one address or host name, got ${describe(text)}.`);
      }
    }
  }
  f.finish();
  const p = throwIfInvalid(constructPath, 'IpsecVpnConnection.strongSwanConfig', {
    errors: f.errors,
    warnings: f.warnings.map(formatFinding),
    props: o,
  });
  return {
    localAddress: p.localAddress,
    remoteAddress: p.remoteAddress,
    namePrefix: p.namePrefix ?? 'alicloud',
    dpdDelaySeconds: p.dpdDelaySeconds ?? 30,
    startAction: p.startAction ?? StrongSwanStartAction.START,
  };
}
