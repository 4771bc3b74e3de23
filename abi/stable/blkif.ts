/**
 * The paravirtual block device protocol: a front end in the guest asks a back end in a
 * driver domain (QEMU's xen-block, Linux's blkback) to read, write, flush or discard sectors
 * of a virtual disk. Requests and responses travel on the `blkif` ring; data pages are lent
 * to the back end with grant references, up to 11 per request, or many more through
 * indirect pages. The two ends agree on features through xenstore keys before connecting.
 */
import { abiModule, ARM, array, constant, field, flag, flagSet, i16, pad, ring, struct, typedef, u16, u64, u8, valueSet, X86 } from 'xenabi/dsl';
import { grant_ref_t } from './grant_table.ts';
import { RING_IDX } from './ring.ts';

const WIDE = ['x86_64', ...ARM] as const;

export const blkif_vdev_t = typedef('blkif_vdev_t', u16, {
  since: '4.6',
  doc: 'A virtual device number, as the disk is known to the guest. Xen spells it as a macro that an includer may define first.',
});

export const blkif_sector_t = typedef('blkif_sector_t', u64, {
  since: '4.6',
  doc: 'A sector number: the disk is addressed in 512-byte sectors, whatever its own sector size. Xen spells it as a macro.',
});

const BLKIF_OP = valueSet('BLKIF_OP', {
  since: '4.6',
  field: 'blkif_request.operation',
  doc: 'What a request asks the back end to do.',
  values: [
    constant('BLKIF_OP_READ', 0, { since: '4.6', doc: 'Read sectors into the granted pages.' }),
    constant('BLKIF_OP_WRITE', 1, { since: '4.6', doc: 'Write the granted pages to sectors.' }),
    constant('BLKIF_OP_WRITE_BARRIER', 2, { since: '4.6', doc: 'A write ordered after every earlier request (feature-barrier); superseded by flushes.' }),
    constant('BLKIF_OP_FLUSH_DISKCACHE', 3, { since: '4.6', doc: 'Make every completed write durable (feature-flush-cache); may carry data like a write.' }),
    constant('BLKIF_OP_RESERVED_1', 4, { since: '4.6', doc: 'Taken by an old out-of-tree extension; never to be used.' }),
    constant('BLKIF_OP_DISCARD', 5, { since: '4.6', doc: 'Tell the back end a range of sectors is unused (feature-discard); the request is a blkif_request_discard.' }),
    constant('BLKIF_OP_INDIRECT', 6, { since: '4.6', doc: 'A read or write whose segments are listed in granted indirect pages (feature-max-indirect-segments); the request is a blkif_request_indirect.' }),
  ],
});

export const BLKIF_MAX_SEGMENTS_PER_REQUEST = constant('BLKIF_MAX_SEGMENTS_PER_REQUEST', 11, {
  since: '4.6',
  doc: 'Most segments a direct read or write request carries: what fits a ring entry.',
});

export const BLKIF_MAX_INDIRECT_PAGES_PER_REQUEST = constant('BLKIF_MAX_INDIRECT_PAGES_PER_REQUEST', 8, {
  since: '4.6',
  doc: 'Most indirect pages an indirect request grants; each holds an array of blkif_request_segment.',
});

export const blkif_request_segment = struct('blkif_request_segment', {
  since: '4.6',
  doc: 'One granted page of a read or write, and the sectors of it the request covers.',
  fields: [
    field('gref', grant_ref_t, { doc: 'The grant of the page the data goes to or comes from.' }),
    field('first_sect', u8, { doc: 'First 512-byte sector of the page that takes part (0 to 7).' }),
    field('last_sect', u8, { doc: 'Last sector of the page that takes part, inclusive.' }),
  ],
  holes: [{ after: 'last_sect', archs: [...X86, ...ARM], reason: 'tail padding to the 4-byte alignment of gref' }],
});

export const blkif_request = struct('blkif_request', {
  typedef: 'blkif_request_t',
  since: '4.6',
  doc: 'A request of the block protocol: a read, write, barrier or flush with up to 11 segments.',
  fields: [
    field('operation', u8, { doc: 'A BLKIF_OP_* value.' }),
    field('nr_segments', u8, { doc: 'Segments used in seg; 0 for a flush without data.' }),
    field('handle', blkif_vdev_t, { doc: 'The virtual device; reads and writes only.' }),
    field('id', u64, { doc: 'The front end\'s own tag; the response carries it back.' }),
    field('sector_number', blkif_sector_t, { doc: 'First sector on the disk; reads and writes only.' }),
    field('seg', array(blkif_request_segment, 11, BLKIF_MAX_SEGMENTS_PER_REQUEST), { doc: 'The data pages, in disk order.' }),
  ],
  holes: [{ after: 'handle', archs: [...WIDE], reason: 'id is 8-byte aligned everywhere but on x86_32' }],
});

const BLKIF_DISCARD = flagSet('BLKIF_DISCARD', {
  since: '4.6',
  field: 'blkif_request_discard.flag',
  doc: 'Options of a discard request.',
  flags: [flag('BLKIF_DISCARD_SECURE', 0, { since: '4.6', cType: 'int', doc: 'Erase the range so that it cannot be read back (only if the back end offers discard-secure).' })],
});

