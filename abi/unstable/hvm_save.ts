/**
 * The HVM save format: how Xen writes out, and reads back, the state of an HVM guest's
 * virtual platform for save, restore and migration (`XEN_DOMCTL_gethvmcontext` and
 * `XEN_DOMCTL_sethvmcontext`). The context is a sequence of records, each behind a
 * `hvm_save_descriptor` naming its type code, its instance (the vCPU or device number) and
 * its length; an END descriptor (code 0, no payload) closes it. The payloads are the x86
 * records below: the vCPU registers, the interrupt controllers, the timers, MTRRs, extended
 * state, MSRs and the Hyper-V (viridian) enlightenments. Arm declares no payloads.
 *
 * Nothing here is a stable ABI: payloads grow from release to release, and Xen accepts an
 * older, shorter payload of some types (zero-extended, or `hvm_hw_cpu_compat` for the vCPU
 * registers). The file format's own version, `HVM_FILE_VERSION`, has stayed 1; it is what
 * the C header selects releases by, so it declares 4.22's layouts. The vCPU registers and the
 * IRQ line states hold C11 anonymous members (a union of an event word and its bit-fields, a
 * union of a bitmap and the 64-bit words that size it); the C header declares them as Xen
 * does, Rust and TypeScript as a nested member named `anon0`.
 *
 * Not declared: Xen's empty `struct hvm_save_end` (an empty struct is a GNU extension, of size
 * 0 in GNU C and 1 in C++, so it has no layout to check; END is only its type code, 0), and
 * the type codes, which Xen computes with a function-like macro (`HVM_SAVE_CODE(CPU)`) that
 * names no constant xenabi could check by name.
 */
import { X86, abiModule, anonymous, array, bits, c_char, c_ulong, constant, field, flag, flagSet, flex, i64, inlineStruct, inlineUnion, pad, struct, u16, u32, u64, u8, union } from 'xenabi/dsl';

const IN_X86_SAVE_H = { header: 'arch-x86/hvm/save.h', guard: '__XEN_PUBLIC_HVM_SAVE_X86_H__', archs: [...X86] };
const x86 = { archs: [...X86], xenOrigin: [IN_X86_SAVE_H] };

export const hvm_save_descriptor = struct('hvm_save_descriptor', {
  since: '4.6',
  doc: 'The header of each record of an HVM context: what follows and how long it is.',
  fields: [
    field('typecode', u16, { doc: 'The type of the payload, an HVM_SAVE_CODE_* number. Example: 2 (a vCPU\'s registers).' }),
    field('instance', u16, { doc: 'Which one of its type: the vCPU id for per-vCPU state, the device number otherwise. Example: 0.' }),
    field('length', u32, { doc: 'Bytes of payload after this descriptor (the descriptor not counted). Example: 1024.' }),
  ],
});

export const HVM_FILE_MAGIC = constant('HVM_FILE_MAGIC', 0x54381286, { ...x86, since: '4.6', spelling: 'hex', doc: 'The magic number hvm_save_header.magic must hold.' });

export const HVM_FILE_VERSION = constant('HVM_FILE_VERSION', 1, {
  ...x86,
  since: '4.6',
  spelling: 'hex',
  doc: 'The version of the save file format, in hvm_save_header.version; 1 in every release, although payloads grew.',
});

export const hvm_save_header = struct('hvm_save_header', {
  ...x86,
  since: '4.6',
  doc: 'The first record of an x86 context (HVM_SAVE_CODE_HEADER): where and by what the context was saved.',
  fields: [
    field('magic', u32, { doc: 'HVM_FILE_MAGIC.' }),
    field('version', u32, { doc: 'HVM_FILE_VERSION.' }),
    field('changeset', u64, { doc: 'The build of Xen that saved the context (informational).' }),
    field('cpuid', u32, { doc: 'CPUID leaf 1 EAX (family, model, stepping) of the host that saved it.' }),
    field('gtsc_khz', u32, { doc: 'The guest\'s TSC frequency in kHz. Example: 2400000.' }),
  ],
});

// ---- vCPU registers ---------------------------------------------------------------------------

