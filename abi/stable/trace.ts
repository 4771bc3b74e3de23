/**
 * Xen's trace buffers (`trace.h`): the event numbers xentrace and xenalyze read, and the
 * records Xen writes into the per-CPU buffers it shares with the control domain (which maps
 * them with `XEN_SYSCTL_tbuf_op` and reads them with `t_buf`'s indices).
 *
 * An event number is a class (`TRC_CLASS`, bits 16 to 27, one bit per class), a subclass
 * (bits 12 to 15) and an event within the subclass (bits 0 to 11); some events add
 * `TRC_64_FLAG` when their data holds 64-bit addresses, or `TRC_HVM_NESTEDFLAG`. The event
 * sets below name the events of each class; an event's name says what happened, and what its
 * data words hold is Xen's internal business, not declared here. The macros of `trace.h`
 * that compute values (`TRC_HD_TO_EVENT`, `TRC_SCHED_CLASS_EVT`,
 * `TRC_PV_HYPERCALL_V2_ARG_32`, …) are not integer constants, and xenabi leaves them out.
 *
 * The header has no `__XEN_TOOLS__` guard and no architecture part: every item is on all four
 * architectures, and only `TRC_SCHED_EVT_MASK` (an `unsigned long`) has a value that depends on
 * the architecture.
 */
import { abiModule, bits, constant, field, flex, inlineStruct, inlineUnion, struct, u16, u32, array, valueSet } from 'xenabi/dsl';

export const TRACE_EXTRA_MAX = constant('TRACE_EXTRA_MAX', 7, { since: '4.6', doc: 'The most 32-bit words of extra data a record carries.' });

export const t_rec = struct('t_rec', {
  since: '4.6',
  doc: 'One trace record: a header word, an optional cycle count, and up to TRACE_EXTRA_MAX words of data. Records vary in length; this is the longest.',
  fields: [
    bits('event', u32, 28, { doc: 'The event number, without its top 4 bits. Example: 0x21001 (TRC_SCHED_RUNSTATE_CHANGE).' }),
    bits('extra_u32', u32, 3, { doc: 'How many data words follow. Example: 2.' }),
    bits('cycles_included', u32, 1, { doc: 'Whether a cycle count comes before the data. Example: 1.' }),
    field(
      'u',
      inlineUnion({
        doc: 'The rest of the record, by cycles_included.',
        fields: [
          field(
            'cycles',
            inlineStruct({
              doc: 'With a cycle count.',
              fields: [
                field('cycles_lo', u32, { doc: 'The time stamp counter, low 32 bits. Example: 0x89abcdef.' }),
                field('cycles_hi', u32, { doc: 'Its high 32 bits. Example: 0x1234.' }),
                field('extra_u32', array(u32, 7, TRACE_EXTRA_MAX), { doc: 'The data words.' }),
              ],
            }),
            { doc: 'cycles_included is 1.' },
          ),
          field(
            'nocycles',
            inlineStruct({
              doc: 'Without a cycle count.',
              fields: [field('extra_u32', array(u32, 7, TRACE_EXTRA_MAX), { doc: 'The data words.' })],
            }),
            { doc: 'cycles_included is 0.' },
          ),
        ],
      }),
      { doc: 'The cycle count, when present, and the data.' },
    ),
  ],
});

export const t_buf = struct('t_buf', {
  since: '4.6',
  doc: 'The head of one CPU\'s trace buffer: free-running byte offsets into the records that follow it; Xen produces, the reader consumes.',
  fields: [
    field('cons', u32, { doc: 'The offset the reader has read up to (the reader writes it). Example: 4096.' }),
    field('prod', u32, { doc: 'The offset Xen has written up to. Example: 8192.' }),
  ],
});

export const t_info = struct('t_info', {
  since: '4.6',
  doc: 'The first page of the trace area: how big each CPU\'s buffer is and where its frame list is.',
  fields: [
    field('tbuf_size', u16, { doc: 'Pages per CPU buffer. Example: 32.' }),
    flex('mfn_offset', u16, { doc: 'Per CPU: the offset, in 32-bit words from the start of this record, of that CPU\'s list of buffer frames.' }),
  ],
});

export const TRACE_EXTRA_SHIFT = constant('TRACE_EXTRA_SHIFT', 28, { since: '4.6', doc: 'Where the extra-word count sits in the first word of a record (t_rec.extra_u32).' });

