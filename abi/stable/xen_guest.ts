/**
 * The records of Xen's `xen.h` and of the guest parts of its architecture headers: the
 * shared-info page and the per-vCPU information in it (event-channel bitmaps, the pvclock
 * time record, the wall clock), the PV start info, and the arguments of the batched
 * hypercalls (`mmu_update`, `mmuext_op`, `multicall`), and a vCPU's register context
 * (`vcpu_guest_context` with x86's `cpu_user_regs` and `trap_info`, Arm's
 * `vcpu_guest_core_regs`). The numbers that go with them
 * (`MMU_*`, `MMUEXT_*`, `SIF_*`, `XEN_PVCLOCK_*`, `XEN_LEGACY_MAX_VCPUS`) are the `xen`
 * module's.
 *
 * These records are apart from the `xen` module because they cannot coexist with Xen's
 * `xen.h` in every include order: the `xen` module defines numbers and typedefs, which may be
 * repeated, but a record may not be declared twice, and xenabi cannot define Xen's include
 * guard for `xen.h` without hiding the many things of Xen's header it does not declare. With
 * Xen's `xen.h` included first, this header uses Xen's declarations and checks them; included
 * before Xen's `xen.h`, it makes Xen's declarations redefinitions. Include Xen's first, or not
 * at all.
 *
 * On Arm the architecture parts of `vcpu_info` and `shared_info` are empty structs in Xen's
 * headers (a GNU extension of size 0, which ISO C forbids); they add no byte, and xenabi
 * declares those members on x86 only.
 */
import { ARM, X86, abiModule, array, c_char, c_uint, c_ulong, field, handle64, i8, inlineStruct, inlineUnion, pad, struct, u16, u32, u64, u8, xen_pfn_t, xen_ulong_t } from 'xenabi/dsl';
import type { TypeDef } from 'xenabi/dsl';
import { MAX_GUEST_CMDLINE, XEN_LEGACY_MAX_VCPUS } from './xen.ts';

const ALL = [...X86, ...ARM];
/** `XEN_GUEST_HANDLE(const_void)`: a handle to memory Xen only reads. */
const CONST_VOID_HANDLE: TypeDef = { kind: 'handle', width: 'native', target: 'void', pointee: 'void', const: true };
const X86_XEN_H = { header: 'arch-x86/xen.h', guard: '__XEN_PUBLIC_ARCH_X86_XEN_H__', archs: [...X86] };
const X86_32_H = { header: 'arch-x86/xen-x86_32.h', guard: '__XEN_PUBLIC_ARCH_X86_XEN_X86_32_H__', archs: ['x86_32' as const] };
const X86_64_H = { header: 'arch-x86/xen-x86_64.h', guard: '__XEN_PUBLIC_ARCH_X86_XEN_X86_64_H__', archs: ['x86_64' as const] };
/** arch-arm.h as tools builds see it: Xen hides its register records from guest builds. */
const ARM_H_TOOLS = { header: 'arch-arm.h', guard: '__XEN_PUBLIC_ARCH_ARM_H__', archs: [...ARM], tools: true };

// ---- Batched hypercall arguments -------------------------------------------------------

export const mmu_update = struct('mmu_update', {
  typedef: 'mmu_update_t',
  since: '4.6',
  doc: 'One request of __HYPERVISOR_mmu_update (PV x86): a machine address whose low two bits select the MMU_* command, and the value to write.',
  fields: [
    field('ptr', u64, { doc: 'The machine address of the page-table entry (or the frame, for MMU_MACHPHYS_UPDATE), its low 2 bits an MMU_* command. Example: 0x12345000.' }),
    field('val', u64, { doc: 'The new page-table entry, or the pseudo-physical frame for MMU_MACHPHYS_UPDATE. Example: 0x6789a067.' }),
  ],
});