export const blkif_request_discard = struct('blkif_request_discard', {
  typedef: 'blkif_request_discard_t',
  since: '4.6',
  doc: 'A discard request (BLKIF_OP_DISCARD), laid over a ring entry: a range of sectors the front end no longer needs.',
  fields: [
    field('operation', u8, { doc: 'BLKIF_OP_DISCARD.' }),
    field('flag', u8, { doc: 'BLKIF_DISCARD_SECURE or 0.' }),
    field('handle', blkif_vdev_t, { doc: 'The virtual device.' }),
    field('id', u64, { doc: 'The front end\'s own tag; the response carries it back.' }),
    field('sector_number', blkif_sector_t, { doc: 'First sector of the range.' }),
    field('nr_sectors', u64, { doc: 'Sectors in the range.' }),
  ],
  holes: [{ after: 'handle', archs: [...WIDE], reason: 'id is 8-byte aligned everywhere but on x86_32' }],
});

export const blkif_request_indirect = struct('blkif_request_indirect', {
  typedef: 'blkif_request_indirect_t',
  since: '4.6',
  doc: 'An indirect read or write (BLKIF_OP_INDIRECT), laid over a ring entry: the segments are in granted pages, so one request can move far more data.',
  fields: [
    field('operation', u8, { doc: 'BLKIF_OP_INDIRECT.' }),
    field('indirect_op', u8, { doc: 'BLKIF_OP_READ or BLKIF_OP_WRITE: what to do with the segments.' }),
    field('nr_segments', u16, { doc: 'Segments listed across the indirect pages.' }),
    field('id', u64, { doc: 'The front end\'s own tag; the response carries it back.' }),
    field('sector_number', blkif_sector_t, { doc: 'First sector on the disk.' }),
    field('handle', blkif_vdev_t, { doc: 'The virtual device.' }),
    field('indirect_grefs', array(grant_ref_t, 8, BLKIF_MAX_INDIRECT_PAGES_PER_REQUEST), { doc: 'Grants of the pages that list the segments, each page an array of blkif_request_segment.' }),
    pad('pad', u64, { archs: ['x86_32'], doc: 'Zero; gives x86_32 the 64-byte size the other architectures reach by alignment.' }),
  ],
  holes: [
    { after: 'nr_segments', archs: [...WIDE], reason: 'id is 8-byte aligned everywhere but on x86_32' },
    { after: 'handle', archs: [...X86, ...ARM], reason: 'indirect_grefs is 4-byte aligned' },
    { after: 'indirect_grefs', archs: [...WIDE], reason: 'tail padding to the 8-byte alignment of id' },
  ],
});

export const blkif_response = struct('blkif_response', {
  typedef: 'blkif_response_t',
  since: '4.6',
  doc: 'The answer to one request, written by the back end into the request\'s ring slot.',
  fields: [
    field('id', u64, { doc: 'The id of the request answered.' }),
    field('operation', u8, { doc: 'The operation of the request answered.' }),
    field('status', i16, { doc: 'A BLKIF_RSP_* value.' }),
  ],
  holes: [
    { after: 'operation', archs: [...X86, ...ARM], reason: 'status is 2-byte aligned' },
    { after: 'status', archs: [...WIDE], reason: 'tail padding to the 8-byte alignment of id' },
  ],
});

const BLKIF_RSP = valueSet('BLKIF_RSP', {
  since: '4.6',
  field: 'blkif_response.status',
  doc: 'How a request ended.',
  values: [
    constant('BLKIF_RSP_EOPNOTSUPP', -2, { since: '4.6', doc: 'The back end does not support the operation (a barrier it cannot honour).' }),
    constant('BLKIF_RSP_ERROR', -1, { since: '4.6', doc: 'The request failed.' }),
    constant('BLKIF_RSP_OKAY', 0, { since: '4.6', doc: 'The request succeeded.' }),
  ],
});

export const [blkif_sring_entry, blkif_sring] = ring('blkif', {
  index: RING_IDX,
  request: blkif_request,
  response: blkif_response,
  since: '4.6',
  doc: 'The block device ring: the front end queues blkif requests, the back end answers each in its slot.',
});

const VDISK = flagSet('VDISK', {
  since: '4.6',
  doc: 'What kind of disk the back end offers, in the xenstore key info of the back end\'s directory.',
  flags: [
    flag('VDISK_CDROM', 0, { since: '4.6', spelling: 'hex', doc: 'A CD-ROM drive.' }),
    flag('VDISK_REMOVABLE', 1, { since: '4.6', spelling: 'hex', doc: 'Removable media.' }),
    flag('VDISK_READONLY', 2, { since: '4.6', spelling: 'hex', doc: 'Writes are refused.' }),
  ],
});

export default abiModule({
  name: 'blkif',
  xenHeader: 'io/blkif.h',
  xenGuard: '__XEN_PUBLIC_IO_BLKIF_H__',
  coverage: 'full',
  doc: 'The paravirtual block device protocol: requests, responses, the blkif ring and the disk flags.',
  items: [
    blkif_vdev_t,
    blkif_sector_t,
    BLKIF_OP,
    BLKIF_MAX_SEGMENTS_PER_REQUEST,
    BLKIF_MAX_INDIRECT_PAGES_PER_REQUEST,
    blkif_request_segment,
    blkif_request,
    BLKIF_DISCARD,
    blkif_request_discard,
    blkif_request_indirect,
    blkif_response,
    BLKIF_RSP,
    blkif_sring_entry,
    blkif_sring,
    VDISK,
  ],
});
