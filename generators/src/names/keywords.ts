/**
 * Reserved words of the four output languages, and how each language spells a Xen name that
 * collides with one. Every emitter spells identifiers through these functions, and the
 * `keyword` validation pass rejects the names no language can spell, so a name is either
 * printable everywhere or refused before anything is generated.
 *
 * | Xen name | C / C++      | Rust         | TypeScript member | TypeScript top level |
 * |----------|--------------|--------------|-------------------|----------------------|
 * | `type`   | `type`       | `r#type`     | `type`            | `type`               |
 * | `match`  | `match`      | `r#match`    | `match`           | `match`              |
 * | `delete` | error (C++)  | `delete`     | `delete`          | `delete_`            |
 * | `class`  | error (C++)  | `class`      | `class`           | `class_`             |
 * | `self`   | `self`       | error        | `self`            | `self`               |
 */

/** The output languages. C headers must also compile as C++, so C++ keywords bind them too. */
export type Language = 'c' | 'cpp' | 'rust' | 'typescript';

/** A struct member or object property, or a top-level declaration (type, constant, module). */
export type NamePosition = 'member' | 'top-level';

/** C23 keywords, with the C11 `_Keyword` spellings and GNU C's `asm`. */
export const C_KEYWORDS: ReadonlySet<string> = new Set([
  'alignas', 'alignof', 'asm', 'auto', 'bool', 'break', 'case', 'char', 'const', 'constexpr', 'continue',
  'default', 'do', 'double', 'else', 'enum', 'extern', 'false', 'float', 'for', 'goto', 'if', 'inline', 'int',
  'long', 'nullptr', 'register', 'restrict', 'return', 'short', 'signed', 'sizeof', 'static', 'static_assert',
  'struct', 'switch', 'thread_local', 'true', 'typedef', 'typeof', 'typeof_unqual', 'union', 'unsigned', 'void',
  'volatile', 'while', '_Alignas', '_Alignof', '_Atomic', '_BitInt', '_Bool', '_Complex', '_Decimal128',
  '_Decimal32', '_Decimal64', '_Generic', '_Imaginary', '_Noreturn', '_Static_assert', '_Thread_local',
]);

/** C++23 keywords and alternative operator tokens. */
export const CPP_KEYWORDS: ReadonlySet<string> = new Set([
  'alignas', 'alignof', 'and', 'and_eq', 'asm', 'auto', 'bitand', 'bitor', 'bool', 'break', 'case', 'catch',
  'char', 'char8_t', 'char16_t', 'char32_t', 'class', 'compl', 'concept', 'const', 'consteval', 'constexpr',
  'constinit', 'const_cast', 'continue', 'co_await', 'co_return', 'co_yield', 'decltype', 'default', 'delete',
  'do', 'double', 'dynamic_cast', 'else', 'enum', 'explicit', 'export', 'extern', 'false', 'float', 'for',
  'friend', 'goto', 'if', 'inline', 'int', 'long', 'mutable', 'namespace', 'new', 'noexcept', 'not', 'not_eq',
  'nullptr', 'operator', 'or', 'or_eq', 'private', 'protected', 'public', 'register', 'reinterpret_cast',
  'requires', 'return', 'short', 'signed', 'sizeof', 'static', 'static_assert', 'static_cast', 'struct',
  'switch', 'template', 'this', 'thread_local', 'throw', 'true', 'try', 'typedef', 'typeid', 'typename',
  'union', 'unsigned', 'using', 'virtual', 'void', 'volatile', 'wchar_t', 'while', 'xor', 'xor_eq',
]);

/** Rust's strict and reserved keywords (2024 edition, which adds `gen`). */
export const RUST_KEYWORDS: ReadonlySet<string> = new Set([
  'as', 'async', 'await', 'break', 'const', 'continue', 'crate', 'dyn', 'else', 'enum', 'extern', 'false',
  'fn', 'for', 'if', 'impl', 'in', 'let', 'loop', 'match', 'mod', 'move', 'mut', 'pub', 'ref', 'return',
  'self', 'Self', 'static', 'struct', 'super', 'trait', 'true', 'type', 'unsafe', 'use', 'where', 'while',
  'abstract', 'become', 'box', 'do', 'final', 'gen', 'macro', 'override', 'priv', 'try', 'typeof', 'unsized',
  'virtual', 'yield',
]);

