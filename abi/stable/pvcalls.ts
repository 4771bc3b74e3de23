/**
 * PV Calls: a guest hands its POSIX socket calls (socket, connect, bind, listen, accept, poll,
 * release) to a back end in another domain, which makes them on its own network stack. The
 * calls travel as requests and responses on the `xen_pvcalls` command ring. Each connected or
 * accepted socket then gets a data channel of its own: an interface page (pvcalls_data_intf)
 * holding the indices of two byte rings and the grants of the 2^ring_order pages that hold
 * them, the `in` half for data to the guest and the `out` half for data from it. Xen's inline
 * functions that copy bytes in and out of those rings are code, not ABI, and are not declared.
 */
import { abiModule, array, c_uchar, constant, field, flex, i32, inlineUnion, pad, ptr, ring, struct, u32, u64, u8, valueSet, ARM } from 'xenabi/dsl';
import { grant_ref_t } from './grant_table.ts';
import { RING_IDX } from './ring.ts';

const WIDE = ['x86_64', ...ARM] as const;

export const pvcalls_data_intf = struct('pvcalls_data_intf', {
  since: '4.9',
  doc: 'The interface page of one socket\'s data channel: the indices of its two byte rings, each group on a 64-byte line of its own, and the grants of the pages that hold the rings.',
  fields: [
    field('in_cons', RING_IDX, { doc: 'How far the front end has read the in ring.' }),
    field('in_prod', RING_IDX, { doc: 'How far the back end has written the in ring.' }),
    field('in_error', RING_IDX, { doc: 'Set by the back end, as a negative errno, when receiving failed.' }),
    pad('pad1', array(u8, 52), { doc: 'Zero; keeps the out indices on their own cache line.' }),
    field('out_cons', RING_IDX, { doc: 'How far the back end has read the out ring.' }),
    field('out_prod', RING_IDX, { doc: 'How far the front end has written the out ring.' }),
    field('out_error', RING_IDX, { doc: 'Set by the back end, as a negative errno, when sending failed.' }),
    pad('pad2', array(u8, 52), { doc: 'Zero; keeps ring_order on its own cache line.' }),
    field('ring_order', RING_IDX, { doc: 'The rings take 2^ring_order pages, half each: the in ring first, then the out ring.' }),
    flex('ref', grant_ref_t, { doc: 'The grants of those pages, 2^ring_order of them.' }),
  ],
});

export const pvcalls_data = struct('pvcalls_data', {
  since: '4.9',
  doc: 'Where a mapped data channel\'s two rings are in the mapper\'s memory: local pointers, never shared.',
  fields: [
    field('in', ptr(c_uchar), { doc: 'The in ring: the first half of the mapped pages.' }),
    field('out', ptr(c_uchar), { doc: 'The out ring: the second half.' }),
  ],
});

const PVCALLS = valueSet('PVCALLS', {
  since: '4.9',
  field: 'xen_pvcalls_request.cmd',
  doc: 'The call a command-ring request makes; its response carries the same number.',
  values: [
    constant('PVCALLS_SOCKET', 0, { since: '4.9', doc: 'Create a socket (u.socket).' }),
    constant('PVCALLS_CONNECT', 1, { since: '4.9', doc: 'Connect a socket and set up its data channel (u.connect).' }),
    constant('PVCALLS_RELEASE', 2, { since: '4.9', doc: 'Close a socket (u.release).' }),
    constant('PVCALLS_BIND', 3, { since: '4.9', doc: 'Bind a socket to an address (u.bind).' }),
    constant('PVCALLS_LISTEN', 4, { since: '4.9', doc: 'Listen on a bound socket (u.listen).' }),
    constant('PVCALLS_ACCEPT', 5, { since: '4.9', doc: 'Accept a connection on a listening socket, with a data channel for it (u.accept).' }),
    constant('PVCALLS_POLL', 6, { since: '4.9', doc: 'Ask to be answered when a listening socket has a connection to accept (u.poll).' }),
  ],
});

const SCOPE = { xenScope: 'xen_pvcalls_request' } as const;
const tailHole = (after: string) => ({ after, archs: [...WIDE], until: '4.14' as const, reason: 'tail padding to the 8-byte alignment of id, until Xen named it pad (none on x86_32, where the record was 4 bytes shorter)' });

export const xen_pvcalls_socket = struct('xen_pvcalls_socket', {
  ...SCOPE,
  since: '4.9',
  doc: 'Arguments of PVCALLS_SOCKET, as socket(2) takes them.',
  fields: [
    field('id', u64, { doc: 'The front end\'s name for the new socket; later calls use it.' }),
    field('domain', u32, { doc: 'The address family (AF_INET).' }),
    field('type', u32, { doc: 'The socket type (SOCK_STREAM).' }),
    field('protocol', u32, { doc: 'The protocol (0).' }),
    pad('pad', array(u8, 4), { since: '4.14', doc: 'Zero. Before Xen 4.14 the record ended at protocol, 4 bytes shorter on x86_32.' }),
  ],
  holes: [tailHole('protocol')],
});