export const mmuext_op = struct('mmuext_op', {
  typedef: 'mmuext_op_t',
  since: '4.6',
  doc: 'One request of __HYPERVISOR_mmuext_op (PV x86): an MMUEXT_* command with up to two arguments, whose meaning depends on the command.',
  fields: [
    field('cmd', c_uint, { doc: 'An MMUEXT_* command. Example: 0 (MMUEXT_PIN_L1_TABLE).' }),
    field(
      'arg1',
      inlineUnion({
        doc: 'The first argument: a frame or a virtual address.',
        fields: [
          field('mfn', xen_pfn_t, { doc: 'The machine frame of a page table to pin, unpin or install, or of a page to clear or copy to.' }),
          field('linear_addr', c_ulong, { doc: 'A virtual address, for the TLB and cache flushes of one page and for MMUEXT_SET_LDT.' }),
        ],
      }),
      { doc: 'The first argument, by command.' },
    ),
    field(
      'arg2',
      inlineUnion({
        doc: 'The second argument: a count, a set of vCPUs or a source frame.',
        fields: [
          field('nr_ents', c_uint, { doc: 'MMUEXT_SET_LDT: the number of descriptors.' }),
          field('vcpumask', CONST_VOID_HANDLE, { doc: 'The multi-vCPU TLB flushes: a bitmap of the vCPUs to flush.' }),
          field('src_mfn', xen_pfn_t, { doc: 'MMUEXT_COPY_PAGE: the machine frame to copy from.' }),
        ],
      }),
      { doc: 'The second argument, by command.' },
    ),
  ],
  holes: [{ after: 'cmd', archs: ['x86_64', 'arm32', 'arm64'], reason: 'arg1 holds a 64-bit frame or address' }],
});

export const multicall_entry = struct('multicall_entry', {
  typedef: 'multicall_entry_t',
  since: '4.6',
  doc: 'One call of __HYPERVISOR_multicall: a hypercall number, its arguments, and where Xen leaves its result.',
  fields: [
    field('op', xen_ulong_t, { doc: 'The __HYPERVISOR_* number of the call. Example: 1 (__HYPERVISOR_mmu_update).' }),
    field('result', xen_ulong_t, { doc: 'OUT: what the call returned.' }),
    field('args', array(xen_ulong_t, 6), { doc: 'The arguments, in order; Xen passes at most five of them.' }),
  ],
});

// ---- Time --------------------------------------------------------------------------------

export const vcpu_time_info = struct('vcpu_time_info', {
  typedef: 'vcpu_time_info_t',
  since: '4.6',
  doc:
    'The pvclock record of one vCPU: system time at a TSC reading, and how to scale TSC ticks into nanoseconds. ' +
    'Xen makes version odd while it updates the record; a reader retries until it reads the same even version before and after.',
  fields: [
    field('version', u32, { doc: 'Update counter: odd while Xen writes the record. Example: 2.' }),
    pad('pad0', u32, { doc: 'Unused.' }),
    field('tsc_timestamp', u64, { doc: 'The TSC reading at which system_time was exact.' }),
    field('system_time', u64, { doc: 'Nanoseconds since the domain started, at tsc_timestamp.' }),
    field('tsc_to_system_mul', u32, { doc: 'TSC ticks to nanoseconds: shift the tick delta by tsc_shift, then multiply by this 32.32 fixed-point factor.' }),
    field('tsc_shift', i8, { doc: 'Left shift (right when negative) applied to a tick delta before the multiplication. Example: -1.' }),
    pad('pad1', array(i8, 3), { until: '4.7', doc: 'Unused; 4.7 made its first byte flags (guests asking for interface 0x00040600 or older still see pad1[3]).' }),
    field('flags', u8, { since: '4.7', doc: 'XEN_PVCLOCK_* flags.' }),
    pad('pad1', array(u8, 2), { since: '4.7', doc: 'Unused.' }),
  ],
});

// ---- Per-vCPU and shared information --------------------------------------------------

export const arch_vcpu_info = struct('arch_vcpu_info', {
  typedef: 'arch_vcpu_info_t',
  since: '4.6',
  archs: [...X86],
  xenOrigin: [X86_32_H, X86_64_H],
  doc: 'The x86 part of vcpu_info: the faulting address of the last page fault, for PV guests. (Empty on Arm.)',
  fields: [
    field('cr2', c_ulong, { doc: 'PV: the virtual address of the last page fault.' }),
    pad('pad', array(c_ulong, 5), { archs: ['x86_32'], doc: 'Unused; makes vcpu_info 64 bytes.' }),
    pad('pad', c_ulong, { archs: ['x86_64'], doc: 'Unused; makes vcpu_info 64 bytes.' }),
  ],
});

export const vcpu_info = struct('vcpu_info', {
  typedef: 'vcpu_info_t',
  since: '4.6',
  doc:
    'What Xen and one vCPU share: whether events are pending, which words of the pending bitmap to scan, and its pvclock record. ' +
    'The first XEN_LEGACY_MAX_VCPUS vCPUs find theirs in shared_info; any vCPU may register one elsewhere (VCPUOP_register_vcpu_info).',
  fields: [
    field('evtchn_upcall_pending', u8, { doc: 'Non-zero when an event is pending for this vCPU; Xen sets it, the guest clears it before scanning.' }),
    field('evtchn_upcall_mask', u8, { archs: [...X86], doc: 'x86: non-zero masks event upcalls to this vCPU, as an interrupt flag would.' }),
    pad('pad0', u8, { archs: [...ARM], doc: 'Arm: unused; events are masked in the interrupt controller instead.' }),
    field('evtchn_pending_sel', xen_ulong_t, { doc: 'Which words of shared_info.evtchn_pending may have pending ports (2-level event channels).' }),
    field('arch', arch_vcpu_info, { archs: [...X86], doc: 'x86: the architecture part.' }),
    field('time', vcpu_time_info, { doc: 'The pvclock record of this vCPU.' }),
  ],
  holes: [
    { after: 'evtchn_upcall_mask', archs: [...X86], reason: 'evtchn_pending_sel is aligned to its size' },
    { after: 'pad0', archs: [...ARM], reason: 'evtchn_pending_sel is a 64-bit xen_ulong_t on Arm' },
  ],
});