export const TRC_CLS_SHIFT = constant('TRC_CLS_SHIFT', 16, { since: '4.6', doc: 'Where the class bits of an event number start.' });

export const TRC_SUBCLS_SHIFT = constant('TRC_SUBCLS_SHIFT', 12, { since: '4.6', doc: 'Where the subclass bits of an event number start.' });

export const TRC_HD_CYCLE_FLAG = constant('TRC_HD_CYCLE_FLAG', 0x80000000, { since: '4.6', cType: 'unsigned long', spelling: 'shift', doc: 'In the first word of a record: a cycle count follows (t_rec.cycles_included).' });

export const TRC_64_FLAG = constant('TRC_64_FLAG', 0x100, { since: '4.6', spelling: 'hex', doc: 'Added to an event number: the event data uses 64-bit addresses.' });

export const TRC_HVM_NESTEDFLAG = constant('TRC_HVM_NESTEDFLAG', 0x400, { since: '4.6', spelling: 'hex', doc: 'Added to an HVM event number: the event happened in a nested guest.' });

export const TRC_CLASS = valueSet('TRC_CLASS', {
  since: '4.6',
  doc: 'Event classes: bits 12 to 27 of an event number, as masks a trace-buffer filter takes (TRC_ALL takes every class).',
  values: [
    constant('TRC_GEN', 0x1f000, { since: '4.6', spelling: 'hex' }),
    constant('TRC_SCHED', 0x2f000, { since: '4.6', spelling: 'hex' }),
    constant('TRC_DOM0OP', 0x4f000, { since: '4.6', spelling: 'hex' }),
    constant('TRC_HVM', 0x8f000, { since: '4.6', spelling: 'hex' }),
    constant('TRC_MEM', 0x10f000, { since: '4.6', spelling: 'hex' }),
    constant('TRC_PV', 0x20f000, { since: '4.6', spelling: 'hex' }),
    constant('TRC_SHADOW', 0x40f000, { since: '4.6', spelling: 'hex' }),
    constant('TRC_HW', 0x80f000, { since: '4.6', spelling: 'hex' }),
    constant('TRC_GUEST', 0x800f000, { since: '4.6', spelling: 'hex' }),
    constant('TRC_ALL', 0xffff000, { since: '4.6', spelling: 'hex' }),
  ],
});

export const TRC_SUBCLASS = valueSet('TRC_SUBCLASS', {
  since: '4.6',
  doc: 'Event subclasses: a class with one subclass bit, the base the events of the subclass count from.',
  values: [
    constant('TRC_SCHED_MIN', 0x21000, { since: '4.6', spelling: 'hex' }),
    constant('TRC_SCHED_CLASS', 0x22000, { since: '4.6', spelling: 'hex' }),
    constant('TRC_SCHED_VERBOSE', 0x28000, { since: '4.6', spelling: 'hex' }),
    constant('TRC_DOM0_DOMOPS', 0x41000, { since: '4.7', spelling: 'hex' }),
    constant('TRC_HVM_ENTRYEXIT', 0x81000, { since: '4.6', spelling: 'hex' }),
    constant('TRC_HVM_HANDLER', 0x82000, { since: '4.6', spelling: 'hex' }),
    constant('TRC_HVM_EMUL', 0x84000, { since: '4.6', spelling: 'hex' }),
    constant('TRC_PV_ENTRY', 0x201000, { since: '4.6', spelling: 'hex' }),
    constant('TRC_PV_SUBCALL', 0x202000, { since: '4.6', spelling: 'hex' }),
    constant('TRC_HW_PM', 0x801000, { since: '4.6', spelling: 'hex' }),
    constant('TRC_HW_IRQ', 0x802000, { since: '4.6', spelling: 'hex' }),
  ],
});

export const TRC_SCHED_ID_BITS = constant('TRC_SCHED_ID_BITS', 3, { since: '4.6', doc: 'How many bits of a TRC_SCHED_CLASS event name the scheduler.' });

export const TRC_SCHED_ID_SHIFT = constant('TRC_SCHED_ID_SHIFT', 9, { since: '4.6', doc: 'Where those bits start.' });

