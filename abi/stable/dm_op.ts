/**
 * Device-model operations (`HYPERVISOR_dm_op`): how an emulator such as QEMU, running in
 * another domain, drives the virtual hardware of an HVM guest. Each call carries a list of
 * buffers; the first holds a `xen_dm_op` naming the operation, and some operations read or
 * write further buffers.
 *
 * Xen 4.9 introduced the interface with operations 1–15; later releases only appended
 * operations and renamed fields in place, so every layout has been the same since 4.9.
 * Until 4.14 Xen hid everything except `xen_dm_op_buf` from non-tools builds; the layouts
 * here are the tools (`__XEN_TOOLS__`) ones, where `uint64_aligned_t` is 8-byte aligned
 * on x86_32 too.
 */
import {
  abiModule,
  array,
  constant,
  field,
  flag,
  flagSet,
  handle,
  inlineUnion,
  macro,
  op,
  opSet,
  pad,
  struct,
  typedef,
  u16,
  u32,
  u64,
  u8,
  uint64_aligned_t,
  valueSet,
  xen_ulong_t,
} from 'xenabi/dsl';
import { evtchn_port_t } from './event_channel.ts';

export const ioservid_t = typedef('ioservid_t', u16, {
  since: '4.9',
  doc: 'Names one ioreq server of a domain. Example: 1 (the first server a device model creates).',
});

// ---- Ioreq servers -------------------------------------------------------------------------

export const xen_dm_op_create_ioreq_server = struct('xen_dm_op_create_ioreq_server', {
  typedef: 'xen_dm_op_create_ioreq_server_t',
  since: '4.9',
  doc: 'Payload of XEN_DMOP_create_ioreq_server: asks Xen for a new ioreq server and returns its id.',
  fields: [
    field('handle_bufioreq', u8, {
      direction: 'in',
      doc: 'how the server takes buffered (posted) requests, an HVM_IOREQSRV_BUFIOREQ_* value of hvm_op.h; 0 for not at all. Example: 2 (atomic).',
    }),
    pad('pad', array(u8, 3), { doc: 'Reserved; must be zero.' }),
    field('id', ioservid_t, { direction: 'out', doc: 'the id of the new server. Example: 1.' }),
  ],
});

export const xen_dm_op_get_ioreq_server_info = struct('xen_dm_op_get_ioreq_server_info', {
  typedef: 'xen_dm_op_get_ioreq_server_info_t',
  since: '4.9',
  doc:
    'Payload of XEN_DMOP_get_ioreq_server_info: where a server finds its synchronous request page, ' +
    'its buffered request ring and the event channel for buffered requests.',
  fields: [
    field('id', ioservid_t, { direction: 'in', doc: 'the server to describe. Example: 1.' }),
    pad('pad', u16, { until: '4.11', doc: 'Reserved and zero; became `flags` in 4.11.' }),
    field('flags', u16, {
      since: '4.11',
      direction: 'in',
      doc: 'XEN_DMOP_no_gfns or 0. With XEN_DMOP_no_gfns Xen leaves both frame numbers unset. Example: 0.',
    }),
    field('bufioreq_port', evtchn_port_t, {
      direction: 'out',
      doc: 'the event channel Xen signals when it posts buffered requests. Example: 37.',
    }),
    field('ioreq_pfn', uint64_aligned_t, {
      until: '4.10',
      direction: 'out',
      doc: 'guest frame of the synchronous request page; renamed `ioreq_gfn` in 4.10.',
    }),
    field('ioreq_gfn', uint64_aligned_t, {
      since: '4.10',
      direction: 'out',
      doc: 'guest frame of the synchronous request page. Example: 0xfeff0.',
    }),
    field('bufioreq_pfn', uint64_aligned_t, {
      until: '4.10',
      direction: 'out',
      doc: 'guest frame of the buffered request ring; renamed `bufioreq_gfn` in 4.10.',
    }),
    field('bufioreq_gfn', uint64_aligned_t, {
      since: '4.10',
      direction: 'out',
      doc: 'guest frame of the buffered request ring. Example: 0xfeff1.',
    }),
  ],
});

export const XEN_DMOP_get_ioreq_server_info_flags = flagSet('XEN_DMOP_get_ioreq_server_info_flags', {
  since: '4.11',
  field: 'xen_dm_op_get_ioreq_server_info.flags',
  doc: 'Options of XEN_DMOP_get_ioreq_server_info.',
  flags: [
    flag('XEN_DMOP_no_gfns', 0, {
      bitConstant: '_XEN_DMOP_no_gfns',
      since: '4.11',
      doc:
        'Skip the frame numbers: for emulators that map the server pages as a resource ' +
        'instead of through guest frames.',
    }),
  ],
});

