/**
 * The kexec hypercall (`__HYPERVISOR_kexec_op`, hardware domain): load a kernel for Xen to
 * jump to, either now (`KEXEC_TYPE_DEFAULT`) or when Xen crashes (`KEXEC_TYPE_CRASH`), and find
 * the machine ranges a crash dump needs. Each `KEXEC_CMD_*` command takes the record listed
 * with it.
 *
 * The segment-based load and unload (`KEXEC_CMD_kexec_load`, `_unload`, `_status` and their
 * records) are for guests of interface 0x00040400 or newer; older guests see the numbers and
 * names of the v1 commands under those names, which xenabi gives as the legacy values of the
 * two numbers and does not alias for the records.
 */
import { X86, abiModule, array, c_int, c_ulong, constant, field, handle, inlineUnion, op, opSet, pad, struct, u16, u32, u64, u8, valueSet } from 'xenabi/dsl';

const V4_4 = { min: '0x00040400' };

export const KEXEC_XEN_NO_PAGES = constant('KEXEC_XEN_NO_PAGES', 17, {
  since: '4.6',
  archs: [...X86],
  doc: 'x86: how many pages of an image xen_kexec_image.page_list names.',
});

export const KEXEC_TYPE = valueSet('KEXEC_TYPE', {
  since: '4.6',
  doc: 'The two images Xen holds.',
  values: [
    constant('KEXEC_TYPE_DEFAULT', 0, { since: '4.6', doc: 'The image KEXEC_CMD_kexec starts on request.' }),
    constant('KEXEC_TYPE_CRASH', 1, { since: '4.6', doc: 'The image Xen starts when it crashes, to take a dump.' }),
  ],
});

export const xen_kexec_image = struct('xen_kexec_image', {
  typedef: 'xen_kexec_image_t',
  since: '4.6',
  doc: 'An image loaded by the v1 commands: its pages, as Linux\'s kexec lays them out.',
  fields: [
    field('page_list', array(c_ulong, 17, KEXEC_XEN_NO_PAGES), { archs: [...X86], doc: 'x86: the machine addresses of the pages Xen\'s jump code needs.' }),
    field('indirection_page', c_ulong, { doc: 'The machine address of the first page of the image\'s indirection list. Example: 0x1f000000.' }),
    field('start_address', c_ulong, { doc: 'The machine address of the image\'s entry point. Example: 0x1f001000.' }),
  ],
});

export const xen_kexec_exec = struct('xen_kexec_exec', {
  typedef: 'xen_kexec_exec_t',
  since: '4.6',
  doc: 'KEXEC_CMD_kexec: start an image.',
  fields: [field('type', c_int, { doc: 'A KEXEC_TYPE_*. Example: 0 (KEXEC_TYPE_DEFAULT).' })],
});

export const xen_kexec_load_v1 = struct('xen_kexec_load_v1', {
  typedef: 'xen_kexec_load_v1_t',
  since: '4.6',
  doc: 'KEXEC_CMD_kexec_load_v1 and KEXEC_CMD_kexec_unload_v1: load or unload an image the old way, which Xen no longer accepts from guests of interface 0x00040400 or newer.',
  fields: [
    field('type', c_int, { doc: 'A KEXEC_TYPE_*. Example: 1 (KEXEC_TYPE_CRASH).' }),
    field('image', xen_kexec_image, { doc: 'The image.' }),
  ],
  holes: [{ after: 'type', archs: ['x86_64', 'arm64'], reason: 'image is 8-byte aligned' }],
});

export const KEXEC_RANGE_MA = valueSet('KEXEC_RANGE_MA', {
  since: '4.6',
  field: 'xen_kexec_range.range',
  doc: 'The machine ranges KEXEC_CMD_kexec_get_range describes.',
  values: [
    constant('KEXEC_RANGE_MA_CRASH', 0, { since: '4.6', doc: 'The memory set aside for the crash image.' }),
    constant('KEXEC_RANGE_MA_XEN', 1, { since: '4.6', doc: 'Xen itself.' }),
    constant('KEXEC_RANGE_MA_CPU', 2, { since: '4.6', doc: 'The crash note of physical CPU nr.' }),
    constant('KEXEC_RANGE_MA_XENHEAP', 3, { since: '4.6', doc: 'Xen\'s heap.' }),
    constant('KEXEC_RANGE_MA_BOOT_PARAM', 4, { since: '4.6', doc: 'Obsolete (ia64 boot parameters).' }),
    constant('KEXEC_RANGE_MA_EFI_MEMMAP', 5, { since: '4.6', doc: 'The EFI memory map.' }),
    constant('KEXEC_RANGE_MA_VMCOREINFO', 6, { since: '4.6', doc: 'The vmcoreinfo note a dump tool reads.' }),
  ],
});

export const xen_kexec_range = struct('xen_kexec_range', {
  typedef: 'xen_kexec_range_t',
  since: '4.6',
  doc: 'KEXEC_CMD_kexec_get_range: where one of the ranges a crash dump needs is.',
  fields: [
    field('range', c_int, { doc: 'IN: a KEXEC_RANGE_MA_*. Example: 0 (KEXEC_RANGE_MA_CRASH).' }),
    field('nr', c_int, { doc: 'IN: the physical CPU, for KEXEC_RANGE_MA_CPU. Example: 0.' }),
    field('size', c_ulong, { doc: 'OUT: the length in bytes. Example: 0x10000000.' }),
    field('start', c_ulong, { doc: 'OUT: the machine address. Example: 0x20000000.' }),
  ],
});

