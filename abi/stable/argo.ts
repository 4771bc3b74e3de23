/**
 * Argo: hypervisor-mediated message passing between domains. A receiver registers a ring
 * in its own memory under an (address, partner) identity; senders hand Xen a list of
 * buffers and Xen copies them into the ring. Covers the ring and message layouts, the
 * addressing records, the notify query and the `XEN_ARGO_OP_*` hypercall sub-ops.
 */
import {
  abiModule,
  array,
  constant,
  field,
  flag,
  flagSet,
  flex,
  gate,
  handle,
  op,
  opSet,
  pad,
  struct,
  typedef,
  u16,
  u32,
  u64,
  u8,
} from 'xenabi/dsl';
import { domid_t } from './xen.ts';

const XEN_ARGO_DOMID_ANY = constant('XEN_ARGO_DOMID_ANY', 0x7ff4, {
  since: '4.12',
  spelling: 'hex',
  cType: 'unsigned int',
  doc: 'Wildcard partner for a ring any domain may send to; the same number as DOMID_INVALID.',
  gates: [
    gate.boot('argo=mac-permissive=1', {
      since: '4.12',
      doc: 'Lets domains register wildcard rings; written together with the enable switch as argo=1,mac-permissive=1. Off by default, so registering a ring with this partner fails with EPERM.',
    }),
  ],
});

const XEN_ARGO_MAX_RING_SIZE = constant('XEN_ARGO_MAX_RING_SIZE', 0x1000000, {
  since: '4.12',
  spelling: 'hex',
  cType: 'unsigned long long',
  doc: 'Largest ring Xen accepts, in bytes (16 MiB).',
});

export const xen_argo_port_t = typedef('xen_argo_port_t', u32, {
  since: '4.12',
  doc: 'An Argo port: the per-domain number a ring is registered under. Unrelated to event channel ports.',
});

export const xen_argo_gfn_t = typedef('xen_argo_gfn_t', u64, {
  since: '4.12',
  doc: 'A guest frame number, 64 bits on every architecture; register_ring takes an array of them.',
});

const XEN_ARGO_MAXIOV = constant('XEN_ARGO_MAXIOV', 8, {
  since: '4.12',
  cType: 'unsigned int',
  doc: 'Most buffers one XEN_ARGO_OP_sendv may gather.',
});

export const xen_argo_iov = struct('xen_argo_iov', {
  typedef: 'xen_argo_iov_t',
  since: '4.12',
  doc: 'One buffer of a send: where the bytes are in the sender and how many there are.',
  fields: [
    field('iov_hnd', handle('uint8', 'uint8_t'), { doc: 'IN: the sender\'s buffer.' }),
    field('iov_len', u32, { doc: 'IN: bytes to take from the buffer.' }),
    pad('pad', u32, { doc: 'Zero.' }),
  ],
});

export const xen_argo_addr = struct('xen_argo_addr', {
  typedef: 'xen_argo_addr_t',
  since: '4.12',
  doc: 'An Argo address: a port in a domain.',
  fields: [
    field('aport', xen_argo_port_t, { doc: 'The port.' }),
    field('domain_id', domid_t, { doc: 'The domain.' }),
    pad('pad', u16, { doc: 'Zero.' }),
  ],
});

export const xen_argo_send_addr = struct('xen_argo_send_addr', {
  typedef: 'xen_argo_send_addr_t',
  since: '4.12',
  doc: 'The first argument of XEN_ARGO_OP_sendv: who sends and which ring receives.',
  fields: [
    field('src', xen_argo_addr, { doc: 'IN: the sending address; its domain must be the caller.' }),
    field('dst', xen_argo_addr, { doc: 'IN: the destination ring\'s address.' }),
  ],
});

export const xen_argo_ring = struct('xen_argo_ring', {
  typedef: 'xen_argo_ring_t',
  since: '4.12',
  doc: 'The head of a registered ring in the receiver\'s memory, followed by the message bytes.',
  fields: [
    field('rx_ptr', u32, { doc: 'Receiver-owned read offset into `ring`; access it atomically.' }),
    field('tx_ptr', u32, { doc: 'Xen-owned write offset into `ring`; access it atomically.' }),
    pad('reserved', array(u8, 56), { doc: 'Reserved; it also makes `ring` start on a message slot boundary.' }),
    flex('ring', u8, { doc: 'The message area: a sequence of xen_argo_ring_message_header, each padded to XEN_ARGO_MSG_SLOT_SIZE.' }),
  ],
});

