/**
 * Memory operations (`HYPERVISOR_memory_op`), the part every guest sees: growing and
 * shrinking a domain's memory, placing pages in its physical address space, reading memory
 * maps and NUMA layout, and `XENMEM_acquire_resource`, through which a device model maps the
 * ioreq pages of its server, a grant table or a trace buffer.
 *
 * Each op is a number passed as the hypercall's first argument; the second points at the op's
 * record. The operations Xen shows only to tools builds (paging, sharing, access control,
 * claims, reserved device memory) are not declared yet.
 *
 * Layouts never changed for the records here, with one exception: `xen_mem_acquire_resource`
 * was a tools-only record until 4.13, with an 8-byte aligned `frame`, and became a plain
 * `uint64_t` when Xen showed it to every build in 4.14, which makes the record 4 bytes
 * shorter on x86_32.
 */
import {
  macro,
  abiModule,
  constant,
  field,
  flag,
  flagSet,
  handle,
  inlineUnion,
  op,
  opSet,
  pad,
  struct,
  u16,
  u32,
  u64,
  uint64_aligned_t,
  union,
  valueSet,
  xen_pfn_t,
  xen_ulong_t,
} from 'xenabi/dsl';
import { domid_t } from './xen.ts';

const ALL = ['x86_32', 'x86_64', 'arm32', 'arm64'] as const;
const WIDE = ['x86_64', 'arm32', 'arm64'] as const;

/** XENMEMF_* and the name `mem_flags` need a guest interface of at least Xen 3.2.9 (tools builds always have it). */
const MEMF = { min: '0x00030209' };

// ---- Reservations ----------------------------------------------------------------------------

export const xen_memory_reservation = struct('xen_memory_reservation', {
  typedef: 'xen_memory_reservation_t',
  since: '4.6',
  doc:
    'Argument of XENMEM_increase_reservation, XENMEM_decrease_reservation and XENMEM_populate_physmap: ' +
    'a list of extents, each 2^extent_order pages, to give to or take from a domain. Xen returns how many ' +
    'extents it handled.',
  fields: [
    field('extent_start', handle('xen_pfn_t'), {
      doc: 'IN or OUT: the array of extent base frames: those to free, those to populate, or, on return, those allocated.',
    }),
    field('nr_extents', xen_ulong_t, { doc: 'IN: how many extents the array holds. Example: 512.' }),
    field('extent_order', u32, { doc: 'IN: each extent is 2^extent_order pages. Example: 9 (2 MiB extents).' }),
    field('mem_flags', u32, {
      legacyName: { name: 'address_bits', belowInterfaceVersion: '0x00030209' },
      doc: 'IN: XENMEMF_* flags, plus an address width (XENMEMF_address_bits) and a NUMA node (XENMEMF_node) in the low bits. Example: 0.',
    }),
    field('domid', domid_t, { doc: 'IN: the domain whose memory changes; DOMID_SELF (0x7ff0) unless the caller is privileged.' }),
  ],
  holes: [{ after: 'domid', archs: [...ALL], reason: 'tail padding to the alignment of the handle and the extent count' }],
});

export const XENMEMF = flagSet('XENMEMF', {
  since: '4.6',
  guestInterface: MEMF,
  field: 'xen_memory_reservation.mem_flags',
  doc: 'Allocation flags of a reservation, above the address width in bits 0–7 and the node number in bits 8–15.',
  flags: [
    flag('XENMEMF_populate_on_demand', 16, {
      since: '4.6',
      cType: 'int',
      doc: 'XENMEM_populate_physmap only: add populate-on-demand entries instead of memory; Xen fills them on first touch.',
    }),
    flag('XENMEMF_exact_node_request', 17, {
      since: '4.6',
      cType: 'int',
      doc: 'Allocate only from the node in bits 8–15; fail rather than fall back to another node.',
    }),
    flag('XENMEMF_vnode', 18, {
      since: '4.6',
      cType: 'int',
      doc: 'The node in bits 8–15 is one of the domain\'s virtual NUMA nodes, not a physical one.',
    }),
  ],
});