export const TRC_SCHED_ID_MASK = constant('TRC_SCHED_ID_MASK', 0xe00, { since: '4.6', cType: 'unsigned long', spelling: 'hex', doc: 'The scheduler bits of a TRC_SCHED_CLASS event.' });

export const TRC_SCHED_EVT_MASK = constant('TRC_SCHED_EVT_MASK', 0xfffff1ff, {
  since: '4.6',
  cType: 'unsigned long',
  spelling: 'hex',
  values: { x86_32: 0xfffff1ff, arm32: 0xfffff1ff, x86_64: 0xfffffffffffff1ffn, arm64: 0xfffffffffffff1ffn },
  doc: 'Every bit of a TRC_SCHED_CLASS event but the scheduler\'s: the complement of TRC_SCHED_ID_MASK, as wide as unsigned long.',
});

export const TRC_SCHED_ID = valueSet('TRC_SCHED_ID', {
  since: '4.6',
  doc: 'The schedulers, as the scheduler bits of a TRC_SCHED_CLASS event name them.',
  values: [
    constant('TRC_SCHED_CSCHED', 0, { since: '4.6' }),
    constant('TRC_SCHED_CSCHED2', 1, { since: '4.6' }),
    constant('TRC_SCHED_ARINC653', 3, { since: '4.6' }),
    constant('TRC_SCHED_RTDS', 4, { since: '4.6' }),
    constant('TRC_SCHED_SNULL', 5, { since: '4.10' }),
  ],
});

export const TRC_GEN_EVENT = valueSet('TRC_GEN_EVENT', {
  since: '4.6',
  doc: 'Events of the trace machinery itself (class TRC_GEN).',
  values: [
    constant('TRC_LOST_RECORDS', 0x1f001, { since: '4.6' }),
    constant('TRC_TRACE_WRAP_BUFFER', 0x1f002, { since: '4.6' }),
    constant('TRC_TRACE_CPU_CHANGE', 0x1f003, { since: '4.6' }),
  ],
});

export const TRC_SCHED_EVENT = valueSet('TRC_SCHED_EVENT', {
  since: '4.6',
  doc: 'Scheduler events common to every scheduler (TRC_SCHED_MIN and TRC_SCHED_VERBOSE); the name says what happened to the vCPU or domain.',
  values: [
    constant('TRC_SCHED_RUNSTATE_CHANGE', 0x21001, { since: '4.6' }),
    constant('TRC_SCHED_CONTINUE_RUNNING', 0x21002, { since: '4.6' }),
    constant('TRC_SCHED_SLEEP', 0x28003, { since: '4.6' }),
    constant('TRC_SCHED_WAKE', 0x28004, { since: '4.6' }),
    constant('TRC_SCHED_YIELD', 0x28005, { since: '4.6' }),
    constant('TRC_SCHED_BLOCK', 0x28006, { since: '4.6' }),
    constant('TRC_SCHED_SHUTDOWN', 0x28007, { since: '4.6' }),
    constant('TRC_SCHED_CTL', 0x28008, { since: '4.6' }),
    constant('TRC_SCHED_ADJDOM', 0x28009, { since: '4.6' }),
    constant('TRC_SCHED_SWITCH', 0x2800a, { since: '4.6' }),
    constant('TRC_SCHED_S_TIMER_FN', 0x2800b, { since: '4.6' }),
    constant('TRC_SCHED_T_TIMER_FN', 0x2800c, { since: '4.6' }),
    constant('TRC_SCHED_SHUTDOWN_CODE', 0x28010, { since: '4.6' }),
    constant('TRC_SCHED_DOM_ADD', 0x28001, { since: '4.6' }),
    constant('TRC_SCHED_DOM_REM', 0x28002, { since: '4.6' }),
    constant('TRC_SCHED_DOM_TIMER_FN', 0x2800d, { since: '4.6' }),
    constant('TRC_SCHED_SWITCH_INFPREV', 0x2800e, { since: '4.6' }),
    constant('TRC_SCHED_SWITCH_INFNEXT', 0x2800f, { since: '4.6' }),
    constant('TRC_SCHED_SWITCH_INFCONT', 0x28011, { since: '4.9' }),
  ],
});

export const TRC_DOM0_EVENT = valueSet('TRC_DOM0_EVENT', {
  since: '4.7',
  doc: 'Domain creation and destruction (TRC_DOM0_DOMOPS).',
  values: [
    constant('TRC_DOM0_DOM_ADD', 0x41001, { since: '4.7' }),
    constant('TRC_DOM0_DOM_REM', 0x41002, { since: '4.7' }),
  ],
});

