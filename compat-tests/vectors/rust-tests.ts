/**
 * `packages/rust-bindings/tests/vectors.rs`: the host architecture's vectors as Rust tests.
 * For every record, each vector builds the value member by member in a zeroed buffer
 * (bit-fields through their setters, guest handles with `from_addr`), compares its bytes
 * with the vector's, and decodes the vector's bytes back, comparing every member. With
 * `--features zerocopy`, records without unions are also compared through
 * `zerocopy::IntoBytes`, every decode goes through `zerocopy::FromBytes`, and an op's payload
 * also goes through its typed op (`rust-typed-ops.ts`).
 *
 * Written by the vector generator, not by the Rust emitter (which leaves `tests/vectors.rs`
 * and `tests/vectors/` alone), one file per ABI module beside the helpers; the staleness test
 * keeps them equal to the committed x86_64 vectors.
 */
import { featurePredicate, handleType, ident, modulePath, recordName, scalarType } from '../../generators/src/emit/rust/names.js';
import type { RecordDecl, TypeRef } from '../../generators/src/model/types.js';
import { SPDX_LICENSE } from '../../generators/src/output/pipeline.js';
import type { ReleaseModel } from '../../generators/src/select/release.js';
import type { Case } from './catalog.js';
import type { Leaf } from './shape.js';
import { typedMembers, typedOpCheck, typedOpUses, type TypedOpUse } from './rust-typed-ops.js';
import { tagLookup, type TagLookup } from './tags.js';
import { hexLines } from './vectors.js';

export const RUST_VECTORS_PATH = 'packages/rust-bindings/tests/vectors.rs';
export const RUST_ARCH = 'x86_64';

/** The Rust path of a record from outside the crate: `xenabi::stable::dm_op::xen_dm_op`. */
function recordPath(record: RecordDecl): string {
  return `${modulePath(record.namespace, record.module).replace(/^crate::/, 'xenabi::')}::${recordName(record)}`;
}

/** The Rust type of a flexible array's element. */
function elementType(model: ReleaseModel, type: TypeRef): string {
  switch (type.kind) {
    case 'scalar':
      return scalarType(type.name);
    case 'record': {
      const r = model.records.find((x) => x.name === type.name);
      if (!r) throw new Error(`vectors: no record ${type.name}`);
      return recordPath(r);
    }
    case 'alias': {
      const a = model.aliases.find((x) => x.name === type.name);
      if (!a) throw new Error(`vectors: no typedef ${type.name}`);
      return elementType(model, a.type);
    }
    default:
      throw new Error(`vectors: flexible arrays of ${type.kind} are not supported`);
  }
}

/** A Rust integer literal; a signed type's minimum as `iN::MIN`, which no lint can mistake for an overflow. */
export function rustLiteral(leaf: Leaf, value: bigint): string {
  if (leaf.handle || leaf.pointer) return `0x${value.toString(16)}`;
  if (leaf.signed && value === -(1n << BigInt(leaf.bits - 1))) return `i${leaf.bits}::MIN`;
  return value.toString();
}

/** `u.create_ioreq_server.id` → `.u.create_ioreq_server.id`, names escaped; the last name apart. */
function access(path: string): { place: string; last: string } {
  const parts = [...path.matchAll(/([A-Za-z_][A-Za-z0-9_]*)|\[(\d+)\]/g)].map((m) => (m[1] !== undefined ? { name: m[1] } : { index: m[2] as string }));
  const spell = (p: { name?: string; index?: string }) => (p.name !== undefined ? `.${ident(p.name)}` : `[${p.index}]`);
  const last = parts.at(-1);
  if (!last || last.name === undefined) return { place: parts.map(spell).join(''), last: '' };
  return { place: parts.slice(0, -1).map(spell).join(''), last: last.name };
}

/** The path below a flexible array element: `data[1].ring.aport` → `.ring.aport`. */
function withinElement(c: Case, leaf: Leaf): string {
  const prefix = `${c.shape.flex?.path}[${leaf.flexIndex}]`;
  return leaf.path.slice(prefix.length);
}