/** `XEN_GUEST_HANDLE(const_void)`: a handle to memory Xen only reads. */
const CONST_VOID_HANDLE = { kind: 'handle', width: 'native', target: 'void', pointee: 'void', const: true } as const;

export const xen_kexec_segment = struct('xen_kexec_segment', {
  typedef: 'xen_kexec_segment_t',
  since: '4.6',
  guestInterface: V4_4,
  doc: 'One piece of an image for KEXEC_CMD_kexec_load: bytes of the caller to copy to machine memory.',
  fields: [
    field(
      'buf',
      inlineUnion({
        doc: 'The bytes, as a handle widened to 64 bits.',
        fields: [field('h', CONST_VOID_HANDLE, { doc: 'The caller\'s buffer.' }), pad('_pad', u64, { doc: 'Widens the handle to 64 bits.' })],
      }),
      { doc: 'The caller\'s bytes.' },
    ),
    field('buf_size', u64, { doc: 'How many bytes the buffer holds. Example: 4096.' }),
    field('dest_maddr', u64, { doc: 'The machine address to copy them to. Example: 0x20000000.' }),
    field('dest_size', u64, { doc: 'The bytes at dest_maddr the piece covers; what the buffer does not fill is zeroed. Example: 8192.' }),
  ],
});

export const xen_kexec_load = struct('xen_kexec_load', {
  typedef: 'xen_kexec_load_t',
  since: '4.6',
  guestInterface: V4_4,
  doc: 'KEXEC_CMD_kexec_load: load an image as a list of segments.',
  fields: [
    field('type', u8, { doc: 'A KEXEC_TYPE_*. Example: 1 (KEXEC_TYPE_CRASH).' }),
    pad('_pad', u8, { doc: 'Zero.' }),
    field('arch', u16, { doc: 'The image\'s ELF machine (EM_X86_64 is 62). Example: 62.' }),
    field('nr_segments', u32, { doc: 'How many segments the list holds. Example: 4.' }),
    field(
      'segments',
      inlineUnion({
        doc: 'The segment list, as a handle widened to 64 bits.',
        fields: [field('h', handle('xen_kexec_segment_t'), { doc: 'The list.' }), pad('_pad', u64, { doc: 'Widens the handle to 64 bits.' })],
      }),
      { doc: 'The segments.' },
    ),
    field('entry_maddr', u64, { doc: 'The machine address of the image\'s entry point. Example: 0x20001000.' }),
  ],
  selectors: [{ union: 'segments', arms: [{ member: '_pad', otherwise: true }] }],
});

export const xen_kexec_unload = struct('xen_kexec_unload', {
  typedef: 'xen_kexec_unload_t',
  since: '4.6',
  guestInterface: V4_4,
  doc: 'KEXEC_CMD_kexec_unload: drop an image.',
  fields: [field('type', u8, { doc: 'A KEXEC_TYPE_*. Example: 1 (KEXEC_TYPE_CRASH).' })],
});

export const xen_kexec_status = struct('xen_kexec_status', {
  typedef: 'xen_kexec_status_t',
  since: '4.9',
  guestInterface: V4_4,
  doc: 'KEXEC_CMD_kexec_status: whether an image is loaded (Xen returns 1 or 0).',
  fields: [field('type', u8, { doc: 'A KEXEC_TYPE_*. Example: 1 (KEXEC_TYPE_CRASH).' })],
});

export const KEXEC_CMD = opSet('KEXEC_CMD', {
  since: '4.6',
  doc: 'Commands of the kexec hypercall, each with the record its argument points to.',
  ops: [
    op(constant('KEXEC_CMD_kexec', 0, { since: '4.6', doc: 'Start an image.' }), { record: xen_kexec_exec }),
    op(constant('KEXEC_CMD_kexec_load_v1', 1, { since: '4.6', doc: 'Load an image the old way (refused for guests of interface 0x00040400 or newer).' }), { record: xen_kexec_load_v1 }),
    op(constant('KEXEC_CMD_kexec_unload_v1', 2, { since: '4.6', doc: 'Unload an image the old way.' }), { record: xen_kexec_load_v1 }),
    op(constant('KEXEC_CMD_kexec_get_range', 3, { since: '4.6', doc: 'Find a machine range.' }), { record: xen_kexec_range }),
    op(constant('KEXEC_CMD_kexec_load', 4, { since: '4.6', legacyValue: { value: 1, belowInterfaceVersion: '0x00040400' }, doc: 'Load an image from segments.' }), { record: xen_kexec_load }),
    op(constant('KEXEC_CMD_kexec_unload', 5, { since: '4.6', legacyValue: { value: 2, belowInterfaceVersion: '0x00040400' }, doc: 'Unload an image.' }), { record: xen_kexec_unload }),
    op(constant('KEXEC_CMD_kexec_status', 6, { since: '4.9', guestInterface: V4_4, doc: 'Whether an image is loaded.' }), { record: xen_kexec_status }),
  ],
});

export default abiModule({
  name: 'kexec',
  xenHeader: 'kexec.h',
  xenGuard: '_XEN_PUBLIC_KEXEC_H',
  coverage: 'full',
  doc: 'Loading a kernel for Xen to start, now or when it crashes, and the ranges a crash dump needs.',
  items: [KEXEC_XEN_NO_PAGES, KEXEC_TYPE, xen_kexec_image, KEXEC_CMD, xen_kexec_exec, xen_kexec_load_v1, KEXEC_RANGE_MA, xen_kexec_range, xen_kexec_segment, xen_kexec_load, xen_kexec_unload, xen_kexec_status],
});
