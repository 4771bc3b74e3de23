/**
 * The memory hypercall (`__HYPERVISOR_memory_op`), as a guest or a device model sees it: grow
 * and shrink a domain's memory, exchange pages, put pages (shared info, grant frames, another
 * domain's pages) into a physical address space or take them out, read memory maps and the x86
 * machine-to-physical table, read a guest's virtual NUMA layout, and map a domain's resources
 * (an ioreq server's pages, grant table frames, trace buffers) with `XENMEM_acquire_resource`.
 * Each `XENMEM_*` sub-op takes the record listed with it.
 *
 * The sub-ops Xen shows only to the toolstack (`__XEN_TOOLS__`: paging, sharing, access, claims,
 * reserved device memory) are not part of this stable module. `XENMEM_acquire_resource` was
 * one of them in 4.11 to 4.13, and guests see it from 4.14. The names Xen keeps for guests of
 * old interface versions (`XENMEM_add_to_physmap_range`, `address_bits` for `mem_flags`) are
 * not declared, nor Xen's function-like macros: `XENMEMF_address_bits(x)` is `x`,
 * `XENMEMF_node(n)` is `(n + 1) << 8`, and the ioreq page `n` of an ioreq server is resource
 * frame `1 + n` (after `XENMEM_resource_ioreq_server_frame_bufioreq`, frame 0).
 */
import { ARM, X86, abiModule, c_uint, constant, field, flag, flagSet, handle, inlineUnion, op, opSet, pad, struct, u16, u32, u64, union, valueSet, xen_pfn_t, xen_ulong_t } from 'xenabi/dsl';
import { domid_t } from './xen.ts';

const ALL = [...X86, ...ARM];
const WIDE = ['x86_64', 'arm32', 'arm64'] as const;
/**
 * Resource mapping is declared from 4.14, where guests first see it. Xen 4.11 (ioreq servers)
 * and 4.12 (grant tables) showed it to the toolstack only, with another layout on x86_32.
 */
const RESOURCES = '4.14';

// ---- Reservations and exchanges -------------------------------------------------------------

export const XENMEMF = flagSet('XENMEMF', {
  since: '4.6',
  field: 'xen_memory_reservation.mem_flags',
  guestInterface: { min: '0x00030209' },
  doc: 'Flags of a reservation, beside the address width (bits 0 to 7) and the NUMA node plus one (bits 8 to 15) that Xen\'s function-like macros pack into mem_flags.',
  flags: [
    flag('XENMEMF_populate_on_demand', 16, { since: '4.6', cType: 'int', doc: 'Populate-on-demand: reserve the guest frames without backing them yet (XENMEM_populate_physmap, toolstack use).' }),
    flag('XENMEMF_exact_node_request', 17, { since: '4.6', cType: 'int', doc: 'Fail rather than take memory from another node than the one asked for.' }),
    flag('XENMEMF_vnode', 18, { since: '4.6', cType: 'int', doc: 'The node is one of the guest\'s virtual NUMA nodes, not a physical one.' }),
  ],
});

export const xen_memory_reservation = struct('xen_memory_reservation', {
  typedef: 'xen_memory_reservation_t',
  since: '4.6',
  doc: 'XENMEM_increase_reservation, XENMEM_decrease_reservation and XENMEM_populate_physmap: a list of extents (runs of 2^extent_order pages) to give a domain or take from it.',
  fields: [
    field('extent_start', handle('xen_pfn_t'), { doc: 'IN/OUT: the frame of each extent: guest frames to free or populate, or the frames Xen allocated.' }),
    field('nr_extents', xen_ulong_t, { doc: 'How many extents the list holds. Example: 512.' }),
    field('extent_order', c_uint, { doc: 'Each extent is 2^extent_order pages. Example: 0.' }),
    field('mem_flags', c_uint, { doc: 'The address width, node and XENMEMF_* flags. Example: 0.' }),
    field('domid', domid_t, { doc: 'The domain whose memory changes; DOMID_SELF for an unprivileged caller. Example: 0x7ff0.' }),
  ],
  holes: [{ after: 'domid', archs: ALL, reason: 'tail padding to the alignment of extent_start and nr_extents' }],
});

