/**
 * Grant tables: how a domain lets another domain use some of its memory. The granting
 * domain fills entries of a table it shares with Xen (version 1 or version 2 entries); the
 * grantee names an entry by its grant reference and asks Xen, through the `GNTTABOP_*`
 * sub-ops, to map it, copy through it or take over the page.
 *
 * Guests that pick an interface version older than 0x0003020a (every non-tools build that
 * sets none) see neither the version 2 entries nor the sub-ops added with them, and know
 * `grant_entry_v1` as `grant_entry`; tools builds always see everything. The layouts never
 * changed between 4.6 and 4.22; 4.10 made the `GNTTAB_CACHE_*` literals unsigned, 4.16
 * dropped `GNTMAP_can_fail` and added `GNTST_no_space`.
 */
import {
  X86,
  ARM,
  abiModule,
  array,
  constant,
  field,
  flag,
  flagSet,
  handle,
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
  i16,
  union,
  valueSet,
  xen_pfn_t,
} from 'xenabi/dsl';
import { domid_t } from './xen.ts';

/** Every architecture: the holes below do not depend on it, only their size does. */
const ALL = [...X86, ...ARM];

/** The version 2 items need a guest interface of at least Xen 3.2.10 (tools builds always have it). */
const V2 = { min: '0x0003020a' };

// ---- Grant references and version 1 entries ---------------------------------------------

export const grant_ref_t = typedef('grant_ref_t', u32, {
  since: '4.6',
  doc: 'A grant reference: the index of an entry in the granting domain\'s grant table. Example: 8, the first entry after the reserved ones.',
});

export const grant_entry_v1 = struct('grant_entry_v1', {
  typedef: 'grant_entry_v1_t',
  since: '4.6',
  legacyName: { name: 'grant_entry', typedef: 'grant_entry_t', belowInterfaceVersion: '0x0003020a' },
  doc: 'One entry of a version 1 grant table, written by the granting domain. Set `frame` and `domid` first and `flags` last, so Xen never sees a half-written entry.',
  fields: [
    field('flags', u16, { doc: 'The grant type (GTF_type values) and GTF_* flags; Xen sets the reading/writing bits while the grant is in use.' }),
    field('domid', domid_t, { doc: 'The domain allowed to use the grant.' }),
    field('frame', u32, {
      doc: 'For GTF_permit_access: the frame the grantee may map. For GTF_accept_transfer: the frame to put a transferred page in; once the transfer completed, Xen writes the new frame here (guests that are not translated).',
    }),
  ],
});

const GNTTAB_NR_RESERVED_ENTRIES = constant('GNTTAB_NR_RESERVED_ENTRIES', 8, {
  since: '4.6',
  doc: 'Entries at the start of the table that the toolstack may fill in before the guest runs and that are kept when the guest switches table version; guests allocate from this index on.',
});

const GNTTAB_RESERVED = valueSet('GNTTAB_RESERVED', {
  since: '4.6',
  doc: 'Reserved grant references the toolstack fills in when it builds a domain.',
  values: [
    constant('GNTTAB_RESERVED_CONSOLE', 0, { since: '4.6', doc: 'Grants the backend access to the console ring page.' }),
    constant('GNTTAB_RESERVED_XENSTORE', 1, { since: '4.6', doc: 'Grants xenstored access to the XenStore ring page.' }),
  ],
});

const GTF_type = valueSet('GTF_type', {
  since: '4.6',
  field: 'grant_entry_v1.flags',
  doc: 'The grant type, in the two low bits of an entry\'s flags (select them with GTF_type_mask).',
  values: [
    constant('GTF_invalid', 0, { since: '4.6', cType: 'unsigned int', doc: 'The entry grants nothing.' }),
    constant('GTF_permit_access', 1, {
      since: '4.6',
      cType: 'unsigned int',
      doc: 'The domain in `domid` may map or copy the frame.',
    }),
    constant('GTF_accept_transfer', 2, {
      since: '4.6',
      cType: 'unsigned int',
      doc: 'The domain in `domid` may hand a page over into this entry (GNTTABOP_transfer).',
    }),
    constant('GTF_transitive', 3, {
      since: '4.6',
      cType: 'unsigned int',
      doc: 'Version 2 only: the domain in `domid` may use a grant the granter itself received from a third domain.',
    }),
  ],
});