export const arch_shared_info = struct('arch_shared_info', {
  typedef: 'arch_shared_info_t',
  since: '4.6',
  archs: [...X86],
  xenOrigin: [X86_XEN_H],
  doc: 'The x86 part of shared_info: where a PV guest publishes its physical-to-machine table, and the NMI reason. (Empty on Arm.)',
  fields: [
    field('max_pfn', c_ulong, { doc: 'PV: one more than the highest pseudo-physical frame of the domain.' }),
    field('pfn_to_mfn_frame_list_list', xen_pfn_t, { doc: 'PV: the machine frame of the list of frames that list the frames of the physical-to-machine table.' }),
    field('nmi_reason', c_ulong, { doc: 'Why the last NMI arrived (a bit per reason, as the x86 NMI status port reports it).' }),
    field('p2m_cr3', c_ulong, { doc: 'PV: the CR3 of the address space p2m_vaddr lives in; 0 for the current one.' }),
    field('p2m_vaddr', c_ulong, { doc: 'PV: the virtual address of a linear physical-to-machine list, or 0.' }),
    field('p2m_generation', c_ulong, { doc: 'PV: incremented around every change of that list, so a reader can tell it read a consistent one.' }),
    field('wc_sec_hi', u32, { archs: ['x86_32'], doc: 'x86_32: the high 32 bits of shared_info.wc_sec (the other architectures have the field in shared_info itself).' }),
  ],
});

export const shared_info = struct('shared_info', {
  typedef: 'shared_info_t',
  since: '4.6',
  doc:
    'The page Xen shares with every domain: the vcpu_info of the first vCPUs, the 2-level event-channel bitmaps and the wall clock. ' +
    'A PV guest finds it at start_info.shared_info; an HVM or Arm guest places it with XENMEM_add_to_physmap (XENMAPSPACE_shared_info).',
  fields: [
    field('vcpu_info', array(vcpu_info, 32, XEN_LEGACY_MAX_VCPUS), { archs: [...X86], doc: 'x86: the vcpu_info of vCPUs 0 to 31.' }),
    field('vcpu_info', array(vcpu_info, 1, XEN_LEGACY_MAX_VCPUS), { archs: [...ARM], doc: 'Arm: the vcpu_info of vCPU 0.' }),
    field('evtchn_pending', array(xen_ulong_t, 32), { archs: ['x86_32'], doc: 'Bit n: port n is pending (2-level event channels). Xen sets bits, the guest clears them.' }),
    field('evtchn_pending', array(xen_ulong_t, 64), { archs: ['x86_64', 'arm32', 'arm64'], doc: 'Bit n: port n is pending (2-level event channels). Xen sets bits, the guest clears them.' }),
    field('evtchn_mask', array(xen_ulong_t, 32), { archs: ['x86_32'], doc: 'Bit n: port n is masked; Xen does not raise an upcall for it.' }),
    field('evtchn_mask', array(xen_ulong_t, 64), { archs: ['x86_64', 'arm32', 'arm64'], doc: 'Bit n: port n is masked; Xen does not raise an upcall for it.' }),
    field('wc_version', u32, { doc: 'Update counter of the wall clock, odd while Xen writes it (as vcpu_time_info.version).' }),
    field('wc_sec', u32, { doc: 'The wall-clock time at system time 0: seconds since the Unix epoch, with the domain\'s time offset, low 32 bits.' }),
    field('wc_nsec', u32, { doc: 'The nanoseconds of that time.' }),
    field('wc_sec_hi', u32, { archs: ['x86_64', 'arm32', 'arm64'], doc: 'The high 32 bits of the seconds (on x86_32 they are in arch.wc_sec_hi).' }),
    field('arch', arch_shared_info, { archs: [...X86], doc: 'x86: the architecture part.' }),
  ],
});

// ---- PV start of day --------------------------------------------------------------------

