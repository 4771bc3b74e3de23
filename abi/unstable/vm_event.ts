/**
 * VM introspection and memory events (`vm_event`): the interface a monitoring tool (libvmi, a
 * memory pager, the sharing daemon) uses to hear about a guest's vCPUs and answer for them.
 * Xen puts one request on a shared ring for each event (a memory access the tool restricted,
 * a control-register or MSR write, a breakpoint, a single step, a CPUID…), usually with the
 * vCPU paused; the tool answers in the same slot, and the answer's flags say what to do next
 * (resume, emulate, switch view, change registers).
 *
 * Nothing here is a stable ABI. Requests and responses carry `VM_EVENT_INTERFACE_VERSION`,
 * and Xen drops a response whose version is not its own, so a tool is built for one
 * version; every record below says in which releases it has which members. Xen shows all but
 * the version constant to tools builds (`__XEN_TOOLS__`) only. Version 7 covers 4.15 to 4.22,
 * although 4.16 widened the Arm `cpsr` (over its padding) and 4.17 and 4.18 added events.
 */
import { abiModule, array, bits, constant, field, flag, flagSet, inlineStruct, inlineUnion, pad, ring, struct, typedef, u16, u32, u64, u8, valueSet } from 'xenabi/dsl';
import { RING_IDX } from '../stable/ring.ts';

export const VM_EVENT_INTERFACE_VERSION = constant('VM_EVENT_INTERFACE_VERSION', 1, {
  since: '4.6',
  history: [
    { since: '4.8', value: 2 },
    { since: '4.11', value: 3 },
    { since: '4.12', value: 4 },
    { since: '4.13', value: 5 },
    { since: '4.14', value: 6 },
    { since: '4.15', value: 7 },
  ],
  spelling: 'hex',
  doc:
    'The version of the request and response layout, which both carry in their version field; Xen ignores a ' +
    'response of another version. Example: 7 (Xen 4.15 to 4.22).',
});

const V = (bit: number, name: string, since: string, doc: string) => flag(name, bit, { since: since as '4.6', cType: 'int', doc });

export const VM_EVENT_FLAG = flagSet('VM_EVENT_FLAG', {
  since: '4.6',
  field: 'vm_event_st.flags',
  doc: 'What a request says about the event, and what a response asks Xen to do when it resumes the vCPU.',
  flags: [
    V(0, 'VM_EVENT_FLAG_VCPU_PAUSED', '4.6', 'Request: the vCPU is paused until a response comes. Response: unpause it.'),
    V(1, 'VM_EVENT_FLAG_FOREIGN', '4.6', 'Request: the event was caused by another domain (a foreign mapping), not by the vCPU itself.'),
    V(2, 'VM_EVENT_FLAG_EMULATE', '4.6', 'Response to a memory access event: emulate the faulting instruction instead of retrying it.'),
    V(3, 'VM_EVENT_FLAG_EMULATE_NOWRITE', '4.6', 'With VM_EVENT_FLAG_EMULATE: emulate, but drop the instruction\'s writes to memory.'),
    V(4, 'VM_EVENT_FLAG_TOGGLE_SINGLESTEP', '4.6', 'Response: switch single-stepping of the vCPU on if it is off, off if it is on.'),
    V(5, 'VM_EVENT_FLAG_SET_EMUL_READ_DATA', '4.6', 'With VM_EVENT_FLAG_EMULATE: reads of the emulated instruction return data.emul.read instead of memory.'),
    V(6, 'VM_EVENT_FLAG_DENY', '4.6', 'Response to a control-register or MSR write event: do not perform the write.'),
    V(7, 'VM_EVENT_FLAG_ALTERNATE_P2M', '4.6', 'Request: altp2m_idx holds the view the vCPU was in. Response: switch the vCPU to view altp2m_idx.'),
    V(8, 'VM_EVENT_FLAG_SET_REGISTERS', '4.7', 'Response: load the vCPU\'s registers from data.regs.'),
    V(9, 'VM_EVENT_FLAG_SET_EMUL_INSN_DATA', '4.8', 'With VM_EVENT_FLAG_EMULATE: emulate the instruction bytes in data.emul.insn instead of those in memory.'),
    V(10, 'VM_EVENT_FLAG_GET_NEXT_INTERRUPT', '4.9', 'Response: report the next interrupt injected into the vCPU (VM_EVENT_REASON_INTERRUPT).'),
    V(11, 'VM_EVENT_FLAG_FAST_SINGLESTEP', '4.14', 'Response: single-step one instruction in view u.fast_singlestep.p2midx, then switch back, without an event per step.'),
    V(12, 'VM_EVENT_FLAG_NESTED_P2M', '4.15', 'Request: the event came from a nested guest; data.regs.x86.npt_base is valid.'),
    V(13, 'VM_EVENT_FLAG_RESET_VMTRACE', '4.15', 'Response: rewind the vCPU\'s processor-trace buffer to its start.'),
    V(14, 'VM_EVENT_FLAG_RESET_FORK_STATE', '4.17', 'Response to an event of a forked domain: reset the fork\'s vCPU state to its parent\'s.'),
    V(15, 'VM_EVENT_FLAG_RESET_FORK_MEMORY', '4.17', 'Response to an event of a forked domain: drop the fork\'s own copies of memory, back to its parent\'s.'),
  ],
});

