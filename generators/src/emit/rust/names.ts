/**
 * Rust spelling for the Rust emitter: paths, `cfg` predicates, identifiers, type names,
 * literals and doc-comment lines. Every string the templates print that is not fixed text
 * comes from a function here or in the view-model.
 */
import { ARCHES } from '../../model/arch.js';
import type { Arch, ArchScalarName, ConstantSpelling, HandleType, Namespace, RecordDecl, ScalarName } from '../../model/types.js';
import { rustIdentifier } from '../../names/keywords.js';
import { escapeUnsafe } from '../../names/text.js';

/** Where the crate lives in the repository. */
export const CRATE_ROOT = 'packages/rust-bindings';

/** The crate's name on crates.io and in `use` paths. */
export const CRATE_NAME = 'xenabi';

/** Rust's `target_arch` for each architecture xenabi lays out. */
export const TARGET_ARCH: Record<Arch, string> = {
  x86_32: 'x86',
  x86_64: 'x86_64',
  arm32: 'arm',
  arm64: 'aarch64',
};

/** The rustc target each architecture is checked with (`cargo check --target`). */
export const RUST_TARGETS: Record<Arch, string> = {
  x86_32: 'i686-unknown-linux-gnu',
  x86_64: 'x86_64-unknown-linux-gnu',
  arm32: 'armv7-unknown-linux-gnueabihf',
  arm64: 'aarch64-unknown-linux-gnu',
};

/**
 * The integer behind `XEN_GUEST_HANDLE(x)`: x86 declares a struct holding one pointer, so it
 * is pointer-sized; Arm declares a union of a pointer and a `uint64_aligned_t`, so it is 8
 * bytes, 8-aligned, on arm32 too. The layout engine's sizes are asserted against these.
 */
export const NATIVE_HANDLE_REPR: Record<Arch, string> = {
  x86_32: 'usize',
  x86_64: 'usize',
  arm32: 'u64',
  arm64: 'u64',
};

const SCALARS: Record<ScalarName, string> = {
  uint8_t: 'u8',
  uint16_t: 'u16',
  uint32_t: 'u32',
  uint64_t: 'u64',
  int8_t: 'i8',
  int16_t: 'i16',
  int32_t: 'i32',
  int64_t: 'i64',
  char: '::core::ffi::c_char',
  'unsigned char': 'u8',
  int: 'i32',
  'unsigned int': 'u32',
};

/**
 * The Rust type of a fixed-width C integer: `uint32_t` → `u32`, `unsigned int` → `u32`;
 * `char` → `::core::ffi::c_char`, which is `i8` on x86 and `u8` on Arm, as C's `char`.
 * Paths into `core` are spelled in full, so no file needs a `use` for them.
 */
export function scalarType(name: ScalarName): string {
  return SCALARS[name];
}

/** The primitive a per-architecture integer has on the narrowest architecture: `xen_ulong_t` → `u32`, `long` → `i32`. */
export function narrowestPrimitive(name: ArchScalarName): string {
  return name === 'uint64_aligned_t' ? 'u64' : name === 'int64_aligned_t' ? 'i64' : name === 'long' ? 'i32' : 'u32';
}

/** True for the Rust primitive integer types this emitter prints. */
export function isPrimitive(rust: string): boolean {
  return /^[ui](8|16|32|64|size)$/.test(rust);
}

/** The unsigned Rust integer of `size` bytes, for the per-architecture integer types. */
export function unsignedOfSize(size: number): string {
  const found = ({ 1: 'u8', 2: 'u16', 4: 'u32', 8: 'u64' } as Record<number, string>)[size];
  if (!found) throw new Error(`rust emitter: no unsigned integer of ${size} bytes`);
  return found;
}

/**
 * Xen's per-architecture integer types keep their names in Rust (`xenabi::types::xen_ulong_t`);
 * C's `long` and `unsigned long` are `::core::ffi::c_long` and `::core::ffi::c_ulong`, and `size_t` is `usize`.
 */
export function archScalarType(name: ArchScalarName): string {
  if (name === 'size_t') return 'usize';
  return name === 'long' ? '::core::ffi::c_long' : name === 'unsigned long' ? '::core::ffi::c_ulong' : name;
}

/** True for the per-architecture integers `crate::types` declares (Xen's typedefs), which a file must `use`. */
export function cratePerArchType(name: ArchScalarName): boolean {
  return name !== 'long' && name !== 'unsigned long' && name !== 'size_t';
}

/** The generic type of a plain user-space pointer (Linux's `void __user *`), defined in `types.rs`. */
export const USER_PTR = 'UserPtr';

/** A Rust identifier for a Xen name: `type` → `r#type`; throws for `self` and friends (the `keyword` pass rejects those first). */
export function ident(name: string): string {
  return rustIdentifier(name);
}

