/**
 * Which resources are the same: the identity of a VPN gateway or customer gateway as the connections,
 * routes and rules of one stack see it.
 *
 * Two values name the same resource when they are the same literal id, or when they resolve to the same
 * Terraform expression: `gw.id` of one binding is a new token on every read, but every one of them
 * resolves to `${alicloud_vpn_gateway.<name>.id}`. An expression names a resource of one stack (two
 * stacks may each have an `alicloud_vpn_gateway.hub`), so its key holds the path of the stack that owns
 * the referenced resource: the origin of a cross-stack reference, else the stack it is used in. A value that cannot be resolved at construction (a token that throws, or produces something
 * other than a string) is only the same as itself. Resolving with `preparing: false` has no side
 * effects: cross-stack references are only wired up when synthesis prepares.
 */
import { DefaultTokenResolver, StringConcat, TerraformStack, Token, Tokenization } from 'cdktf';
import { IConstruct } from 'constructs';

/** The identity of a referenced resource: equal keys, same resource. */
export interface ReferenceKey {
  readonly key: string;
  /** The literal id, when the value is (or resolves to) plain text. */
  readonly literal?: string;
  /** The id in words, for messages: the literal, or the Terraform expression. */
  readonly shown: string;
}

const resolver = new DefaultTokenResolver(new StringConcat());

/** The key of an id as given in `scope` (a literal, or a token resolved the way synthesis resolves it). */
export function referenceKey(scope: IConstruct, value: string): ReferenceKey {
  if (!Token.isUnresolved(value)) return { key: `=${value}`, literal: value, shown: JSON.stringify(value) };
  let resolved: unknown;
  try {
    resolved = Tokenization.resolve(value, { scope, preparing: false, resolver });
  } catch {
    resolved = undefined;
  }
  if (typeof resolved !== 'string' || Token.isUnresolved(resolved)) return { key: `?${value}`, shown: 'a token' };
  if (!resolved.includes('${')) return { key: `=${resolved}`, literal: resolved, shown: JSON.stringify(resolved) };
  return { key: `${owningStack(scope, value).node.path}|${resolved}`, shown: resolved };
}

/**
 * The stack whose resource a reference token names: cdktf's reference tokens carry the stack they were
 * made in (`originStack`, what cross-stack references are wired from); any other token is the using
 * stack's.
 */
function owningStack(scope: IConstruct, value: string): TerraformStack {
  try {
    for (const token of Tokenization.reverseString(value).tokens) {
      const origin: unknown = (token as { originStack?: unknown }).originStack;
      if (TerraformStack.isStack(origin)) return origin;
    }
  } catch {
    // not taken apart: the using stack
  }
  return TerraformStack.of(scope);
}
