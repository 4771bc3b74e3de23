/**
 * Platform management (`__HYPERVISOR_platform_op`): what the control domain asks of Xen about
 * the machine itself — the wall clock, MTRRs, microcode, EFI runtime services and firmware
 * tables, ACPI sleep and processor power data, physical CPU and memory hotplug, core parking,
 * MSR access and Xen's own symbols. Every call passes one `xen_platform_op`: a `XENPF_*`
 * command, `XENPF_INTERFACE_VERSION`, and the command's record in the union `u`.
 *
 * Xen's header has no `__XEN_TOOLS__` guard: every build sees these items, so they are stable
 * here, although Xen accepts the hypercall only from the hardware domain (or a domain its XSM
 * policy allows). The header is the same on all four architectures; which commands Xen acts
 * on depends on the architecture (the MTRR, microcode, ACPI and hotplug commands are x86's).
 *
 * `XENPF_settime` and the typedef `xenpf_settime_t` are aliases Xen points at the 64-bit
 * form (`XENPF_settime64`, `xenpf_settime64`) for guests of interface 0x00040600 or newer and
 * at the 32-bit form below it; xenabi gives the constant its legacy value and the typedef to
 * guests of the newer interfaces only. Xen's union member `xen_platform_op.u.settime`, whose
 * type is that typedef, is a `xenpf_settime64` with `legacyType` `xenpf_settime32` below
 * 0x00040600: the C header declares each type for its interfaces; Xen made the switch in 4.6,
 * the oldest release here, and kept it through 4.22.
 */
import {
  abiModule,
  array,
  bits,
  c_char,
  constant,
  field,
  flag,
  flagSet,
  handle,
  i16,
  i32,
  inlineStruct,
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
  union,
  valueSet,
  xen_pfn_t,
  xen_ulong_t,
} from 'xenabi/dsl';
import { dom0_vga_console_info } from './xen_guest.ts';

/** Xen's interface version from which `XENPF_settime` and `xenpf_settime_t` mean the 64-bit form. */
const V4_6 = '0x00040600';
/** `XEN_GUEST_HANDLE(const_void)`: a handle to memory Xen only reads. */
const CONST_VOID_HANDLE = { kind: 'handle', width: 'native', target: 'void', pointee: 'void', const: true } as const;

export const XENPF_INTERFACE_VERSION = constant('XENPF_INTERFACE_VERSION', 0x03000001, {
  since: '4.6',
  spelling: 'hex',
  doc: 'The value of xen_platform_op.interface_version; Xen refuses a call that gives another.',
});

// ---- Time, MTRRs, microcode, quirks -------------------------------------------------------

export const xenpf_settime32 = struct('xenpf_settime32', {
  since: '4.6',
  doc: 'XENPF_settime32: set the wall clock, with seconds in 32 bits.',
  fields: [
    field('secs', u32, { doc: 'IN: seconds since 1970-01-01 00:00 UTC at system_time. Example: 1700000000.' }),
    field('nsecs', u32, { doc: 'IN: and nanoseconds. Example: 500000000.' }),
    field('system_time', u64, { doc: 'IN: the Xen system time (nanoseconds since boot) the wall-clock value belongs to. Example: 123456789000.' }),
  ],
});
export const xenpf_settime32_t = typedef('xenpf_settime32_t', xenpf_settime32, { since: '4.15', doc: 'The typedef of xenpf_settime32.' });

export const xenpf_settime64 = struct('xenpf_settime64', {
  since: '4.6',
  doc: 'XENPF_settime64: set the wall clock, with seconds in 64 bits.',
  fields: [
    field('secs', u64, { doc: 'IN: seconds since 1970-01-01 00:00 UTC at system_time. Example: 1700000000.' }),
    field('nsecs', u32, { doc: 'IN: and nanoseconds. Example: 500000000.' }),
    field('mbz', u32, { doc: 'IN: zero. Example: 0.' }),
    field('system_time', u64, { doc: 'IN: the Xen system time (nanoseconds since boot) the wall-clock value belongs to. Example: 123456789000.' }),
  ],
});
export const xenpf_settime64_t = typedef('xenpf_settime64_t', xenpf_settime64, { since: '4.15', doc: 'The typedef of xenpf_settime64.' });

export const xenpf_settime_t = typedef('xenpf_settime_t', xenpf_settime64, {
  since: '4.6',
  guestInterface: { min: V4_6 },
  doc: 'The settime record of the caller\'s interface: xenpf_settime64 (xenpf_settime32 below interface 0x00040600).',
});

export const xenpf_add_memtype = struct('xenpf_add_memtype', {
  typedef: 'xenpf_add_memtype_t',
  since: '4.6',
  doc: 'XENPF_add_memtype (x86): give a range of machine frames a memory type, through an MTRR.',
  holes: [{ after: 'reg', archs: ['x86_64', 'arm32', 'arm64'], reason: 'tail padding to the 8-byte alignment of nr_mfns' }],
  fields: [
    field('mfn', xen_pfn_t, { doc: 'IN: the first machine frame. Example: 0xe0000.' }),
    field('nr_mfns', u64, { doc: 'IN: how many frames. Example: 0x10000.' }),
    field('type', u32, { doc: 'IN: the MTRR memory type (1 is write-combining). Example: 1.' }),
    field('handle', u32, { doc: 'OUT: what XENPF_del_memtype takes to remove exactly this setting. Example: 0x10003.' }),
    field('reg', u32, { doc: 'OUT: the MTRR used. Example: 3.' }),
  ],
});

export const xenpf_del_memtype = struct('xenpf_del_memtype', {
  typedef: 'xenpf_del_memtype_t',
  since: '4.6',
  doc: 'XENPF_del_memtype (x86): remove a memory-type setting.',
  fields: [
    field('handle', u32, { doc: 'IN: the handle XENPF_add_memtype returned, or 0 when unknown. Example: 0x10003.' }),
    field('reg', u32, { doc: 'IN: the MTRR. Example: 3.' }),
  ],
});

export const xenpf_read_memtype = struct('xenpf_read_memtype', {
  typedef: 'xenpf_read_memtype_t',
  since: '4.6',
  doc: 'XENPF_read_memtype (x86): what one MTRR says.',
  holes: [
    { after: 'reg', archs: ['x86_64', 'arm32', 'arm64'], reason: 'mfn is 8-byte aligned everywhere but on x86_32' },
    { after: 'type', archs: ['x86_64', 'arm32', 'arm64'], reason: 'tail padding to the 8-byte alignment of nr_mfns' },
  ],
  fields: [
    field('reg', u32, { doc: 'IN: the MTRR. Example: 0.' }),
    field('mfn', xen_pfn_t, { doc: 'OUT: its first machine frame. Example: 0.' }),
    field('nr_mfns', u64, { doc: 'OUT: how many frames it covers. Example: 0x80000.' }),
    field('type', u32, { doc: 'OUT: its memory type (6 is write-back). Example: 6.' }),
  ],
});

export const xenpf_microcode_update = struct('xenpf_microcode_update', {
  typedef: 'xenpf_microcode_update_t',
  since: '4.6',
  doc: 'XENPF_microcode_update (x86): load a microcode blob on every CPU.',
  holes: [{ after: 'length', archs: ['x86_64', 'arm32', 'arm64'], reason: 'tail padding to the 8-byte alignment of data' }],
  fields: [
    field('data', CONST_VOID_HANDLE, { doc: 'IN: the blob, as the vendor ships it.' }),
    field('length', u32, { doc: 'IN: its length in bytes. Example: 51200.' }),
  ],
});

export const QUIRK = valueSet('QUIRK', {
  since: '4.6',
  field: 'xenpf_platform_quirk.quirk_id',
  doc: 'Platform quirks the control domain reports to Xen (x86 I/O APIC).',
  values: [
    constant('QUIRK_NOIRQBALANCING', 1, { since: '4.6', doc: 'Do not move interrupts between CPUs.' }),
    constant('QUIRK_IOAPIC_BAD_REGSEL', 2, { since: '4.6', doc: 'The I/O APIC\'s register-select register does not keep its value.' }),
    constant('QUIRK_IOAPIC_GOOD_REGSEL', 3, { since: '4.6', doc: 'The I/O APIC\'s register-select register keeps its value.' }),
  ],
});

export const xenpf_platform_quirk = struct('xenpf_platform_quirk', {
  typedef: 'xenpf_platform_quirk_t',
  since: '4.6',
  doc: 'XENPF_platform_quirk (x86): report a quirk of the machine.',
  fields: [field('quirk_id', u32, { doc: 'IN: a QUIRK_*. Example: 2 (QUIRK_IOAPIC_BAD_REGSEL).' })],
});

// ---- EFI runtime services -----------------------------------------------------------------