/**
 * The Rust name of a record. Records declared on their own keep Xen's name; a record declared
 * inline is named by its path with `_` for `.`: `xen_dm_op.u` → `xen_dm_op_u`,
 * `evtchn_status.u.unbound` → `evtchn_status_u_unbound`, and an anonymous member `<anon0>`
 * becomes `anon0` (`xen_foo.<anon0>` → `xen_foo_anon0`).
 */
export function recordName(record: Pick<RecordDecl, 'name' | 'parent'>): string {
  if (!record.parent) return ident(record.name);
  return ident(record.name.replace(/<anon(\d+)>/g, 'anon$1').replace(/\./g, '_'));
}

/** The Rust field name of the `index`-th anonymous member of a record: `anon0`, `anon1`, … */
export function anonymousField(index: number): string {
  return `anon${index}`;
}

/** The storage field of the `index`-th run of C bit-fields in a record: `bitfields_0`. */
export function bitfieldStorage(index: number): string {
  return `bitfields_${index}`;
}

/** The field that makes the `index`-th compiler-inserted hole of a record explicit: `__xenabi_hole_0`. */
export function holeField(index: number): string {
  return `__xenabi_hole_${index}`;
}

/**
 * The constructor of a dispatch record for one op: the payload member it travels in
 * (`create_ioreq_server`), or, when several ops of the set travel in that member (HVMOP_altp2m's
 * create, destroy and switch all in `view`), the op's constant in lower case:
 * `hvmop_altp2m_create_p2m`. The whole constant, because with the set's prefix cut it could be
 * another op's member (FLASK_RELABEL travels in `transition`, FLASK_RELABEL_DOMAIN in `relabel`).
 */
export function opMethodName(set: { ops?: readonly { member?: string }[] }, constant: string, member: string): string {
  const shared = (set.ops ?? []).filter((o) => o.member === member).length > 1;
  return ident(shared ? constant.toLowerCase() : member);
}

/** The payload getter beside the constructor `method`: `create_ioreq_server` → `as_create_ioreq_server`. */
export function opGetterName(method: string): string {
  return ident(`as_${method.replace(/^r#/, '')}`);
}

/** The setter of a bit-field accessor: `state` → `set_state`, `type` → `set_type`. */
export function setterName(field: string): string {
  return ident(`set_${field}`);
}

/**
 * The Rust type of a guest handle, named as Xen's macros name the C type:
 * `XEN_GUEST_HANDLE(uint8)` → `__guest_handle_uint8`, `XEN_GUEST_HANDLE_64(const_void)` →
 * `__guest_handle_64_const_void`.
 */
export function handleType(handle: Pick<HandleType, 'width' | 'target' | 'const'>): string {
  return `__guest_handle_${handle.width === '64' ? '64_' : ''}${handle.const ? 'const_' : ''}${handle.target}`;
}

/** The `cfg` predicate true on exactly `archs`: `target_arch = "x86"`, or `any(…)` for several. */
export function archPredicate(archs: readonly Arch[]): string {
  const sorted = ARCHES.filter((a) => archs.includes(a));
  if (sorted.length === 0) throw new Error('rust emitter: a cfg needs at least one architecture');
  const parts = sorted.map((a) => `target_arch = "${TARGET_ARCH[a]}"`);
  return parts.length === 1 ? parts[0]! : `any(${parts.join(', ')})`;
}

/**
 * The `#[cfg(…)]` line for something that exists on `archs` inside a scope that exists on
 * `within`; "" when it exists everywhere its scope does.
 */
export function cfgLine(archs: readonly Arch[], within: readonly Arch[] = ARCHES): string {
  return within.every((a) => archs.includes(a)) ? '' : `#[cfg(${archPredicate(archs)})]`;
}

/** The cargo feature of a release: `4.15` → `xen-4-15`. */
export function featureName(release: string): string {
  return `xen-${release.replace('.', '-')}`;
}

/** The `cfg` predicate of a release's feature: `feature = "xen-4-15"`. */
export function featurePredicate(release: string): string {
  return `feature = "${featureName(release)}"`;
}

/** A release as a Rust expression: `4.15` → `XenRelease::new(4, 15)`, with `prefix` before the type name. */
export function releaseLiteral(release: string, prefix = ''): string {
  const [major, minor] = release.split('.');
  return `${prefix}XenRelease::new(${major}, ${minor})`;
}

/** `LinuxRelease::new(4, 11, 0)`, `LinuxRelease::new(2, 6, 37)`. */
export function linuxReleaseLiteral(release: string, prefix = ''): string {
  const [major, minor, patch] = release.split('.');
  return `${prefix}LinuxRelease::new(${major}, ${minor}, ${patch ?? 0})`;
}