const R = (name: string, value: number, since: string, doc: string) => constant(name, value, { since: since as '4.6', doc });

export const VM_EVENT_REASON = valueSet('VM_EVENT_REASON', {
  since: '4.6',
  field: 'vm_event_st.reason',
  doc: 'Why Xen sent a request; it names the member of u that holds the details, if any.',
  values: [
    R('VM_EVENT_REASON_UNKNOWN', 0, '4.6', 'Not set.'),
    R('VM_EVENT_REASON_MEM_ACCESS', 1, '4.6', 'An access the domain\'s memory access rights forbid: u.mem_access.'),
    R('VM_EVENT_REASON_MEM_SHARING', 2, '4.6', 'A write to a shared page that could not be unshared: u.mem_sharing.'),
    R('VM_EVENT_REASON_MEM_PAGING', 3, '4.6', 'The pager must bring a page back or drop it: u.mem_paging.'),
    R('VM_EVENT_REASON_WRITE_CTRLREG', 4, '4.6', 'A watched control register was written: u.write_ctrlreg.'),
    R('VM_EVENT_REASON_MOV_TO_MSR', 5, '4.6', 'A watched MSR was written: u.mov_to_msr.'),
    R('VM_EVENT_REASON_SOFTWARE_BREAKPOINT', 6, '4.6', 'The guest hit a software breakpoint (INT3, BRK): u.software_breakpoint.'),
    R('VM_EVENT_REASON_SINGLESTEP', 7, '4.6', 'The vCPU executed one instruction in single-step mode: u.singlestep.'),
    R('VM_EVENT_REASON_GUEST_REQUEST', 8, '4.6', 'The guest asked for the event itself (HVMOP_guest_request_vm_event).'),
    R('VM_EVENT_REASON_DEBUG_EXCEPTION', 9, '4.8', 'A debug exception: u.debug_exception.'),
    R('VM_EVENT_REASON_CPUID', 10, '4.8', 'The guest executed CPUID: u.cpuid.'),
    R('VM_EVENT_REASON_PRIVILEGED_CALL', 11, '4.8', 'An Arm guest made a secure monitor call (SMC).'),
    R('VM_EVENT_REASON_INTERRUPT', 12, '4.9', 'The interrupt asked for by VM_EVENT_FLAG_GET_NEXT_INTERRUPT: u.interrupt.'),
    R('VM_EVENT_REASON_DESCRIPTOR_ACCESS', 13, '4.9', 'A descriptor-table register was read or written: u.desc_access.'),
    R('VM_EVENT_REASON_EMUL_UNIMPLEMENTED', 14, '4.10', 'Xen\'s emulator met an instruction it does not implement.'),
    R('VM_EVENT_REASON_VMEXIT', 15, '4.17', 'A VM exit the tool subscribed to: u.vmexit.'),
    R('VM_EVENT_REASON_IO_INSTRUCTION', 16, '4.18', 'The guest executed an I/O port instruction: u.io.'),
  ],
});