export const xen_memory_exchange = struct('xen_memory_exchange', {
  typedef: 'xen_memory_exchange_t',
  since: '4.6',
  doc: 'XENMEM_exchange: give back some extents of a domain for others of another size or placement, the same number of pages in total.',
  fields: [
    field('in', xen_memory_reservation, { doc: 'IN: the extents given back (their mem_flags are ignored).' }),
    field('out', xen_memory_reservation, { doc: 'IN/OUT: the extents wanted; Xen writes the frames it gave into their list.' }),
    field('nr_exchanged', xen_ulong_t, { doc: 'OUT: how many input extents were exchanged; must be zero on the call. Example: 0.' }),
  ],
});

export const xen_memory_domain = struct('xen_memory_domain', {
  since: '4.16',
  doc: 'XENMEM_current_reservation, XENMEM_maximum_reservation and XENMEM_maximum_gpfn: the domain asked about (before 4.16 the argument was a bare domid_t, with the same layout).',
  fields: [field('domid', domid_t, { doc: 'The domain, or DOMID_SELF. Example: 0x7ff0.' })],
});

// ---- The machine-to-physical table (x86) ---------------------------------------------------

export const xen_machphys_mfn_list = struct('xen_machphys_mfn_list', {
  typedef: 'xen_machphys_mfn_list_t',
  since: '4.6',
  doc: 'XENMEM_machphys_mfn_list and XENMEM_machphys_compat_mfn_list: the machine frames of the 2 MB extents that hold the machine-to-physical table.',
  fields: [
    field('max_extents', c_uint, { doc: 'IN: how many frames the list has room for. Example: 256.' }),
    field('extent_start', handle('xen_pfn_t'), { doc: 'IN: the list Xen fills; a gap in the table reads as frame 0.' }),
    field('nr_extents', c_uint, { doc: 'OUT: how many frames Xen wrote. Example: 64.' }),
  ],
  holes: [
    { after: 'max_extents', archs: [...WIDE], reason: 'extent_start is 8-byte aligned' },
    { after: 'nr_extents', archs: [...WIDE], reason: 'tail padding to the 8-byte alignment of extent_start' },
  ],
});

export const xen_machphys_mapping = struct('xen_machphys_mapping', {
  typedef: 'xen_machphys_mapping_t',
  since: '4.6',
  doc: 'XENMEM_machphys_mapping: where the machine-to-physical table is mapped in the guest\'s virtual address space.',
  fields: [
    field('v_start', xen_ulong_t, { doc: 'The first virtual address of the table. Example: 0xffff800000000000.' }),
    field('v_end', xen_ulong_t, { doc: 'The virtual address just past the table. Example: 0xffff804000000000.' }),
    field('max_mfn', xen_ulong_t, { doc: 'The highest machine frame the table can translate. Example: 0x7ffffff.' }),
  ],
});

// ---- Physical address space ----------------------------------------------------------------

export const XENMAPSPACE = valueSet('XENMAPSPACE', {
  since: '4.6',
  field: 'xen_add_to_physmap.space',
  doc: 'Where the pages that XENMEM_add_to_physmap and XENMEM_add_to_physmap_batch map come from.',
  values: [
    constant('XENMAPSPACE_shared_info', 0, { since: '4.6', doc: 'The domain\'s shared info page.' }),
    constant('XENMAPSPACE_grant_table', 1, { since: '4.6', doc: 'A frame of the domain\'s grant table; idx is the frame, with XENMAPIDX_grant_table_status for a status frame.' }),
    constant('XENMAPSPACE_gmfn', 2, { since: '4.6', doc: 'Another guest frame of the same domain, which moves.' }),
    constant('XENMAPSPACE_gmfn_range', 3, { since: '4.6', doc: 'size guest frames from idx on (XENMEM_add_to_physmap only).' }),
    constant('XENMAPSPACE_gmfn_foreign', 4, { since: '4.6', doc: 'Frames of another domain, named in foreign_domid (XENMEM_add_to_physmap_batch only).' }),
    constant('XENMAPSPACE_dev_mmio', 5, { since: '4.7', doc: 'Arm: a device\'s MMIO region, mapped as normal cacheable memory.' }),
  ],
});