export const XEN_EFI = valueSet('XEN_EFI', {
  since: '4.6',
  field: 'xenpf_efi_runtime_call.function',
  doc: 'The EFI runtime services XENPF_efi_runtime_call makes Xen call, each with its member of xenpf_efi_runtime_call.u.',
  values: [
    constant('XEN_EFI_get_time', 1, { since: '4.6', doc: 'GetTime: u.get_time.' }),
    constant('XEN_EFI_set_time', 2, { since: '4.6', doc: 'SetTime: u.set_time.' }),
    constant('XEN_EFI_get_wakeup_time', 3, { since: '4.6', doc: 'GetWakeupTime: u.get_wakeup_time, with XEN_EFI_GET_WAKEUP_TIME_* in misc.' }),
    constant('XEN_EFI_set_wakeup_time', 4, { since: '4.6', doc: 'SetWakeupTime: u.set_wakeup_time, with XEN_EFI_SET_WAKEUP_TIME_* in misc.' }),
    constant('XEN_EFI_get_next_high_monotonic_count', 5, { since: '4.6', doc: 'GetNextHighMonotonicCount: the count comes back in misc.' }),
    constant('XEN_EFI_get_variable', 6, { since: '4.6', doc: 'GetVariable: u.get_variable, attributes (XEN_EFI_VARIABLE_*) in misc.' }),
    constant('XEN_EFI_set_variable', 7, { since: '4.6', doc: 'SetVariable: u.set_variable, attributes (XEN_EFI_VARIABLE_*) in misc.' }),
    constant('XEN_EFI_get_next_variable_name', 8, { since: '4.6', doc: 'GetNextVariableName: u.get_next_variable_name.' }),
    constant('XEN_EFI_query_variable_info', 9, { since: '4.6', doc: 'QueryVariableInfo: u.query_variable_info.' }),
    constant('XEN_EFI_query_capsule_capabilities', 10, { since: '4.6', doc: 'QueryCapsuleCapabilities: u.query_capsule_capabilities.' }),
    constant('XEN_EFI_update_capsule', 11, { since: '4.6', doc: 'UpdateCapsule: u.update_capsule.' }),
  ],
});

export const xenpf_efi_time = struct('xenpf_efi_time', {
  since: '4.6',
  doc: 'An EFI_TIME: a calendar date and time.',
  holes: [
    { after: 'sec', archs: ['x86_32', 'x86_64', 'arm32', 'arm64'], reason: 'ns is 4-byte aligned' },
    { after: 'daylight', archs: ['x86_32', 'x86_64', 'arm32', 'arm64'], reason: 'tail padding to the 4-byte alignment of ns' },
  ],
  fields: [
    field('year', u16, { doc: 'Year. Example: 2026.' }),
    field('month', u8, { doc: 'Month, 1 to 12. Example: 12.' }),
    field('day', u8, { doc: 'Day of the month, 1 to 31. Example: 7.' }),
    field('hour', u8, { doc: 'Hour, 0 to 23. Example: 15.' }),
    field('min', u8, { doc: 'Minute. Example: 30.' }),
    field('sec', u8, { doc: 'Second. Example: 0.' }),
    field('ns', u32, { doc: 'Nanosecond. Example: 0.' }),
    field('tz', i16, { doc: 'Offset from UTC in minutes, or 2047 when unspecified. Example: 60.' }),
    field('daylight', u8, { doc: 'EFI daylight-saving bits. Example: 0.' }),
  ],
});

export const xenpf_efi_guid = struct('xenpf_efi_guid', {
  since: '4.6',
  doc: 'An EFI GUID, as EFI lays one out.',
  fields: [
    field('data1', u32, { doc: 'The first 32 bits. Example: 0x8be4df61.' }),
    field('data2', u16, { doc: 'The next 16. Example: 0x93ca.' }),
    field('data3', u16, { doc: 'The next 16. Example: 0x11d2.' }),
    field('data4', array(u8, 8), { doc: 'The last 64, as bytes. Example: [0xaa, 0x0d, 0x00, 0xe0, 0x98, 0x03, 0x2b, 0x8c].' }),
  ],
});

/** The members of `get_variable` and `set_variable`, which Xen declares as one anonymous struct. */
const VARIABLE = inlineStruct({
    doc: 'Read or write one EFI variable.',
    fields: [
      field('name', handle('void'), { doc: 'The variable\'s name, a NUL-terminated UCS-2 string.' }),
      field('size', xen_ulong_t, { doc: 'The data\'s size in bytes (IN: the buffer\'s; OUT: the variable\'s). Example: 4.' }),
      field('data', handle('void'), { doc: 'The data.' }),
      field('vendor_guid', xenpf_efi_guid, { doc: 'The variable\'s vendor GUID.' }),
    ],
});

export const xenpf_efi_runtime_call = struct('xenpf_efi_runtime_call', {
  typedef: 'xenpf_efi_runtime_call_t',
  since: '4.6',
  doc: 'XENPF_efi_runtime_call: call an EFI runtime service through Xen.',
  fields: [
    field('function', u32, { doc: 'IN: the service, a XEN_EFI_*. Example: 6 (XEN_EFI_get_variable).' }),
    field('misc', u32, { doc: 'IN/OUT: the service\'s flags, or the count XEN_EFI_get_next_high_monotonic_count returns. Example: 0x7.' }),
    field('status', xen_ulong_t, { doc: 'OUT: the EFI status the service returned. Example: 0.' }),
    field(
      'u',
      inlineUnion({
        doc: 'The service\'s arguments and results.',
        fields: [
          field(
            'get_time',
            inlineStruct({
              doc: 'The current time and the clock\'s capabilities.',
              fields: [
                field('time', xenpf_efi_time, { doc: 'OUT: the time.' }),
                field('resolution', u32, { doc: 'OUT: the clock\'s resolution, in counts per second. Example: 1.' }),
                field('accuracy', u32, { doc: 'OUT: its error, in parts per million times 10^6. Example: 50000000.' }),
              ],
            }),
            { doc: 'XEN_EFI_get_time.' },
          ),
          field('set_time', xenpf_efi_time, { doc: 'XEN_EFI_set_time: IN, the new time.' }),
          field('get_wakeup_time', xenpf_efi_time, { doc: 'XEN_EFI_get_wakeup_time: OUT, the alarm time.' }),
          field('set_wakeup_time', xenpf_efi_time, { doc: 'XEN_EFI_set_wakeup_time: IN, the alarm time.' }),
          field('get_variable', VARIABLE, { doc: 'XEN_EFI_get_variable.' }),
          field('set_variable', VARIABLE, { doc: 'XEN_EFI_set_variable.' }),
          field(
            'get_next_variable_name',
            inlineStruct({
              doc: 'Step through the variables\' names.',
              fields: [
                field('size', xen_ulong_t, { doc: 'IN: the name buffer\'s size in bytes; OUT: the name\'s. Example: 512.' }),
                field('name', handle('void'), { doc: 'IN: the previous name (empty to start); OUT: the next one, UCS-2.' }),
                field('vendor_guid', xenpf_efi_guid, { doc: 'IN/OUT: the vendor GUID that goes with the name.' }),
              ],
            }),
            { doc: 'XEN_EFI_get_next_variable_name.' },
          ),
          field(
            'query_variable_info',
            inlineStruct({
              doc: 'How much variable storage there is.',
              holes: [{ after: 'attr', archs: ['x86_64', 'arm32', 'arm64'], reason: 'max_store_size is 8-byte aligned everywhere but on x86_32' }],
              fields: [
                field('attr', u32, { doc: 'IN: the kind of variable asked about (XEN_EFI_VARIABLE_*). Example: 0x7.' }),
                field('max_store_size', u64, { doc: 'OUT: the storage for variables of that kind, in bytes. Example: 65536.' }),
                field('remain_store_size', u64, { doc: 'OUT: the part still free. Example: 40000.' }),
                field('max_size', u64, { doc: 'OUT: the largest single variable. Example: 32768.' }),
              ],
            }),
            { doc: 'XEN_EFI_query_variable_info.' },
          ),
          field(
            'query_capsule_capabilities',
            inlineStruct({
              doc: 'Whether the firmware can take a set of capsules.',
              holes: [{ after: 'reset_type', archs: ['x86_64', 'arm32', 'arm64'], reason: 'tail padding to the 8-byte alignment of max_capsule_size' }],
              fields: [
                field('capsule_header_array', handle('void'), { doc: 'IN: the capsules\' headers.' }),
                field('capsule_count', xen_ulong_t, { doc: 'IN: how many. Example: 1.' }),
                field('max_capsule_size', u64, { doc: 'OUT: the largest capsule the firmware takes, in bytes. Example: 33554432.' }),
                field('reset_type', u32, { doc: 'OUT: the reset the update needs (an EFI_RESET_TYPE). Example: 0.' }),
              ],
            }),
            { doc: 'XEN_EFI_query_capsule_capabilities.' },
          ),
          field(
            'update_capsule',
            inlineStruct({
              doc: 'Hand capsules to the firmware.',
              fields: [
                field('capsule_header_array', handle('void'), { doc: 'IN: the capsules\' headers.' }),
                field('capsule_count', xen_ulong_t, { doc: 'IN: how many. Example: 1.' }),
                field('sg_list', u64, { doc: 'IN: the machine address of the scatter-gather list. Example: 0x7f000000.' }),
              ],
            }),
            { doc: 'XEN_EFI_update_capsule.' },
          ),
        ],
      }),
      { doc: 'The arguments and results of the service function names.' },
    ),
  ],
});

