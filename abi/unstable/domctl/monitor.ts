/**
 * Debugging and introspection through domctl: single-stepping, the gdbsx debugger's memory and
 * vCPU access, the suspend event channel, the vm_event rings (paging, monitor, sharing), the
 * monitor events an introspection agent subscribes to, and processor trace.
 */
import { constant, field, inlineStruct, inlineUnion, pad, struct, u32, u8, uint64_aligned_t, valueSet } from 'xenabi/dsl';

export const xen_domctl_debug_op = struct('xen_domctl_debug_op', {
  since: '4.6',
  doc: 'Payload of XEN_DOMCTL_debug_op: turn single-stepping of an HVM vCPU on or off.',
  fields: [
    field('op', u32, { doc: 'IN: a XEN_DOMCTL_DEBUG_OP_SINGLE_STEP_* value.' }),
    field('vcpu', u32, { doc: 'IN: the vCPU. Example: 0.' }),
  ]
});

export const XEN_DOMCTL_DEBUG_OP_SINGLE_STEP = valueSet('XEN_DOMCTL_DEBUG_OP_SINGLE_STEP', {
  since: '4.6',
  field: 'xen_domctl_debug_op.op',
  doc: 'The operations of XEN_DOMCTL_debug_op.',
  values: [
    constant('XEN_DOMCTL_DEBUG_OP_SINGLE_STEP_OFF', 0, { since: '4.6', doc: 'Stop single-stepping.' }),
    constant('XEN_DOMCTL_DEBUG_OP_SINGLE_STEP_ON', 1, { since: '4.6', doc: 'Start single-stepping.' }),
  ],
});

export const xen_domctl_gdbsx_memio = struct('xen_domctl_gdbsx_memio', {
  since: '4.6',
  doc: 'Payload of XEN_DOMCTL_gdbsx_guestmemio: read or write guest memory by guest virtual address, for the gdbsx debugger.',
  holes: [
    { after: 'gwr', archs: ['x86_32', 'x86_64', 'arm32', 'arm64'], reason: 'the compiler aligns the next member, `remain`' },
    { after: 'remain', archs: ['x86_32', 'x86_64', 'arm32', 'arm64'], reason: 'tail padding to the record\'s alignment' },
  ],
  fields: [
    field('pgd3val', uint64_aligned_t, { doc: 'IN: the page-table root to translate with, 0 for the current one of the vCPU. Example: 0.' }),
    field('gva', uint64_aligned_t, { doc: 'IN: the guest virtual address. Example: 0xffffffff81000000.' }),
    field('uva', uint64_aligned_t, { doc: 'IN: the caller\'s buffer address.' }),
    field('len', u32, { doc: 'IN: the bytes to copy. Example: 64.' }),
    field('gwr', u8, { doc: 'IN: 1 writes guest memory, 0 reads it.' }),
    field('remain', u32, { doc: 'OUT: the bytes not copied.' }),
  ]
});

export const xen_domctl_gdbsx_pauseunp_vcpu = struct('xen_domctl_gdbsx_pauseunp_vcpu', {
  since: '4.6',
  doc: 'Payload of XEN_DOMCTL_gdbsx_pausevcpu and XEN_DOMCTL_gdbsx_unpausevcpu: pause or resume one vCPU for gdbsx.',
  fields: [
    field('vcpu', u32, { doc: 'IN: the vCPU. Example: 0.' }),
  ]
});

export const xen_domctl_gdbsx_domstatus = struct('xen_domctl_gdbsx_domstatus', {
  since: '4.6',
  doc: 'Payload of XEN_DOMCTL_gdbsx_domstatus: whether the domain is paused and which vCPU hit a debug event.',
  holes: [
    { after: 'paused', archs: ['x86_32', 'x86_64', 'arm32', 'arm64'], reason: 'the compiler aligns the next member, `vcpu_id`' },
  ],
  fields: [
    field('paused', u8, { doc: 'OUT: 1 when the domain is paused.' }),
    field('vcpu_id', u32, { doc: 'OUT: the vCPU with a pending debug event. Example: 0.' }),
    field('vcpu_ev', u32, { doc: 'OUT: the event on that vCPU.' }),
  ]
});