export const xen_argo_register_ring = struct('xen_argo_register_ring', {
  typedef: 'xen_argo_register_ring_t',
  since: '4.12',
  doc: 'The first argument of XEN_ARGO_OP_register_ring: the identity and size of the ring.',
  fields: [
    field('aport', xen_argo_port_t, { doc: 'IN: the port to register the ring under.' }),
    field('partner_id', domid_t, { doc: 'IN: the one domain allowed to send, or XEN_ARGO_DOMID_ANY.' }),
    pad('pad', u16, { doc: 'Zero.' }),
    field('len', u32, { doc: 'IN: bytes in the message area, a multiple of XEN_ARGO_MSG_SLOT_SIZE; the xen_argo_ring header comes on top.' }),
  ],
});

export const xen_argo_unregister_ring = struct('xen_argo_unregister_ring', {
  typedef: 'xen_argo_unregister_ring_t',
  since: '4.12',
  doc: 'The first argument of XEN_ARGO_OP_unregister_ring: which ring to tear down.',
  fields: [
    field('aport', xen_argo_port_t, { doc: 'IN: the ring\'s port.' }),
    field('partner_id', domid_t, { doc: 'IN: the partner it was registered with.' }),
    pad('pad', u16, { doc: 'Zero.' }),
  ],
});

const XEN_ARGO_MSG_SLOT_SIZE = constant('XEN_ARGO_MSG_SLOT_SIZE', 0x10, {
  since: '4.12',
  spelling: 'hex',
  doc: 'Granule of the message area: every message is rounded up to a multiple of this many bytes.',
});

const XEN_ARGO_RING = flagSet('XEN_ARGO_RING', {
  since: '4.12',
  field: 'xen_argo_ring_data_ent.flags',
  doc: 'What XEN_ARGO_OP_notify found out about a ring.',
  flags: [
    flag('XEN_ARGO_RING_EXISTS', 0, { since: '4.12', doc: 'The ring is registered.' }),
    flag('XEN_ARGO_RING_SHARED', 1, { since: '4.12', doc: 'The ring accepts any sender (wildcard partner).' }),
    flag('XEN_ARGO_RING_EMPTY', 2, { since: '4.12', doc: 'The ring holds no messages.' }),
    flag('XEN_ARGO_RING_SUFFICIENT', 3, { since: '4.12', doc: 'There may be room for `space_required` bytes now.' }),
    flag('XEN_ARGO_RING_EMSGSIZE', 4, { since: '4.12', doc: '`space_required` can never fit in this ring.' }),
    flag('XEN_ARGO_RING_EBUSY', 5, { since: '4.12', doc: 'Too many domains already wait for space in this ring.' }),
  ],
});

export const xen_argo_ring_data_ent = struct('xen_argo_ring_data_ent', {
  typedef: 'xen_argo_ring_data_ent_t',
  since: '4.12',
  doc: 'One ring queried by XEN_ARGO_OP_notify.',
  fields: [
    field('ring', xen_argo_addr, { doc: 'IN: the ring to ask about, matched as a send would match it.' }),
    field('flags', u16, { doc: 'OUT: XEN_ARGO_RING_* flags.' }),
    pad('pad', u16, { doc: 'Zero.' }),
    field('space_required', u32, { doc: 'IN: payload bytes the caller wants to send; 0 asks for no space check. When space is short Xen signals later.' }),
    field('max_message_size', u32, { doc: 'OUT: the largest payload the ring can take.' }),
  ],
});

export const xen_argo_ring_data = struct('xen_argo_ring_data', {
  typedef: 'xen_argo_ring_data_t',
  since: '4.12',
  doc: 'The first argument of XEN_ARGO_OP_notify: a counted list of rings to query.',
  fields: [
    field('nent', u32, { doc: 'IN: entries in `data`.' }),
    pad('pad', u32, { doc: 'Zero.' }),
    flex('data', xen_argo_ring_data_ent, { doc: 'IN/OUT: one entry per ring.' }),
  ],
});

