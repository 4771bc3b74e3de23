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
import { doc, type Decl, type Imports } from './view-model.js';

/** Where the ring runtime is in the package. */
export const RING_RUNTIME = 'src/ring.ts';

/** The runtime's exports the package root re-exports. */
export const RING_VALUES = ['FrontRing', 'BackRing'];
export const RING_TYPES = ['RingProtocol', 'RingOptions'];

/** Whether the model declares a ring, so the package ships the ring runtime. */
export function hasRings(model: Pick<ReleaseModel, 'records'>): boolean {
  return model.records.some((r) => r.ring);
}

/** The protocol object of ring record `record`; nothing for other records. */
export function ringDecls(variants: Variants, names: TsNames, imports: Imports, record: string): Decl[] {
  const ring = variants.decl(record).ring;
  if (!ring) return [];
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