export const start_info = struct('start_info', {
  typedef: 'start_info_t',
  since: '4.6',
  archs: [...X86],
  doc: 'What a PV x86 guest finds at the address in %rsi (%esi) on entry: its memory, the shared-info page, the xenstore and console rings, its boot module and command line.',
  fields: [
    field('magic', array(c_char, 32), { doc: 'A NUL-terminated string "xen-<version>-<platform>". Example: "xen-3.0-x86_64".' }),
    field('nr_pages', c_ulong, { doc: 'The pages the domain has.' }),
    field('shared_info', c_ulong, { doc: 'The machine address of the shared-info page.' }),
    field('flags', u32, { doc: 'SIF_* flags.' }),
    field('store_mfn', xen_pfn_t, { doc: 'The machine frame of the xenstore ring.' }),
    field('store_evtchn', u32, { doc: 'The event channel of the xenstore ring.' }),
    field(
      'console',
      inlineUnion({
        doc: 'The console: a ring for an ordinary domain, the VGA or frame-buffer description for the initial domain.',
        fields: [
          field(
            'domU',
            inlineStruct({
              doc: 'An ordinary domain\'s console ring.',
              fields: [
                field('mfn', xen_pfn_t, { doc: 'The machine frame of the console ring.' }),
                field('evtchn', u32, { doc: 'The event channel of the console ring.' }),
              ],
              holes: [{ after: 'evtchn', archs: ['x86_64'], reason: 'tail padding to the 8-byte alignment of mfn' }],
            }),
            { doc: 'An ordinary domain: its console ring.' },
          ),
          field(
            'dom0',
            inlineStruct({
              doc: 'Where the initial domain finds its dom0_vga_console_info.',
              fields: [
                field('info_off', u32, { doc: 'The offset of a dom0_vga_console_info from the start of this record.' }),
                field('info_size', u32, { doc: 'Its size in bytes.' }),
              ],
            }),
            { doc: 'The initial domain: its console description.' },
          ),
        ],
      }),
      { doc: 'The console, by the kind of domain (SIF_INITDOMAIN).' },
    ),
    field('pt_base', c_ulong, { doc: 'The virtual address of the initial top-level page table.' }),
    field('nr_pt_frames', c_ulong, { doc: 'How many frames the initial page tables take.' }),
    field('mfn_list', c_ulong, { doc: 'The virtual address of the physical-to-machine list.' }),
    field('mod_start', c_ulong, { doc: 'The virtual address (or the frame, with SIF_MOD_START_PFN) of the boot module, or of a xen_multiboot_mod_list with SIF_MULTIBOOT_MOD.' }),
    field('mod_len', c_ulong, { doc: 'The size of the boot module in bytes.' }),
    field('cmd_line', array(i8, 1024, MAX_GUEST_CMDLINE), { doc: 'The kernel command line, NUL-terminated.' }),
    field('first_p2m_pfn', c_ulong, { doc: 'The first pseudo-physical frame of the initial physical-to-machine table, when the loader placed it (XEN_ELFNOTE_INIT_P2M).' }),
    field('nr_p2m_frames', c_ulong, { doc: 'How many frames that table takes.' }),
  ],
  holes: [
    { after: 'flags', archs: ['x86_64'], reason: 'store_mfn is 8-byte aligned' },
    { after: 'store_evtchn', archs: ['x86_64'], reason: 'the console union holds an 8-byte frame' },
  ],
});

export const xen_multiboot_mod_list = struct('xen_multiboot_mod_list', {
  since: '4.6',
  doc: 'One boot module of the initial domain when start_info.flags has SIF_MULTIBOOT_MOD: addresses are pseudo-physical, relative to the first module.',
  fields: [
    field('mod_start', u32, { doc: 'Where the module begins.' }),
    field('mod_end', u32, { doc: 'Where the module ends (one past its last byte).' }),
    field('cmdline', u32, { doc: 'Where the module\'s NUL-terminated command line is, or 0.' }),
    pad('pad', u32, { doc: 'Unused.' }),
  ],
});

