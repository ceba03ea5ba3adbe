/**
 * Props fixtures (documentation address ranges, fake ids) and a synth helper for the construct tests.
 */
import {
  AnnotationMetadataEntryType,
  DefaultTokenResolver,
  StringConcat,
  TerraformStack,
  Testing,
  Tokenization,
} from 'cdktf';
import { IConstruct } from 'constructs';
import { expectConforms } from './conformance';
import { IpsecVpnConnection, IpsecVpnConnectionProps, TunnelRole, ValidationErrors } from '../../src';

export const PSK_SINGLE = 'Single-Psk-7f3a9c';
export const PSK_MASTER = 'Master-Psk-1b2c3d';
export const PSK_SLAVE = 'Slave-Psk-4e5f6a';

export function singleProps(): IpsecVpnConnectionProps {
  return {
    vpnGatewayId: 'vpn-single0001',
    customerGatewayId: 'cgw-office0001',
    localSubnets: ['10.0.0.0/16'],
    remoteSubnets: ['192.0.2.0/24'],
    ikeConfig: { preSharedKey: PSK_SINGLE },
  };
}

export function dualProps(): IpsecVpnConnectionProps {
  return {
    vpnGatewayId: 'vpn-dual0001',
    localSubnets: ['10.0.0.0/16'],
    remoteSubnets: ['198.51.100.0/24'],
    tunnels: [
      {
        role: TunnelRole.MASTER,
        customerGatewayId: 'cgw-dc-a0001',
        ikeConfig: { preSharedKey: PSK_MASTER },
        bgpConfig: { tunnelCidr: '169.254.10.0/30', localBgpIp: '169.254.10.1' },
      },
      {
        role: TunnelRole.SLAVE,
        customerGatewayId: 'cgw-dc-b0001',
        ikeConfig: { preSharedKey: PSK_SLAVE },
        bgpConfig: { tunnelCidr: '169.254.20.0/30', localBgpIp: '169.254.20.1' },
      },
    ],
  };
}

export interface Synthesized {
  readonly construct: IpsecVpnConnection;
  readonly stack: TerraformStack;
  /** The whole synthesized document. */
  readonly json: Record<string, any>;
  /** The text of the synthesized document. */
  readonly text: string;
  /** `resource.alicloud_vpn_connection.<the construct's resource>`. */
  readonly resource: Record<string, any>;
}

/** Builds one connection in a fresh stack, synthesizes it and checks it against the schema. */
export function synth(props: IpsecVpnConnectionProps, id = 'Connection'): Synthesized {
  const stack = new TerraformStack(Testing.app(), 'test');
  const construct = new IpsecVpnConnection(stack, id, props);
  const text = Testing.synth(stack);
  const json = JSON.parse(text);
  expectConforms(json);
  const resources = json.resource.alicloud_vpn_connection;
  const names = Object.keys(resources);
  if (names.length !== 1) throw new Error(`expected one alicloud_vpn_connection, got ${names.length}`);
  return { construct, stack, json, text, resource: resources[names[0]] };
}

/**
 * The message of the error `fn` throws: the library's validation error (an Error carrying its findings)
 * or a plain Error. Fails the test on anything else (a TypeError, a RangeError, a thrown non-Error) or
 * when nothing is thrown.
 */
export function errorOf(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    const ours = ValidationErrors.isValidationError(e);
    if (!(e instanceof Error) || (e.constructor !== Error && !ours)) {
      throw new Error(`expected the library's Error, got ${(e as object)?.constructor?.name}: ${String(e)}`);
    }
    return e.message;
  }
  throw new Error('expected an error, none was thrown');
}

/**
 * Warning annotations anywhere in a stack, as messages; `except` leaves out one rule's warnings (the
 * fixtures' literal keys raise PSK_LITERAL, which most tests are not about).
 */
export function warningsOf(stack: TerraformStack, except?: string): string[] {
  const out: string[] = [];
  for (const c of stack.node.findAll()) {
    for (const m of c.node.metadata) {
      // a construct adds all its warnings as one annotation, one per line
      if (m.type === AnnotationMetadataEntryType.WARN) out.push(...String(m.data).split('\n'));
    }
  }
  return except === undefined ? out : out.filter((w) => !w.includes(`[${except}]`));
}

/** Resolves a token in the scope of a construct (`${alicloud_vpn_connection.X.id}`). */
export function resolve(scope: IConstruct, value: unknown): unknown {
  return Tokenization.resolve(value, { scope, resolver: new DefaultTokenResolver(new StringConcat()) });
}
