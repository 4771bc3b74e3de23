/**
 * HVM operations (`HYPERVISOR_hvm_op`), the part every build sees: HVM parameters, the p2m
 * memory types, the guest's own clock and tracing hooks, the vector for event-channel
 * upcalls, and the alternate-p2m interface (`HVMOP_altp2m`).
 *
 * The op number is the hypercall's first argument and the record its second, except for
 * `HVMOP_altp2m`, whose record names a sub-op of its own. Until 4.8 this header also held the
 * ioreq-server and other device-model ops; 4.9 moved them to `dm_op` and left only numbers
 * behind for old guests. What Xen shows only to tools builds of this header, the reserved
 * numbers 12 and 13 and the HVM_IOREQSRV_BUFIOREQ_* values, is declared with `toolsOnlySince`;
 * the device-model ops that were tools-only until 4.8 are not declared here (dm_op has them).
 */
import {
  X86,
  abiModule,
  array,
  constant,
  field,
  handle,
  i32,
  inlineUnion,
  op,
  opSet,
  pad,
  struct,
  typedef,
  u16,
  u32,
  u64,
  u8,
  valueSet,
} from 'xenabi/dsl';
import { domid_t } from './xen.ts';

const ALL = ['x86_32', 'x86_64', 'arm32', 'arm64'] as const;

// ---- Parameters -----------------------------------------------------------------------------

export const xen_hvm_param = struct('xen_hvm_param', {
  typedef: 'xen_hvm_param_t',
  since: '4.6',
  doc: 'Argument of HVMOP_set_param and HVMOP_get_param: one HVM parameter of a domain (see params.h for the HVM_PARAM_* indexes).',
  fields: [
    field('domid', domid_t, { doc: 'IN: the domain; DOMID_SELF (0x7ff0) for the caller.' }),
    pad('pad', u16, { since: '4.14', doc: 'Reserved; zero. Before 4.14 these bytes were unnamed padding.' }),
    field('index', u32, { doc: 'IN: which parameter, an HVM_PARAM_* value. Example: 1 (HVM_PARAM_STORE_PFN).' }),
    field('value', u64, { doc: 'IN (set) or OUT (get): the parameter\'s value. Example: 0xfeffc.' }),
  ],
  holes: [{ after: 'domid', archs: [...ALL], until: '4.14', reason: 'index is 4-byte aligned; 4.14 named the two bytes `pad`' }],
});

// ---- Alternate p2m: records shared with the sub-ops ------------------------------------------

export const xen_hvm_altp2m_suppress_ve = struct('xen_hvm_altp2m_suppress_ve', {
  since: '4.12',
  doc: 'Payload of HVMOP_altp2m_set_suppress_ve and HVMOP_altp2m_get_suppress_ve: the "suppress #VE" bit of one page in one view.',
  fields: [
    field('view', u16, { doc: 'IN: the altp2m view. Example: 1.' }),
    field('suppress_ve', u8, { doc: 'IN (set) or OUT (get): 1 when an EPT violation on the page must not become a #VE. Example: 1.' }),
    pad('pad1', u8, { doc: 'Reserved; zero.' }),
    pad('pad2', u32, { doc: 'Reserved; zero.' }),
    field('gfn', u64, { doc: 'IN: the guest frame. Example: 0x1000.' }),
  ],
});

export const xen_hvm_altp2m_suppress_ve_multi = struct('xen_hvm_altp2m_suppress_ve_multi', {
  since: '4.14',
  doc: 'Payload of HVMOP_altp2m_set_suppress_ve_multi: set the "suppress #VE" bit of a range of pages; Xen may stop early and report where.',
  fields: [
    field('view', u16, { doc: 'IN: the altp2m view. Example: 1.' }),
    field('suppress_ve', u8, { doc: 'IN: 1 to suppress #VE, 0 to allow it. Example: 1.' }),
    pad('pad1', u8, { doc: 'Reserved; zero.' }),
    field('first_error', i32, { doc: 'OUT: the first error met, 0 for none; set it to 0 on entry.' }),
    field('first_gfn', u64, { doc: 'IN/OUT: first frame of the range; Xen advances it as it goes. Example: 0x1000.' }),
    field('last_gfn', u64, { doc: 'IN: last frame of the range, included. Example: 0x10ff.' }),
    field('first_error_gfn', u64, { doc: 'OUT: the frame where `first_error` happened.' }),
  ],
});