export const XEN_EFI_GET_TIME_SET_CLEARS_NS = constant('XEN_EFI_GET_TIME_SET_CLEARS_NS', 0x1, {
  since: '4.6',
  spelling: 'hex',
  doc: 'Out in xenpf_efi_runtime_call.misc of XEN_EFI_get_time: setting the time clears the nanoseconds.',
});

export const XEN_EFI_GET_WAKEUP_TIME = flagSet('XEN_EFI_GET_WAKEUP_TIME', {
  since: '4.6',
  field: 'xenpf_efi_runtime_call.misc',
  doc: 'What XEN_EFI_get_wakeup_time says about the alarm, in misc.',
  flags: [
    flag('XEN_EFI_GET_WAKEUP_TIME_ENABLED', 0, { since: '4.6', spelling: 'hex', doc: 'The alarm is on.' }),
    flag('XEN_EFI_GET_WAKEUP_TIME_PENDING', 1, { since: '4.6', spelling: 'hex', doc: 'The alarm has gone off.' }),
  ],
});

export const XEN_EFI_SET_WAKEUP_TIME = flagSet('XEN_EFI_SET_WAKEUP_TIME', {
  since: '4.6',
  field: 'xenpf_efi_runtime_call.misc',
  doc: 'How XEN_EFI_set_wakeup_time sets the alarm, in misc.',
  flags: [
    flag('XEN_EFI_SET_WAKEUP_TIME_ENABLE', 0, { since: '4.6', spelling: 'hex', doc: 'Turn the alarm on (off when clear).' }),
    flag('XEN_EFI_SET_WAKEUP_TIME_ENABLE_ONLY', 1, { since: '4.6', spelling: 'hex', doc: 'Change only whether it is on, not its time.' }),
  ],
});

export const XEN_EFI_VARIABLE = flagSet('XEN_EFI_VARIABLE', {
  since: '4.6',
  field: 'xenpf_efi_runtime_call.misc',
  doc: 'EFI variable attributes, in misc of the variable services.',
  flags: [
    flag('XEN_EFI_VARIABLE_NON_VOLATILE', 0, { since: '4.6', spelling: 'hex', doc: 'Kept across resets.' }),
    flag('XEN_EFI_VARIABLE_BOOTSERVICE_ACCESS', 1, { since: '4.6', spelling: 'hex', doc: 'Visible to boot services.' }),
    flag('XEN_EFI_VARIABLE_RUNTIME_ACCESS', 2, { since: '4.6', spelling: 'hex', doc: 'Visible at run time.' }),
  ],
});

export const XEN_EFI_VARINFO_BOOT_SNAPSHOT = constant('XEN_EFI_VARINFO_BOOT_SNAPSHOT', 0x1, {
  since: '4.6',
  spelling: 'hex',
  doc: 'In misc of XEN_EFI_query_variable_info: answer from what the firmware said at boot, not from a live call.',
});

// ---- Firmware information ---------------------------------------------------------------

export const XEN_FW = valueSet('XEN_FW', {
  since: '4.6',
  field: 'xenpf_firmware_info.type',
  doc: 'What XENPF_firmware_info asks for; each kind has its member of xenpf_firmware_info.u.',
  values: [
    constant('XEN_FW_DISK_INFO', 1, { since: '4.6', doc: 'A BIOS disk\'s parameters (u.disk_info), index choosing the disk.' }),
    constant('XEN_FW_DISK_MBR_SIGNATURE', 2, { since: '4.6', doc: 'A BIOS disk\'s MBR signature (u.disk_mbr_signature).' }),
    constant('XEN_FW_VBEDDC_INFO', 3, { since: '4.6', doc: 'The display\'s EDID through VBE (u.vbeddc_info).' }),
    constant('XEN_FW_EFI_INFO', 4, { since: '4.6', doc: 'EFI information (u.efi_info), index a XEN_FW_EFI_*.' }),
    constant('XEN_FW_KBD_SHIFT_FLAGS', 5, { since: '4.6', doc: 'The BIOS keyboard shift flags at boot (u.kbd_shift_flags).' }),
  ],
});

export const XEN_FW_EFI = valueSet('XEN_FW_EFI', {
  since: '4.6',
  field: 'xenpf_firmware_info.index',
  doc: 'The pieces of EFI information XEN_FW_EFI_INFO gives, chosen by index; each fills a member of xenpf_efi_info.',
  values: [
    constant('XEN_FW_EFI_VERSION', 0, { since: '4.6', doc: 'The EFI revision (version).' }),
    constant('XEN_FW_EFI_CONFIG_TABLE', 1, { since: '4.6', doc: 'The configuration table (cfg).' }),
    constant('XEN_FW_EFI_VENDOR', 2, { since: '4.6', doc: 'The firmware vendor (vendor).' }),
    constant('XEN_FW_EFI_MEM_INFO', 3, { since: '4.6', doc: 'The memory map entry that holds an address (mem).' }),
    constant('XEN_FW_EFI_RT_VERSION', 4, { since: '4.6', doc: 'The runtime services\' revision (version).' }),
    constant('XEN_FW_EFI_PCI_ROM', 5, { since: '4.6', doc: 'A PCI device\'s option ROM image (pci_rom).' }),
    constant('XEN_FW_EFI_APPLE_PROPERTIES', 6, { since: '4.9', doc: 'Apple\'s device properties (apple_properties).' }),
  ],
});

export const xenpf_efi_info = union('xenpf_efi_info', {
  xenScope: 'xenpf_firmware_info',
  since: '4.6',
  doc: 'What XEN_FW_EFI_INFO returns; the member is the one the XEN_FW_EFI_* index names.',
  fields: [
    field('version', u32, { doc: 'XEN_FW_EFI_VERSION and XEN_FW_EFI_RT_VERSION: a revision, major in the top 16 bits. Example: 0x20046.' }),
    field(
      'cfg',
      inlineStruct({
        doc: 'The configuration table.',
        holes: [{ after: 'nent', archs: ['x86_64', 'arm32', 'arm64'], reason: 'tail padding to the 8-byte alignment of addr' }],
        fields: [
          field('addr', u64, { doc: 'Its physical address. Example: 0x7fe0e018.' }),
          field('nent', u32, { doc: 'How many entries it has. Example: 10.' }),
        ],
      }),
      { doc: 'XEN_FW_EFI_CONFIG_TABLE.' },
    ),
    field(
      'vendor',
      inlineStruct({
        doc: 'The firmware vendor.',
        fields: [
          field('revision', u32, { doc: 'OUT: the firmware\'s revision. Example: 0x10000.' }),
          field('bufsz', u32, { doc: 'IN: the size of the name buffer in bytes. Example: 128.' }),
          field('name', handle('void'), { doc: 'OUT: the vendor\'s name, UCS-2.' }),
        ],
      }),
      { doc: 'XEN_FW_EFI_VENDOR.' },
    ),
    field(
      'mem',
      inlineStruct({
        doc: 'One EFI memory map entry.',
        holes: [{ after: 'type', archs: ['x86_64', 'arm32', 'arm64'], reason: 'tail padding to the 8-byte alignment of addr' }],
        fields: [
          field('addr', u64, { doc: 'IN: an address; OUT: the entry\'s start. Example: 0x100000.' }),
          field('size', u64, { doc: 'OUT: the entry\'s length in bytes. Example: 0x7f00000.' }),
          field('attr', u64, { doc: 'OUT: its EFI attributes. Example: 0xf.' }),
          field('type', u32, { doc: 'OUT: its EFI memory type (7 is conventional memory). Example: 7.' }),
        ],
      }),
      { doc: 'XEN_FW_EFI_MEM_INFO.' },
    ),
    field(
      'pci_rom',
      inlineStruct({
        doc: 'A PCI option ROM the firmware kept.',
        fields: [
          field('segment', u16, { doc: 'IN: the PCI segment. Example: 0.' }),
          field('bus', u8, { doc: 'IN: the bus. Example: 1.' }),
          field('devfn', u8, { doc: 'IN: the device and function. Example: 0x0.' }),
          field('vendor', u16, { doc: 'IN: the vendor ID. Example: 0x10de.' }),
          field('devid', u16, { doc: 'IN: the device ID. Example: 0x1c82.' }),
          field('address', u64, { doc: 'OUT: the image\'s physical address. Example: 0x7f5e0000.' }),
          field('size', xen_ulong_t, { doc: 'OUT: its size in bytes. Example: 0x20000.' }),
        ],
      }),
      { doc: 'XEN_FW_EFI_PCI_ROM.' },
    ),
    field(
      'apple_properties',
      inlineStruct({
        doc: 'Apple\'s device properties blob.',
        fields: [
          field('address', u64, { doc: 'OUT: its physical address. Example: 0x7f4f0000.' }),
          field('size', xen_ulong_t, { doc: 'OUT: its size in bytes. Example: 0x1000.' }),
        ],
      }),
      { since: '4.9', doc: 'XEN_FW_EFI_APPLE_PROPERTIES.' },
    ),
  ],
});