export const VM_EVENT_X86 = valueSet('VM_EVENT_X86', {
  since: '4.6',
  field: 'vm_event_write_ctrlreg.index',
  doc: 'Which x86 control register a write event is about.',
  values: [
    R('VM_EVENT_X86_CR0', 0, '4.6', 'CR0.'),
    R('VM_EVENT_X86_CR3', 1, '4.6', 'CR3.'),
    R('VM_EVENT_X86_CR4', 2, '4.6', 'CR4.'),
    R('VM_EVENT_X86_XCR0', 3, '4.6', 'XCR0, the extended feature mask.'),
  ],
});

export const vm_event_x86_selector_reg = struct('vm_event_x86_selector_reg', {
  since: '4.12',
  doc: 'A segment register\'s limit and access rights, packed in 32 bits.',
  fields: [
    bits('limit', u32, 20, { doc: 'The segment limit. Example: 0xfffff.' }),
    bits('ar', u32, 12, { doc: 'The access rights (type, S, DPL, P, AVL, L, D/B, G) in 12 bits. Example: 0xa9b (64-bit code).' }),
  ],
});

const reg = (name: string, doc: string, options: { since?: '4.12' | '4.13' | '4.15'; until?: '4.12' } = {}) => field(name, u64, { ...options, doc });

export const vm_event_regs_x86 = struct('vm_event_regs_x86', {
  since: '4.6',
  doc: 'An x86 vCPU\'s registers, as a request reports them and as a response with VM_EVENT_FLAG_SET_REGISTERS sets them.',
  fields: [
    ...['rax', 'rcx', 'rdx', 'rbx', 'rsp', 'rbp', 'rsi', 'rdi', 'r8', 'r9', 'r10', 'r11', 'r12', 'r13', 'r14', 'r15'].map((r) => reg(r, `General-purpose register ${r}.`)),
    reg('rflags', 'The flags register.'),
    reg('dr6', 'Debug status register DR6.', { since: '4.12' }),
    reg('dr7', 'Debug control register DR7.'),
    reg('rip', 'The instruction pointer.'),
    reg('cr0', 'Control register CR0.'),
    reg('cr2', 'Control register CR2, the last page-fault address.'),
    reg('cr3', 'Control register CR3, the page-table base.'),
    reg('cr4', 'Control register CR4.'),
    reg('sysenter_cs', 'The SYSENTER_CS MSR.'),
    reg('sysenter_esp', 'The SYSENTER_ESP MSR.'),
    reg('sysenter_eip', 'The SYSENTER_EIP MSR.'),
    reg('msr_efer', 'The EFER MSR.'),
    reg('msr_star', 'The STAR MSR.'),
    reg('msr_lstar', 'The LSTAR MSR.'),
    reg('gdtr_base', 'The base of the global descriptor table.', { since: '4.13' }),
    reg('npt_base', 'With VM_EVENT_FLAG_NESTED_P2M: the guest-physical address of the nested guest\'s EPT/NPT tables; bits above the physical address width are reserved.', { since: '4.15' }),
    reg('vmtrace_pos', 'The write offset in the processor-trace buffer, or all ones when tracing is off.', { since: '4.15' }),
    field('cs_base', u32, { since: '4.12', doc: 'The CS base (32 bits).' }),
    field('ss_base', u32, { since: '4.12', doc: 'The SS base (32 bits).' }),
    field('ds_base', u32, { since: '4.12', doc: 'The DS base (32 bits).' }),
    field('es_base', u32, { since: '4.12', doc: 'The ES base (32 bits).' }),
    reg('fs_base', 'The FS base.'),
    reg('gs_base', 'The GS base.'),
    field('cs_arbytes', u32, { until: '4.12', doc: 'Before 4.12: the CS access rights; replaced by cs.ar.' }),
    pad('_pad', u32, { until: '4.12', doc: 'Before 4.12: zero; rounds the record to 8 bytes.' }),
    field('cs', vm_event_x86_selector_reg, { since: '4.12', doc: 'CS limit and access rights.' }),
    field('ss', vm_event_x86_selector_reg, { since: '4.12', doc: 'SS limit and access rights.' }),
    field('ds', vm_event_x86_selector_reg, { since: '4.12', doc: 'DS limit and access rights.' }),
    field('es', vm_event_x86_selector_reg, { since: '4.12', doc: 'ES limit and access rights.' }),
    field('fs', vm_event_x86_selector_reg, { since: '4.12', doc: 'FS limit and access rights.' }),
    field('gs', vm_event_x86_selector_reg, { since: '4.12', doc: 'GS limit and access rights.' }),
    reg('shadow_gs', 'The GS base SWAPGS would load (KERNEL_GS_BASE).', { since: '4.12' }),
    field('gdtr_limit', u16, { since: '4.13', doc: 'The limit of the global descriptor table.' }),
    field('cs_sel', u16, { since: '4.12', doc: 'The CS selector.' }),
    field('ss_sel', u16, { since: '4.12', doc: 'The SS selector.' }),
    field('ds_sel', u16, { since: '4.12', doc: 'The DS selector.' }),
    field('es_sel', u16, { since: '4.12', doc: 'The ES selector.' }),
    field('fs_sel', u16, { since: '4.12', doc: 'The FS selector.' }),
    field('gs_sel', u16, { since: '4.12', doc: 'The GS selector.' }),
    pad('_pad', u32, { since: '4.12', until: '4.13', doc: 'In 4.12: zero; rounds the record to 8 bytes.' }),
    pad('_pad', u16, { since: '4.13', doc: 'Zero; rounds the record to 8 bytes.' }),
  ],
});

