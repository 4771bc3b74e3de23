/**
 * The records of Xen's `xen.h` and of the guest parts of its architecture headers: the
 * shared-info page and the per-vCPU information in it (event-channel bitmaps, the pvclock
 * time record, the wall clock), the PV start info, and the arguments of the batched
 * hypercalls (`mmu_update`, `mmuext_op`, `multicall`). The numbers that go with them
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
import { ARM, X86, abiModule, array, c_char, c_uint, c_ulong, field, i8, inlineStruct, inlineUnion, pad, struct, u16, u32, u64, u8, xen_pfn_t, xen_ulong_t } from 'xenabi/dsl';
import type { TypeDef } from 'xenabi/dsl';
import { MAX_GUEST_CMDLINE, XEN_LEGACY_MAX_VCPUS } from './xen.ts';

const ALL = [...X86, ...ARM];
/** `XEN_GUEST_HANDLE(const_void)`: a handle to memory Xen only reads. */
const CONST_VOID_HANDLE: TypeDef = { kind: 'handle', width: 'native', target: 'void', pointee: 'void', const: true };
const X86_XEN_H = { header: 'arch-x86/xen.h', guard: '__XEN_PUBLIC_ARCH_X86_XEN_H__', archs: [...X86] };
const X86_32_H = { header: 'arch-x86/xen-x86_32.h', guard: '__XEN_PUBLIC_ARCH_X86_XEN_X86_32_H__', archs: ['x86_32' as const] };
const X86_64_H = { header: 'arch-x86/xen-x86_64.h', guard: '__XEN_PUBLIC_ARCH_X86_XEN_X86_64_H__', archs: ['x86_64' as const] };

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
    field('flags', u8, { since: '4.7', doc: 'XEN_PVCLOCK_* flags.' }),
    pad('pad1', array(u8, 2), { since: '4.7', doc: 'Unused.' }),
  ],
  holes: [
    {
      after: 'tsc_shift',
      archs: ALL,
      until: '4.7',
      reason: 'Xen 4.6 reserved the three bytes as int8_t pad1[3]; 4.7 made the first one flags (guests asking for interface 0x00040600 or older still see pad1[3])',
    },
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

export default abiModule({
  name: 'xen_guest',
  xenHeader: 'xen.h',
  xenGuard: '__XEN_PUBLIC_XEN_H__',
  coverage: 'partial',
  doc: "The records of Xen's xen.h and its architecture headers: shared info, vCPU info, pvclock time, PV start info, and the batched MMU and multicall arguments.",
  items: [
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
  ],
});
