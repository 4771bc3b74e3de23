/**
 * The paravirtual network protocol: a front end in the guest sends packets to and receives
 * them from a back end in a driver domain (Linux's netback, QEMU's xen-net) over two rings,
 * `netif_tx` for the guest's transmissions and `netif_rx` for its receptions, each packet a
 * chain of granted page fragments, optionally preceded by extra-info slots (segmentation
 * offload, multicast filters, hashes). A third ring, `xen_netif_ctrl` (4.7 on), carries
 * control requests: hash configuration and grant mappings for the back end's use. Xen's
 * optional Toeplitz hash function (behind XEN_NETIF_DEFINE_TOEPLITZ) is code, not ABI, and is
 * not declared.
 */
import { abiModule, array, constant, field, flag, flagSet, i16, inlineStruct, inlineUnion, pad, ring, struct, u16, u32, u8, valueSet } from 'xenabi/dsl';
import { grant_ref_t } from './grant_table.ts';
import { RING_IDX } from './ring.ts';

export const XEN_NETIF_NR_SLOTS_MIN = constant('XEN_NETIF_NR_SLOTS_MIN', 18, {
  since: '4.6',
  doc: 'Fewest slots a back end must accept for one packet before it may treat the front end as broken.',
});

// ---- The control ring (4.7 on) ----

const XEN_NETIF_CTRL_HASH_TYPE = flagSet('XEN_NETIF_CTRL_HASH_TYPE', {
  since: '4.7',
  doc: 'Which packet headers a receive-side hash covers, as the control ring configures it and a hash extra-info slot reports it.',
  flags: [
    flag('XEN_NETIF_CTRL_HASH_TYPE_IPV4', 0, { since: '4.7', bitConstant: '_XEN_NETIF_CTRL_HASH_TYPE_IPV4', cType: 'int', doc: 'The IPv4 source and destination addresses.' }),
    flag('XEN_NETIF_CTRL_HASH_TYPE_IPV4_TCP', 1, { since: '4.7', bitConstant: '_XEN_NETIF_CTRL_HASH_TYPE_IPV4_TCP', cType: 'int', doc: 'The IPv4 addresses and the TCP ports.' }),
    flag('XEN_NETIF_CTRL_HASH_TYPE_IPV6', 2, { since: '4.7', bitConstant: '_XEN_NETIF_CTRL_HASH_TYPE_IPV6', cType: 'int', doc: 'The IPv6 source and destination addresses.' }),
    flag('XEN_NETIF_CTRL_HASH_TYPE_IPV6_TCP', 3, { since: '4.7', bitConstant: '_XEN_NETIF_CTRL_HASH_TYPE_IPV6_TCP', cType: 'int', doc: 'The IPv6 addresses and the TCP ports.' }),
  ],
});

const XEN_NETIF_CTRL_HASH_ALGORITHM = valueSet('XEN_NETIF_CTRL_HASH_ALGORITHM', {
  since: '4.7',
  doc: 'The hash function a back end computes over received packets.',
  values: [
    constant('XEN_NETIF_CTRL_HASH_ALGORITHM_NONE', 0, { since: '4.7', doc: 'No hashing.' }),
    constant('XEN_NETIF_CTRL_HASH_ALGORITHM_TOEPLITZ', 1, { since: '4.7', doc: 'The Toeplitz hash with the key the front end set.' }),
  ],
});

export const xen_netif_ctrl_request = struct('xen_netif_ctrl_request', {
  since: '4.7',
  doc: 'A control request from the front end.',
  fields: [
    field('id', u16, { doc: 'The front end\'s tag; the response carries it back.' }),
    field('type', u16, { doc: 'A XEN_NETIF_CTRL_TYPE_* value.' }),
    field('data', array(u32, 3), { doc: 'The request\'s arguments; what each means depends on type.' }),
  ],
});