/** Rust keywords that cannot be raw identifiers (`r#self` is an error), and `_`, which is no identifier. */
export const RUST_NOT_RAW: ReadonlySet<string> = new Set(['self', 'Self', 'super', 'crate', '_']);

/** ECMAScript reserved words, strict-mode ones, and `await` (modules). */
export const TS_RESERVED_WORDS: ReadonlySet<string> = new Set([
  'break', 'case', 'catch', 'class', 'const', 'continue', 'debugger', 'default', 'delete', 'do', 'else',
  'enum', 'export', 'extends', 'false', 'finally', 'for', 'function', 'if', 'import', 'in', 'instanceof',
  'new', 'null', 'return', 'super', 'switch', 'this', 'throw', 'true', 'try', 'typeof', 'var', 'void',
  'while', 'with', 'implements', 'interface', 'let', 'package', 'private', 'protected', 'public', 'static',
  'yield', 'await',
]);

/** Names strict mode forbids as bindings, and names TypeScript forbids for a type or interface. */
export const TS_RESTRICTED_NAMES: ReadonlySet<string> = new Set([
  'eval', 'arguments', 'any', 'unknown', 'never', 'number', 'bigint', 'boolean', 'string', 'symbol',
  'object', 'undefined',
]);

/** A name as one language spells it, or why it cannot. */
export type Spelled = { ok: true; text: string } | { ok: false; reason: string };

/** How `name` is written in `language` at `position`. */
export function spellIdentifier(language: Language, name: string, position: NamePosition): Spelled {
  switch (language) {
    case 'c':
    case 'cpp':
      return spellC(name);
    case 'rust':
      return spellRust(name);
    case 'typescript':
      return spellTypeScript(name, position);
  }
}

/** C and C++ have no escape: a keyword of either cannot name anything in a header both compile. */
function spellC(name: string): Spelled {
  if (C_KEYWORDS.has(name)) return { ok: false, reason: `\`${name}\` is a C keyword, and C cannot escape it` };
  if (CPP_KEYWORDS.has(name)) {
    return { ok: false, reason: `\`${name}\` is a C++ keyword, and the C headers must also compile as C++, which cannot escape it` };
  }
  return { ok: true, text: name };
}

/** Rust escapes keywords as raw identifiers, except the few that cannot be raw. */
function spellRust(name: string): Spelled {
  if (RUST_NOT_RAW.has(name)) return { ok: false, reason: `\`${name}\` is a Rust keyword that cannot be a raw identifier (\`r#${name}\`)` };
  return { ok: true, text: RUST_KEYWORDS.has(name) ? `r#${name}` : name };
}

/** Property names may be any identifier; top-level names that are reserved get a trailing `_`. */
function spellTypeScript(name: string, position: NamePosition): Spelled {
  if (position === 'member') return { ok: true, text: name };
  return { ok: true, text: TS_RESERVED_WORDS.has(name) || TS_RESTRICTED_NAMES.has(name) ? `${name}_` : name };
}

/** Why `name` cannot be spelled at `position`, per language that refuses it. */
export function identifierProblems(
  name: string,
  position: NamePosition,
  languages: readonly Language[] = ['c', 'rust', 'typescript'],
): { language: Language; reason: string }[] {
  return languages.flatMap((language) => {
    const spelled = spellIdentifier(language, name, position);
    return spelled.ok ? [] : [{ language, reason: spelled.reason }];
  });
}

function spellOrThrow(language: Language, name: string, position: NamePosition): string {
  const spelled = spellIdentifier(language, name, position);
  if (!spelled.ok) throw new Error(`cannot spell ${name} in ${language}: ${spelled.reason}`);
  return spelled.text;
}

/** `name` in C or C++; throws for a keyword (the `keyword` pass has rejected those already). */
export function cIdentifier(name: string): string {
  return spellOrThrow('c', name, 'member');
}

/** `name` in Rust: `type` → `r#type`; throws for `self`, `Self`, `super`, `crate`. */
export function rustIdentifier(name: string): string {
  return spellOrThrow('rust', name, 'member');
}

/** `name` in TypeScript: as is for a property, `delete` → `delete_` for a top-level name. */
export function tsIdentifier(name: string, position: NamePosition): string {
  return spellOrThrow('typescript', name, position);
}