export const XENMAPIDX_grant_table_status = constant('XENMAPIDX_grant_table_status', 0x80000000, {
  since: '4.6',
  cType: 'unsigned int',
  spelling: 'hex',
  doc: 'Set in xen_add_to_physmap.idx with XENMAPSPACE_grant_table: the frame is one of the version 2 status frames.',
});

export const xen_add_to_physmap = struct('xen_add_to_physmap', {
  typedef: 'xen_add_to_physmap_t',
  since: '4.6',
  doc: 'XENMEM_add_to_physmap: map one page (or, with XENMAPSPACE_gmfn_range, a run of them) into a domain\'s physical address space.',
  fields: [
    field('domid', domid_t, { doc: 'The domain whose address space changes. Example: 0x7ff0.' }),
    field('size', u16, { doc: 'XENMAPSPACE_gmfn_range: how many pages. Example: 1.' }),
    field('space', c_uint, { doc: 'A XENMAPSPACE_* source. Example: 0 (XENMAPSPACE_shared_info).' }),
    field('idx', xen_ulong_t, { doc: 'The page within its source: a grant frame number, a guest frame. Example: 0.' }),
    field('gpfn', xen_pfn_t, { doc: 'The guest frame where the page appears. Example: 0xfeffe.' }),
  ],
});

export const xen_add_to_physmap_batch_extra = union('xen_add_to_physmap_batch_extra', {
  xenScope: 'xen_add_to_physmap_batch',
  since: '4.7',
  doc: 'The word of xen_add_to_physmap_batch that depends on the source.',
  fields: [
    field('foreign_domid', domid_t, { doc: 'XENMAPSPACE_gmfn_foreign: the domain that owns the pages. Example: 5.' }),
    field('res0', u16, { doc: 'Every other source: zero.' }),
  ],
});

export const xen_add_to_physmap_batch = struct('xen_add_to_physmap_batch', {
  typedef: 'xen_add_to_physmap_batch_t',
  since: '4.7',
  doc:
    'XENMEM_add_to_physmap_batch: map many pages into a domain\'s physical address space, as a device model maps its guest\'s memory (XENMAPSPACE_gmfn_foreign) on Arm and in PVH. ' +
    'Declared from 4.7: Xen 4.6 had the same layout with foreign_domid where u is, which the Rust crate cannot declare beside u.',
  fields: [
    field('domid', domid_t, { doc: 'IN: the domain whose address space changes. Example: 0x7ff0.' }),
    field('space', u16, { doc: 'IN: a XENMAPSPACE_* source. Example: 4 (XENMAPSPACE_gmfn_foreign).' }),
    field('size', u16, { doc: 'IN: how many pages, the length of each list. Example: 16.' }),
    field('u', xen_add_to_physmap_batch_extra, { doc: 'IN: the owner of foreign pages, else zero.' }),
    field('idxs', handle('xen_ulong_t'), { doc: 'IN: the page of each mapping within its source.' }),
    field('gpfns', handle('xen_pfn_t'), { doc: 'IN: the guest frame of each mapping.' }),
    field('errs', handle('int', 'int'), { doc: 'OUT: a status per page, 0 or a negative errno.' }),
  ],
});

export const xen_remove_from_physmap = struct('xen_remove_from_physmap', {
  typedef: 'xen_remove_from_physmap_t',
  since: '4.6',
  doc: 'XENMEM_remove_from_physmap: unmap one page from a domain\'s physical address space.',
  fields: [
    field('domid', domid_t, { doc: 'The domain. Example: 0x7ff0.' }),
    field('gpfn', xen_pfn_t, { doc: 'The guest frame to unmap. Example: 0xfeffe.' }),
  ],
  holes: [{ after: 'domid', archs: ALL, reason: 'gpfn is aligned to its width' }],
});