const GTF_type_mask = constant('GTF_type_mask', 3, {
  since: '4.6',
  cType: 'unsigned int',
  doc: 'Selects the grant type (a GTF_type value) from an entry\'s flags.',
});

const GTF = flagSet('GTF', {
  since: '4.6',
  field: 'grant_entry_v1.flags',
  doc: 'Flags of an access grant (GTF_permit_access or GTF_transitive); some are set by the granter, some by Xen.',
  flags: [
    flag('GTF_readonly', 2, { since: '4.6', bitConstant: '_GTF_readonly', doc: 'Set by the granter: the grantee may only read.' }),
    flag('GTF_reading', 3, { since: '4.6', bitConstant: '_GTF_reading', doc: 'Set by Xen while the grantee has the frame mapped or is copying from it.' }),
    flag('GTF_writing', 4, { since: '4.6', bitConstant: '_GTF_writing', doc: 'Set by Xen while the grantee has the frame mapped writable or is copying into it.' }),
    flag('GTF_PWT', 5, { since: '4.6', bitConstant: '_GTF_PWT', doc: 'x86 cache attribute for the grantee\'s mapping: the PWT page-table bit.' }),
    flag('GTF_PCD', 6, { since: '4.6', bitConstant: '_GTF_PCD', doc: 'x86 cache attribute for the grantee\'s mapping: the PCD page-table bit.' }),
    flag('GTF_PAT', 7, { since: '4.6', bitConstant: '_GTF_PAT', doc: 'x86 cache attribute for the grantee\'s mapping: the PAT page-table bit.' }),
    flag('GTF_sub_page', 8, {
      since: '4.6',
      bitConstant: '_GTF_sub_page',
      doc: 'Version 2 only: the grant covers part of a page (grant_entry_v2.sub_page); such grants can be copied but not mapped.',
    }),
  ],
});

const GTF_transfer = flagSet('GTF_transfer', {
  since: '4.6',
  field: 'grant_entry_v1.flags',
  doc: 'Flags Xen sets on a transfer grant (GTF_accept_transfer); they reuse bits that mean other things on access grants.',
  flags: [
    flag('GTF_transfer_committed', 2, {
      since: '4.6',
      bitConstant: '_GTF_transfer_committed',
      doc: 'A transfer into this entry has begun; the granter can no longer withdraw the grant.',
    }),
    flag('GTF_transfer_completed', 3, {
      since: '4.6',
      bitConstant: '_GTF_transfer_completed',
      doc: 'The page has arrived and `frame` names it.',
    }),
  ],
});

// ---- Version 2 entries -------------------------------------------------------------------

export const grant_entry_header = struct('grant_entry_header', {
  typedef: 'grant_entry_header_t',
  since: '4.6',
  guestInterface: V2,
  doc: 'The part every version 2 entry starts with: the same flags and domain as a version 1 entry. Status bits live in a separate status table in version 2.',
  fields: [
    field('flags', u16, { doc: 'The grant type (GTF_type values) and GTF_* flags set by the granter.' }),
    field('domid', domid_t, { doc: 'The domain allowed to use the grant.' }),
  ],
});

