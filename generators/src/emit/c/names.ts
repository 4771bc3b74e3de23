/**
 * C spelling for the C header emitter: paths, guards, our own macro and typedef names,
 * literals, declarators and comment lines. Every string the templates print that is not
 * fixed text comes from a function here or in the view-model.
 */
import type { Arch, ArchScalarName, ConstantDecl, IntegerCType, HandleType, IoctlDirection, IoctlEncoding, Namespace, RecordDecl, TypeRef } from '../../model/types.js';
import { ARCHES } from '../../model/arch.js';
import { releaseHex } from '../../model/releases.js';
import { escapeDocComment } from '../../names/comments.js';
import { escapeUnsafe } from '../../names/text.js';
import { cIdentifier } from '../../names/keywords.js';

/** Where the generated headers live in the repository. */
export const INCLUDE_ROOT = 'packages/c-headers/include';

/** The predefined macro that tells each architecture apart, as GCC and clang define them. */
export const ARCH_MACROS: Record<Arch, string> = {
  x86_32: '__i386__',
  x86_64: '__x86_64__',
  arm32: '__arm__',
  arm64: '__aarch64__',
};

/** Our prefix for every name we add ourselves; Xen's names are used unchanged. */
export const PREFIX = 'xenabi';

/** A preprocessor condition true on exactly these architectures: `defined(__i386__) || defined(__x86_64__)`. */
export function archCondition(archs: readonly Arch[]): string {
  if (archs.length === 0) throw new Error('an architecture condition needs at least one architecture');
  return ARCHES.filter((a) => archs.includes(a))
    .map((a) => `defined(${ARCH_MACROS[a]})`)
    .join(' || ');
}

/**
 * Xen shows some items only to guests built against a newer interface version. Our headers
 * do the same once `__XEN_INTERFACE_VERSION__` is defined (by the includer, or by Xen's own
 * headers), and show everything, as for the newest interface, when it is not.
 */
export function guestInterfaceCondition(min: string): string {
  return `!defined(__XEN_INTERFACE_VERSION__) || __XEN_INTERFACE_VERSION__ >= ${min}`;
}

/** True below `version` when the includer (or Xen's headers) chose an older guest interface. */
export function belowInterfaceCondition(version: string): string {
  return `defined(__XEN_INTERFACE_VERSION__) && __XEN_INTERFACE_VERSION__ < ${version}`;
}

/** The name a module's header is included by: `xenabi/stable/dm_op.h`. */
export function includeName(namespace: Namespace, module: string): string {
  return `${PREFIX}/${namespace}/${module}.h`;
}

/** The repository path of a module's header. */
export function headerPath(namespace: Namespace, module: string): string {
  return `${INCLUDE_ROOT}/${includeName(namespace, module)}`;
}

export const UMBRELLA_INCLUDE = `${PREFIX}/${PREFIX}.h`;
/** The header of the XENABI_VERSION_* macros, which every other header includes. */
export const VERSION_INCLUDE = `${PREFIX}/version.h`;
export const VERSION_PATH = `${INCLUDE_ROOT}/${VERSION_INCLUDE}`;
export const VERSION_GUARD = 'XENABI_VERSION_H';
export const UMBRELLA_PATH = `${INCLUDE_ROOT}/${UMBRELLA_INCLUDE}`;
export const UMBRELLA_GUARD = 'XENABI_XENABI_H';

/** Our include guard, never Xen's: `XENABI_STABLE_DM_OP_H`. */
export function headerGuard(namespace: Namespace, module: string): string {
  return `XENABI_${namespace.toUpperCase()}_${module.toUpperCase()}_H`;
}

/** The availability macro of an item: `XENABI_SINCE_xen_dm_op`. */
export function sinceMacro(item: string): string {
  return `XENABI_SINCE_${item}`;
}

/** The Linux release of an item of Linux's interface, as `LINUX_VERSION_CODE`: `XENABI_LINUX_SINCE_IOCTL_PRIVCMD_DM_OP`. */
export function linuxSinceMacro(item: string): string {
  return `XENABI_LINUX_SINCE_${item}`;
}