const MEMF_MACRO = { since: '4.6', guestInterface: MEMF } as const;

export const XENMEMF_address_bits = macro('XENMEMF_address_bits', ['x'], 'x', {
  ...MEMF_MACRO,
  samples: [[0], [32]],
  doc: 'mem_flags asking for memory addressable with x bits (bits 0–7; 0: no limit).',
});
export const XENMEMF_get_address_bits = macro('XENMEMF_get_address_bits', ['x'], 'x & 0xffu', {
  ...MEMF_MACRO,
  samples: [[0x1234], [0x20]],
  doc: 'The address width a mem_flags value asks for.',
});
export const XENMEMF_node = macro('XENMEMF_node', ['x'], '(x + 1) << 8', {
  ...MEMF_MACRO,
  samples: [[0], [3]],
  doc: 'mem_flags asking for memory of NUMA node x (bits 8–15 hold the node plus one; 0: any node).',
});
export const XENMEMF_get_node = macro('XENMEMF_get_node', ['x'], '((x >> 8) - 1) & 0xffu', {
  ...MEMF_MACRO,
  samples: [[0x400], [0]],
  doc: 'The node a mem_flags value asks for; 0xff when it names none.',
});
export const XENMEMF_exact_node = macro('XENMEMF_exact_node', ['n'], '((n + 1) << 8) | XENMEMF_exact_node_request', {
  ...MEMF_MACRO,
  samples: [[0], [2]],
  doc: 'mem_flags asking for memory of node n and of no other.',
});

export const xen_memory_exchange = struct('xen_memory_exchange', {
  typedef: 'xen_memory_exchange_t',
  since: '4.6',
  doc:
    'Argument of XENMEM_exchange (PV guests only): trade extents for new ones atomically, for example to get ' +
    'memory below 4 GiB. On partial success `nr_exchanged` says how far Xen got.',
  fields: [
    field('in', xen_memory_reservation, { doc: 'IN: the extents to give up; its address width is ignored.' }),
    field('out', xen_memory_reservation, {
      doc: 'IN/OUT: the extents wanted, covering as many pages as `in`, for the same domain; Xen writes the new frames into its array.',
    }),
    field('nr_exchanged', xen_ulong_t, { doc: 'OUT: how many of the input extents were exchanged. Must be zero on entry. Example: 512.' }),
  ],
});

export const xen_memory_domain = struct('xen_memory_domain', {
  since: '4.16',
  doc:
    'Argument of XENMEM_current_reservation, XENMEM_maximum_reservation and XENMEM_maximum_gpfn. Before 4.16 ' +
    'Xen described the argument as a bare domid_t, which has the same layout.',
  fields: [field('domid', domid_t, { doc: 'IN: the domain asked about; DOMID_SELF (0x7ff0) for the caller.' })],
});

// ---- The machine-to-physical table -----------------------------------------------------------

export const xen_machphys_mfn_list = struct('xen_machphys_mfn_list', {
  typedef: 'xen_machphys_mfn_list_t',
  since: '4.6',
  doc:
    'Argument of XENMEM_machphys_mfn_list and XENMEM_machphys_compat_mfn_list: the machine frames holding the ' +
    'machine-to-physical table, one per 2 MiB of the table. Only x86 has the table.',
  fields: [
    field('max_extents', u32, { doc: 'IN: entries the array can take. Example: 64.' }),
    field('extent_start', handle('xen_pfn_t'), { doc: 'OUT: the array; a gap in the table shows as a zero frame.' }),
    field('nr_extents', u32, { doc: 'OUT: entries written. Example: 32.' }),
  ],
  holes: [
    { after: 'max_extents', archs: [...WIDE], reason: 'the handle is 8-byte aligned' },
    { after: 'nr_extents', archs: [...WIDE], reason: 'tail padding to the handle\'s 8-byte alignment' },
  ],
});

