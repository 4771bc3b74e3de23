/**
 * `/dev/xen/gntdev`: map other domains' grants into a process, and copy through grants. A
 * map ioctl reserves an offset in the device for a list of grants; `mmap` of the device at
 * that offset then maps them, and unmapping happens when the mapping goes away and the
 * grants are released with the unmap ioctl. Newer kernels add grant copies and the
 * exchange of grants with dma-bufs. Every ioctl uses direction `_IOC_NONE` with the
 * argument's size; only the grant copy's argument holds a pointer, so only its number
 * differs between 32- and 64-bit builds.
 */
import { abiModule, array, constant, field, flag, flagSet, i16, inlineStruct, inlineUnion, ioctl, ptr, struct, u16, u32, u64, valueSet } from 'xenabi/dsl';
import { grant_ref_t } from '../stable/grant_table.ts';
import { domid_t } from '../stable/xen.ts';

const WIDE = ['x86_64', 'arm64'] as const;
const ALL = ['x86_32', 'x86_64', 'arm32', 'arm64'] as const;

export const ioctl_gntdev_grant_ref = struct('ioctl_gntdev_grant_ref', {
  linuxSince: '2.6.38',
  doc: 'One grant to map: the granting domain and the grant reference it gave.',
  fields: [
    field('domid', u32, { doc: 'The granting domain.' }),
    field('ref', u32, { doc: 'The grant reference in that domain\'s table.' }),
  ],
});

export const ioctl_gntdev_map_grant_ref = struct('ioctl_gntdev_map_grant_ref', {
  linuxSince: '2.6.38',
  doc: 'Argument of IOCTL_GNTDEV_MAP_GRANT_REF: reserve an offset in the device for `count` grants, to be mapped by `mmap` at that offset. The record is followed by `count - 1` more `refs`; pass a buffer that large.',
  fields: [
    field('count', u32, { doc: 'IN: how many grants follow.' }),
    field('pad', u32, { doc: 'Unused.' }),
    field('index', u64, { doc: 'OUT: the offset to pass to `mmap`.' }),
    field('refs', array(ioctl_gntdev_grant_ref, 1), { doc: 'IN: the first of `count` grants; the others follow the record.' }),
  ],
});

export const ioctl_gntdev_unmap_grant_ref = struct('ioctl_gntdev_unmap_grant_ref', {
  linuxSince: '2.6.38',
  doc: 'Argument of IOCTL_GNTDEV_UNMAP_GRANT_REF: release grants reserved by a map ioctl; they are unmapped when no mapping uses them any more.',
  fields: [
    field('index', u64, { doc: 'The offset the map ioctl returned.' }),
    field('count', u32, { doc: 'How many pages to release.' }),
    field('pad', u32, { doc: 'Unused.' }),
  ],
});

export const ioctl_gntdev_get_offset_for_vaddr = struct('ioctl_gntdev_get_offset_for_vaddr', {
  linuxSince: '2.6.38',
  doc: 'Argument of IOCTL_GNTDEV_GET_OFFSET_FOR_VADDR: find the device offset and page count behind an address the process mapped.',
  fields: [
    field('vaddr', u64, { doc: 'IN: the start of a mapping of the device.' }),
    field('offset', u64, { doc: 'OUT: the offset it was mapped at.' }),
    field('count', u32, { doc: 'OUT: how many pages it covers.' }),
    field('pad', u32, { doc: 'Unused.' }),
  ],
});

export const ioctl_gntdev_set_max_grants = struct('ioctl_gntdev_set_max_grants', {
  linuxSince: '2.6.38',
  doc: 'Argument of IOCTL_GNTDEV_SET_MAX_GRANTS. Kernels since 4.2 accept the call and ignore it (the limit is a module parameter).',
  fields: [field('count', u32, { doc: 'The most grants this file may have mapped at once.' })],
});

const UNMAP_NOTIFY_CLEAR_BYTE = constant('UNMAP_NOTIFY_CLEAR_BYTE', 0x1, {
  linuxSince: '2.6.39',
  spelling: 'hex',
  doc: 'On unmap, write zero to the byte at `index` (a flag the other side can poll).',
});

const UNMAP_NOTIFY_SEND_EVENT = constant('UNMAP_NOTIFY_SEND_EVENT', 0x2, {
  linuxSince: '2.6.39',
  spelling: 'hex',
  doc: 'On unmap, signal `event_channel_port`.',
});