export const dom0_vga_console_info = struct('dom0_vga_console_info', {
  typedef: 'dom0_vga_console_info_t',
  since: '4.6',
  doc: 'The initial domain\'s console as Xen found it at boot: a VGA text mode or a linear frame buffer (start_info.console.dom0).',
  fields: [
    field('video_type', u8, { doc: 'An XEN_VGATYPE_* value.' }),
    field(
      'u',
      inlineUnion({
        doc: 'The mode, by video_type.',
        fields: [
          field(
            'text_mode_3',
            inlineStruct({
              doc: 'XEN_VGATYPE_TEXT_MODE_3.',
              fields: [
                field('font_height', u16, { doc: 'Pixel rows per character.' }),
                field('cursor_x', u16, { doc: 'The cursor column.' }),
                field('cursor_y', u16, { doc: 'The cursor row.' }),
                field('rows', u16, { doc: 'Text rows.' }),
                field('columns', u16, { doc: 'Text columns.' }),
              ],
            }),
            { doc: 'A VGA text mode.' },
          ),
          field(
            'vesa_lfb',
            inlineStruct({
              doc: 'XEN_VGATYPE_VESA_LFB and XEN_VGATYPE_EFI_LFB.',
              fields: [
                field('width', u16, { doc: 'Pixels per line.' }),
                field('height', u16, { doc: 'Lines.' }),
                field('bytes_per_line', u16, { doc: 'Bytes from one line to the next.' }),
                field('bits_per_pixel', u16, { doc: 'Bits per pixel.' }),
                field('lfb_base', u32, { doc: 'The physical address of the frame buffer, low 32 bits.' }),
                field('lfb_size', u32, { doc: 'The size of the frame buffer in 64 KiB units.' }),
                field('red_pos', u8, { doc: 'The lowest bit of red.' }),
                field('red_size', u8, { doc: 'The bits of red.' }),
                field('green_pos', u8, { doc: 'The lowest bit of green.' }),
                field('green_size', u8, { doc: 'The bits of green.' }),
                field('blue_pos', u8, { doc: 'The lowest bit of blue.' }),
                field('blue_size', u8, { doc: 'The bits of blue.' }),
                field('rsvd_pos', u8, { doc: 'The lowest reserved bit.' }),
                field('rsvd_size', u8, { doc: 'The reserved bits.' }),
                field('gbl_caps', u32, { doc: 'The VESA capabilities of the adapter.' }),
                field('mode_attrs', u16, { doc: 'The VESA attributes of the mode.' }),
                pad('pad', u16, { since: '4.13', doc: 'Unused.' }),
                field('ext_lfb_base', u32, { since: '4.13', doc: 'The high 32 bits of the frame buffer\'s physical address.' }),
              ],
              holes: [{ after: 'mode_attrs', archs: ALL, until: '4.13', reason: 'tail padding to the 4-byte alignment; pad and ext_lfb_base follow from 4.13' }],
            }),
            { doc: 'A linear frame buffer.' },
          ),
        ],
      }),
      { doc: 'The mode.' },
    ),
  ],
  holes: [{ after: 'video_type', archs: ALL, reason: 'the union is 4-byte aligned' }],
});

// ---- vCPU register state -----------------------------------------------------------------

/** A 64-bit general register of x86_64. */
const r64 = (name: string, doc: string) => field(name, u64, { archs: ['x86_64'], doc });
/** A 32-bit general register of x86_32. */
const r32 = (name: string, doc: string) => field(name, u32, { archs: ['x86_32'], doc });
/** A segment selector and the padding that gives it a full register slot. */
const seg = (name: string, padName: string, arch: 'x86_32' | 'x86_64', what: string) => [
  field(name, u16, { archs: [arch], doc: `The ${what} selector.` }),
  pad(padName, arch === 'x86_64' ? array(u16, 3) : u16, { archs: [arch], doc: 'Unused; fills the slot.' }),
];