export const xen_dm_op_ioreq_server_range = struct('xen_dm_op_ioreq_server_range', {
  typedef: 'xen_dm_op_ioreq_server_range_t',
  since: '4.9',
  doc:
    'Payload of XEN_DMOP_map_io_range_to_ioreq_server and XEN_DMOP_unmap_io_range_from_ioreq_server: ' +
    'an inclusive range of ports, MMIO addresses or PCI functions that a server claims or gives back.',
  fields: [
    field('id', ioservid_t, { direction: 'in', doc: 'the server. Example: 1.' }),
    pad('pad', u16, { doc: 'Reserved; must be zero.' }),
    field('type', u32, { direction: 'in', doc: 'what the range counts, one of XEN_DMOP_IO_RANGE_*. Example: 1 (MMIO).' }),
    field('start', uint64_aligned_t, { direction: 'in', doc: 'first port, address or PCI SBDF of the range. Example: 0xf0000000.' }),
    field('end', uint64_aligned_t, { direction: 'in', doc: 'last port, address or PCI SBDF, included. Example: 0xf0ffffff.' }),
  ],
});

export const XEN_DMOP_PCI_SBDF = macro('XEN_DMOP_PCI_SBDF', ['s', 'b', 'd', 'f'], '((s & 0xffff) << 16) | ((b & 0xff) << 8) | ((d & 0x1f) << 3) | (f & 0x7)', {
  since: '4.9',
  samples: [[0, 0, 0, 0], [0, 1, 2, 3], [1, 0xff, 0x1f, 7]],
  doc: 'A PCI device as XEN_DMOP_IO_RANGE_PCI ranges give it: segment s, bus b, device d and function f packed in 32 bits.',
});

export const XEN_DMOP_IO_RANGE = valueSet('XEN_DMOP_IO_RANGE', {
  since: '4.9',
  field: 'xen_dm_op_ioreq_server_range.type',
  doc: 'What the bounds of an ioreq server range count.',
  values: [
    constant('XEN_DMOP_IO_RANGE_PORT', 0, { since: '4.9', doc: 'I/O port numbers.' }),
    constant('XEN_DMOP_IO_RANGE_MEMORY', 1, { since: '4.9', doc: 'Guest physical addresses of MMIO.' }),
    constant('XEN_DMOP_IO_RANGE_PCI', 2, {
      since: '4.9',
      doc: 'PCI functions, encoded as segment << 16 | bus << 8 | device << 3 | function.',
    }),
  ],
});

export const xen_dm_op_set_ioreq_server_state = struct('xen_dm_op_set_ioreq_server_state', {
  typedef: 'xen_dm_op_set_ioreq_server_state_t',
  since: '4.9',
  doc: 'Payload of XEN_DMOP_set_ioreq_server_state: turns a server on or off.',
  fields: [
    field('id', ioservid_t, { direction: 'in', doc: 'the server. Example: 1.' }),
    field('enabled', u8, { direction: 'in', doc: '1 to start sending the server requests, 0 to stop. Example: 1.' }),
    pad('pad', u8, { doc: 'Reserved; must be zero.' }),
  ],
});

export const xen_dm_op_destroy_ioreq_server = struct('xen_dm_op_destroy_ioreq_server', {
  typedef: 'xen_dm_op_destroy_ioreq_server_t',
  since: '4.9',
  doc: 'Payload of XEN_DMOP_destroy_ioreq_server: removes a server and every range it claimed.',
  fields: [
    field('id', ioservid_t, { direction: 'in', doc: 'the server. Example: 1.' }),
    pad('pad', u16, { doc: 'Reserved; must be zero.' }),
  ],
});

// ---- Dirty framebuffer tracking -------------------------------------------------------------

export const xen_dm_op_track_dirty_vram = struct('xen_dm_op_track_dirty_vram', {
  typedef: 'xen_dm_op_track_dirty_vram_t',
  since: '4.9',
  doc:
    'Payload of XEN_DMOP_track_dirty_vram: reports which frames of the emulated framebuffer the guest ' +
    'wrote since the last call; the bitmap goes in the second buffer.',
  fields: [
    field('nr', u32, { direction: 'in', doc: 'how many frames to track. Example: 2048.' }),
    pad('pad', u32, { doc: 'Reserved; must be zero.' }),
    field('first_pfn', uint64_aligned_t, { direction: 'in', doc: 'first guest frame of the framebuffer. Example: 0xf0000.' }),
  ],
});

