/**
 * Memory management through domctl: page lists and types, shadow paging and dirty logging, cache
 * attributes, memory sharing, P2M audit, access-listener requirement, broken pages, cache flushes,
 * virtual NUMA and LLC colouring.
 */
import { constant, field, flag, flagSet, handle64, inlineUnion, pad, struct, u32, u64, u8, uint64_aligned_t, valueSet, xen_pfn_t } from 'xenabi/dsl';
import { xen_vmemrange } from '../../stable/memory.ts';

export const xen_domctl_getmemlist = struct('xen_domctl_getmemlist', {
  since: '4.6',
  until: '4.11',
  doc: 'Payload of XEN_DOMCTL_getmemlist (until 4.11): a run of the machine frames of a PV domain.',
  fields: [
    field('max_pfns', uint64_aligned_t, { doc: 'IN: the capacity of the buffer in entries. Example: 1024.' }),
    field('start_pfn', uint64_aligned_t, { doc: 'IN: the first entry to return. Example: 0.' }),
    field('buffer', handle64('uint64', 'uint64_t'), { doc: 'OUT: the frame numbers.' }),
    field('num_pfns', uint64_aligned_t, { doc: 'OUT: the entries written. Example: 1024.' }),
  ]
});

export const xen_domctl_getpageframeinfo3 = struct('xen_domctl_getpageframeinfo3', {
  since: '4.6',
  doc: 'Payload of XEN_DOMCTL_getpageframeinfo3: the type of each of a list of a PV domain\'s frames, written over the list.',
  fields: [
    field('num', uint64_aligned_t, { doc: 'IN: the number of frames. Example: 512.' }),
    field('array', handle64('xen_pfn_t'), { doc: 'IN: the guest frames. OUT: each entry OR-ed with its XEN_DOMCTL_PFINFO_* type in the top four bits.' }),
  ]
});

export const XEN_DOMCTL_PFINFO = valueSet('XEN_DOMCTL_PFINFO', {
  since: '4.6',
  doc: 'The page types XEN_DOMCTL_getpageframeinfo3 reports in the bits under XEN_DOMCTL_PFINFO_LTAB_MASK.',
  values: [
    constant('XEN_DOMCTL_PFINFO_NOTAB', 0, { since: '4.6', cType: 'unsigned int', spelling: 'hex', doc: 'A plain page, not a page table.' }),
    constant('XEN_DOMCTL_PFINFO_L1TAB', 0x10000000, { since: '4.6', cType: 'unsigned int', spelling: 'shift', doc: 'A level-1 page table.' }),
    constant('XEN_DOMCTL_PFINFO_L2TAB', 0x20000000, { since: '4.6', cType: 'unsigned int', spelling: 'shift', doc: 'A level-2 page table.' }),
    constant('XEN_DOMCTL_PFINFO_L3TAB', 0x30000000, { since: '4.6', cType: 'unsigned int', spelling: 'hex', doc: 'A level-3 page table.' }),
    constant('XEN_DOMCTL_PFINFO_L4TAB', 0x40000000, { since: '4.6', cType: 'unsigned int', spelling: 'shift', doc: 'A level-4 page table.' }),
    constant('XEN_DOMCTL_PFINFO_BROKEN', 0xd0000000, { since: '4.6', cType: 'unsigned int', spelling: 'hex', doc: 'A page with a memory error.' }),
    constant('XEN_DOMCTL_PFINFO_XALLOC', 0xe0000000, { since: '4.6', cType: 'unsigned int', spelling: 'hex', doc: 'A page allocated but not populated.' }),
    constant('XEN_DOMCTL_PFINFO_XTAB', 0xf0000000, { since: '4.6', cType: 'unsigned int', spelling: 'hex', doc: 'An invalid frame.' }),
  ],
});

export const XEN_DOMCTL_PFINFO_LTAB_SHIFT = constant('XEN_DOMCTL_PFINFO_LTAB_SHIFT', 28, { since: '4.6', doc: 'The bit where the page type starts in a XEN_DOMCTL_getpageframeinfo3 entry.' });

export const XEN_DOMCTL_PFINFO_LTAB_MASK = constant('XEN_DOMCTL_PFINFO_LTAB_MASK', 0xf0000000, { since: '4.6', cType: 'unsigned int', spelling: 'hex', doc: 'The four bits that hold the page type, XEN_DOMCTL_PFINFO_* with the pinned bit.' });

