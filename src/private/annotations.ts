/**
 * Warning annotations without a stack trace.
 *
 * cdktf's `Annotations.addWarning` captures a stack trace for every warning and writes it into
 * `manifest.json`. A warning of this library names its construct path, prop path and rule, so the trace
 * adds nothing a user needs, and at scale it costs: 6,000 warnings (3,000 dual-tunnel connections with
 * literal keys) made an 8.9 MB manifest, most of it traces (bench/README.md). The annotation is the same
 * metadata entry `Annotations` writes (type `@cdktf/warn`), so `cdktf synth` prints it and the
 * synthesizer collects it into the manifest as before.
 */
import { AnnotationMetadataEntryType } from 'cdktf';
import { IConstruct } from 'constructs';

export function addWarning(scope: IConstruct, message: string): void {
  scope.node.addMetadata(AnnotationMetadataEntryType.WARN, message, { stackTrace: false });
}
