/**
 * The paravirtual sound card: a guest's front end plays and captures PCM audio through streams
 * a back end offers. Each stream has its own `xen_sndif` command ring: open a stream (over a
 * buffer the front end grants, listed in chains of page-directory pages), close it, move data
 * in (read) or out (write), set, read, mute and unmute the volume and, since 4.11, start, pause,
 * stop and resume it and ask which hardware parameters the back end accepts. Since 4.11 the
 * back end also reports the play position on an event page per stream: a head with two
 * indices, then 64-byte events. The xenstore key names, list separator, stream types, driver
 * name and sample-format names are string constants.
 *
 * Protocol version 2 (4.11) grew every request and response from 32 to 64 bytes; the Rust crate
 * therefore declares the requests, the responses and the ring from 4.11 on, and
 * xensnd_page_directory (its grant array flexible since 4.19, one element before) from 4.19.
 * Not declared yet: the function-like macros that find an event on the page.
 */
import { abiModule, array, constant, field, i32, inlineStruct, inlineUnion, ring, stringConstant, struct, u16, u32, u64, u8, valueSet } from 'xenabi/dsl';
import { grant_ref_t } from './grant_table.ts';
import { eventPage, eventPageConstants, eventRecord, responseHead } from './shapes/messages.ts';
import { pageDirectory } from './shapes/page-directory.ts';
import { RING_IDX } from './ring.ts';

const dec = (name: string, value: number, doc: string, since = '4.9') => constant(name, value, { since, doc });
const str = (name: string, text: string, doc: string, since = '4.9') => stringConstant(name, text, { since, doc });

export const XENSND_PROTOCOL_VERSION = constant('XENSND_PROTOCOL_VERSION', 2, {
  since: '4.11',
  doc: 'The version of the sound protocol these declarations describe, as a front end writes it in its `version` key. Example: 2.',
});

const XENSND_PCM_FORMAT = valueSet('XENSND_PCM_FORMAT', {
  since: '4.9',
  field: 'xensnd_open_req.pcm_format',
  doc: 'Sample formats. The bit `1 << value` stands for a format in xensnd_query_hw_param.formats.',
  values: [
    dec('XENSND_PCM_FORMAT_S8', 0, 'Signed 8-bit.'),
    dec('XENSND_PCM_FORMAT_U8', 1, 'Unsigned 8-bit.'),
    dec('XENSND_PCM_FORMAT_S16_LE', 2, 'Signed 16-bit, little-endian.'),
    dec('XENSND_PCM_FORMAT_S16_BE', 3, 'Signed 16-bit, big-endian.'),
    dec('XENSND_PCM_FORMAT_U16_LE', 4, 'Unsigned 16-bit, little-endian.'),
    dec('XENSND_PCM_FORMAT_U16_BE', 5, 'Unsigned 16-bit, big-endian.'),
    dec('XENSND_PCM_FORMAT_S24_LE', 6, 'Signed 24-bit, little-endian.'),
    dec('XENSND_PCM_FORMAT_S24_BE', 7, 'Signed 24-bit, big-endian.'),
    dec('XENSND_PCM_FORMAT_U24_LE', 8, 'Unsigned 24-bit, little-endian.'),
    dec('XENSND_PCM_FORMAT_U24_BE', 9, 'Unsigned 24-bit, big-endian.'),
    dec('XENSND_PCM_FORMAT_S32_LE', 10, 'Signed 32-bit, little-endian.'),
    dec('XENSND_PCM_FORMAT_S32_BE', 11, 'Signed 32-bit, big-endian.'),
    dec('XENSND_PCM_FORMAT_U32_LE', 12, 'Unsigned 32-bit, little-endian.'),
    dec('XENSND_PCM_FORMAT_U32_BE', 13, 'Unsigned 32-bit, big-endian.'),
    dec('XENSND_PCM_FORMAT_F32_LE', 14, 'IEEE-754 single precision, little-endian, full scale at ±1.0.'),
    dec('XENSND_PCM_FORMAT_F32_BE', 15, 'IEEE-754 single precision, big-endian, full scale at ±1.0.'),
    dec('XENSND_PCM_FORMAT_F64_LE', 16, 'IEEE-754 double precision, little-endian, full scale at ±1.0.'),
    dec('XENSND_PCM_FORMAT_F64_BE', 17, 'IEEE-754 double precision, big-endian, full scale at ±1.0.'),
    dec('XENSND_PCM_FORMAT_IEC958_SUBFRAME_LE', 18, 'IEC 958 (S/PDIF) subframes, little-endian.'),
    dec('XENSND_PCM_FORMAT_IEC958_SUBFRAME_BE', 19, 'IEC 958 (S/PDIF) subframes, big-endian.'),
    dec('XENSND_PCM_FORMAT_MU_LAW', 20, 'G.711 µ-law.'),
    dec('XENSND_PCM_FORMAT_A_LAW', 21, 'G.711 A-law.'),
    dec('XENSND_PCM_FORMAT_IMA_ADPCM', 22, 'IMA ADPCM.'),
    dec('XENSND_PCM_FORMAT_MPEG', 23, 'MPEG audio.'),
    dec('XENSND_PCM_FORMAT_GSM', 24, 'GSM 06.10.'),
  ],
});