export const xen_machphys_mapping = struct('xen_machphys_mapping', {
  typedef: 'xen_machphys_mapping_t',
  since: '4.6',
  doc: 'Result of XENMEM_machphys_mapping: where the read-only machine-to-physical table is mapped in the guest\'s virtual address space (x86 PV).',
  fields: [
    field('v_start', xen_ulong_t, { doc: 'OUT: first virtual address of the table. Example: 0xffff800000000000.' }),
    field('v_end', xen_ulong_t, { doc: 'OUT: end of the table\'s virtual range.' }),
    field('max_mfn', xen_ulong_t, { doc: 'OUT: the highest machine frame the table covers.' }),
  ],
});

// ---- The physical address space ------------------------------------------------------------

export const XENMAPSPACE = valueSet('XENMAPSPACE', {
  since: '4.6',
  field: 'xen_add_to_physmap.space',
  doc: 'What XENMEM_add_to_physmap and XENMEM_add_to_physmap_batch take pages from; `idx` counts within it.',
  values: [
    constant('XENMAPSPACE_shared_info', 0, { since: '4.6', doc: 'The domain\'s shared info page (idx 0).' }),
    constant('XENMAPSPACE_grant_table', 1, {
      since: '4.6',
      doc: 'A frame of the domain\'s grant table; with XENMAPIDX_grant_table_status set in idx, a frame of its version 2 status table.',
    }),
    constant('XENMAPSPACE_gmfn', 2, { since: '4.6', doc: 'A guest frame already in the domain\'s physical map, which moves.' }),
    constant('XENMAPSPACE_gmfn_range', 3, { since: '4.6', doc: 'A run of `size` guest frames (XENMEM_add_to_physmap only).' }),
    constant('XENMAPSPACE_gmfn_foreign', 4, {
      since: '4.6',
      doc: 'A frame of another domain, named in foreign_domid (XENMEM_add_to_physmap_batch only).',
    }),
    constant('XENMAPSPACE_dev_mmio', 5, {
      since: '4.7',
      doc: 'Device MMIO, mapped with normal write-back cacheable attributes (Arm hardware domain only).',
    }),
  ],
});

export const xen_add_to_physmap = struct('xen_add_to_physmap', {
  typedef: 'xen_add_to_physmap_t',
  since: '4.6',
  doc: 'Argument of XENMEM_add_to_physmap: make a page of a XENMAPSPACE_* space appear at a guest frame of a translated domain.',
  fields: [
    field('domid', domid_t, { doc: 'IN: the domain whose map changes; DOMID_SELF (0x7ff0) for the caller.' }),
    field('size', u16, { doc: 'IN: for XENMAPSPACE_gmfn_range, how many frames. Example: 16.' }),
    field('space', u32, { doc: 'IN: a XENMAPSPACE_* value. Example: 0 (shared info).' }),
    field('idx', xen_ulong_t, { doc: 'IN: which page of the space. Example: 0.' }),
    field('gpfn', xen_pfn_t, { doc: 'IN: the guest frame it appears at. Example: 0xfeffe.' }),
  ],
});

export const XENMAPIDX_grant_table_status = constant('XENMAPIDX_grant_table_status', 0x80000000, {
  since: '4.6',
  cType: 'unsigned int',
  spelling: 'hex',
  doc: 'Bit 31 of `idx` with XENMAPSPACE_grant_table: map a frame of the version 2 status table instead of the grant table.',
});

/** The union `u` of xen_add_to_physmap_batch replaced its `foreign_domid` for guest interfaces from Xen 4.7 on. */
const BATCH_EXTRA = '0x00040700';

export const xen_add_to_physmap_batch_extra = union('xen_add_to_physmap_batch_extra', {
  since: '4.7',
  xenScope: 'xen_add_to_physmap_batch',
  guestInterface: { min: BATCH_EXTRA },
  doc: 'The member of xen_add_to_physmap_batch whose meaning depends on the space. Xen declares it inside that struct; the tag is still visible to the whole file.',
  fields: [
    field('foreign_domid', domid_t, { doc: 'IN: for XENMAPSPACE_gmfn_foreign, the domain the frames belong to.' }),
    field('res0', u16, { doc: 'For every other space: reserved, zero.' }),
  ],
});