export const TRC_MEM_EVENT = valueSet('TRC_MEM_EVENT', {
  since: '4.6',
  doc: 'Memory events (class TRC_MEM): grant operations, p2m changes, populate-on-demand.',
  values: [
    constant('TRC_MEM_PAGE_GRANT_MAP', 0x10f001, { since: '4.6' }),
    constant('TRC_MEM_PAGE_GRANT_UNMAP', 0x10f002, { since: '4.6' }),
    constant('TRC_MEM_PAGE_GRANT_TRANSFER', 0x10f003, { since: '4.6' }),
    constant('TRC_MEM_SET_P2M_ENTRY', 0x10f004, { since: '4.6' }),
    constant('TRC_MEM_DECREASE_RESERVATION', 0x10f005, { since: '4.6' }),
    constant('TRC_MEM_POD_POPULATE', 0x10f010, { since: '4.6' }),
    constant('TRC_MEM_POD_ZERO_RECLAIM', 0x10f011, { since: '4.6' }),
    constant('TRC_MEM_POD_SUPERPAGE_SPLINTER', 0x10f012, { since: '4.6' }),
  ],
});

export const TRC_PV_HYPERCALL_V2_ARG_MASK = constant('TRC_PV_HYPERCALL_V2_ARG_MASK', 0xfff00000, { since: '4.6', cType: 'unsigned int', spelling: 'hex', doc: 'In the first data word of TRC_PV_HYPERCALL_V2: the bits saying which arguments follow and how wide each is.' });

export const TRC_PV_EVENT = valueSet('TRC_PV_EVENT', {
  since: '4.6',
  doc: 'PV guest events (class TRC_PV): hypercalls, traps, faults and the emulation Xen does for the guest.',
  values: [
    constant('TRC_PV_HYPERCALL', 0x201001, { since: '4.6' }),
    constant('TRC_PV_TRAP', 0x201003, { since: '4.6' }),
    constant('TRC_PV_PAGE_FAULT', 0x201004, { since: '4.6' }),
    constant('TRC_PV_FORCED_INVALID_OP', 0x201005, { since: '4.6' }),
    constant('TRC_PV_MATH_STATE_RESTORE', 0x201008, { since: '4.6' }),
    constant('TRC_PV_PAGING_FIXUP', 0x201009, { since: '4.6' }),
    constant('TRC_PV_GDT_LDT_MAPPING_FAULT', 0x20100a, { since: '4.6' }),
    constant('TRC_PV_EMULATE_PRIVOP', 0x201006, { since: '4.6' }),
    constant('TRC_PV_EMULATE_4GB', 0x201007, { since: '4.6' }),
    constant('TRC_PV_PTWR_EMULATION', 0x20100b, { since: '4.6' }),
    constant('TRC_PV_PTWR_EMULATION_PAE', 0x20100c, { since: '4.6' }),
    constant('TRC_PV_HYPERCALL_V2', 0x20100d, { since: '4.6' }),
    constant('TRC_PV_HYPERCALL_SUBCALL', 0x20200e, { since: '4.6' }),
  ],
});

export const TRC_SHADOW_EVENT = valueSet('TRC_SHADOW_EVENT', {
  since: '4.6',
  doc: 'Shadow paging events (class TRC_SHADOW): the fault paths taken and the emulation done.',
  values: [
    constant('TRC_SHADOW_NOT_SHADOW', 0x40f001, { since: '4.6' }),
    constant('TRC_SHADOW_FALSE_FAST_PATH', 0x40f004, { since: '4.6' }),
    constant('TRC_SHADOW_MMIO', 0x40f005, { since: '4.6' }),
    constant('TRC_SHADOW_FIXUP', 0x40f006, { since: '4.6' }),
    constant('TRC_SHADOW_DOMF_DYING', 0x40f007, { since: '4.6' }),
    constant('TRC_SHADOW_EMULATE', 0x40f008, { since: '4.6' }),
    constant('TRC_SHADOW_WRMAP_BF', 0x40f00c, { since: '4.6' }),
    constant('TRC_SHADOW_PREALLOC_UNPIN', 0x40f00d, { since: '4.6' }),
    constant('TRC_SHADOW_FAST_PROPAGATE', 0x40f002, { since: '4.6' }),
    constant('TRC_SHADOW_FAST_MMIO', 0x40f003, { since: '4.6' }),
    constant('TRC_SHADOW_EMULATE_UNSHADOW_USER', 0x40f009, { since: '4.6' }),
    constant('TRC_SHADOW_EMULATE_UNSHADOW_EVTINJ', 0x40f00a, { since: '4.6' }),
    constant('TRC_SHADOW_EMULATE_UNSHADOW_UNHANDLED', 0x40f00b, { since: '4.6' }),
    constant('TRC_SHADOW_RESYNC_FULL', 0x40f00e, { since: '4.6' }),
    constant('TRC_SHADOW_RESYNC_ONLY', 0x40f00f, { since: '4.6' }),
  ],
});