export const xenpf_firmware_info = struct('xenpf_firmware_info', {
  typedef: 'xenpf_firmware_info_t',
  since: '4.6',
  doc: 'XENPF_firmware_info: what the firmware told Xen at boot.',
  fields: [
    field('type', u32, { doc: 'IN: what to read, a XEN_FW_*. Example: 4 (XEN_FW_EFI_INFO).' }),
    field('index', u32, { doc: 'IN: which one: a disk, an EDID block, or a XEN_FW_EFI_*. Example: 0.' }),
    field(
      'u',
      inlineUnion({
        doc: 'The answer, in the member the type names.',
        fields: [
          field(
            'disk_info',
            inlineStruct({
              doc: 'A disk as the BIOS int 13h services describe it.',
              fields: [
                field('device', u8, { doc: 'The BIOS drive number. Example: 0x80.' }),
                field('version', u8, { doc: 'The extensions\' major version. Example: 0x30.' }),
                field('interface_support', u16, { doc: 'The extensions supported, as a bitmap. Example: 0x7.' }),
                field('legacy_max_cylinder', u16, { doc: 'The highest cylinder number. Example: 1023.' }),
                field('legacy_max_head', u8, { doc: 'The highest head number. Example: 254.' }),
                field('legacy_sectors_per_track', u8, { doc: 'Sectors per track. Example: 63.' }),
                field('edd_params', handle('void'), { doc: 'IN: a buffer for the extended parameters, its first 16 bits set to its size.' }),
              ],
            }),
            { doc: 'XEN_FW_DISK_INFO.' },
          ),
          field(
            'disk_mbr_signature',
            inlineStruct({
              doc: 'A disk\'s MBR signature.',
              holes: [{ after: 'device', archs: ['x86_32', 'x86_64', 'arm32', 'arm64'], reason: 'mbr_signature is 4-byte aligned' }],
              fields: [
                field('device', u8, { doc: 'The BIOS drive number. Example: 0x80.' }),
                field('mbr_signature', u32, { doc: 'The 32 bits at offset 0x1b8 of its MBR. Example: 0x1234abcd.' }),
              ],
            }),
            { doc: 'XEN_FW_DISK_MBR_SIGNATURE.' },
          ),
          field(
            'vbeddc_info',
            inlineStruct({
              doc: 'The display\'s EDID, through VBE.',
              holes: [{ after: 'edid_transfer_time', archs: ['x86_32', 'x86_64', 'arm32', 'arm64'], reason: 'edid is pointer-aligned' }],
              fields: [
                field('capabilities', u8, { doc: 'The VBE/DDC capabilities. Example: 0x3.' }),
                field('edid_transfer_time', u8, { doc: 'Seconds an EDID block takes to read. Example: 1.' }),
                field('edid', handle('uint8', 'uint8_t'), { doc: 'IN: a 128-byte buffer for the EDID block.' }),
              ],
            }),
            { doc: 'XEN_FW_VBEDDC_INFO.' },
          ),
          field('efi_info', xenpf_efi_info, { doc: 'XEN_FW_EFI_INFO.' }),
          field('kbd_shift_flags', u8, { doc: 'XEN_FW_KBD_SHIFT_FLAGS: the BIOS shift flags. Example: 0x20 (Num Lock).' }),
        ],
      }),
      { doc: 'OUT: the answer.' },
    ),
  ],
});

// ---- ACPI sleep, frequency, idle time -----------------------------------------------------

export const xenpf_enter_acpi_sleep = struct('xenpf_enter_acpi_sleep', {
  typedef: 'xenpf_enter_acpi_sleep_t',
  since: '4.6',
  doc: 'XENPF_enter_acpi_sleep (x86): put the machine into an ACPI sleep state.',
  fields: [
    field('val_a', u16, {
      legacyName: { name: 'pm1a_cnt_val', belowInterfaceVersion: '0x00040300' },
      doc: 'IN: the PM1a control value, or sleep type A with XENPF_ACPI_SLEEP_EXTENDED. Example: 0x1400.',
    }),
    field('val_b', u16, {
      legacyName: { name: 'pm1b_cnt_val', belowInterfaceVersion: '0x00040300' },
      doc: 'IN: the PM1b control value, or sleep type B with XENPF_ACPI_SLEEP_EXTENDED. Example: 0x1400.',
    }),
    field('sleep_state', u32, { doc: 'IN: the state, 3 for S3. Example: 3.' }),
    field('flags', u32, { doc: 'IN: XENPF_ACPI_SLEEP_* flags. Example: 0.' }),
  ],
});

export const XENPF_ACPI_SLEEP_EXTENDED = constant('XENPF_ACPI_SLEEP_EXTENDED', 0x1, {
  since: '4.6',
  spelling: 'hex',
  doc: 'In xenpf_enter_acpi_sleep.flags: use the ACPI extended sleep registers; val_a and val_b are sleep types.',
});

export const xenpf_change_freq = struct('xenpf_change_freq', {
  typedef: 'xenpf_change_freq_t',
  since: '4.6',
  doc: 'XENPF_change_freq: tell Xen a physical CPU\'s frequency changed.',
  fields: [
    field('flags', u32, { doc: 'IN: zero. Example: 0.' }),
    field('cpu', u32, { doc: 'IN: the physical CPU. Example: 2.' }),
    field('freq', u64, { doc: 'IN: its new frequency in Hz. Example: 2400000000.' }),
  ],
});

export const xenpf_getidletime = struct('xenpf_getidletime', {
  typedef: 'xenpf_getidletime_t',
  since: '4.6',
  doc: 'XENPF_getidletime: how long each physical CPU of a set has been idle.',
  holes: [{ after: 'cpumap_nr_cpus', archs: ['x86_64', 'arm32', 'arm64'], reason: 'idletime is 8-byte aligned' }],
  fields: [
    field('cpumap_bitmap', handle('uint8', 'uint8_t'), { doc: 'IN: the CPUs asked about; OUT: those of them that exist.' }),
    field('cpumap_nr_cpus', u32, { doc: 'IN: how many bits the bitmap has. Example: 64.' }),
    field('idletime', handle('uint64', 'uint64_t'), { doc: 'OUT: nanoseconds idle, one entry per CPU number, set for the CPUs in the bitmap.' }),
    field('now', u64, { doc: 'OUT: the system time the figures belong to, in nanoseconds. Example: 987654321000.' }),
  ],
});

// ---- Processor power management ---------------------------------------------------------

export const XEN_PM = valueSet('XEN_PM', {
  since: '4.6',
  field: 'xenpf_set_processor_pminfo.type',
  doc: 'What XENPF_set_processor_pminfo hands Xen, from the processor\'s ACPI objects.',
  values: [
    constant('XEN_PM_CX', 0, { since: '4.6', doc: 'Idle states (u.power).' }),
    constant('XEN_PM_PX', 1, { since: '4.6', doc: 'Performance states (u.perf).' }),
    constant('XEN_PM_TX', 2, { since: '4.6', doc: 'Throttling states (Xen takes none).' }),
    constant('XEN_PM_PDC', 3, { since: '4.6', doc: 'The _PDC capabilities buffer (u.pdc).' }),
    constant('XEN_PM_CPPC', 4, { since: '4.21', doc: 'The CPPC data (u.cppc_data).' }),
  ],
});

