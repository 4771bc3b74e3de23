/**
 * USB pass-through to paravirtual guests (pvUSB): the guest's front end submits USB request
 * blocks to a back end (Linux's usbback, QEMU's xen-usb) owning the real or emulated ports,
 * on the `usbif_urb` ring, with the data in granted pages; the back end reports device
 * connections and disconnections on the `usbif_conn` ring. Xen's pipe helper macros
 * (`usbif_pipein()` and friends) are code, not ABI, and are not declared; the pipe's fields
 * are, as masks and shifts.
 */
import { abiModule, array, constant, field, flag, flagSet, i32, inlineStruct, inlineUnion, pad, ring, ringEntries, struct, u16, u32, u8, valueSet } from 'xenabi/dsl';
import { grant_ref_t } from './grant_table.ts';
import { RING_IDX } from './ring.ts';

const USB_VER = valueSet('USB_VER', {
  since: '4.6',
  doc: "The USB version a virtual host controller speaks (Xen's enum usb_spec_version), as the xenstore key type says.",
  values: [
    constant('USB_VER_UNKNOWN', 0, { since: '4.6', doc: 'Not known.' }),
    constant('USB_VER_USB11', 1, { since: '4.6', doc: 'USB 1.1.' }),
    constant('USB_VER_USB20', 2, { since: '4.6', doc: 'USB 2.0.' }),
    constant('USB_VER_USB30', 3, { since: '4.6', doc: 'USB 3.0.' }),
  ],
});

const pipe = (name: string, value: number, doc: string, hex = true) => constant(name, value, { since: '4.6', ...(hex ? { spelling: 'hex' as const } : {}), doc });

const USBIF_PIPE = valueSet('USBIF_PIPE', {
  since: '4.6',
  field: 'usbif_urb_request.pipe',
  doc: "The fields of a request's pipe word: masks and shifts of the port, device, endpoint, direction and transfer type, and the unlink bit.",
  values: [
    pipe('USBIF_PIPE_PORT_MASK', 0x1f, 'The port, in bits 0-4.'),
    pipe('USBIF_PIPE_UNLINK', 0x20, 'Set to cancel the request named in u.unlink instead of submitting one.'),
    pipe('USBIF_PIPE_DIR', 0x80, 'Set for a transfer into the host (IN).'),
    pipe('USBIF_PIPE_DEV_MASK', 0x7f, 'The device address, after shifting by USBIF_PIPE_DEV_SHIFT.'),
    pipe('USBIF_PIPE_DEV_SHIFT', 8, 'Where the device address starts.', false),
    pipe('USBIF_PIPE_EP_MASK', 0xf, 'The endpoint, after shifting by USBIF_PIPE_EP_SHIFT.'),
    pipe('USBIF_PIPE_EP_SHIFT', 15, 'Where the endpoint starts.', false),
    pipe('USBIF_PIPE_TYPE_MASK', 0x3, 'The transfer type, after shifting by USBIF_PIPE_TYPE_SHIFT.'),
    pipe('USBIF_PIPE_TYPE_SHIFT', 30, 'Where the transfer type starts.', false),
  ],
});

const USBIF_PIPE_TYPE = valueSet('USBIF_PIPE_TYPE', {
  since: '4.6',
  doc: 'Transfer types, as the pipe word holds them.',
  values: [
    constant('USBIF_PIPE_TYPE_ISOC', 0, { since: '4.6', doc: 'Isochronous.' }),
    constant('USBIF_PIPE_TYPE_INT', 1, { since: '4.6', doc: 'Interrupt.' }),
    constant('USBIF_PIPE_TYPE_CTRL', 2, { since: '4.6', doc: 'Control.' }),
    constant('USBIF_PIPE_TYPE_BULK', 3, { since: '4.6', doc: 'Bulk.' }),
  ],
});

export const USBIF_MAX_SEGMENTS_PER_REQUEST = constant('USBIF_MAX_SEGMENTS_PER_REQUEST', 16, { since: '4.6', doc: 'Most granted data segments one request carries.' });
export const USBIF_MAX_PORTNR = constant('USBIF_MAX_PORTNR', 31, { since: '4.6', doc: 'Highest port number of a virtual host controller.' });
export const USBIF_RING_SIZE = constant('USBIF_RING_SIZE', 4096, { since: '4.8', doc: 'Bytes of each ring page.' });

