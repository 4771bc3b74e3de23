/**
 * Shared-memory rings, the transport of every paravirtual device protocol: a front end (in
 * the guest) puts requests on a page it shares with a back end (in a driver domain), which
 * answers each with a response in the same slot. Both sides advance free-running indices and
 * tell each other through an event channel only when the other side asked to be told.
 *
 * Each protocol declares its ring with the DSL's `ring()` (`blkif`, `netif_tx`, …); this
 * module holds what every ring shares, and its C header carries the ring macros
 * (`RING_PUSH_REQUESTS_AND_CHECK_NOTIFY` and friends) for includers without Xen's `ring.h`.
 */
import { abiModule, typedef, u32 } from 'xenabi/dsl';

export const RING_IDX = typedef('RING_IDX', u32, {
  since: '4.6',
  doc: 'A ring index: free-running, it only ever grows and wraps at 2^32; an entry is at the index masked by the ring size minus one.',
});

export default abiModule({
  name: 'ring',
  xenHeader: 'io/ring.h',
  xenGuard: '__XEN_PUBLIC_IO_RING_H__',
  coverage: 'full',
  doc: 'Shared-memory request/response rings: the index type, and in C the ring macros.',
  items: [RING_IDX],
});