// ---- Memory maps ---------------------------------------------------------------------------

export const xen_memory_map = struct('xen_memory_map', {
  typedef: 'xen_memory_map_t',
  since: '4.6',
  doc: 'XENMEM_memory_map and XENMEM_machine_memory_map: a memory map as a list of E820 entries (20 bytes each).',
  fields: [
    field('nr_entries', c_uint, { doc: 'IN: room in the buffer, in entries; OUT: entries written. Example: 8.' }),
    field('buffer', handle('void'), { doc: 'The buffer of entries; XENMEM_machine_memory_map with none returns the count only.' }),
  ],
  holes: [{ after: 'nr_entries', archs: [...WIDE], reason: 'buffer is 8-byte aligned' }],
});

export const xen_foreign_memory_map = struct('xen_foreign_memory_map', {
  typedef: 'xen_foreign_memory_map_t',
  since: '4.6',
  doc: 'XENMEM_set_memory_map: the memory map another domain will read with XENMEM_memory_map.',
  fields: [
    field('domid', domid_t, { doc: 'The domain. Example: 5.' }),
    field('map', xen_memory_map, { doc: 'Its map.' }),
  ],
  holes: [{ after: 'domid', archs: ALL, reason: 'map is aligned like its handle' }],
});

export const xen_pod_target = struct('xen_pod_target', {
  typedef: 'xen_pod_target_t',
  since: '4.6',
  doc: 'XENMEM_set_pod_target and XENMEM_get_pod_target: the populate-on-demand target of a domain and where it stands.',
  fields: [
    field('target_pages', u64, { doc: 'IN (set): the pages the domain should have. Example: 262144.' }),
    field('tot_pages', u64, { doc: 'OUT: the pages it has.' }),
    field('pod_cache_pages', u64, { doc: 'OUT: the pages held to back populate-on-demand entries.' }),
    field('pod_entries', u64, { doc: 'OUT: the guest frames not backed yet.' }),
    field('domid', domid_t, { doc: 'IN: the domain. Example: 5.' }),
  ],
  holes: [{ after: 'domid', archs: ALL, reason: 'tail padding to the alignment of the 64-bit members' }],
});

// ---- Resources -----------------------------------------------------------------------------

export const XENMEM_resource = valueSet('XENMEM_resource', {
  since: RESOURCES,
  field: 'xen_mem_acquire_resource.type',
  doc: 'The kinds of resource XENMEM_acquire_resource maps.',
  values: [
    constant('XENMEM_resource_ioreq_server', 0, { since: RESOURCES, doc: 'The pages of an ioreq server; id is its ioservid_t.' }),
    constant('XENMEM_resource_grant_table', 1, { since: RESOURCES, doc: 'Grant table frames; id is a XENMEM_resource_grant_table_id_*.' }),
    constant('XENMEM_resource_vmtrace_buf', 2, { since: '4.15', doc: 'The processor trace buffer of a vCPU; id is the vCPU.' }),
  ],
});

export const XENMEM_resource_grant_table_id = valueSet('XENMEM_resource_grant_table_id', {
  since: RESOURCES,
  field: 'xen_mem_acquire_resource.id',
  doc: 'Which frames of a grant table XENMEM_resource_grant_table maps.',
  values: [
    constant('XENMEM_resource_grant_table_id_shared', 0, { since: RESOURCES, doc: 'The shared frames, the grant entries.' }),
    constant('XENMEM_resource_grant_table_id_status', 1, { since: RESOURCES, doc: 'The status frames of a version 2 table.' }),
  ],
});

export const XENMEM_resource_ioreq_server_frame_bufioreq = constant('XENMEM_resource_ioreq_server_frame_bufioreq', 0, {
  since: RESOURCES,
  doc: 'The frame of an ioreq server\'s buffered request ring; its synchronous request pages follow from frame 1.',
});