// ---- Ops kept for guests of older interfaces --------------------------------------------------

export const xen_hvm_set_pci_intx_level = struct('xen_hvm_set_pci_intx_level', {
  typedef: 'xen_hvm_set_pci_intx_level_t',
  since: '4.6',
  until: '4.9',
  doc:
    'Argument of HVMOP_set_pci_intx_level: drive the INTx line of an emulated PCI device. Moved to dm_op in 4.9 ' +
    '(XEN_DMOP_set_pci_intx_level); Xen\'s header keeps it for guests built for an interface older than 0x00040900.',
  fields: [
    field('domid', domid_t, { doc: 'IN: the domain.' }),
    field('domain', u8, { doc: 'IN: PCI segment of the device. Example: 0.' }),
    field('bus', u8, { doc: 'IN: PCI bus. Example: 0.' }),
    field('device', u8, { doc: 'IN: PCI device number. Example: 3.' }),
    field('intx', u8, { doc: 'IN: the line, 0 for INTA to 3 for INTD. Example: 0.' }),
    field('level', u8, { doc: 'IN: 1 asserts the line, 0 releases it. Example: 1.' }),
  ],
  holes: [{ after: 'level', archs: [...ALL], reason: 'tail padding to the 2-byte alignment of domid' }],
});

export const xen_hvm_set_isa_irq_level = struct('xen_hvm_set_isa_irq_level', {
  typedef: 'xen_hvm_set_isa_irq_level_t',
  since: '4.6',
  until: '4.9',
  doc:
    'Argument of HVMOP_set_isa_irq_level: drive an ISA interrupt line. Moved to dm_op in 4.9 ' +
    '(XEN_DMOP_set_isa_irq_level); Xen\'s header keeps it for guests built for an interface older than 0x00040900.',
  fields: [
    field('domid', domid_t, { doc: 'IN: the domain.' }),
    field('isa_irq', u8, { doc: 'IN: the ISA interrupt, 0 to 15. Example: 4.' }),
    field('level', u8, { doc: 'IN: 1 asserts the line, 0 releases it. Example: 0.' }),
  ],
});

export const xen_hvm_set_pci_link_route = struct('xen_hvm_set_pci_link_route', {
  typedef: 'xen_hvm_set_pci_link_route_t',
  since: '4.6',
  until: '4.9',
  doc:
    'Argument of HVMOP_set_pci_link_route: route a PCI interrupt link to an ISA interrupt. Moved to dm_op in 4.9 ' +
    '(XEN_DMOP_set_pci_link_route); Xen\'s header keeps it for guests built for an interface older than 0x00040900.',
  fields: [
    field('domid', domid_t, { doc: 'IN: the domain.' }),
    field('link', u8, { doc: 'IN: the link, 0 to 3. Example: 2.' }),
    field('isa_irq', u8, { doc: 'IN: the ISA interrupt, 1 to 15, or 0 to disconnect. Example: 10.' }),
  ],
});

// ---- Memory types ---------------------------------------------------------------------------

export const hvmmem_type_t = typedef('hvmmem_type_t', u32, {
  since: '4.6',
  doc:
    'The p2m type of a guest page as a device model sees it: one of HVMMEM_*. Xen declares it as a C enum, ' +
    'which is 4 bytes and unsigned on every architecture here; the records that carry one use a uint16_t.',
});

export const HVMMEM = valueSet('HVMMEM', {
  since: '4.6',
  field: 'xen_hvm_get_mem_type.mem_type',
  doc: 'The p2m types of hvmmem_type_t, as XEN_DMOP_set_mem_type sets them and HVMOP_get_mem_type reports them.',
  values: [
    constant('HVMMEM_ram_rw', 0, { since: '4.6', doc: 'Ordinary RAM the guest reads and writes.' }),
    constant('HVMMEM_ram_ro', 1, { since: '4.6', doc: 'Read-only RAM: writes are dropped.' }),
    constant('HVMMEM_mmio_dm', 2, { since: '4.6', doc: 'Emulated MMIO: reads and writes go to the device model.' }),
    constant('HVMMEM_mmio_write_dm', 3, {
      since: '4.6',
      until: '4.7',
      doc: 'Readable RAM whose writes go to the device model. Gone in 4.7, where 3 became HVMMEM_unused; still declared for guests built for an interface older than 0x00040700.',
    }),
    constant('HVMMEM_unused', 3, { since: '4.7', doc: 'A placeholder: setting a page to it fails.' }),
    constant('HVMMEM_ioreq_server', 4, {
      since: '4.8',
      doc: 'Pages an ioreq server claimed with XEN_DMOP_map_mem_type_to_ioreq_server; only HVMMEM_ram_rw pages may change to it, and back.',
    }),
  ],
});

