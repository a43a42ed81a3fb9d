import { z } from 'zod';

// Bidirectional embeddings and overrides (U+202A–U+202E) and isolates (U+2066–U+2069) reorder what
// a reader sees ("Trojan Source"): `prod\u202Edorp` shows as something else than it is.
const BIDI_CONTROL = /[\u202A-\u202E\u2066-\u2069]/;
// Half of a UTF-16 pair with no other half: not text, and AWS or a terminal mangles it.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

const codePoint = (character: string) =>
  `U+${character.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;

/** What is wrong with a text a user typed, or undefined: NUL, a bidirectional control or a lone surrogate. */
export function hiddenControlProblem(text: string): string | undefined {
  // NUL ends a string in C: AWS, Kubernetes or a log reader would cut the text short or reject it.
  if (text.includes('\u0000')) return 'must not hold a NUL character (U+0000)';
  const bidi = BIDI_CONTROL.exec(text);
  if (bidi) return `must not hold a bidirectional control character (${codePoint(bidi[0])})`;
  const surrogate = LONE_SURROGATE.exec(text);
  if (surrogate) return `must not hold a lone surrogate (${codePoint(surrogate[0])})`;
  return undefined;
}

/** The one check every text field of a change request carries (see `text`). */
export const noHiddenControls = z.superRefine<string>((value, ctx) => {
  const problem = hiddenControlProblem(value);
  if (problem) ctx.addIssue({ code: 'custom', message: problem, input: value });
});

/**
 * A string field of a change request: refuses NUL, bidirectional controls and lone surrogates with a
 * message naming the character. Chain `.min()`, `.max()`, `.regex()` on it as on `z.string()`.
 */
export const text = z.string().check(noHiddenControls);

/** The check every key/value map of a change request starts with (see `keyValueMap`). */
export const noProtoKey = z.transform((input: unknown, ctx) => {
  if (typeof input === 'object' && input !== null && Object.hasOwn(input, '__proto__')) {
    ctx.issues.push({ code: 'custom', message: 'must not have the key __proto__', input });
  }
  return input;
});

/**
 * A key/value map (tags, labels) of a change request. zod drops a `__proto__` key without a word (it
 * would replace the result's prototype), so `{"__proto__": …}` would be accepted and lost: it is
 * refused instead, naming the map's field. Keys and values keep their own checks.
 */
export function keyValueMap<K extends z.ZodType<PropertyKey>, V extends z.ZodType>(
  key: K,
  value: V,
): z.ZodType<z.output<z.ZodRecord<K, V>>, z.input<z.ZodRecord<K, V>>> {
  return noProtoKey.pipe(z.record(key, value)) as unknown as z.ZodType<
    z.output<z.ZodRecord<K, V>>,
    z.input<z.ZodRecord<K, V>>
  >;
}