const XENSND_OP = valueSet('XENSND_OP', {
  since: '4.9',
  field: 'xensnd_req.operation',
  doc: 'What a request asks of the back end.',
  values: [
    dec('XENSND_OP_OPEN', 0, 'Open the stream over a granted buffer (req.op.open).'),
    dec('XENSND_OP_CLOSE', 1, 'Close the stream.'),
    dec('XENSND_OP_READ', 2, 'Capture: have the back end fill part of the buffer (req.op.rw).'),
    dec('XENSND_OP_WRITE', 3, 'Playback: have the back end play part of the buffer (req.op.rw).'),
    dec('XENSND_OP_SET_VOLUME', 4, 'Set the volume of each channel, from the buffer (req.op.rw).'),
    dec('XENSND_OP_GET_VOLUME', 5, 'Read the volume of each channel into the buffer (req.op.rw).'),
    dec('XENSND_OP_MUTE', 6, 'Mute the channels the buffer marks (req.op.rw).'),
    dec('XENSND_OP_UNMUTE', 7, 'Unmute the channels the buffer marks (req.op.rw).'),
    dec('XENSND_OP_TRIGGER', 8, 'Start, pause, stop or resume the stream (req.op.trigger).', '4.11'),
    dec('XENSND_OP_HW_PARAM_QUERY', 9, 'Ask which parameters the back end accepts within the ranges given (req.op.hw_param, resp.resp.hw_param).', '4.11'),
  ],
});

const XENSND_OP_TRIGGER_TYPE = valueSet('XENSND_OP_TRIGGER_TYPE', {
  since: '4.11',
  field: 'xensnd_trigger_req.type',
  doc: 'What a XENSND_OP_TRIGGER request does to the stream.',
  values: [
    dec('XENSND_OP_TRIGGER_START', 0, 'Start it.', '4.11'),
    dec('XENSND_OP_TRIGGER_PAUSE', 1, 'Pause it.', '4.11'),
    dec('XENSND_OP_TRIGGER_STOP', 2, 'Stop it.', '4.11'),
    dec('XENSND_OP_TRIGGER_RESUME', 3, 'Resume it after a pause.', '4.11'),
  ],
});

const XENSND_EVT = valueSet('XENSND_EVT', {
  since: '4.11',
  field: 'xensnd_evt.type',
  doc: 'What an event on the event page reports.',
  values: [dec('XENSND_EVT_CUR_POS', 0, 'How far the stream has played or captured (evt.op.cur_pos).', '4.11')],
});

// ---- Xenstore names ---------------------------------------------------------------------------
// A card's front end directory is `device/vsnd/<n>` under the guest's home path, with one
// subdirectory per PCM device and, in each, one per stream.

export const XENSND_DRIVER_NAME = str('XENSND_DRIVER_NAME', 'vsnd', 'The device type: the directory name sound cards are listed under in xenstore.');
export const XENSND_LIST_SEPARATOR = str('XENSND_LIST_SEPARATOR', ',', 'Separates the items of a list value (versions, sample rates, sample formats).');