export const UNMAP_NOTIFY = valueSet('UNMAP_NOTIFY', {
  linuxSince: '2.6.39',
  field: 'ioctl_gntdev_unmap_notify.action',
  doc: 'What the kernel does when the page is unmapped (also used by gntalloc\'s unmap notify); the two may be combined.',
  values: [UNMAP_NOTIFY_CLEAR_BYTE, UNMAP_NOTIFY_SEND_EVENT],
});

export const ioctl_gntdev_unmap_notify = struct('ioctl_gntdev_unmap_notify', {
  linuxSince: '2.6.39',
  doc: 'Argument of IOCTL_GNTDEV_SET_UNMAP_NOTIFY: tell the granting side when this process lets go of a page, even if it crashes.',
  fields: [
    field('index', u64, { doc: 'The device offset of a byte in the page (the byte cleared by UNMAP_NOTIFY_CLEAR_BYTE).' }),
    field('action', u32, { doc: 'UNMAP_NOTIFY_* bits.' }),
    field('event_channel_port', u32, { doc: 'The port to signal with UNMAP_NOTIFY_SEND_EVENT.' }),
  ],
});

/** One side of a copy: a local buffer, or a grant of another domain. */
function copyEnd(which: string) {
  return inlineUnion({
    doc: `The ${which} of the copy: a buffer of this process (GNTCOPY_${which === 'source' ? 'source' : 'dest'}_gref clear) or a foreign grant (set).`,
    fields: [
      field('virt', ptr(), { doc: 'A buffer of the calling program.' }),
      field(
        'foreign',
        inlineStruct({
          fields: [
            field('ref', grant_ref_t, { doc: 'The grant.' }),
            field('offset', u16, { doc: 'Byte offset in the granted page.' }),
            field('domid', domid_t, { doc: 'The granting domain.' }),
          ],
        }),
        { doc: 'A grant of another domain.' },
      ),
    ],
  });
}

export const gntdev_grant_copy_segment = struct('gntdev_grant_copy_segment', {
  linuxSince: '4.6',
  doc: 'One copy of IOCTL_GNTDEV_GRANT_COPY, between a local buffer or a grant and another; no more than a page is copied, and neither end may cross a page boundary.',
  fields: [
    field('source', copyEnd('source'), { doc: 'Where the bytes come from.' }),
    field('dest', copyEnd('dest'), { doc: 'Where they go.' }),
    field('len', u16, { doc: 'Bytes to copy.' }),
    field('flags', u16, { doc: 'GNTCOPY_source_gref and GNTCOPY_dest_gref (grant_table.h): which ends are grants.' }),
    field('status', i16, { doc: 'OUT: GNTST_okay or the GNTST_* error of this segment.' }),
  ],
  holes: [{ after: 'status', archs: [...ALL], reason: 'the record is pointer-aligned and its last three members take 6 bytes' }],
});

export const ioctl_gntdev_grant_copy = struct('ioctl_gntdev_grant_copy', {
  linuxSince: '4.6',
  doc: 'Argument of IOCTL_GNTDEV_GRANT_COPY: a batch of copies, each with its own status.',
  fields: [
    field('count', u32, { doc: 'How many segments.' }),
    field('segments', ptr(gntdev_grant_copy_segment), { doc: 'The segments.' }),
  ],
  holes: [{ after: 'count', archs: [...WIDE], reason: 'the 8-byte pointer follows a 4-byte count' }],
});

const GNTDEV_DMA_FLAG_WC = flag('GNTDEV_DMA_FLAG_WC', 0, { linuxSince: '4.19', cType: 'int', doc: 'Map the buffer write-combining.' });
const GNTDEV_DMA_FLAG_COHERENT = flag('GNTDEV_DMA_FLAG_COHERENT', 1, { linuxSince: '4.19', cType: 'int', doc: 'Allocate the buffer DMA-coherent.' });

export const GNTDEV_DMA_FLAG = flagSet('GNTDEV_DMA_FLAG', {
  linuxSince: '4.19',
  field: 'ioctl_gntdev_dmabuf_exp_from_refs.flags',
  doc: 'How the buffer behind an exported dma-buf is allocated.',
  flags: [GNTDEV_DMA_FLAG_WC, GNTDEV_DMA_FLAG_COHERENT],
});