export const grant_entry_v2 = union('grant_entry_v2', {
  typedef: 'grant_entry_v2_t',
  since: '4.6',
  guestInterface: V2,
  doc: 'One entry of a version 2 grant table: a header and, chosen by the grant type and GTF_sub_page, the shape of the rest. Always 16 bytes.',
  fields: [
    field('hdr', grant_entry_header, { doc: 'The header alone, to read the grant type.' }),
    field(
      'full_page',
      inlineStruct({
        doc: 'A whole-page grant: GTF_accept_transfer, or GTF_permit_access without GTF_sub_page.',
        fields: [
          field('hdr', grant_entry_header, { doc: 'The header.' }),
          pad('pad0', u32, { doc: 'Unused.' }),
          field('frame', u64, { doc: 'The granted frame, with the meaning `frame` has in a version 1 entry.' }),
        ],
      }),
      { doc: 'For whole-page grants.' },
    ),
    field(
      'sub_page',
      inlineStruct({
        doc: 'A partial-page grant: GTF_permit_access with GTF_sub_page; the grantee may use bytes [page_off, page_off + length) of the frame.',
        fields: [
          field('hdr', grant_entry_header, { doc: 'The header.' }),
          field('page_off', u16, { doc: 'First granted byte within the frame.' }),
          field('length', u16, { doc: 'Number of granted bytes.' }),
          field('frame', u64, { doc: 'The frame the bytes are in.' }),
        ],
      }),
      { doc: 'For GTF_sub_page grants.' },
    ),
    field(
      'transitive',
      inlineStruct({
        doc: 'A transitive grant: the grantee may use grant `gref` of domain `trans_domid` as if it were the granter. Xen copies through such grants but does not map them.',
        fields: [
          field('hdr', grant_entry_header, { doc: 'The header.' }),
          field('trans_domid', domid_t, { doc: 'The domain that owns the original grant.' }),
          pad('pad0', u16, { doc: 'Unused.' }),
          field('gref', grant_ref_t, { doc: 'The original grant, in the table of `trans_domid`.' }),
        ],
      }),
      { doc: 'For GTF_transitive grants.' },
    ),
    field('__spacer', array(u32, 4), { doc: 'Makes every entry 16 bytes, a power of two.' }),
  ],
});

export const grant_status_t = typedef('grant_status_t', u16, {
  since: '4.6',
  guestInterface: V2,
  doc: 'One entry of the version 2 status table, which Xen keeps beside the grant table: the GTF_reading and GTF_writing bits of the grant with the same index.',
});

// ---- Sub-op arguments --------------------------------------------------------------------

export const grant_handle_t = typedef('grant_handle_t', u32, {
  since: '4.6',
  doc: 'Names one mapping made by GNTTABOP_map_grant_ref, so it can be unmapped later.',
});

export const gnttab_map_grant_ref = struct('gnttab_map_grant_ref', {
  typedef: 'gnttab_map_grant_ref_t',
  since: '4.6',
  doc: 'One mapping asked of GNTTABOP_map_grant_ref: map a grant of domain `dom` at a host address, for a device, or both. The sub-op takes an array of these.',
  fields: [
    field('host_addr', u64, { doc: 'IN: where to map for the CPU: a virtual address, or with GNTMAP_contains_pte the machine address of the page-table entry to write.' }),
    field('flags', u32, { doc: 'IN: GNTMAP_* flags.' }),
    field('ref', grant_ref_t, { doc: 'IN: the grant to map.' }),
    field('dom', domid_t, { doc: 'IN: the granting domain.' }),
    field('status', i16, { doc: 'OUT: GNTST_okay or a GNTST_* error.' }),
    field('handle', grant_handle_t, { doc: 'OUT: names the mapping for GNTTABOP_unmap_grant_ref.' }),
    field('dev_bus_addr', u64, { doc: 'OUT: with GNTMAP_device_map, the bus address a device reaches the frame at.' }),
  ],
});

export const gnttab_unmap_grant_ref = struct('gnttab_unmap_grant_ref', {
  typedef: 'gnttab_unmap_grant_ref_t',
  since: '4.6',
  doc: 'One mapping to tear down with GNTTABOP_unmap_grant_ref; the sub-op takes an array of these.',
  fields: [
    field('host_addr', u64, { doc: 'IN: the CPU address the grant was mapped at, or 0 to leave the CPU mapping alone.' }),
    field('dev_bus_addr', u64, { doc: 'IN: the device address it was mapped at, or 0 to leave the device mapping alone.' }),
    field('handle', grant_handle_t, { doc: 'IN: the handle GNTTABOP_map_grant_ref returned.' }),
    field('status', i16, { doc: 'OUT: GNTST_okay or a GNTST_* error.' }),
  ],
  holes: [{ after: 'status', archs: ALL, reason: 'tail padding to the 8-byte (x86_32: 4-byte) alignment of the addresses' }],
});