/** Defined (to 1) exactly when an item or member is declared under the release the includer chose: `XENABI_HAS_xen_dm_op_nr_vcpus`. */
export function hasMacro(item: string): string {
  return `XENABI_HAS_${item}`;
}

/** The build, boot and domain settings an item needs, as a string: `XENABI_GATES_xen_argo_register_ring`. */
export function gatesMacro(item: string): string {
  return `XENABI_GATES_${item}`;
}

/** How availability macros name a member: `xen_dm_op.u` + `nr_vcpus` → `xen_dm_op__u__nr_vcpus`. */
export function memberMacroName(record: string, path: string): string {
  return mangle(`${record}.${path}`);
}

/**
 * The oldest Xen release the includer supports, as `0xMMmm00`. Stable headers declare only
 * what that release already had, as it had it; the default is the newest release.
 */
export const MIN_VERSION_MACRO = 'XENABI_XEN_MIN_VERSION';
/** The newest release the headers know, as `0xMMmm00`. */
export const NEWEST_VERSION_MACRO = 'XENABI_XEN_NEWEST_VERSION';
/** The oldest release the headers know, as `0xMMmm00`. */
export const OLDEST_VERSION_MACRO = 'XENABI_XEN_OLDEST_VERSION';

/**
 * The release an unstable header declares, chosen by the interface version the includer asked
 * for: `XENABI_DOMCTL_XEN_VERSION`, `0x041500` for interface version 0x15.
 */
export function selectedReleaseMacro(module: string): string {
  return `XENABI_${module.toUpperCase()}_XEN_VERSION`;
}

/**
 * A condition on `macro` true exactly for the releases in `set`, when `macro` holds one of
 * `domain` (oldest first), each spelled by `spell` (a release as `0x040b00`, or the interface
 * version that selects it): "" when `set` covers `domain`; runs of consecutive releases become
 * `macro >= first` and `macro < next`.
 */
export function releaseCondition(macro: string, set: readonly string[], domain: readonly string[], spell: (release: string) => string = releaseHex): string {
  const runs: string[][] = [];
  domain.forEach((r, i) => {
    if (!set.includes(r)) return;
    const last = runs.at(-1);
    if (last && last.at(-1) === domain[i - 1]) last.push(r);
    else runs.push([r]);
  });
  if (runs.length === 0) throw new Error(`no release of ${domain.join(', ')} is in the set`);
  const terms = runs.map((run) => {
    const first = domain.indexOf(run[0] as string);
    const next = domain[domain.indexOf(run.at(-1) as string) + 1];
    return [first > 0 ? `${macro} >= ${spell(run[0] as string)}` : '', next ? `${macro} < ${spell(next)}` : ''].filter(Boolean);
  });
  if (terms.length === 1) return (terms[0] as string[]).join(' && ');
  return terms.map((t) => (t.length > 1 ? `(${t.join(' && ')})` : t[0])).join(' || ');
}

/** The macro an includer defines to opt in to an unstable module: `XENABI_WANT_XEN_DOMCTL_INTERFACE_VERSION`. */
export function wantMacro(interfaceVersionConstant: string): string {
  return `XENABI_WANT_${interfaceVersionConstant}`;
}

/** Interface versions are spelled as Xen spells them, eight hex digits: 24 → `0x00000018`. */
export function interfaceVersionLiteral(value: string): string {
  const n = BigInt(value);
  if (n < 0n) throw new Error(`an interface version cannot be negative: ${value}`);
  return `0x${n.toString(16).padStart(8, '0')}`;
}

const SUFFIXES: Record<IntegerCType, string> = {
  int: '',
  'unsigned int': 'U',
  long: 'L',
  'unsigned long': 'UL',
  'long long': 'LL',
  'unsigned long long': 'ULL',
};