// ---- Guest hooks ------------------------------------------------------------------------------

export const xen_hvm_pagetable_dying = struct('xen_hvm_pagetable_dying', {
  typedef: 'xen_hvm_pagetable_dying_t',
  since: '4.6',
  doc: 'Argument of HVMOP_pagetable_dying: a hint from a PV-aware guest that it is about to tear down a page table, so shadow paging can drop it early.',
  fields: [
    field('domid', domid_t, { doc: 'IN: the domain; DOMID_SELF (0x7ff0).' }),
    pad('pad', array(u16, 3), { doc: 'Reserved; aligns `gpa` to 8 bytes.' }),
    field('gpa', u64, { doc: 'IN: guest physical address of the top-level table. Example: 0x1234000.' }),
  ],
});

export const xen_hvm_get_time = struct('xen_hvm_get_time', {
  typedef: 'xen_hvm_get_time_t',
  since: '4.6',
  doc: 'Result of HVMOP_get_time: Xen\'s system time.',
  fields: [field('now', u64, { doc: 'OUT: nanoseconds since the host booted. Example: 86400000000000.' })],
});

export const xen_hvm_xentrace = struct('xen_hvm_xentrace', {
  typedef: 'xen_hvm_xentrace_t',
  since: '4.6',
  doc: 'Argument of HVMOP_xentrace: put a guest-defined record into Xen\'s trace buffers.',
  fields: [
    field('event', u16, { doc: 'IN: the event number, within the guest range of trace.h. Example: 0x1.' }),
    field('extra_bytes', u16, { doc: 'IN: how many bytes of `extra` carry data. Example: 8.' }),
    field('extra', array(u8, 28), { doc: 'IN: the payload: TRACE_EXTRA_MAX (7) 32-bit words.' }),
  ],
});

export const xen_hvm_get_mem_type = struct('xen_hvm_get_mem_type', {
  typedef: 'xen_hvm_get_mem_type_t',
  since: '4.6',
  doc: 'Argument of HVMOP_get_mem_type: the p2m type of one guest frame.',
  fields: [
    field('domid', domid_t, { doc: 'IN: the domain.' }),
    field('mem_type', u16, { doc: 'OUT: an HVMMEM_* value. Example: 2 (HVMMEM_mmio_dm).' }),
    pad('pad', array(u16, 2), { doc: 'Reserved; aligns `pfn` to 8 bytes.' }),
    field('pfn', u64, { doc: 'IN: the guest frame. Example: 0xf0000.' }),
  ],
});

export const xen_hvm_evtchn_upcall_vector = struct('xen_hvm_evtchn_upcall_vector', {
  typedef: 'xen_hvm_evtchn_upcall_vector_t',
  since: '4.6',
  archs: [...X86],
  doc: 'Argument of HVMOP_set_evtchn_upcall_vector (x86): the interrupt vector that signals event channels to one vCPU, in place of the domain-wide callback.',
  fields: [
    field('vcpu', u32, { doc: 'IN: the vCPU. Example: 0.' }),
    field('vector', u8, { doc: 'IN: the vector. Example: 0xf3.' }),
  ],
  holes: [{ after: 'vector', archs: [...X86], reason: 'tail padding to the 4-byte alignment of vcpu' }],
});

// ---- Alternate p2m ----------------------------------------------------------------------------

export const HVMOP_ALTP2M_INTERFACE_VERSION = constant('HVMOP_ALTP2M_INTERFACE_VERSION', 0x00000001, {
  since: '4.6',
  spelling: 'hex',
  doc: 'The value xen_hvm_altp2m_op.version must hold; Xen rejects any other. Example: 0x00000001.',
});