const XEN_NETIF_CTRL_TYPE = valueSet('XEN_NETIF_CTRL_TYPE', {
  since: '4.7',
  field: 'xen_netif_ctrl_request.type',
  doc: 'What a control request asks for.',
  values: [
    constant('XEN_NETIF_CTRL_TYPE_INVALID', 0, { since: '4.7', doc: 'Never valid.' }),
    constant('XEN_NETIF_CTRL_TYPE_GET_HASH_FLAGS', 1, { since: '4.7', doc: 'Which XEN_NETIF_CTRL_HASH_TYPE_* the back end can hash over.' }),
    constant('XEN_NETIF_CTRL_TYPE_SET_HASH_FLAGS', 2, { since: '4.7', doc: 'Choose the XEN_NETIF_CTRL_HASH_TYPE_* to hash over.' }),
    constant('XEN_NETIF_CTRL_TYPE_SET_HASH_KEY', 3, { since: '4.7', doc: 'Set the hash key from a granted page.' }),
    constant('XEN_NETIF_CTRL_TYPE_GET_HASH_MAPPING_SIZE', 4, { since: '4.7', doc: 'The largest hash-to-queue mapping table the back end takes.' }),
    constant('XEN_NETIF_CTRL_TYPE_SET_HASH_MAPPING_SIZE', 5, { since: '4.7', doc: 'Set the size of the mapping table.' }),
    constant('XEN_NETIF_CTRL_TYPE_SET_HASH_MAPPING', 6, { since: '4.7', doc: 'Fill part of the mapping table from a granted page.' }),
    constant('XEN_NETIF_CTRL_TYPE_SET_HASH_ALGORITHM', 7, { since: '4.7', doc: 'Choose the XEN_NETIF_CTRL_HASH_ALGORITHM_*.' }),
    constant('XEN_NETIF_CTRL_TYPE_GET_GREF_MAPPING_SIZE', 8, { since: '4.10', doc: 'How many grants the back end can keep mapped for the front end.' }),
    constant('XEN_NETIF_CTRL_TYPE_ADD_GREF_MAPPING', 9, { since: '4.10', doc: 'Have the back end map the grants listed (as xen_netif_gref) in a granted page.' }),
    constant('XEN_NETIF_CTRL_TYPE_DEL_GREF_MAPPING', 10, { since: '4.10', doc: 'Have the back end unmap grants it mapped.' }),
  ],
});

export const xen_netif_ctrl_response = struct('xen_netif_ctrl_response', {
  since: '4.7',
  doc: 'The back end\'s answer to a control request.',
  fields: [
    field('id', u16, { doc: 'The id of the request answered.' }),
    field('type', u16, { doc: 'The type of the request answered.' }),
    field('status', u32, { doc: 'A XEN_NETIF_CTRL_STATUS_* value.' }),
    field('data', u32, { doc: 'A result, for the requests that return one.' }),
  ],
});

const XEN_NETIF_CTRL_STATUS = valueSet('XEN_NETIF_CTRL_STATUS', {
  since: '4.7',
  field: 'xen_netif_ctrl_response.status',
  doc: 'How a control request ended.',
  values: [
    constant('XEN_NETIF_CTRL_STATUS_SUCCESS', 0, { since: '4.7', doc: 'Done.' }),
    constant('XEN_NETIF_CTRL_STATUS_NOT_SUPPORTED', 1, { since: '4.7', doc: 'The back end does not offer the request.' }),
    constant('XEN_NETIF_CTRL_STATUS_INVALID_PARAMETER', 2, { since: '4.7', doc: 'An argument is out of range.' }),
    constant('XEN_NETIF_CTRL_STATUS_BUFFER_OVERFLOW', 3, { since: '4.7', doc: 'The data does not fit what the back end can hold.' }),
  ],
});

export const xen_netif_gref = struct('xen_netif_gref', {
  since: '4.10',
  doc: 'One grant the back end is asked to map or unmap, and how that went.',
  fields: [
    field('ref', grant_ref_t, { doc: 'The grant.' }),
    field('flags', u16, { doc: 'XEN_NETIF_CTRLF_GREF_* bits.' }),
    field('status', u16, { doc: 'The back end\'s result for this grant, as a GNTST_* value.' }),
  ],
});