export const xen_argo_ring_message_header = struct('xen_argo_ring_message_header', {
  since: '4.12',
  doc: 'The header Xen writes in front of every message it places in a ring.',
  fields: [
    field('len', u32, { doc: 'Message length in bytes, this header included, before rounding to a slot.' }),
    field('source', xen_argo_addr, { doc: 'The sender\'s address.' }),
    field('message_type', u32, { doc: 'The 32-bit type the sender passed to XEN_ARGO_OP_sendv.' }),
    flex('data', u8, { doc: 'The payload.' }),
  ],
});

const XEN_ARGO_OP = opSet('XEN_ARGO_OP', {
  since: '4.12',
  doc: 'Argo hypercall sub-ops, each with the record its first argument points to.',
  ops: [
    op(
      constant('XEN_ARGO_OP_register_ring', 1, {
        since: '4.12',
        doc: 'Register, or re-register, a ring backed by an array of xen_argo_gfn_t; the last arguments are the frame count and XEN_ARGO_REGISTER_FLAG_* flags.',
      }),
      { record: xen_argo_register_ring },
    ),
    op(
      constant('XEN_ARGO_OP_unregister_ring', 2, { since: '4.12', doc: 'Remove a registered ring; the other arguments are null and zero.' }),
      { record: xen_argo_unregister_ring },
    ),
    op(
      constant('XEN_ARGO_OP_sendv', 3, {
        since: '4.12',
        doc: 'Send one message gathered from an array of xen_argo_iov; the last arguments are the buffer count and the message type. Fails with EAGAIN when the ring is full, and Xen signals once there is room.',
      }),
      { record: xen_argo_send_addr },
    ),
    op(
      constant('XEN_ARGO_OP_notify', 4, {
        since: '4.12',
        doc: 'Query rings and ask to be signalled when space appears; the record may be null.',
      }),
      { record: xen_argo_ring_data },
    ),
  ],
});

const XEN_ARGO_REGISTER_FLAGS = flagSet('XEN_ARGO_REGISTER_FLAG', {
  since: '4.12',
  doc: 'Flags of XEN_ARGO_OP_register_ring, passed in its fourth argument.',
  flags: [
    flag('XEN_ARGO_REGISTER_FLAG_FAIL_EXIST', 0, {
      since: '4.12',
      spelling: 'hex',
      doc: 'Refuse to replace a ring that is already registered (without it the new ring takes over, keeping tx_ptr when it still fits).',
    }),
  ],
});

export default abiModule({
  name: 'argo',
  xenHeader: 'argo.h',
  xenGuard: '__XEN_PUBLIC_ARGO_H__',
  coverage: 'full',
  doc: 'Argo inter-domain messaging: rings, addresses, send buffers, notify queries and the XEN_ARGO_OP_* sub-ops.',
  gates: [
    gate.build('CONFIG_ARGO', {
      since: '4.12',
      doc: 'Argo is compiled into Xen only with this option, which is off by default and offered only to expert (later: unsupported) configurations; without it the argo hypercall returns ENOSYS.',
    }),
    gate.boot('argo=1', {
      since: '4.12',
      doc: 'Even when compiled in, Argo stays off until Xen is booted with this option; without it every XEN_ARGO_OP_* fails with EOPNOTSUPP.',
    }),
  ],
  items: [
    XEN_ARGO_DOMID_ANY,
    XEN_ARGO_MAX_RING_SIZE,
    xen_argo_port_t,
    xen_argo_gfn_t,
    XEN_ARGO_MAXIOV,
    xen_argo_iov,
    xen_argo_addr,
    xen_argo_send_addr,
    xen_argo_ring,
    xen_argo_register_ring,
    xen_argo_unregister_ring,
    XEN_ARGO_MSG_SLOT_SIZE,
    XEN_ARGO_RING,
    xen_argo_ring_data_ent,
    xen_argo_ring_data,
    xen_argo_ring_message_header,
    XEN_ARGO_OP,
    XEN_ARGO_REGISTER_FLAGS,
  ],
});