// ---- Interrupt lines ------------------------------------------------------------------------

export const xen_dm_op_set_pci_intx_level = struct('xen_dm_op_set_pci_intx_level', {
  typedef: 'xen_dm_op_set_pci_intx_level_t',
  since: '4.9',
  doc: 'Payload of XEN_DMOP_set_pci_intx_level: raises or lowers the INTx line of an emulated PCI device.',
  fields: [
    field('domain', u16, { direction: 'in', doc: 'PCI segment of the device. Example: 0.' }),
    field('bus', u8, { direction: 'in', doc: 'PCI bus. Example: 0.' }),
    field('device', u8, { direction: 'in', doc: 'PCI device number. Example: 3.' }),
    field('intx', u8, { direction: 'in', doc: 'which line, 0 for INTA to 3 for INTD. Example: 0.' }),
    field('level', u8, { direction: 'in', doc: '1 asserts the line, 0 releases it. Example: 1.' }),
  ],
});

export const xen_dm_op_set_isa_irq_level = struct('xen_dm_op_set_isa_irq_level', {
  typedef: 'xen_dm_op_set_isa_irq_level_t',
  since: '4.9',
  doc: 'Payload of XEN_DMOP_set_isa_irq_level: raises or lowers a legacy ISA interrupt line.',
  fields: [
    field('isa_irq', u8, { direction: 'in', doc: 'the ISA interrupt, 0 to 15. Example: 4.' }),
    field('level', u8, { direction: 'in', doc: '1 asserts the line, 0 releases it. Example: 0.' }),
  ],
});

export const xen_dm_op_set_pci_link_route = struct('xen_dm_op_set_pci_link_route', {
  typedef: 'xen_dm_op_set_pci_link_route_t',
  since: '4.9',
  doc: 'Payload of XEN_DMOP_set_pci_link_route: connects one of the four PCI interrupt links to an ISA interrupt.',
  fields: [
    field('link', u8, { direction: 'in', doc: 'the PCI interrupt link, 0 to 3. Example: 2.' }),
    field('isa_irq', u8, { direction: 'in', doc: 'the ISA interrupt it drives, 1 to 15, or 0 to disconnect it. Example: 10.' }),
  ],
});

// ---- Guest memory ---------------------------------------------------------------------------

export const xen_dm_op_modified_memory = struct('xen_dm_op_modified_memory', {
  typedef: 'xen_dm_op_modified_memory_t',
  since: '4.9',
  doc:
    'Payload of XEN_DMOP_modified_memory: tells Xen the emulator wrote guest memory, so it is logged ' +
    'as dirty; the extents, each a xen_dm_op_modified_memory_extent, go in the second buffer.',
  fields: [
    field('nr_extents', u32, {
      direction: 'in',
      doc: 'how many extents the second buffer holds. On failure Xen returns the index of the failing extent plus one. Example: 1.',
    }),
    field('opaque', u32, { doc: 'Continuation state private to Xen; the caller sets it to zero. Example: 0.' }),
  ],
});

export const xen_dm_op_modified_memory_extent = struct('xen_dm_op_modified_memory_extent', {
  since: '4.9',
  doc: 'One run of guest frames the emulator wrote, as passed to XEN_DMOP_modified_memory.',
  fields: [
    field('nr', u32, { doc: 'Input: how many consecutive frames. Example: 16.' }),
    pad('pad', u32, { doc: 'Reserved; must be zero.' }),
    field('first_pfn', uint64_aligned_t, { doc: 'Input: first guest frame of the run. Example: 0x1000.' }),
  ],
});

export const xen_dm_op_set_mem_type = struct('xen_dm_op_set_mem_type', {
  typedef: 'xen_dm_op_set_mem_type_t',
  since: '4.9',
  doc: 'Payload of XEN_DMOP_set_mem_type: changes the p2m type of a run of guest frames.',
  fields: [
    field('nr', u32, { direction: 'in', doc: 'how many consecutive frames. Example: 256.' }),
    field('mem_type', u16, { direction: 'in', doc: 'the new type, an hvmmem_type_t value. Example: 2 (HVMMEM_mmio_dm).' }),
    pad('pad', u16, { doc: 'Reserved; must be zero.' }),
    field('first_pfn', uint64_aligned_t, { direction: 'in', doc: 'first guest frame of the run. Example: 0xf0000.' }),
  ],
});