const XEN_NETIF_CTRLF_GREF = flagSet('XEN_NETIF_CTRLF_GREF', {
  since: '4.10',
  field: 'xen_netif_gref.flags',
  doc: 'How the back end should map a grant.',
  flags: [flag('XEN_NETIF_CTRLF_GREF_readonly', 0, { since: '4.10', bitConstant: '_XEN_NETIF_CTRLF_GREF_readonly', doc: 'Read-only.' })],
});

export const [xen_netif_ctrl_sring_entry, xen_netif_ctrl_sring] = ring('xen_netif_ctrl', {
  index: RING_IDX,
  request: xen_netif_ctrl_request,
  response: xen_netif_ctrl_response,
  since: '4.7',
  doc: 'The network control ring: the front end configures the back end with control requests.',
});

// ---- Transmission ----

const NETTXF = flagSet('NETTXF', {
  since: '4.6',
  field: 'netif_tx_request.flags',
  doc: 'Properties of a transmitted fragment.',
  flags: [
    flag('NETTXF_csum_blank', 0, { since: '4.6', bitConstant: '_NETTXF_csum_blank', doc: 'The protocol checksum is still to be filled in.' }),
    flag('NETTXF_data_validated', 1, { since: '4.6', bitConstant: '_NETTXF_data_validated', doc: 'The protocol checksum is known to be right.' }),
    flag('NETTXF_more_data', 2, { since: '4.6', bitConstant: '_NETTXF_more_data', doc: 'Another fragment of the packet follows.' }),
    flag('NETTXF_extra_info', 3, { since: '4.6', bitConstant: '_NETTXF_extra_info', doc: 'An extra-info slot follows this request.' }),
  ],
});

export const XEN_NETIF_MAX_TX_SIZE = constant('XEN_NETIF_MAX_TX_SIZE', 0xffff, {
  since: '4.6',
  spelling: 'hex',
  doc: 'Largest packet a front end may transmit, in bytes: what netif_tx_request.size holds.',
});

export const netif_tx_request = struct('netif_tx_request', {
  typedef: 'netif_tx_request_t',
  since: '4.6',
  doc: 'A fragment the front end transmits; the first of a packet carries the whole packet\'s size.',
  fields: [
    field('gref', grant_ref_t, { doc: 'The grant of the page holding the fragment.' }),
    field('offset', u16, { doc: 'Where the fragment starts in the page.' }),
    field('flags', u16, { doc: 'NETTXF_* bits.' }),
    field('id', u16, { doc: 'The front end\'s tag; the response carries it back.' }),
    field('size', u16, { doc: 'Bytes of the packet (first fragment) or of this fragment (the others).' }),
  ],
});

const XEN_NETIF_EXTRA_TYPE = valueSet('XEN_NETIF_EXTRA_TYPE', {
  since: '4.6',
  field: 'netif_extra_info.type',
  doc: 'What an extra-info slot carries.',
  values: [
    constant('XEN_NETIF_EXTRA_TYPE_NONE', 0, { since: '4.6', doc: 'Never used.' }),
    constant('XEN_NETIF_EXTRA_TYPE_GSO', 1, { since: '4.6', doc: 'Segmentation offload: u.gso.' }),
    constant('XEN_NETIF_EXTRA_TYPE_MCAST_ADD', 2, { since: '4.6', doc: 'Add a multicast address to the filter: u.mcast.' }),
    constant('XEN_NETIF_EXTRA_TYPE_MCAST_DEL', 3, { since: '4.6', doc: 'Remove a multicast address: u.mcast.' }),
    constant('XEN_NETIF_EXTRA_TYPE_HASH', 4, { since: '4.7', doc: 'The packet\'s receive hash: u.hash.' }),
    constant('XEN_NETIF_EXTRA_TYPE_MAX', 4, { since: '4.6', history: [{ since: '4.7', value: 5 }], doc: 'One past the last type.' }),
  ],
});