export const XEN_DOMCTL_PFINFO_LTABTYPE_MASK = constant('XEN_DOMCTL_PFINFO_LTABTYPE_MASK', 0x70000000, { since: '4.6', cType: 'unsigned int', spelling: 'hex', doc: 'The three bits that hold the page-table level.' });

export const XEN_DOMCTL_PFINFO_LPINTAB = constant('XEN_DOMCTL_PFINFO_LPINTAB', 0x80000000, { since: '4.6', cType: 'unsigned int', spelling: 'shift', doc: 'Set with a page-table type when the table is pinned.' });

export const xen_domctl_shadow_op_stats = struct('xen_domctl_shadow_op_stats', {
  since: '4.6',
  doc: 'Page-fault and dirty-page counts since the last clean of a shadow operation.',
  fields: [
    field('fault_count', u32, { doc: 'OUT: page faults counted.' }),
    field('dirty_count', u32, { doc: 'OUT: pages found dirty.' }),
  ]
});

export const xen_domctl_shadow_op = struct('xen_domctl_shadow_op', {
  since: '4.6',
  doc: 'Payload of XEN_DOMCTL_shadow_op: control shadow paging and dirty-page logging, used by live migration.',
  holes: [
    { after: 'mb', archs: ['x86_32', 'x86_64', 'arm32', 'arm64'], reason: 'the compiler aligns the next member, `dirty_bitmap`' },
  ],
  fields: [
    field('op', u32, { doc: 'IN: a XEN_DOMCTL_SHADOW_OP_* operation. Example: 11 (CLEAN).' }),
    field('mode', u32, { doc: 'IN (ENABLE): XEN_DOMCTL_SHADOW_ENABLE_* bits.' }),
    field('mb', u32, { doc: 'IN/OUT (GET/SET_ALLOCATION): the shadow memory pool in MiB. Example: 16.' }),
    field('dirty_bitmap', handle64('uint8', 'uint8_t'), { doc: 'OUT (CLEAN, PEEK): one bit per guest frame, set for frames written since the last clean.' }),
    field('pages', uint64_aligned_t, { doc: 'IN: the bits the bitmap holds. OUT: the frames it covered. Example: 262144.' }),
    field('stats', xen_domctl_shadow_op_stats, { doc: 'OUT (CLEAN, PEEK): the counters.' }),
  ]
});

export const XEN_DOMCTL_SHADOW_OP = valueSet('XEN_DOMCTL_SHADOW_OP', {
  since: '4.6',
  field: 'xen_domctl_shadow_op.op',
  doc: 'The operations of XEN_DOMCTL_shadow_op.',
  values: [
    constant('XEN_DOMCTL_SHADOW_OP_OFF', 0, { since: '4.6', doc: 'Turn shadow paging (and dirty logging) off.' }),
    constant('XEN_DOMCTL_SHADOW_OP_ENABLE_TEST', 1, { since: '4.6', doc: 'Turn shadow paging on with no special mode (a test mode).' }),
    constant('XEN_DOMCTL_SHADOW_OP_ENABLE_LOGDIRTY', 2, { since: '4.6', doc: 'Turn dirty-page logging on.' }),
    constant('XEN_DOMCTL_SHADOW_OP_ENABLE_TRANSLATE', 3, { since: '4.6', until: '4.7', doc: 'Turn translated shadow mode on (4.6 only).' }),
    constant('XEN_DOMCTL_SHADOW_OP_CLEAN', 11, { since: '4.6', doc: 'Return the dirty bitmap and clear it.' }),
    constant('XEN_DOMCTL_SHADOW_OP_PEEK', 12, { since: '4.6', doc: 'Return the dirty bitmap and keep it.' }),
    constant('XEN_DOMCTL_SHADOW_OP_GET_ALLOCATION', 30, { since: '4.6', doc: 'Read the shadow pool size into `mb`.' }),
    constant('XEN_DOMCTL_SHADOW_OP_SET_ALLOCATION', 31, { since: '4.6', doc: 'Set the shadow pool size from `mb`.' }),
    constant('XEN_DOMCTL_SHADOW_OP_ENABLE', 32, { since: '4.6', doc: 'Turn shadow paging on in the modes `mode` names.' }),
  ],
});