const GENERAL = ['rax', 'rbx', 'rcx', 'rdx', 'rbp', 'rsi', 'rdi', 'rsp', 'r8', 'r9', 'r10', 'r11', 'r12', 'r13', 'r14', 'r15'];
const SEGMENTS = ['cs', 'ds', 'es', 'fs', 'gs', 'ss', 'tr', 'ldtr'];
const TABLES = ['idtr', 'gdtr'];

/** The saved event the vCPU was about to receive: one word, or its parts. */
const pendingEvent = () =>
  anonymous(
    inlineUnion({
      doc: 'The event Xen was about to deliver when it saved the vCPU, as one word or as its parts.',
      fields: [
        field('pending_event', u32, { doc: 'All of it; 0 when nothing is pending.' }),
        anonymous(
          inlineStruct({
            doc: 'The parts of pending_event.',
            fields: [
              bits('pending_vector', u8, 8, { doc: 'The vector. Example: 14 (a page fault).' }),
              bits('pending_type', u8, 3, { doc: 'How it is delivered: external interrupt, NMI, hardware or software exception, ...' }),
              bits('pending_error_valid', u8, 1, { doc: 'Set when error_code goes with it.' }),
              bits('pending_reserved', u32, 19, { doc: 'Unused.' }),
              bits('pending_valid', u8, 1, { doc: 'Set when an event is pending at all.' }),
            ],
          }),
        ),
      ],
    }),
  );

/** The members hvm_hw_cpu and its older form share, up to the pending event; `tscAux` adds msr_tsc_aux. */
function cpuRegisters(tscAux: boolean) {
  return [
    field('fpu_regs', array(u8, 512), { doc: 'The FPU and SSE state in FXSAVE format.' }),
    ...GENERAL.map((r) => field(r, u64, { doc: `The general register ${r.toUpperCase()}.` })),
    field('rip', u64, { doc: 'The instruction pointer.' }),
    field('rflags', u64, { doc: 'The flags register.' }),
    ...['cr0', 'cr2', 'cr3', 'cr4'].map((r) => field(r, u64, { doc: `Control register ${r.slice(2)}.` })),
    ...['dr0', 'dr1', 'dr2', 'dr3', 'dr6', 'dr7'].map((r) => field(r, u64, { doc: `Debug register ${r.slice(2)}.` })),
    ...SEGMENTS.map((r) => field(`${r}_sel`, u32, { doc: `The ${r.toUpperCase()} selector.` })),
    ...[...SEGMENTS, ...TABLES].map((r) => field(`${r}_limit`, u32, { doc: `The limit of ${r.toUpperCase()}.` })),
    ...[...SEGMENTS, ...TABLES].map((r) => field(`${r}_base`, u64, { doc: `The base of ${r.toUpperCase()}.` })),
    ...SEGMENTS.map((r) => field(`${r}_arbytes`, u32, { doc: `The access rights of ${r.toUpperCase()}, in the packed form of VMX's segment attributes.` })),
    field('sysenter_cs', u64, { doc: 'The SYSENTER_CS MSR.' }),
    field('sysenter_esp', u64, { doc: 'The SYSENTER_ESP MSR.' }),
    field('sysenter_eip', u64, { doc: 'The SYSENTER_EIP MSR.' }),
    field('shadow_gs', u64, { doc: 'The KERNEL_GS_BASE MSR, which SWAPGS exchanges with the GS base.' }),
    field('msr_flags', u64, { doc: 'No longer used; ignored on restore.' }),
    field('msr_lstar', u64, { doc: 'The LSTAR MSR: the 64-bit SYSCALL entry point.' }),
    field('msr_star', u64, { doc: 'The STAR MSR: SYSCALL\'s segments and 32-bit entry point.' }),
    field('msr_cstar', u64, { doc: 'The CSTAR MSR: the compatibility-mode SYSCALL entry point.' }),
    field('msr_syscall_mask', u64, { doc: 'The SFMASK MSR: flags SYSCALL clears.' }),
    field('msr_efer', u64, { doc: 'The EFER MSR.' }),
    ...(tscAux ? [field('msr_tsc_aux', u64, { doc: 'The TSC_AUX MSR, which RDTSCP returns.' })] : []),
    field('tsc', u64, { doc: 'The time stamp counter the guest would read.' }),
    pendingEvent(),
    field('error_code', u32, { doc: 'The error code of the pending event, when pending_error_valid is set.' }),
  ];
}