export const xen_hvm_altp2m_domain_state = struct('xen_hvm_altp2m_domain_state', {
  typedef: 'xen_hvm_altp2m_domain_state_t',
  since: '4.6',
  doc: 'Payload of HVMOP_altp2m_get_domain_state and HVMOP_altp2m_set_domain_state.',
  fields: [field('state', u8, { doc: 'IN (set) or OUT (get): 1 when altp2m is on for the domain. Example: 1.' })],
});

export const xen_hvm_altp2m_vcpu_enable_notify = struct('xen_hvm_altp2m_vcpu_enable_notify', {
  typedef: 'xen_hvm_altp2m_vcpu_enable_notify_t',
  since: '4.6',
  doc: 'Payload of HVMOP_altp2m_vcpu_enable_notify: let one vCPU receive #VE for altp2m violations, with its information page at `gfn`.',
  fields: [
    field('vcpu_id', u32, { doc: 'IN: the vCPU. Example: 0.' }),
    pad('pad', u32, { doc: 'Reserved; zero.' }),
    field('gfn', u64, { doc: 'IN: the guest frame of the #VE information area. Example: 0x2000.' }),
  ],
});

export const xen_hvm_altp2m_vcpu_disable_notify = struct('xen_hvm_altp2m_vcpu_disable_notify', {
  typedef: 'xen_hvm_altp2m_vcpu_disable_notify_t',
  since: '4.12',
  doc: 'Payload of HVMOP_altp2m_vcpu_disable_notify: stop #VE delivery to one vCPU.',
  fields: [field('vcpu_id', u32, { doc: 'IN: the vCPU. Example: 0.' })],
});

export const xen_hvm_altp2m_view = struct('xen_hvm_altp2m_view', {
  typedef: 'xen_hvm_altp2m_view_t',
  since: '4.6',
  doc: 'Payload of HVMOP_altp2m_create_p2m, HVMOP_altp2m_destroy_p2m and HVMOP_altp2m_switch_p2m: one altp2m view.',
  fields: [
    field('view', u16, { doc: 'IN/OUT: the view; create returns the new one. Example: 1.' }),
    field('hvmmem_default_access', u16, { doc: 'IN (create): the access pages of the new view start with, a xenmem_access_t value. Example: 7 (rwx).' }),
  ],
});

export const xen_hvm_altp2m_set_mem_access = struct('xen_hvm_altp2m_set_mem_access', {
  typedef: 'xen_hvm_altp2m_set_mem_access_t',
  since: '4.6',
  until: '4.12',
  doc:
    'Payload of HVMOP_altp2m_set_mem_access until 4.11; 4.12 replaced it with xen_hvm_altp2m_mem_access, the same bytes, ' +
    'and keeps it (with the member called `access`) only for guests built for an interface older than 0x00040a00.',
  fields: [
    field('view', u16, { doc: 'IN: the view. Example: 1.' }),
    field('hvmmem_access', u16, { doc: 'IN: the access to give the page, a xenmem_access_t value. Example: 1 (r).' }),
    pad('pad', u32, { doc: 'Reserved; zero.' }),
    field('gfn', u64, { doc: 'IN: the guest frame. Example: 0x1000.' }),
  ],
});

export const xen_hvm_altp2m_mem_access = struct('xen_hvm_altp2m_mem_access', {
  typedef: 'xen_hvm_altp2m_mem_access_t',
  since: '4.12',
  doc: 'Payload of HVMOP_altp2m_set_mem_access and HVMOP_altp2m_get_mem_access: the access rights of one page in one view.',
  fields: [
    field('view', u16, { doc: 'IN: the view. Example: 1.' }),
    field('access', u16, { doc: 'IN (set) or OUT (get): a xenmem_access_t value. Example: 1 (r).' }),
    pad('pad', u32, { doc: 'Reserved; zero.' }),
    field('gfn', u64, { doc: 'IN: the guest frame. Example: 0x1000.' }),
  ],
});