export const xen_add_to_physmap_batch = struct('xen_add_to_physmap_batch', {
  typedef: 'xen_add_to_physmap_batch_t',
  since: '4.6',
  doc:
    'Argument of XENMEM_add_to_physmap_batch: place many pages in one call, with an error code per page. ' +
    'Guests built for an interface older than 0x00040400 may also call it xen_add_to_physmap_range (and the op XENMEM_add_to_physmap_range).',
  fields: [
    field('domid', domid_t, { doc: 'IN: the domain whose map changes.' }),
    field('space', u16, { doc: 'IN: a XENMAPSPACE_* value. Example: 4 (foreign frames).' }),
    field('size', u16, { doc: 'IN: how many entries each array holds. Example: 32.' }),
    field('foreign_domid', domid_t, {
      until: '4.7',
      doc: 'IN: for XENMAPSPACE_gmfn_foreign, the domain the frames belong to; became the union `u` in 4.7.',
    }),
    field('u', xen_add_to_physmap_batch_extra, {
      since: '4.7',
      legacyName: { name: 'foreign_domid', belowInterfaceVersion: BATCH_EXTRA },
      legacyType: { type: domid_t, belowInterfaceVersion: BATCH_EXTRA },
      doc: 'IN: the foreign domain, or zero.',
    }),
    field('idxs', handle('xen_ulong_t'), { doc: 'IN: the pages of the space, `size` entries.' }),
    field('gpfns', handle('xen_pfn_t'), { doc: 'IN: the guest frames they appear at, `size` entries.' }),
    field('errs', handle('int'), { doc: 'OUT: one error code per entry, 0 for success.' }),
  ],
  selectors: [
    {
      union: 'u',
      by: 'space',
      arms: [
        { member: 'foreign_domid', values: ['XENMAPSPACE_gmfn_foreign'] },
        { member: 'res0', otherwise: true },
      ],
    },
  ],
});

export const xen_remove_from_physmap = struct('xen_remove_from_physmap', {
  typedef: 'xen_remove_from_physmap_t',
  since: '4.6',
  doc: 'Argument of XENMEM_remove_from_physmap: unmap whatever page a guest frame of a translated domain shows.',
  fields: [
    field('domid', domid_t, { doc: 'IN: the domain whose map changes; DOMID_SELF (0x7ff0) for the caller.' }),
    field('gpfn', xen_pfn_t, { doc: 'IN: the guest frame to empty. Example: 0xfeffe.' }),
  ],
  holes: [{ after: 'domid', archs: [...ALL], reason: 'gpfn is aligned to its size (4 bytes on x86_32, 8 elsewhere)' }],
});

export const xen_memory_map = struct('xen_memory_map', {
  typedef: 'xen_memory_map_t',
  since: '4.6',
  doc:
    'Argument of XENMEM_memory_map and XENMEM_machine_memory_map: a buffer of E820-style entries (20 bytes each: ' +
    'address, length, type) for the domain\'s or the host\'s memory map.',
  fields: [
    field('nr_entries', u32, {
      doc: 'IN: entries the buffer can take. OUT: entries written. With a null buffer, XENMEM_machine_memory_map returns the number needed. Example: 8.',
    }),
    field('buffer', handle('void'), { doc: 'IN: the buffer.' }),
  ],
  holes: [{ after: 'nr_entries', archs: [...WIDE], reason: 'the handle is 8-byte aligned' }],
});