export const vm_event_regs_arm = struct('vm_event_regs_arm', {
  since: '4.8',
  doc: 'The Arm vCPU registers a request reports and a response may set.',
  fields: [
    field('ttbr0', u64, { doc: 'Translation table base register 0.' }),
    field('ttbr1', u64, { doc: 'Translation table base register 1.' }),
    field('ttbcr', u64, { doc: 'Translation table base control register (TCR).' }),
    field('pc', u64, { doc: 'The program counter.' }),
    field('cpsr', u32, { until: '4.16', doc: 'Before 4.16: the processor state (CPSR/PSTATE), 32 bits.' }),
    pad('_pad', u32, { until: '4.16', doc: 'Before 4.16: zero.' }),
    field('cpsr', u64, { since: '4.16', doc: 'The processor state (CPSR/PSTATE); 64 bits from 4.16, over the former padding.' }),
  ],
});

export const MEM_ACCESS = flagSet('MEM_ACCESS', {
  since: '4.6',
  field: 'vm_event_mem_access.flags',
  doc: 'What kind of access a memory access event reports, and what Xen knows about its address.',
  flags: [
    V(0, 'MEM_ACCESS_R', '4.6', 'A read.'),
    V(1, 'MEM_ACCESS_W', '4.6', 'A write.'),
    V(2, 'MEM_ACCESS_X', '4.6', 'An instruction fetch.'),
    V(3, 'MEM_ACCESS_GLA_VALID', '4.6', 'gla holds the guest linear address of the access.'),
    V(4, 'MEM_ACCESS_FAULT_WITH_GLA', '4.6', 'The fault hit the final translation of gla.'),
    V(5, 'MEM_ACCESS_FAULT_IN_GPT', '4.6', 'The fault hit while walking the guest\'s own page tables.'),
  ],
});

export const MEM_ACCESS_RWX = constant('MEM_ACCESS_RWX', 7, { since: '4.6', doc: 'MEM_ACCESS_R, MEM_ACCESS_W and MEM_ACCESS_X together.' });
export const MEM_ACCESS_RW = constant('MEM_ACCESS_RW', 3, { since: '4.6', doc: 'MEM_ACCESS_R and MEM_ACCESS_W together.' });
export const MEM_ACCESS_RX = constant('MEM_ACCESS_RX', 5, { since: '4.6', doc: 'MEM_ACCESS_R and MEM_ACCESS_X together.' });
export const MEM_ACCESS_WX = constant('MEM_ACCESS_WX', 6, { since: '4.6', doc: 'MEM_ACCESS_W and MEM_ACCESS_X together.' });

export const vm_event_mem_access = struct('vm_event_mem_access', {
  since: '4.6',
  doc: 'A memory access the access rights forbade (VM_EVENT_REASON_MEM_ACCESS).',
  fields: [
    field('gfn', u64, { doc: 'The guest frame accessed. Example: 0x1234.' }),
    field('offset', u64, { doc: 'The byte offset of the access in that frame.' }),
    field('gla', u64, { doc: 'The guest linear address, when flags has MEM_ACCESS_GLA_VALID.' }),
    field('flags', u32, { doc: 'MEM_ACCESS_* bits. Example: 0x9 (a read, with gla).' }),
    pad('_pad', u32, { doc: 'Zero.' }),
  ],
});