export const cpu_user_regs = struct('cpu_user_regs', {
  typedef: 'cpu_user_regs_t',
  since: '4.6',
  archs: [...X86],
  xenOrigin: [X86_32_H, X86_64_H],
  doc:
    'x86: the general registers, instruction pointer, flags and segment selectors of a vCPU, as a PV guest hands them to Xen in vcpu_guest_context. ' +
    "Each register is declared under its full-width name (rax on x86_64, eax on x86_32). Xen's own headers wrap a register in an anonymous union " +
    'that adds narrower names (eax, ax, al…), and which names depends on the build (tools, GNU C, strict ISO C); xenabi declares the one name every build has.',
  fields: [
    r64('r15', 'r15.'),
    r64('r14', 'r14.'),
    r64('r13', 'r13.'),
    r64('r12', 'r12.'),
    r64('rbp', 'The frame pointer.'),
    r64('rbx', 'rbx.'),
    r64('r11', 'r11.'),
    r64('r10', 'r10.'),
    r64('r9', 'r9.'),
    r64('r8', 'r8.'),
    r64('rax', 'rax.'),
    r64('rcx', 'rcx.'),
    r64('rdx', 'rdx.'),
    r64('rsi', 'rsi.'),
    r64('rdi', 'rdi.'),
    field('error_code', u32, { archs: ['x86_64'], doc: "Xen's own: the error code of the exception being handled. Guests leave it alone." }),
    field('entry_vector', u32, { archs: ['x86_64'], doc: "Xen's own: the vector it entered through. Guests leave it alone." }),
    r64('rip', 'The instruction pointer. Example: 0xffffffff81000000.'),
    field('cs', u16, { archs: ['x86_64'], doc: 'The code selector. Example: 0xe033 (FLAT_KERNEL_CS).' }),
    pad('_pad0', array(u16, 1), { archs: ['x86_64'], doc: 'Unused.' }),
    field('saved_upcall_mask', u8, { archs: ['x86_64'], doc: 'The event upcall mask in force when the context was saved; the interrupt flag in rflags reads as its inverse.' }),
    pad('_pad1', array(u8, 3), { archs: ['x86_64'], doc: 'Unused.' }),
    r64('rflags', 'The flags register. Example: 0x202.'),
    r64('rsp', 'The stack pointer.'),
    ...seg('ss', '_pad2', 'x86_64', 'stack'),
    ...seg('es', '_pad3', 'x86_64', 'ES'),
    ...seg('ds', '_pad4', 'x86_64', 'data'),
    ...seg('fs', '_pad5', 'x86_64', 'FS'),
    ...seg('gs', '_pad6', 'x86_64', 'GS'),
    r32('ebx', 'ebx.'),
    r32('ecx', 'ecx.'),
    r32('edx', 'edx.'),
    r32('esi', 'esi.'),
    r32('edi', 'edi.'),
    r32('ebp', 'The frame pointer.'),
    r32('eax', 'eax.'),
    field('error_code', u16, { archs: ['x86_32'], doc: "Xen's own: the error code of the exception being handled. Guests leave it alone." }),
    field('entry_vector', u16, { archs: ['x86_32'], doc: "Xen's own: the vector it entered through. Guests leave it alone." }),
    r32('eip', 'The instruction pointer. Example: 0xc0100000.'),
    field('cs', u16, { archs: ['x86_32'], doc: 'The code selector. Example: 0xe019 (FLAT_KERNEL_CS).' }),
    field('saved_upcall_mask', u8, { archs: ['x86_32'], doc: 'The event upcall mask in force when the context was saved; the interrupt flag in eflags reads as its inverse.' }),
    pad('_pad0', u8, { archs: ['x86_32'], doc: 'Unused.' }),
    r32('eflags', 'The flags register. Example: 0x202.'),
    r32('esp', 'The stack pointer.'),
    ...seg('ss', '_pad1', 'x86_32', 'stack'),
    ...seg('es', '_pad2', 'x86_32', 'ES'),
    ...seg('ds', '_pad3', 'x86_32', 'data'),
    ...seg('fs', '_pad4', 'x86_32', 'FS'),
    ...seg('gs', '_pad5', 'x86_32', 'GS'),
  ],
});

export const trap_info = struct('trap_info', {
  typedef: 'trap_info_t',
  since: '4.6',
  archs: [...X86],
  xenOrigin: [X86_XEN_H],
  doc:
    'x86 PV: one entry of a virtual interrupt descriptor table, as __HYPERVISOR_set_trap_table takes an array of them (ended by an entry whose address is 0) ' +
    'and vcpu_guest_context.trap_ctxt holds 256.',
  fields: [
    field('vector', u8, { doc: 'The exception or interrupt vector. Example: 14 (page fault).' }),
    field('flags', u8, { doc: 'Bits 0-1: the lowest privilege level allowed to raise the vector with a software interrupt; bit 2: mask events on entry, as an interrupt gate would.' }),
    field('cs', u16, { doc: 'The code selector of the handler. Example: 0xe033.' }),
    field('address', c_ulong, { doc: 'The address of the handler within that segment.' }),
  ],
  holes: [{ after: 'cs', archs: ['x86_64'], reason: 'address is 8-byte aligned' }],
});

/** An Arm general register: x<n> of AArch64, which AArch32 guests use for a banked register. */
const xreg = (n: number, aarch32: string) => field(`x${n}`, u64, { doc: `x${n}; an AArch32 guest keeps ${aarch32} here.` });

