/**
 * The paravirtual display: a guest's front end shows frames on the displays (connectors) a
 * back end offers, one command ring and one event page per connector. Commands travel on the
 * `xen_displif` ring: create and destroy display buffers (over pages the front end grants,
 * listed in chains of page-directory pages, or pages the back end supplies), attach a frame
 * buffer to a display buffer and detach it, set a connector's mode, flip to another frame
 * buffer, and (protocol version 2, since 4.15) read the connector's EDID. The back end reports
 * finished page flips on the event page: a head with two indices, then 64-byte events. The
 * xenstore key names, the driver name and the protocol version are string constants.
 * Since 4.9; 4.11 added the unique-id key; 4.15 protocol version 2, the EDID request and the
 * offset of the data in a display buffer; 4.19 declared the grant array of a page-directory
 * page flexible (it had one element). Not declared yet: the function-like macros that find an
 * event on the page.
 */
import { abiModule, ARM, array, constant, field, flag, flagSet, i32, inlineUnion, ring, stringConstant, struct, u16, u32, u64, u8, valueSet } from 'xenabi/dsl';
import { grant_ref_t } from './grant_table.ts';
import { eventPage, eventPageConstants, eventRecord, responseHead } from './shapes/messages.ts';
import { pageDirectory } from './shapes/page-directory.ts';
import { RING_IDX } from './ring.ts';

const str = (name: string, text: string, doc: string) => stringConstant(name, text, { since: '4.9', doc });

export const XENDISPL_PROTOCOL_VERSION = stringConstant('XENDISPL_PROTOCOL_VERSION', '1', {
  since: '4.9',
  history: [{ since: '4.15', value: '2' }],
  doc: 'The version of the display protocol these declarations describe, as a front end writes it in its `version` key: `1` until 4.14, `2` from 4.15.',
});
export const XENDISPL_PROTOCOL_VERSION_INT = constant('XENDISPL_PROTOCOL_VERSION_INT', 2, {
  since: '4.15',
  doc: 'XENDISPL_PROTOCOL_VERSION as an integer, for comparing versions.',
});

const XENDISPL_OP = valueSet('XENDISPL_OP', {
  since: '4.9',
  field: 'xendispl_req.operation',
  doc: 'What a request asks of the back end.',
  values: [
    constant('XENDISPL_OP_DBUF_CREATE', 0x10, { since: '4.9', spelling: 'hex', doc: 'Create a display buffer (req.op.dbuf_create).' }),
    constant('XENDISPL_OP_DBUF_DESTROY', 0x11, { since: '4.9', spelling: 'hex', doc: 'Destroy a display buffer (req.op.dbuf_destroy).' }),
    constant('XENDISPL_OP_FB_ATTACH', 0x12, { since: '4.9', spelling: 'hex', doc: 'Make a frame buffer of a display buffer (req.op.fb_attach).' }),
    constant('XENDISPL_OP_FB_DETACH', 0x13, { since: '4.9', spelling: 'hex', doc: 'Forget a frame buffer (req.op.fb_detach).' }),
    constant('XENDISPL_OP_SET_CONFIG', 0x14, { since: '4.9', spelling: 'hex', doc: 'Set the connector\'s mode and the frame buffer it shows, or turn it off (req.op.set_config).' }),
    constant('XENDISPL_OP_PG_FLIP', 0x15, { since: '4.9', spelling: 'hex', doc: 'Show another frame buffer (req.op.pg_flip); a XENDISPL_EVT_PG_FLIP event says when it is shown.' }),
    constant('XENDISPL_OP_GET_EDID', 0x16, { since: '4.15', spelling: 'hex', doc: 'Copy the connector\'s EDID into granted pages (req.op.get_edid, resp.op.get_edid); protocol version 2.' }),
  ],
});

const XENDISPL_EVT = valueSet('XENDISPL_EVT', {
  since: '4.9',
  field: 'xendispl_evt.type',
  doc: 'What an event on the event page reports.',
  values: [constant('XENDISPL_EVT_PG_FLIP', 0x00, { since: '4.9', spelling: 'hex', doc: 'A page flip finished (evt.op.pg_flip).' })],
});

// ---- Xenstore names ---------------------------------------------------------------------------
// A display's front end directory is `device/vdispl/<n>` under the guest's home path, with one
// subdirectory per connector; its back end's is the matching `backend/vdispl/<guest>/<n>`.