export const XEN_DOMCTL_SHADOW_ENABLE = flagSet('XEN_DOMCTL_SHADOW_ENABLE', {
  since: '4.6',
  field: 'xen_domctl_shadow_op.mode',
  doc: 'The modes XEN_DOMCTL_SHADOW_OP_ENABLE can turn on.',
  flags: [
    flag('XEN_DOMCTL_SHADOW_ENABLE_REFCOUNT', 1, { since: '4.6', cType: 'int', doc: 'Count references to the guest\'s pages.' }),
    flag('XEN_DOMCTL_SHADOW_ENABLE_LOG_DIRTY', 2, { since: '4.6', cType: 'int', doc: 'Log the pages the guest writes.' }),
    flag('XEN_DOMCTL_SHADOW_ENABLE_TRANSLATE', 3, { since: '4.6', cType: 'int', doc: 'Translate guest frames to machine frames (the guest sees its own physical map).' }),
    flag('XEN_DOMCTL_SHADOW_ENABLE_EXTERNAL', 4, { since: '4.6', cType: 'int', doc: 'Keep the page tables out of the guest\'s sight (HVM).' }),
  ],
});

export const XEN_DOMCTL_SHADOW_LOGDIRTY_FINAL = constant('XEN_DOMCTL_SHADOW_LOGDIRTY_FINAL', 1, { since: '4.7', spelling: 'shift', doc: 'A `mode` bit for CLEAN and PEEK: this is the last pass of a migration.' });

export const xen_domctl_pin_mem_cacheattr = struct('xen_domctl_pin_mem_cacheattr', {
  since: '4.6',
  until: '4.11',
  doc: 'Payload of XEN_DOMCTL_pin_mem_cacheattr (until 4.11; dm_op took over): fix the cache attribute of a range of guest frames.',
  holes: [
    { after: 'type', archs: ['x86_32', 'x86_64', 'arm32', 'arm64'], reason: 'tail padding to the record\'s alignment' },
  ],
  fields: [
    field('start', uint64_aligned_t, { doc: 'IN: the first guest frame. Example: 0xf0000.' }),
    field('end', uint64_aligned_t, { doc: 'IN: the last guest frame, included. Example: 0xf0fff.' }),
    field('type', u32, { doc: 'IN: a XEN_DOMCTL_MEM_CACHEATTR_* value, or XEN_DOMCTL_DELETE_MEM_CACHEATTR.' }),
  ]
});

export const XEN_DOMCTL_MEM_CACHEATTR = valueSet('XEN_DOMCTL_MEM_CACHEATTR', {
  since: '4.6',
  doc: 'Cache attributes for XEN_DOMCTL_pin_mem_cacheattr, numbered like x86 memory types.',
  values: [
    constant('XEN_DOMCTL_MEM_CACHEATTR_UC', 0, { since: '4.6', doc: 'Uncacheable.' }),
    constant('XEN_DOMCTL_MEM_CACHEATTR_WC', 1, { since: '4.6', doc: 'Write-combining.' }),
    constant('XEN_DOMCTL_MEM_CACHEATTR_WT', 4, { since: '4.6', doc: 'Write-through.' }),
    constant('XEN_DOMCTL_MEM_CACHEATTR_WP', 5, { since: '4.6', doc: 'Write-protected.' }),
    constant('XEN_DOMCTL_MEM_CACHEATTR_WB', 6, { since: '4.6', doc: 'Write-back.' }),
    constant('XEN_DOMCTL_MEM_CACHEATTR_UCM', 7, { since: '4.6', doc: 'Uncacheable, but MTRRs may override it (UC-).' }),
  ],
});

export const XEN_DOMCTL_DELETE_MEM_CACHEATTR = constant('XEN_DOMCTL_DELETE_MEM_CACHEATTR', 0xffffffff, { since: '4.6', cType: 'unsigned int', doc: 'A `type` that removes the pinning of the range: all 32 bits set.' });

export const xen_domctl_mem_sharing_op = struct('xen_domctl_mem_sharing_op', {
  since: '4.6',
  doc: 'Payload of XEN_DOMCTL_mem_sharing_op: switch memory sharing between domains on or off for a domain.',
  fields: [
    field('op', u8, { doc: 'IN: XEN_DOMCTL_MEM_SHARING_CONTROL.' }),
    field('u', inlineUnion({
      doc: 'IN: the argument of `op`.',
      fields: [
        field('enable', u8, { doc: 'IN (CONTROL): 1 turns sharing on, 0 off.' }),
      ]
    }), { doc: 'IN: the argument of `op`.' }),
  ]
});