export const XEN_PROCESSOR_PM = flagSet('XEN_PROCESSOR_PM', {
  since: '4.6',
  doc: 'Which kinds of processor power data the control domain hands Xen.',
  flags: [
    flag('XEN_PROCESSOR_PM_CX', 0, { since: '4.6', spelling: 'dec', cType: 'int', doc: 'Idle states.' }),
    flag('XEN_PROCESSOR_PM_PX', 1, { since: '4.6', spelling: 'dec', cType: 'int', doc: 'Performance states.' }),
    flag('XEN_PROCESSOR_PM_TX', 2, { since: '4.6', spelling: 'dec', cType: 'int', doc: 'Throttling states.' }),
  ],
});

export const XEN_PX = flagSet('XEN_PX', {
  since: '4.6',
  field: 'xen_processor_performance.flags',
  doc: 'Which parts of xen_processor_performance a call fills.',
  flags: [
    flag('XEN_PX_PCT', 0, { since: '4.6', spelling: 'dec', cType: 'int', doc: 'The control and status registers (_PCT).' }),
    flag('XEN_PX_PSS', 1, { since: '4.6', spelling: 'dec', cType: 'int', doc: 'The states (_PSS).' }),
    flag('XEN_PX_PPC', 2, { since: '4.6', spelling: 'dec', cType: 'int', doc: 'The platform limit (_PPC).' }),
    flag('XEN_PX_PSD', 3, { since: '4.6', spelling: 'dec', cType: 'int', doc: 'The coordination domain (_PSD).' }),
  ],
});

export const XEN_CPPC = flagSet('XEN_CPPC', {
  since: '4.21',
  field: 'xen_processor_cppc.flags',
  doc: 'Which parts of xen_processor_cppc a call fills.',
  flags: [
    flag('XEN_CPPC_PSD', 0, { since: '4.21', doc: 'The coordination domain (_PSD).' }),
    flag('XEN_CPPC_CPC', 1, { since: '4.21', doc: 'The performance capabilities (_CPC).' }),
  ],
});

export const xen_power_register = struct('xen_power_register', {
  since: '4.6',
  doc: 'An ACPI generic address: where a power-management register is.',
  fields: [
    field('space_id', u32, { doc: 'The address space (1 is system I/O). Example: 1.' }),
    field('bit_width', u32, { doc: 'The register\'s width in bits. Example: 8.' }),
    field('bit_offset', u32, { doc: 'Its bit offset. Example: 0.' }),
    field('access_size', u32, { doc: 'The access size (1 is a byte). Example: 1.' }),
    field('address', u64, { doc: 'Its address. Example: 0x414.' }),
  ],
});

export const xen_processor_csd = struct('xen_processor_csd', {
  typedef: 'xen_processor_csd_t',
  since: '4.6',
  doc: 'One idle-state dependency (_CSD): CPUs that enter a state together.',
  fields: [
    field('domain', u32, { doc: 'The dependency domain. Example: 0.' }),
    field('coord_type', u32, { doc: 'How the CPUs coordinate (ACPI\'s 0xfc, 0xfd or 0xfe). Example: 0xfd.' }),
    field('num', u32, { doc: 'How many CPUs the domain has. Example: 2.' }),
  ],
});

export const xen_processor_cx = struct('xen_processor_cx', {
  typedef: 'xen_processor_cx_t',
  since: '4.6',
  doc: 'One idle state (an entry of _CST).',
  holes: [{ after: 'type', archs: ['x86_32', 'x86_64', 'arm32', 'arm64'], reason: 'latency is 4-byte aligned' }],
  fields: [
    field('reg', xen_power_register, { doc: 'The register that enters the state.' }),
    field('type', u8, { doc: 'The state: 1 for C1, 2 for C2, … Example: 2.' }),
    field('latency', u32, { doc: 'The worst time to enter and leave it. Example: 100.' }),
    field('power', u32, { doc: 'The average power drawn in it, in mW. Example: 500.' }),
    field('dpcnt', u32, { doc: 'How many dependencies dp lists. Example: 0.' }),
    field('dp', handle('xen_processor_csd_t'), { doc: 'The dependencies, or null.' }),
  ],
});

export const xen_processor_flags = struct('xen_processor_flags', {
  since: '4.6',
  doc: 'What the processor\'s ACPI objects say about its idle states.',
  holes: [{ after: 'bm_rld_set', archs: ['x86_32', 'x86_64', 'arm32', 'arm64'], reason: 'the rest of the 32-bit unit of the bit-fields' }],
  fields: [
    bits('bm_control', u32, 1, { doc: 'Bus-master arbitration can be controlled. Example: 1.' }),
    bits('bm_check', u32, 1, { doc: 'Bus-master activity must be checked. Example: 0.' }),
    bits('has_cst', u32, 1, { doc: 'The processor has a _CST object. Example: 1.' }),
    bits('power_setup_done', u32, 1, { doc: 'The control domain has set up power management. Example: 1.' }),
    bits('bm_rld_set', u32, 1, { doc: 'The bus-master reload bit is set. Example: 0.' }),
  ],
});

export const xen_processor_power = struct('xen_processor_power', {
  since: '4.6',
  doc: 'XEN_PM_CX: a processor\'s idle states.',
  fields: [
    field('count', u32, { doc: 'How many states the array has. Example: 3.' }),
    field('flags', xen_processor_flags, { doc: 'The processor\'s flags.' }),
    field('states', handle('xen_processor_cx_t'), { doc: 'The states.' }),
  ],
});

export const xen_pct_register = struct('xen_pct_register', {
  since: '4.6',
  doc: 'A register of _PCT, as an ACPI generic register descriptor.',
  holes: [{ after: 'descriptor', archs: ['x86_32', 'x86_64', 'arm32', 'arm64'], reason: 'length is 2-byte aligned' }],
  fields: [
    field('descriptor', u8, { doc: 'The descriptor type (0x82). Example: 0x82.' }),
    field('length', u16, { doc: 'The descriptor\'s length. Example: 12.' }),
    field('space_id', u8, { doc: 'The address space (0x7f is fixed hardware). Example: 0x7f.' }),
    field('bit_width', u8, { doc: 'The register\'s width in bits. Example: 64.' }),
    field('bit_offset', u8, { doc: 'Its bit offset. Example: 0.' }),
    field('reserved', u8, { doc: 'Zero. Example: 0.' }),
    field('address', u64, { doc: 'Its address. Example: 0x199.' }),
  ],
});

export const xen_processor_px = struct('xen_processor_px', {
  typedef: 'xen_processor_px_t',
  since: '4.6',
  doc: 'One performance state (an entry of _PSS).',
  fields: [
    field('core_frequency', u64, { doc: 'The frequency in MHz. Example: 2400.' }),
    field('power', u64, { doc: 'The power drawn in mW. Example: 35000.' }),
    field('transition_latency', u64, { doc: 'Microseconds to switch to it. Example: 10.' }),
    field('bus_master_latency', u64, { doc: 'Microseconds bus masters are held off while switching. Example: 10.' }),
    field('control', u64, { doc: 'The value to write to the control register. Example: 0x1800.' }),
    field('status', u64, { doc: 'The value the status register reads in it. Example: 0x1800.' }),
  ],
});

export const xen_psd_package = struct('xen_psd_package', {
  since: '4.6',
  doc: 'A performance-state dependency (_PSD): CPUs that change frequency together.',
  fields: [
    field('num_entries', u64, { doc: 'The package\'s entry count (5). Example: 5.' }),
    field('revision', u64, { doc: 'Its revision (0). Example: 0.' }),
    field('domain', u64, { doc: 'The dependency domain. Example: 0.' }),
    field('coord_type', u64, { doc: 'How the CPUs coordinate (ACPI\'s 0xfc, 0xfd or 0xfe). Example: 0xfc.' }),
    field('num_processors', u64, { doc: 'How many CPUs the domain has. Example: 4.' }),
  ],
});

export const XEN_CPUPERF_SHARED_TYPE = valueSet('XEN_CPUPERF_SHARED_TYPE', {
  since: '4.17',
  field: 'xen_processor_performance.shared_type',
  doc: 'How the CPUs of a dependency domain change frequency (declared in platform.h from 4.17 on).',
  values: [
    constant('XEN_CPUPERF_SHARED_TYPE_HW', 1, { since: '4.17', doc: 'The hardware coordinates.' }),
    constant('XEN_CPUPERF_SHARED_TYPE_ALL', 2, { since: '4.17', doc: 'Every CPU of the domain must ask for the change.' }),
    constant('XEN_CPUPERF_SHARED_TYPE_ANY', 3, { since: '4.17', doc: 'Any CPU of the domain may change it for all.' }),
  ],
});