/** `all(…)` of the predicates that are not empty, an `all(…)` among them spread; "" when none is. */
export function allOf(predicates: readonly string[]): string {
  const parts = predicates.filter(Boolean);
  if (parts.length <= 1) return parts[0] ?? '';
  return `all(${parts.map((p) => (wrapsAll(p) ? p.slice(4, -1) : p)).join(', ')})`;
}

/** Whether a predicate is one `all(…)` (its parenthesis closes at the end). */
function wrapsAll(predicate: string): boolean {
  if (!predicate.startsWith('all(')) return false;
  let depth = 0;
  for (let i = 3; i < predicate.length; i++) {
    if (predicate[i] === '(') depth++;
    else if (predicate[i] === ')' && --depth === 0) return i === predicate.length - 1;
  }
  return false;
}

/** `any(…)` of predicates, none of them empty. */
export function anyOf(predicates: readonly string[]): string {
  return predicates.length > 1 ? `any(${predicates.join(', ')})` : (predicates[0] ?? '');
}

/** The module path of an ABI module: `crate::stable::dm_op`. */
export function modulePath(namespace: Namespace, module: string): string {
  return `crate::${namespace}::${ident(module)}`;
}

/** Source file of an ABI module in the crate: `packages/rust-bindings/src/stable/dm_op.rs`. */
export function moduleFile(namespace: Namespace, module: string): string {
  return `${CRATE_ROOT}/src/${namespace}/${module}.rs`;
}

/** An integer literal as the ABI spells the constant: decimal, hex, or `1 << n` for a flag. */
export function integerLiteral(value: bigint, spelling: ConstantSpelling): string {
  if (value < 0n) return value.toString();
  if (spelling === 'hex') return `0x${value.toString(16)}`;
  if (spelling === 'shift' && value > 0n && (value & (value - 1n)) === 0n) return `1 << ${value.toString(2).length - 1}`;
  return value.toString();
}

/** The inclusive range of a Rust primitive integer type. */
export function integerRange(rust: string): [bigint, bigint] | undefined {
  const m = /^([ui])(8|16|32|64)$/.exec(rust);
  if (!m) return undefined;
  const bits = BigInt(m[2]!);
  return m[1] === 'u' ? [0n, (1n << bits) - 1n] : [-(1n << (bits - 1n)), (1n << (bits - 1n)) - 1n];
}

/**
 * Doc text as the lines of a `///` or `//!` comment. Leading white space is dropped so no
 * line becomes an indented code block, and a bare opening fence becomes ```` ```text ```` so
 * rustdoc never compiles schema prose as a doctest.
 */
export function docLines(text: string | undefined): string[] {
  if (!text || !text.trim()) return [];
  let inFence = false;
  return text
    .trim()
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((raw) => {
      const line = raw.trim();
      if (!line.startsWith('```')) return inFence ? line : escapeMarkdown(line);
      const opening = !inFence;
      inFence = !inFence;
      return opening && line === '```' ? '```text' : line;
    });
}

/**
 * Prose with bracket pairs and tag-like `<` escaped outside inline code, so that rustdoc reads `optarr[0]`
 * as text rather than a broken intra-doc link and `xen-<version>` as text rather than an
 * unclosed HTML tag (`cargo doc` with `-D warnings`).
 */
export function escapeMarkdown(line: string): string {
  return line
    .split(/(`+[^`]*`+)/)
    .map((part, i) => (i % 2 ? part : part.replace(/\[([^[\]]*)\]/g, '\\[$1\\]').replace(/<(?=[A-Za-z/!?])/g, '\\<')))
    .join('');
}

/** Doc paragraphs joined with an empty doc line between them; empty paragraphs are dropped. */
export function docParagraphs(...paragraphs: (string[] | string | undefined)[]): string[] {
  const blocks = paragraphs.map((p) => (typeof p === 'string' || p === undefined ? docLines(p) : p)).filter((p) => p.length > 0);
  return blocks.flatMap((b, i) => (i === 0 ? b : ['', ...b]));
}

/** A Rust string literal: `"…"` with `\\`, `"`, newlines, tabs and what names/text.ts calls unsafe escaped. */
export function stringLiteral(text: string): string {
  const escaped = text.replace(/[\\"\n\t]/g, (c) => (c === '\n' ? '\\n' : c === '\t' ? '\\t' : `\\${c}`));
  return `"${escapeUnsafe(escaped, (cp) => `\\u{${cp.toString(16)}}`)}"`;
}

/** Inline code in a doc comment. */
export function code(text: string): string {
  return text.includes('`') ? `\`\` ${text} \`\`` : `\`${text}\``;
}

/** A list of architectures as Rust names them, for docs: `x86, x86_64`. */
export function archList(archs: readonly Arch[]): string {
  return ARCHES.filter((a) => archs.includes(a))
    .map((a) => TARGET_ARCH[a])
    .join(', ');
}