export const hvm_hw_cpu = struct('hvm_hw_cpu', {
  ...x86,
  since: '4.6',
  doc: 'The registers of one vCPU (HVM_SAVE_CODE_CPU, instance the vCPU id), in one layout on 32- and 64-bit x86.',
  fields: [
    ...cpuRegisters(true),
    field('flags', u32, { since: '4.7', doc: 'XEN_X86_FPU_* flags.' }),
    pad('pad0', u32, { since: '4.7', doc: 'Zero.' }),
  ],
});

export const hvm_hw_cpu_compat = struct('hvm_hw_cpu_compat', {
  ...x86,
  since: '4.6',
  doc: 'The vCPU registers as Xen saved them before msr_tsc_aux existed; Xen still accepts a CPU record this long and converts it.',
  fields: cpuRegisters(false),
});

export const XEN_X86_FPU = flagSet('XEN_X86_FPU', {
  ...x86,
  since: '4.7',
  doc: 'Flags of a saved vCPU (the flags member hvm_hw_cpu has from 4.7).',
  flags: [flag('XEN_X86_FPU_INITIALISED', 0, { ...x86, since: '4.7', bitConstant: '_XEN_X86_FPU_INITIALISED', doc: 'The vCPU has used its FPU, so fpu_regs holds its state.' })],
});

// ---- Interrupt controllers --------------------------------------------------------------------

export const hvm_hw_vpic = struct('hvm_hw_vpic', {
  ...x86,
  since: '4.6',
  doc: 'One 8259 interrupt controller (HVM_SAVE_CODE_PIC; instance 0 the master, 1 the slave).',
  fields: [
    field('irr', u8, { doc: 'The interrupt request register.' }),
    field('imr', u8, { doc: 'The interrupt mask register.' }),
    field('isr', u8, { doc: 'The in-service register.' }),
    field('irq_base', u8, { doc: 'The vector of input 0. Example: 0x20.' }),
    bits('init_state', u8, 4, { doc: 'Where an initialisation sequence is (0: none); bits 0-1 the next ICW, bit 2 ICW4 expected, bit 3 single mode.' }),
    bits('priority_add', u8, 4, { doc: 'The input with the highest priority.' }),
    bits('readsel_isr', u8, 1, { doc: 'Reads return the ISR rather than the IRR.' }),
    bits('poll', u8, 1, { doc: 'The next read is a poll.' }),
    bits('auto_eoi', u8, 1, { doc: 'Automatic end of interrupt.' }),
    bits('rotate_on_auto_eoi', u8, 1, { doc: 'Rotate priorities on automatic end of interrupt.' }),
    bits('special_fully_nested_mode', u8, 1, { doc: 'Special fully nested mode.' }),
    bits('special_mask_mode', u8, 1, { doc: 'Special mask mode.' }),
    bits('is_master', u8, 1, { doc: 'Set on the master controller.' }),
    field('elcr', u8, { doc: 'The edge/level control register.' }),
    field('int_output', u8, { doc: 'The level of the controller\'s output.' }),
  ],
  holes: [{ after: 'is_master', archs: [...X86], reason: 'the last bit of the byte of the single-bit flags' }],
});

export const VIOAPIC_NUM_PINS = constant('VIOAPIC_NUM_PINS', 48, { ...x86, since: '4.6', doc: 'Pins of the saved IO-APIC: 16 ISA and 32 PCI interrupts.' });