// ---- Event injection ------------------------------------------------------------------------

export const xen_dm_op_inject_event = struct('xen_dm_op_inject_event', {
  typedef: 'xen_dm_op_inject_event_t',
  since: '4.9',
  doc: 'Payload of XEN_DMOP_inject_event: delivers an interrupt or exception to one vCPU.',
  fields: [
    field('vcpuid', u32, { direction: 'in', doc: 'the vCPU that takes the event. Example: 0.' }),
    field('vector', u8, { direction: 'in', doc: 'the interrupt or exception vector. Example: 14 (#PF).' }),
    field('type', u8, { direction: 'in', doc: 'the kind of event, one of XEN_DMOP_EVENT_*. Example: 3.' }),
    field('insn_len', u8, { direction: 'in', doc: 'length of the instruction that raised a software event, else 0. Example: 2.' }),
    pad('pad0', u8, { doc: 'Reserved; must be zero.' }),
    field('error_code', u32, { direction: 'in', doc: 'the error code to push, or 0xffffffff for none. Example: 0x2.' }),
    pad('pad1', u32, { doc: 'Reserved; must be zero.' }),
    field('cr2', uint64_aligned_t, {
      direction: 'in',
      doc: 'extra data for some vectors: the faulting address for #PF, the pending debug state for #DB. Example: 0x7f0000001000.',
    }),
  ],
});

export const XEN_DMOP_EVENT = valueSet('XEN_DMOP_EVENT', {
  since: '4.9',
  field: 'xen_dm_op_inject_event.type',
  doc: 'The kinds of event XEN_DMOP_inject_event delivers; the numbers are the x86 event types Xen uses internally.',
  values: [
    constant('XEN_DMOP_EVENT_ext_int', 0, { since: '4.9', doc: 'An external interrupt.' }),
    constant('XEN_DMOP_EVENT_nmi', 2, { since: '4.9', doc: 'A non-maskable interrupt.' }),
    constant('XEN_DMOP_EVENT_hw_exc', 3, { since: '4.9', doc: 'A hardware exception.' }),
    constant('XEN_DMOP_EVENT_sw_int', 4, { since: '4.9', doc: 'A software interrupt from an INT n instruction.' }),
    constant('XEN_DMOP_EVENT_pri_sw_exc', 5, { since: '4.9', doc: 'The privileged software exception of ICEBP (INT1).' }),
    constant('XEN_DMOP_EVENT_sw_exc', 6, { since: '4.9', doc: 'A software exception from INT3 or INTO.' }),
  ],
});

export const xen_dm_op_inject_msi = struct('xen_dm_op_inject_msi', {
  typedef: 'xen_dm_op_inject_msi_t',
  since: '4.9',
  doc: 'Payload of XEN_DMOP_inject_msi: delivers a message-signalled interrupt as an emulated device would write it.',
  fields: [
    field('data', u32, { direction: 'in', doc: 'the low 32 bits of the MSI data. Example: 0x4041.' }),
    pad('pad', u32, { doc: 'Reserved; must be zero.' }),
    field('addr', uint64_aligned_t, { direction: 'in', doc: 'the MSI address. Example: 0xfee00000.' }),
  ],
});

// ---- Memory types claimed by servers --------------------------------------------------------

export const xen_dm_op_map_mem_type_to_ioreq_server = struct('xen_dm_op_map_mem_type_to_ioreq_server', {
  typedef: 'xen_dm_op_map_mem_type_to_ioreq_server_t',
  since: '4.9',
  doc:
    'Payload of XEN_DMOP_map_mem_type_to_ioreq_server: sends accesses to every page of one p2m type ' +
    'to a server. Its last field is a plain uint64_t, so on x86_32 the record is only 4-byte aligned.',
  fields: [
    field('id', ioservid_t, { direction: 'in', doc: 'the server. Example: 1.' }),
    field('type', u16, { direction: 'in', doc: 'the p2m type, an hvmmem_type_t value. Example: 4 (HVMMEM_ioreq_server).' }),
    field('flags', u32, {
      direction: 'in',
      doc: 'which accesses to forward, XEN_DMOP_IOREQ_MEM_ACCESS_* bits; 0 removes the mapping. Example: 2.',
    }),
    field('opaque', u64, { doc: 'Continuation state private to Xen; the caller sets it to zero. Example: 0.' }),
  ],
});