export const XENSND_FIELD_BE_VERSIONS = str('XENSND_FIELD_BE_VERSIONS', 'versions', 'Back end key: the protocol versions the back end speaks, as a list.');
export const XENSND_FIELD_FE_VERSION = str('XENSND_FIELD_FE_VERSION', 'version', 'Front end key: the one version the front end picked from that list.');
export const XENSND_FIELD_VCARD_SHORT_NAME = str('XENSND_FIELD_VCARD_SHORT_NAME', 'short-name', 'Card key: a short name for the card.');
export const XENSND_FIELD_VCARD_LONG_NAME = str('XENSND_FIELD_VCARD_LONG_NAME', 'long-name', 'Card key: a descriptive name for the card.');
export const XENSND_FIELD_RING_REF = str('XENSND_FIELD_RING_REF', 'ring-ref', 'Stream key: the grant of the stream\'s xen_sndif command ring page.');
export const XENSND_FIELD_EVT_CHNL = str('XENSND_FIELD_EVT_CHNL', 'event-channel', 'Stream key: the event channel that signals the command ring.');
export const XENSND_FIELD_EVT_RING_REF = str('XENSND_FIELD_EVT_RING_REF', 'evt-ring-ref', 'Stream key: the grant of the stream\'s event page.', '4.11');
export const XENSND_FIELD_EVT_EVT_CHNL = str('XENSND_FIELD_EVT_EVT_CHNL', 'evt-event-channel', 'Stream key: the event channel that signals the event page.', '4.11');
export const XENSND_FIELD_DEVICE_NAME = str('XENSND_FIELD_DEVICE_NAME', 'name', 'PCM device key: the device\'s name.');
export const XENSND_FIELD_TYPE = str('XENSND_FIELD_TYPE', 'type', 'Stream key: playback or capture, a XENSND_STREAM_TYPE_* value.');
export const XENSND_FIELD_STREAM_UNIQUE_ID = str('XENSND_FIELD_STREAM_UNIQUE_ID', 'unique-id', 'Stream key: the name by which the back end knows which of its streams this is.');
export const XENSND_FIELD_CHANNELS_MIN = str('XENSND_FIELD_CHANNELS_MIN', 'channels-min', 'Key at card, device or stream level: fewest channels.');
export const XENSND_FIELD_CHANNELS_MAX = str('XENSND_FIELD_CHANNELS_MAX', 'channels-max', 'Key at card, device or stream level: most channels.');
export const XENSND_FIELD_SAMPLE_RATES = str('XENSND_FIELD_SAMPLE_RATES', 'sample-rates', 'Key at card, device or stream level: the sample rates offered, as a list of decimal numbers.');
export const XENSND_FIELD_SAMPLE_FORMATS = str('XENSND_FIELD_SAMPLE_FORMATS', 'sample-formats', 'Key at card, device or stream level: the sample formats offered, as a list of XENSND_PCM_FORMAT_*_STR names.');
export const XENSND_FIELD_BUFFER_SIZE = str('XENSND_FIELD_BUFFER_SIZE', 'buffer-size', 'Key at card, device or stream level: the most bytes a stream\'s buffer may have.');

export const XENSND_STREAM_TYPE_PLAYBACK = str('XENSND_STREAM_TYPE_PLAYBACK', 'p', 'A playback stream, in the `type` key.');
export const XENSND_STREAM_TYPE_CAPTURE = str('XENSND_STREAM_TYPE_CAPTURE', 'c', 'A capture stream, in the `type` key.');

export const XENSND_SAMPLE_RATE_MAX_LEN = constant('XENSND_SAMPLE_RATE_MAX_LEN', 11, { since: '4.9', doc: 'The longest a sample rate in the `sample-rates` list may be, in characters.' });
export const XENSND_SAMPLE_FORMAT_MAX_LEN = constant('XENSND_SAMPLE_FORMAT_MAX_LEN', 24, { since: '4.9', doc: 'The longest a name in the `sample-formats` list may be, in characters.' });

const fmt = (format: string, text: string) => str(`XENSND_PCM_FORMAT_${format}_STR`, text, `XENSND_PCM_FORMAT_${format} in the \`sample-formats\` list.`);

export const XENSND_PCM_FORMAT_STR = [
  fmt('S8', 's8'),
  fmt('U8', 'u8'),
  fmt('S16_LE', 's16_le'),
  fmt('S16_BE', 's16_be'),
  fmt('U16_LE', 'u16_le'),
  fmt('U16_BE', 'u16_be'),
  fmt('S24_LE', 's24_le'),
  fmt('S24_BE', 's24_be'),
  fmt('U24_LE', 'u24_le'),
  fmt('U24_BE', 'u24_be'),
  fmt('S32_LE', 's32_le'),
  fmt('S32_BE', 's32_be'),
  fmt('U32_LE', 'u32_le'),
  fmt('U32_BE', 'u32_be'),
  fmt('F32_LE', 'float_le'),
  fmt('F32_BE', 'float_be'),
  fmt('F64_LE', 'float64_le'),
  fmt('F64_BE', 'float64_be'),
  fmt('IEC958_SUBFRAME_LE', 'iec958_subframe_le'),
  fmt('IEC958_SUBFRAME_BE', 'iec958_subframe_be'),
  fmt('MU_LAW', 'mu_law'),
  fmt('A_LAW', 'a_law'),
  fmt('IMA_ADPCM', 'ima_adpcm'),
  fmt('MPEG', 'mpeg'),
  fmt('GSM', 'gsm'),
];