export const xen_foreign_memory_map = struct('xen_foreign_memory_map', {
  typedef: 'xen_foreign_memory_map_t',
  since: '4.6',
  doc: 'Argument of XENMEM_set_memory_map: give a domain the memory map XENMEM_memory_map will later return to it.',
  fields: [
    field('domid', domid_t, { doc: 'IN: the domain.' }),
    field('map', xen_memory_map, { doc: 'IN: its memory map.' }),
  ],
  holes: [{ after: 'domid', archs: [...ALL], reason: 'the map is aligned like its handle' }],
});

export const xen_pod_target = struct('xen_pod_target', {
  typedef: 'xen_pod_target_t',
  since: '4.6',
  doc: 'Argument of XENMEM_set_pod_target and XENMEM_get_pod_target: the populate-on-demand target of an HVM domain and its state, in pages.',
  fields: [
    field('target_pages', u64, { doc: 'IN (set): the number of pages the domain should have. Example: 262144 (1 GiB).' }),
    field('tot_pages', u64, { doc: 'OUT: pages the domain has now.' }),
    field('pod_cache_pages', u64, { doc: 'OUT: pages in the populate-on-demand cache.' }),
    field('pod_entries', u64, { doc: 'OUT: guest frames still waiting to be populated.' }),
    field('domid', domid_t, { doc: 'IN: the domain.' }),
  ],
  holes: [{ after: 'domid', archs: [...ALL], reason: 'tail padding to the alignment of the 64-bit counts' }],
});

// ---- Acquiring resources -------------------------------------------------------------------

export const xen_mem_acquire_resource = struct('xen_mem_acquire_resource', {
  typedef: 'xen_mem_acquire_resource_t',
  since: '4.11',
  toolsOnlyBefore: '4.14',
  doc:
    'Argument of XENMEM_acquire_resource: map frames of a resource of another domain (the pages of an ioreq ' +
    'server, a grant table, a vmtrace buffer) into the caller. A PV caller gets the machine frames back in ' +
    '`frame_list`; an HVM caller fills `frame_list` with its own free guest frames, where Xen maps the resource. ' +
    'With a null `frame_list` and `nr_frames` 0 the call returns the resource\'s size in `nr_frames`.',
  fields: [
    field('domid', domid_t, { doc: 'IN: the domain that owns the resource. Example: 5.' }),
    field('type', u16, { doc: 'IN: which kind of resource, a XENMEM_resource_* value. Example: 0 (ioreq server).' }),
    field('id', u32, {
      doc: 'IN: which resource of that kind: the ioreq server id, a XENMEM_resource_grant_table_id_* value, or for a vmtrace buffer the vCPU; 0 where the type has none. Example: 1.',
    }),
    field('nr_frames', u32, { doc: 'IN: how many frames to map. OUT: for a size query, the size of the resource. Example: 2.' }),
    field('flags', u32, {
      until: '4.13',
      doc: 'OUT: XENMEM_rsrc_acq_caller_owned when the frames were handed to the caller; became the zero `pad` in 4.13.',
    }),
    pad('pad', u32, { since: '4.13', doc: 'Reserved; must be zero on input. Its lowest bit was the output XENMEM_rsrc_acq_caller_owned before 4.13.' }),
    field('frame', uint64_aligned_t, {
      until: '4.14',
      doc: 'IN: index of the first frame of the resource to map, 8-byte aligned while the record was tools-only; a plain uint64_t from 4.14.',
    }),
    field('frame', u64, {
      since: '4.14',
      doc: 'IN: index of the first frame of the resource to map; ignored for a size query. For an ioreq server, XENMEM_resource_ioreq_server_frame_bufioreq or the first synchronous page. Example: 0.',
    }),
    field('frame_list', handle('xen_pfn_t'), {
      doc: 'IN/OUT: `nr_frames` frames: the caller\'s guest frames to map at (HVM caller) or, on return, the machine frames (PV caller). Null for a size query.',
    }),
  ],
  holes: [
    {
      after: 'frame_list',
      archs: ['x86_32'],
      until: '4.14',
      reason: 'tail padding: `frame` made the record 8-byte aligned while it was tools-only (4.11 to 4.13)',
    },
  ],
});