export const XEN_DMOP_IOREQ_MEM_ACCESS = flagSet('XEN_DMOP_IOREQ_MEM_ACCESS', {
  since: '4.9',
  field: 'xen_dm_op_map_mem_type_to_ioreq_server.flags',
  doc: 'The accesses to pages of a p2m type that XEN_DMOP_map_mem_type_to_ioreq_server forwards.',
  flags: [
    flag('XEN_DMOP_IOREQ_MEM_ACCESS_READ', 0, { since: '4.9', doc: 'Forward reads.' }),
    flag('XEN_DMOP_IOREQ_MEM_ACCESS_WRITE', 1, { since: '4.9', doc: 'Forward writes.' }),
  ],
});

// ---- Operations added after 4.9 -------------------------------------------------------------

export const xen_dm_op_remote_shutdown = struct('xen_dm_op_remote_shutdown', {
  typedef: 'xen_dm_op_remote_shutdown_t',
  since: '4.10',
  doc: 'Payload of XEN_DMOP_remote_shutdown: shuts the guest down on behalf of its emulated hardware.',
  fields: [
    field('reason', u32, {
      direction: 'in',
      doc: 'why, normally a SHUTDOWN_* value of sched.h; Xen passes other values on unchecked. Example: 1 (SHUTDOWN_reboot).',
    }),
  ],
});

export const xen_dm_op_relocate_memory = struct('xen_dm_op_relocate_memory', {
  typedef: 'xen_dm_op_relocate_memory_t',
  since: '4.11',
  doc:
    'Payload of XEN_DMOP_relocate_memory: moves a run of guest frames to a new place in the guest ' +
    'physical map. Every field is updated as the work proceeds; the values after the call carry no meaning.',
  fields: [
    field('size', u32, { direction: 'inout', doc: 'how many frames to move. Example: 64.' }),
    pad('pad', u32, { doc: 'Reserved; must be zero.' }),
    field('src_gfn', uint64_aligned_t, { direction: 'inout', doc: 'first guest frame to move. Example: 0xf0000.' }),
    field('dst_gfn', uint64_aligned_t, { direction: 'inout', doc: 'guest frame the first one moves to. Example: 0xe0000.' }),
  ],
});

export const xen_dm_op_pin_memory_cacheattr = struct('xen_dm_op_pin_memory_cacheattr', {
  typedef: 'xen_dm_op_pin_memory_cacheattr_t',
  since: '4.11',
  doc: 'Payload of XEN_DMOP_pin_memory_cacheattr: fixes the cache attribute of a range of guest frames.',
  fields: [
    field('start', uint64_aligned_t, { direction: 'in', doc: 'first guest frame. Example: 0xa0.' }),
    field('end', uint64_aligned_t, { direction: 'in', doc: 'last guest frame, included. Example: 0xbf.' }),
    field('type', u32, {
      direction: 'in',
      doc: 'a XEN_DMOP_MEM_CACHEATTR_* value, or XEN_DMOP_DELETE_MEM_CACHEATTR to unpin. Example: 1 (WC).',
    }),
    pad('pad', u32, { doc: 'Reserved; must be zero.' }),
  ],
});

export const XEN_DMOP_MEM_CACHEATTR = valueSet('XEN_DMOP_MEM_CACHEATTR', {
  since: '4.11',
  field: 'xen_dm_op_pin_memory_cacheattr.type',
  doc: 'Cache attributes a range can be pinned to; the numbers are the x86 MTRR and PAT memory type codes.',
  values: [
    constant('XEN_DMOP_MEM_CACHEATTR_UC', 0, { since: '4.11', doc: 'Uncacheable.' }),
    constant('XEN_DMOP_MEM_CACHEATTR_WC', 1, { since: '4.11', doc: 'Write-combining.' }),
    constant('XEN_DMOP_MEM_CACHEATTR_WT', 4, { since: '4.11', doc: 'Write-through.' }),
    constant('XEN_DMOP_MEM_CACHEATTR_WP', 5, { since: '4.11', doc: 'Write-protected.' }),
    constant('XEN_DMOP_MEM_CACHEATTR_WB', 6, { since: '4.11', doc: 'Write-back.' }),
    constant('XEN_DMOP_MEM_CACHEATTR_UCM', 7, { since: '4.11', doc: 'Uncacheable, but MTRRs may override it (UC-).' }),
  ],
});