export const vcpu_guest_core_regs = struct('vcpu_guest_core_regs', {
  typedef: 'vcpu_guest_core_regs_t',
  since: '4.6',
  archs: [...ARM],
  xenOrigin: [ARM_H_TOOLS],
  toolsOnlySince: '4.13',
  doc:
    'Arm: the core registers of a vCPU, for an AArch64 or an AArch32 guest alike: 31 general registers, the return address, the saved program status registers and the EL1 stack and link registers. ' +
    "Xen's headers also give each general register its AArch32 name (r0_usr, sp_svc…) in an anonymous union for GNU C tools builds; xenabi declares the AArch64 name every build has. " +
    'Guest builds see it until 4.12, only tools builds from 4.13.',
  fields: [
    ...['r0_usr', 'r1_usr', 'r2_usr', 'r3_usr', 'r4_usr', 'r5_usr', 'r6_usr', 'r7_usr', 'r8_usr', 'r9_usr', 'r10_usr', 'r11_usr', 'r12_usr', 'sp_usr', 'lr_usr', 'nothing (its slot is unused)', 'lr_irq', 'sp_irq', 'lr_svc', 'sp_svc', 'lr_abt', 'sp_abt', 'lr_und', 'sp_und', 'r8_fiq', 'r9_fiq', 'r10_fiq', 'r11_fiq', 'r12_fiq', 'sp_fiq', 'lr_fiq'].map((a, n) => xreg(n, a)),
    field('pc64', u64, { doc: 'The address the vCPU resumes at (pc32 for an AArch32 guest). Example: 0x40080000.' }),
    field('cpsr', u32, { until: '4.16', doc: 'The saved program status: mode, interrupt masks and condition flags.' }),
    field('cpsr', u64, { since: '4.16', doc: 'The saved program status: mode, interrupt masks and condition flags. Example: 0x3c5 (EL1h, interrupts masked).' }),
    field('spsr_el1', u32, { until: '4.16', doc: 'SPSR_EL1 of an AArch64 guest; SPSR_svc of an AArch32 one, which Xen also names spsr_svc.' }),
    field('spsr_el1', u64, { since: '4.16', doc: 'SPSR_EL1 of an AArch64 guest; SPSR_svc of an AArch32 one, which Xen also names spsr_svc.' }),
    field('spsr_fiq', u32, { doc: 'AArch32: the SPSR of FIQ mode.' }),
    field('spsr_irq', u32, { doc: 'AArch32: the SPSR of IRQ mode.' }),
    field('spsr_und', u32, { doc: 'AArch32: the SPSR of undefined mode.' }),
    field('spsr_abt', u32, { doc: 'AArch32: the SPSR of abort mode.' }),
    field('sp_el0', u64, { doc: 'AArch64: the EL0 stack pointer.' }),
    field('sp_el1', u64, { doc: 'AArch64: the EL1 stack pointer.' }),
    field('elr_el1', u64, { doc: 'AArch64: the EL1 exception link register.' }),
  ],
});

/** An x86 control field of vcpu_guest_context, on both x86 architectures. */
const x86f = (name: string, type: TypeDef, doc: string) => field(name, type, { archs: [...X86], doc });