/** The value a watched write stored and the one it replaced (control registers, and MSRs from 4.11). */
const writtenValues = (options: { since?: '4.11' } = {}) => [
  field('new_value', u64, { ...options, doc: 'The value written.' }),
  field('old_value', u64, { ...options, doc: 'The value before the write.' }),
];

export const vm_event_write_ctrlreg = struct('vm_event_write_ctrlreg', {
  since: '4.6',
  doc: 'A write to a watched control register (VM_EVENT_REASON_WRITE_CTRLREG).',
  fields: [
    field('index', u32, { doc: 'The register, VM_EVENT_X86_*.' }),
    pad('_pad', u32, { doc: 'Zero.' }),
    ...writtenValues(),
  ],
});

export const vm_event_singlestep = struct('vm_event_singlestep', {
  since: '4.8',
  doc: 'A single-step event (VM_EVENT_REASON_SINGLESTEP).',
  fields: [field('gfn', u64, { doc: 'The guest frame of the instruction pointer.' })],
});

export const vm_event_fast_singlestep = struct('vm_event_fast_singlestep', {
  since: '4.14',
  doc: 'A response\'s request for one fast single step (VM_EVENT_FLAG_FAST_SINGLESTEP).',
  fields: [field('p2midx', u16, { doc: 'The altp2m view to step in; the vCPU returns to its view after the step.' })],
});

export const vm_event_debug = struct('vm_event_debug', {
  since: '4.6',
  doc: 'A software breakpoint or debug exception (and, before 4.8, a single step).',
  fields: [
    field('gfn', u64, { doc: 'The guest frame of the instruction pointer.' }),
    field('pending_dbg', u64, { since: '4.14', doc: 'Debug exceptions pending, in the format of VT-x\'s pending debug exceptions field.' }),
    field('insn_length', u32, { since: '4.8', doc: 'Bytes of the instruction that trapped, to step over it on reinjection.' }),
    field('type', u8, { since: '4.8', doc: 'The trap type, HVMOP_TRAP_*.' }),
    pad('_pad', array(u8, 3), { since: '4.8', doc: 'Zero.' }),
  ],
});

export const vm_event_mov_to_msr = struct('vm_event_mov_to_msr', {
  since: '4.6',
  doc: 'A write to a watched MSR (VM_EVENT_REASON_MOV_TO_MSR).',
  fields: [
    field('msr', u64, { doc: 'The MSR\'s index. Example: 0xc0000080 (EFER).' }),
    field('value', u64, { until: '4.11', doc: 'Before 4.11: the value written.' }),
    ...writtenValues({ since: '4.11' }),
  ],
});

export const VM_EVENT_DESC = valueSet('VM_EVENT_DESC', {
  since: '4.9',
  field: 'vm_event_desc_access.descriptor',
  doc: 'Which descriptor-table register an access touched.',
  values: [
    R('VM_EVENT_DESC_IDTR', 1, '4.9', 'The interrupt descriptor table register.'),
    R('VM_EVENT_DESC_GDTR', 2, '4.9', 'The global descriptor table register.'),
    R('VM_EVENT_DESC_LDTR', 3, '4.9', 'The local descriptor table register.'),
    R('VM_EVENT_DESC_TR', 4, '4.9', 'The task register.'),
  ],
});

