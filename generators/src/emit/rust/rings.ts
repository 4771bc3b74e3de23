/**
 * Rust for the PV ring construct: `src/ring.rs`, the ring runtime (`runtime/ring.rs`:
 * `FrontRing`, `BackRing`, `SharedMemory`, the `Protocol` trait) followed by one `Protocol`
 * impl per ring of the registry, on its shared page's record (`blkif_sring`), with the entries'
 * place on the page from the layout engine.
 */
import { readFileSync } from 'node:fs';
import { ARCHES } from '../../model/arch.js';
import type { RecordDecl } from '../../model/types.js';
import type { RustContext } from './context.js';
import { featurePredicate, recordName } from './names.js';

const RUNTIME_SOURCE = new URL('runtime/ring.rs', import.meta.url.replace('/dist/', '/src/'));

/** Where the ring runtime comes from, for the generated file's banner. */
export const RING_ORIGIN = 'generators/src/emit/rust/runtime/ring.rs';

/** The records of `ctx` that are ring pages. */
export function ringRecords(ctx: RustContext): RecordDecl[] {
  return [...ctx.records.values()].filter((r) => r.ring);
}

/** The content of `src/ring.rs`: the runtime and the registry's protocols. */
export function ringFile(ctx: RustContext): string {
  const impls = ringRecords(ctx).flatMap((r) => ['', ...protocolImpl(ctx, r)]);
  return [readFileSync(RUNTIME_SOURCE, 'utf8').trimEnd(), '', '// ---- The rings of the registry ----', ...impls, ''].join('\n');
}

function protocolImpl(ctx: RustContext, r: RecordDecl): string[] {
  const ring = r.ring!;
  const path = (record: string) => `crate::${r.namespace}::${r.module}::${recordName(ctx.records.get(record) ?? { name: record })}`;
  const offsets = new Set(ARCHES.map((a) => ctx.layouts.get(a)!.ring(r.name).entriesOffset));
  if (offsets.size !== 1) throw new Error(`rust emitter: ring ${ring.name} starts its entries at different offsets per architecture; not supported yet`);
  const offset = [...offsets][0];
  return [
    `/// The ${ring.name} ring: requests \`${ring.request}\`, responses \`${ring.response}\`.`,
    `#[cfg(${featurePredicate(r.since)})]`,
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
