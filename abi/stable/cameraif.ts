/**
 * The paravirtual camera: a guest's front end captures video from a camera a back end offers.
 * Commands travel on the `xen_cameraif` ring: set, read or validate the capture format and
 * frame rate, ask how buffers are laid out, request, create (over pages the front end grants,
 * listed in chains of page-directory pages), queue, dequeue and destroy buffers, enumerate,
 * set and read controls (brightness, contrast, …), start and stop streaming. The back end
 * reports captured frames and changed controls on an event page: a head with two indices,
 * then 64-byte events. The xenstore key names, list separators, control names, driver name and
 * protocol version are string constants (22, all since 4.13 and unchanged through 4.22).
 * 4.19 declared the grant array of a page-directory page flexible (it had one element); the
 * Rust crate declares xencamera_page_directory from 4.19 on. Not declared yet: the
 * function-like macros that find an event on the page.
 */
import { abiModule, array, constant, field, flag, flagSet, i32, i64, inlineUnion, ring, stringConstant, struct, u16, u32, u8, valueSet } from 'xenabi/dsl';
import { grant_ref_t } from './grant_table.ts';
import { eventPage, eventPageConstants, eventRecord, responseHead } from './shapes/messages.ts';
import { pageDirectory } from './shapes/page-directory.ts';
import { RING_IDX } from './ring.ts';

const hex = (name: string, value: number, doc: string) => constant(name, value, { since: '4.13', spelling: 'hex', doc });
const dec = (name: string, value: number, doc: string) => constant(name, value, { since: '4.13', doc });
const str = (name: string, text: string, doc: string) => stringConstant(name, text, { since: '4.13', doc });

export const XENCAMERA_PROTOCOL_VERSION = str('XENCAMERA_PROTOCOL_VERSION', '1', 'The version of the camera protocol these declarations describe, as a front end writes it in its `version` key.');

const XENCAMERA_OP = valueSet('XENCAMERA_OP', {
  since: '4.13',
  field: 'xencamera_req.operation',
  doc: 'What a request asks of the back end.',
  values: [
    hex('XENCAMERA_OP_CONFIG_SET', 0x00, 'Set the capture format (req.config); the response has what was set (resp.config).'),
    hex('XENCAMERA_OP_CONFIG_GET', 0x01, 'Read the capture format (resp.config).'),
    hex('XENCAMERA_OP_CONFIG_VALIDATE', 0x02, 'Ask what the back end would set for a format, without setting it (req.config, resp.config).'),
    hex('XENCAMERA_OP_FRAME_RATE_SET', 0x03, 'Set the frame rate (req.frame_rate).'),
    hex('XENCAMERA_OP_BUF_GET_LAYOUT', 0x04, 'Ask how a buffer of the current format is laid out (resp.buf_layout).'),
    hex('XENCAMERA_OP_BUF_REQUEST', 0x05, 'Ask for a number of buffers, 0 to release them all (req.buf_request); the response has how many the back end allows.'),
    hex('XENCAMERA_OP_BUF_CREATE', 0x06, 'Create a buffer over granted pages (req.buf_create).'),
    hex('XENCAMERA_OP_BUF_DESTROY', 0x07, 'Destroy a buffer (req.index).'),
    hex('XENCAMERA_OP_BUF_QUEUE', 0x08, 'Hand a buffer to the back end to capture into (req.index).'),
    hex('XENCAMERA_OP_BUF_DEQUEUE', 0x09, 'Take a buffer back from the back end (req.index).'),
    hex('XENCAMERA_OP_CTRL_ENUM', 0x0a, 'Describe a control by index (req.index, resp.ctrl_enum).'),
    hex('XENCAMERA_OP_CTRL_SET', 0x0b, 'Set a control (req.ctrl_value).'),
    hex('XENCAMERA_OP_CTRL_GET', 0x0c, 'Read a control (req.get_ctrl, resp.ctrl_value).'),
    hex('XENCAMERA_OP_STREAM_START', 0x0d, 'Start capturing.'),
    hex('XENCAMERA_OP_STREAM_STOP', 0x0e, 'Stop capturing.'),
  ],
});