export const XEN_DMOP_DELETE_MEM_CACHEATTR = constant('XEN_DMOP_DELETE_MEM_CACHEATTR', 0xffffffff, {
  since: '4.11',
  cType: 'unsigned int',
  spelling: 'hex',
  doc: 'A `type` for XEN_DMOP_pin_memory_cacheattr that removes the pinning of the range: all 32 bits set.',
});

export const xen_dm_op_set_irq_level = struct('xen_dm_op_set_irq_level', {
  typedef: 'xen_dm_op_set_irq_level_t',
  since: '4.15',
  doc: 'Payload of XEN_DMOP_set_irq_level: raises or lowers an interrupt line given by number; Arm guests use it.',
  fields: [
    field('irq', u32, { direction: 'in', doc: 'the interrupt line. Example: 40.' }),
    field('level', u8, { direction: 'in', doc: '1 asserts the line, 0 releases it. Example: 1.' }),
    pad('pad', array(u8, 3), { doc: 'Reserved; must be zero.' }),
  ],
});

export const xen_dm_op_nr_vcpus = struct('xen_dm_op_nr_vcpus', {
  typedef: 'xen_dm_op_nr_vcpus_t',
  since: '4.15',
  doc: 'Payload of XEN_DMOP_nr_vcpus: the most vCPUs the guest can have, so an emulator can size per-vCPU state.',
  fields: [field('vcpus', u32, { direction: 'out', doc: 'the number of vCPUs. Example: 4.' })],
});

// ---- The call -------------------------------------------------------------------------------

export const xen_dm_op = struct('xen_dm_op', {
  since: '4.9',
  doc: 'What the first buffer of every dm_op call holds: the operation number and its payload.',
  fields: [
    field('op', u32, { doc: 'The operation, one of XEN_DMOP_*. Example: 1 (XEN_DMOP_create_ioreq_server).' }),
    pad('pad', u32, { doc: 'Reserved; must be zero.' }),
    field(
      'u',
      inlineUnion({
        doc: 'The payload; `op` says which member is meant.',
        fields: [
          field('create_ioreq_server', xen_dm_op_create_ioreq_server, { doc: 'For XEN_DMOP_create_ioreq_server.' }),
          field('get_ioreq_server_info', xen_dm_op_get_ioreq_server_info, { doc: 'For XEN_DMOP_get_ioreq_server_info.' }),
          field('map_io_range_to_ioreq_server', xen_dm_op_ioreq_server_range, {
            doc: 'For XEN_DMOP_map_io_range_to_ioreq_server.',
          }),
          field('unmap_io_range_from_ioreq_server', xen_dm_op_ioreq_server_range, {
            doc: 'For XEN_DMOP_unmap_io_range_from_ioreq_server.',
          }),
          field('set_ioreq_server_state', xen_dm_op_set_ioreq_server_state, { doc: 'For XEN_DMOP_set_ioreq_server_state.' }),
          field('destroy_ioreq_server', xen_dm_op_destroy_ioreq_server, { doc: 'For XEN_DMOP_destroy_ioreq_server.' }),
          field('track_dirty_vram', xen_dm_op_track_dirty_vram, { doc: 'For XEN_DMOP_track_dirty_vram.' }),
          field('set_pci_intx_level', xen_dm_op_set_pci_intx_level, { doc: 'For XEN_DMOP_set_pci_intx_level.' }),
          field('set_isa_irq_level', xen_dm_op_set_isa_irq_level, { doc: 'For XEN_DMOP_set_isa_irq_level.' }),
          field('set_irq_level', xen_dm_op_set_irq_level, { since: '4.15', doc: 'For XEN_DMOP_set_irq_level.' }),
          field('set_pci_link_route', xen_dm_op_set_pci_link_route, { doc: 'For XEN_DMOP_set_pci_link_route.' }),
          field('modified_memory', xen_dm_op_modified_memory, { doc: 'For XEN_DMOP_modified_memory.' }),
          field('set_mem_type', xen_dm_op_set_mem_type, { doc: 'For XEN_DMOP_set_mem_type.' }),
          field('inject_event', xen_dm_op_inject_event, { doc: 'For XEN_DMOP_inject_event.' }),
          field('inject_msi', xen_dm_op_inject_msi, { doc: 'For XEN_DMOP_inject_msi.' }),
          field('map_mem_type_to_ioreq_server', xen_dm_op_map_mem_type_to_ioreq_server, {
            doc: 'For XEN_DMOP_map_mem_type_to_ioreq_server.',
          }),
          field('remote_shutdown', xen_dm_op_remote_shutdown, { since: '4.10', doc: 'For XEN_DMOP_remote_shutdown.' }),
          field('relocate_memory', xen_dm_op_relocate_memory, { since: '4.11', doc: 'For XEN_DMOP_relocate_memory.' }),
          field('pin_memory_cacheattr', xen_dm_op_pin_memory_cacheattr, {
            since: '4.11',
            doc: 'For XEN_DMOP_pin_memory_cacheattr.',
          }),
          field('nr_vcpus', xen_dm_op_nr_vcpus, { since: '4.15', doc: 'For XEN_DMOP_nr_vcpus.' }),
        ],
      }),
      { doc: 'The payload of the operation.' },
    ),
  ],
});