export const xen_domctl_subscribe = struct('xen_domctl_subscribe', {
  since: '4.6',
  doc: 'Payload of XEN_DOMCTL_subscribe: the event channel Xen signals when the domain suspends, in place of the global domain-exception VIRQ.',
  fields: [
    field('port', u32, { doc: 'IN: the caller\'s port. Example: 12.' }),
  ]
});

export const xen_domctl_vm_event_op = struct('xen_domctl_vm_event_op', {
  since: '4.6',
  doc: 'Payload of XEN_DOMCTL_vm_event_op: set up, tear down or resume one of the domain\'s vm_event rings.',
  fields: [
    field('op', u32, { doc: 'IN: a XEN_VM_EVENT_* operation.' }),
    field('mode', u32, { doc: 'IN: the ring, a XEN_DOMCTL_VM_EVENT_OP_* value.' }),
    field('u', inlineUnion({
      doc: 'OUT: the result of `op`.',
      fields: [
        field('enable', inlineStruct({
      doc: 'OUT (ENABLE): the ring\'s event channel.',
      fields: [
        field('port', u32, { doc: 'OUT: the port to bind. Example: 33.' }),
      ]
    }), { doc: 'OUT (ENABLE): the ring\'s event channel.' }),
        field('version', u32, { doc: 'OUT (GET_VERSION): the VM_EVENT_INTERFACE_VERSION of the hypervisor. Example: 7.' }),
      ]
    }), { since: '4.13', doc: 'OUT: the result of `op`.' }),
    field('port', u32, { until: '4.13', doc: 'OUT (ENABLE, before 4.13): the event channel of the ring; moved into `u.enable` in 4.13.' }),
  ]
});

export const XEN_VM_EVENT = valueSet('XEN_VM_EVENT', {
  since: '4.6',
  field: 'xen_domctl_vm_event_op.op',
  doc: 'The operations of XEN_DOMCTL_vm_event_op.',
  values: [
    constant('XEN_VM_EVENT_ENABLE', 0, { since: '4.6', doc: 'Set up the ring and return its event channel.' }),
    constant('XEN_VM_EVENT_DISABLE', 1, { since: '4.6', doc: 'Tear the ring down.' }),
    constant('XEN_VM_EVENT_RESUME', 2, { since: '4.6', doc: 'Process the responses waiting on the ring.' }),
    constant('XEN_VM_EVENT_GET_VERSION', 3, { since: '4.13', doc: 'Return the vm_event interface version.' }),
  ],
});

export const XEN_DOMCTL_VM_EVENT_OP = valueSet('XEN_DOMCTL_VM_EVENT_OP', {
  since: '4.6',
  field: 'xen_domctl_vm_event_op.mode',
  doc: 'The vm_event rings a domain can have.',
  values: [
    constant('XEN_DOMCTL_VM_EVENT_OP_PAGING', 1, { since: '4.6', doc: 'Paging: a pager brings back memory paged out.' }),
    constant('XEN_DOMCTL_VM_EVENT_OP_MONITOR', 2, { since: '4.6', doc: 'Monitoring: an introspection agent receives the events it subscribed to.' }),
    constant('XEN_DOMCTL_VM_EVENT_OP_SHARING', 3, { since: '4.6', doc: 'Sharing: notifications about shared memory pages.' }),
  ],
});