// ---- Requests, responses, events --------------------------------------------------------------

export const xensnd_page_directory = pageDirectory('xensnd_page_directory', { since: '4.9', buffer: 'a stream buffer' });

export const xensnd_open_req = struct('xensnd_open_req', {
  since: '4.9',
  doc: 'Arguments of XENSND_OP_OPEN: the stream\'s parameters and its buffer.',
  fields: [
    field('pcm_rate', u32, { doc: 'Sample rate, in Hz. Example: 48000.' }),
    field('pcm_format', u8, { doc: 'A XENSND_PCM_FORMAT_* value.' }),
    field('pcm_channels', u8, { doc: 'Channels.' }),
    field('reserved', u16, { doc: 'Zero.' }),
    field('buffer_sz', u32, { doc: 'Bytes of the buffer.' }),
    field('gref_directory', grant_ref_t, { doc: 'The grant of the first page-directory page listing the buffer.' }),
    field('period_sz', u32, { since: '4.11', doc: 'Bytes per period: the back end reports the position at least this often (protocol version 2).' }),
  ],
});

export const xensnd_rw_req = struct('xensnd_rw_req', {
  since: '4.9',
  doc: 'Arguments of the requests that name a part of the buffer (read, write, and the volume and mute requests).',
  fields: [
    field('offset', u32, { doc: 'Where the part starts in the buffer, in bytes.' }),
    field('length', u32, { doc: 'Bytes of the part.' }),
  ],
});

export const xensnd_trigger_req = struct('xensnd_trigger_req', {
  since: '4.11',
  doc: 'Arguments of XENSND_OP_TRIGGER.',
  fields: [field('type', u8, { doc: 'A XENSND_OP_TRIGGER_* value.' })],
});

const range = (what: string) =>
  field(
    what,
    inlineStruct({
      doc: `A range of ${what}.`,
      fields: [field('min', u32, { doc: 'Least value.' }), field('max', u32, { doc: 'Greatest value.' })],
    }),
    { doc: `The range of ${what === 'buffer' || what === 'period' ? `${what} sizes, in bytes` : what}.` },
  );

export const xensnd_query_hw_param = struct('xensnd_query_hw_param', {
  since: '4.11',
  doc: 'Hardware parameters: in a XENSND_OP_HW_PARAM_QUERY request, what the front end would accept; in its response, what the back end accepts within that.',
  fields: [
    field('formats', u64, { doc: 'Sample formats, one bit per XENSND_PCM_FORMAT_* value (`1 << value`).' }),
    range('rates'),
    range('channels'),
    range('buffer'),
    range('period'),
  ],
});

export const xensnd_cur_pos_evt = struct('xensnd_cur_pos_evt', {
  since: '4.11',
  doc: 'A XENSND_EVT_CUR_POS event.',
  fields: [field('position', u64, { doc: 'Bytes played or captured since the stream started.' })],
});

export const xensnd_req = struct('xensnd_req', {
  since: '4.9',
  doc: 'A request on the xen_sndif ring: 32 bytes until 4.11, 64 since.',
  fields: [
    field('id', u16, { doc: 'The front end\'s own tag; the response carries it back.' }),
    field('operation', u8, { doc: 'A XENSND_OP_* value.' }),
    field('reserved', array(u8, 5), { doc: 'Zero.' }),
    field(
      'op',
      inlineUnion({
        doc: 'The arguments, by operation.',
        fields: [
          field('open', xensnd_open_req, { doc: 'OPEN.' }),
          field('rw', xensnd_rw_req, { doc: 'READ, WRITE, SET_VOLUME, GET_VOLUME, MUTE and UNMUTE.' }),
          field('trigger', xensnd_trigger_req, { since: '4.11', doc: 'TRIGGER.' }),
          field('hw_param', xensnd_query_hw_param, { since: '4.11', doc: 'HW_PARAM_QUERY.' }),
          field('reserved', array(u8, 24), { until: '4.11', doc: 'The union\'s size until 4.11.' }),
          field('reserved', array(u8, 56), { since: '4.11', doc: 'The union\'s size.' }),
        ],
      }),
      { doc: 'The arguments.' },
    ),
  ],
});