export const xen_hvm_altp2m_set_mem_access_multi = struct('xen_hvm_altp2m_set_mem_access_multi', {
  since: '4.11',
  doc: 'Payload of HVMOP_altp2m_set_mem_access_multi: the access rights of many pages of one view, each with its own access; Xen may stop early and continue where `opaque` says.',
  fields: [
    field('view', u16, { doc: 'IN: the view. Example: 1.' }),
    pad('pad', u16, { doc: 'Reserved; zero.' }),
    field('nr', u32, { doc: 'IN: entries in the two arrays. Example: 16.' }),
    field('opaque', u64, { doc: 'Continuation state private to Xen; zero on the first call.' }),
    field('pfn_list', handle('uint64', 'uint64_t', { const: true }), { doc: 'IN: the guest frames.' }),
    field('access_list', handle('uint8', 'uint8_t', { const: true }), { doc: 'IN: the xenmem_access_t value for each frame.' }),
  ],
});

export const xen_hvm_altp2m_change_gfn = struct('xen_hvm_altp2m_change_gfn', {
  typedef: 'xen_hvm_altp2m_change_gfn_t',
  since: '4.6',
  doc: 'Payload of HVMOP_altp2m_change_gfn: in one view, make a guest frame show the page of another frame, or undo that.',
  fields: [
    field('view', u16, { doc: 'IN: the view. Example: 1.' }),
    pad('pad1', u16, { doc: 'Reserved; zero.' }),
    pad('pad2', u32, { doc: 'Reserved; zero.' }),
    field('old_gfn', u64, { doc: 'IN: the frame whose mapping changes. Example: 0x1000.' }),
    field('new_gfn', u64, { doc: 'IN: the frame whose page it shows, or ~0 to restore the original mapping. Example: 0x2000.' }),
  ],
});

export const xen_hvm_altp2m_get_vcpu_p2m_idx = struct('xen_hvm_altp2m_get_vcpu_p2m_idx', {
  since: '4.13',
  doc: 'Payload of HVMOP_altp2m_get_p2m_idx: which view a vCPU runs in.',
  fields: [
    field('vcpu_id', u32, { doc: 'IN: the vCPU. Example: 0.' }),
    field('altp2m_idx', u16, { doc: 'OUT: its view. Example: 1.' }),
  ],
  holes: [{ after: 'altp2m_idx', archs: [...ALL], reason: 'tail padding to the 4-byte alignment of vcpu_id' }],
});

export const xen_hvm_altp2m_set_visibility = struct('xen_hvm_altp2m_set_visibility', {
  since: '4.14',
  doc: 'Payload of HVMOP_altp2m_set_visibility: whether the guest itself may switch to a view.',
  fields: [
    field('altp2m_idx', u16, { doc: 'IN: the view. Example: 1.' }),
    field('visible', u8, { doc: 'IN: 1 to let the guest use it, 0 to hide it. Example: 0.' }),
    pad('pad', u8, { doc: 'Reserved; zero.' }),
  ],
});