function setStatement(target: string, path: string, leaf: Leaf, value: bigint): string {
  const { place, last } = access(path);
  const literal = rustLiteral(leaf, value);
  if (last === '') return place ? `${target}${place} = ${literal};` : `*${target} = ${literal};`;
  if (leaf.handle) return `${target}${place}.${ident(last)} = xenabi::types::${handleType(leaf.handle)}::from_addr(${literal});`;
  if (leaf.pointer) return `${target}${place}.${ident(last)} = xenabi::types::UserPtr::from_addr(${literal});`;
  if (leaf.bitOffset !== undefined) return `${target}${place}.${ident(`set_${last}`)}(${literal});`;
  return `${target}${place}.${ident(last)} = ${literal};`;
}

function getExpression(source: string, path: string, leaf: Leaf): string {
  const { place, last } = access(path);
  if (last === '') return `${source}${place}`;
  if (leaf.handle || leaf.pointer) return `${source}${place}.${ident(last)}.addr()`;
  if (leaf.bitOffset !== undefined) return `${source}${place}.${ident(last)}()`;
  return `${source}${place}.${ident(last)}`;
}

/** The vector's bytes as a Rust string of hex digits, one literal per line of the JSON. */
function hexLiteral(bytes: Uint8Array): string {
  const lines = hexLines(bytes).map((l) => `"${l}"`);
  if (lines.length <= 1) return lines[0] ?? '""';
  return `concat!(${lines.join(', ')})`;
}

/** The flexible array's leaves, by element. */
function byElement(c: Case): [number, Case['leaves']][] {
  const out = new Map<number, Case['leaves']>();
  for (const l of c.leaves) if (l.leaf.flexIndex !== undefined) out.set(l.leaf.flexIndex, [...(out.get(l.leaf.flexIndex) ?? []), l]);
  return [...out];
}

/** Statements setting element `k` of the flexible array (`E` at `at`). */
function setElement(c: Case, k: number, at: string, leaves: Case['leaves']): string[] {
  const only = leaves[0];
  if (leaves.length === 1 && only && withinElement(c, only.leaf) === '') return [setStatement(`buf.at::<E>(${at})`, '', only.leaf, only.value)];
  return [`let e${k} = buf.at::<E>(${at});`, ...leaves.map(({ leaf, value }) => setStatement(`e${k}`, withinElement(c, leaf), leaf, value))];
}

/** The typed ops a vector goes through, and the checks: a plain record's vectors through every op taking it, a record with selected unions' through its ops when the vector is a typed value. */
function typedChecks(model: ReleaseModel, tags: TagLookup, c: Case, typed: readonly TypedOpUse[]): string[] {
  const union = c.vector.union.length > 0;
  return typed.flatMap((use) => {
    if (!use.selected) return union ? [] : typedOpCheck(use, c.vector.index);
    const members = typedMembers(model, tags, c);
    return members ? typedOpCheck(use, c.vector.index, members) : [];
  });
}

/** The statements of one vector: build and compare bytes, then decode and compare members. */
function vectorBlock(c: Case, checksOfTyped: string[]): string[] {
  const i = c.vector.index;
  const head = c.leaves.filter(({ leaf }) => leaf.flexIndex === undefined);
  const elements = byElement(c);
  const at = (k: number) => `core::mem::offset_of!(T, ${ident(c.shape.flex?.path ?? '')}) + ${k} * size_of::<E>()`;
  const build = c.leaves.length
    ? [
        `        let mut buf = Buf::new(${c.bytes.length});`,
        '        // SAFETY: `buf` is zeroed, 8-aligned and long enough (checked by `Buf::at`), all-zero bytes',
        '        // are a valid value of every xenabi type, each reference is dropped before the next is',
        '        // made, and writing union members of plain integers is sound.',
        '        unsafe {',
        ...(head.length ? ['            let v = buf.at::<T>(0);'] : []),
        ...head.map(({ leaf, value }) => `            ${setStatement('v', leaf.path, leaf, value)}`),
        ...elements.flatMap(([k, leaves]) => setElement(c, k, at(k), leaves).map((l) => `            ${l}`)),
        '        }',
      ]
    : [`        let buf = Buf::new(${c.bytes.length});`];
  const union = c.vector.union.length > 0;
  const zerocopy = union
    ? []
    : ['        #[cfg(feature = "zerocopy")]', `        r.bytes(${i}, "IntoBytes", zerocopy::IntoBytes::as_bytes(&read::<T>(buf.bytes())), &want[..size_of::<T>()]);`];
  const check = (source: string, path: string, leaf: Leaf, value: bigint, shown = leaf.path) =>
    `r.value(${i}, "${shown}", ${getExpression(source, path, leaf)}, ${rustLiteral(leaf, value)});`;
  const checks = [
    ...head.map(({ leaf, value }) => check('d', leaf.path, leaf, value)),
    ...elements.flatMap(([k, leaves]) => [`let d${k} = read::<E>(&want[${at(k)}..]);`, ...leaves.map(({ leaf, value }) => check(`d${k}`, withinElement(c, leaf), leaf, value))]),
  ];
  const decode = union
    ? ['        // SAFETY: reads union members of a value decoded from bytes; every member is plain integers.', '        unsafe {', ...checks.map((l) => `            ${l}`), '        }']
    : checks.map((l) => `        ${l}`);
  return [
    `    // #${i}${c.vector.union.length ? `: ${c.vector.union.join(', ')}` : ''}`,
    '    {',
    `        let want = hex(${hexLiteral(c.bytes)});`,
    ...build,
    `        r.bytes(${i}, "built", buf.bytes(), &want);`,
    ...zerocopy,
    ...checksOfTyped,
    ...(checks.length ? ['        let d = read::<T>(&want);', ...decode] : ['        let _ = read::<T>(&want);']),
    '    }',
  ];
}