export const xen_pvcalls_connect = struct('xen_pvcalls_connect', {
  ...SCOPE,
  since: '4.9',
  doc: 'Arguments of PVCALLS_CONNECT: the peer, and the data channel the back end is to map.',
  fields: [
    field('id', u64, { doc: 'The socket.' }),
    field('addr', array(u8, 28), { doc: 'The peer\'s address, a struct sockaddr of len bytes.' }),
    field('len', u32, { doc: 'Bytes of addr in use.' }),
    field('flags', u32, { doc: 'Zero.' }),
    field('ref', grant_ref_t, { doc: 'The grant of the data channel\'s interface page.' }),
    field('evtchn', u32, { doc: 'The event channel of the data channel.' }),
    pad('pad', array(u8, 4), { since: '4.14', doc: 'Zero. Before Xen 4.14 the record ended at evtchn, 4 bytes shorter on x86_32.' }),
  ],
  holes: [tailHole('evtchn')],
});

export const xen_pvcalls_release = struct('xen_pvcalls_release', {
  ...SCOPE,
  since: '4.9',
  doc: 'Arguments of PVCALLS_RELEASE.',
  fields: [
    field('id', u64, { doc: 'The socket.' }),
    field('reuse', u8, { doc: 'Non-zero to keep the data channel\'s pages for the next socket instead of unmapping them.' }),
    pad('pad', array(u8, 7), { since: '4.14', doc: 'Zero. Before Xen 4.14 the record ended at reuse, 4 bytes shorter on x86_32.' }),
  ],
  holes: [
    tailHole('reuse'),
    { after: 'reuse', archs: ['x86_32'], until: '4.14', reason: 'tail padding to the 4-byte alignment of id on x86_32, until Xen named it pad' },
  ],
});

export const xen_pvcalls_bind = struct('xen_pvcalls_bind', {
  ...SCOPE,
  since: '4.9',
  doc: 'Arguments of PVCALLS_BIND.',
  fields: [
    field('id', u64, { doc: 'The socket.' }),
    field('addr', array(u8, 28), { doc: 'The local address, a struct sockaddr of len bytes.' }),
    field('len', u32, { doc: 'Bytes of addr in use.' }),
  ],
});

export const xen_pvcalls_listen = struct('xen_pvcalls_listen', {
  ...SCOPE,
  since: '4.9',
  doc: 'Arguments of PVCALLS_LISTEN.',
  fields: [
    field('id', u64, { doc: 'The socket.' }),
    field('backlog', u32, { doc: 'The longest queue of connections not yet accepted.' }),
    pad('pad', array(u8, 4), { since: '4.14', doc: 'Zero. Before Xen 4.14 the record ended at backlog, 4 bytes shorter on x86_32.' }),
  ],
  holes: [tailHole('backlog')],
});

export const xen_pvcalls_accept = struct('xen_pvcalls_accept', {
  ...SCOPE,
  since: '4.9',
  doc: 'Arguments of PVCALLS_ACCEPT: the listening socket, the new one and its data channel.',
  fields: [
    field('id', u64, { doc: 'The listening socket.' }),
    field('id_new', u64, { doc: 'The front end\'s name for the accepted socket.' }),
    field('ref', grant_ref_t, { doc: 'The grant of the new data channel\'s interface page.' }),
    field('evtchn', u32, { doc: 'The event channel of the new data channel.' }),
  ],
});

export const xen_pvcalls_poll = struct('xen_pvcalls_poll', {
  ...SCOPE,
  since: '4.9',
  doc: 'Arguments of PVCALLS_POLL.',
  fields: [field('id', u64, { doc: 'The listening socket.' })],
});

export const xen_pvcalls_dummy = struct('xen_pvcalls_dummy', {
  ...SCOPE,
  since: '4.9',
  doc: 'Sizes the request\'s argument union to 56 bytes on every architecture.',
  fields: [field('dummy', array(u8, 56), { doc: 'Unused.' })],
});