const XEN_NETIF_EXTRA_FLAG = flagSet('XEN_NETIF_EXTRA_FLAG', {
  since: '4.6',
  field: 'netif_extra_info.flags',
  doc: 'Properties of an extra-info slot.',
  flags: [flag('XEN_NETIF_EXTRA_FLAG_MORE', 0, { since: '4.6', bitConstant: '_XEN_NETIF_EXTRA_FLAG_MORE', doc: 'Another extra-info slot follows.' })],
});

const XEN_NETIF_GSO_TYPE = valueSet('XEN_NETIF_GSO_TYPE', {
  since: '4.6',
  field: 'netif_extra_info.u.gso.type',
  doc: 'The protocol a packet to segment carries.',
  values: [
    constant('XEN_NETIF_GSO_TYPE_NONE', 0, { since: '4.6', doc: 'No segmentation.' }),
    constant('XEN_NETIF_GSO_TYPE_TCPV4', 1, { since: '4.6', doc: 'TCP over IPv4.' }),
    constant('XEN_NETIF_GSO_TYPE_TCPV6', 2, { since: '4.6', doc: 'TCP over IPv6.' }),
  ],
});

export const netif_extra_info = struct('netif_extra_info', {
  typedef: 'netif_extra_info_t',
  since: '4.6',
  doc: 'An extra-info slot: a ring entry after a request or response flagged extra_info, carrying what does not fit a fragment.',
  fields: [
    field('type', u8, { doc: 'A XEN_NETIF_EXTRA_TYPE_* value.' }),
    field('flags', u8, { doc: 'XEN_NETIF_EXTRA_FLAG_* bits.' }),
    field(
      'u',
      inlineUnion({
        doc: 'The slot\'s content, by type.',
        fields: [
          field(
            'gso',
            inlineStruct({
              fields: [
                field('size', u16, { doc: 'Largest payload of one segment (the TCP MSS).' }),
                field('type', u8, { doc: 'A XEN_NETIF_GSO_TYPE_* value.' }),
                pad('pad', u8, { doc: 'Zero; keeps features aligned.' }),
                field('features', u16, { doc: 'Extra segmentation features asked for; none are defined.' }),
              ],
            }),
            { doc: 'XEN_NETIF_EXTRA_TYPE_GSO.' },
          ),
          field('mcast', inlineStruct({ fields: [field('addr', array(u8, 6), { doc: 'The Ethernet multicast address.' })] }), { doc: 'XEN_NETIF_EXTRA_TYPE_MCAST_ADD and _DEL.' }),
          field(
            'hash',
            inlineStruct({
              fields: [
                field('type', u8, { doc: 'The XEN_NETIF_CTRL_HASH_TYPE_* bit number the hash covered.' }),
                field('algorithm', u8, { doc: 'A XEN_NETIF_CTRL_HASH_ALGORITHM_* value.' }),
                field('value', array(u8, 4), { doc: 'The hash, little-endian.' }),
              ],
            }),
            { since: '4.7', doc: 'XEN_NETIF_EXTRA_TYPE_HASH.' },
          ),
          pad('pad', array(u16, 3), { doc: 'Gives the union its six bytes.' }),
        ],
      }),
      { doc: 'The content.' },
    ),
  ],
});

export const netif_tx_response = struct('netif_tx_response', {
  typedef: 'netif_tx_response_t',
  since: '4.6',
  doc: 'The back end\'s answer to one transmitted fragment.',
  fields: [
    field('id', u16, { doc: 'The id of the request answered.' }),
    field('status', i16, { doc: 'A NETIF_RSP_* value.' }),
  ],
});

// ---- Reception ----

export const netif_rx_request = struct('netif_rx_request', {
  typedef: 'netif_rx_request_t',
  since: '4.6',
  doc: 'An empty buffer the front end offers for a received packet.',
  fields: [
    field('id', u16, { doc: 'The front end\'s tag; the response carries it back.' }),
    pad('pad', u16, { doc: 'Zero.' }),
    field('gref', grant_ref_t, { doc: 'The grant of the page to receive into.' }),
  ],
});