export const xen_mem_acquire_resource = struct('xen_mem_acquire_resource', {
  typedef: 'xen_mem_acquire_resource_t',
  since: RESOURCES,
  doc:
    'XENMEM_acquire_resource: map frames of a domain\'s resource into the caller, as an ioreq server maps its request pages. With no list and nr_frames 0, Xen returns the resource\'s size in frames. ' +
    'Declared from 4.14, where guests first see it: Xen 4.11 to 4.13 showed it to the toolstack only, with frame 8-byte aligned on x86_32 (so 32 bytes there, not 28) and, in 4.11 and 4.12, an output flags word where pad is.',
  fields: [
    field('domid', domid_t, { doc: 'IN: the domain that owns the resource. Example: 5.' }),
    field('type', u16, { doc: 'IN: a XENMEM_resource_* kind. Example: 0 (XENMEM_resource_ioreq_server).' }),
    field('id', u32, { doc: 'IN: which resource of the kind: an ioreq server id, a grant table part, a vCPU; else 0. Example: 1.' }),
    field('nr_frames', u32, { doc: 'IN: how many frames to map; OUT: how many were, or the resource\'s size. Example: 2.' }),
    pad('pad', u32, { doc: 'Reserved: zero on input.' }),
    field('frame', u64, { doc: 'IN: the first frame of the resource to map. Example: 0 (XENMEM_resource_ioreq_server_frame_bufioreq).' }),
    field('frame_list', handle('xen_pfn_t'), { doc: 'IN/OUT: a PV caller gets the machine frames here; an HVM or PVH caller names the guest frames to map them at.' }),
  ],
});

// ---- Virtual NUMA --------------------------------------------------------------------------

export const xen_vmemrange = struct('xen_vmemrange', {
  typedef: 'xen_vmemrange_t',
  since: '4.6',
  doc: 'A range of guest physical memory on one virtual NUMA node.',
  fields: [
    field('start', u64, { doc: 'The first address. Example: 0.' }),
    field('end', u64, { doc: 'The address just past the range. Example: 0x80000000.' }),
    field('flags', c_uint, { doc: 'Reserved: zero.' }),
    field('nid', c_uint, { doc: 'The virtual node. Example: 0.' }),
  ],
});

/** A guest handle in a union with 64 bits, so the member is 8 bytes on every architecture. */
const widenedHandle = (target: string, pointee: string, doc: string) =>
  inlineUnion({
    doc,
    fields: [field('h', handle(target, pointee), { doc: 'The buffer.' }), pad('pad', u64, { doc: 'Widens the handle to 64 bits.' })],
  });

export const xen_vnuma_topology_info = struct('xen_vnuma_topology_info', {
  typedef: 'xen_vnuma_topology_info_t',
  since: '4.6',
  doc: 'XENMEM_get_vnumainfo: a guest\'s virtual NUMA layout. With too little room Xen says how much it needs in the three counts.',
  fields: [
    field('domid', domid_t, { doc: 'IN: the domain. Example: 0x7ff0.' }),
    pad('pad', u16, { doc: 'Reserved.' }),
    field('nr_vnodes', c_uint, { doc: 'IN: room for nodes; OUT: the nodes. Example: 2.' }),
    field('nr_vcpus', c_uint, { doc: 'IN: room for vCPUs; OUT: the vCPUs. Example: 4.' }),
    field('nr_vmemranges', c_uint, { doc: 'IN: room for memory ranges; OUT: the ranges. Example: 2.' }),
    field('vdistance', widenedHandle('uint', 'unsigned int', 'OUT: the distance between each pair of nodes, nr_vnodes squared entries.'), { doc: 'OUT: the node distances.' }),
    field('vcpu_to_vnode', widenedHandle('uint', 'unsigned int', 'OUT: the node of each vCPU.'), { doc: 'OUT: the node of each vCPU.' }),
    field('vmemrange', widenedHandle('xen_vmemrange_t', 'xen_vmemrange_t', 'OUT: the memory ranges.'), { doc: 'OUT: the memory ranges.' }),
  ],
});

// ---- Sub-ops -------------------------------------------------------------------------------

const mop = (name: string, value: number, doc: string, since = '4.6') => constant(`XENMEM_${name}`, value, { since, doc });

