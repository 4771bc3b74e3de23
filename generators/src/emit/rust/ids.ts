/**
 * `xenabi::ids`: newtypes for the numbers the ABI passes around under one integer type but with
 * different meanings (domain ids, event channel ports, ioreq servers, grant references, frame
 * numbers), so a port cannot be passed where a domain id is meant. Each wraps the integer its
 * Xen typedef names in the model (a newtype whose typedef the release lacks is not declared),
 * and takes its named values from the model's value set (`DOMID_SELF` is `DomId::SELF`). The
 * records keep Xen's plain integers: convert with `From`, both ways.
 */
import { ARCHES } from '../../model/arch.js';
import type { RustContext } from './context.js';
import { cfgIn, itemPresence } from './context.js';
import { integerTypeOf } from './constants.js';
import { code, docLines, ident, integerLiteral, modulePath } from './names.js';
import { presence } from './releases.js';

interface NewtypeSpec {
  name: string;
  doc: string;
  /** The Xen typedef whose integer it wraps; absent for frame numbers, which Xen's ABI carries in several widths. */
  typedef?: string;
  /** The value set whose members become associated constants, with the prefix they lose. */
  values?: { set: string; prefix: string };
}

const NEWTYPES: readonly NewtypeSpec[] = [
  { name: 'DomId', typedef: 'domid_t', values: { set: 'DOMID', prefix: 'DOMID_' }, doc: 'A domain id (`domid_t`); the reserved ids are associated constants.' },
  { name: 'EvtchnPort', typedef: 'evtchn_port_t', doc: 'An event channel port of one domain (`evtchn_port_t`).' },
  { name: 'IoServId', typedef: 'ioservid_t', doc: 'An ioreq server of one domain (`ioservid_t`).' },
  { name: 'GrantRef', typedef: 'grant_ref_t', doc: 'A grant reference: an entry of a domain\'s grant table (`grant_ref_t`).' },
  { name: 'Gfn', doc: 'A guest frame number: a page of a guest\'s physical address space, as Xen\'s `gfn_t` counts them.' },
  { name: 'Mfn', doc: 'A machine frame number: a page of host memory, as Xen\'s `mfn_t` counts them.' },
  { name: 'Pfn', doc: 'A pseudo-physical frame number of a PV guest, as Xen\'s `pfn_t` counts them (`xen_pfn_t` carries them).' },
];

export interface NewtypeView {
  docs: string[];
  name: string;
  int: string;
  consts: { docs: string[]; cfg: string; name: string; value: string; /** The Xen constant, as the tests reach it. */ path: string }[];
}

export function idsView(ctx: RustContext): { newtypes: NewtypeView[] } {
  return { newtypes: NEWTYPES.flatMap((spec) => newtype(ctx, spec)) };
}

function newtype(ctx: RustContext, spec: NewtypeSpec): NewtypeView[] {
  const alias = spec.typedef === undefined ? undefined : ctx.aliases.get(spec.typedef);
  if (spec.typedef !== undefined && !alias) return [];
  const int = alias ? integerTypeOf(alias.type, ctx)?.primitive : 'u64';
  if (!int) throw new Error(`rust emitter: ${spec.typedef} is not an integer, so ${spec.name} cannot wrap it`);
  return [{ docs: docLines(spec.doc), name: spec.name, int, consts: constsOf(ctx, spec) }];
}

function constsOf(ctx: RustContext, spec: NewtypeSpec): NewtypeView['consts'] {
  const set = spec.values ? ctx.model.sets.find((s) => s.name === spec.values!.set) : undefined;
  const everywhere = presence(ARCHES, ctx.releases.known);
  return (set?.values ?? []).flatMap((name) => {
    const c = ctx.constants.get(name);
    if (!c || c.values || !name.startsWith(spec.values!.prefix)) return [];
    return [{ docs: docLines(c.doc ? `${code(name)}: ${c.doc}` : `${code(name)}.`), cfg: cfgIn(ctx, itemPresence(ctx, c), everywhere), name: name.slice(spec.values!.prefix.length), value: integerLiteral(BigInt(c.value), c.spelling), path: `${modulePath(c.namespace, c.module).replace(/^crate::/, 'xenabi::')}::${ident(name)}` }];
  });
}
