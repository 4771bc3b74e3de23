/**
 * TypeScript for the PV ring construct: per ring, a `RingProtocol` object (`blkif_ring`) that
 * ties the request and response codecs to where the layout engine puts the entries on each
 * architecture; `FrontRing` and `BackRing` of the ring runtime (`runtime/ring.ts`, shipped as
 * `src/ring.ts`) drive a page with it.
 */
import { ARCHES } from '../../model/arch.js';
import type { ReleaseModel } from '../../select/release.js';
import type { TsNames } from './names.js';
import type { Variants } from './variants.js';
import { doc, RUNTIME, type Decl, type Imports } from './view-model.js';

/** Where the ring runtime is in the package. */
export const RING_RUNTIME = 'src/ring.ts';

/** The runtime's exports the package root re-exports. */
export const RING_VALUES = ['FrontRing', 'BackRing', 'ByteRingWriter', 'ByteRingReader'];
export const RING_TYPES = ['RingProtocol', 'RingOptions', 'ByteRingLayout'];

/** Whether the model declares a ring, so the package ships the ring runtime. */
export function hasRings(model: Pick<ReleaseModel, 'records'>): boolean {
  return model.records.some((r) => r.ring || r.byteRings?.length);
}

/** The protocol object of ring record `record`; nothing for other records. */
export function ringDecls(variants: Variants, names: TsNames, imports: Imports, record: string): Decl[] {
  const ring = variants.decl(record).ring;
  if (!ring) return byteRingDecls(variants, names, imports, record);
  imports.type(RING_RUNTIME, 'RingProtocol');
  const layouts = ARCHES.map((a) => [a, variants.layouts.get(a)!.ring(record)] as const);
  const perArch = (pick: (l: (typeof layouts)[number][1]) => number) => `{ ${layouts.map(([a, l]) => `${a}: ${pick(l)}`).join(', ')} }`;
  const request = names.record(ring.request);
  const response = names.record(ring.response);
  const init = [
    '{',
    `  name: '${ring.name}',`,
    `  request: ${request},`,
    `  response: ${response},`,
    `  entriesOffset: ${perArch((l) => l.entriesOffset)},`,
    `  entrySize: ${perArch((l) => l.entrySize)},`,
    `  entries: ${perArch((l) => l.entries)},`,
    `  pageSize: ${ring.pageSize},`,
    '}',
  ].join('\n');
  const counts = [...new Set(layouts.map(([, l]) => l.entries))].join(' or ');
  return [
    {
      kind: 'const',
      name: `${ring.name}_ring`,
      type: `RingProtocol<${request}, ${response}>`,
      init,
      exported: true,
      doc: doc(`The ${ring.name} ring: ${counts} entries of ${request} or ${response} on a ${ring.pageSize}-byte page. Drive it with \`FrontRing.init(${ring.name}_ring, page, { arch })\` and \`BackRing.attach(${ring.name}_ring, page, { arch })\`.`),
    },
  ];
}


/** Per byte ring of `record`, where it lies on each architecture: `xencons_interface_out_ring`. */
function byteRingDecls(variants: Variants, names: TsNames, imports: Imports, record: string): Decl[] {
  const rings = variants.decl(record).byteRings ?? [];
  if (rings.length === 0) return [];
  imports.type(RING_RUNTIME, 'ByteRingLayout');
  imports.type(RUNTIME, 'Arch');
  const perArch = ARCHES.map((a) => [a, variants.layouts.get(a)!.byteRings(record)] as const);
  const id = names.record(record);
  return rings.map((b, i) => ({
    kind: 'const' as const,
    name: `${id}_${b.data}_ring`,
    type: 'Readonly<Record<Arch, ByteRingLayout>>',
    init: ['{', ...perArch.map(([a, l]) => `  ${a}: { data: ${l[i]!.data}, size: ${l[i]!.size}, cons: ${l[i]!.cons}, prod: ${l[i]!.prod} },`), '}'].join('\n'),
    exported: true,
    doc: doc(`Where the \`${b.data}\` byte ring of \`${id}\` lies on each architecture; the ${b.producer} end writes it. Read it with \`new ByteRingReader(page, ${id}_${b.data}_ring[arch])\`, write it with \`new ByteRingWriter(…)\`.`),
  }));
}