/** The integer-literal suffix that gives a literal the C type `cType`. */
export function literalSuffix(cType: IntegerCType): string {
  return SUFFIXES[cType];
}

/**
 * A constant's value as a C literal in the constant's spelling and type: `20`, `0xffffffffU`,
 * `(1U << _XEN_DMOP_no_gfns)`, `(1U << 3)`; negative decimals are parenthesised.
 *
 * Two spellings would not give the value and type Xen's has, so they are written otherwise:
 * - the sign bit of a signed type as a shift: Xen writes `(1 << 31)`, which shifts a 1 into
 *   the sign bit of `int`, undefined behaviour in C (C11 6.5.7p4; GCC's -Wshift-overflow=2
 *   and UBSan report it). It is the most negative value of the type, written as
 *   `(-2147483647 - 1)`: an `int` of exactly that value, as `INT_MIN` is defined;
 * - a negative decimal whose magnitude the type cannot hold (`int`'s most negative value):
 *   `(-2147483648)` would negate a `long` literal and have type `long`, so it is written
 *   `(-2147483647 - 1)` too.
 * Validation (the `constant-value` pass) guarantees the value fits the type on every
 * architecture, so every other literal has exactly the type its suffix names.
 */
export function constantLiteral(constant: Pick<ConstantDecl, 'name' | 'cType' | 'spelling' | 'bitConstant'>, value: string): string {
  const cType = constant.cType;
  if (cType === 'string') return stringConstantLiteral(value);
  const n = BigInt(value);
  const suffix = literalSuffix(cType);
  switch (constant.spelling) {
    case 'dec':
      return n < 0n ? negativeLiteral(n, cType) : `${n.toString()}${suffix}`;
    case 'hex':
      if (n < 0n) throw new Error(`${constant.name}: a negative value cannot be spelled in hex`);
      return `0x${n.toString(16)}${suffix}`;
    case 'shift':
      if (n < 0n) return negativeLiteral(n, cType);
      return `(1${suffix} << ${constant.bitConstant ?? String(singleBit(constant.name, n))})`;
  }
}

/**
 * A string constant's text as a C string literal: `"hvmloader/bios"`. The text is printable
 * ASCII (the `string-constant` validation pass); `\` and `"` are escaped, and so is the second
 * `?` of every `??`, which C before C23 reads as the start of a trigraph in strict modes
 * (`-std=c99`): `"??/"` would be a backslash.
 */
export function stringConstantLiteral(text: string): string {
  if (!/^[\x20-\x7e]*$/.test(text)) throw new Error(`${JSON.stringify(text)} is not printable ASCII, so it is no string constant`);
  return `"${text.replace(/[\\"]/g, (c) => `\\${c}`).replace(/\?(?=\?)/g, '?\\')}"`;
}

/**
 * A negative value of a signed type, parenthesised: `(-22)`, or `(-2147483647 - 1)` when the
 * magnitude is beyond the type's largest value on some architecture (`long` is 32 bits on
 * x86_32 and arm32, so the narrowest width decides).
 */
function negativeLiteral(n: bigint, cType: IntegerCType): string {
  const suffix = literalSuffix(cType);
  const narrowest = cType === 'int' || cType === 'long' ? 32n : 64n;
  const largest = (1n << (narrowest - 1n)) - 1n;
  return -n <= largest ? `(-${(-n).toString()}${suffix})` : `(-${(-n - 1n).toString()}${suffix} - 1)`;
}

function singleBit(name: string, n: bigint): number {
  if (n <= 0n || (n & (n - 1n)) !== 0n) throw new Error(`${name}: ${n} is not a single bit, so it cannot be spelled as a shift`);
  return n.toString(2).length - 1;
}

/** Our `_IOC` and its direction names, defined once by any header with an ioctl: Linux's own are not user-space API everywhere. */
export const IOC_MACRO = 'XENABI_IOC';