export const XENDISPL_DRIVER_NAME = str('XENDISPL_DRIVER_NAME', 'vdispl', 'The device type: the directory name displays are listed under in xenstore.');
export const XENDISPL_LIST_SEPARATOR = str('XENDISPL_LIST_SEPARATOR', ',', 'Separates the items of a list value (the versions).');
export const XENDISPL_RESOLUTION_SEPARATOR = str('XENDISPL_RESOLUTION_SEPARATOR', 'x', 'Separates width from height in a resolution (`1920x1080`).');
export const XENDISPL_FIELD_BE_VERSIONS = str('XENDISPL_FIELD_BE_VERSIONS', 'versions', 'Back end key: the protocol versions the back end speaks, as a list.');
export const XENDISPL_FIELD_FE_VERSION = str('XENDISPL_FIELD_FE_VERSION', 'version', 'Front end key: the one version the front end picked from that list.');
export const XENDISPL_FIELD_REQ_RING_REF = str('XENDISPL_FIELD_REQ_RING_REF', 'req-ring-ref', 'Connector key: the grant of the connector\'s xen_displif command ring page.');
export const XENDISPL_FIELD_REQ_CHANNEL = str('XENDISPL_FIELD_REQ_CHANNEL', 'req-event-channel', 'Connector key: the event channel that signals the command ring.');
export const XENDISPL_FIELD_EVT_RING_REF = str('XENDISPL_FIELD_EVT_RING_REF', 'evt-ring-ref', 'Connector key: the grant of the connector\'s event page.');
export const XENDISPL_FIELD_EVT_CHANNEL = str('XENDISPL_FIELD_EVT_CHANNEL', 'evt-event-channel', 'Connector key: the event channel that signals the event page.');
export const XENDISPL_FIELD_RESOLUTION = str('XENDISPL_FIELD_RESOLUTION', 'resolution', 'Connector key, set by the toolstack: the connector\'s width and height in pixels.');
export const XENDISPL_FIELD_BE_ALLOC = str('XENDISPL_FIELD_BE_ALLOC', 'be-alloc', 'Front end key, set by the toolstack: `1` when the back end may supply the pages of display buffers (XENDISPL_DBUF_FLG_REQ_ALLOC); anything else, or no key, and the front end does.');
export const XENDISPL_FIELD_UNIQUE_ID = stringConstant('XENDISPL_FIELD_UNIQUE_ID', 'unique-id', {
  since: '4.11',
  doc: 'Connector key, set by the toolstack: the name by which the back end knows which physical output to use.',
});

export const XENDISPL_EDID_BLOCK_SIZE = constant('XENDISPL_EDID_BLOCK_SIZE', 128, { since: '4.15', doc: 'Bytes of an EDID block.' });
export const XENDISPL_EDID_BLOCK_COUNT = constant('XENDISPL_EDID_BLOCK_COUNT', 256, { since: '4.15', doc: 'Most blocks an EDID has.' });
export const XENDISPL_EDID_MAX_SIZE = constant('XENDISPL_EDID_MAX_SIZE', 32768, { since: '4.15', doc: 'Most bytes an EDID takes: XENDISPL_EDID_BLOCK_SIZE times XENDISPL_EDID_BLOCK_COUNT.' });

const XENDISPL_DBUF_FLG = flagSet('XENDISPL_DBUF_FLG', {
  since: '4.9',
  field: 'xendispl_dbuf_create_req.flags',
  doc: 'How a display buffer is made.',
  flags: [flag('XENDISPL_DBUF_FLG_REQ_ALLOC', 0, { since: '4.9', cType: 'int', doc: 'The back end supplies the pages and grants them; the front end\'s page directory lists them on return.' })],
});

export const xendispl_page_directory = pageDirectory('xendispl_page_directory', { since: '4.9', buffer: 'a display buffer' });

export const xendispl_dbuf_create_req = struct('xendispl_dbuf_create_req', {
  since: '4.9',
  doc: 'Arguments of XENDISPL_OP_DBUF_CREATE: a display buffer over granted pages.',
  fields: [
    field('dbuf_cookie', u64, { doc: 'The front end\'s name for the buffer, used by later requests.' }),
    field('width', u32, { doc: 'Width, in pixels.' }),
    field('height', u32, { doc: 'Height, in pixels.' }),
    field('bpp', u32, { doc: 'Bits per pixel.' }),
    field('buffer_sz', u32, { doc: 'Bytes of the buffer.' }),
    field('flags', u32, { doc: 'XENDISPL_DBUF_FLG_* bits.' }),
    field('gref_directory', grant_ref_t, { doc: 'The grant of the first page-directory page listing the buffer\'s pages.' }),
    field('data_ofs', u32, { since: '4.15', doc: 'Where the pixels start in the buffer, in bytes (protocol version 2).' }),
  ],
  holes: [{ after: 'data_ofs', archs: ['x86_64', ...ARM], since: '4.15', reason: 'the record is a multiple of its 8-byte alignment' }],
});