const XENCAMERA_CTRL = valueSet('XENCAMERA_CTRL', {
  since: '4.13',
  field: 'xencamera_ctrl_value.type',
  doc: 'The controls a camera may have.',
  values: [
    dec('XENCAMERA_CTRL_BRIGHTNESS', 0, 'Brightness.'),
    dec('XENCAMERA_CTRL_CONTRAST', 1, 'Contrast.'),
    dec('XENCAMERA_CTRL_SATURATION', 2, 'Colour saturation.'),
    dec('XENCAMERA_CTRL_HUE', 3, 'Hue.'),
  ],
});

export const XENCAMERA_MAX_CTRL = constant('XENCAMERA_MAX_CTRL', 4, { since: '4.13', doc: 'How many controls there are: one more than the highest XENCAMERA_CTRL_* value.' });

const XENCAMERA_CTRL_FLG = flagSet('XENCAMERA_CTRL_FLG', {
  since: '4.13',
  field: 'xencamera_ctrl_enum_resp.flags',
  doc: 'What can be done with a control.',
  flags: [
    flag('XENCAMERA_CTRL_FLG_RO', 0, { since: '4.13', cType: 'int', doc: 'It can only be read.' }),
    flag('XENCAMERA_CTRL_FLG_WO', 1, { since: '4.13', cType: 'int', doc: 'It can only be written.' }),
    flag('XENCAMERA_CTRL_FLG_VOLATILE', 2, { since: '4.13', cType: 'int', doc: 'It changes by itself: the back end sends XENCAMERA_EVT_CTRL_CHANGE events.' }),
  ],
});

const XENCAMERA_COLORSPACE = valueSet('XENCAMERA_COLORSPACE', {
  since: '4.13',
  field: 'xencamera_config_resp.colorspace',
  doc: 'The colour space of captured frames, as Linux\'s V4L2 names them.',
  values: [
    dec('XENCAMERA_COLORSPACE_DEFAULT', 0, 'The pixel format\'s usual one.'),
    dec('XENCAMERA_COLORSPACE_SMPTE170M', 1, 'SMPTE 170M (standard-definition TV).'),
    dec('XENCAMERA_COLORSPACE_REC709', 2, 'Rec. 709 (high-definition TV).'),
    dec('XENCAMERA_COLORSPACE_SRGB', 3, 'sRGB.'),
    dec('XENCAMERA_COLORSPACE_OPRGB', 4, 'opRGB.'),
    dec('XENCAMERA_COLORSPACE_BT2020', 5, 'BT.2020 (ultra-high-definition TV).'),
    dec('XENCAMERA_COLORSPACE_DCI_P3', 6, 'DCI-P3 (digital cinema).'),
  ],
});

const XENCAMERA_XFER_FUNC = valueSet('XENCAMERA_XFER_FUNC', {
  since: '4.13',
  field: 'xencamera_config_resp.xfer_func',
  doc: 'The transfer function of captured frames, as Linux\'s V4L2 names them.',
  values: [
    dec('XENCAMERA_XFER_FUNC_DEFAULT', 0, 'The colour space\'s usual one.'),
    dec('XENCAMERA_XFER_FUNC_709', 1, 'Rec. 709.'),
    dec('XENCAMERA_XFER_FUNC_SRGB', 2, 'sRGB.'),
    dec('XENCAMERA_XFER_FUNC_OPRGB', 3, 'opRGB.'),
    dec('XENCAMERA_XFER_FUNC_NONE', 4, 'None: linear values.'),
    dec('XENCAMERA_XFER_FUNC_DCI_P3', 5, 'DCI-P3.'),
    dec('XENCAMERA_XFER_FUNC_SMPTE2084', 6, 'SMPTE ST 2084 (HDR).'),
  ],
});