export const XENMEM_rsrc_acq_caller_owned_flags = flagSet('XENMEM_rsrc_acq_caller_owned_flags', {
  since: '4.11',
  toolsOnlyBefore: '4.14',
  until: '4.13',
  field: 'xen_mem_acquire_resource.flags',
  doc: 'What Xen reported in `flags` in 4.11 and 4.12; 4.13 removed the flag and made the field zero padding.',
  flags: [
    flag('XENMEM_rsrc_acq_caller_owned', 0, {
      bitConstant: '_XENMEM_rsrc_acq_caller_owned',
      since: '4.11',
      until: '4.13',
      doc: 'The frames were assigned to the calling domain rather than mapped from the owner.',
    }),
  ],
});

export const XENMEM_resource = valueSet('XENMEM_resource', {
  since: '4.11',
  toolsOnlyBefore: '4.14',
  field: 'xen_mem_acquire_resource.type',
  doc: 'The kinds of resource XENMEM_acquire_resource maps.',
  values: [
    constant('XENMEM_resource_ioreq_server', 0, {
      since: '4.11',
      doc: 'The pages of an ioreq server; `id` is the server id. Frame 0 is the buffered ring, frame 1 + n the synchronous page of vCPU slots n.',
    }),
    constant('XENMEM_resource_grant_table', 1, { since: '4.12', doc: 'The frames of a grant table; `id` says which table.' }),
    constant('XENMEM_resource_vmtrace_buf', 2, { since: '4.15', doc: 'The processor trace buffer of one vCPU; `id` is the vCPU.' }),
  ],
});

export const XENMEM_resource_grant_table_id = valueSet('XENMEM_resource_grant_table_id', {
  since: '4.12',
  toolsOnlyBefore: '4.14',
  field: 'xen_mem_acquire_resource.id',
  doc: 'Which table of a domain XENMEM_resource_grant_table maps.',
  values: [
    constant('XENMEM_resource_grant_table_id_shared', 0, { since: '4.12', doc: 'The grant entries themselves.' }),
    constant('XENMEM_resource_grant_table_id_status', 1, { since: '4.12', doc: 'The version 2 status frames.' }),
  ],
});

export const XENMEM_resource_ioreq_server_frame_bufioreq = constant('XENMEM_resource_ioreq_server_frame_bufioreq', 0, {
  since: '4.11',
  toolsOnlyBefore: '4.14',
  doc: 'The frame index of an ioreq server\'s buffered request ring (a buffered_iopage) in its resource. Example: map frames 0 and 1 to get the ring and the first synchronous page.',
});

export const XENMEM_resource_ioreq_server_frame_ioreq = macro('XENMEM_resource_ioreq_server_frame_ioreq', ['n'], '1 + n', {
  since: '4.11',
  toolsOnlyBefore: '4.14',
  samples: [[0], [3]],
  doc: 'The frame index of synchronous ioreq page n of an ioreq server in its resource: the pages follow the buffered ring. Example: 1 for the first.',
});

// ---- Virtual NUMA ---------------------------------------------------------------------------

export const xen_vmemrange = struct('xen_vmemrange', {
  typedef: 'xen_vmemrange_t',
  since: '4.6',
  doc: 'One range of guest physical memory and the virtual NUMA node it belongs to.',
  fields: [
    field('start', u64, { doc: 'First guest physical address of the range. Example: 0x100000000.' }),
    field('end', u64, { doc: 'End of the range (exclusive). Example: 0x140000000.' }),
    field('flags', u32, { doc: 'Reserved; zero.' }),
    field('nid', u32, { doc: 'The virtual node. Example: 1.' }),
  ],
});

/** One array of xen_vnuma_topology_info: a handle padded to 8 bytes, so 32- and 64-bit guests agree. */
function vnumaArray(target: Parameters<typeof handle>[0], pointee: string | undefined, what: string) {
  return inlineUnion({
    doc: `${what}, as a handle padded to 8 bytes.`,
    fields: [
      field('h', handle(target, pointee), { doc: `IN: the caller's array for ${what.toLowerCase()}.` }),
      pad('pad', u64, { doc: 'Keeps the member 8 bytes on every architecture.' }),
    ],
  });
}