const IOC_DIRECTIONS: Record<IoctlDirection, string> = {
  none: 'XENABI_IOC_NONE',
  write: 'XENABI_IOC_WRITE',
  read: 'XENABI_IOC_READ',
  readwrite: '(XENABI_IOC_READ | XENABI_IOC_WRITE)',
};

/**
 * An ioctl number as Linux's header spells it, with our macro: `XENABI_IOC(XENABI_IOC_NONE, 'P', 5,
 * sizeof(struct privcmd_dm_op))`. `spell` names the argument type.
 */
export function ioctlExpression(ioctl: IoctlEncoding, spell: (type: TypeRef) => string): string {
  const size = ioctl.argument ? `sizeof(${spell(ioctl.argument)})` : '0';
  return `${IOC_MACRO}(${IOC_DIRECTIONS[ioctl.direction]}, ${charLiteral(ioctl.type)}, ${ioctl.nr}, ${size})`;
}

/** A C character literal of a printable ASCII character. */
export function charLiteral(ch: string): string {
  return `'${ch === "'" || ch === '\\' ? `\\${ch}` : ch}'`;
}

/** How a field of an architecture-dependent integer type is spelled. */
export function archScalarSpelling(name: ArchScalarName): string {
  return name === 'uint64_aligned_t' || name === 'int64_aligned_t' ? `${PREFIX}_${name}` : name;
}

/** Our typedef for a guest handle: `xenabi_guest_handle_uint8`, `xenabi_guest_handle_64_const_xen_dm_op_buf_t`. */
export function handleTypedefName(handle: HandleType): string {
  return `${PREFIX}_guest_handle_${handle.width === '64' ? '64_' : ''}${handle.const ? 'const_' : ''}${handle.target}`;
}

/** The macro that keeps a handle typedef from being declared twice in one translation unit. */
export function handleDefinedMacro(handle: HandleType): string {
  return `XENABI_HAVE_${handleTypedefName(handle).slice(PREFIX.length + 1).toUpperCase()}`;
}

/** What a handle points to: `uint8_t`, `const xen_dm_op_buf_t`. */
export function handlePointee(handle: HandleType): string {
  return `${handle.const ? 'const ' : ''}${handle.pointee}`;
}

/** How C names a record as a type: `struct evtchn_status`, or its typedef when it has no tag. */
export function recordTypeName(record: Pick<RecordDecl, 'kind' | 'name' | 'tag' | 'typedef'>): string {
  if (record.tag) return `${record.kind} ${record.tag}`;
  if (record.typedef) return record.typedef;
  throw new Error(`record ${record.name} has neither a tag nor a typedef, so C cannot name it`);
}

/**
 * The type of a member reached from a record, as an expression:
 * `XENABI_NO_OBJECT(struct evtchn_status)->u.interdomain` (no C-style cast, for C++ users with `-Wold-style-cast`).
 */
export function memberExpression(recordType: string, path: string): string {
  return `XENABI_NO_OBJECT(${recordType})->${path}`;
}

/**
 * A declarator with its array dimensions, outermost first: `pad[3]`, `head[EVTCHN_FIFO_MAX_QUEUES]`,
 * `ring[XENABI_FLEX_ARRAY_DIM]` for a flexible array member.
 */
export function declarator(name: string, type: TypeRef, flexible = false): string {
  let dims = '';
  let t: TypeRef = type;
  let first = true;
  while (t.kind === 'array') {
    dims += flexible && first ? '[XENABI_FLEX_ARRAY_DIM]' : `[${t.lengthConstant ?? String(t.length)}]`;
    first = false;
    t = t.element;
  }
  return `${name}${dims}`;
}

/** An identifier made from a dotted path, for assertion names: `evtchn_status.u.interdomain` → `evtchn_status__u__interdomain`. */
export function mangle(path: string): string {
  let mangled = MANGLED.get(path);
  if (mangled === undefined) {
    mangled = path.replace(/\./g, '__').replace(/[^A-Za-z0-9_]/g, '_');
    MANGLED.set(path, mangled);
  }
  return mangled;
}