const XENCAMERA_YCBCR_ENC = valueSet('XENCAMERA_YCBCR_ENC', {
  since: '4.13',
  field: 'xencamera_config_resp.ycbcr_enc',
  doc: 'How colour is encoded in Y\'CbCr frames, as Linux\'s V4L2 names it.',
  values: [
    dec('XENCAMERA_YCBCR_ENC_IGNORE', 0, 'Not a Y\'CbCr format, or the colour space\'s usual encoding.'),
    dec('XENCAMERA_YCBCR_ENC_601', 1, 'ITU-R BT.601.'),
    dec('XENCAMERA_YCBCR_ENC_709', 2, 'Rec. 709.'),
    dec('XENCAMERA_YCBCR_ENC_XV601', 3, 'xvYCC over BT.601.'),
    dec('XENCAMERA_YCBCR_ENC_XV709', 4, 'xvYCC over Rec. 709.'),
    dec('XENCAMERA_YCBCR_ENC_BT2020', 5, 'BT.2020, non-constant luminance.'),
    dec('XENCAMERA_YCBCR_ENC_BT2020_CONST_LUM', 6, 'BT.2020, constant luminance.'),
  ],
});

const XENCAMERA_QUANTIZATION = valueSet('XENCAMERA_QUANTIZATION', {
  since: '4.13',
  field: 'xencamera_config_resp.quantization',
  doc: 'The range of sample values, as Linux\'s V4L2 names it.',
  values: [
    dec('XENCAMERA_QUANTIZATION_DEFAULT', 0, 'The colour space\'s usual one.'),
    dec('XENCAMERA_QUANTIZATION_FULL_RANGE', 1, 'The whole range.'),
    dec('XENCAMERA_QUANTIZATION_LIM_RANGE', 2, 'The limited (studio) range.'),
  ],
});

const XENCAMERA_EVT = valueSet('XENCAMERA_EVT', {
  since: '4.13',
  field: 'xencamera_evt.type',
  doc: 'What an event on the event page reports.',
  values: [
    hex('XENCAMERA_EVT_FRAME_AVAIL', 0x00, 'A frame was captured into a buffer (evt.frame_avail).'),
    hex('XENCAMERA_EVT_CTRL_CHANGE', 0x01, 'A control changed (evt.ctrl_value).'),
  ],
});

// ---- Xenstore names ---------------------------------------------------------------------------
// A camera's front end directory is `device/vcamera/<n>` under the guest's home path; its back
// end's is the matching `backend/vcamera/<guest>/<n>` under the back end domain's.

export const XENCAMERA_DRIVER_NAME = str('XENCAMERA_DRIVER_NAME', 'vcamera', 'The device type: the directory name cameras are listed under in xenstore.');

export const XENCAMERA_LIST_SEPARATOR = str('XENCAMERA_LIST_SEPARATOR', ',', 'Separates the items of a list value (versions, controls, frame rates).');
export const XENCAMERA_RESOLUTION_SEPARATOR = str('XENCAMERA_RESOLUTION_SEPARATOR', 'x', 'Separates width from height in a resolution directory name (`640x480`).');
export const XENCAMERA_FRACTION_SEPARATOR = str('XENCAMERA_FRACTION_SEPARATOR', '/', 'Separates numerator from denominator in a frame rate (`30/1`).');