export const xen_hvm_altp2m_op = struct('xen_hvm_altp2m_op', {
  typedef: 'xen_hvm_altp2m_op_t',
  since: '4.6',
  doc: 'Argument of HVMOP_altp2m: one alternate-p2m sub-op, named by `cmd`, with its payload in `u`.',
  fields: [
    field('version', u32, { doc: 'IN: HVMOP_ALTP2M_INTERFACE_VERSION. Example: 1.' }),
    field('cmd', u32, { doc: 'IN: the sub-op, an HVMOP_altp2m_* value. Example: 6 (switch_p2m).' }),
    field('domain', domid_t, { doc: 'IN: the domain; DOMID_SELF (0x7ff0) when a guest manages its own views.' }),
    pad('pad1', u16, { doc: 'Reserved; zero.' }),
    pad('pad2', u32, { doc: 'Reserved; zero.' }),
    field(
      'u',
      inlineUnion({
        doc: 'The payload; `cmd` says which member is meant. Always 64 bytes.',
        fields: [
          field('domain_state', xen_hvm_altp2m_domain_state, { doc: 'For HVMOP_altp2m_get_domain_state and HVMOP_altp2m_set_domain_state.' }),
          field('enable_notify', xen_hvm_altp2m_vcpu_enable_notify, { doc: 'For HVMOP_altp2m_vcpu_enable_notify.' }),
          field('view', xen_hvm_altp2m_view, { doc: 'For HVMOP_altp2m_create_p2m, HVMOP_altp2m_destroy_p2m and HVMOP_altp2m_switch_p2m.' }),
          field('set_mem_access', xen_hvm_altp2m_set_mem_access, { until: '4.12', doc: 'For HVMOP_altp2m_set_mem_access before 4.12; became `mem_access`.' }),
          field('mem_access', xen_hvm_altp2m_mem_access, { since: '4.12', doc: 'For HVMOP_altp2m_set_mem_access and HVMOP_altp2m_get_mem_access.' }),
          field('change_gfn', xen_hvm_altp2m_change_gfn, { doc: 'For HVMOP_altp2m_change_gfn.' }),
          field('set_mem_access_multi', xen_hvm_altp2m_set_mem_access_multi, { since: '4.11', doc: 'For HVMOP_altp2m_set_mem_access_multi.' }),
          field('suppress_ve', xen_hvm_altp2m_suppress_ve, { since: '4.12', doc: 'For HVMOP_altp2m_set_suppress_ve and HVMOP_altp2m_get_suppress_ve.' }),
          field('suppress_ve_multi', xen_hvm_altp2m_suppress_ve_multi, { since: '4.14', doc: 'For HVMOP_altp2m_set_suppress_ve_multi.' }),
          field('disable_notify', xen_hvm_altp2m_vcpu_disable_notify, { since: '4.12', doc: 'For HVMOP_altp2m_vcpu_disable_notify.' }),
          field('get_vcpu_p2m_idx', xen_hvm_altp2m_get_vcpu_p2m_idx, { since: '4.13', doc: 'For HVMOP_altp2m_get_p2m_idx.' }),
          field('set_visibility', xen_hvm_altp2m_set_visibility, { since: '4.14', doc: 'For HVMOP_altp2m_set_visibility.' }),
          pad('pad', array(u8, 64), { doc: 'Fixes the union at 64 bytes.' }),
        ],
      }),
      { doc: 'The payload of the sub-op.' },
    ),
  ],
});