export const TRC_HVM_EVENT = valueSet('TRC_HVM_EVENT', {
  since: '4.6',
  doc: 'HVM events (TRC_HVM_ENTRYEXIT and TRC_HVM_HANDLER): guest entries and exits and the exit handlers run; a 64 suffix is the event with TRC_64_FLAG.',
  values: [
    constant('TRC_HVM_VMENTRY', 0x81001, { since: '4.6', spelling: 'hex' }),
    constant('TRC_HVM_VMEXIT', 0x81002, { since: '4.6', until: '4.19', spelling: 'hex' }),
    constant('TRC_HVM_VMEXIT64', 0x81102, { since: '4.6', until: '4.19', spelling: 'hex' }),
    constant('TRC_HVM_REINJ_VIRQ', 0x82005, { since: '4.6', spelling: 'hex' }),
    constant('TRC_HVM_CPUID', 0x8200e, { since: '4.6', spelling: 'hex' }),
    constant('TRC_HVM_INTR', 0x8200f, { since: '4.6', spelling: 'hex' }),
    constant('TRC_HVM_NMI', 0x82010, { since: '4.6', spelling: 'hex' }),
    constant('TRC_HVM_SMI', 0x82011, { since: '4.6', spelling: 'hex' }),
    constant('TRC_HVM_VMMCALL', 0x82012, { since: '4.6', spelling: 'hex' }),
    constant('TRC_HVM_HLT', 0x82013, { since: '4.6', spelling: 'hex' }),
    constant('TRC_HVM_INVLPG', 0x82014, { since: '4.6', spelling: 'hex' }),
    constant('TRC_HVM_INVLPG64', 0x82114, { since: '4.6', spelling: 'hex' }),
    constant('TRC_HVM_MCE', 0x82015, { since: '4.6', spelling: 'hex' }),
    constant('TRC_HVM_CLTS', 0x82018, { since: '4.6', spelling: 'hex' }),
    constant('TRC_HVM_LMSW', 0x82019, { since: '4.6', spelling: 'hex' }),
    constant('TRC_HVM_LMSW64', 0x82119, { since: '4.6', spelling: 'hex' }),
    constant('TRC_HVM_RDTSC', 0x8201a, { since: '4.6', spelling: 'hex' }),
    constant('TRC_HVM_INTR_WINDOW', 0x82020, { since: '4.6', spelling: 'hex' }),
    constant('TRC_HVM_NPF', 0x82021, { since: '4.6', spelling: 'hex' }),
    constant('TRC_HVM_REALMODE_EMULATE', 0x82022, { since: '4.6', spelling: 'hex' }),
    constant('TRC_HVM_TRAP', 0x82023, { since: '4.6', spelling: 'hex' }),
    constant('TRC_HVM_TRAP_DEBUG', 0x82024, { since: '4.6', spelling: 'hex' }),
    constant('TRC_HVM_VLAPIC', 0x82025, { since: '4.6', spelling: 'hex' }),
    constant('TRC_HVM_PF_XEN', 0x82001, { since: '4.6', spelling: 'hex' }),
    constant('TRC_HVM_PF_XEN64', 0x82101, { since: '4.6', spelling: 'hex' }),
    constant('TRC_HVM_PF_INJECT', 0x82002, { since: '4.6', spelling: 'hex' }),
    constant('TRC_HVM_PF_INJECT64', 0x82102, { since: '4.6', spelling: 'hex' }),
    constant('TRC_HVM_INJ_EXC', 0x82003, { since: '4.6', spelling: 'hex' }),
    constant('TRC_HVM_INJ_VIRQ', 0x82004, { since: '4.6', spelling: 'hex' }),
    constant('TRC_HVM_IO_READ', 0x82006, { since: '4.6', spelling: 'hex' }),
    constant('TRC_HVM_IO_WRITE', 0x82007, { since: '4.6', spelling: 'hex' }),
    constant('TRC_HVM_CR_READ', 0x82008, { since: '4.6', spelling: 'hex' }),
    constant('TRC_HVM_CR_READ64', 0x82108, { since: '4.6', spelling: 'hex' }),
    constant('TRC_HVM_CR_WRITE', 0x82009, { since: '4.6', spelling: 'hex' }),
    constant('TRC_HVM_CR_WRITE64', 0x82109, { since: '4.6', spelling: 'hex' }),
    constant('TRC_HVM_DR_READ', 0x8200a, { since: '4.6', spelling: 'hex' }),
    constant('TRC_HVM_DR_WRITE', 0x8200b, { since: '4.6', spelling: 'hex' }),
    constant('TRC_HVM_MSR_READ', 0x8200c, { since: '4.6', spelling: 'hex' }),
    constant('TRC_HVM_MSR_WRITE', 0x8200d, { since: '4.6', spelling: 'hex' }),
    constant('TRC_HVM_IOPORT_READ', 0x82016, { since: '4.6', spelling: 'hex' }),
    constant('TRC_HVM_IOPORT_WRITE', 0x82216, { since: '4.6', spelling: 'hex' }),
    constant('TRC_HVM_IOMEM_READ', 0x82017, { since: '4.6', spelling: 'hex' }),
    constant('TRC_HVM_IOMEM_WRITE', 0x82217, { since: '4.6', spelling: 'hex' }),
    constant('TRC_HVM_XCR_READ64', 0x82126, { since: '4.11', spelling: 'hex' }),
    constant('TRC_HVM_XCR_WRITE64', 0x82127, { since: '4.11', spelling: 'hex' }),
    constant('TRC_HVM_VMX_EXIT', 0x81002, { since: '4.19', spelling: 'hex' }),
    constant('TRC_HVM_VMX_EXIT64', 0x81102, { since: '4.19', spelling: 'hex' }),
    constant('TRC_HVM_SVM_EXIT', 0x81003, { since: '4.19', spelling: 'hex' }),
    constant('TRC_HVM_SVM_EXIT64', 0x81103, { since: '4.19', spelling: 'hex' }),
  ],
});