export const XENCAMERA_FIELD_BE_VERSIONS = str('XENCAMERA_FIELD_BE_VERSIONS', 'versions', 'Back end key: the protocol versions the back end speaks, as a list.');
export const XENCAMERA_FIELD_FE_VERSION = str('XENCAMERA_FIELD_FE_VERSION', 'version', 'Front end key: the one version the front end picked from that list.');
export const XENCAMERA_FIELD_REQ_RING_REF = str('XENCAMERA_FIELD_REQ_RING_REF', 'req-ring-ref', 'Front end key: the grant of the xen_cameraif command ring page.');
export const XENCAMERA_FIELD_REQ_CHANNEL = str('XENCAMERA_FIELD_REQ_CHANNEL', 'req-event-channel', 'Front end key: the event channel that signals the command ring.');
export const XENCAMERA_FIELD_EVT_RING_REF = str('XENCAMERA_FIELD_EVT_RING_REF', 'evt-ring-ref', 'Front end key: the grant of the event page.');
export const XENCAMERA_FIELD_EVT_CHANNEL = str('XENCAMERA_FIELD_EVT_CHANNEL', 'evt-event-channel', 'Front end key: the event channel that signals the event page.');
export const XENCAMERA_FIELD_MAX_BUFFERS = str('XENCAMERA_FIELD_MAX_BUFFERS', 'max-buffers', 'Front end key, set by the toolstack: the most buffers the front end may use.');
export const XENCAMERA_FIELD_CONTROLS = str('XENCAMERA_FIELD_CONTROLS', 'controls', 'Front end key, set by the toolstack: the camera\'s controls, as a list of XENCAMERA_CTRL_*_STR names in any order.');
export const XENCAMERA_FIELD_FORMATS = str('XENCAMERA_FIELD_FORMATS', 'formats', 'Front end directory, set by the toolstack: one subdirectory per pixel format, named by its fourcc label with trailing spaces dropped, each holding one subdirectory per resolution.');
export const XENCAMERA_FIELD_FRAME_RATES = str('XENCAMERA_FIELD_FRAME_RATES', 'frame-rates', 'Key in each resolution directory: the frame rates offered at that format and resolution, as a list of fractions.');
export const XENCAMERA_FIELD_BE_ALLOC = str('XENCAMERA_FIELD_BE_ALLOC', 'be-alloc', 'Front end key, set by the toolstack: `1` when the back end supplies the pages of buffers at XENCAMERA_OP_BUF_CREATE; anything else, or no key, and the front end does.');
export const XENCAMERA_FIELD_UNIQUE_ID = str('XENCAMERA_FIELD_UNIQUE_ID', 'unique-id', 'Front end key, set by the toolstack: the name by which the back end knows which camera to attach (a UUID, say).');

export const XENCAMERA_CTRL_BRIGHTNESS_STR = str('XENCAMERA_CTRL_BRIGHTNESS_STR', 'brightness', 'XENCAMERA_CTRL_BRIGHTNESS in the `controls` list.');
export const XENCAMERA_CTRL_CONTRAST_STR = str('XENCAMERA_CTRL_CONTRAST_STR', 'contrast', 'XENCAMERA_CTRL_CONTRAST in the `controls` list.');
export const XENCAMERA_CTRL_SATURATION_STR = str('XENCAMERA_CTRL_SATURATION_STR', 'saturation', 'XENCAMERA_CTRL_SATURATION in the `controls` list.');
export const XENCAMERA_CTRL_HUE_STR = str('XENCAMERA_CTRL_HUE_STR', 'hue', 'XENCAMERA_CTRL_HUE in the `controls` list.');

export const XENCAMERA_FOURCC_BIGENDIAN_STR = str('XENCAMERA_FOURCC_BIGENDIAN_STR', '-BE', 'Appended to a format directory name when the format is the big-endian twin of a little-endian fourcc (`AR15-BE`).');

export const XENCAMERA_MAX_PLANE = constant('XENCAMERA_MAX_PLANE', 4, { since: '4.13', doc: 'Most planes a frame has.' });

export const xencamera_config_req = struct('xencamera_config_req', {
  since: '4.13',
  doc: 'Arguments of XENCAMERA_OP_CONFIG_SET and XENCAMERA_OP_CONFIG_VALIDATE.',
  fields: [
    field('pixel_format', u32, { doc: 'A Linux V4L2 fourcc code.' }),
    field('width', u32, { doc: 'Width, in pixels.' }),
    field('height', u32, { doc: 'Height, in pixels.' }),
  ],
});

export const xencamera_frame_rate_req = struct('xencamera_frame_rate_req', {
  since: '4.13',
  doc: 'Arguments of XENCAMERA_OP_FRAME_RATE_SET: frames per second as a fraction.',
  fields: [
    field('frame_rate_numer', u32, { doc: 'Numerator.' }),
    field('frame_rate_denom', u32, { doc: 'Denominator.' }),
  ],
});