export const xendispl_dbuf_destroy_req = struct('xendispl_dbuf_destroy_req', {
  since: '4.9',
  doc: 'Arguments of XENDISPL_OP_DBUF_DESTROY.',
  fields: [field('dbuf_cookie', u64, { doc: 'The display buffer.' })],
});

export const xendispl_fb_attach_req = struct('xendispl_fb_attach_req', {
  since: '4.9',
  doc: 'Arguments of XENDISPL_OP_FB_ATTACH: a frame buffer over a display buffer.',
  fields: [
    field('dbuf_cookie', u64, { doc: 'The display buffer.' }),
    field('fb_cookie', u64, { doc: 'The front end\'s name for the frame buffer.' }),
    field('width', u32, { doc: 'Width, in pixels.' }),
    field('height', u32, { doc: 'Height, in pixels.' }),
    field('pixel_format', u32, { doc: 'A Linux DRM fourcc code.' }),
  ],
  holes: [{ after: 'pixel_format', archs: ['x86_64', ...ARM], reason: 'the record is a multiple of its 8-byte alignment' }],
});

export const xendispl_fb_detach_req = struct('xendispl_fb_detach_req', {
  since: '4.9',
  doc: 'Arguments of XENDISPL_OP_FB_DETACH.',
  fields: [field('fb_cookie', u64, { doc: 'The frame buffer.' })],
});

export const xendispl_set_config_req = struct('xendispl_set_config_req', {
  since: '4.9',
  doc: 'Arguments of XENDISPL_OP_SET_CONFIG; all zero turns the connector off.',
  fields: [
    field('fb_cookie', u64, { doc: 'The frame buffer to show.' }),
    field('x', u32, { doc: 'Left edge of the shown part of the frame buffer, in pixels.' }),
    field('y', u32, { doc: 'Top edge, in pixels.' }),
    field('width', u32, { doc: 'Width of the mode, in pixels.' }),
    field('height', u32, { doc: 'Height of the mode, in pixels.' }),
    field('bpp', u32, { doc: 'Bits per pixel.' }),
  ],
  holes: [{ after: 'bpp', archs: ['x86_64', ...ARM], reason: 'the record is a multiple of its 8-byte alignment' }],
});

export const xendispl_page_flip_req = struct('xendispl_page_flip_req', {
  since: '4.9',
  doc: 'Arguments of XENDISPL_OP_PG_FLIP.',
  fields: [field('fb_cookie', u64, { doc: 'The frame buffer to show next.' })],
});

export const xendispl_get_edid_req = struct('xendispl_get_edid_req', {
  since: '4.15',
  doc: 'Arguments of XENDISPL_OP_GET_EDID.',
  fields: [
    field('buffer_sz', u32, { doc: 'Bytes of the granted buffer; at most XENDISPL_EDID_MAX_SIZE are used.' }),
    field('gref_directory', grant_ref_t, { doc: 'The grant of the first page-directory page listing the buffer\'s pages.' }),
  ],
});

export const xendispl_get_edid_resp = struct('xendispl_get_edid_resp', {
  since: '4.15',
  doc: 'Result of XENDISPL_OP_GET_EDID.',
  fields: [field('edid_sz', u32, { doc: 'Bytes of the EDID copied.' })],
});

export const xendispl_pg_flip_evt = struct('xendispl_pg_flip_evt', {
  since: '4.9',
  doc: 'A XENDISPL_EVT_PG_FLIP event.',
  fields: [field('fb_cookie', u64, { doc: 'The frame buffer now shown.' })],
});

export const xendispl_req = struct('xendispl_req', {
  since: '4.9',
  doc: 'A request on the xen_displif ring: 64 bytes.',
  fields: [
    field('id', u16, { doc: 'The front end\'s own tag; the response carries it back.' }),
    field('operation', u8, { doc: 'A XENDISPL_OP_* value.' }),
    field('reserved', array(u8, 5), { doc: 'Zero.' }),
    field(
      'op',
      inlineUnion({
        doc: 'The arguments, by operation.',
        fields: [
          field('dbuf_create', xendispl_dbuf_create_req, { doc: 'DBUF_CREATE.' }),
          field('dbuf_destroy', xendispl_dbuf_destroy_req, { doc: 'DBUF_DESTROY.' }),
          field('fb_attach', xendispl_fb_attach_req, { doc: 'FB_ATTACH.' }),
          field('fb_detach', xendispl_fb_detach_req, { doc: 'FB_DETACH.' }),
          field('set_config', xendispl_set_config_req, { doc: 'SET_CONFIG.' }),
          field('pg_flip', xendispl_page_flip_req, { doc: 'PG_FLIP.' }),
          field('get_edid', xendispl_get_edid_req, { since: '4.15', doc: 'GET_EDID.' }),
          field('reserved', array(u8, 56), { doc: 'The union\'s size.' }),
        ],
      }),
      { doc: 'The arguments.' },
    ),
  ],
});