export const xensnd_resp = struct('xensnd_resp', {
  since: '4.9',
  doc: 'The answer to a request, written by the back end into the request\'s ring slot: 32 bytes until 4.11, 64 since.',
  fields: [
    ...responseHead(),
    field('reserved1', array(u8, 24), { until: '4.11', doc: 'Zero; the response\'s size until 4.11.' }),
    field(
      'resp',
      inlineUnion({
        doc: 'What the response carries, by operation.',
        fields: [
          field('hw_param', xensnd_query_hw_param, { since: '4.11', doc: 'HW_PARAM_QUERY.' }),
          field('reserved1', array(u8, 56), { doc: 'The union\'s size.' }),
        ],
      }),
      { since: '4.11', doc: 'The results.' },
    ),
  ],
});

export const xensnd_evt = eventRecord('xensnd_evt', {
  since: '4.11',
  types: 'XENSND_EVT_*',
  union: 'op',
  members: [
    field('cur_pos', xensnd_cur_pos_evt, { doc: 'XENSND_EVT_CUR_POS.' }),
  ],
});

export const [xen_sndif_sring_entry, xen_sndif_sring] = ring('xen_sndif', {
  index: RING_IDX,
  request: xensnd_req,
  response: xensnd_resp,
  since: '4.9',
  doc: 'A stream\'s command ring: the front end queues requests, the back end answers each in its slot.',
});

export const xensnd_event_page = eventPage('xensnd_event_page', { since: '4.11', doc: 'The head of a stream\'s event page; events (xensnd_evt) follow it to the end of the page.' });

export const [XENSND_EVENT_PAGE_SIZE, XENSND_IN_RING_OFFS, XENSND_IN_RING_SIZE, XENSND_IN_RING_LEN] = eventPageConstants('XENSND', { since: '4.11', page: 'xensnd_event_page' });

export default abiModule({
  name: 'sndif',
  xenHeader: 'io/sndif.h',
  xenGuard: '__XEN_PUBLIC_IO_SNDIF_H__',
  coverage: 'partial',
  doc: 'The paravirtual sound card: the xen_sndif command ring, its requests and responses, the event page, and the names of its xenstore keys.',
  items: [
    XENSND_PROTOCOL_VERSION,
    XENSND_PCM_FORMAT,
    XENSND_OP,
    XENSND_OP_TRIGGER_TYPE,
    XENSND_EVT,
    XENSND_DRIVER_NAME,
    XENSND_LIST_SEPARATOR,
    XENSND_FIELD_BE_VERSIONS,
    XENSND_FIELD_FE_VERSION,
    XENSND_FIELD_VCARD_SHORT_NAME,
    XENSND_FIELD_VCARD_LONG_NAME,
    XENSND_FIELD_RING_REF,
    XENSND_FIELD_EVT_CHNL,
    XENSND_FIELD_EVT_RING_REF,
    XENSND_FIELD_EVT_EVT_CHNL,
    XENSND_FIELD_DEVICE_NAME,
    XENSND_FIELD_TYPE,
    XENSND_FIELD_STREAM_UNIQUE_ID,
    XENSND_FIELD_CHANNELS_MIN,
    XENSND_FIELD_CHANNELS_MAX,
    XENSND_FIELD_SAMPLE_RATES,
    XENSND_FIELD_SAMPLE_FORMATS,
    XENSND_FIELD_BUFFER_SIZE,
    XENSND_STREAM_TYPE_PLAYBACK,
    XENSND_STREAM_TYPE_CAPTURE,
    XENSND_SAMPLE_RATE_MAX_LEN,
    XENSND_SAMPLE_FORMAT_MAX_LEN,
    ...XENSND_PCM_FORMAT_STR,
    xensnd_open_req,
    xensnd_page_directory,
    xensnd_rw_req,
    xensnd_trigger_req,
    xensnd_query_hw_param,
    xensnd_cur_pos_evt,
    xensnd_req,
    xensnd_resp,
    xensnd_evt,
    xen_sndif_sring_entry,
    xen_sndif_sring,
    xensnd_event_page,
    XENSND_EVENT_PAGE_SIZE,
    XENSND_IN_RING_OFFS,
    XENSND_IN_RING_SIZE,
    XENSND_IN_RING_LEN,
  ],
});