export const xencamera_buf_request = struct('xencamera_buf_request', {
  since: '4.13',
  doc: 'Arguments and result of XENCAMERA_OP_BUF_REQUEST.',
  fields: [field('num_bufs', u8, { doc: 'Buffers wanted (0 releases them all, before a new format); in the response, how many the back end allows.' })],
});

export const xencamera_page_directory = pageDirectory('xencamera_page_directory', { since: '4.13', buffer: 'a camera buffer' });

export const xencamera_buf_create_req = struct('xencamera_buf_create_req', {
  since: '4.13',
  doc: 'Arguments of XENCAMERA_OP_BUF_CREATE: a buffer over pages the front end grants, and where its planes start.',
  fields: [
    field('index', u8, { doc: 'Which buffer, below the number XENCAMERA_OP_BUF_REQUEST allowed.' }),
    field('reserved', array(u8, 3), { doc: 'Zero.' }),
    field('plane_offset', array(u32, 4, XENCAMERA_MAX_PLANE), { doc: 'Where each plane starts in the buffer, in bytes.' }),
    field('gref_directory', grant_ref_t, { doc: 'The grant of the first page-directory page listing the buffer.' }),
  ],
});

export const xencamera_index = struct('xencamera_index', {
  since: '4.13',
  doc: 'Arguments of the requests that name a buffer or a control by index.',
  fields: [field('index', u8, { doc: 'The buffer or control.' })],
});

export const xencamera_ctrl_value = struct('xencamera_ctrl_value', {
  since: '4.13',
  doc: 'A control\'s value: the arguments of XENCAMERA_OP_CTRL_SET, the result of XENCAMERA_OP_CTRL_GET and a XENCAMERA_EVT_CTRL_CHANGE event.',
  fields: [
    field('type', u8, { doc: 'A XENCAMERA_CTRL_* value.' }),
    field('reserved', array(u8, 7), { doc: 'Zero.' }),
    field('value', i64, { doc: 'The value.' }),
  ],
});

export const xencamera_get_ctrl_req = struct('xencamera_get_ctrl_req', {
  since: '4.13',
  doc: 'Arguments of XENCAMERA_OP_CTRL_GET.',
  fields: [field('type', u8, { doc: 'A XENCAMERA_CTRL_* value.' })],
});

export const xencamera_config_resp = struct('xencamera_config_resp', {
  since: '4.13',
  doc: 'The capture format as the back end set or would set it.',
  fields: [
    field('pixel_format', u32, { doc: 'A Linux V4L2 fourcc code.' }),
    field('width', u32, { doc: 'Width, in pixels.' }),
    field('height', u32, { doc: 'Height, in pixels.' }),
    field('colorspace', u32, { doc: 'A XENCAMERA_COLORSPACE_* value.' }),
    field('xfer_func', u32, { doc: 'A XENCAMERA_XFER_FUNC_* value.' }),
    field('ycbcr_enc', u32, { doc: 'A XENCAMERA_YCBCR_ENC_* value.' }),
    field('quantization', u32, { doc: 'A XENCAMERA_QUANTIZATION_* value.' }),
    field('displ_asp_ratio_numer', u32, { doc: 'Numerator of the display aspect ratio.' }),
    field('displ_asp_ratio_denom', u32, { doc: 'Denominator of the display aspect ratio.' }),
    field('frame_rate_numer', u32, { doc: 'Numerator of the frame rate.' }),
    field('frame_rate_denom', u32, { doc: 'Denominator of the frame rate.' }),
  ],
});

export const xencamera_buf_get_layout_resp = struct('xencamera_buf_get_layout_resp', {
  since: '4.13',
  doc: 'How a buffer of the current format is laid out.',
  fields: [
    field('num_planes', u8, { doc: 'Planes per frame.' }),
    field('reserved', array(u8, 3), { doc: 'Zero.' }),
    field('size', u32, { doc: 'Bytes of a buffer.' }),
    field('plane_size', array(u32, 4, XENCAMERA_MAX_PLANE), { doc: 'Bytes of each plane.' }),
    field('plane_stride', array(u32, 4, XENCAMERA_MAX_PLANE), { doc: 'Bytes from one row of each plane to the next.' }),
  ],
});