export const xen_domctl_monitor_op = struct('xen_domctl_monitor_op', {
  since: '4.6',
  doc: 'Payload of XEN_DOMCTL_monitor_op: subscribe to, unsubscribe from, or list the monitor events of a domain.',
  holes: [
    { after: 'u', archs: ['x86_32', 'x86_64', 'arm32', 'arm64'], until: '4.8', reason: 'tail padding to the record\'s alignment' },
  ],
  fields: [
    field('op', u32, { doc: 'IN: a XEN_DOMCTL_MONITOR_OP_* operation.' }),
    field('event', u32, { doc: 'IN: a XEN_DOMCTL_MONITOR_EVENT_* event; OUT (GET_CAPABILITIES): a bitmap of the events supported, bit N for event N.' }),
    field('u', inlineUnion({
      doc: 'IN: the options of the event; `event` says which member.',
      fields: [
        field('mov_to_cr', inlineStruct({
      doc: 'Options of WRITE_CTRLREG.',
      fields: [
        field('index', u8, { doc: 'IN: the control register, a VM_EVENT_X86_* index. Example: 0 (CR0).' }),
        field('sync', u8, { doc: 'IN: 1 pauses the vCPU until the agent answers.' }),
        field('onchangeonly', u8, { doc: 'IN: 1 reports only writes that change the value.' }),
        pad('pad1', u8, { since: '4.10', doc: 'Reserved; must be zero.' }),
        pad('pad2', u32, { since: '4.10', doc: 'Reserved; must be zero.' }),
        field('bitmask', uint64_aligned_t, { since: '4.10', doc: 'IN: with onchangeonly, the bits whose change is not reported.' }),
      ]
    }), { doc: 'Options of WRITE_CTRLREG.' }),
        field('mov_to_msr', inlineStruct({
      doc: 'Options of MOV_TO_MSR.',
      holes: [
        { after: 'onchangeonly', archs: ['x86_32', 'x86_64', 'arm32', 'arm64'], since: '4.11', reason: 'tail padding to the record\'s alignment' },
      ],
      fields: [
        field('msr', u32, { since: '4.8', doc: 'IN: the MSR to watch. Example: 0xc0000080 (EFER).' }),
        field('onchangeonly', u8, { since: '4.11', doc: 'IN: 1 reports only writes that change the value.' }),
        field('extended_capture', u8, { until: '4.8', doc: 'IN (before 4.8): 1 watches every MSR instead of a few common ones.' }),
      ]
    }), { doc: 'Options of MOV_TO_MSR.' }),
        field('guest_request', inlineStruct({
      doc: 'Options of GUEST_REQUEST.',
      fields: [
        field('sync', u8, { doc: 'IN: 1 pauses the vCPU until the agent answers.' }),
        field('allow_userspace', u8, { since: '4.10', doc: 'IN: 1 accepts requests from guest user mode too.' }),
      ]
    }), { doc: 'Options of GUEST_REQUEST.' }),
        field('debug_exception', inlineStruct({
      doc: 'Options of DEBUG_EXCEPTION.',
      fields: [
        field('sync', u8, { doc: 'IN: 1 pauses the vCPU until the agent answers.' }),
      ]
    }), { since: '4.8', doc: 'Options of DEBUG_EXCEPTION.' }),
        field('vmexit', inlineStruct({
      doc: 'Options of VMEXIT.',
      fields: [
        field('sync', u8, { doc: 'IN: 1 pauses the vCPU until the agent answers.' }),
      ]
    }), { since: '4.17', doc: 'Options of VMEXIT.' }),
      ]
    }), { doc: 'IN: the options of the event; `event` says which member.' }),
  ]
});

export const XEN_DOMCTL_MONITOR_OP = valueSet('XEN_DOMCTL_MONITOR_OP', {
  since: '4.6',
  field: 'xen_domctl_monitor_op.op',
  doc: 'The operations of XEN_DOMCTL_monitor_op.',
  values: [
    constant('XEN_DOMCTL_MONITOR_OP_ENABLE', 0, { since: '4.6', doc: 'Subscribe to the event.' }),
    constant('XEN_DOMCTL_MONITOR_OP_DISABLE', 1, { since: '4.6', doc: 'Unsubscribe from the event.' }),
    constant('XEN_DOMCTL_MONITOR_OP_GET_CAPABILITIES', 2, { since: '4.6', doc: 'List the events this hypervisor supports.' }),
    constant('XEN_DOMCTL_MONITOR_OP_EMULATE_EACH_REP', 3, { since: '4.7', doc: 'Report each repetition of a REP instruction Xen emulates, not the whole instruction.' }),
    constant('XEN_DOMCTL_MONITOR_OP_CONTROL_REGISTERS', 4, { since: '4.14', doc: 'Turn control-register write reporting on or off for the whole domain at once.' }),
  ],
});