export const XEN_DMOP = opSet('XEN_DMOP', {
  since: '4.9',
  field: 'xen_dm_op.op',
  doc: 'The dm_op operations: each number with the member of `xen_dm_op.u` that carries its payload.',
  dispatch: { record: xen_dm_op, opField: 'op', payloadField: 'u' },
  ops: [
    op(constant('XEN_DMOP_create_ioreq_server', 1, { since: '4.9', doc: 'Create an ioreq server.' }), {
      member: 'create_ioreq_server',
      record: xen_dm_op_create_ioreq_server,
    }),
    op(constant('XEN_DMOP_get_ioreq_server_info', 2, { since: '4.9', doc: 'Look up the pages and event channel of an ioreq server.' }), {
      member: 'get_ioreq_server_info',
      record: xen_dm_op_get_ioreq_server_info,
    }),
    op(constant('XEN_DMOP_map_io_range_to_ioreq_server', 3, { since: '4.9', doc: 'Claim a range of ports, MMIO or PCI functions for a server.' }), {
      member: 'map_io_range_to_ioreq_server',
      record: xen_dm_op_ioreq_server_range,
    }),
    op(constant('XEN_DMOP_unmap_io_range_from_ioreq_server', 4, { since: '4.9', doc: 'Give back a range a server claimed.' }), {
      member: 'unmap_io_range_from_ioreq_server',
      record: xen_dm_op_ioreq_server_range,
    }),
    op(constant('XEN_DMOP_set_ioreq_server_state', 5, { since: '4.9', doc: 'Enable or disable an ioreq server.' }), {
      member: 'set_ioreq_server_state',
      record: xen_dm_op_set_ioreq_server_state,
    }),
    op(constant('XEN_DMOP_destroy_ioreq_server', 6, { since: '4.9', doc: 'Destroy an ioreq server.' }), {
      member: 'destroy_ioreq_server',
      record: xen_dm_op_destroy_ioreq_server,
    }),
    op(constant('XEN_DMOP_track_dirty_vram', 7, { since: '4.9', doc: 'Fetch the dirty bitmap of the emulated framebuffer.' }), {
      member: 'track_dirty_vram',
      record: xen_dm_op_track_dirty_vram,
    }),
    op(constant('XEN_DMOP_set_pci_intx_level', 8, { since: '4.9', doc: 'Drive the INTx line of an emulated PCI device.' }), {
      member: 'set_pci_intx_level',
      record: xen_dm_op_set_pci_intx_level,
    }),
    op(constant('XEN_DMOP_set_isa_irq_level', 9, { since: '4.9', doc: 'Drive an ISA interrupt line.' }), {
      member: 'set_isa_irq_level',
      record: xen_dm_op_set_isa_irq_level,
    }),
    op(constant('XEN_DMOP_set_pci_link_route', 10, { since: '4.9', doc: 'Route a PCI interrupt link to an ISA interrupt.' }), {
      member: 'set_pci_link_route',
      record: xen_dm_op_set_pci_link_route,
    }),
    op(constant('XEN_DMOP_modified_memory', 11, { since: '4.9', doc: 'Mark guest memory the emulator wrote as dirty.' }), {
      member: 'modified_memory',
      record: xen_dm_op_modified_memory,
    }),
    op(constant('XEN_DMOP_set_mem_type', 12, { since: '4.9', doc: 'Change the p2m type of guest frames.' }), {
      member: 'set_mem_type',
      record: xen_dm_op_set_mem_type,
    }),
    op(constant('XEN_DMOP_inject_event', 13, { since: '4.9', doc: 'Deliver an interrupt or exception to a vCPU.' }), {
      member: 'inject_event',
      record: xen_dm_op_inject_event,
    }),
    op(constant('XEN_DMOP_inject_msi', 14, { since: '4.9', doc: 'Deliver an MSI.' }), {
      member: 'inject_msi',
      record: xen_dm_op_inject_msi,
    }),
    op(constant('XEN_DMOP_map_mem_type_to_ioreq_server', 15, { since: '4.9', doc: 'Forward accesses to pages of a p2m type to a server.' }), {
      member: 'map_mem_type_to_ioreq_server',
      record: xen_dm_op_map_mem_type_to_ioreq_server,
    }),
    op(constant('XEN_DMOP_remote_shutdown', 16, { since: '4.10', doc: 'Shut the guest down from its device model.' }), {
      member: 'remote_shutdown',
      record: xen_dm_op_remote_shutdown,
    }),
    op(constant('XEN_DMOP_relocate_memory', 17, { since: '4.11', doc: 'Move guest frames within the guest physical map.' }), {
      member: 'relocate_memory',
      record: xen_dm_op_relocate_memory,
    }),
    op(constant('XEN_DMOP_pin_memory_cacheattr', 18, { since: '4.11', doc: 'Pin or unpin the cache attribute of guest frames.' }), {
      member: 'pin_memory_cacheattr',
      record: xen_dm_op_pin_memory_cacheattr,
    }),
    op(constant('XEN_DMOP_set_irq_level', 19, { since: '4.15', doc: 'Drive an interrupt line by number.' }), {
      member: 'set_irq_level',
      record: xen_dm_op_set_irq_level,
    }),
    op(constant('XEN_DMOP_nr_vcpus', 20, { since: '4.15', doc: 'Ask how many vCPUs the guest has.' }), {
      member: 'nr_vcpus',
      record: xen_dm_op_nr_vcpus,
    }),
  ],
});