export const xen_pvcalls_request = struct('xen_pvcalls_request', {
  since: '4.9',
  doc: 'A call on the command ring: 64 bytes on every architecture.',
  fields: [
    field('req_id', u32, { doc: 'The front end\'s own tag; the response carries it back.' }),
    field('cmd', u32, { doc: 'A PVCALLS_* value: which member of u holds the arguments.' }),
    field(
      'u',
      inlineUnion({
        doc: 'The call\'s arguments.',
        fields: [
          field('socket', xen_pvcalls_socket, { doc: 'PVCALLS_SOCKET.' }),
          field('connect', xen_pvcalls_connect, { doc: 'PVCALLS_CONNECT.' }),
          field('release', xen_pvcalls_release, { doc: 'PVCALLS_RELEASE.' }),
          field('bind', xen_pvcalls_bind, { doc: 'PVCALLS_BIND.' }),
          field('listen', xen_pvcalls_listen, { doc: 'PVCALLS_LISTEN.' }),
          field('accept', xen_pvcalls_accept, { doc: 'PVCALLS_ACCEPT.' }),
          field('poll', xen_pvcalls_poll, { doc: 'PVCALLS_POLL.' }),
          field('dummy', xen_pvcalls_dummy, { doc: 'Fixes the union\'s size.' }),
        ],
      }),
      { doc: 'The arguments.' },
    ),
  ],
});

const RSCOPE = { xenScope: 'xen_pvcalls_response' } as const;
const answer = (call: string) =>
  struct(`_xen_pvcalls_${call}`, {
    ...RSCOPE,
    since: '4.9',
    doc: `What the response to a ${call} call names: the socket.`,
    fields: [field('id', u64, { doc: 'The socket the call was about.' })],
  });

export const _xen_pvcalls_socket = answer('socket');
export const _xen_pvcalls_connect = answer('connect');
export const _xen_pvcalls_release = answer('release');
export const _xen_pvcalls_bind = answer('bind');
export const _xen_pvcalls_listen = answer('listen');
export const _xen_pvcalls_accept = answer('accept');
export const _xen_pvcalls_poll = answer('poll');

export const _xen_pvcalls_dummy = struct('_xen_pvcalls_dummy', {
  ...RSCOPE,
  since: '4.9',
  doc: 'Sizes the response\'s union to 8 bytes.',
  fields: [field('dummy', array(u8, 8), { doc: 'Unused.' })],
});

export const xen_pvcalls_response = struct('xen_pvcalls_response', {
  since: '4.9',
  doc: 'The answer to a call, written by the back end into the request\'s ring slot.',
  fields: [
    field('req_id', u32, { doc: 'The req_id of the request answered.' }),
    field('cmd', u32, { doc: 'The cmd of the request answered.' }),
    field('ret', i32, { doc: 'The call\'s result: 0 or a non-negative value on success, a negative errno on failure.' }),
    field('pad', u32, { doc: 'Zero.' }),
    field(
      'u',
      inlineUnion({
        doc: 'Which socket the call was about.',
        fields: [
          field('socket', _xen_pvcalls_socket, { doc: 'PVCALLS_SOCKET.' }),
          field('connect', _xen_pvcalls_connect, { doc: 'PVCALLS_CONNECT.' }),
          field('release', _xen_pvcalls_release, { doc: 'PVCALLS_RELEASE.' }),
          field('bind', _xen_pvcalls_bind, { doc: 'PVCALLS_BIND.' }),
          field('listen', _xen_pvcalls_listen, { doc: 'PVCALLS_LISTEN.' }),
          field('accept', _xen_pvcalls_accept, { doc: 'PVCALLS_ACCEPT.' }),
          field('poll', _xen_pvcalls_poll, { doc: 'PVCALLS_POLL.' }),
          field('dummy', _xen_pvcalls_dummy, { doc: 'Fixes the union\'s size.' }),
        ],
      }),
      { doc: 'The socket.' },
    ),
  ],
});

export const [xen_pvcalls_sring_entry, xen_pvcalls_sring] = ring('xen_pvcalls', {
  index: RING_IDX,
  request: xen_pvcalls_request,
  response: xen_pvcalls_response,
  since: '4.9',
  doc: 'The PV Calls command ring: the front end queues calls, the back end answers each in its slot.',
});

export default abiModule({
  name: 'pvcalls',
  xenHeader: 'io/pvcalls.h',
  xenGuard: '__XEN_PUBLIC_IO_PVCALLS_H__',
  coverage: 'full',
  doc: 'PV Calls: socket calls on the xen_pvcalls command ring, and the interface page of each socket\'s data channel.',
  items: [
    pvcalls_data_intf,
    pvcalls_data,
    PVCALLS,
    xen_pvcalls_socket,
    xen_pvcalls_connect,
    xen_pvcalls_release,
    xen_pvcalls_bind,
    xen_pvcalls_listen,
    xen_pvcalls_accept,
    xen_pvcalls_poll,
    xen_pvcalls_dummy,
    xen_pvcalls_request,
    _xen_pvcalls_socket,
    _xen_pvcalls_connect,
    _xen_pvcalls_release,
    _xen_pvcalls_bind,
    _xen_pvcalls_listen,
    _xen_pvcalls_accept,
    _xen_pvcalls_poll,
    _xen_pvcalls_dummy,
    xen_pvcalls_response,
    xen_pvcalls_sring_entry,
    xen_pvcalls_sring,
  ],
});