export const vm_event_desc_access = struct('vm_event_desc_access', {
  since: '4.9',
  doc: 'A read or write of a descriptor-table register (VM_EVENT_REASON_DESCRIPTOR_ACCESS).',
  fields: [
    field(
      'arch',
      inlineUnion({
        doc: 'What the hardware reported about the exit.',
        fields: [
          field(
            'vmx',
            inlineStruct({
              fields: [
                field('instr_info', u32, { doc: 'The VMCS VM-exit instruction-information field.' }),
                pad('_pad1', u32, { doc: 'Zero.' }),
                field('exit_qualification', u64, { doc: 'The VMCS exit qualification.' }),
              ],
            }),
            { doc: 'On Intel VT-x.' },
          ),
          field(
            'svm',
            inlineStruct({
              until: '4.14',
              fields: [field('exitinfo', u64, { doc: 'The VMCB EXITINFO1 field.' }), pad('_pad2', u64, { doc: 'Zero.' })],
            }),
            { until: '4.14', doc: 'On AMD SVM, before 4.14.' },
          ),
        ],
      }),
      { doc: 'By virtualisation technology.' },
    ),
    field('descriptor', u8, { doc: 'The register, VM_EVENT_DESC_*.' }),
    field('is_write', u8, { doc: 'Non-zero for a write (LGDT and friends), zero for a read.' }),
    pad('_pad', array(u8, 6), { doc: 'Zero.' }),
  ],
});

export const vm_event_cpuid = struct('vm_event_cpuid', {
  since: '4.8',
  doc: 'A CPUID the guest executed (VM_EVENT_REASON_CPUID).',
  fields: [
    field('insn_length', u32, { doc: 'Bytes of the instruction.' }),
    field('leaf', u32, { doc: 'The leaf asked for (EAX).' }),
    field('subleaf', u32, { doc: 'The sub-leaf asked for (ECX).' }),
    pad('_pad', u32, { doc: 'Zero.' }),
  ],
});

export const vm_event_interrupt_x86 = struct('vm_event_interrupt_x86', {
  since: '4.9',
  doc: 'An interrupt or exception Xen injects into an x86 vCPU (VM_EVENT_REASON_INTERRUPT).',
  fields: [
    field('vector', u32, { doc: 'The vector. Example: 14 (page fault).' }),
    field('type', u32, { doc: 'The event type as the hardware encodes it (external interrupt, NMI, exception, …).' }),
    field('error_code', u32, { doc: 'The error code, where the vector has one.' }),
    pad('_pad', u32, { doc: 'Zero.' }),
    field('cr2', u64, { doc: 'For a page fault: the faulting address.' }),
  ],
});

export const MEM_PAGING = flagSet('MEM_PAGING', {
  since: '4.6',
  field: 'vm_event_paging.flags',
  doc: 'What a paging event asks of the pager.',
  flags: [
    V(0, 'MEM_PAGING_DROP_PAGE', '4.6', 'The page is gone (the domain freed it): forget it rather than bring it back.'),
    V(1, 'MEM_PAGING_EVICT_FAIL', '4.6', 'Evicting the page failed; it stays in memory.'),
  ],
});

/** The shape of the paging and sharing events: a guest frame, its mapping's type, and one more 32-bit member. */
const frameEvent = (name: string, doc: string, last: ReturnType<typeof field>) =>
  struct(name, {
    since: '4.6',
    doc,
    fields: [field('gfn', u64, { doc: 'The guest frame.' }), field('p2mt', u32, { doc: 'Xen\'s internal type of the frame\'s mapping.' }), last],
  });

export const vm_event_paging = frameEvent(
  'vm_event_paging',
  'A paging event: a guest touched a paged-out frame, or Xen tells the pager about one (VM_EVENT_REASON_MEM_PAGING).',
  field('flags', u32, { doc: 'MEM_PAGING_* bits.' }),
);

export const vm_event_sharing = frameEvent(
  'vm_event_sharing',
  'A sharing event: a shared frame could not be unshared for a write (VM_EVENT_REASON_MEM_SHARING).',
  pad('_pad', u32, { doc: 'Zero.' }),
);

const readData = (length: number, since: '4.6' | '4.12' | '4.13' | '4.15', until?: '4.12' | '4.13' | '4.15') =>
  field('data', array(u8, length), {
    since,
    ...(until ? { until } : {}),
    doc: `The bytes; as many as make the record as large as vm_event_regs_x86 (${length} in these releases).`,
  });

export const vm_event_emul_read_data = struct('vm_event_emul_read_data', {
  since: '4.6',
  doc: 'Data an emulated instruction reads instead of memory (VM_EVENT_FLAG_SET_EMUL_READ_DATA); it shares a union with the x86 registers and has their size.',
  fields: [
    field('size', u32, { doc: 'Bytes of data that are valid.' }),
    readData(252, '4.6', '4.12'),
    readData(316, '4.12', '4.13'),
    readData(324, '4.13', '4.15'),
    readData(340, '4.15'),
  ],
});