export const vioapic_redir_entry = union('vioapic_redir_entry', {
  ...x86,
  since: '4.6',
  doc: 'One redirection-table entry of the IO-APIC: as a 64-bit word, or its fields. Before 4.9 Xen declared it inside hvm_hw_vioapic.',
  fields: [
    field('bits', u64, { doc: 'The whole entry.' }),
    field(
      'fields',
      inlineStruct({
        doc: 'The entry\'s fields.',
        fields: [
          field('vector', u8, { doc: 'The vector delivered.' }),
          bits('delivery_mode', u8, 3, { doc: 'Fixed, lowest priority, SMI, NMI, INIT or ExtINT.' }),
          bits('dest_mode', u8, 1, { doc: '0 physical, 1 logical destination.' }),
          bits('delivery_status', u8, 1, { doc: 'Set while delivery is pending.' }),
          bits('polarity', u8, 1, { doc: 'Set for active low.' }),
          bits('remote_irr', u8, 1, { doc: 'Set between delivery and EOI of a level-triggered interrupt.' }),
          bits('trig_mode', u8, 1, { doc: '0 edge, 1 level triggered.' }),
          bits('mask', u8, 1, { doc: 'Set to mask the pin.' }),
          bits('reserve', u8, 7, { doc: 'Zero.' }),
          field('reserved', array(u8, 4), { doc: 'Zero.' }),
          field('dest_id', u8, { doc: 'The destination APIC id.' }),
        ],
      }),
      { doc: 'The entry\'s fields.' },
    ),
  ],
});

export const hvm_hw_vioapic = struct('hvm_hw_vioapic', {
  ...x86,
  since: '4.6',
  doc: 'The IO-APIC (HVM_SAVE_CODE_IOAPIC).',
  fields: [
    field('base_address', u64, { doc: 'The guest-physical address of its registers. Example: 0xfec00000.' }),
    field('ioregsel', u32, { doc: 'The register index last selected.' }),
    field('id', u32, { doc: 'The IO-APIC id.' }),
    field('redirtbl', array(vioapic_redir_entry, 48, VIOAPIC_NUM_PINS), { doc: 'The redirection table, one entry per pin.' }),
  ],
});

export const hvm_hw_lapic = struct('hvm_hw_lapic', {
  ...x86,
  since: '4.6',
  doc: 'A vCPU\'s local APIC beyond its register page (HVM_SAVE_CODE_LAPIC, one per vCPU).',
  fields: [
    field('apic_base_msr', u64, { doc: 'The APIC_BASE MSR. Example: 0xfee00900.' }),
    field('disabled', u32, { doc: 'Why the APIC is disabled: bit 0 by software, bit 1 by the MSR; 0 when enabled.' }),
    field('timer_divisor', u32, { doc: 'The timer\'s divisor.' }),
    field('tdt_msr', u64, { doc: 'The TSC_DEADLINE MSR.' }),
    field('pending_esr', u32, { since: '4.21', doc: 'Errors collected since the error status register was last written.' }),
  ],
  holes: [{ after: 'pending_esr', archs: ['x86_64'], since: '4.21', reason: 'tail padding to the 8-byte alignment of apic_base_msr' }],
});

export const hvm_hw_lapic_regs = struct('hvm_hw_lapic_regs', {
  ...x86,
  since: '4.6',
  doc: 'The first 1 KiB of a vCPU\'s local APIC register page (HVM_SAVE_CODE_LAPIC_REGS).',
  fields: [field('data', array(u8, 1024), { doc: 'The registers, as the APIC page lays them out.' })],
});

/** A union of `unsigned long` words and the 64-bit words that fix its size on both x86 widths. */
const irqBitmap = (what: string, bits: number) =>
  anonymous(
    inlineUnion({
      doc: `The ${bits} ${what} as a bitmap.`,
      fields: [
        field('i', array(c_ulong, bits / 32), { archs: ['x86_32'], doc: `The bitmap, bit n for ${what.replace(/s$/, '')} n.` }),
        field('i', array(c_ulong, bits / 64), { archs: ['x86_64'], doc: `The bitmap, bit n for ${what.replace(/s$/, '')} n.` }),
        field('pad', array(u64, bits / 64), { doc: 'Sizes the union alike on 32- and 64-bit x86.' }),
      ],
    }),
  );