export const gnttab_setup_table = struct('gnttab_setup_table', {
  typedef: 'gnttab_setup_table_t',
  since: '4.6',
  doc: 'Arguments of GNTTABOP_setup_table: grow a domain\'s grant table to `nr_frames` frames and list the frames it occupies.',
  fields: [
    field('dom', domid_t, { doc: 'IN: the domain; DOMID_SELF unless the caller is privileged.' }),
    field('nr_frames', u32, { doc: 'IN: how many frames of the table the caller wants.' }),
    field('status', i16, { doc: 'OUT: GNTST_okay or a GNTST_* error.' }),
    field('frame_list', handle('xen_pfn_t'), {
      doc: 'OUT: an array of `nr_frames` entries Xen fills with the table\'s frames.',
      legacyType: { type: handle('ulong', 'unsigned long'), belowInterfaceVersion: '0x00040300' },
    }),
  ],
  holes: [
    { after: 'dom', archs: ALL, reason: 'nr_frames is a 4-byte count following a 2-byte domid' },
    { after: 'status', archs: ALL, reason: 'the guest handle is pointer-aligned (8 bytes except on x86_32)' },
  ],
});

export const gnttab_dump_table = struct('gnttab_dump_table', {
  typedef: 'gnttab_dump_table_t',
  since: '4.6',
  doc: 'Arguments of GNTTABOP_dump_table: print a domain\'s grant table on Xen\'s console, for debugging.',
  fields: [
    field('dom', domid_t, { doc: 'IN: the domain; DOMID_SELF unless the caller is privileged.' }),
    field('status', i16, { doc: 'OUT: GNTST_okay or a GNTST_* error.' }),
  ],
});

export const gnttab_transfer = struct('gnttab_transfer', {
  typedef: 'gnttab_transfer_t',
  since: '4.6',
  doc: 'One page to give away with GNTTABOP_transfer: the caller loses the page and the receiving domain gets it in the entry it prepared with GTF_accept_transfer. The sub-op takes an array of these.',
  fields: [
    field('mfn', xen_pfn_t, { doc: 'IN: the caller\'s frame to hand over.' }),
    field('domid', domid_t, { doc: 'IN: the receiving domain.' }),
    field('ref', grant_ref_t, { doc: 'IN: the receiver\'s transfer grant.' }),
    field('status', i16, { doc: 'OUT: GNTST_okay or a GNTST_* error.' }),
  ],
  holes: [
    { after: 'domid', archs: ALL, reason: 'ref is a 4-byte grant reference following a 2-byte domid' },
    { after: 'status', archs: ALL, reason: 'tail padding to the alignment of mfn' },
  ],
});

const GNTCOPY = flagSet('GNTCOPY', {
  since: '4.6',
  field: 'gnttab_copy.flags',
  doc: 'Which ends of a GNTTABOP_copy are named by a grant reference rather than a frame.',
  flags: [
    flag('GNTCOPY_source_gref', 0, {
      since: '4.6',
      cType: 'int',
      bitConstant: '_GNTCOPY_source_gref',
      doc: 'source.u holds a grant reference of source.domid, not a frame of the caller.',
    }),
    flag('GNTCOPY_dest_gref', 1, {
      since: '4.6',
      cType: 'int',
      bitConstant: '_GNTCOPY_dest_gref',
      doc: 'dest.u holds a grant reference of dest.domid, not a frame of the caller.',
    }),
  ],
});

export const gnttab_copy_ptr = struct('gnttab_copy_ptr', {
  since: '4.6',
  xenScope: 'gnttab_copy',
  doc: 'One end of a GNTTABOP_copy: a grant reference or a frame, a domain and a byte offset. Xen declares it inside gnttab_copy; the tag is still visible to the whole file.',
  fields: [
    field(
      'u',
      inlineUnion({
        doc: 'The page, chosen by the GNTCOPY_* flag of this end.',
        fields: [
          field('ref', grant_ref_t, { doc: 'With the GNTCOPY_*_gref flag: a grant of `domid`.' }),
          field('gmfn', xen_pfn_t, { doc: 'Without it: a frame of the caller (`domid` must then be the caller).' }),
        ],
      }),
      { doc: 'IN: the page.' },
    ),
    field('domid', domid_t, { doc: 'IN: the domain the page belongs to.' }),
    field('offset', u16, { doc: 'IN: first byte within the page.' }),
  ],
  holes: [{ after: 'offset', archs: ['x86_64', 'arm32', 'arm64'], reason: 'tail padding to the 8-byte alignment of a frame number (none on x86_32, where it is 4 bytes)' }],
});

