/**
 * The PVH start-of-day information: the record Xen (or any PVH loader) leaves for an x86
 * guest entered in 32-bit flat mode, with `%ebx` holding its physical address, plus the
 * module list and memory map it points to. Every address in it is a guest physical
 * address, and 0 means "not provided". The guest is always x86, but its loader (a toolstack,
 * a VMM, a boot loader) may run on any host; every member is a fixed-width integer laid out
 * alike on all four architectures, and Xen's header compiles on all of them, so the module is
 * declared on all four.
 */
import { abiModule, constant, field, pad, struct, u32, u64, valueSet } from 'xenabi/dsl';

const XEN_HVM_START_MAGIC_VALUE = constant('XEN_HVM_START_MAGIC_VALUE', 0x336ec578, {
  since: '4.8',
  spelling: 'hex',
  doc: 'The value of hvm_start_info.magic: the bytes "xEn3" with the top bit of the "E" set.',
});

const XEN_HVM_MEMMAP_TYPE = valueSet('XEN_HVM_MEMMAP_TYPE', {
  since: '4.11',
  field: 'hvm_memmap_table_entry.type',
  doc: 'Kinds of memory map range; the numbers are the ACPI address range types.',
  values: [
    constant('XEN_HVM_MEMMAP_TYPE_RAM', 1, { since: '4.11', doc: 'Ordinary RAM the guest may use.' }),
    constant('XEN_HVM_MEMMAP_TYPE_RESERVED', 2, { since: '4.11', doc: 'Reserved; the guest must not use it.' }),
    constant('XEN_HVM_MEMMAP_TYPE_ACPI', 3, { since: '4.11', doc: 'ACPI tables; reusable as RAM once they have been read.' }),
    constant('XEN_HVM_MEMMAP_TYPE_NVS', 4, { since: '4.11', doc: 'ACPI non-volatile storage that must survive sleep states.' }),
    constant('XEN_HVM_MEMMAP_TYPE_UNUSABLE', 5, { since: '4.11', doc: 'Memory with detected errors.' }),
    constant('XEN_HVM_MEMMAP_TYPE_DISABLED', 6, { since: '4.11', doc: 'Memory that is not enabled.' }),
    constant('XEN_HVM_MEMMAP_TYPE_PMEM', 7, { since: '4.11', doc: 'Persistent memory.' }),
  ],
});

export const hvm_start_info = struct('hvm_start_info', {
  since: '4.8',
  doc: 'What a PVH guest finds at the address in %ebx on entry. All addresses are guest physical; 0 means absent.',
  growable: {
    versionField: 'version',
    doc: 'Version 0 ends after rsdp_paddr (40 bytes). Version 1 (Xen 4.11) appends memmap_paddr, memmap_entries and reserved (56 bytes). A guest reads only the fields its version promises; newer versions stay compatible with older readers.',
  },
  fields: [
    field('magic', u32, { doc: 'Always XEN_HVM_START_MAGIC_VALUE; anything else means this is not a start info record.' }),
    field('version', u32, { doc: 'Layout version: 0 or 1. Decides which trailing fields exist.' }),
    field('flags', u32, { doc: 'SIF_* flags from xen.h (privileged, initial domain, …).' }),
    field('nr_modules', u32, { doc: 'Entries in the module list at modlist_paddr.' }),
    field('modlist_paddr', u64, { doc: 'Address of an array of hvm_modlist_entry.' }),
    field('cmdline_paddr', u64, { doc: 'Address of the kernel command line, a NUL-terminated ASCII string.' }),
    field('rsdp_paddr', u64, { doc: 'Address of the ACPI RSDP.' }),
    field('memmap_paddr', u64, { since: '4.11', doc: 'Version 1: address of an array of hvm_memmap_table_entry.' }),
    field('memmap_entries', u32, { since: '4.11', doc: 'Version 1: entries in the memory map; 0 when none is given, so check it before reading the map.' }),
    pad('reserved', u32, { since: '4.11', doc: 'Version 1: zero.' }),
  ],
});

export const hvm_modlist_entry = struct('hvm_modlist_entry', {
  since: '4.8',
  doc: 'One module (initrd, …) the loader placed in guest memory.',
  fields: [
    field('paddr', u64, { doc: 'Address of the module.' }),
    field('size', u64, { doc: 'Size of the module in bytes.' }),
    field('cmdline_paddr', u64, { doc: 'Address of the module\'s command line, a NUL-terminated ASCII string.' }),
    pad('reserved', u64, { doc: 'Zero.' }),
  ],
});

export const hvm_memmap_table_entry = struct('hvm_memmap_table_entry', {
  since: '4.11',
  doc: 'One range of the guest physical memory map (version 1 of hvm_start_info).',
  fields: [
    field('addr', u64, { doc: 'First address of the range.' }),
    field('size', u64, { doc: 'Length of the range in bytes.' }),
    field('type', u32, { doc: 'An XEN_HVM_MEMMAP_TYPE_* value.' }),
    pad('reserved', u32, { doc: 'Zero.' }),
  ],
});

export default abiModule({
  name: 'start_info',
  xenHeader: 'arch-x86/hvm/start_info.h',
  xenGuard: '__XEN_PUBLIC_ARCH_X86_HVM_START_INFO_H__',
  coverage: 'full',
  doc: 'PVH start-of-day information for x86 guests, for loaders on any architecture: the start info record, its module list and memory map.',
  items: [XEN_HVM_START_MAGIC_VALUE, XEN_HVM_MEMMAP_TYPE, hvm_start_info, hvm_modlist_entry, hvm_memmap_table_entry],
});