export const xen_vnuma_topology_info = struct('xen_vnuma_topology_info', {
  typedef: 'xen_vnuma_topology_info_t',
  since: '4.6',
  doc:
    'Argument of XENMEM_get_vnumainfo: a domain\'s virtual NUMA layout. The caller says how large its three ' +
    'arrays are; when one is too small Xen fails the call and writes back the sizes needed.',
  fields: [
    field('domid', domid_t, { doc: 'IN: the domain; DOMID_SELF (0x7ff0) for the caller.' }),
    pad('pad', u16, { doc: 'Reserved; zero.' }),
    field('nr_vnodes', u32, { doc: 'IN/OUT: virtual nodes; the distance table has nr_vnodes² entries. Example: 2.' }),
    field('nr_vcpus', u32, { doc: 'IN/OUT: entries of the vCPU-to-node array. Example: 4.' }),
    field('nr_vmemranges', u32, { doc: 'IN/OUT: entries of the memory range array. Example: 2.' }),
    field('vdistance', vnumaArray('uint', 'unsigned int', 'The node distance table'), {
      doc: 'OUT: the distance between each pair of nodes, row by row.',
    }),
    field('vcpu_to_vnode', vnumaArray('uint', 'unsigned int', 'The node of each vCPU'), { doc: 'OUT: the node of each vCPU.' }),
    field('vmemrange', vnumaArray(xen_vmemrange, undefined, 'The memory ranges'), { doc: 'OUT: the memory ranges and their nodes.' }),
  ],
  // Each array's handle travels in the union's 8 bytes; `pad` is the member that covers them all.
  selectors: ['vdistance', 'vcpu_to_vnode', 'vmemrange'].map((union) => ({ union, arms: [{ member: 'pad', otherwise: true }] })),
});

// ---- The operations --------------------------------------------------------------------------