export const hvm_hw_pci_irqs = struct('hvm_hw_pci_irqs', {
  ...x86,
  since: '4.6',
  doc: 'The levels of the PCI interrupt lines (HVM_SAVE_CODE_PCI_IRQ): four INTx lines for each of 32 devices, bit 4 × device + line.',
  fields: [irqBitmap('PCI INTx lines', 128)],
});

export const hvm_hw_isa_irqs = struct('hvm_hw_isa_irqs', {
  ...x86,
  since: '4.6',
  doc: 'The levels of the 16 ISA interrupt lines (HVM_SAVE_CODE_ISA_IRQ), in the low bits of one word.',
  fields: [
    anonymous(
      inlineUnion({
        doc: 'The ISA lines as a bitmap.',
        fields: [
          field('i', array(c_ulong, 1), { doc: 'The bitmap, bit n for ISA line n.' }),
          field('pad', array(u64, 1), { doc: 'Sizes the union alike on 32- and 64-bit x86.' }),
        ],
      }),
    ),
  ],
});

export const hvm_hw_pci_link = struct('hvm_hw_pci_link', {
  ...x86,
  since: '4.6',
  doc: 'The PCI-to-ISA interrupt router (HVM_SAVE_CODE_PCI_LINK): device D\'s INTx goes to link (D + x) & 3.',
  fields: [
    field('route', array(u8, 4), { doc: 'The ISA IRQ each of the four links drives; 0 for none.' }),
    pad('pad0', array(u8, 4), { doc: 'Zero.' }),
  ],
});

// ---- Timers -------------------------------------------------------------------------------------

export const hvm_hw_pit_channel = struct('hvm_hw_pit_channel', {
  ...x86,
  since: '4.6',
  xenScope: 'hvm_hw_pit',
  doc: 'One channel of the 8254 interval timer.',
  fields: [
    field('count', u32, { doc: 'The reload count; 65536 is stored as such.' }),
    field('latched_count', u16, { doc: 'The count as latched.' }),
    field('count_latched', u8, { doc: 'Which bytes of the latched count remain to be read.' }),
    field('status_latched', u8, { doc: 'Non-zero when a status byte is latched.' }),
    field('status', u8, { doc: 'The latched status byte.' }),
    field('read_state', u8, { doc: 'Which byte the next read returns.' }),
    field('write_state', u8, { doc: 'Which byte the next write sets.' }),
    field('write_latch', u8, { doc: 'The low byte written so far.' }),
    field('rw_mode', u8, { doc: 'The access mode programmed.' }),
    field('mode', u8, { doc: 'The counting mode, 0-5.' }),
    field('bcd', u8, { doc: 'BCD counting (Xen does not emulate it).' }),
    field('gate', u8, { doc: 'The level of the gate input.' }),
  ],
});

export const hvm_hw_pit = struct('hvm_hw_pit', {
  ...x86,
  since: '4.6',
  doc: 'The 8254 interval timer (HVM_SAVE_CODE_PIT).',
  fields: [
    field('channels', array(hvm_hw_pit_channel, 3), { doc: 'Its three channels.' }),
    field('speaker_data_on', u32, { doc: 'The speaker data bit of port 0x61.' }),
    pad('pad0', u32, { doc: 'Zero.' }),
  ],
});

export const RTC_CMOS_SIZE = constant('RTC_CMOS_SIZE', 14, { ...x86, since: '4.6', doc: 'Bytes of CMOS the saved real-time clock carries: its registers.' });

export const hvm_hw_rtc = struct('hvm_hw_rtc', {
  ...x86,
  since: '4.6',
  doc: 'The real-time clock (HVM_SAVE_CODE_RTC).',
  fields: [
    field('cmos_data', array(u8, 14, RTC_CMOS_SIZE), { doc: 'The clock\'s registers.' }),
    field('cmos_index', u8, { doc: 'The register index last written to port 0x70.' }),
    pad('pad0', u8, { doc: 'Zero.' }),
    field('rtc_offset', i64, { since: '4.14', doc: 'Seconds the guest\'s clock runs ahead of the host\'s (negative: behind).' }),
  ],
});

export const HPET_TIMER_NUM = constant('HPET_TIMER_NUM', 3, { ...x86, since: '4.6', doc: 'Timers of the saved HPET.' });