export const gnttab_copy = struct('gnttab_copy', {
  typedef: 'gnttab_copy_t',
  since: '4.6',
  doc: 'One copy done by GNTTABOP_copy: `len` bytes from one page to another, either of which may be granted. A copy may not cross a page boundary. The sub-op takes an array of these.',
  fields: [
    field('source', gnttab_copy_ptr, { doc: 'IN: where to read.' }),
    field('dest', gnttab_copy_ptr, { doc: 'IN: where to write.' }),
    field('len', u16, { doc: 'IN: bytes to copy.' }),
    field('flags', u16, { doc: 'IN: GNTCOPY_* flags.' }),
    field('status', i16, { doc: 'OUT: GNTST_okay or a GNTST_* error.' }),
  ],
  holes: [{ after: 'status', archs: ALL, reason: 'tail padding to the alignment of the frame numbers in source and dest' }],
});

export const gnttab_query_size = struct('gnttab_query_size', {
  typedef: 'gnttab_query_size_t',
  since: '4.6',
  doc: 'Arguments of GNTTABOP_query_size: how many frames a domain\'s grant table has and may grow to.',
  fields: [
    field('dom', domid_t, { doc: 'IN: the domain; DOMID_SELF unless the caller is privileged.' }),
    field('nr_frames', u32, { doc: 'OUT: frames the table has now.' }),
    field('max_nr_frames', u32, { doc: 'OUT: frames the table may have at most.' }),
    field('status', i16, { doc: 'OUT: GNTST_okay or a GNTST_* error.' }),
  ],
  holes: [
    { after: 'dom', archs: ALL, reason: 'nr_frames is a 4-byte count following a 2-byte domid' },
    { after: 'status', archs: ALL, reason: 'tail padding to the 4-byte alignment of the counts' },
  ],
});

export const gnttab_unmap_and_replace = struct('gnttab_unmap_and_replace', {
  typedef: 'gnttab_unmap_and_replace_t',
  since: '4.6',
  doc: 'One mapping handled by GNTTABOP_unmap_and_replace: unmap the grant at `host_addr`, move the mapping found at `new_addr` there and clear `new_addr`. The sub-op takes an array of these.',
  fields: [
    field('host_addr', u64, { doc: 'IN: the CPU address the grant is mapped at.' }),
    field('new_addr', u64, { doc: 'IN: the address whose mapping takes its place; it is unmapped.' }),
    field('handle', grant_handle_t, { doc: 'IN: the handle GNTTABOP_map_grant_ref returned.' }),
    field('status', i16, { doc: 'OUT: GNTST_okay or a GNTST_* error.' }),
  ],
  holes: [{ after: 'status', archs: ALL, reason: 'tail padding to the 8-byte (x86_32: 4-byte) alignment of the addresses' }],
});

export const gnttab_set_version = struct('gnttab_set_version', {
  typedef: 'gnttab_set_version_t',
  since: '4.6',
  guestInterface: V2,
  doc: 'Arguments of GNTTABOP_set_version: switch the caller\'s grant table to version 1 or 2. Only allowed while no grant is in use; the reserved entries are carried over.',
  fields: [field('version', u32, { doc: 'IN: the version wanted, 1 or 2. OUT: the version in effect.' })],
});

export const gnttab_get_status_frames = struct('gnttab_get_status_frames', {
  typedef: 'gnttab_get_status_frames_t',
  since: '4.6',
  guestInterface: V2,
  doc: 'Arguments of GNTTABOP_get_status_frames: list the frames of a domain\'s version 2 status table (grant_status_t entries).',
  fields: [
    field('nr_frames', u32, { doc: 'IN: entries in `frame_list`.' }),
    field('dom', domid_t, { doc: 'IN: the domain; DOMID_SELF unless the caller is privileged.' }),
    field('status', i16, { doc: 'OUT: GNTST_okay or a GNTST_* error.' }),
    field('frame_list', handle('uint64_t'), { doc: 'OUT: an array Xen fills with the status table\'s frames.' }),
  ],
});

export const gnttab_get_version = struct('gnttab_get_version', {
  typedef: 'gnttab_get_version_t',
  since: '4.6',
  guestInterface: V2,
  doc: 'Arguments of GNTTABOP_get_version: which grant table version a domain uses.',
  fields: [
    field('dom', domid_t, { doc: 'IN: the domain; DOMID_SELF unless the caller is privileged.' }),
    pad('pad', u16, { doc: 'Zero.' }),
    field('version', u32, { doc: 'OUT: 1 or 2.' }),
  ],
});