export const xen_processor_performance = struct('xen_processor_performance', {
  typedef: 'xen_processor_performance_t',
  since: '4.6',
  doc: 'XEN_PM_PX: a processor\'s performance states and how to switch them.',
  holes: [
    { after: 'state_count', archs: ['x86_64', 'arm32', 'arm64'], reason: 'states is 8-byte aligned' },
    { after: 'shared_type', archs: ['x86_64', 'arm32', 'arm64'], reason: 'tail padding to the 8-byte alignment of domain_info' },
  ],
  fields: [
    field('flags', u32, { doc: 'Which parts are filled, XEN_PX_*. Example: 0xf.' }),
    field('platform_limit', u32, { doc: 'The highest state the platform allows now (_PPC). Example: 0.' }),
    field('control_register', xen_pct_register, { doc: 'The control register (_PCT).' }),
    field('status_register', xen_pct_register, { doc: 'The status register (_PCT).' }),
    field('state_count', u32, { doc: 'How many states the array has. Example: 8.' }),
    field('states', handle('xen_processor_px_t'), { doc: 'The states (_PSS).' }),
    field('domain_info', xen_psd_package, { doc: 'The dependency domain (_PSD).' }),
    field('shared_type', u32, { doc: 'How the domain\'s CPUs coordinate, XEN_CPUPERF_SHARED_TYPE_*. Example: 3.' }),
  ],
});

export const xen_processor_cppc = struct('xen_processor_cppc', {
  typedef: 'xen_processor_cppc_t',
  since: '4.21',
  doc: 'XEN_PM_CPPC: what a CPPC frequency driver needs of a processor\'s _CPC and _PSD.',
  fields: [
    field('flags', u8, { doc: 'Which parts are filled, XEN_CPPC_*. Example: 0x3.' }),
    pad('pad', array(u8, 3), { doc: 'Zero.' }),
    field(
      'cpc',
      inlineStruct({
        doc: 'The performance capabilities.',
        fields: [
          field('highest_perf', u32, { doc: 'The highest performance level. Example: 255.' }),
          field('nominal_perf', u32, { doc: 'The nominal level. Example: 200.' }),
          field('lowest_nonlinear_perf', u32, { doc: 'The lowest level that still saves energy per unit of work. Example: 100.' }),
          field('lowest_perf', u32, { doc: 'The lowest level. Example: 20.' }),
          field('lowest_mhz', u32, { doc: 'The frequency of the lowest level, in MHz. Example: 400.' }),
          field('nominal_mhz', u32, { doc: 'The frequency of the nominal level, in MHz. Example: 3000.' }),
        ],
      }),
      { doc: 'From _CPC.' },
    ),
    field('shared_type', u32, { doc: 'How the dependency domain\'s CPUs coordinate, XEN_CPUPERF_SHARED_TYPE_*. Example: 1.' }),
    field('domain_info', xen_psd_package, { doc: 'The dependency domain (_PSD).' }),
  ],
});

export const xenpf_set_processor_pminfo = struct('xenpf_set_processor_pminfo', {
  typedef: 'xenpf_set_processor_pminfo_t',
  since: '4.6',
  doc: 'XENPF_set_processor_pminfo: hand Xen the power-management data of one processor, which only the control domain\'s ACPI interpreter can read.',
  fields: [
    field('id', u32, { doc: 'IN: the processor\'s ACPI ID. Example: 0.' }),
    field('type', u32, { doc: 'IN: what is handed, a XEN_PM_*. Example: 1 (XEN_PM_PX).' }),
    field(
      'u',
      inlineUnion({
        doc: 'The data, in the member type names.',
        fields: [
          field('power', xen_processor_power, { doc: 'XEN_PM_CX.' }),
          field('perf', xen_processor_performance, { doc: 'XEN_PM_PX.' }),
          field('pdc', handle('uint32', 'uint32_t'), { doc: 'XEN_PM_PDC: the _PDC buffer, which Xen may change.' }),
          field('cppc_data', xen_processor_cppc, { since: '4.21', doc: 'XEN_PM_CPPC.' }),
        ],
      }),
      { doc: 'IN: the data.' },
    ),
  ],
});

// ---- Physical CPUs and memory -------------------------------------------------------------

export const XEN_PCPU_FLAGS = flagSet('XEN_PCPU_FLAGS', {
  since: '4.6',
  field: 'xenpf_pcpuinfo.flags',
  doc: 'The state of a physical CPU, in xenpf_pcpuinfo.flags.',
  flags: [
    flag('XEN_PCPU_FLAGS_ONLINE', 0, { since: '4.6', spelling: 'dec', cType: 'int', doc: 'The CPU is online.' }),
    flag('XEN_PCPU_FLAGS_INVALID', 1, { since: '4.6', spelling: 'dec', cType: 'int', doc: 'No CPU has that number.' }),
  ],
});

export const xenpf_pcpuinfo = struct('xenpf_pcpuinfo', {
  typedef: 'xenpf_pcpuinfo_t',
  since: '4.6',
  doc: 'XENPF_get_cpuinfo: what Xen knows of one physical CPU.',
  fields: [
    field('xen_cpuid', u32, { doc: 'IN: the CPU\'s number in Xen. Example: 1.' }),
    field('max_present', u32, { doc: 'OUT: the highest CPU number present. Example: 7.' }),
    field('flags', u32, { doc: 'OUT: XEN_PCPU_FLAGS_*. Example: 1 (XEN_PCPU_FLAGS_ONLINE).' }),
    field('apic_id', u32, { doc: 'OUT: its APIC ID. Example: 2.' }),
    field('acpi_id', u32, { doc: 'OUT: its ACPI processor ID. Example: 1.' }),
  ],
});

export const xenpf_pcpu_version = struct('xenpf_pcpu_version', {
  typedef: 'xenpf_pcpu_version_t',
  since: '4.6',
  doc: 'XENPF_get_cpu_version: the vendor and model of one physical CPU.',
  fields: [
    field('xen_cpuid', u32, { doc: 'IN: the CPU\'s number in Xen. Example: 0.' }),
    field('max_present', u32, { doc: 'OUT: the highest CPU number present. Example: 7.' }),
    field('vendor_id', array(c_char, 12), { doc: 'OUT: the CPUID vendor string, not NUL-terminated. Example: "GenuineIntel".' }),
    field('family', u32, { doc: 'OUT: the family. Example: 6.' }),
    field('model', u32, { doc: 'OUT: the model. Example: 85.' }),
    field('stepping', u32, { doc: 'OUT: the stepping. Example: 4.' }),
  ],
});

export const xenpf_cpu_ol = struct('xenpf_cpu_ol', {
  typedef: 'xenpf_cpu_ol_t',
  since: '4.6',
  doc: 'XENPF_cpu_online and XENPF_cpu_offline: bring a physical CPU up or down.',
  fields: [field('cpuid', u32, { doc: 'IN: the CPU\'s number in Xen. Example: 3.' })],
});

export const xenpf_cpu_hotadd = struct('xenpf_cpu_hotadd', {
  since: '4.6',
  doc: 'XENPF_cpu_hotadd (x86): tell Xen about a physical CPU added at run time.',
  fields: [
    field('apic_id', u32, { doc: 'IN: its APIC ID. Example: 8.' }),
    field('acpi_id', u32, { doc: 'IN: its ACPI processor ID. Example: 8.' }),
    field('pxm', u32, { doc: 'IN: its NUMA proximity domain. Example: 1.' }),
  ],
});
export const xenpf_cpu_hotadd_t = typedef('xenpf_cpu_hotadd_t', xenpf_cpu_hotadd, { since: '4.15', doc: 'The typedef of xenpf_cpu_hotadd.' });

export const xenpf_mem_hotadd = struct('xenpf_mem_hotadd', {
  since: '4.6',
  doc: 'XENPF_mem_hotadd (x86): tell Xen about memory added at run time.',
  fields: [
    field('spfn', u64, { doc: 'IN: the first frame added. Example: 0x100000.' }),
    field('epfn', u64, { doc: 'IN: the frame after the last. Example: 0x140000.' }),
    field('pxm', u32, { doc: 'IN: its NUMA proximity domain. Example: 1.' }),
    field('flags', u32, { doc: 'IN: the ACPI memory affinity flags. Example: 0x3.' }),
  ],
});
export const xenpf_mem_hotadd_t = typedef('xenpf_mem_hotadd_t', xenpf_mem_hotadd, { since: '4.15', doc: 'The typedef of xenpf_mem_hotadd.' });

export const XEN_CORE_PARKING = valueSet('XEN_CORE_PARKING', {
  since: '4.6',
  field: 'xenpf_core_parking.type',
  doc: 'What XENPF_core_parking does.',
  values: [
    constant('XEN_CORE_PARKING_SET', 1, { since: '4.6', doc: 'Ask for idle_nums CPUs to be parked.' }),
    constant('XEN_CORE_PARKING_GET', 2, { since: '4.6', doc: 'Read how many CPUs are parked.' }),
  ],
});