export const hvm_hw_hpet = struct('hvm_hw_hpet', {
  ...x86,
  since: '4.6',
  doc: 'The HPET (HVM_SAVE_CODE_HPET): its register block as the guest sees it, then state the registers do not show.',
  fields: [
    field('capability', u64, { doc: 'The capabilities and id register.' }),
    pad('res0', u64, { doc: 'Reserved.' }),
    field('config', u64, { doc: 'The general configuration register.' }),
    pad('res1', u64, { doc: 'Reserved.' }),
    field('isr', u64, { doc: 'The general interrupt status register.' }),
    pad('res2', array(u64, 25), { doc: 'Reserved.' }),
    field('mc64', u64, { doc: 'The main counter.' }),
    pad('res3', u64, { doc: 'Reserved.' }),
    field(
      'timers',
      array(
        inlineStruct({
          doc: 'One timer\'s registers.',
          fields: [
            field('config', u64, { doc: 'The configuration and capability register.' }),
            field('cmp', u64, { doc: 'The comparator.' }),
            field('fsb', u64, { doc: 'The FSB interrupt route (not emulated).' }),
            pad('res4', u64, { doc: 'Reserved.' }),
          ],
        }),
        3,
        HPET_TIMER_NUM,
      ),
      { doc: 'The timers\' registers.' },
    ),
    pad('res5', array(u64, 84), { doc: 'Reserved, up to the end of the 1 KiB block.' }),
    field('period', array(u64, 3, HPET_TIMER_NUM), { doc: 'The period last written to each timer\'s comparator.' }),
  ],
});

export const hvm_hw_pmtimer = struct('hvm_hw_pmtimer', {
  ...x86,
  since: '4.6',
  doc: 'The ACPI power-management timer and PM1a event registers (HVM_SAVE_CODE_PMTIMER).',
  fields: [
    field('tmr_val', u32, { doc: 'The free-running 32-bit counter.' }),
    field('pm1a_sts', u16, { doc: 'The PM1a status register.' }),
    field('pm1a_en', u16, { doc: 'The PM1a enable register.' }),
  ],
});

// ---- MTRRs, extended state, enlightenments, MSRs -----------------------------------------------

export const MTRR_VCNT = constant('MTRR_VCNT', 8, { ...x86, since: '4.6', doc: 'Variable-range MTRR pairs saved.' });
export const NUM_FIXED_MSR = constant('NUM_FIXED_MSR', 11, { ...x86, since: '4.6', doc: 'Fixed-range MTRR MSRs saved.' });

export const hvm_hw_mtrr = struct('hvm_hw_mtrr', {
  ...x86,
  since: '4.6',
  doc: 'A vCPU\'s memory type range registers and PAT (HVM_SAVE_CODE_MTRR).',
  fields: [
    field('msr_pat_cr', u64, { doc: 'The PAT MSR.' }),
    field('msr_mtrr_var', array(u64, 16), { doc: 'The variable ranges: base and mask MSR of each of the MTRR_VCNT pairs.' }),
    field('msr_mtrr_fixed', array(u64, 11, NUM_FIXED_MSR), { doc: 'The fixed-range MSRs.' }),
    field('msr_mtrr_cap', u64, { doc: 'The MTRRcap MSR.' }),
    field('msr_mtrr_def_type', u64, { doc: 'The MTRRdefType MSR.' }),
  ],
});

export const hvm_hw_cpu_xsave_hdr = struct('hvm_hw_cpu_xsave_hdr', {
  ...x86,
  since: '4.7',
  doc: 'The 64-byte header of an XSAVE area.',
  fields: [
    field('xstate_bv', u64, { doc: 'The state components present in the area.' }),
    field('xcomp_bv', u64, { doc: 'The compaction mask written by XSAVEC/XSAVES.' }),
    pad('reserved', array(u64, 6), { doc: 'Zero.' }),
  ],
});