/** One `#[test]` per record: all its vectors. */
function recordTest(model: ReleaseModel, tags: TagLookup, cases: readonly Case[], typed: ReadonlyMap<string, TypedOpUse[]>): string[] {
  const first = cases[0] as Case;
  const flex = first.shape.flex;
  return [
    '#[test]',
    `fn ${first.module.name}__${ident(first.record.name)}() {`,
    `    type T = ${recordPath(first.record)};`,
    ...(flex ? [`    type E = ${elementType(model, flex.element)};`] : []),
    `    let mut r = Report::new("${first.record.name}");`,
    `    assert_eq!(size_of::<T>(), ${first.size}, "size_of::<${recordName(first.record)}>()");`,
    ...cases.flatMap((c) => vectorBlock(c, typedChecks(model, tags, c, typed.get(c.record.name) ?? []))),
    '    r.finish();',
    '}',
    '',
  ];
}

const SUPPORT = `use core::fmt::Debug;
use core::mem::{align_of, size_of};

/// A zeroed, 8-aligned byte buffer that a vector is built in through typed references.
struct Buf {
    words: Vec<u64>,
    len: usize,
}

impl Buf {
    fn new(len: usize) -> Self {
        Buf { words: vec![0; len.div_ceil(8)], len }
    }

    /// A \`T\` at \`offset\`.
    ///
    /// # Safety
    ///
    /// \`T\` must be valid for whatever bytes are there (all xenabi types are plain integers,
    /// valid when zeroed), and the reference must be dropped before the buffer is used again.
    unsafe fn at<T>(&mut self, offset: usize) -> &mut T {
        assert!(offset + size_of::<T>() <= self.len, "a {}-byte value at {offset} overruns {} bytes", size_of::<T>(), self.len);
        assert!(align_of::<T>() <= 8 && offset % align_of::<T>() == 0, "misaligned value at {offset}");
        // SAFETY: in bounds and aligned (asserted above); validity is the caller's promise.
        unsafe { &mut *self.words.as_mut_ptr().cast::<u8>().add(offset).cast::<T>() }
    }

    fn bytes(&self) -> &[u8] {
        // SAFETY: the words are initialised, and any u64 is valid as bytes.
        unsafe { core::slice::from_raw_parts(self.words.as_ptr().cast::<u8>(), self.len) }
    }
}

/// A value decoded from the start of \`bytes\`, through zerocopy's \`FromBytes\`.
#[cfg(feature = "zerocopy")]
fn read<T: zerocopy::FromBytes>(bytes: &[u8]) -> T {
    T::read_from_prefix(bytes).expect("the vector is shorter than the type").0
}

/// A value decoded from the start of \`bytes\`.
#[cfg(not(feature = "zerocopy"))]
fn read<T: Copy>(bytes: &[u8]) -> T {
    assert!(bytes.len() >= size_of::<T>(), "the vector is shorter than the type");
    // SAFETY: in bounds (asserted); read_unaligned needs no alignment; every type read here is
    // a xenabi record or integer, made of plain integers only, so any bytes are a valid value.
    unsafe { core::ptr::read_unaligned(bytes.as_ptr().cast::<T>()) }
}

fn hex(text: &str) -> Vec<u8> {
    (0..text.len()).step_by(2).map(|i| u8::from_str_radix(&text[i..i + 2], 16).expect("hex")).collect()
}

fn to_hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// Every difference of one record's vectors, reported together at the end, one line each in a
/// form compat-tests/vectors/rust.test.ts reads back to name the member at each offset.
struct Report {
    record: &'static str,
    failures: Vec<String>,
}

impl Report {
    fn new(record: &'static str) -> Self {
        Report { record, failures: Vec::new() }
    }

    fn bytes(&mut self, index: usize, how: &str, got: &[u8], want: &[u8]) {
        if got != want {
            self.failures.push(format!("xenabi-vector-bytes record={} index={index} how={how} want={} got={}", self.record, to_hex(want), to_hex(got)));
        }
    }

    fn value<V: PartialEq + Debug>(&mut self, index: usize, member: &str, got: V, want: V) {
        if got != want {
            self.failures.push(format!("xenabi-vector-value record={} index={index} member={member} expected={want:?} got={got:?}", self.record));
        }
    }

    fn finish(self) {
        assert!(self.failures.is_empty(), "{} vector mismatches:\\n{}", self.record, self.failures.join("\\n"));
    }
}
`;

