/**
 * Rules for gateway ids, the connection name and tags.
 */
import { RuleId } from './catalogue';
import { charCount, checkTemplate, describe, Findings, isUnresolved, literalString, memberPath } from './findings';

const NAME_MAX = 100;
const TAG_KEY_MAX = 64;
const TAG_VALUE_MAX = 128;
const RESERVED_PREFIXES = ['aliyun', 'acs:'];
const URL_MARKERS = ['http://', 'https://'];
/**
 * Tag keys the provider drops when it reads tags back, beyond the prefixes the API refuses anyway
 * (`tagIgnored`, alicloud/tags.go; shared/reference/provider-rules.md §2.2): configured, never read
 * back, so every plan shows a change.
 */
const PROVIDER_HIDDEN_PREFIXES = ['sae.do.not.delete'];

/** A required resource id (VPN gateway, customer gateway): a non-empty string. */
export function checkResourceId(f: Findings, path: string, value: string | undefined, what: string): void {
  const literal = literalString(f, path, value, true);
  if (literal !== undefined && literal.trim() === '') {
    f.error(
      'RESOURCE_ID_EMPTY',
      path,
      `must be the ID of the ${what}, got ${describe(literal)}; pass e.g. \`gateway.id\`.`,
    );
  }
}

/** `name`: 1–100 characters, not starting with http:// or https://. */
export function checkName(
  f: Findings,
  path: string,
  value: string | undefined,
  rules: { readonly length: RuleId; readonly url: RuleId } = { length: 'NAME_LENGTH', url: 'NAME_URL_PREFIX' },
): void {
  const literal = literalString(f, path, value, false);
  if (literal === undefined) return;
  const length = charCount(literal);
  if (length < 1 || length > NAME_MAX) {
    f.error(rules.length, path, `must be 1 to ${NAME_MAX} characters, got ${length} (${describe(literal)}).`);
  }
  if (URL_MARKERS.some((p) => literal.startsWith(p))) {
    f.error(rules.url, path, `must not start with http:// or https://, got ${describe(literal)}.`);
  }
  checkTemplate(f, path, literal);
}

function checkTagText(f: Findings, path: string, text: string, what: 'key' | 'value'): void {
  if (RESERVED_PREFIXES.some((p) => text.toLowerCase().startsWith(p))) {
    f.error('TAG_RESERVED_PREFIX', path, `tag ${what} must not start with "aliyun" or "acs:", got ${describe(text)}.`);
  }
  if (URL_MARKERS.some((m) => text.includes(m))) {
    f.error('TAG_URL', path, `tag ${what} must not contain http:// or https://, got ${describe(text)}.`);
  }
}

/** `tags` (count and types checked by the reader): key and value lengths, reserved and hidden keys. */
export function checkTags(f: Findings, path: string, tags: Readonly<Record<string, string>> | undefined): void {
  if (tags === undefined || isUnresolved(tags)) return;
  for (const key of Object.keys(tags)) {
    const at = memberPath(path, key);
    if (!isUnresolved(key)) {
      const length = charCount(key);
      if (length < 1 || length > TAG_KEY_MAX) {
        f.error(
          'TAG_KEY_LENGTH',
          at,
          `tag key must be 1 to ${TAG_KEY_MAX} characters, got ${length} (${describe(key)}).`,
        );
      }
      checkTagText(f, at, key, 'key');
      checkTemplate(f, at, key);
      if (PROVIDER_HIDDEN_PREFIXES.some((p) => key.startsWith(p))) {
        f.error(
          'TAG_KEY_HIDDEN_BY_PROVIDER',
          at,
          `tag key ${describe(key)} is dropped by the provider when it reads tags back, so every plan would ` +
            'show a change; use another key.',
        );
      }
      if (key === '__proto__') {
        f.error(
          'TAG_KEY_UNSUPPORTED',
          at,
          'is a key that JavaScript objects cannot carry through synthesis (it would be dropped silently); ' +
            'use another key.',
        );
      }
    }
    const literal = literalString(f, at, tags[key], true);
    if (literal === undefined) continue;
    const length = charCount(literal);
    if (length > TAG_VALUE_MAX) {
      f.error('TAG_VALUE_LENGTH', at, `tag value must be at most ${TAG_VALUE_MAX} characters, got ${length}.`);
    }
    checkTagText(f, at, literal, 'value');
    checkTemplate(f, at, literal);
  }
}
