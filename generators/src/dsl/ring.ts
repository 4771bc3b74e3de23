/**
 * The PV ring construct: one call declares what Xen's `DEFINE_RING_TYPES(name, request,
 * response)` declares, as ordinary records every pass, the layout engine and every emitter
 * already understand: the entry union, and the head of the shared page marked as a ring
 * (`RecordDecl.ring`). The entries that follow the head are not a member of the record:
 * Xen declares them with one element before 4.19 and as a flexible array since (for guests of
 * interface 0x00041300 on), so `sizeof` of Xen's page struct depends on the includer while the
 * bytes on the page never changed. The layout engine places the entries (`ArchLayout.ring`);
 * the emitters add the entries member (C), the front and back ring state and the
 * producer/consumer accessors.
 *
 * ```ts
 * const [blkif_sring_entry, blkif_sring] = ring('blkif', {
 *   index: RING_IDX, request: blkif_request, response: blkif_response, since: '4.6',
 *   doc: 'The block device ring: …',
 * });
 * ```
 */
import type { ByteRingInfo, XenRelease } from '../model/types.js';
import type { AliasDef, ConstantDef, ItemOptions, RecordDef } from './defs.js';
import { callerLocation } from './location.js';
import { array, field, inlineStruct, inlineUnion, pad, struct, u8, union } from './index.js';

/** Bytes of one Xen page: every ring Xen declares is laid out in one. */
export const XEN_RING_PAGE_SIZE = 4096;

interface RingOptions {
  /** Xen's `RING_IDX`, declared by the `ring` module. */
  index: AliasDef;
  request: RecordDef;
  response: RecordDef;
  since: XenRelease;
  until?: XenRelease;
  /** What the protocol carries; the generated records' docs start with it. */
  doc: string;
  /** Bytes of shared memory the ring lives in; one Xen page unless the protocol says otherwise. */
  pageSize?: number;
}

/** The entry union and the shared page of ring `name`, in that order, to spread into a module's items. */
export function ring(name: string, options: RingOptions): [RecordDef, RecordDef] {
  const { index, request, response, since, until, doc } = options;
  const lifetime = { since, ...(until ? { until } : {}) };
  const entry = union(`${name}_sring_entry`, {
    ...lifetime,
    doc: `One slot of the ${name} ring: a request while the front end owns it, the response once the back end has answered.`,
    fields: [field('req', request, { doc: 'The request the front end wrote.' }), field('rsp', response, { doc: 'The response the back end wrote over it.' })],
  });
  const sring = struct(`${name}_sring`, {
    typedef: `${name}_sring_t`,
    ...lifetime,
    doc: `${doc} This is the head of the page both ends share: four free-running indices and padding to 64 bytes; the entries follow, as many as fit the page, rounded down to a power of two.`,
    fields: [
      field('req_prod', index, { doc: 'Requests the front end has published; only the front end writes it.' }),
      field('req_event', index, { doc: 'The back end wants an event when req_prod passes this index.' }),
      field('rsp_prod', index, { doc: 'Responses the back end has published; only the back end writes it.' }),
      field('rsp_event', index, { doc: 'The front end wants an event when rsp_prod passes this index.' }),
      field('pvt', privateUnion(), { doc: 'Four bytes some protocols use for their own flags; zero otherwise.' }),
      pad('__pad', array(u8, 44), { doc: 'Zero; keeps the entries at byte 64.' }),
    ],
  });
  return [entry, { ...sring, ring: { name, request: nameOf(request), response: nameOf(response), entry: nameOf(entry), entries: 'ring', pageSize: options.pageSize ?? XEN_RING_PAGE_SIZE } }];
}

function privateUnion(): RecordDef {
  return inlineUnion({
    doc: 'Protocol-private bytes of the shared page.',
    fields: [
      field('netif', inlineStruct({ fields: [field('smartpoll_active', u8, { doc: 'Non-zero while the netif back end polls the ring.' })] }), { doc: 'Used by the network protocol.' }),
      field('tapif_user', inlineStruct({ fields: [field('msg', u8, { doc: 'A message code of the blktap user interface.' })] }), { doc: 'Used by blktap.' }),
      field('pvt_pad', array(u8, 4), { doc: 'The four bytes as an array.' }),
    ],
  });
}

function nameOf(def: RecordDef): string {
  return def.name ?? def.typedef ?? '?';
}

/**
 * A byte ring of a shared record, for its `byteRings`: the array `data`, read up to member
 * `cons` and written up to member `prod` by the `producer` end.
 */
export function byteRing(data: string, options: Omit<ByteRingInfo, 'data'>): ByteRingInfo {
  return { data, ...options };
}

/**
 * A constant holding how many entries of a ring fit its page, as Xen's
 * `__CONST_RING_SIZE(name, size)` computes it (`USB_URB_RING_SIZE`). The layout engine computes
 * the value, per architecture; its C type is `size_t`'s, `unsigned long` on Xen's targets.
 */
export function ringEntries(name: string, sring: RecordDef, options: ItemOptions): ConstantDef {
  return { kind: 'constantDef', name, value: 0n, cType: 'unsigned long', ...options, ringEntries: nameOf(sring), loc: callerLocation() };
}