export const XENMEM = opSet('XENMEM', {
  since: '4.6',
  doc: 'Sub-ops of the memory hypercall a guest or device model may use, each with the record its argument points to.',
  ops: [
    op(mop('increase_reservation', 0, 'Give a domain extents of new memory.'), { record: xen_memory_reservation }),
    op(mop('decrease_reservation', 1, 'Take extents of memory from a domain.'), { record: xen_memory_reservation }),
    op(mop('maximum_ram_page', 2, 'The highest machine frame of RAM; the argument is null.')),
    op(mop('current_reservation', 3, 'The pages a domain has; the argument is a domain id (xen_memory_domain).')),
    op(mop('maximum_reservation', 4, 'The most pages a domain may have; the argument is a domain id (xen_memory_domain).')),
    op(mop('machphys_mfn_list', 5, 'x86: the frames of the machine-to-physical table.'), { record: xen_machphys_mfn_list }),
    op(mop('populate_physmap', 6, 'Back guest frames of a domain with memory.'), { record: xen_memory_reservation }),
    op(mop('add_to_physmap', 7, 'Map a page into a physical address space.'), { record: xen_add_to_physmap }),
    op(mop('memory_map', 9, 'The memory map the domain started with.'), { record: xen_memory_map }),
    op(mop('machine_memory_map', 10, 'The host\'s memory map (hardware domain).'), { record: xen_memory_map }),
    op(mop('exchange', 11, 'Exchange extents for others.'), { record: xen_memory_exchange }),
    op(mop('machphys_mapping', 12, 'x86: where the machine-to-physical table is mapped.'), { record: xen_machphys_mapping }),
    op(mop('set_memory_map', 13, 'Set another domain\'s memory map.'), { record: xen_foreign_memory_map }),
    op(mop('maximum_gpfn', 14, 'The highest guest frame a domain uses; the argument is a domain id (xen_memory_domain).')),
    op(mop('remove_from_physmap', 15, 'Unmap a page from a physical address space.'), { record: xen_remove_from_physmap }),
    op(mop('set_pod_target', 16, 'Set a domain\'s populate-on-demand target.'), { record: xen_pod_target }),
    op(mop('get_pod_target', 17, 'Read a domain\'s populate-on-demand state.'), { record: xen_pod_target }),
    op(mop('add_to_physmap_batch', 23, 'Map many pages into a physical address space; the argument is a xen_add_to_physmap_batch (declared from 4.7).')),
    op(mop('machphys_compat_mfn_list', 25, 'x86: the frames of the table 32-bit PV guests use.'), { record: xen_machphys_mfn_list }),
    op(mop('get_vnumainfo', 26, 'A guest\'s virtual NUMA layout.'), { record: xen_vnuma_topology_info }),
    op(mop('acquire_resource', 28, 'Map frames of a domain\'s resource (declared from 4.14; the toolstack had it from 4.11).', RESOURCES), { record: xen_mem_acquire_resource }),
  ],
});

export default abiModule({
  name: 'memory',
  xenHeader: 'memory.h',
  xenGuard: '__XEN_PUBLIC_MEMORY_H__',
  coverage: 'partial',
  doc: 'Memory: reservations, physical address space mappings, memory maps, virtual NUMA and resource mapping (XENMEM_acquire_resource).',
  items: [
    XENMEM,
    XENMEMF,
    xen_memory_reservation,
    xen_memory_exchange,
    xen_memory_domain,
    xen_machphys_mfn_list,
    xen_machphys_mapping,
    XENMAPSPACE,
    XENMAPIDX_grant_table_status,
    xen_add_to_physmap,
    xen_add_to_physmap_batch_extra,
    xen_add_to_physmap_batch,
    xen_remove_from_physmap,
    xen_memory_map,
    xen_foreign_memory_map,
    xen_pod_target,
    XENMEM_resource,
    XENMEM_resource_grant_table_id,
    XENMEM_resource_ioreq_server_frame_bufioreq,
    xen_mem_acquire_resource,
    xen_vmemrange,
    xen_vnuma_topology_info,
  ],
});