export const gnttab_swap_grant_ref = struct('gnttab_swap_grant_ref', {
  typedef: 'gnttab_swap_grant_ref_t',
  since: '4.6',
  guestInterface: V2,
  doc: 'One pair for GNTTABOP_swap_grant_ref: exchange two entries of the caller\'s own table, neither of which may be in use. The sub-op takes an array of these.',
  fields: [
    field('ref_a', grant_ref_t, { doc: 'IN: one entry.' }),
    field('ref_b', grant_ref_t, { doc: 'IN: the other entry.' }),
    field('status', i16, { doc: 'OUT: GNTST_okay or a GNTST_* error.' }),
  ],
  holes: [{ after: 'status', archs: ALL, reason: 'tail padding to the 4-byte alignment of the references' }],
});

const GNTTAB_CACHE = flagSet('GNTTAB_CACHE', {
  since: '4.6',
  guestInterface: V2,
  field: 'gnttab_cache_flush.op',
  doc: 'Cache maintenance GNTTABOP_cache_flush performs. Xen 4.10 made the literals unsigned. GNTTAB_CACHE_SOURCE_GREF, bit 31, belongs here too but is declared on its own: before 4.10 its literal is the negative int (1 << 31).',
  flags: [
    flag('GNTTAB_CACHE_CLEAN', 0, {
      since: '4.6',
      cType: 'int',
      history: [{ since: '4.10', cType: 'unsigned int' }],
      doc: 'Write dirty cache lines of the range back to memory.',
    }),
    flag('GNTTAB_CACHE_INVAL', 1, {
      since: '4.6',
      cType: 'int',
      history: [{ since: '4.10', cType: 'unsigned int' }],
      doc: 'Discard the cache lines of the range.',
    }),
  ],
});

const GNTTAB_CACHE_SOURCE_GREF = constant('GNTTAB_CACHE_SOURCE_GREF', -2147483648, {
  since: '4.6',
  guestInterface: V2,
  cType: 'int',
  spelling: 'shift',
  history: [{ since: '4.10', value: 2147483648, cType: 'unsigned int' }],
  doc: 'Flag bit 31 of gnttab_cache_flush.op: `a` holds a grant reference rather than a bus address. Spelled (1 << 31) before 4.10, an int with the sign bit set, and (1u << 31) since: the same 32 bits.',
});

export const gnttab_cache_flush = struct('gnttab_cache_flush', {
  typedef: 'gnttab_cache_flush_t',
  since: '4.6',
  guestInterface: V2,
  doc: 'One range for GNTTABOP_cache_flush: clean or invalidate the data cache over part of a page the caller owns or was granted. The range may not cross a page boundary; the sub-op takes an array of these.',
  fields: [
    field(
      'a',
      inlineUnion({
        doc: 'The page, chosen by GNTTAB_CACHE_SOURCE_GREF in `op`.',
        fields: [
          field('dev_bus_addr', u64, { doc: 'Without GNTTAB_CACHE_SOURCE_GREF: the page\'s address as the caller\'s devices see it.' }),
          field('ref', grant_ref_t, { doc: 'With GNTTAB_CACHE_SOURCE_GREF: a grant to the caller.' }),
        ],
      }),
      { doc: 'IN: the page.' },
    ),
    field('offset', u16, { doc: 'IN: first byte of the range within the page.' }),
    field('length', u16, { doc: 'IN: bytes in the range.' }),
    field('op', u32, { doc: 'IN: GNTTAB_CACHE_* flags.' }),
  ],
  selectors: [
    {
      union: 'a',
      by: 'op',
      arms: [
        { member: 'ref', flag: 'GNTTAB_CACHE_SOURCE_GREF' },
        { member: 'dev_bus_addr', otherwise: true },
      ],
    },
  ],
});