export const hvm_hw_cpu_xsave = struct('hvm_hw_cpu_xsave', {
  ...x86,
  since: '4.6',
  doc: 'A vCPU\'s extended state (code CPU_XSAVE_CODE), followed in the record by the rest of its XSAVE area, as long as the descriptor says.',
  fields: [
    field('xfeature_mask', u64, { doc: 'Not used; Xen ignores it.' }),
    field('xcr0', u64, { doc: 'XCR0.' }),
    field('xcr0_accum', u64, { doc: 'Every XCR0 bit the guest has ever set.' }),
    field(
      'save_area',
      inlineStruct({
        doc: 'The start of the XSAVE area.',
        fields: [
          field('fpu_sse', inlineStruct({ doc: 'The legacy region.', fields: [field('x', array(c_char, 512), { doc: 'The x87/SSE state in FXSAVE layout.' })] }), { doc: 'The legacy region.' }),
          field(
            'xsave_hdr',
            inlineStruct({
              doc: 'The XSAVE header, before 4.7.',
              fields: [field('xstate_bv', u64, { doc: 'The state components present.' }), pad('reserved', array(u64, 7), { doc: 'Zero.' })],
            }),
            { until: '4.7', doc: 'Before 4.7: the XSAVE header, without xcomp_bv.' },
          ),
          field('xsave_hdr', hvm_hw_cpu_xsave_hdr, { since: '4.7', doc: 'The XSAVE header.' }),
        ],
      }),
      { doc: 'The XSAVE area as far as its header; the extended components follow.' },
    ),
  ],
});

export const CPU_XSAVE_CODE = constant('CPU_XSAVE_CODE', 16, { ...x86, since: '4.6', doc: 'The type code of hvm_hw_cpu_xsave records.' });

export const hvm_viridian_domain_context = struct('hvm_viridian_domain_context', {
  ...x86,
  since: '4.6',
  doc: 'The domain-wide Hyper-V enlightenments (HVM_SAVE_CODE_VIRIDIAN_DOMAIN).',
  fields: [
    field('hypercall_gpa', u64, { doc: 'The hypercall page MSR.' }),
    field('guest_os_id', u64, { doc: 'The guest OS id MSR.' }),
    field('time_ref_count', u64, { doc: 'The partition reference counter.' }),
    field('reference_tsc', u64, { doc: 'The reference TSC page MSR.' }),
  ],
});

export const hvm_viridian_vcpu_context = struct('hvm_viridian_vcpu_context', {
  ...x86,
  since: '4.6',
  doc: 'A vCPU\'s Hyper-V enlightenments (HVM_SAVE_CODE_VIRIDIAN_VCPU).',
  fields: [
    field('apic_assist', u64, { until: '4.7', doc: 'Before 4.7: the APIC assist page MSR.' }),
    field('apic_assist_msr', u64, { since: '4.7', until: '4.9', doc: '4.7 and 4.8: the APIC assist page MSR.' }),
    field('vp_assist_msr', u64, { since: '4.9', doc: 'The VP assist page MSR.' }),
    field('apic_assist_vector', u8, { since: '4.7', until: '4.9', doc: '4.7 and 4.8: the vector of a pending APIC assist.' }),
    field('vp_assist_vector', u8, { since: '4.9', until: '4.11', doc: '4.9 and 4.10: the vector of a pending APIC assist.' }),
    field('vp_assist_pending', u8, { since: '4.11', until: '4.12', doc: '4.11: non-zero while an APIC assist is pending.' }),
    field('apic_assist_pending', u8, { since: '4.12', doc: 'Non-zero while an APIC assist is pending.' }),
    pad('_pad', array(u8, 7), { since: '4.7', doc: 'Zero.' }),
    field('simp_msr', u64, { since: '4.13', doc: 'The synthetic interrupt message page MSR.' }),
    field('sint_msr', array(u64, 16), { since: '4.13', doc: 'The 16 synthetic interrupt source MSRs.' }),
    field('stimer_config_msr', array(u64, 4), { since: '4.13', doc: 'The configuration MSRs of the four synthetic timers.' }),
    field('stimer_count_msr', array(u64, 4), { since: '4.13', doc: 'The count MSRs of the four synthetic timers.' }),
  ],
});

