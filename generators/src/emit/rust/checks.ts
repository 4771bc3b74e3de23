/**
 * Layout checks: the layout engine's numbers for one architecture, as Rust expressions to
 * compare. The same checks are printed twice: as `const` assertions in the crate (they fail
 * the build on the architecture they describe) and as `#[test]`s in `tests/layout.rs`
 * (so `cargo test` lists them).
 */
import { aliasOn } from '../../model/aliases.js';
import type { Arch, RecordDecl, TypeRef } from '../../model/types.js';
import type { RustContext } from './context.js';
import { recordName, TARGET_ARCH } from './names.js';
import { rustAlignOf, type RecordStorage } from './storage.js';

/** One comparison: `expression == expected`. */
export interface Check {
  expression: string;
  expected: number;
  /** What failed, for the assertion message: `xen_dm_op.u: offset on x86`. */
  label: string;
}

/** A const assertion: fails compilation with `label` when the numbers differ. */
export function constAssert(check: Check): string {
  return `assert!(${check.expression} == ${check.expected}, ${JSON.stringify(check.label)});`;
}

/** The same check at run time, for `cargo test`. */
export function testAssert(check: Check): string {
  return `assert_eq!(${check.expression}, ${check.expected}, ${JSON.stringify(check.label)});`;
}

const sizeOf = (t: string) => `size_of::<${t}>()`;
const alignOf = (t: string) => `align_of::<${t}>()`;

/**
 * Size and alignment of the record, the offset of every storage field (members, bit-field
 * storage, explicit holes) and the size of every member whose type depends on the
 * architecture (records and primitives are checked on their own), on `arch`.
 */
export function recordChecks(record: RecordDecl, storage: RecordStorage, fieldNames: ReadonlyMap<number, string>, fieldTypes: ReadonlyMap<number, string>, arch: Arch): Check[] {
  const s = storage.perArch.get(arch);
  if (!s) return [];
  const name = recordName(record);
  const on = ` on ${TARGET_ARCH[arch]}`;
  const checks: Check[] = [
    { expression: sizeOf(name), expected: s.layout.size, label: `${record.name}: size${on}` },
    { expression: alignOf(name), expected: s.layout.align, label: `${record.name}: align${on}` },
  ];
  for (const slot of storage.slots) {
    const item = slot.perArch.get(arch);
    if (!item) continue;
    const field = item.kind === 'field' ? fieldNames.get(item.index)! : slot.name;
    const cName = item.kind === 'field' ? item.field.name || field : slot.name;
    checks.push({ expression: `offset_of!(${name}, ${field})`, expected: item.offset, label: `${record.name}.${cName}: offset${on}` });
    if (item.kind === 'field' && item.size > 0 && archDependent(item.field.type)) {
      checks.push({ expression: sizeOf(fieldTypes.get(item.index)!), expected: item.size, label: `${record.name}.${cName}: size${on}` });
    }
  }
  return checks;
}

/** Members whose Rust type is not a primitive or a record checked on its own: per-architecture integers, handles, typedefs. */
function archDependent(type: TypeRef): boolean {
  if (type.kind === 'array') return archDependent(type.element);
  return type.kind === 'archScalar' || type.kind === 'handle' || type.kind === 'alias' || type.kind === 'pointer';
}

/** The `use` a block of checks needs: `use ::core::mem::{align_of, size_of};`. */
export function memImports(checks: readonly Check[]): string {
  const used = ['align_of', 'offset_of', 'size_of'].filter((f) => checks.some((c) => c.expression.startsWith(f)));
  return used.length === 1 ? `use ::core::mem::${used[0]};` : `use ::core::mem::{${used.join(', ')}};`;
}

/**
 * Size and alignment of a typedef. The alignment is left out where Rust cannot give the
 * typedef Xen's: `uint64_aligned_t` is a plain `u64`, 4-aligned on x86 (32-bit).
 */
export function aliasChecks(ctx: RustContext, name: string, rustName: string, arch: Arch): Check[] {
  const alias = aliasOn(ctx.aliasSpellings.get(name) ?? [], arch);
  if (!alias) throw new Error(`rust emitter: no typedef ${name} on ${arch}`);
  const layout = ctx.layouts.get(arch)!;
  const { size, align } = layout.sizeAlign({ kind: 'alias', name });
  const on = ` on ${TARGET_ARCH[arch]}`;
  const checks: Check[] = [{ expression: sizeOf(rustName), expected: size, label: `${name}: size${on}` }];
  if (rustAlignOf(alias.type, layout, ctx.aliasSpellings) === align) checks.push({ expression: alignOf(rustName), expected: align, label: `${name}: align${on}` });
  return checks;
}

/** Size, and alignment where Rust matches it, of a type from `crate::types`. */
export function typeChecks(rustName: string, size: number, align: number | undefined, arch: Arch): Check[] {
  const on = ` on ${TARGET_ARCH[arch]}`;
  const checks: Check[] = [{ expression: sizeOf(rustName), expected: size, label: `${rustName}: size${on}` }];
  if (align !== undefined) checks.push({ expression: alignOf(rustName), expected: align, label: `${rustName}: align${on}` });
  return checks;
}

/** A check and the releases it holds in (among those its record or module exists in; often a shared array). */
export interface VersionedCheck {
  check: Check;
  releases: readonly string[];
}

/** Lines that hold in some releases only: a bit-field round trip, kept together. */
export interface VersionedLines {
  lines: string[];
  releases: readonly string[];
}

/**
 * One architecture's checks of every segment, merged: each check once, with every release it
 * holds in, in the order the segments list them (a check only some segments have goes after
 * the one before it). Within a segment each check is unique.
 */
export function mergeChecks(perSegment: readonly { releases: readonly string[]; checks: readonly Check[] }[]): VersionedCheck[] {
  return mergeByText(perSegment.map((s) => ({ releases: s.releases, items: s.checks })), constAssert).map(({ item, releases }) => ({ check: item, releases }));
}

/** Blocks of lines of every segment, merged as `mergeChecks` merges checks. */
export function mergeBlocks(perSegment: readonly { releases: readonly string[]; blocks: readonly string[][] }[]): VersionedLines[] {
  return mergeByText(perSegment.map((s) => ({ releases: s.releases, items: s.blocks })), (b) => b.join('\n')).map(({ item, releases }) => ({ lines: item, releases }));
}

function mergeByText<T>(perSegment: readonly { releases: readonly string[]; items: readonly T[] }[], text: (item: T) => string): { item: T; releases: readonly string[] }[] {
  const only = perSegment.length === 1 ? perSegment[0]! : undefined;
  if (only) return only.items.map((item) => ({ item, releases: only.releases }));
  const out: { item: T; releases: string[]; text: string }[] = [];
  const at = new Map<string, { item: T; releases: string[]; text: string }>();
  for (const { releases, items } of perSegment) {
    const texts = items.map(text);
    const own = new Set(texts);
    let after = 0;
    items.forEach((item, i) => {
      const t = texts[i]!;
      const seen = at.get(t);
      if (seen) {
        seen.releases.push(...releases);
        after = Math.max(after, out.indexOf(seen) + 1);
        return;
      }
      // Past what only earlier segments have: what was there before comes first.
      while (after < out.length && !own.has(out[after]!.text)) after++;
      const entry = { item, releases: [...releases], text: t };
      out.splice(after++, 0, entry);
      at.set(t, entry);
    });
  }
  return out;
}

/** A line of a test, under the `cfg` of the releases it holds in when that is not all of its test's. */
export interface TestLine {
  cfg: string;
  line: string;
}