const GNTTABOP = opSet('GNTTABOP', {
  since: '4.6',
  doc: 'Grant table sub-ops, each with the record its argument points to; most take an array of records and a count.',
  ops: [
    op(constant('GNTTABOP_map_grant_ref', 0, { since: '4.6', doc: 'Map grants into the caller\'s address space or for its devices.' }), {
      record: gnttab_map_grant_ref,
    }),
    op(constant('GNTTABOP_unmap_grant_ref', 1, { since: '4.6', doc: 'Remove mappings made by GNTTABOP_map_grant_ref.' }), {
      record: gnttab_unmap_grant_ref,
    }),
    op(constant('GNTTABOP_setup_table', 2, { since: '4.6', doc: 'Size a grant table and learn its frames (one record).' }), {
      record: gnttab_setup_table,
    }),
    op(constant('GNTTABOP_dump_table', 3, { since: '4.6', doc: 'Print a grant table on Xen\'s console (one record).' }), {
      record: gnttab_dump_table,
    }),
    op(constant('GNTTABOP_transfer', 4, { since: '4.6', doc: 'Give pages to other domains through their transfer grants.' }), {
      record: gnttab_transfer,
    }),
    op(constant('GNTTABOP_copy', 5, { since: '4.6', doc: 'Copy bytes between pages named by grant or by frame.' }), {
      record: gnttab_copy,
    }),
    op(constant('GNTTABOP_query_size', 6, { since: '4.6', doc: 'Ask how large a grant table is and may become (one record).' }), {
      record: gnttab_query_size,
    }),
    op(constant('GNTTABOP_unmap_and_replace', 7, { since: '4.6', doc: 'Unmap grants and put other mappings in their place.' }), {
      record: gnttab_unmap_and_replace,
    }),
    op(
      constant('GNTTABOP_set_version', 8, { since: '4.6', guestInterface: V2, doc: 'Choose grant table version 1 or 2 (one record).' }),
      { record: gnttab_set_version },
    ),
    op(
      constant('GNTTABOP_get_status_frames', 9, { since: '4.6', guestInterface: V2, doc: 'List the frames of the version 2 status table (one record).' }),
      { record: gnttab_get_status_frames },
    ),
    op(
      constant('GNTTABOP_get_version', 10, { since: '4.6', guestInterface: V2, doc: 'Ask which grant table version a domain uses (one record).' }),
      { record: gnttab_get_version },
    ),
    op(
      constant('GNTTABOP_swap_grant_ref', 11, { since: '4.6', guestInterface: V2, doc: 'Exchange pairs of unused grant entries.' }),
      { record: gnttab_swap_grant_ref },
    ),
    op(
      constant('GNTTABOP_cache_flush', 12, { since: '4.6', guestInterface: V2, doc: 'Clean or invalidate the data cache over granted or owned memory.' }),
      { record: gnttab_cache_flush },
    ),
  ],
});

// ---- Map flags and status codes ----------------------------------------------------------

const GNTMAP = flagSet('GNTMAP', {
  since: '4.6',
  field: 'gnttab_map_grant_ref.flags',
  doc: 'How GNTTABOP_map_grant_ref maps a grant (and, for unmapping, how it was mapped). Bits from _GNTMAP_guest_avail0 up are left to the guest.',
  flags: [
    flag('GNTMAP_device_map', 0, { since: '4.6', cType: 'int', bitConstant: '_GNTMAP_device_map', doc: 'Map the frame for the caller\'s devices (its IOMMU).' }),
    flag('GNTMAP_host_map', 1, { since: '4.6', cType: 'int', bitConstant: '_GNTMAP_host_map', doc: 'Map the frame for the caller\'s CPUs.' }),
    flag('GNTMAP_readonly', 2, { since: '4.6', cType: 'int', bitConstant: '_GNTMAP_readonly', doc: 'Map read-only.' }),
    flag('GNTMAP_application_map', 3, {
      since: '4.6',
      cType: 'int',
      bitConstant: '_GNTMAP_application_map',
      doc: 'With GNTMAP_host_map: user space may use the mapping too, not only the kernel.',
    }),
    flag('GNTMAP_contains_pte', 4, {
      since: '4.6',
      cType: 'int',
      bitConstant: '_GNTMAP_contains_pte',
      doc: 'With GNTMAP_host_map: host_addr is the machine address of a page-table entry to fill, not a virtual address.',
    }),
    flag('GNTMAP_can_fail', 5, {
      since: '4.6',
      until: '4.16',
      cType: 'int',
      bitConstant: '_GNTMAP_can_fail',
      doc: 'Meant to let a map fail while the page is paged out; Xen never implemented it and dropped it in 4.16 without an interface-version guard, a break of the stable ABI.',
    }),
  ],
});