export const XEN_DOMCTL_MEM_SHARING_CONTROL = constant('XEN_DOMCTL_MEM_SHARING_CONTROL', 0, { since: '4.6', doc: 'The only XEN_DOMCTL_mem_sharing_op operation: turn sharing on or off.' });

export const xen_domctl_audit_p2m = struct('xen_domctl_audit_p2m', {
  since: '4.6',
  doc: 'Payload of XEN_DOMCTL_audit_p2m: counts of inconsistencies between a domain\'s P2M and the M2P table (debug builds).',
  fields: [
    field('orphans', u64, { doc: 'OUT: pages owned by the domain but absent from its P2M.' }),
    field('m2p_bad', u64, { doc: 'OUT: M2P entries that disagree with the P2M.' }),
    field('p2m_bad', u64, { doc: 'OUT: P2M entries that disagree with the M2P.' }),
  ]
});

export const xen_domctl_set_access_required = struct('xen_domctl_set_access_required', {
  since: '4.6',
  doc: 'Payload of XEN_DOMCTL_set_access_required: whether the domain must pause when a memory-access event finds no listener.',
  fields: [
    field('access_required', u8, { doc: 'IN: 1 pauses the vCPU until a listener attaches; 0 lets the access go through.' }),
  ]
});

export const xen_domctl_set_broken_page_p2m = struct('xen_domctl_set_broken_page_p2m', {
  since: '4.6',
  doc: 'Payload of XEN_DOMCTL_set_broken_page_p2m: mark a guest frame broken (a memory error), as migration found it.',
  fields: [
    field('pfn', uint64_aligned_t, { doc: 'IN: the guest frame. Example: 0x1234.' }),
  ]
});

export const xen_domctl_cacheflush = struct('xen_domctl_cacheflush', {
  since: '4.6',
  doc: 'Payload of XEN_DOMCTL_cacheflush: clean and invalidate the data cache over guest frames (Arm).',
  fields: [
    field('start_pfn', xen_pfn_t, { doc: 'IN: the first guest frame. Example: 0x40000.' }),
    field('nr_pfns', xen_pfn_t, { doc: 'IN: the number of frames. Example: 16.' }),
  ]
});

export const xen_domctl_vnuma = struct('xen_domctl_vnuma', {
  since: '4.6',
  doc: 'Payload of XEN_DOMCTL_setvnumainfo: the virtual NUMA topology the guest sees.',
  fields: [
    field('nr_vnodes', u32, { doc: 'IN: the number of virtual nodes. Example: 2.' }),
    field('nr_vmemranges', u32, { doc: 'IN: the number of memory ranges in `vmemrange`. Example: 2.' }),
    field('nr_vcpus', u32, { doc: 'IN: the number of entries of `vcpu_to_vnode`. Example: 4.' }),
    pad('pad', u32, { doc: 'Reserved; must be zero.' }),
    field('vdistance', handle64('uint', 'unsigned int'), { doc: 'IN: the distance matrix, nr_vnodes × nr_vnodes entries.' }),
    field('vcpu_to_vnode', handle64('uint', 'unsigned int'), { doc: 'IN: the virtual node of each vCPU.' }),
    field('vnode_to_pnode', handle64('uint', 'unsigned int'), { doc: 'IN: the physical node backing each virtual node.' }),
    field('vmemrange', handle64(xen_vmemrange), { doc: 'IN: the guest memory ranges and their virtual nodes.' }),
  ]
});

export const xen_domctl_set_llc_colors = struct('xen_domctl_set_llc_colors', {
  since: '4.20',
  doc: 'Payload of XEN_DOMCTL_set_llc_colors: the last-level-cache colours the domain\'s memory may come from (Arm cache colouring).',
  fields: [
    field('num_llc_colors', u32, { doc: 'IN: the number of colours in the list. Example: 4.' }),
    pad('pad', u32, { doc: 'Reserved; must be zero.' }),
    field('llc_colors', handle64('uint32', 'uint32_t'), { doc: 'IN: the colour numbers.' }),
  ]
});
