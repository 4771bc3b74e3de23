/**
 * The version hypercall (`__HYPERVISOR_xen_version`): which Xen runs, how it was built and
 * what it offers the guest. Each `XENVER_*` sub-op fills the buffer its argument points to;
 * the fixed-size text ops truncate, so from 4.20 each has a `*2` twin that takes a
 * length-prefixed buffer (`xen_varbuf`).
 */
import { abiModule, array, c_char, c_uchar, constant, field, flex, op, opSet, struct, typedef, u32, xen_ulong_t } from 'xenabi/dsl';
import './features.ts';

export const xen_extraversion_t = typedef('xen_extraversion_t', array(c_char, 16), {
  since: '4.6',
  doc: 'XENVER_extraversion: the text after major.minor, such as ".0" or "-rc", zero-terminated when it fits.',
});

export const XEN_EXTRAVERSION_LEN = constant('XEN_EXTRAVERSION_LEN', 16, {
  since: '4.6',
  cType: 'unsigned long',
  doc: 'The size of xen_extraversion_t; Xen computes it with sizeof, so its type is size_t.',
});

export const xen_compile_info = struct('xen_compile_info', {
  typedef: 'xen_compile_info_t',
  since: '4.6',
  doc: 'XENVER_compile_info: who built this Xen, with what, and when; each a zero-terminated string.',
  fields: [
    field('compiler', array(c_char, 64), { doc: 'The compiler and its version. Example: "gcc (Debian 12.2.0-14) 12.2.0".' }),
    field('compile_by', array(c_char, 16), { doc: 'The user who built it.' }),
    field('compile_domain', array(c_char, 32), { doc: 'The DNS domain of the build host.' }),
    field('compile_date', array(c_char, 32), { doc: 'The build date.' }),
  ],
});

export const xen_capabilities_info_t = typedef('xen_capabilities_info_t', array(c_char, 1024), {
  since: '4.6',
  doc: 'XENVER_capabilities: the guest types Xen can run, space-separated. Example: "xen-3.0-x86_64 hvm-3.0-x86_32 hvm-3.0-x86_64".',
});

export const XEN_CAPABILITIES_INFO_LEN = constant('XEN_CAPABILITIES_INFO_LEN', 1024, {
  since: '4.6',
  cType: 'unsigned long',
  doc: 'The size of xen_capabilities_info_t (a size_t).',
});

export const xen_changeset_info_t = typedef('xen_changeset_info_t', array(c_char, 64), {
  since: '4.6',
  doc: 'XENVER_changeset: the source revision Xen was built from.',
});

export const XEN_CHANGESET_INFO_LEN = constant('XEN_CHANGESET_INFO_LEN', 64, {
  since: '4.6',
  cType: 'unsigned long',
  doc: 'The size of xen_changeset_info_t (a size_t).',
});

export const xen_platform_parameters = struct('xen_platform_parameters', {
  typedef: 'xen_platform_parameters_t',
  since: '4.6',
  doc: 'XENVER_platform_parameters: where Xen starts in a PV guest address space. Useful to 32-bit x86 PV guests only; elsewhere Xen answers 0.',
  fields: [field('virt_start', xen_ulong_t, { doc: 'The lowest virtual address Xen occupies. Example: 0xf5800000 (x86_32 PAE).' })],
});

export const xen_feature_info = struct('xen_feature_info', {
  typedef: 'xen_feature_info_t',
  since: '4.6',
  doc: 'XENVER_get_features: one 32-bit submap of the XENFEAT_* bits.',
  fields: [
    field('submap_idx', u32, { doc: 'In: which submap to read, below XENFEAT_NR_SUBMAPS (Xen spelled it unsigned int, the same type, before 4.18). Example: 0.' }),
    field('submap', u32, { doc: 'Out: the bits of that submap. Example: 0x2705.' }),
  ],
});

export const xen_commandline_t = typedef('xen_commandline_t', array(c_char, 1024), {
  since: '4.6',
  doc: "XENVER_commandline: Xen's boot command line, truncated to fit.",
});