export const xenpf_core_parking = struct('xenpf_core_parking', {
  typedef: 'xenpf_core_parking_t',
  since: '4.6',
  doc: 'XENPF_core_parking (x86): keep some physical CPUs idle to save power.',
  fields: [
    field('type', u32, { doc: 'IN: XEN_CORE_PARKING_SET or _GET. Example: 1.' }),
    field('idle_nums', u32, { doc: 'IN for SET: how many CPUs to park; OUT for GET: how many are parked. Example: 2.' }),
  ],
});

// ---- MSRs, symbols, console, microcode revision -------------------------------------------

export const XEN_RESOURCE_OP_MSR = valueSet('XEN_RESOURCE_OP_MSR', {
  since: '4.6',
  field: 'xenpf_resource_entry.u.cmd',
  doc: 'What one entry of XENPF_resource_op does.',
  values: [
    constant('XEN_RESOURCE_OP_MSR_READ', 0, { since: '4.6', doc: 'Read the MSR idx into val.' }),
    constant('XEN_RESOURCE_OP_MSR_WRITE', 1, { since: '4.6', doc: 'Write val to the MSR idx.' }),
  ],
});

export const xenpf_resource_entry = struct('xenpf_resource_entry', {
  typedef: 'xenpf_resource_entry_t',
  since: '4.6',
  doc: 'One access of XENPF_resource_op.',
  fields: [
    field(
      'u',
      inlineUnion({
        doc: 'The command in, the error out.',
        fields: [
          field('cmd', u32, { doc: 'IN: a XEN_RESOURCE_OP_*. Example: 0 (XEN_RESOURCE_OP_MSR_READ).' }),
          field('ret', i32, { doc: 'OUT: the error of an entry that failed (a negative errno). Example: -1.' }),
        ],
      }),
      { doc: 'The command, then the result.' },
    ),
    field('rsvd', u32, { doc: 'IN: zero. Example: 0.' }),
    field('idx', u64, { doc: 'IN: the MSR\'s index. Example: 0x611.' }),
    field('val', u64, { doc: 'IN for a write, OUT for a read: the value. Example: 0x12345678.' }),
  ],
});

export const xenpf_resource_op = struct('xenpf_resource_op', {
  typedef: 'xenpf_resource_op_t',
  since: '4.6',
  doc: 'XENPF_resource_op (x86): read and write MSRs on one physical CPU; Xen stops at the first entry that fails and returns how many succeeded.',
  fields: [
    field('nr_entries', u32, { doc: 'IN: how many entries. Example: 2.' }),
    field('cpu', u32, { doc: 'IN: the physical CPU to run them on. Example: 0.' }),
    field('entries', handle('xenpf_resource_entry_t'), { doc: 'IN/OUT: the entries.' }),
  ],
});

export const xenpf_symdata = struct('xenpf_symdata', {
  typedef: 'xenpf_symdata_t',
  since: '4.6',
  doc: 'XENPF_get_symbol: one symbol of Xen\'s symbol table, to walk it.',
  holes: [{ after: 'type', archs: ['x86_32', 'x86_64', 'arm32', 'arm64'], reason: 'tail padding to the alignment of address' }],
  fields: [
    field('namelen', u32, { doc: 'IN: the size of the name buffer; OUT: the length of the symbol\'s name, which may be more than was copied. Example: 64.' }),
    field('symnum', u32, { doc: 'IN: the symbol to read; OUT: the next one, the same at the end of the table. Example: 0.' }),
    field('name', handle('char', 'char'), { doc: 'OUT: the name.' }),
    field('address', u64, { doc: 'OUT: the symbol\'s address. Example: 0xffff82d040200000.' }),
    field('type', c_char, { doc: 'OUT: the symbol\'s type letter, as nm prints it. Example: 84 (\'T\').' }),
  ],
});

export const xenpf_dom0_console_t = typedef('xenpf_dom0_console_t', dom0_vga_console_info, {
  since: '4.18',
  doc: 'XENPF_get_dom0_console: the console the control domain was given, as at boot.',
});

export const xenpf_ucode_revision = struct('xenpf_ucode_revision', {
  typedef: 'xenpf_ucode_revision_t',
  since: '4.18',
  doc: 'XENPF_get_ucode_revision (x86): the microcode one physical CPU runs.',
  fields: [
    field('cpu', u32, { doc: 'IN: the CPU\'s number in Xen. Example: 0.' }),
    field('signature', u32, { doc: 'OUT: its signature (CPUID leaf 1, EAX). Example: 0x50654.' }),
    field('pf', u32, { doc: 'OUT: its platform flags (Intel only). Example: 0x80.' }),
    field('revision', u32, { doc: 'OUT: the microcode revision. Example: 0x2007006.' }),
  ],
});

export const XENPF_UCODE_FORCE = constant('XENPF_UCODE_FORCE', 1, {
  since: '4.20',
  doc: 'In xenpf_microcode_update2.flags: load the blob even if it is not newer than what runs.',
});

export const xenpf_microcode_update2 = struct('xenpf_microcode_update2', {
  typedef: 'xenpf_microcode_update2_t',
  since: '4.20',
  doc: 'XENPF_microcode_update2 (x86): XENPF_microcode_update with flags.',
  fields: [
    field('flags', u32, { doc: 'IN: XENPF_UCODE_* flags. Example: 1 (XENPF_UCODE_FORCE).' }),
    field('length', u32, { doc: 'IN: the blob\'s length in bytes. Example: 51200.' }),
    field('data', CONST_VOID_HANDLE, { doc: 'IN: the blob.' }),
  ],
});

// ---- The call ---------------------------------------------------------------------------

export const xen_platform_op = struct('xen_platform_op', {
  typedef: 'xen_platform_op_t',
  since: '4.6',
  doc: 'The argument of __HYPERVISOR_platform_op.',
  fields: [
    field('cmd', u32, { doc: 'The command, a XENPF_*. Example: 62 (XENPF_settime64).' }),
    field('interface_version', u32, { doc: 'XENPF_INTERFACE_VERSION. Example: 0x03000001.' }),
    field(
      'u',
      inlineUnion({
        doc: 'The command\'s record, in 128 bytes.',
        fields: [
          field('settime', xenpf_settime64, {
            legacyType: { type: xenpf_settime32, belowInterfaceVersion: V4_6 },
            doc: 'XENPF_settime: xenpf_settime64 (xenpf_settime32 below interface 0x00040600, as Xen\'s xenpf_settime_t).',
          }),
          field('settime32', xenpf_settime32, { doc: 'XENPF_settime32.' }),
          field('settime64', xenpf_settime64, { doc: 'XENPF_settime64.' }),
          field('add_memtype', xenpf_add_memtype, { doc: 'XENPF_add_memtype.' }),
          field('del_memtype', xenpf_del_memtype, { doc: 'XENPF_del_memtype.' }),
          field('read_memtype', xenpf_read_memtype, { doc: 'XENPF_read_memtype.' }),
          field('microcode', xenpf_microcode_update, { doc: 'XENPF_microcode_update.' }),
          field('platform_quirk', xenpf_platform_quirk, { doc: 'XENPF_platform_quirk.' }),
          field('efi_runtime_call', xenpf_efi_runtime_call, { doc: 'XENPF_efi_runtime_call.' }),
          field('firmware_info', xenpf_firmware_info, { doc: 'XENPF_firmware_info.' }),
          field('enter_acpi_sleep', xenpf_enter_acpi_sleep, { doc: 'XENPF_enter_acpi_sleep.' }),
          field('change_freq', xenpf_change_freq, { doc: 'XENPF_change_freq.' }),
          field('getidletime', xenpf_getidletime, { doc: 'XENPF_getidletime.' }),
          field('set_pminfo', xenpf_set_processor_pminfo, { doc: 'XENPF_set_processor_pminfo.' }),
          field('pcpu_info', xenpf_pcpuinfo, { doc: 'XENPF_get_cpuinfo.' }),
          field('pcpu_version', xenpf_pcpu_version, { doc: 'XENPF_get_cpu_version.' }),
          field('cpu_ol', xenpf_cpu_ol, { doc: 'XENPF_cpu_online and XENPF_cpu_offline.' }),
          field('cpu_add', xenpf_cpu_hotadd, { doc: 'XENPF_cpu_hotadd.' }),
          field('mem_add', xenpf_mem_hotadd, { doc: 'XENPF_mem_hotadd.' }),
          field('core_parking', xenpf_core_parking, { doc: 'XENPF_core_parking.' }),
          field('resource_op', xenpf_resource_op, { doc: 'XENPF_resource_op.' }),
          field('symdata', xenpf_symdata, { doc: 'XENPF_get_symbol.' }),
          field('dom0_console', xenpf_dom0_console_t, { since: '4.18', doc: 'XENPF_get_dom0_console.' }),
          field('ucode_revision', xenpf_ucode_revision, { since: '4.18', doc: 'XENPF_get_ucode_revision.' }),
          field('microcode2', xenpf_microcode_update2, { since: '4.20', doc: 'XENPF_microcode_update2.' }),
          pad('pad', array(u8, 128), { doc: 'Reserves the union\'s 128 bytes.' }),
        ],
      }),
      { doc: 'The command\'s record.' },
    ),
  ],
});