export const hvm_vmce_vcpu = struct('hvm_vmce_vcpu', {
  ...x86,
  since: '4.6',
  doc: 'A vCPU\'s virtual machine-check state (HVM_SAVE_CODE_VMCE_VCPU).',
  fields: [
    field('caps', u64, { doc: 'The MCG_CAP MSR.' }),
    field('mci_ctl2_bank0', u64, { doc: 'The MCi_CTL2 MSR of bank 0.' }),
    field('mci_ctl2_bank1', u64, { doc: 'The MCi_CTL2 MSR of bank 1.' }),
    field('mcg_ext_ctl', u64, { since: '4.10', doc: 'The MCG_EXT_CTL MSR.' }),
  ],
});

export const hvm_tsc_adjust = struct('hvm_tsc_adjust', {
  ...x86,
  since: '4.6',
  doc: 'A vCPU\'s TSC_ADJUST MSR (HVM_SAVE_CODE_TSC_ADJUST).',
  fields: [field('tsc_adjust', u64, { doc: 'The MSR.' })],
});

export const hvm_one_msr = struct('hvm_one_msr', {
  ...x86,
  since: '4.6',
  xenScope: 'hvm_msr',
  doc: 'One saved MSR.',
  fields: [
    field('index', u32, { doc: 'The MSR\'s index. Example: 0xc0000103 (TSC_AUX).' }),
    pad('_rsvd', u32, { doc: 'Zero.' }),
    field('val', u64, { doc: 'Its value.' }),
  ],
});

export const hvm_msr = struct('hvm_msr', {
  ...x86,
  since: '4.6',
  doc: 'MSRs of a vCPU Xen saves beyond hvm_hw_cpu (code CPU_MSR_CODE), as many as the descriptor\'s length holds.',
  fields: [
    field('count', u32, { doc: 'MSRs that follow.' }),
    flex('msr', hvm_one_msr, { doc: 'The MSRs.' }),
  ],
  holes: [{ after: 'count', archs: ['x86_64'], reason: 'msr is 8-byte aligned on x86_64' }],
});

export const CPU_MSR_CODE = constant('CPU_MSR_CODE', 20, { ...x86, since: '4.6', doc: 'The type code of hvm_msr records.' });
export const HVM_SAVE_CODE_MAX = constant('HVM_SAVE_CODE_MAX', 20, { ...x86, since: '4.6', doc: 'The highest type code of the release.' });

export default abiModule({
  name: 'hvm_save',
  xenHeader: 'hvm/save.h',
  xenGuard: '__XEN_PUBLIC_HVM_SAVE_H__',
  coverage: 'partial',
  doc: 'The HVM save format: record descriptors, and the x86 save records and their type codes.',
  interfaceVersion: HVM_FILE_VERSION,
  items: [
    hvm_save_descriptor,
    HVM_FILE_MAGIC,
    HVM_FILE_VERSION,
    hvm_save_header,
    hvm_hw_cpu,
    hvm_hw_cpu_compat,
    XEN_X86_FPU,
    hvm_hw_vpic,
    vioapic_redir_entry,
    VIOAPIC_NUM_PINS,
    hvm_hw_vioapic,
    hvm_hw_lapic,
    hvm_hw_lapic_regs,
    hvm_hw_pci_irqs,
    hvm_hw_isa_irqs,
    hvm_hw_pci_link,
    hvm_hw_pit_channel,
    hvm_hw_pit,
    RTC_CMOS_SIZE,
    hvm_hw_rtc,
    HPET_TIMER_NUM,
    hvm_hw_hpet,
    hvm_hw_pmtimer,
    MTRR_VCNT,
    NUM_FIXED_MSR,
    hvm_hw_mtrr,
    hvm_hw_cpu_xsave_hdr,
    hvm_hw_cpu_xsave,
    CPU_XSAVE_CODE,
    hvm_viridian_domain_context,
    hvm_viridian_vcpu_context,
    hvm_vmce_vcpu,
    hvm_tsc_adjust,
    hvm_one_msr,
    hvm_msr,
    CPU_MSR_CODE,
    HVM_SAVE_CODE_MAX,
  ],
});
