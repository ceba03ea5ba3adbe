import { TerraformElement, TerraformStack } from 'cdktf';
import { IConstruct } from 'constructs';

/**
 * CDK Terrain's stack calls a method on every element (`_resetResolveDiscoveredProviderFeatureUsage`)
 * that elements built from cdktf's own classes lack, so a cdktn stack holding this library's resources
 * dies at synth with a TypeError. Detected here, where the fix can be named.
 */
export function assertSameFramework(scope: IConstruct, kind: string): void {
  const stack = TerraformStack.of(scope) as unknown as Record<string, unknown>;
  const elementProto = TerraformElement.prototype as unknown as Record<string, unknown>;
  if (
    typeof stack._runPreparingResolve === 'function' &&
    typeof elementProto._resetResolveDiscoveredProviderFeatureUsage !== 'function'
  ) {
    throw new Error(
      `${kind} at '${scope.node.path}' is in a CDK Terrain (cdktn) stack, but this library was ` +
        "loaded with cdktf's classes, which cdktn stacks cannot synthesize. Make cdktf resolve to cdktn with " +
        'an npm override in your package.json: "overrides": { "cdktf": "npm:cdktn@0.24.0" }, then run ' +
        'npm install again (see the README, "CDK Terrain users").',
    );
  }
}