export const XENPF = opSet('XENPF', {
  since: '4.6',
  field: 'xen_platform_op.cmd',
  doc: 'The platform commands: each number with the member of xen_platform_op.u that carries its record.',
  dispatch: { record: xen_platform_op, opField: 'cmd', payloadField: 'u' },
  ops: [
    op(constant('XENPF_settime32', 17, { since: '4.6', doc: 'Set the wall clock (32-bit seconds).' }), { member: 'settime32', record: xenpf_settime32 }),
    op(constant('XENPF_add_memtype', 31, { since: '4.6', doc: 'Give a machine range a memory type (x86).' }), { member: 'add_memtype', record: xenpf_add_memtype }),
    op(constant('XENPF_del_memtype', 32, { since: '4.6', doc: 'Remove a memory-type setting (x86).' }), { member: 'del_memtype', record: xenpf_del_memtype }),
    op(constant('XENPF_read_memtype', 33, { since: '4.6', doc: 'Read an MTRR (x86).' }), { member: 'read_memtype', record: xenpf_read_memtype }),
    op(constant('XENPF_microcode_update', 35, { since: '4.6', doc: 'Load microcode (x86).' }), { member: 'microcode', record: xenpf_microcode_update }),
    op(constant('XENPF_platform_quirk', 39, { since: '4.6', doc: 'Report a platform quirk (x86).' }), { member: 'platform_quirk', record: xenpf_platform_quirk }),
    op(constant('XENPF_get_cpu_version', 48, { since: '4.6', doc: 'Read a physical CPU\'s vendor and model.' }), { member: 'pcpu_version', record: xenpf_pcpu_version }),
    op(constant('XENPF_efi_runtime_call', 49, { since: '4.6', doc: 'Call an EFI runtime service.' }), { member: 'efi_runtime_call', record: xenpf_efi_runtime_call }),
    op(constant('XENPF_firmware_info', 50, { since: '4.6', doc: 'Read what the firmware told Xen at boot.' }), { member: 'firmware_info', record: xenpf_firmware_info }),
    op(constant('XENPF_enter_acpi_sleep', 51, { since: '4.6', doc: 'Enter an ACPI sleep state (x86).' }), { member: 'enter_acpi_sleep', record: xenpf_enter_acpi_sleep }),
    op(constant('XENPF_change_freq', 52, { since: '4.6', doc: 'Report a CPU frequency change.' }), { member: 'change_freq', record: xenpf_change_freq }),
    op(constant('XENPF_getidletime', 53, { since: '4.6', doc: 'Read the idle time of physical CPUs.' }), { member: 'getidletime', record: xenpf_getidletime }),
    op(constant('XENPF_set_processor_pminfo', 54, { since: '4.6', doc: 'Hand Xen a processor\'s power-management data.' }), { member: 'set_pminfo', record: xenpf_set_processor_pminfo }),
    op(constant('XENPF_get_cpuinfo', 55, { since: '4.6', doc: 'Read what Xen knows of a physical CPU.' }), { member: 'pcpu_info', record: xenpf_pcpuinfo }),
    op(constant('XENPF_cpu_online', 56, { since: '4.6', doc: 'Bring a physical CPU online.' }), { member: 'cpu_ol', record: xenpf_cpu_ol }),
    op(constant('XENPF_cpu_offline', 57, { since: '4.6', doc: 'Take a physical CPU offline.' }), { member: 'cpu_ol', record: xenpf_cpu_ol }),
    op(constant('XENPF_cpu_hotadd', 58, { since: '4.6', doc: 'Add a physical CPU (x86).' }), { member: 'cpu_add', record: xenpf_cpu_hotadd }),
    op(constant('XENPF_mem_hotadd', 59, { since: '4.6', doc: 'Add memory (x86).' }), { member: 'mem_add', record: xenpf_mem_hotadd }),
    op(constant('XENPF_core_parking', 60, { since: '4.6', doc: 'Park or count parked CPUs (x86).' }), { member: 'core_parking', record: xenpf_core_parking }),
    op(constant('XENPF_resource_op', 61, { since: '4.6', doc: 'Read and write MSRs (x86).' }), { member: 'resource_op', record: xenpf_resource_op }),
    op(constant('XENPF_settime64', 62, { since: '4.6', doc: 'Set the wall clock (64-bit seconds).' }), { member: 'settime64', record: xenpf_settime64 }),
    op(constant('XENPF_get_symbol', 63, { since: '4.6', doc: 'Read one of Xen\'s symbols.' }), { member: 'symdata', record: xenpf_symdata }),
    op(constant('XENPF_get_dom0_console', 64, { since: '4.18', doc: 'Read the control domain\'s boot console.' }), { member: 'dom0_console', record: dom0_vga_console_info }),
    op(constant('XENPF_get_ucode_revision', 65, { since: '4.18', doc: 'Read a CPU\'s microcode revision (x86).' }), { member: 'ucode_revision', record: xenpf_ucode_revision }),
    op(constant('XENPF_microcode_update2', 66, { since: '4.20', doc: 'Load microcode, with flags (x86).' }), { member: 'microcode2', record: xenpf_microcode_update2 }),
  ],
});

export const XENPF_settime = constant('XENPF_settime', 62, {
  since: '4.6',
  legacyValue: { value: 17, belowInterfaceVersion: V4_6 },
  doc: 'The settime command of the caller\'s interface: XENPF_settime64 (XENPF_settime32 below interface 0x00040600).',
});

export default abiModule({
  name: 'platform',
  xenHeader: 'platform.h',
  xenGuard: '__XEN_PUBLIC_PLATFORM_H__',
  coverage: 'full',
  doc: 'Platform management for the hardware domain: time, MTRRs, microcode, EFI, firmware data, ACPI sleep and processor power, CPU and memory hotplug, MSRs, symbols.',
  items: [
    XENPF_INTERFACE_VERSION,
    xenpf_settime32,
    xenpf_settime32_t,
    xenpf_settime64,
    xenpf_settime64_t,
    xenpf_settime_t,
    xenpf_add_memtype,
    xenpf_del_memtype,
    xenpf_read_memtype,
    xenpf_microcode_update,
    QUIRK,
    xenpf_platform_quirk,
    XEN_EFI,
    xenpf_efi_time,
    xenpf_efi_guid,
    xenpf_efi_runtime_call,
    XEN_EFI_GET_TIME_SET_CLEARS_NS,
    XEN_EFI_GET_WAKEUP_TIME,
    XEN_EFI_SET_WAKEUP_TIME,
    XEN_EFI_VARIABLE,
    XEN_EFI_VARINFO_BOOT_SNAPSHOT,
    XEN_FW,
    XEN_FW_EFI,
    xenpf_efi_info,
    xenpf_firmware_info,
    xenpf_enter_acpi_sleep,
    XENPF_ACPI_SLEEP_EXTENDED,
    xenpf_change_freq,
    xenpf_getidletime,
    XEN_PROCESSOR_PM,
    XEN_PM,
    XEN_PX,
    XEN_CPPC,
    xen_power_register,
    xen_processor_csd,
    xen_processor_cx,
    xen_processor_flags,
    xen_processor_power,
    xen_pct_register,
    xen_processor_px,
    xen_psd_package,
    XEN_CPUPERF_SHARED_TYPE,
    xen_processor_performance,
    xen_processor_cppc,
    xenpf_set_processor_pminfo,
    XEN_PCPU_FLAGS,
    xenpf_pcpuinfo,
    xenpf_pcpu_version,
    xenpf_cpu_ol,
    xenpf_cpu_hotadd,
    xenpf_cpu_hotadd_t,
    xenpf_mem_hotadd,
    xenpf_mem_hotadd_t,
    XEN_CORE_PARKING,
    xenpf_core_parking,
    XEN_RESOURCE_OP_MSR,
    xenpf_resource_entry,
    xenpf_resource_op,
    xenpf_symdata,
    xenpf_dom0_console_t,
    xenpf_ucode_revision,
    XENPF_UCODE_FORCE,
    xenpf_microcode_update2,
    xen_platform_op,
    XENPF,
    XENPF_settime,
  ],
});