/** The directory of the per-module test files `tests/vectors.rs` declares as its modules. */
export const RUST_VECTORS_DIR = 'packages/rust-bindings/tests/vectors';

const GENERATED = [
  '// Generated by compat-tests/vectors/generate.ts from compat-tests/vectors/x86_64/*.json. Do not edit.',
  '// Regenerate with: npm run vectors',
  `// SPDX-License-Identifier: ${SPDX_LICENSE}`,
];

/**
 * Every Rust vector file, banner included: `tests/vectors.rs` (the helpers, and one `mod` per
 * ABI module) and `tests/vectors/<module>.rs` (that module's tests). One test crate, so cargo
 * builds it once; a file per module, so no file grows with the whole registry.
 */
export function rustVectorFiles(model: ReleaseModel, cases: readonly Case[]): { path: string; content: string }[] {
  const byModule = new Map<string, Map<string, Case[]>>();
  for (const c of cases) {
    const records = byModule.get(c.module.name) ?? new Map<string, Case[]>();
    records.set(c.record.name, [...(records.get(c.record.name) ?? []), c]);
    byModule.set(c.module.name, records);
  }
  const modules = [...byModule.keys()].sort();
  const typed = typedOpUses(model);
  const tags = tagLookup(model);
  const root = [
    ...GENERATED,
    '//! The shared test vectors of the host architecture (x86_64): every record built member by',
    '//! member must have the vector\'s bytes, and the vector\'s bytes must decode to its members.',
    '//! The same vectors are checked against the C headers, Xen\'s headers and the TypeScript',
    '//! bindings (compat-tests/vectors). They describe the newest release, so they need its cargo',
    '//! feature (on by default). The tests of each ABI module are in `vectors/<module>.rs`.',
    `#![cfg(all(target_arch = "x86_64", ${featurePredicate(model.release)}))]`,
    '#![allow(non_snake_case, clippy::identity_op, clippy::erasing_op, clippy::unreadable_literal)]',
    '',
    SUPPORT,
    // A crate root finds `mod m;` beside it (tests/m.rs), where cargo would take it for a test crate of its own.
    ...modules.map((m) => `#[path = "vectors/${m}.rs"]\nmod ${m};`),
    '',
  ];
  const moduleFile = (m: string) => [
    ...GENERATED,
    `//! The shared test vectors of the \`${m}\` module's records.`,
    '',
    'use super::*;',
    '',
    ...[...(byModule.get(m) ?? new Map<string, Case[]>()).values()].flatMap((list) => recordTest(model, tags, list, typed)),
  ];
  return [
    { path: RUST_VECTORS_PATH, content: root.join('\n') },
    ...modules.map((m) => ({ path: `${RUST_VECTORS_DIR}/${m}.rs`, content: moduleFile(m).join('\n') })),
  ];
}