export const xencamera_ctrl_enum_resp = struct('xencamera_ctrl_enum_resp', {
  since: '4.13',
  doc: 'A control, described.',
  fields: [
    field('index', u8, { doc: 'The index asked about.' }),
    field('type', u8, { doc: 'A XENCAMERA_CTRL_* value.' }),
    field('reserved', array(u8, 2), { doc: 'Zero.' }),
    field('flags', u32, { doc: 'XENCAMERA_CTRL_FLG_* bits.' }),
    field('min', i64, { doc: 'Least value.' }),
    field('max', i64, { doc: 'Greatest value.' }),
    field('step', i64, { doc: 'Step between values.' }),
    field('def_val', i64, { doc: 'Default value.' }),
  ],
});

export const xencamera_frame_avail_evt = struct('xencamera_frame_avail_evt', {
  since: '4.13',
  doc: 'A XENCAMERA_EVT_FRAME_AVAIL event.',
  fields: [
    field('index', u8, { doc: 'The buffer holding the frame.' }),
    field('reserved', array(u8, 3), { doc: 'Zero.' }),
    field('used_sz', u32, { doc: 'Bytes of the frame; fewer than the buffer for compressed formats.' }),
    field('seq_num', u32, { doc: 'The frame\'s number; a gap means frames were dropped (where the hardware can tell).' }),
  ],
});

export const xencamera_req = struct('xencamera_req', {
  since: '4.13',
  doc: 'A request on the xen_cameraif ring: 64 bytes.',
  fields: [
    field('id', u16, { doc: 'The front end\'s own tag; the response carries it back.' }),
    field('operation', u8, { doc: 'A XENCAMERA_OP_* value.' }),
    field('reserved', array(u8, 5), { doc: 'Zero.' }),
    field(
      'req',
      inlineUnion({
        doc: 'The arguments, by operation.',
        fields: [
          field('config', xencamera_config_req, { doc: 'CONFIG_SET and CONFIG_VALIDATE.' }),
          field('frame_rate', xencamera_frame_rate_req, { doc: 'FRAME_RATE_SET.' }),
          field('buf_request', xencamera_buf_request, { doc: 'BUF_REQUEST.' }),
          field('buf_create', xencamera_buf_create_req, { doc: 'BUF_CREATE.' }),
          field('index', xencamera_index, { doc: 'BUF_DESTROY, BUF_QUEUE, BUF_DEQUEUE and CTRL_ENUM.' }),
          field('ctrl_value', xencamera_ctrl_value, { doc: 'CTRL_SET.' }),
          field('get_ctrl', xencamera_get_ctrl_req, { doc: 'CTRL_GET.' }),
          field('reserved', array(u8, 56), { doc: 'The union\'s size.' }),
        ],
      }),
      { doc: 'The arguments.' },
    ),
  ],
});

export const xencamera_resp = struct('xencamera_resp', {
  since: '4.13',
  doc: 'The answer to a request, written by the back end into the request\'s ring slot: 64 bytes.',
  fields: [
    ...responseHead(),
    field(
      'resp',
      inlineUnion({
        doc: 'What the response carries, by operation.',
        fields: [
          field('config', xencamera_config_resp, { doc: 'CONFIG_SET, CONFIG_GET and CONFIG_VALIDATE.' }),
          field('buf_layout', xencamera_buf_get_layout_resp, { doc: 'BUF_GET_LAYOUT.' }),
          field('buf_request', xencamera_buf_request, { doc: 'BUF_REQUEST.' }),
          field('ctrl_enum', xencamera_ctrl_enum_resp, { doc: 'CTRL_ENUM.' }),
          field('ctrl_value', xencamera_ctrl_value, { doc: 'CTRL_GET.' }),
          field('reserved1', array(u8, 56), { doc: 'The union\'s size.' }),
        ],
      }),
      { doc: 'The results.' },
    ),
  ],
});

