/**
 * Rules for gateway ids, the connection name, tags and the plain boolean switches.
 */
import { Findings, isPlainObject, isUnresolved, kindOf, literalString, show } from './findings';

const NAME_MAX = 100;
const MAX_TAGS = 20;
const TAG_KEY_MAX = 64;
const TAG_VALUE_MAX = 128;
const RESERVED_PREFIXES = ['aliyun', 'acs:'];
const URL_MARKERS = ['http://', 'https://'];

/** A required resource id (VPN gateway, customer gateway): a non-empty string. */
export function checkResourceId(f: Findings, path: string, value: unknown, what: string): void {
  const literal = literalString(f, path, value, true);
  if (literal !== undefined && literal.trim() === '') {
    f.error(
      'RESOURCE_ID_EMPTY',
      path,
      `must be the ID of the ${what}, got ${show(literal)}; pass e.g. \`gateway.id\`.`,
    );
  }
}

/** `name`: 1–100 characters, not starting with http:// or https://. */
export function checkName(f: Findings, path: string, value: unknown): void {
  const literal = literalString(f, path, value, false);
  if (literal === undefined) return;
  const length = [...literal].length;
  if (length < 1 || length > NAME_MAX) {
    f.error('NAME_LENGTH', path, `must be 1 to ${NAME_MAX} characters, got ${length} (${show(literal)}).`);
  }
  if (URL_MARKERS.some((p) => literal.startsWith(p))) {
    f.error('NAME_URL_PREFIX', path, `must not start with http:// or https://, got ${show(literal)}.`);
  }
}

function checkTagText(f: Findings, path: string, text: string, what: 'key' | 'value'): void {
  if (RESERVED_PREFIXES.some((p) => text.toLowerCase().startsWith(p))) {
    f.error('TAG_RESERVED_PREFIX', path, `tag ${what} must not start with "aliyun" or "acs:", got ${show(text)}.`);
  }
  if (URL_MARKERS.some((m) => text.includes(m))) {
    f.error('TAG_URL', path, `tag ${what} must not contain http:// or https://, got ${show(text)}.`);
  }
}

/** `tags`: at most 20; keys 1–64 and values up to 128 characters; no reserved prefixes or URLs. */
export function checkTags(f: Findings, path: string, value: unknown): void {
  if (value === undefined || isUnresolved(value)) return;
  if (!isPlainObject(value)) {
    f.error('TYPE_INVALID', path, `must be a map of strings, got ${kindOf(value)} ${show(value)}.`);
    return;
  }
  const entries = Object.entries(value);
  if (entries.length > MAX_TAGS) {
    f.error('TAG_COUNT', path, `may hold at most ${MAX_TAGS} tags, got ${entries.length}.`);
  }
  for (const [key, tagValue] of entries) {
    const at = /^[A-Za-z_$][\w$]*$/.test(key) ? `${path}.${key}` : `${path}[${JSON.stringify(key)}]`;
    if (!isUnresolved(key)) {
      const length = [...key].length;
      if (length < 1 || length > TAG_KEY_MAX) {
        f.error('TAG_KEY_LENGTH', at, `tag key must be 1 to ${TAG_KEY_MAX} characters, got ${length} (${show(key)}).`);
      }
      checkTagText(f, at, key, 'key');
    }
    const literal = literalString(f, at, tagValue, true);
    if (literal === undefined) continue;
    const length = [...literal].length;
    if (length > TAG_VALUE_MAX) {
      f.error('TAG_VALUE_LENGTH', at, `tag value must be at most ${TAG_VALUE_MAX} characters, got ${length}.`);
    }
    checkTagText(f, at, literal, 'value');
  }
}