export const HVMOP_altp2m_cmd = opSet('HVMOP_altp2m_cmd', {
  since: '4.6',
  field: 'xen_hvm_altp2m_op.cmd',
  doc: 'The alternate-p2m sub-ops of HVMOP_altp2m: each number with the member of xen_hvm_altp2m_op.u that carries it.',
  dispatch: { record: xen_hvm_altp2m_op, opField: 'cmd', payloadField: 'u' },
  ops: [
    op(constant('HVMOP_altp2m_get_domain_state', 1, { since: '4.6', doc: 'Is altp2m on for the domain?' }), {
      member: 'domain_state',
      record: xen_hvm_altp2m_domain_state,
    }),
    op(constant('HVMOP_altp2m_set_domain_state', 2, { since: '4.6', doc: 'Turn altp2m on or off for the domain.' }), {
      member: 'domain_state',
      record: xen_hvm_altp2m_domain_state,
    }),
    op(constant('HVMOP_altp2m_vcpu_enable_notify', 3, { since: '4.6', doc: 'Deliver #VE to a vCPU.' }), {
      member: 'enable_notify',
      record: xen_hvm_altp2m_vcpu_enable_notify,
    }),
    op(constant('HVMOP_altp2m_create_p2m', 4, { since: '4.6', doc: 'Create a view.' }), { member: 'view', record: xen_hvm_altp2m_view }),
    op(constant('HVMOP_altp2m_destroy_p2m', 5, { since: '4.6', doc: 'Destroy a view.' }), { member: 'view', record: xen_hvm_altp2m_view }),
    op(constant('HVMOP_altp2m_switch_p2m', 6, { since: '4.6', doc: 'Switch every vCPU of the domain to a view.' }), {
      member: 'view',
      record: xen_hvm_altp2m_view,
    }),
    op(
      constant('HVMOP_altp2m_set_mem_access', 7, {
        since: '4.6',
        doc: 'Set the access of one page in a view (payload `set_mem_access` before 4.12, `mem_access` after: the same bytes).',
      }),
      { member: 'mem_access' },
    ),
    op(constant('HVMOP_altp2m_change_gfn', 8, { since: '4.6', doc: 'Remap a guest frame within a view.' }), {
      member: 'change_gfn',
      record: xen_hvm_altp2m_change_gfn,
    }),
    op(constant('HVMOP_altp2m_set_mem_access_multi', 9, { since: '4.11', doc: 'Set the access of many pages in a view.' }), {
      member: 'set_mem_access_multi',
      record: xen_hvm_altp2m_set_mem_access_multi,
    }),
    op(constant('HVMOP_altp2m_set_suppress_ve', 10, { since: '4.12', doc: 'Set the "suppress #VE" bit of a page.' }), {
      member: 'suppress_ve',
      record: xen_hvm_altp2m_suppress_ve,
    }),
    op(constant('HVMOP_altp2m_get_suppress_ve', 11, { since: '4.12', doc: 'Read the "suppress #VE" bit of a page.' }), {
      member: 'suppress_ve',
      record: xen_hvm_altp2m_suppress_ve,
    }),
    op(constant('HVMOP_altp2m_get_mem_access', 12, { since: '4.12', doc: 'Read the access of one page in a view.' }), {
      member: 'mem_access',
      record: xen_hvm_altp2m_mem_access,
    }),
    op(constant('HVMOP_altp2m_vcpu_disable_notify', 13, { since: '4.12', doc: 'Stop delivering #VE to a vCPU.' }), {
      member: 'disable_notify',
      record: xen_hvm_altp2m_vcpu_disable_notify,
    }),
    op(constant('HVMOP_altp2m_get_p2m_idx', 14, { since: '4.13', doc: 'Which view a vCPU runs in.' }), {
      member: 'get_vcpu_p2m_idx',
      record: xen_hvm_altp2m_get_vcpu_p2m_idx,
    }),
    op(constant('HVMOP_altp2m_set_suppress_ve_multi', 15, { since: '4.14', doc: 'Set the "suppress #VE" bit of a range of pages.' }), {
      member: 'suppress_ve_multi',
      record: xen_hvm_altp2m_suppress_ve_multi,
    }),
    op(constant('HVMOP_altp2m_set_visibility', 16, { since: '4.14', doc: 'Show a view to the guest or hide it.' }), {
      member: 'set_visibility',
      record: xen_hvm_altp2m_set_visibility,
    }),
  ],
});

// ---- Ioreq server options -------------------------------------------------------------------

export const HVM_IOREQSRV_BUFIOREQ = valueSet('HVM_IOREQSRV_BUFIOREQ', {
  since: '4.6',
  toolsOnlySince: '4.6',
  doc:
    'How an ioreq server takes buffered requests: the values of `handle_bufioreq` of XEN_DMOP_create_ioreq_server ' +
    '(HVMOP_create_ioreq_server before 4.9). Xen declares them only for tools builds.',
  values: [
    constant('HVM_IOREQSRV_BUFIOREQ_OFF', 0, { since: '4.6', doc: 'No buffered ring: every request waits for the server.' }),
    constant('HVM_IOREQSRV_BUFIOREQ_LEGACY', 1, { since: '4.6', doc: 'A buffered ring whose pointers are updated one at a time.' }),
    constant('HVM_IOREQSRV_BUFIOREQ_ATOMIC', 2, {
      since: '4.6',
      doc: 'A buffered ring whose read pointer is updated atomically and whose pointer pair is read in one access.',
    }),
  ],
});

// ---- The operations --------------------------------------------------------------------------