export const xencamera_evt = eventRecord('xencamera_evt', {
  since: '4.13',
  types: 'XENCAMERA_EVT_*',
  union: 'evt',
  members: [
    field('frame_avail', xencamera_frame_avail_evt, { doc: 'XENCAMERA_EVT_FRAME_AVAIL.' }),
    field('ctrl_value', xencamera_ctrl_value, { doc: 'XENCAMERA_EVT_CTRL_CHANGE.' }),
  ],
});

export const [xen_cameraif_sring_entry, xen_cameraif_sring] = ring('xen_cameraif', {
  index: RING_IDX,
  request: xencamera_req,
  response: xencamera_resp,
  since: '4.13',
  doc: 'The camera command ring: the front end queues requests, the back end answers each in its slot.',
});

export const xencamera_event_page = eventPage('xencamera_event_page', { since: '4.13', doc: 'The head of the event page; events (xencamera_evt) follow it to the end of the page.' });

export const [XENCAMERA_EVENT_PAGE_SIZE, XENCAMERA_IN_RING_OFFS, XENCAMERA_IN_RING_SIZE, XENCAMERA_IN_RING_LEN] = eventPageConstants('XENCAMERA', { since: '4.13', page: 'xencamera_event_page' });

export default abiModule({
  name: 'cameraif',
  xenHeader: 'io/cameraif.h',
  xenGuard: '__XEN_PUBLIC_IO_CAMERAIF_H__',
  coverage: 'partial',
  doc: 'The paravirtual camera: the xen_cameraif command ring, its requests and responses, the event page, and the names of its xenstore keys.',
  items: [
    XENCAMERA_PROTOCOL_VERSION,
    XENCAMERA_OP,
    XENCAMERA_CTRL,
    XENCAMERA_MAX_CTRL,
    XENCAMERA_CTRL_FLG,
    XENCAMERA_COLORSPACE,
    XENCAMERA_XFER_FUNC,
    XENCAMERA_YCBCR_ENC,
    XENCAMERA_QUANTIZATION,
    XENCAMERA_EVT,
    XENCAMERA_DRIVER_NAME,
    XENCAMERA_LIST_SEPARATOR,
    XENCAMERA_RESOLUTION_SEPARATOR,
    XENCAMERA_FRACTION_SEPARATOR,
    XENCAMERA_FIELD_BE_VERSIONS,
    XENCAMERA_FIELD_FE_VERSION,
    XENCAMERA_FIELD_REQ_RING_REF,
    XENCAMERA_FIELD_REQ_CHANNEL,
    XENCAMERA_FIELD_EVT_RING_REF,
    XENCAMERA_FIELD_EVT_CHANNEL,
    XENCAMERA_FIELD_MAX_BUFFERS,
    XENCAMERA_FIELD_CONTROLS,
    XENCAMERA_FIELD_FORMATS,
    XENCAMERA_FIELD_FRAME_RATES,
    XENCAMERA_FIELD_BE_ALLOC,
    XENCAMERA_FIELD_UNIQUE_ID,
    XENCAMERA_CTRL_BRIGHTNESS_STR,
    XENCAMERA_CTRL_CONTRAST_STR,
    XENCAMERA_CTRL_SATURATION_STR,
    XENCAMERA_CTRL_HUE_STR,
    XENCAMERA_FOURCC_BIGENDIAN_STR,
    XENCAMERA_MAX_PLANE,
    xencamera_config_req,
    xencamera_frame_rate_req,
    xencamera_buf_request,
    xencamera_buf_create_req,
    xencamera_page_directory,
    xencamera_index,
    xencamera_ctrl_value,
    xencamera_get_ctrl_req,
    xencamera_config_resp,
    xencamera_buf_get_layout_resp,
    xencamera_ctrl_enum_resp,
    xencamera_frame_avail_evt,
    xencamera_req,
    xencamera_resp,
    xencamera_evt,
    xen_cameraif_sring_entry,
    xen_cameraif_sring,
    xencamera_event_page,
    XENCAMERA_EVENT_PAGE_SIZE,
    XENCAMERA_IN_RING_OFFS,
    XENCAMERA_IN_RING_SIZE,
    XENCAMERA_IN_RING_LEN,
  ],
});