export const xen_dm_op_buf = struct('xen_dm_op_buf', {
  toolsOnlyBefore: '4.9',
  typedef: 'xen_dm_op_buf_t',
  since: '4.9',
  doc:
    'One buffer of a dm_op call: the hypercall takes an array of these. The only record of this ' +
    'header that Xen showed outside tools builds before 4.15.',
  fields: [
    field('h', handle('void'), { doc: 'Guest address of the buffer. Example: 0x7ffd2a40.' }),
    field('size', xen_ulong_t, { doc: 'Length of the buffer in bytes. Example: 32 (one xen_dm_op).' }),
  ],
});

export default abiModule({
  name: 'dm_op',
  xenHeader: 'hvm/dm_op.h',
  xenGuard: '__XEN_PUBLIC_HVM_DM_OP_H__',
  coverage: 'full',
  doc: 'Device-model operations: the calls an HVM guest\'s emulator makes to Xen, each a xen_dm_op in the first buffer.',
  toolsOnlyBefore: '4.15',
  items: [
    ioservid_t,
    xen_dm_op_create_ioreq_server,
    xen_dm_op_get_ioreq_server_info,
    XEN_DMOP_get_ioreq_server_info_flags,
    xen_dm_op_ioreq_server_range,
    XEN_DMOP_PCI_SBDF,
    XEN_DMOP_IO_RANGE,
    xen_dm_op_set_ioreq_server_state,
    xen_dm_op_destroy_ioreq_server,
    xen_dm_op_track_dirty_vram,
    xen_dm_op_set_pci_intx_level,
    xen_dm_op_set_isa_irq_level,
    xen_dm_op_set_pci_link_route,
    xen_dm_op_modified_memory,
    xen_dm_op_modified_memory_extent,
    xen_dm_op_set_mem_type,
    xen_dm_op_inject_event,
    XEN_DMOP_EVENT,
    xen_dm_op_inject_msi,
    xen_dm_op_map_mem_type_to_ioreq_server,
    XEN_DMOP_IOREQ_MEM_ACCESS,
    xen_dm_op_remote_shutdown,
    xen_dm_op_relocate_memory,
    xen_dm_op_pin_memory_cacheattr,
    XEN_DMOP_MEM_CACHEATTR,
    XEN_DMOP_DELETE_MEM_CACHEATTR,
    xen_dm_op_set_irq_level,
    xen_dm_op_nr_vcpus,
    xen_dm_op,
    XEN_DMOP,
    xen_dm_op_buf,
  ],
});
