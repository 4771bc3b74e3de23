/**
 * The ELF notes a Xen guest kernel carries to tell its loader how to start it. Each note has
 * the name "Xen" and one of the `XEN_ELFNOTE_*` numbers below as its type; its descriptor is
 * a string or an integer in the kernel's word size, as each number says. A PVH loader (Xen's
 * toolstack, QEMU, a VMM, a boot loader) looks for `XEN_ELFNOTE_PHYS32_ENTRY` to learn the
 * 32-bit entry point, and for `XEN_ELFNOTE_PHYS32_RELOC` to learn whether and where the kernel
 * may be moved. Xen's crash dumps use the `CRASH_*` and `DUMPCORE_*` numbers. Numbers only,
 * the same on every architecture.
 */
import { abiModule, constant, valueSet } from 'xenabi/dsl';

const note = (name: string, value: number, doc: string, since = '4.6') => constant(`XEN_ELFNOTE_${name}`, value, { since, doc });
const hexNote = (name: string, value: number, doc: string) => constant(`XEN_ELFNOTE_${name}`, value, { since: '4.6', spelling: 'hex', doc });

export const XEN_ELFNOTE = valueSet('XEN_ELFNOTE', {
  since: '4.6',
  doc:
    'Types of the notes named "Xen" in a guest kernel image. Integer descriptors are in the ' +
    "kernel's word size unless a note says otherwise; strings are NUL-terminated ASCII.",
  values: [
    note('INFO', 0, 'A free-form NAME=VALUE string.'),
    note('ENTRY', 1, 'The virtual address of the PV kernel entry point.'),
    note('HYPERCALL_PAGE', 2, 'The virtual address at which the loader places the hypercall page.'),
    note('VIRT_BASE', 3, 'The virtual address at which the kernel image is mapped; 0 when absent.'),
    note('PADDR_OFFSET', 4, 'How far the physical addresses in the ELF program headers are from the pseudo-physical load address; 0 when absent. Kept for old kernels that put their virtual base there.'),
    note('XEN_VERSION', 5, 'The Xen interface the kernel was built for, a string such as "xen-3.0".'),
    note('GUEST_OS', 6, 'The name of the guest operating system, a string such as "linux".'),
    note('GUEST_VERSION', 7, 'The version of the guest operating system, a string.'),
    note('LOADER', 8, 'The loader protocol the kernel expects, a string.'),
    note('PAE_MODE', 9, 'x86_32: whether the kernel runs with PAE page tables, a string ("yes", "no", "bimodal").'),
    note('FEATURES', 10, 'The XENFEAT_* features the kernel supports, a string of feature names without the prefix, separated by "|"; a leading "!" marks one the kernel cannot run without.'),
    note('BSD_SYMTAB', 11, 'Whether the loader must load the symbol table with the image, the string "yes" or "no".'),
    note('HV_START_LOW', 12, 'x86_32: the lowest virtual address at which the hypervisor\'s part of the address space may begin; the kernel copes with it beginning higher.'),
    note('L1_MFN_VALID', 13, 'x86: pairs of a mask and a value, each machine-address sized, that tell which non-present level-1 page-table entries still hold a valid frame number.'),
    note('SUSPEND_CANCEL', 14, 'Non-zero when the kernel copes with a suspend being cancelled (SCHEDOP_shutdown returning 1); 0 when absent.'),
    note('INIT_P2M', 15, 'The virtual address at which the loader places the initial physical-to-machine table, instead of the default (x86_64 only); it may be mapped with large pages.'),
    note('MOD_START_PFN', 16, 'The kernel accepts an initial ramdisk that its initial page tables do not map (start_info.mod_start then holds a frame number).'),
    note('SUPPORTED_FEATURES', 17, 'A bitmap of the XENFEAT_* features the kernel supports, added to those the FEATURES string names; it can name features older hypervisors do not know.'),
    note('PHYS32_ENTRY', 18, 'PVH: the 32-bit physical entry point. A kernel started in an HVM container is entered there in 32-bit protected mode, paging off, with %ebx holding the address of hvm_start_info.', '4.7'),
    note(
      'PHYS32_RELOC',
      19,
      'PVH: the kernel can relocate itself. Up to three 32-bit values, each optional from the end: the alignment of its start (default 2 MiB, or the largest p_align of at least 4 KiB), the lowest start address (default 0) and the highest address of its last byte (default 0xffffffff).',
      '4.19',
    ),
    hexNote('CRASH_INFO', 0x1000001, 'In a crash dump of Xen (kexec/kdump): one note of system information.'),
    hexNote('CRASH_REGS', 0x1000002, 'In a crash dump of Xen: one note per CPU with the architecture registers the ELF "CORE" note lacks.'),
    hexNote('DUMPCORE_NONE', 0x2000000, 'In a guest core dump: a note with no content that marks the file as a Xen dump.'),
    hexNote('DUMPCORE_HEADER', 0x2000001, 'In a guest core dump: the dump header.'),
    hexNote('DUMPCORE_XEN_VERSION', 0x2000002, 'In a guest core dump: the version of the Xen that ran the guest, as XENVER_* reports it.'),
    hexNote('DUMPCORE_FORMAT_VERSION', 0x2000003, 'In a guest core dump: the version of the dump format.'),
  ],
});

export const XEN_ELFNOTE_MAX = constant('XEN_ELFNOTE_MAX', 17, {
  since: '4.6',
  history: [
    { since: '4.7', value: 18 },
    { since: '4.19', value: 19 },
  ],
  doc: 'The highest guest-kernel note type of the release (the crash and dump-core notes are above it): 17 until 4.6, 18 from 4.7, 19 from 4.19.',
});

export default abiModule({
  name: 'elfnote',
  xenHeader: 'elfnote.h',
  xenGuard: '__XEN_PUBLIC_ELFNOTE_H__',
  coverage: 'full',
  doc: 'ELF note types of Xen guest kernels and crash dumps: how a kernel tells its loader where to enter it (PVH: XEN_ELFNOTE_PHYS32_ENTRY).',
  items: [XEN_ELFNOTE, XEN_ELFNOTE_MAX],
});