export const XEN_DOMCTL_MONITOR_EVENT = valueSet('XEN_DOMCTL_MONITOR_EVENT', {
  since: '4.6',
  field: 'xen_domctl_monitor_op.event',
  doc: 'The events an introspection agent can subscribe to with XEN_DOMCTL_monitor_op.',
  values: [
    constant('XEN_DOMCTL_MONITOR_EVENT_WRITE_CTRLREG', 0, { since: '4.6', doc: 'A write to a control register.' }),
    constant('XEN_DOMCTL_MONITOR_EVENT_MOV_TO_MSR', 1, { since: '4.6', doc: 'A write to an MSR.' }),
    constant('XEN_DOMCTL_MONITOR_EVENT_SINGLESTEP', 2, { since: '4.6', doc: 'A single step.' }),
    constant('XEN_DOMCTL_MONITOR_EVENT_SOFTWARE_BREAKPOINT', 3, { since: '4.6', doc: 'A software breakpoint (INT3).' }),
    constant('XEN_DOMCTL_MONITOR_EVENT_GUEST_REQUEST', 4, { since: '4.6', doc: 'A request the guest made through a hypercall.' }),
    constant('XEN_DOMCTL_MONITOR_EVENT_DEBUG_EXCEPTION', 5, { since: '4.8', doc: 'A debug exception.' }),
    constant('XEN_DOMCTL_MONITOR_EVENT_CPUID', 6, { since: '4.8', doc: 'A CPUID instruction.' }),
    constant('XEN_DOMCTL_MONITOR_EVENT_PRIVILEGED_CALL', 7, { since: '4.8', doc: 'A privileged call (an SMC on Arm).' }),
    constant('XEN_DOMCTL_MONITOR_EVENT_INTERRUPT', 8, { since: '4.9', doc: 'An interrupt delivered to the guest.' }),
    constant('XEN_DOMCTL_MONITOR_EVENT_DESC_ACCESS', 9, { since: '4.9', doc: 'An access to a descriptor table register.' }),
    constant('XEN_DOMCTL_MONITOR_EVENT_EMUL_UNIMPLEMENTED', 10, { since: '4.10', doc: 'An instruction Xen\'s emulator does not implement.' }),
    constant('XEN_DOMCTL_MONITOR_EVENT_INGUEST_PAGEFAULT', 11, { since: '4.12', doc: 'A page fault inside the guest.' }),
    constant('XEN_DOMCTL_MONITOR_EVENT_VMEXIT', 12, { since: '4.17', doc: 'Any VM exit.' }),
    constant('XEN_DOMCTL_MONITOR_EVENT_IO', 13, { since: '4.18', doc: 'An I/O port instruction.' }),
  ],
});

export const xen_domctl_vmtrace_op = struct('xen_domctl_vmtrace_op', {
  typedef: 'xen_domctl_vmtrace_op_t',
  since: '4.15',
  doc: 'Payload of XEN_DOMCTL_vmtrace_op: control a vCPU\'s processor trace (Intel PT) buffer.',
  fields: [
    field('cmd', u32, { doc: 'IN: a XEN_DOMCTL_vmtrace_* command.' }),
    field('vcpu', u32, { doc: 'IN: the vCPU. Example: 0.' }),
    field('key', uint64_aligned_t, { doc: 'IN (get/set option): the trace option, a platform-specific key.' }),
    field('value', uint64_aligned_t, { doc: 'IN (set option) or OUT (get option, output position): the value.' }),
  ]
});

export const XEN_DOMCTL_vmtrace = valueSet('XEN_DOMCTL_vmtrace', {
  since: '4.15',
  field: 'xen_domctl_vmtrace_op.cmd',
  doc: 'The commands of XEN_DOMCTL_vmtrace_op.',
  values: [
    constant('XEN_DOMCTL_vmtrace_enable', 1, { since: '4.15', doc: 'Start tracing.' }),
    constant('XEN_DOMCTL_vmtrace_disable', 2, { since: '4.15', doc: 'Stop tracing.' }),
    constant('XEN_DOMCTL_vmtrace_reset_and_enable', 3, { since: '4.15', doc: 'Rewind the buffer and start tracing.' }),
    constant('XEN_DOMCTL_vmtrace_output_position', 4, { since: '4.15', doc: 'Read how far the trace has filled the buffer.' }),
    constant('XEN_DOMCTL_vmtrace_get_option', 5, { since: '4.15', doc: 'Read a trace option.' }),
    constant('XEN_DOMCTL_vmtrace_set_option', 6, { since: '4.15', doc: 'Set a trace option.' }),
  ],
});
