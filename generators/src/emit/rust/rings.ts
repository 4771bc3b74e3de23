/**
 * Rust for the PV ring construct: `src/ring.rs`, the ring runtime (`runtime/ring.rs`:
 * `FrontRing`, `BackRing`, `SharedMemory`, the `Protocol` trait, the byte ring reader and
 * writer) followed by one `Protocol` impl per ring of the registry, on its shared page's
 * record (`blkif_sring`), and the `ByteRingLayout` constants of each record with byte rings
 * (`xencons_interface::OUT_RING`), with every offset from the layout engine.
 */
import { readFileSync } from 'node:fs';
import { ARCHES } from '../../model/arch.js';
import type { RecordDecl } from '../../model/types.js';
import type { RustContext } from './context.js';
import { featurePredicate, recordName } from './names.js';

const RUNTIME_SOURCE = new URL('runtime/ring.rs', import.meta.url.replace('/dist/', '/src/'));

/** Where the ring runtime comes from, for the generated file's banner. */
export const RING_ORIGIN = 'generators/src/emit/rust/runtime/ring.rs';

/** The records of `ctx` that are ring pages or hold byte rings. */
export function ringRecords(ctx: RustContext): RecordDecl[] {
  return [...ctx.records.values()].filter((r) => r.ring || r.byteRings?.length);
}

/** The content of `src/ring.rs`: the runtime and the registry's protocols. */
export function ringFile(ctx: RustContext): string {
  const impls = ringRecords(ctx).flatMap((r) => ['', ...(r.ring ? protocolImpl(ctx, r) : byteRingImpl(ctx, r))]);
  return [readFileSync(RUNTIME_SOURCE, 'utf8').trimEnd(), '', '// ---- The rings of the registry ----', ...impls, ''].join('\n');
}

/** One `ByteRingLayout` constant per byte ring of `r`, named after its array (`OUT_RING`). */
function byteRingImpl(ctx: RustContext, r: RecordDecl): string[] {
  const per = ARCHES.map((a) => JSON.stringify(ctx.layouts.get(a)!.byteRings(r.name)));
  if (new Set(per).size !== 1) throw new Error(`rust emitter: the byte rings of ${r.name} lie differently per architecture; not supported yet`);
  const layouts = ctx.layouts.get(ARCHES[0]!)!.byteRings(r.name);
  const rings = r.byteRings ?? [];
  return [
    `#[cfg(${ringGate(ctx, r)})]`,
    `impl ${recordPath(ctx, r, r.name)} {`,
    ...layouts.flatMap((l, i) => [
      ...(i > 0 ? [''] : []),
      `    /// Where the \`${l.name}\` byte ring lies in the record; the ${rings[i]?.producer} end writes it.`,
      `    pub const ${l.name.toUpperCase()}_RING: ByteRingLayout = ByteRingLayout { data: ${l.data}, size: ${l.size}, cons: ${l.cons}, prod: ${l.prod} };`,
    ]),
    '}',
  ];
}

/**
 * The feature a ring's impl needs: its page's first release, or, for an unstable module (which
 * the crate declares under the newest release's feature only), that feature.
 */
function ringGate(ctx: RustContext, r: RecordDecl): string {
  return featurePredicate(r.namespace === 'unstable' ? ctx.model.release : r.since);
}

function recordPath(ctx: RustContext, home: RecordDecl, record: string): string {
  return `crate::${home.namespace}::${home.module}::${recordName(ctx.records.get(record) ?? { name: record })}`;
}

function protocolImpl(ctx: RustContext, r: RecordDecl): string[] {
  const ring = r.ring!;
  const path = (record: string) => recordPath(ctx, r, record);
  const offsets = new Set(ARCHES.map((a) => ctx.layouts.get(a)!.ring(r.name).entriesOffset));
  if (offsets.size !== 1) throw new Error(`rust emitter: ring ${ring.name} starts its entries at different offsets per architecture; not supported yet`);
  const offset = [...offsets][0];
  return [
    `/// The ${ring.name} ring: requests \`${ring.request}\`, responses \`${ring.response}\`.`,
    `#[cfg(${ringGate(ctx, r)})]`,
    '// SAFETY: both records hold integers only, and the layout engine placed the entries at',
    '// ENTRIES_OFFSET; ENTRY_SIZE is the entry union\'s size, which tests/layout.rs asserts.',
    `unsafe impl Protocol for ${path(r.name)} {`,
    `    type Request = ${path(ring.request)};`,
    `    type Response = ${path(ring.response)};`,
    `    const ENTRIES_OFFSET: usize = ${offset};`,
    `    const ENTRY_SIZE: usize = core::mem::size_of::<${path(ring.entry)}>();`,
    '}',
  ];
}