export const xendispl_resp = struct('xendispl_resp', {
  since: '4.9',
  doc: 'The answer to a request, written by the back end into the request\'s ring slot: 64 bytes.',
  fields: [
    ...responseHead(),
    field('reserved1', array(u8, 56), { until: '4.15', doc: 'Zero; became the union `op` in 4.15.' }),
    field(
      'op',
      inlineUnion({
        doc: 'What the response carries, by operation.',
        fields: [
          field('get_edid', xendispl_get_edid_resp, { since: '4.15', doc: 'GET_EDID.' }),
          field('reserved1', array(u8, 56), { doc: 'The union\'s size.' }),
        ],
      }),
      { since: '4.15', doc: 'The results.' },
    ),
  ],
});

export const xendispl_evt = eventRecord('xendispl_evt', {
  since: '4.9',
  types: 'XENDISPL_EVT_*',
  union: 'op',
  members: [
    field('pg_flip', xendispl_pg_flip_evt, { doc: 'XENDISPL_EVT_PG_FLIP.' }),
  ],
});

export const [xen_displif_sring_entry, xen_displif_sring] = ring('xen_displif', {
  index: RING_IDX,
  request: xendispl_req,
  response: xendispl_resp,
  since: '4.9',
  doc: 'A connector\'s command ring: the front end queues requests, the back end answers each in its slot.',
});

export const xendispl_event_page = eventPage('xendispl_event_page', { since: '4.9', doc: 'The head of the event page; events (xendispl_evt) follow it to the end of the page.' });

export const [XENDISPL_EVENT_PAGE_SIZE, XENDISPL_IN_RING_OFFS, XENDISPL_IN_RING_SIZE, XENDISPL_IN_RING_LEN] = eventPageConstants('XENDISPL', { since: '4.9', page: 'xendispl_event_page' });

export default abiModule({
  name: 'displif',
  xenHeader: 'io/displif.h',
  xenGuard: '__XEN_PUBLIC_IO_DISPLIF_H__',
  coverage: 'partial',
  doc: 'The paravirtual display: the xen_displif command ring, its requests and responses, the event page, and the names of its xenstore keys.',
  items: [
    XENDISPL_PROTOCOL_VERSION,
    XENDISPL_PROTOCOL_VERSION_INT,
    XENDISPL_OP,
    XENDISPL_EVT,
    XENDISPL_DRIVER_NAME,
    XENDISPL_LIST_SEPARATOR,
    XENDISPL_RESOLUTION_SEPARATOR,
    XENDISPL_FIELD_BE_VERSIONS,
    XENDISPL_FIELD_FE_VERSION,
    XENDISPL_FIELD_REQ_RING_REF,
    XENDISPL_FIELD_REQ_CHANNEL,
    XENDISPL_FIELD_EVT_RING_REF,
    XENDISPL_FIELD_EVT_CHANNEL,
    XENDISPL_FIELD_RESOLUTION,
    XENDISPL_FIELD_BE_ALLOC,
    XENDISPL_FIELD_UNIQUE_ID,
    XENDISPL_EDID_BLOCK_SIZE,
    XENDISPL_EDID_BLOCK_COUNT,
    XENDISPL_EDID_MAX_SIZE,
    XENDISPL_DBUF_FLG,
    xendispl_dbuf_create_req,
    xendispl_page_directory,
    xendispl_dbuf_destroy_req,
    xendispl_fb_attach_req,
    xendispl_fb_detach_req,
    xendispl_set_config_req,
    xendispl_page_flip_req,
    xendispl_get_edid_req,
    xendispl_get_edid_resp,
    xendispl_pg_flip_evt,
    xendispl_req,
    xendispl_resp,
    xendispl_evt,
    xen_displif_sring_entry,
    xen_displif_sring,
    xendispl_event_page,
    XENDISPL_EVENT_PAGE_SIZE,
    XENDISPL_IN_RING_OFFS,
    XENDISPL_IN_RING_SIZE,
    XENDISPL_IN_RING_LEN,
  ],
});