export const xen_build_id = struct('xen_build_id', {
  typedef: 'xen_build_id_t',
  since: '4.7',
  doc: "XENVER_build_id: the build id of Xen's binary, in a buffer the caller sizes. Kept for old callers; it has the layout of xen_varbuf.",
  fields: [
    field('len', u32, { doc: 'In: the bytes buf can take. Example: 20.' }),
    flex('buf', c_uchar, { doc: 'Out: the build id.' }),
  ],
});

export const xen_varbuf = struct('xen_varbuf', {
  typedef: 'xen_varbuf_t',
  since: '4.20',
  doc: 'A buffer of any length for the XENVER_*2 sub-ops: the caller says its size, Xen fills it and returns how many bytes it wrote (text comes without a terminating zero).',
  fields: [
    field('len', u32, { doc: 'In: the bytes buf can take. Example: 4096.' }),
    flex('buf', c_uchar, { doc: 'Out: the data.' }),
  ],
});

export const XENVER = opSet('XENVER', {
  since: '4.6',
  doc:
    'Sub-ops of the version hypercall, each with what its argument points to. They return 0 on success, except XENVER_version, XENVER_pagesize, ' +
    'XENVER_build_id and the *2 sub-ops, which return a value. A null argument to a *2 sub-op asks for the size it needs.',
  ops: [
    op(constant('XENVER_version', 0, { since: '4.6', doc: 'The version as major << 16 | minor; the argument is null. Example: 0x40011 (4.17).' })),
    op(constant('XENVER_extraversion', 1, { since: '4.6', doc: 'The extra version text into a xen_extraversion_t (truncated: prefer XENVER_extraversion2).' })),
    op(constant('XENVER_compile_info', 2, { since: '4.6', doc: 'Build details.' }), { record: xen_compile_info }),
    op(constant('XENVER_capabilities', 3, { since: '4.6', doc: 'The guest types Xen can run, into a xen_capabilities_info_t (truncated: prefer XENVER_capabilities2).' })),
    op(constant('XENVER_changeset', 4, { since: '4.6', doc: 'The source revision, into a xen_changeset_info_t (truncated: prefer XENVER_changeset2).' })),
    op(constant('XENVER_platform_parameters', 5, { since: '4.6', doc: 'Where Xen starts in a PV address space.' }), { record: xen_platform_parameters }),
    op(constant('XENVER_get_features', 6, { since: '4.6', doc: 'One submap of the XENFEAT_* feature bits.' }), { record: xen_feature_info }),
    op(constant('XENVER_pagesize', 7, { since: '4.6', doc: "The host's page size; the argument is null. Example: 4096." })),
    op(constant('XENVER_guest_handle', 8, { since: '4.6', doc: 'The handle (normally the UUID) the toolstack gave the domain, into a xen_domain_handle_t.' })),
    op(constant('XENVER_commandline', 9, { since: '4.6', doc: "Xen's command line, into a xen_commandline_t (truncated: prefer XENVER_commandline2)." })),
    op(constant('XENVER_build_id', 10, { since: '4.7', doc: "The build id of Xen's binary; returns its length." }), { record: xen_build_id }),
    op(constant('XENVER_extraversion2', 11, { since: '4.20', doc: 'The extra version text, whole.' }), { record: xen_varbuf }),
    op(constant('XENVER_capabilities2', 12, { since: '4.20', doc: 'The guest types Xen can run, whole.' }), { record: xen_varbuf }),
    op(constant('XENVER_changeset2', 13, { since: '4.20', doc: 'The source revision, whole.' }), { record: xen_varbuf }),
    op(constant('XENVER_commandline2', 14, { since: '4.20', doc: "Xen's command line, whole." }), { record: xen_varbuf }),
  ],
});

export default abiModule({
  name: 'version',
  xenHeader: 'version.h',
  xenGuard: '__XEN_PUBLIC_VERSION_H__',
  coverage: 'full',
  doc: 'Which Xen runs and what it offers: the version hypercall.',
  items: [
    XENVER,
    xen_extraversion_t,
    XEN_EXTRAVERSION_LEN,
    xen_compile_info,
    xen_capabilities_info_t,
    XEN_CAPABILITIES_INFO_LEN,
    xen_changeset_info_t,
    XEN_CHANGESET_INFO_LEN,
    xen_platform_parameters,
    xen_feature_info,
    xen_commandline_t,
    xen_build_id,
    xen_varbuf,
  ],
});