/** Paths mangled so far: every member is checked on each architecture and in each run of releases. */
const MANGLED = new Map<string, string>();

/** The id of one layout assertion; ids are unique in a translation unit because they start with the module. */
export function assertionId(module: string, subject: string, what: string): string {
  return `${module}__${mangle(subject)}__${what}`;
}

/** Width of generated comment text, not counting the indentation and the ` * ` lead. */
export const COMMENT_WIDTH = 92;

/** Splits text into lines of at most `width` characters at spaces; explicit newlines are kept. */
export function wrapText(text: string, width: number = COMMENT_WIDTH): string[] {
  const out: string[] = [];
  for (const paragraph of text.trim().split('\n')) {
    let line = '';
    for (const word of paragraph.trim().split(/\s+/).filter(Boolean)) {
      if (line && line.length + 1 + word.length > width) {
        out.push(line);
        line = word;
      } else {
        line = line ? `${line} ${word}` : word;
      }
    }
    out.push(line);
  }
  return out;
}

/**
 * A `/** … *\/` doc comment as lines: one line when it fits, else a block. Paragraphs are
 * separated by a ` *` line. Empty input gives no lines.
 */
export function docCommentLines(...paragraphs: (string | undefined)[]): string[] {
  return indentedDocCommentLines('', ...paragraphs);
}

/** A doc comment for a member printed after `indent`: wrapped narrower, lines not yet indented. */
export function indentedDocCommentLines(indent: string, ...paragraphs: (string | undefined)[]): string[] {
  const width = COMMENT_WIDTH - indent.length;
  const texts = paragraphs.map((p) => (p ?? '').trim()).filter(Boolean).map(escapeDocComment);
  if (texts.length === 0) return [];
  const wrapped = texts.map((t) => wrapText(t, width));
  const only = wrapped.length === 1 && wrapped[0]?.length === 1 ? wrapped[0][0] : undefined;
  if (only !== undefined && only.length <= width - 4) return [`/** ${only} */`];
  const body = wrapped.flatMap((lines, i) => [...(i > 0 ? [' *'] : []), ...lines.map((l) => (l ? ` * ${l}` : ' *'))]);
  return ['/**', ...body, ' */'];
}

/** A plain `/* … *\/` comment (not documentation of the next declaration) as lines. */
export function plainCommentLines(text: string): string[] {
  const lines = wrapText(escapeDocComment(text));
  if (lines.length === 1 && (lines[0] ?? '').length <= COMMENT_WIDTH - 4) return [`/* ${lines[0]} */`];
  return ['/*', ...lines.map((l) => (l ? ` * ${l}` : ' *')), ' */'];
}

/**
 * A C string literal for `#error` and assertion messages. Newlines and tabs are escaped, and
 * so is every character names/text.ts calls unsafe (see `cEscape`).
 */
export function cString(text: string): string {
  const escaped = text.replace(/[\\"\n\t]/g, (c) => (c === '\n' ? '\\n' : c === '\t' ? '\\t' : `\\${c}`));
  return `"${escapeUnsafe(escaped, cEscape)}"`;
}

/** A code point as a C escape: UTF-8 bytes in octal below U+00A0 (a universal character name may not name those), else `\uXXXX`. */
function cEscape(codePoint: number): string {
  if (codePoint >= 0xa0) return `\\u${codePoint.toString(16).padStart(4, '0')}`;
  const bytes = codePoint < 0x80 ? [codePoint] : [0xc0 | (codePoint >> 6), 0x80 | (codePoint & 0x3f)];
  return bytes.map((b) => `\\${b.toString(8).padStart(3, '0')}`).join('');
}

/**
 * A name from the ABI, checked: it must be an identifier and no C or C++ keyword (the headers
 * also compile as C++). The `keyword` validation pass refuses such names before this runs.
 */
export function checkIdentifier(name: string, what: string): string {
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) throw new Error(`${what}: ${JSON.stringify(name)} is not a C identifier`);
  return cIdentifier(name);
}