export const vm_event_emul_insn_data = struct('vm_event_emul_insn_data', {
  since: '4.8',
  doc: 'The instruction to emulate instead of the one in memory (VM_EVENT_FLAG_SET_EMUL_INSN_DATA).',
  fields: [field('data', array(u8, 16), { doc: 'The instruction bytes; all 16 must be set.' })],
});

export const vm_event_vmexit = struct('vm_event_vmexit', {
  since: '4.17',
  doc: 'A VM exit the tool subscribed to (VM_EVENT_REASON_VMEXIT).',
  fields: [
    field(
      'arch',
      inlineStruct({
        doc: 'By virtualisation technology.',
        fields: [
          field(
            'vmx',
            inlineStruct({
              fields: [field('reason', u64, { doc: 'The VMCS exit reason.' }), field('qualification', u64, { doc: 'The VMCS exit qualification.' })],
            }),
            { doc: 'On Intel VT-x.' },
          ),
        ],
      }),
      { doc: 'What the hardware reported.' },
    ),
  ],
});

export const vm_event_io = struct('vm_event_io', {
  since: '4.18',
  doc: 'An I/O port instruction (VM_EVENT_REASON_IO_INSTRUCTION).',
  fields: [
    field('bytes', u32, { doc: 'Bytes per access: 1, 2 or 4.' }),
    field('port', u16, { doc: 'The port. Example: 0x3f8.' }),
    field('in', u8, { doc: '1 for IN, 0 for OUT.' }),
    field('str', u8, { doc: '1 for a string instruction (INS, OUTS), 0 otherwise.' }),
  ],
});

export const vm_event_st = struct('vm_event_st', {
  typedef: 'vm_event_request_t',
  since: '4.6',
  doc:
    'One slot of the ring: an event Xen reports (a request), or the tool\'s answer to it (a response, in the same ' +
    'slot and layout). Xen also names the type vm_event_response_t.',
  fields: [
    field('version', u32, { doc: 'VM_EVENT_INTERFACE_VERSION. Example: 7.' }),
    field('flags', u32, { doc: 'VM_EVENT_FLAG_* bits.' }),
    field('reason', u32, { doc: 'VM_EVENT_REASON_*; a response repeats the request\'s.' }),
    field('vcpu_id', u32, { doc: 'The vCPU the event is about.' }),
    field('altp2m_idx', u16, { doc: 'The altp2m view: the vCPU\'s in a request, the one to switch to in a response with VM_EVENT_FLAG_ALTERNATE_P2M.' }),
    pad('_pad', array(u16, 3), { doc: 'Zero.' }),
    field(
      'u',
      inlineUnion({
        doc: 'The event\'s details, by reason.',
        fields: [
          field('mem_paging', vm_event_paging, { doc: 'VM_EVENT_REASON_MEM_PAGING.' }),
          field('mem_sharing', vm_event_sharing, { doc: 'VM_EVENT_REASON_MEM_SHARING.' }),
          field('mem_access', vm_event_mem_access, { doc: 'VM_EVENT_REASON_MEM_ACCESS.' }),
          field('write_ctrlreg', vm_event_write_ctrlreg, { doc: 'VM_EVENT_REASON_WRITE_CTRLREG.' }),
          field('mov_to_msr', vm_event_mov_to_msr, { doc: 'VM_EVENT_REASON_MOV_TO_MSR.' }),
          field('desc_access', vm_event_desc_access, { since: '4.9', doc: 'VM_EVENT_REASON_DESCRIPTOR_ACCESS.' }),
          field('singlestep', vm_event_debug, { until: '4.8', doc: 'Before 4.8: VM_EVENT_REASON_SINGLESTEP, in the debug record.' }),
          field('singlestep', vm_event_singlestep, { since: '4.8', doc: 'VM_EVENT_REASON_SINGLESTEP.' }),
          field('fast_singlestep', vm_event_fast_singlestep, { since: '4.14', doc: 'A response\'s VM_EVENT_FLAG_FAST_SINGLESTEP.' }),
          field('software_breakpoint', vm_event_debug, { doc: 'VM_EVENT_REASON_SOFTWARE_BREAKPOINT.' }),
          field('debug_exception', vm_event_debug, { since: '4.8', doc: 'VM_EVENT_REASON_DEBUG_EXCEPTION.' }),
          field('cpuid', vm_event_cpuid, { since: '4.8', doc: 'VM_EVENT_REASON_CPUID.' }),
          field('vmexit', vm_event_vmexit, { since: '4.17', doc: 'VM_EVENT_REASON_VMEXIT.' }),
          field('io', vm_event_io, { since: '4.18', doc: 'VM_EVENT_REASON_IO_INSTRUCTION.' }),
          field('interrupt', inlineUnion({ since: '4.9', doc: 'By architecture.', fields: [field('x86', vm_event_interrupt_x86, { doc: 'On x86.' })] }), {
            since: '4.9',
            doc: 'VM_EVENT_REASON_INTERRUPT.',
          }),
        ],
      }),
      { doc: 'Details of the event.' },
    ),
    field(
      'data',
      inlineUnion({
        doc: 'Registers, or emulation data.',
        fields: [
          field(
            'regs',
            inlineUnion({
              doc: 'By architecture.',
              fields: [
                field('x86', vm_event_regs_x86, { doc: 'On x86.' }),
                field('arm', vm_event_regs_arm, { since: '4.8', doc: 'On Arm.' }),
              ],
            }),
            { doc: 'The vCPU\'s registers: reported by a request, set by a response with VM_EVENT_FLAG_SET_REGISTERS.' },
          ),
          field('emul_read_data', vm_event_emul_read_data, { until: '4.8', doc: 'Before 4.8: a response\'s data for VM_EVENT_FLAG_SET_EMUL_READ_DATA.' }),
          field(
            'emul',
            inlineUnion({
              since: '4.8',
              doc: 'What to emulate with.',
              fields: [
                field('read', vm_event_emul_read_data, { doc: 'For VM_EVENT_FLAG_SET_EMUL_READ_DATA.' }),
                field('insn', vm_event_emul_insn_data, { doc: 'For VM_EVENT_FLAG_SET_EMUL_INSN_DATA.' }),
              ],
            }),
            { since: '4.8', doc: 'A response\'s emulation data.' },
          ),
        ],
      }),
      { doc: 'Register state or emulation data, as flags say.' },
    ),
  ],
});

