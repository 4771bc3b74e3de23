/**
 * Characters no generated file carries. ABI text (docs, hole reasons, gate names, header
 * paths) reaches C and Rust comments, TSDoc, Markdown, the baseline and string literals.
 * Three kinds of character change what a reader sees without changing what a compiler reads,
 * or change what the compiler reads:
 *
 * - control characters other than tab and newline (C0, DEL, C1): a carriage return or an
 *   escape sequence rewrites the terminal line a reviewer reads;
 * - Unicode's bidirectional formatting characters (U+061C, U+200E, U+200F, U+202A–U+202E,
 *   U+2066–U+2069): they reorder the text around them on screen ("Trojan Source",
 *   CVE-2021-42574); rustc refuses them in comments;
 * - the line and paragraph separators U+2028 and U+2029: JavaScript ends a `//` comment at
 *   them, so the rest of the line would be compiled as code.
 *
 * Per language: in comments (C, Rust, TSDoc) and in Markdown nothing can be escaped, so such
 * text is refused — by the `unsafe-text` validation pass, with its location, and again by
 * `generate` for every file it writes, as a last guard. In string literals (C `#error`
 * messages, Rust and JavaScript strings) each is written as an escape instead (`escapeUnsafe`).
 */

/** One unsafe character, anywhere in a string. */
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]/;
const UNSAFE_ALL = new RegExp(UNSAFE.source, 'g');

const NAMES: Record<number, string> = {
  0x061c: 'ARABIC LETTER MARK',
  0x200e: 'LEFT-TO-RIGHT MARK',
  0x200f: 'RIGHT-TO-LEFT MARK',
  0x202a: 'LEFT-TO-RIGHT EMBEDDING',
  0x202b: 'RIGHT-TO-LEFT EMBEDDING',
  0x202c: 'POP DIRECTIONAL FORMATTING',
  0x202d: 'LEFT-TO-RIGHT OVERRIDE',
  0x202e: 'RIGHT-TO-LEFT OVERRIDE',
  0x2066: 'LEFT-TO-RIGHT ISOLATE',
  0x2067: 'RIGHT-TO-LEFT ISOLATE',
  0x2068: 'FIRST STRONG ISOLATE',
  0x2069: 'POP DIRECTIONAL ISOLATE',
  0x2028: 'LINE SEPARATOR',
  0x2029: 'PARAGRAPH SEPARATOR',
};

/** The first unsafe character of `text` and where it is (a UTF-16 index), if any. */
export function firstUnsafe(text: string): { index: number; codePoint: number } | undefined {
  const m = UNSAFE.exec(text);
  return m ? { index: m.index, codePoint: m[0].charCodeAt(0) } : undefined;
}

/** `U+202E (RIGHT-TO-LEFT OVERRIDE)`, `U+001B (a control character)`. */
export function describeCharacter(codePoint: number): string {
  const hex = `U+${codePoint.toString(16).toUpperCase().padStart(4, '0')}`;
  const name = NAMES[codePoint];
  return name ? `${hex} (${name}, a bidirectional or line-breaking control)` : `${hex} (a control character)`;
}

/** `text` with every unsafe character replaced by what `escape` makes of its code point. */
export function escapeUnsafe(text: string, escape: (codePoint: number) => string): string {
  return text.replace(UNSAFE_ALL, (c) => escape(c.charCodeAt(0)));
}