const NETRXF = flagSet('NETRXF', {
  since: '4.6',
  field: 'netif_rx_response.flags',
  doc: 'Properties of a received fragment.',
  flags: [
    flag('NETRXF_data_validated', 0, { since: '4.6', bitConstant: '_NETRXF_data_validated', doc: 'The protocol checksum was checked and is right.' }),
    flag('NETRXF_csum_blank', 1, { since: '4.6', bitConstant: '_NETRXF_csum_blank', doc: 'The protocol checksum was never filled in.' }),
    flag('NETRXF_more_data', 2, { since: '4.6', bitConstant: '_NETRXF_more_data', doc: 'Another fragment of the packet follows.' }),
    flag('NETRXF_extra_info', 3, { since: '4.6', bitConstant: '_NETRXF_extra_info', doc: 'An extra-info slot follows this response.' }),
    flag('NETRXF_gso_prefix', 4, { since: '4.7', bitConstant: '_NETRXF_gso_prefix', doc: 'This slot holds segmentation information, not data.' }),
  ],
});

export const netif_rx_response = struct('netif_rx_response', {
  typedef: 'netif_rx_response_t',
  since: '4.6',
  doc: 'A received fragment, in the buffer of the request with the same id.',
  fields: [
    field('id', u16, { doc: 'The id of the buffer\'s request.' }),
    field('offset', u16, { doc: 'Where the data starts in the page.' }),
    field('flags', u16, { doc: 'NETRXF_* bits.' }),
    field('status', i16, { doc: 'Bytes received when positive, else a NETIF_RSP_* value.' }),
  ],
});

export const [netif_tx_sring_entry, netif_tx_sring] = ring('netif_tx', {
  index: RING_IDX,
  request: netif_tx_request,
  response: netif_tx_response,
  since: '4.6',
  doc: 'The transmit ring: the front end queues packet fragments, the back end answers each.',
});

export const [netif_rx_sring_entry, netif_rx_sring] = ring('netif_rx', {
  index: RING_IDX,
  request: netif_rx_request,
  response: netif_rx_response,
  since: '4.6',
  doc: 'The receive ring: the front end offers buffers, the back end fills them with received packets.',
});

const NETIF_RSP = valueSet('NETIF_RSP', {
  since: '4.6',
  doc: 'How a transmission ended (netif_tx_response.status), or why a reception failed (netif_rx_response.status).',
  values: [
    constant('NETIF_RSP_DROPPED', -2, { since: '4.6', doc: 'The packet was dropped.' }),
    constant('NETIF_RSP_ERROR', -1, { since: '4.6', doc: 'The request failed.' }),
    constant('NETIF_RSP_OKAY', 0, { since: '4.6', doc: 'Done.' }),
    constant('NETIF_RSP_NULL', 1, { since: '4.6', doc: 'An extra-info slot\'s response: nothing to report.' }),
  ],
});

export default abiModule({
  name: 'netif',
  xenHeader: 'io/netif.h',
  xenGuard: '__XEN_PUBLIC_IO_NETIF_H__',
  coverage: 'full',
  doc: 'The paravirtual network protocol: the transmit, receive and control rings, their requests and responses, and extra-info slots.',
  items: [
    XEN_NETIF_NR_SLOTS_MIN,
    XEN_NETIF_CTRL_HASH_TYPE,
    XEN_NETIF_CTRL_HASH_ALGORITHM,
    xen_netif_ctrl_request,
    XEN_NETIF_CTRL_TYPE,
    xen_netif_ctrl_response,
    XEN_NETIF_CTRL_STATUS,
    xen_netif_gref,
    XEN_NETIF_CTRLF_GREF,
    xen_netif_ctrl_sring_entry,
    xen_netif_ctrl_sring,
    NETTXF,
    XEN_NETIF_MAX_TX_SIZE,
    netif_tx_request,
    XEN_NETIF_EXTRA_TYPE,
    XEN_NETIF_EXTRA_FLAG,
    XEN_NETIF_GSO_TYPE,
    netif_extra_info,
    netif_tx_response,
    netif_rx_request,
    NETRXF,
    netif_rx_response,
    netif_tx_sring_entry,
    netif_tx_sring,
    netif_rx_sring_entry,
    netif_rx_sring,
    NETIF_RSP,
  ],
});