export const HVMOP = opSet('HVMOP', {
  since: '4.6',
  doc:
    'The HVM operations: the op number is the first argument of HYPERVISOR_hvm_op and the record the ' +
    'second. Numbers missing here were device-model ops, shown only to tools builds and moved to dm_op in 4.9.',
  ops: [
    op(constant('HVMOP_set_param', 0, { since: '4.6', doc: 'Set an HVM parameter.' }), { record: xen_hvm_param }),
    op(constant('HVMOP_get_param', 1, { since: '4.6', doc: 'Read an HVM parameter.' }), { record: xen_hvm_param }),
    op(constant('HVMOP_set_pci_intx_level', 2, { since: '4.6', until: '4.9', doc: 'Drive a PCI INTx line (dm_op from 4.9).' }), {
      record: xen_hvm_set_pci_intx_level,
    }),
    op(constant('HVMOP_set_isa_irq_level', 3, { since: '4.6', until: '4.9', doc: 'Drive an ISA interrupt line (dm_op from 4.9).' }), {
      record: xen_hvm_set_isa_irq_level,
    }),
    op(constant('HVMOP_set_pci_link_route', 4, { since: '4.6', until: '4.9', doc: 'Route a PCI link to an ISA interrupt (dm_op from 4.9).' }), {
      record: xen_hvm_set_pci_link_route,
    }),
    op(constant('HVMOP_flush_tlbs', 5, { since: '4.6', doc: 'Flush the TLBs of every vCPU; the argument must be null.' })),
    op(constant('HVMOP_pagetable_dying', 9, { since: '4.6', doc: 'Hint that a page table is about to go.' }), { record: xen_hvm_pagetable_dying }),
    op(constant('HVMOP_get_time', 10, { since: '4.6', doc: 'Read Xen\'s system time.' }), { record: xen_hvm_get_time }),
    op(constant('HVMOP_xentrace', 11, { since: '4.6', doc: 'Write a guest record into the trace buffers.' }), { record: xen_hvm_xentrace }),
    op(
      constant('HVMOP_set_mem_access', 12, {
        since: '4.6',
        toolsOnlySince: '4.6',
        doc: 'Reserved: the number of the retired call that set page access rights (XENMEM_access_op does it now). Xen shows it only to tools builds.',
      }),
    ),
    op(
      constant('HVMOP_get_mem_access', 13, {
        since: '4.6',
        toolsOnlySince: '4.6',
        doc: 'Reserved: the number of the retired call that read page access rights (XENMEM_access_op does it now). Xen shows it only to tools builds.',
      }),
    ),
    op(constant('HVMOP_get_mem_type', 15, { since: '4.6', doc: 'Read the p2m type of a guest frame.' }), { record: xen_hvm_get_mem_type }),
    op(constant('HVMOP_set_evtchn_upcall_vector', 23, { since: '4.6', archs: [...X86], doc: 'Give a vCPU its own event-channel vector (x86).' }), {
      record: xen_hvm_evtchn_upcall_vector,
    }),
    op(constant('HVMOP_guest_request_vm_event', 24, { since: '4.6', doc: 'Send an event to the domain\'s vm_event monitor; the argument must be null.' })),
    op(constant('HVMOP_altp2m', 25, { since: '4.6', doc: 'Run an alternate-p2m sub-op.' }), { record: xen_hvm_altp2m_op }),
  ],
});

export default abiModule({
  name: 'hvm_op',
  xenHeader: 'hvm/hvm_op.h',
  xenGuard: '__XEN_PUBLIC_HVM_HVM_OP_H__',
  coverage: 'full',
  doc: 'HVM operations: parameters, memory types, guest hooks and alternate p2m, and the few numbers and values Xen shows only to tools builds.',
  items: [
    xen_hvm_param,
    xen_hvm_altp2m_suppress_ve,
    xen_hvm_altp2m_suppress_ve_multi,
    xen_hvm_set_pci_intx_level,
    xen_hvm_set_isa_irq_level,
    xen_hvm_set_pci_link_route,
    hvmmem_type_t,
    HVMMEM,
    xen_hvm_pagetable_dying,
    xen_hvm_get_time,
    xen_hvm_xentrace,
    xen_hvm_get_mem_type,
    HVM_IOREQSRV_BUFIOREQ,
    xen_hvm_evtchn_upcall_vector,
    HVMOP_ALTP2M_INTERFACE_VERSION,
    xen_hvm_altp2m_domain_state,
    xen_hvm_altp2m_vcpu_enable_notify,
    xen_hvm_altp2m_vcpu_disable_notify,
    xen_hvm_altp2m_view,
    xen_hvm_altp2m_set_mem_access,
    xen_hvm_altp2m_mem_access,
    xen_hvm_altp2m_set_mem_access_multi,
    xen_hvm_altp2m_change_gfn,
    xen_hvm_altp2m_get_vcpu_p2m_idx,
    xen_hvm_altp2m_set_visibility,
    xen_hvm_altp2m_op,
    HVMOP_altp2m_cmd,
    HVMOP,
  ],
});