export const ioctl_gntdev_dmabuf_exp_from_refs = struct('ioctl_gntdev_dmabuf_exp_from_refs', {
  linuxSince: '4.19',
  doc: 'Argument of IOCTL_GNTDEV_DMABUF_EXP_FROM_REFS: map another domain\'s grants and export them as a dma-buf. The record is followed by `count - 1` more `refs`.',
  fields: [
    field('flags', u32, { doc: 'IN: GNTDEV_DMA_FLAG_* bits.' }),
    field('count', u32, { doc: 'IN: how many grants.' }),
    field('fd', u32, { doc: 'OUT: the dma-buf\'s file descriptor.' }),
    field('domid', u32, { doc: 'IN: the granting domain.' }),
    field('refs', array(u32, 1), { doc: 'IN: the first of `count` grant references; the others follow the record.' }),
  ],
});

export const ioctl_gntdev_dmabuf_exp_wait_released = struct('ioctl_gntdev_dmabuf_exp_wait_released', {
  linuxSince: '4.19',
  doc: 'Argument of IOCTL_GNTDEV_DMABUF_EXP_WAIT_RELEASED: wait until every importer let go of an exported dma-buf.',
  fields: [
    field('fd', u32, { doc: 'The exported dma-buf.' }),
    field('wait_to_ms', u32, { doc: 'How long to wait, in milliseconds.' }),
  ],
});

export const ioctl_gntdev_dmabuf_imp_to_refs = struct('ioctl_gntdev_dmabuf_imp_to_refs', {
  linuxSince: '4.19',
  doc: 'Argument of IOCTL_GNTDEV_DMABUF_IMP_TO_REFS: import a dma-buf and grant its pages to a domain. The record is followed by `count - 1` more `refs`.',
  fields: [
    field('fd', u32, { doc: 'IN: the dma-buf.' }),
    field('count', u32, { doc: 'IN: how many pages it has.' }),
    field('domid', u32, { doc: 'IN: the domain to grant them to.' }),
    field('reserved', u32, { doc: 'Must be zero.' }),
    field('refs', array(u32, 1), { doc: 'OUT: the first of `count` grant references; the others follow the record.' }),
  ],
});

export const ioctl_gntdev_dmabuf_imp_release = struct('ioctl_gntdev_dmabuf_imp_release', {
  linuxSince: '4.19',
  doc: 'Argument of IOCTL_GNTDEV_DMABUF_IMP_RELEASE: end the grants of an imported dma-buf and drop it.',
  fields: [
    field('fd', u32, { doc: 'The imported dma-buf.' }),
    field('reserved', u32, { doc: 'Must be zero.' }),
  ],
});

export const IOCTL_GNTDEV_MAP_GRANT_REF = ioctl('IOCTL_GNTDEV_MAP_GRANT_REF', {
  direction: 'none', type: 'G', nr: 0, argument: ioctl_gntdev_map_grant_ref,
  linuxSince: '2.6.38',
  doc: 'Reserve a device offset for a list of grants (ioctl_gntdev_map_grant_ref).',
});

export const IOCTL_GNTDEV_UNMAP_GRANT_REF = ioctl('IOCTL_GNTDEV_UNMAP_GRANT_REF', {
  direction: 'none', type: 'G', nr: 1, argument: ioctl_gntdev_unmap_grant_ref,
  linuxSince: '2.6.38',
  doc: 'Release grants reserved by IOCTL_GNTDEV_MAP_GRANT_REF (ioctl_gntdev_unmap_grant_ref).',
});

export const IOCTL_GNTDEV_GET_OFFSET_FOR_VADDR = ioctl('IOCTL_GNTDEV_GET_OFFSET_FOR_VADDR', {
  direction: 'none', type: 'G', nr: 2, argument: ioctl_gntdev_get_offset_for_vaddr,
  linuxSince: '2.6.38',
  doc: 'Find the device offset behind a mapped address (ioctl_gntdev_get_offset_for_vaddr).',
});

export const IOCTL_GNTDEV_SET_MAX_GRANTS = ioctl('IOCTL_GNTDEV_SET_MAX_GRANTS', {
  direction: 'none', type: 'G', nr: 3, argument: ioctl_gntdev_set_max_grants,
  linuxSince: '2.6.38',
  doc: 'Limit how many grants this file may map (ioctl_gntdev_set_max_grants).',
});