export const vcpu_guest_context = struct('vcpu_guest_context', {
  typedef: 'vcpu_guest_context_t',
  since: '4.6',
  xenOrigin: [X86_XEN_H, ARM_H_TOOLS],
  doc:
    'The whole starting state of a vCPU: what VCPUOP_initialise brings a PV vCPU up with, and what the toolstack reads and writes with the vCPU context domctls. ' +
    'On x86 it holds the FPU area, the registers, the virtual IDT, the descriptor tables, the control and debug registers and the PV callbacks; ' +
    'on Arm the core registers and the EL1 translation controls, and only tools builds see it there.',
  fields: [
    field(
      'fpu_ctxt',
      inlineStruct({
        archs: [...X86],
        doc: 'x86: the FPU and SSE state, in the 512-byte format of FXSAVE (or FSAVE\'s without FXSR).',
        fields: [field('x', array(c_char, 512), { doc: 'The bytes of the save area.' })],
      }),
      { archs: [...X86], doc: 'x86: the FPU and SSE state; valid with VGCF_i387_valid.' },
    ),
    x86f('flags', c_ulong, 'x86: VGCF_* flags.'),
    x86f('user_regs', cpu_user_regs, 'x86: the general registers, instruction pointer, flags and selectors.'),
    x86f('trap_ctxt', array(trap_info, 256), 'x86 PV: the virtual IDT, one entry per vector.'),
    x86f('ldt_base', c_ulong, 'x86 PV: the linear address of the LDT.'),
    x86f('ldt_ents', c_ulong, 'x86 PV: the LDT entries.'),
    x86f('gdt_frames', array(c_ulong, 16), 'x86 PV: the machine frames of the GDT.'),
    x86f('gdt_ents', c_ulong, 'x86 PV: the GDT entries.'),
    x86f('kernel_ss', c_ulong, 'x86 PV: the stack selector Xen switches to on entry to the kernel.'),
    x86f('kernel_sp', c_ulong, 'x86 PV: the stack pointer Xen switches to on entry to the kernel.'),
    x86f('ctrlreg', array(c_ulong, 8), 'x86: CR0 to CR7; a PV guest keeps CR3 as xen_pfn_to_cr3 encodes it, and x86_64 its user page table in CR1.'),
    x86f('debugreg', array(c_ulong, 8), 'x86: DR0 to DR7.'),
    field('event_callback_cs', c_ulong, { archs: ['x86_32'], doc: 'x86_32 PV: the code selector of the event callback.' }),
    field('event_callback_eip', c_ulong, { archs: [...X86], doc: 'x86 PV: the address of the event callback.' }),
    field('failsafe_callback_cs', c_ulong, { archs: ['x86_32'], doc: 'x86_32 PV: the code selector of the failsafe callback.' }),
    field('failsafe_callback_eip', c_ulong, { archs: [...X86], doc: 'x86 PV: the address of the failsafe callback, run when Xen cannot return to the guest.' }),
    field('syscall_callback_eip', c_ulong, { archs: ['x86_64'], doc: 'x86_64 PV: the address of the system-call entry.' }),
    x86f('vm_assist', c_ulong, 'x86 PV: a bitmap of VMASST_TYPE_* assists to turn on.'),
    field('fs_base', u64, { archs: ['x86_64'], doc: 'x86_64: the FS base.' }),
    field('gs_base_kernel', u64, { archs: ['x86_64'], doc: 'x86_64: the GS base of kernel mode.' }),
    field('gs_base_user', u64, { archs: ['x86_64'], doc: 'x86_64: the GS base of user mode.' }),
    field('flags', u32, { archs: [...ARM], doc: 'Arm: VGCF_* flags (VGCF_online).' }),
    field('user_regs', vcpu_guest_core_regs, { archs: [...ARM], doc: 'Arm: the core registers.' }),
    field('sctlr', u32, { archs: [...ARM], until: '4.13', doc: 'Arm: SCTLR_EL1, the system control register.' }),
    field('sctlr', u64, { archs: [...ARM], since: '4.13', doc: 'Arm: SCTLR_EL1, the system control register. Example: 0xc50078.' }),
    field('ttbcr', u64, { archs: [...ARM], doc: 'Arm: TCR_EL1 (TTBCR for AArch32), the translation control register.' }),
    field('ttbr0', u64, { archs: [...ARM], doc: 'Arm: TTBR0_EL1, the lower translation table base.' }),
    field('ttbr1', u64, { archs: [...ARM], doc: 'Arm: TTBR1_EL1, the upper translation table base.' }),
  ],
  holes: [
    { after: 'flags', archs: [...ARM], reason: 'user_regs holds 64-bit registers' },
    { after: 'sctlr', archs: [...ARM], until: '4.13', reason: 'sctlr was 32 bits until 4.13; ttbcr is 8-byte aligned' },
  ],
});

// ---- Tools builds only ---------------------------------------------------------------------

export const xenctl_bitmap = struct('xenctl_bitmap', {
  typedef: 'xenctl_bitmap_t',
  since: '4.6',
  toolsOnlySince: '4.6',
  doc:
    'A bitmap in the caller\'s memory, of CPUs or NUMA nodes, as domctl and sysctl pass one. Xen declares it in xen.h for ' +
    'tools builds only; it is here, not in either unstable module, so that sysctl.h needs no domctl interface version.',
  holes: [
    { after: 'nr_bits', archs: ['x86_32', 'x86_64', 'arm32', 'arm64'], reason: 'tail padding to the record\'s alignment' },
  ],
  fields: [
    field('bitmap', handle64('uint8', 'uint8_t'), { doc: 'IN or OUT: the bytes of the bitmap, bit 0 of byte 0 first.' }),
    field('nr_bits', u32, { doc: 'IN: how many bits the buffer holds; Xen reads or writes no more. Example: 128.' }),
  ]
});

export default abiModule({
  name: 'xen_guest',
  xenHeader: 'xen.h',
  xenGuard: '__XEN_PUBLIC_XEN_H__',
  coverage: 'partial',
  doc: "The records of Xen's xen.h and its architecture headers: shared info, vCPU info, pvclock time, PV start info, the batched MMU and multicall arguments, and the vCPU register context.",
  items: [
    xenctl_bitmap,
    mmu_update,
    mmuext_op,
    multicall_entry,
    vcpu_time_info,
    arch_vcpu_info,
    vcpu_info,
    arch_shared_info,
    shared_info,
    start_info,
    xen_multiboot_mod_list,
    dom0_vga_console_info,
    cpu_user_regs,
    trap_info,
    vcpu_guest_core_regs,
    vcpu_guest_context,
  ],
});