export const TRC_HVM_EMUL_EVENT = valueSet('TRC_HVM_EMUL_EVENT', {
  since: '4.6',
  doc: 'Events of the platform devices Xen emulates for HVM guests (TRC_HVM_EMUL): timers and interrupt controllers.',
  values: [
    constant('TRC_HVM_EMUL_HPET_START_TIMER', 0x84001, { since: '4.6', spelling: 'hex' }),
    constant('TRC_HVM_EMUL_HPET_STOP_TIMER', 0x84005, { since: '4.6', spelling: 'hex' }),
    constant('TRC_HVM_EMUL_PIT_START_TIMER', 0x84002, { since: '4.6', spelling: 'hex' }),
    constant('TRC_HVM_EMUL_PIT_STOP_TIMER', 0x84006, { since: '4.6', spelling: 'hex' }),
    constant('TRC_HVM_EMUL_PIT_TIMER_CB', 0x84009, { since: '4.6', spelling: 'hex' }),
    constant('TRC_HVM_EMUL_RTC_START_TIMER', 0x84003, { since: '4.6', spelling: 'hex' }),
    constant('TRC_HVM_EMUL_RTC_STOP_TIMER', 0x84007, { since: '4.6', spelling: 'hex' }),
    constant('TRC_HVM_EMUL_LAPIC_START_TIMER', 0x84004, { since: '4.6', spelling: 'hex' }),
    constant('TRC_HVM_EMUL_LAPIC_STOP_TIMER', 0x84008, { since: '4.6', spelling: 'hex' }),
    constant('TRC_HVM_EMUL_LAPIC_TIMER_CB', 0x8400a, { since: '4.6', spelling: 'hex' }),
    constant('TRC_HVM_EMUL_LAPIC_PIC_INTR', 0x84011, { since: '4.6', spelling: 'hex' }),
    constant('TRC_HVM_EMUL_PIC_INT_OUTPUT', 0x8400b, { since: '4.6', spelling: 'hex' }),
    constant('TRC_HVM_EMUL_PIC_KICK', 0x8400c, { since: '4.6', spelling: 'hex' }),
    constant('TRC_HVM_EMUL_PIC_INTACK', 0x8400d, { since: '4.6', spelling: 'hex' }),
    constant('TRC_HVM_EMUL_PIC_POSEDGE', 0x8400e, { since: '4.6', spelling: 'hex' }),
    constant('TRC_HVM_EMUL_PIC_NEGEDGE', 0x8400f, { since: '4.6', spelling: 'hex' }),
    constant('TRC_HVM_EMUL_PIC_PEND_IRQ_CALL', 0x84010, { since: '4.6', spelling: 'hex' }),
  ],
});