export const usbif_request_segment = struct('usbif_request_segment', {
  since: '4.6',
  doc: 'A granted piece of a transfer\'s data.',
  fields: [
    field('gref', grant_ref_t, { doc: 'The grant of the page.' }),
    field('offset', u16, { doc: 'Where the data starts in the page.' }),
    field('length', u16, { doc: 'Bytes of data in the page.' }),
  ],
});

export const usbif_urb_request = struct('usbif_urb_request', {
  typedef: 'usbif_urb_request_t',
  since: '4.6',
  doc: 'A USB request block the front end submits, or the cancellation of one.',
  fields: [
    field('id', u16, { doc: 'The front end\'s tag; the response carries it back.' }),
    field('nr_buffer_segs', u16, { doc: 'Segments of seg that hold the data; the isochronous frame descriptors follow them.' }),
    field('pipe', u32, { doc: 'Port, device, endpoint, direction and type: see USBIF_PIPE_*.' }),
    field('transfer_flags', u16, { doc: 'USBIF_SHORT_NOT_OK or 0.' }),
    field('buffer_length', u16, { doc: 'Bytes of data to transfer.' }),
    field(
      'u',
      inlineUnion({
        doc: 'What the transfer type needs besides the data.',
        fields: [
          field('ctrl', array(u8, 8), { doc: 'A control transfer\'s setup packet.' }),
          field(
            'isoc',
            inlineStruct({
              fields: [
                field('interval', u16, { doc: 'The polling interval.' }),
                field('start_frame', u16, { doc: 'The frame to start at.' }),
                field('number_of_packets', u16, { doc: 'Packets in the transfer.' }),
                field('nr_frame_desc_segs', u16, { doc: 'Segments, after the data\'s, holding the frame descriptors.' }),
              ],
            }),
            { doc: 'An isochronous transfer.' },
          ),
          field('intr', inlineStruct({ fields: [field('interval', u16, { doc: 'The polling interval.' }), pad('pad', array(u16, 3), { doc: 'Zero.' })] }), { doc: 'An interrupt transfer.' }),
          field('unlink', inlineStruct({ fields: [field('unlink_id', u16, { doc: 'The id of the request to cancel.' }), pad('pad', array(u16, 3), { doc: 'Zero.' })] }), { doc: 'A cancellation (USBIF_PIPE_UNLINK set).' }),
        ],
      }),
      { doc: 'By transfer type.' },
    ),
    field('seg', array(usbif_request_segment, 16, USBIF_MAX_SEGMENTS_PER_REQUEST), { doc: 'The data\'s segments, then the frame descriptors\'.' }),
  ],
});

const USBIF_TRANSFER = flagSet('USBIF_TRANSFER', {
  since: '4.7',
  field: 'usbif_urb_request.transfer_flags',
  doc: 'Options of a transfer.',
  flags: [flag('USBIF_SHORT_NOT_OK', 0, { since: '4.7', spelling: 'hex', doc: 'A short read is an error.' })],
});

export const usbif_urb_response = struct('usbif_urb_response', {
  typedef: 'usbif_urb_response_t',
  since: '4.6',
  doc: 'How a request block ended.',
  fields: [
    field('id', u16, { doc: 'The id of the request answered.' }),
    field('start_frame', u16, { doc: 'The frame an isochronous transfer started at.' }),
    field('status', i32, { doc: '0, or a negative Linux errno; named USBIF_STATUS_* from 4.16.' }),
    field('actual_length', i32, { doc: 'Bytes transferred.' }),
    field('error_count', i32, { doc: 'Isochronous packets that failed.' }),
  ],
});

const USBIF_STATUS = valueSet('USBIF_STATUS', {
  since: '4.16',
  field: 'usbif_urb_response.status',
  doc: 'How a request block ended: 0 or a negative Linux errno.',
  values: [
    constant('USBIF_STATUS_OK', 0, { since: '4.16', doc: 'Done.' }),
    constant('USBIF_STATUS_NODEV', -19, { since: '4.16', doc: 'The device is gone.' }),
    constant('USBIF_STATUS_INVAL', -22, { since: '4.16', doc: 'The request is invalid.' }),
    constant('USBIF_STATUS_STALL', -32, { since: '4.16', doc: 'The endpoint stalled.' }),
    constant('USBIF_STATUS_IOERROR', -71, { since: '4.16', doc: 'A protocol error.' }),
    constant('USBIF_STATUS_BABBLE', -75, { since: '4.16', doc: 'The device sent more than asked.' }),
    constant('USBIF_STATUS_SHUTDOWN', -108, { since: '4.16', doc: 'The request was cancelled.' }),
  ],
});

