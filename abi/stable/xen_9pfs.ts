/**
 * The 9pfs transport: a guest mounts a file system a back end (QEMU's xen-9pfs) exports, and
 * the two exchange 9P messages as bytes over one or more data channels. Each channel is an
 * interface page holding the indices of two byte rings and the grants of the 2^ring_order
 * pages that hold them, the `in` half for replies to the guest and the `out` half for its
 * requests. Xen's header is nothing but one use of ring.h's flexible-ring macro; the inline
 * functions that macro also defines are code, not ABI, and are not declared. The module is
 * named xen_9pfs because a module name cannot start with a digit; its header mirrors Xen's
 * io/9pfs.h.
 */
import { abiModule, array, c_uchar, field, flex, pad, ptr, struct, u8 } from 'xenabi/dsl';
import { grant_ref_t } from './grant_table.ts';
import { RING_IDX } from './ring.ts';

export const xen_9pfs_data_intf = struct('xen_9pfs_data_intf', {
  since: '4.9',
  doc: 'The interface page of one data channel: the indices of its two byte rings, each pair on a 64-byte line of its own, and the grants of the pages that hold the rings.',
  fields: [
    field('in_cons', RING_IDX, { doc: 'How far the front end has read the in ring.' }),
    field('in_prod', RING_IDX, { doc: 'How far the back end has written the in ring.' }),
    pad('pad1', array(u8, 56), { doc: 'Zero; keeps the out indices on their own cache line.' }),
    field('out_cons', RING_IDX, { doc: 'How far the back end has read the out ring.' }),
    field('out_prod', RING_IDX, { doc: 'How far the front end has written the out ring.' }),
    pad('pad2', array(u8, 56), { doc: 'Zero; keeps ring_order on its own cache line.' }),
    field('ring_order', RING_IDX, { doc: 'The rings take 2^ring_order pages, half each: the in ring first, then the out ring.' }),
    flex('ref', grant_ref_t, { doc: 'The grants of those pages, 2^ring_order of them.' }),
  ],
});

export const xen_9pfs_data = struct('xen_9pfs_data', {
  since: '4.9',
  doc: 'Where a mapped data channel\'s two rings are in the mapper\'s memory: local pointers, never shared.',
  fields: [
    field('in', ptr(c_uchar), { doc: 'The in ring: the first half of the mapped pages.' }),
    field('out', ptr(c_uchar), { doc: 'The out ring: the second half.' }),
  ],
});

export default abiModule({
  name: 'xen_9pfs',
  xenHeader: 'io/9pfs.h',
  xenGuard: '__XEN_PUBLIC_IO_9PFS_H__',
  coverage: 'full',
  doc: 'The 9pfs transport: the interface page of a data channel and its two byte rings.',
  items: [xen_9pfs_data_intf, xen_9pfs_data],
});