export const vm_event_response_t = typedef('vm_event_response_t', vm_event_st, {
  since: '4.6',
  doc: 'Xen\'s name for the record when it is a response; the same layout as a request.',
});

export const [vm_event_sring_entry, vm_event_sring] = ring('vm_event', {
  index: RING_IDX,
  request: vm_event_st,
  response: vm_event_st,
  since: '4.6',
  doc: 'The vm_event ring: Xen puts requests, the monitoring tool answers each in its slot.',
});

export default abiModule({
  name: 'vm_event',
  xenHeader: 'vm_event.h',
  xenGuard: '_XEN_PUBLIC_VM_EVENT_H',
  coverage: 'full',
  doc: 'VM introspection and memory events: the request/response record, its per-event details and the ring they travel on.',
  interfaceVersion: VM_EVENT_INTERFACE_VERSION,
  items: [
    VM_EVENT_INTERFACE_VERSION,
    VM_EVENT_FLAG,
    VM_EVENT_REASON,
    VM_EVENT_X86,
    vm_event_x86_selector_reg,
    vm_event_regs_x86,
    vm_event_regs_arm,
    MEM_ACCESS,
    MEM_ACCESS_RWX,
    MEM_ACCESS_RW,
    MEM_ACCESS_RX,
    MEM_ACCESS_WX,
    vm_event_mem_access,
    vm_event_write_ctrlreg,
    vm_event_singlestep,
    vm_event_fast_singlestep,
    vm_event_debug,
    vm_event_mov_to_msr,
    VM_EVENT_DESC,
    vm_event_desc_access,
    vm_event_cpuid,
    vm_event_interrupt_x86,
    MEM_PAGING,
    vm_event_paging,
    vm_event_sharing,
    vm_event_emul_read_data,
    vm_event_emul_insn_data,
    vm_event_vmexit,
    vm_event_io,
    vm_event_st,
    vm_event_response_t,
    vm_event_sring_entry,
    vm_event_sring,
  ],
});