export const [usbif_urb_sring_entry, usbif_urb_sring] = ring('usbif_urb', {
  index: RING_IDX,
  request: usbif_urb_request,
  response: usbif_urb_response,
  since: '4.6',
  doc: 'The request ring of pvUSB: the front end submits request blocks, the back end answers each.',
});

export const USB_URB_RING_SIZE = ringEntries('USB_URB_RING_SIZE', usbif_urb_sring, {
  since: '4.8',
  doc: 'Entries of the request ring on its page. Xen 4.6 and 4.7 defined it over the includer\'s PAGE_SIZE instead of USBIF_RING_SIZE.',
});

export const usbif_conn_request = struct('usbif_conn_request', {
  typedef: 'usbif_conn_request_t',
  since: '4.6',
  doc: 'An empty slot the front end offers for the next connection event.',
  fields: [field('id', u16, { doc: 'The front end\'s tag; the event carries it back.' })],
});

export const usbif_conn_response = struct('usbif_conn_response', {
  typedef: 'usbif_conn_response_t',
  since: '4.6',
  doc: 'A device connected to or disconnected from a port.',
  fields: [
    field('id', u16, { doc: 'The id of the slot used.' }),
    field('portnum', u8, { doc: 'The port.' }),
    field('speed', u8, { doc: 'A USBIF_SPEED_* value; USBIF_SPEED_NONE for a disconnection.' }),
  ],
});

const USBIF_SPEED = valueSet('USBIF_SPEED', {
  since: '4.6',
  field: 'usbif_conn_response.speed',
  doc: 'The speed of the device now on a port.',
  values: [
    constant('USBIF_SPEED_NONE', 0, { since: '4.6', doc: 'No device: it was disconnected.' }),
    constant('USBIF_SPEED_LOW', 1, { since: '4.6', doc: 'Low speed.' }),
    constant('USBIF_SPEED_FULL', 2, { since: '4.6', doc: 'Full speed.' }),
    constant('USBIF_SPEED_HIGH', 3, { since: '4.6', doc: 'High speed.' }),
  ],
});

export const [usbif_conn_sring_entry, usbif_conn_sring] = ring('usbif_conn', {
  index: RING_IDX,
  request: usbif_conn_request,
  response: usbif_conn_response,
  since: '4.6',
  doc: 'The connection ring of pvUSB: the front end offers slots, the back end reports port changes in them.',
});

export const USB_CONN_RING_SIZE = ringEntries('USB_CONN_RING_SIZE', usbif_conn_sring, {
  since: '4.8',
  doc: 'Entries of the connection ring on its page. Xen 4.6 and 4.7 defined it over the includer\'s PAGE_SIZE instead of USBIF_RING_SIZE.',
});

export default abiModule({
  name: 'usbif',
  xenHeader: 'io/usbif.h',
  xenGuard: '__XEN_PUBLIC_IO_USBIF_H__',
  coverage: 'full',
  doc: 'USB pass-through to PV guests: the request and connection rings, their records, and the pipe word\'s fields.',
  items: [
    USB_VER,
    USBIF_PIPE,
    USBIF_PIPE_TYPE,
    USBIF_MAX_SEGMENTS_PER_REQUEST,
    USBIF_MAX_PORTNR,
    USBIF_RING_SIZE,
    usbif_request_segment,
    usbif_urb_request,
    USBIF_TRANSFER,
    usbif_urb_response,
    USBIF_STATUS,
    usbif_urb_sring_entry,
    usbif_urb_sring,
    USB_URB_RING_SIZE,
    usbif_conn_request,
    usbif_conn_response,
    USBIF_SPEED,
    usbif_conn_sring_entry,
    usbif_conn_sring,
    USB_CONN_RING_SIZE,
  ],
});