const _GNTMAP_guest_avail0 = constant('_GNTMAP_guest_avail0', 16, {
  since: '4.6',
  doc: 'The lowest of the GNTMAP bits Xen leaves to the guest.',
});

const GNTMAP_guest_avail_mask = constant('GNTMAP_guest_avail_mask', 0xffff0000, {
  since: '4.6',
  cType: 'unsigned int',
  spelling: 'hex',
  doc: 'The GNTMAP bits Xen leaves to the guest: every bit from _GNTMAP_guest_avail0 up of a 32-bit word.',
});

const GNTST = valueSet('GNTST', {
  since: '4.6',
  field: 'gnttab_map_grant_ref.status',
  doc: 'The result in the `status` member of every sub-op record: GNTST_okay or a negative error.',
  values: [
    constant('GNTST_okay', 0, { since: '4.6', doc: 'Success.' }),
    constant('GNTST_general_error', -1, { since: '4.6', doc: 'Failed for a reason no other code describes.' }),
    constant('GNTST_bad_domain', -2, { since: '4.6', doc: 'No such domain, or the caller may not name it.' }),
    constant('GNTST_bad_gntref', -3, { since: '4.6', doc: 'The grant reference is out of range or the entry does not allow this use.' }),
    constant('GNTST_bad_handle', -4, { since: '4.6', doc: 'The mapping handle is unknown.' }),
    constant('GNTST_bad_virt_addr', -5, { since: '4.6', doc: 'The host address cannot be mapped or unmapped.' }),
    constant('GNTST_bad_dev_addr', -6, { since: '4.6', doc: 'The device address does not match the mapping.' }),
    constant('GNTST_no_device_space', -7, { since: '4.6', doc: 'The IOMMU has no room for another mapping.' }),
    constant('GNTST_permission_denied', -8, { since: '4.6', doc: 'The caller lacks the privilege, or the grant forbids the access.' }),
    constant('GNTST_bad_page', -9, { since: '4.6', doc: 'The page is not valid for this sub-op.' }),
    constant('GNTST_bad_copy_arg', -10, { since: '4.6', doc: 'A copy or cache range would cross a page boundary.' }),
    constant('GNTST_address_too_big', -11, { since: '4.6', doc: 'The receiver cannot address the transferred page.' }),
    constant('GNTST_eagain', -12, { since: '4.6', doc: 'Not done now (the page is paged out, for instance); try again.' }),
    constant('GNTST_no_space', -13, { since: '4.16', doc: 'Xen ran out of room for the request, such as mapping handles.' }),
  ],
});

export default abiModule({
  name: 'grant_table',
  xenHeader: 'grant_table.h',
  xenGuard: '__XEN_PUBLIC_GRANT_TABLE_H__',
  coverage: 'full',
  doc: 'Grant tables: version 1 and 2 entries, the GNTTABOP_* sub-ops and their arguments, map and copy flags, and status codes.',
  items: [
    grant_ref_t,
    grant_entry_v1,
    GNTTAB_NR_RESERVED_ENTRIES,
    GNTTAB_RESERVED,
    GTF_type,
    GTF_type_mask,
    GTF,
    GTF_transfer,
    grant_entry_header,
    grant_entry_v2,
    grant_status_t,
    GNTTABOP,
    grant_handle_t,
    gnttab_map_grant_ref,
    gnttab_unmap_grant_ref,
    gnttab_setup_table,
    gnttab_dump_table,
    gnttab_transfer,
    GNTCOPY,
    gnttab_copy_ptr,
    gnttab_copy,
    gnttab_query_size,
    gnttab_unmap_and_replace,
    gnttab_set_version,
    gnttab_get_status_frames,
    gnttab_get_version,
    gnttab_swap_grant_ref,
    GNTTAB_CACHE,
    GNTTAB_CACHE_SOURCE_GREF,
    gnttab_cache_flush,
    GNTMAP,
    _GNTMAP_guest_avail0,
    GNTMAP_guest_avail_mask,
    GNTST,
  ],
});