export const TRC_PM_EVENT = valueSet('TRC_PM_EVENT', {
  since: '4.6',
  doc: 'Power-management events (TRC_HW_PM).',
  values: [
    constant('TRC_PM_FREQ_CHANGE', 0x801001, { since: '4.6', spelling: 'hex' }),
    constant('TRC_PM_IDLE_ENTRY', 0x801002, { since: '4.6', spelling: 'hex' }),
    constant('TRC_PM_IDLE_EXIT', 0x801003, { since: '4.6', spelling: 'hex' }),
  ],
});

export const TRC_HW_IRQ_EVENT = valueSet('TRC_HW_IRQ_EVENT', {
  since: '4.6',
  doc: 'Physical interrupt events (TRC_HW_IRQ): vector assignment and movement, handling.',
  values: [
    constant('TRC_HW_IRQ_MOVE_CLEANUP_DELAY', 0x802001, { since: '4.6', spelling: 'hex' }),
    constant('TRC_HW_IRQ_MOVE_CLEANUP', 0x802002, { since: '4.6', spelling: 'hex' }),
    constant('TRC_HW_IRQ_MOVE_FINISH', 0x802005, { since: '4.6', spelling: 'hex' }),
    constant('TRC_HW_IRQ_BIND_VECTOR', 0x802003, { since: '4.6', spelling: 'hex' }),
    constant('TRC_HW_IRQ_CLEAR_VECTOR', 0x802004, { since: '4.6', spelling: 'hex' }),
    constant('TRC_HW_IRQ_ASSIGN_VECTOR', 0x802006, { since: '4.6', spelling: 'hex' }),
    constant('TRC_HW_IRQ_UNMAPPED_VECTOR', 0x802007, { since: '4.6', spelling: 'hex' }),
    constant('TRC_HW_IRQ_HANDLED', 0x802008, { since: '4.6', spelling: 'hex' }),
  ],
});

export default abiModule({
  name: 'trace',
  xenHeader: 'trace.h',
  xenGuard: '__XEN_PUBLIC_TRACE_H__',
  coverage: 'full',
  doc: 'Xen\'s trace buffers: the records Xen writes and the classes and numbers of its events.',
  items: [
    TRACE_EXTRA_MAX,
    t_rec,
    t_buf,
    t_info,
    TRACE_EXTRA_SHIFT,
    TRC_CLS_SHIFT,
    TRC_SUBCLS_SHIFT,
    TRC_HD_CYCLE_FLAG,
    TRC_64_FLAG,
    TRC_HVM_NESTEDFLAG,
    TRC_CLASS,
    TRC_SUBCLASS,
    TRC_SCHED_ID_BITS,
    TRC_SCHED_ID_SHIFT,
    TRC_SCHED_ID_MASK,
    TRC_SCHED_EVT_MASK,
    TRC_SCHED_ID,
    TRC_GEN_EVENT,
    TRC_SCHED_EVENT,
    TRC_DOM0_EVENT,
    TRC_MEM_EVENT,
    TRC_PV_HYPERCALL_V2_ARG_MASK,
    TRC_PV_EVENT,
    TRC_SHADOW_EVENT,
    TRC_HVM_EVENT,
    TRC_HVM_EMUL_EVENT,
    TRC_PM_EVENT,
    TRC_HW_IRQ_EVENT,
  ],
});
