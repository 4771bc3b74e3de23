/**
 * The hypervisor file system (Xen 4.14 on): a read-mostly tree of named entries in which Xen
 * publishes its own state (build configuration, runtime parameters) and lets privileged callers
 * change some of it. `__HYPERVISOR_hypfs_op` takes a sub-op (XEN_HYPFS_OP_*), a path and a
 * buffer; reading a directory fills the buffer with a chain of xen_hypfs_dirlistentry records,
 * reading anything else gives a xen_hypfs_direntry followed by the contents.
 */
import { abiModule, c_char, constant, field, flex, op, opSet, struct, u16, u32, u8, valueSet } from 'xenabi/dsl';

const since = '4.14';

export const XEN_HYPFS_VERSION = constant('XEN_HYPFS_VERSION', 1, { since, doc: 'The newest version of the interface; XEN_HYPFS_OP_get_version returns the version Xen speaks. Example: 1.' });
export const XEN_HYPFS_MAX_PATHLEN = constant('XEN_HYPFS_MAX_PATHLEN', 1024, { since, doc: 'The longest path the hypercall accepts, in bytes with its terminating NUL.' });

const XEN_HYPFS_TYPE = valueSet('XEN_HYPFS_TYPE', {
  since,
  field: 'xen_hypfs_direntry.type',
  doc: 'What an entry holds.',
  values: [
    constant('XEN_HYPFS_TYPE_DIR', 0, { since, doc: 'A directory: reading it lists its entries.' }),
    constant('XEN_HYPFS_TYPE_BLOB', 1, { since, doc: 'Bytes with no structure Xen promises.' }),
    constant('XEN_HYPFS_TYPE_STRING', 2, { since, doc: 'Text, NUL-terminated.' }),
    constant('XEN_HYPFS_TYPE_UINT', 3, { since, doc: 'An unsigned integer, of content_len bytes in the machine\'s byte order.' }),
    constant('XEN_HYPFS_TYPE_INT', 4, { since, doc: 'A signed integer, of content_len bytes in the machine\'s byte order.' }),
    constant('XEN_HYPFS_TYPE_BOOL', 5, { since, doc: 'A boolean, of content_len bytes: zero is false.' }),
  ],
});

const XEN_HYPFS_ENC = valueSet('XEN_HYPFS_ENC', {
  since,
  field: 'xen_hypfs_direntry.encoding',
  doc: 'How an entry\'s contents are encoded.',
  values: [
    constant('XEN_HYPFS_ENC_PLAIN', 0, { since, doc: 'As they are.' }),
    constant('XEN_HYPFS_ENC_GZIP', 1, { since, doc: 'Compressed with gzip (for large blobs such as the build configuration).' }),
  ],
});

export const xen_hypfs_direntry = struct('xen_hypfs_direntry', {
  since,
  doc: 'What Xen says of an entry: its kind, encoding and sizes. Reading an entry that is no directory returns this, then the contents.',
  fields: [
    field('type', u8, { doc: 'A XEN_HYPFS_TYPE_* value.' }),
    field('encoding', u8, { doc: 'A XEN_HYPFS_ENC_* value.' }),
    field('pad', u16, { doc: 'Zero on return.' }),
    field('content_len', u32, { doc: 'Bytes of the contents now.' }),
    field('max_write_len', u32, { doc: 'Most bytes a write may set; 0 for an entry that cannot be written.' }),
  ],
});

export const xen_hypfs_dirlistentry = struct('xen_hypfs_dirlistentry', {
  since,
  doc: 'One entry of a directory listing, as reading a directory returns them one after another.',
  fields: [
    field('e', xen_hypfs_direntry, { doc: 'The entry.' }),
    field('off_next', u16, { doc: 'Bytes from the start of this record to the next one; 0 on the last.' }),
    flex('name', c_char, { doc: 'The entry\'s name, NUL-terminated, maybe followed by padding up to the next record.' }),
  ],
  holes: [{ after: 'name', archs: ['x86_32', 'x86_64', 'arm32', 'arm64'], reason: 'the record is a multiple of its 4-byte alignment; the name starts at byte 14, inside that padding' }],
});

export const XEN_HYPFS_OP = opSet('XEN_HYPFS_OP', {
  since,
  doc: 'Sub-ops of __HYPERVISOR_hypfs_op. Each takes a path (with its length), and a buffer (with its length) where the op needs one.',
  ops: [
    op(constant('XEN_HYPFS_OP_get_version', 0, { since, doc: 'Return the version of the interface Xen speaks (XEN_HYPFS_VERSION); no path or buffer.' })),
    op(constant('XEN_HYPFS_OP_read', 1, { since, doc: 'Read an entry into the buffer: a xen_hypfs_direntry and the contents, or for a directory a chain of xen_hypfs_dirlistentry records.' }), { record: xen_hypfs_direntry }),
    op(constant('XEN_HYPFS_OP_write_contents', 2, { since, doc: 'Replace an entry\'s contents with the buffer.' })),
  ],
});

export default abiModule({
  name: 'hypfs',
  xenHeader: 'hypfs.h',
  xenGuard: '__XEN_PUBLIC_HYPFS_H__',
  coverage: 'full',
  doc: 'The hypervisor file system: its entry records, types, encodings and sub-ops.',
  items: [XEN_HYPFS_VERSION, XEN_HYPFS_MAX_PATHLEN, XEN_HYPFS_TYPE, XEN_HYPFS_ENC, xen_hypfs_direntry, xen_hypfs_dirlistentry, XEN_HYPFS_OP],
});