export const IOCTL_GNTDEV_SET_UNMAP_NOTIFY = ioctl('IOCTL_GNTDEV_SET_UNMAP_NOTIFY', {
  direction: 'none', type: 'G', nr: 7, argument: ioctl_gntdev_unmap_notify,
  linuxSince: '2.6.39',
  doc: 'Ask to be told when a mapped page is let go (ioctl_gntdev_unmap_notify).',
});

export const IOCTL_GNTDEV_GRANT_COPY = ioctl('IOCTL_GNTDEV_GRANT_COPY', {
  direction: 'none', type: 'G', nr: 8, argument: ioctl_gntdev_grant_copy,
  linuxSince: '4.6',
  doc: 'Copy through grants without mapping them (ioctl_gntdev_grant_copy).',
});

export const IOCTL_GNTDEV_DMABUF_EXP_FROM_REFS = ioctl('IOCTL_GNTDEV_DMABUF_EXP_FROM_REFS', {
  direction: 'none', type: 'G', nr: 9, argument: ioctl_gntdev_dmabuf_exp_from_refs,
  linuxSince: '4.19',
  doc: 'Export foreign grants as a dma-buf (ioctl_gntdev_dmabuf_exp_from_refs).',
});

export const IOCTL_GNTDEV_DMABUF_EXP_WAIT_RELEASED = ioctl('IOCTL_GNTDEV_DMABUF_EXP_WAIT_RELEASED', {
  direction: 'none', type: 'G', nr: 10, argument: ioctl_gntdev_dmabuf_exp_wait_released,
  linuxSince: '4.19',
  doc: 'Wait for an exported dma-buf to be released (ioctl_gntdev_dmabuf_exp_wait_released).',
});

export const IOCTL_GNTDEV_DMABUF_IMP_TO_REFS = ioctl('IOCTL_GNTDEV_DMABUF_IMP_TO_REFS', {
  direction: 'none', type: 'G', nr: 11, argument: ioctl_gntdev_dmabuf_imp_to_refs,
  linuxSince: '4.19',
  doc: 'Grant the pages of a dma-buf to a domain (ioctl_gntdev_dmabuf_imp_to_refs).',
});

export const IOCTL_GNTDEV_DMABUF_IMP_RELEASE = ioctl('IOCTL_GNTDEV_DMABUF_IMP_RELEASE', {
  direction: 'none', type: 'G', nr: 12, argument: ioctl_gntdev_dmabuf_imp_release,
  linuxSince: '4.19',
  doc: 'Drop an imported dma-buf and its grants (ioctl_gntdev_dmabuf_imp_release).',
});

export default abiModule({
  name: 'gntdev',
  xenHeader: 'xen/gntdev.h',
  xenGuard: '__LINUX_PUBLIC_GNTDEV_H__',
  coverage: 'full',
  doc: 'Linux\'s grant-mapping device, `/dev/xen/gntdev` (module xen-gntdev): map and copy other domains\' grants, and trade them with dma-bufs.',
  items: [
    ioctl_gntdev_grant_ref,
    ioctl_gntdev_map_grant_ref,
    ioctl_gntdev_unmap_grant_ref,
    ioctl_gntdev_get_offset_for_vaddr,
    ioctl_gntdev_set_max_grants,
    ioctl_gntdev_unmap_notify,
    gntdev_grant_copy_segment,
    ioctl_gntdev_grant_copy,
    UNMAP_NOTIFY,
    GNTDEV_DMA_FLAG,
    ioctl_gntdev_dmabuf_exp_from_refs,
    ioctl_gntdev_dmabuf_exp_wait_released,
    ioctl_gntdev_dmabuf_imp_to_refs,
    ioctl_gntdev_dmabuf_imp_release,
    IOCTL_GNTDEV_MAP_GRANT_REF,
    IOCTL_GNTDEV_UNMAP_GRANT_REF,
    IOCTL_GNTDEV_GET_OFFSET_FOR_VADDR,
    IOCTL_GNTDEV_SET_MAX_GRANTS,
    IOCTL_GNTDEV_SET_UNMAP_NOTIFY,
    IOCTL_GNTDEV_GRANT_COPY,
    IOCTL_GNTDEV_DMABUF_EXP_FROM_REFS,
    IOCTL_GNTDEV_DMABUF_EXP_WAIT_RELEASED,
    IOCTL_GNTDEV_DMABUF_IMP_TO_REFS,
    IOCTL_GNTDEV_DMABUF_IMP_RELEASE,
  ],
});
