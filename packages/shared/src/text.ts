// One rule for every piece of text the API accepts (bodies, query strings, path parameters): no NUL bytes (which
// PostgreSQL cannot store in text) and no unpaired UTF-16 surrogates (which are not text at all, and which
// PostgreSQL refuses inside JSON such as history entries).

export const unsafeTextMessage = 'must not contain NUL bytes or unpaired surrogate characters';

// A NUL, a high surrogate not followed by a low one, or a low surrogate not preceded by a high one. Without the
// `u` flag the pattern sees each half of a pair, which is what finding a lone half needs.
// eslint-disable-next-line no-control-regex -- finding NUL is the point
const unsafeText = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export function isUnsafeText(value: string): boolean {
  return unsafeText.test(value);
}

/**
 * The dotted path of the first string (or object key) in `value` that breaks the rule, under `prefix`
 * (`body`, `querystring`, `params`), or null when all of it is safe.
 */
export function findUnsafeText(value: unknown, prefix: string): string | null {
  if (typeof value === 'string') return isUnsafeText(value) ? prefix : null;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = findUnsafeText(value[i], `${prefix}.${i}`);
      if (found) return found;
    }
    return null;
  }
  if (value && typeof value === 'object') {
    for (const [key, inner] of Object.entries(value)) {
      if (isUnsafeText(key)) return prefix;
      const found = findUnsafeText(inner, `${prefix}.${key}`);
      if (found) return found;
    }
  }
  return null;
}

/**
 * Control characters (line breaks and tabs among them) and noncharacters such as U+FFFF: nothing a name on a board
 * shows, and what a script or a bad paste leaves. A name holding one is refused, naming the field.
 */
const oddInName = /[\p{Cc}\p{Noncharacter_Code_Point}]/u;
export const oddNameMessage = 'must not contain control characters, line breaks or noncharacters such as U+FFFF';
export function hasOddNameCharacters(value: string): boolean {
  return oddInName.test(value);
}