export const XENMEM = opSet('XENMEM', {
  since: '4.6',
  doc:
    'The memory operations every guest may call: the op number is the first argument of HYPERVISOR_memory_op ' +
    'and the record the second. The tools-only ones are not declared yet.',
  ops: [
    op(constant('XENMEM_increase_reservation', 0, { since: '4.6', doc: 'Give a domain more memory; returns the extents allocated.' }), {
      record: xen_memory_reservation,
    }),
    op(constant('XENMEM_decrease_reservation', 1, { since: '4.6', doc: 'Take extents away from a domain; returns the extents freed.' }), {
      record: xen_memory_reservation,
    }),
    op(constant('XENMEM_maximum_ram_page', 2, { since: '4.6', doc: 'The highest machine frame of RAM; takes no record and never fails.' })),
    op(
      constant('XENMEM_current_reservation', 3, {
        since: '4.6',
        doc: 'A domain\'s current memory in pages; the argument is a xen_memory_domain (a domid_t before 4.16).',
      }),
    ),
    op(
      constant('XENMEM_maximum_reservation', 4, {
        since: '4.6',
        doc: 'A domain\'s memory limit in pages; the argument is a xen_memory_domain (a domid_t before 4.16).',
      }),
    ),
    op(constant('XENMEM_machphys_mfn_list', 5, { since: '4.6', doc: 'List the frames of the machine-to-physical table (x86).' }), {
      record: xen_machphys_mfn_list,
    }),
    op(constant('XENMEM_populate_physmap', 6, { since: '4.6', doc: 'Back guest frames with memory; returns the extents populated.' }), {
      record: xen_memory_reservation,
    }),
    op(constant('XENMEM_add_to_physmap', 7, { since: '4.6', doc: 'Place one page (or a run) in a translated domain\'s physical map.' }), {
      record: xen_add_to_physmap,
    }),
    op(constant('XENMEM_memory_map', 9, { since: '4.6', doc: 'The caller\'s memory map, as set with XENMEM_set_memory_map.' }), {
      record: xen_memory_map,
    }),
    op(constant('XENMEM_machine_memory_map', 10, { since: '4.6', doc: 'The host\'s memory map (privileged).' }), {
      record: xen_memory_map,
    }),
    op(constant('XENMEM_exchange', 11, { since: '4.6', doc: 'Trade extents for new ones atomically (PV).' }), {
      record: xen_memory_exchange,
    }),
    op(constant('XENMEM_machphys_mapping', 12, { since: '4.6', doc: 'Where the machine-to-physical table is mapped (x86 PV).' }), {
      record: xen_machphys_mapping,
    }),
    op(constant('XENMEM_set_memory_map', 13, { since: '4.6', doc: 'Set the memory map a domain reads back (privileged).' }), {
      record: xen_foreign_memory_map,
    }),
    op(
      constant('XENMEM_maximum_gpfn', 14, {
        since: '4.6',
        doc: 'The highest guest frame a domain uses; the argument is a xen_memory_domain (a domid_t before 4.16).',
      }),
    ),
    op(constant('XENMEM_remove_from_physmap', 15, { since: '4.6', doc: 'Unmap a guest frame of a translated domain.' }), {
      record: xen_remove_from_physmap,
    }),
    op(constant('XENMEM_set_pod_target', 16, { since: '4.6', doc: 'Set the populate-on-demand target of an HVM domain.' }), {
      record: xen_pod_target,
    }),
    op(constant('XENMEM_get_pod_target', 17, { since: '4.6', doc: 'Read the populate-on-demand state of an HVM domain.' }), {
      record: xen_pod_target,
    }),
    op(constant('XENMEM_add_to_physmap_batch', 23, { since: '4.6', doc: 'Place many pages at once, with an error per page.' }), {
      record: xen_add_to_physmap_batch,
    }),
    op(constant('XENMEM_machphys_compat_mfn_list', 25, { since: '4.6', doc: 'List the frames of the table 32-bit PV guests use (x86).' }), {
      record: xen_machphys_mfn_list,
    }),
    op(constant('XENMEM_get_vnumainfo', 26, { since: '4.6', doc: 'Read a domain\'s virtual NUMA layout.' }), {
      record: xen_vnuma_topology_info,
    }),
    op(constant('XENMEM_acquire_resource', 28, { since: '4.11', toolsOnlyBefore: '4.14', doc: 'Map a resource of another domain into the caller.' }), {
      record: xen_mem_acquire_resource,
    }),
  ],
});

export default abiModule({
  name: 'memory',
  xenHeader: 'memory.h',
  xenGuard: '__XEN_PUBLIC_MEMORY_H__',
  coverage: 'full',
  doc: 'Memory operations every guest may call, XENMEM_acquire_resource among them; the tools-only operations are not declared yet.',
  items: [
    xen_memory_reservation,
    XENMEMF,
    XENMEMF_address_bits,
    XENMEMF_get_address_bits,
    XENMEMF_node,
    XENMEMF_get_node,
    XENMEMF_exact_node,
    xen_memory_exchange,
    xen_memory_domain,
    xen_machphys_mfn_list,
    xen_machphys_mapping,
    XENMAPSPACE,
    xen_add_to_physmap,
    XENMAPIDX_grant_table_status,
    xen_add_to_physmap_batch_extra,
    xen_add_to_physmap_batch,
    xen_remove_from_physmap,
    xen_memory_map,
    xen_foreign_memory_map,
    xen_pod_target,
    xen_mem_acquire_resource,
    XENMEM_rsrc_acq_caller_owned_flags,
    XENMEM_resource,
    XENMEM_resource_grant_table_id,
    XENMEM_resource_ioreq_server_frame_bufioreq,
    XENMEM_resource_ioreq_server_frame_ioreq,
    xen_vmemrange,
    xen_vnuma_topology_info,
    XENMEM,
  ],
});
