/**
 * The paravirtual keyboard and pointer: the back end (QEMU's vkbd) posts input events —
 * relative and absolute motion, keys, multi-touch — to the guest's front end through a ring of
 * fixed 40-byte events on a shared page; the other direction is reserved. The two ends
 * negotiate in xenstore under the key names below (since 4.9; the raw pointer, the disabling
 * of either device and the unique id since 4.11).
 */
import { abiModule, ARM, array, constant, field, i16, i32, inlineStruct, inlineUnion, stringConstant, struct, u32, u8, union, valueSet, X86 } from 'xenabi/dsl';

const ALL = [...X86, ...ARM];

const XENKBD_TYPE = valueSet('XENKBD_TYPE', {
  since: '4.6',
  field: 'xenkbd_in_event.type',
  doc: 'What an input event is: the first byte of every event.',
  values: [
    constant('XENKBD_TYPE_MOTION', 1, { since: '4.6', doc: 'Relative pointer motion: xenkbd_motion.' }),
    constant('XENKBD_TYPE_RESERVED', 2, { since: '4.9', doc: 'Once a framebuffer event; never to be used.' }),
    constant('XENKBD_TYPE_KEY', 3, { since: '4.6', doc: 'A key or button pressed or released: xenkbd_key.' }),
    constant('XENKBD_TYPE_POS', 4, { since: '4.6', doc: 'Absolute pointer position: xenkbd_position.' }),
    constant('XENKBD_TYPE_MTOUCH', 5, { since: '4.9', doc: 'A multi-touch event: xenkbd_mtouch.' }),
  ],
});

const XENKBD_MT_EV = valueSet('XENKBD_MT_EV', {
  since: '4.9',
  field: 'xenkbd_mtouch.event_type',
  doc: 'What a multi-touch event reports about its contact.',
  values: [
    constant('XENKBD_MT_EV_DOWN', 0, { since: '4.9', doc: 'The contact touched, at u.pos.' }),
    constant('XENKBD_MT_EV_UP', 1, { since: '4.9', doc: 'The contact lifted.' }),
    constant('XENKBD_MT_EV_MOTION', 2, { since: '4.9', doc: 'The contact moved to u.pos.' }),
    constant('XENKBD_MT_EV_SYN', 3, { since: '4.9', doc: 'The events so far form one frame.' }),
    constant('XENKBD_MT_EV_SHAPE', 4, { since: '4.9', doc: 'The contact\'s ellipse is u.shape.' }),
    constant('XENKBD_MT_EV_ORIENT', 5, { since: '4.9', doc: 'The contact\'s orientation is u.orientation.' }),
  ],
});

export const xenkbd_motion = struct('xenkbd_motion', {
  since: '4.6',
  doc: 'Relative pointer motion.',
  fields: [
    field('type', u8, { doc: 'XENKBD_TYPE_MOTION.' }),
    field('rel_x', i32, { doc: 'Horizontal movement.' }),
    field('rel_y', i32, { doc: 'Vertical movement.' }),
    field('rel_z', i32, { doc: 'Wheel movement.' }),
  ],
  holes: [{ after: 'type', archs: ALL, reason: 'rel_x is 4-byte aligned' }],
});

export const xenkbd_key = struct('xenkbd_key', {
  since: '4.6',
  doc: 'A key or button changed state.',
  fields: [
    field('type', u8, { doc: 'XENKBD_TYPE_KEY.' }),
    field('pressed', u8, { doc: '1 when pressed, 0 when released.' }),
    field('keycode', u32, { doc: 'The key, as a Linux input event code.' }),
  ],
  holes: [{ after: 'pressed', archs: ALL, reason: 'keycode is 4-byte aligned' }],
});

export const xenkbd_position = struct('xenkbd_position', {
  since: '4.6',
  doc: 'Absolute pointer position.',
  fields: [
    field('type', u8, { doc: 'XENKBD_TYPE_POS.' }),
    field('abs_x', i32, { doc: 'Horizontal position, in the range the back end advertised.' }),
    field('abs_y', i32, { doc: 'Vertical position.' }),
    field('rel_z', i32, { doc: 'Wheel movement.' }),
  ],
  holes: [{ after: 'type', archs: ALL, reason: 'abs_x is 4-byte aligned' }],
});

export const xenkbd_mtouch = struct('xenkbd_mtouch', {
  since: '4.9',
  doc: 'A multi-touch event about one contact.',
  fields: [
    field('type', u8, { doc: 'XENKBD_TYPE_MTOUCH.' }),
    field('event_type', u8, { doc: 'A XENKBD_MT_EV_* value.' }),
    field('contact_id', u8, { doc: 'Which contact (finger) the event is about.' }),
    field('reserved', array(u8, 5), { doc: 'Reserved; zero.' }),
    field(
      'u',
      inlineUnion({
        doc: 'The event\'s data, by event_type.',
        fields: [
          field('pos', inlineStruct({ fields: [field('abs_x', i32, { doc: 'Horizontal position.' }), field('abs_y', i32, { doc: 'Vertical position.' })] }), { doc: 'DOWN and MOTION.' }),
          field('shape', inlineStruct({ fields: [field('major', u32, { doc: 'Length of the contact\'s major axis.' }), field('minor', u32, { doc: 'Length of its minor axis.' })] }), { doc: 'SHAPE.' }),
          field('orientation', i16, { doc: 'ORIENT: the angle of the major axis, from -180 to 180 degrees.' }),
        ],
      }),
      { doc: 'The data.' },
    ),
  ],
});

export const XENKBD_IN_EVENT_SIZE = constant('XENKBD_IN_EVENT_SIZE', 40, { since: '4.6', doc: 'Bytes of one input event on the ring.' });
export const XENKBD_OUT_EVENT_SIZE = constant('XENKBD_OUT_EVENT_SIZE', 40, { since: '4.6', doc: 'Bytes of one output event on the ring.' });

export const xenkbd_in_event = union('xenkbd_in_event', {
  since: '4.6',
  doc: 'One slot of the input ring: an event of any type.',
  fields: [
    field('type', u8, { doc: 'A XENKBD_TYPE_* value: which member holds the event.' }),
    field('motion', xenkbd_motion, { doc: 'XENKBD_TYPE_MOTION.' }),
    field('key', xenkbd_key, { doc: 'XENKBD_TYPE_KEY.' }),
    field('pos', xenkbd_position, { doc: 'XENKBD_TYPE_POS.' }),
    field('mtouch', xenkbd_mtouch, { since: '4.9', doc: 'XENKBD_TYPE_MTOUCH.' }),
    field('pad', array(u8, 40, XENKBD_IN_EVENT_SIZE), { doc: 'The slot\'s size. Xen declares it as char.' }),
  ],
});

export const xenkbd_out_event = union('xenkbd_out_event', {
  since: '4.6',
  doc: 'One slot of the output ring, which carries no event yet.',
  fields: [
    field('type', u8, { doc: 'The event type.' }),
    field('pad', array(u8, 40, XENKBD_OUT_EVENT_SIZE), { doc: 'The slot\'s size. Xen declares it as char.' }),
  ],
});

export const XENKBD_IN_RING_SIZE = constant('XENKBD_IN_RING_SIZE', 2048, { since: '4.6', doc: 'Bytes of the input ring on the page.' });
export const XENKBD_IN_RING_OFFS = constant('XENKBD_IN_RING_OFFS', 1024, { since: '4.6', doc: 'Where the input ring starts on the page.' });
export const XENKBD_OUT_RING_SIZE = constant('XENKBD_OUT_RING_SIZE', 1024, { since: '4.6', doc: 'Bytes of the output ring on the page.' });

export const xenkbd_page = struct('xenkbd_page', {
  since: '4.6',
  doc: 'The head of the shared page: the indices of the input ring (at XENKBD_IN_RING_OFFS) and the output ring after it. An event is at its index modulo the ring\'s slots.',
  fields: [
    field('in_cons', u32, { doc: 'Input events the front end has taken.' }),
    field('in_prod', u32, { doc: 'Input events the back end has posted.' }),
    field('out_cons', u32, { doc: 'Output events the back end has taken.' }),
    field('out_prod', u32, { doc: 'Output events the front end has posted.' }),
  ],
});

// ---- Xenstore names ---------------------------------------------------------------------------

const KEY = { since: '4.9' } as const;
export const XENKBD_DRIVER_NAME = stringConstant('XENKBD_DRIVER_NAME', 'vkbd', { ...KEY, doc: "The device type in xenstore: a front end's directory is `device/vkbd/<n>`." });
export const XENKBD_FIELD_FEAT_DSBL_KEYBRD = stringConstant('XENKBD_FIELD_FEAT_DSBL_KEYBRD', 'feature-disable-keyboard', { since: '4.11', doc: 'Back end: `1` when the front end need not offer a keyboard.' });
export const XENKBD_FIELD_FEAT_DSBL_POINTER = stringConstant('XENKBD_FIELD_FEAT_DSBL_POINTER', 'feature-disable-pointer', { since: '4.11', doc: 'Back end: `1` when the front end need not offer a pointer.' });
export const XENKBD_FIELD_FEAT_ABS_POINTER = stringConstant('XENKBD_FIELD_FEAT_ABS_POINTER', 'feature-abs-pointer', { ...KEY, doc: 'Back end: `1` when it can report absolute pointer positions (XENKBD_TYPE_POS).' });
export const XENKBD_FIELD_FEAT_RAW_POINTER = stringConstant('XENKBD_FIELD_FEAT_RAW_POINTER', 'feature-raw-pointer', { since: '4.11', doc: 'Back end: `1` when it can report absolute positions unscaled, from 0 to 0x7fff.' });
export const XENKBD_FIELD_FEAT_MTOUCH = stringConstant('XENKBD_FIELD_FEAT_MTOUCH', 'feature-multi-touch', { ...KEY, doc: 'Back end: `1` when it can report multi-touch events.' });
export const XENKBD_FIELD_REQ_ABS_POINTER = stringConstant('XENKBD_FIELD_REQ_ABS_POINTER', 'request-abs-pointer', { ...KEY, doc: 'Front end: `1` to get absolute positions instead of relative motion.' });
export const XENKBD_FIELD_REQ_RAW_POINTER = stringConstant('XENKBD_FIELD_REQ_RAW_POINTER', 'request-raw-pointer', { since: '4.11', doc: 'Front end: `1` to get those positions unscaled; only with request-abs-pointer.' });
export const XENKBD_FIELD_REQ_MTOUCH = stringConstant('XENKBD_FIELD_REQ_MTOUCH', 'request-multi-touch', { ...KEY, doc: 'Front end: `1` to get multi-touch events.' });
export const XENKBD_FIELD_RING_GREF = stringConstant('XENKBD_FIELD_RING_GREF', 'page-gref', { ...KEY, doc: 'Front end: the grant reference of the shared page, in decimal.' });
export const XENKBD_FIELD_EVT_CHANNEL = stringConstant('XENKBD_FIELD_EVT_CHANNEL', 'event-channel', { ...KEY, doc: 'Front end: the event channel port the two ends signal each other on.' });
export const XENKBD_FIELD_WIDTH = stringConstant('XENKBD_FIELD_WIDTH', 'width', { ...KEY, doc: 'Back end: the largest X coordinate the pointer reports, in pixels.' });
export const XENKBD_FIELD_HEIGHT = stringConstant('XENKBD_FIELD_HEIGHT', 'height', { ...KEY, doc: 'Back end: the largest Y coordinate the pointer reports, in pixels.' });
export const XENKBD_FIELD_MT_WIDTH = stringConstant('XENKBD_FIELD_MT_WIDTH', 'multi-touch-width', { ...KEY, doc: 'Back end: the width of the touch area, in pixels.' });
export const XENKBD_FIELD_MT_HEIGHT = stringConstant('XENKBD_FIELD_MT_HEIGHT', 'multi-touch-height', { ...KEY, doc: 'Back end: the height of the touch area, in pixels.' });
export const XENKBD_FIELD_MT_NUM_CONTACTS = stringConstant('XENKBD_FIELD_MT_NUM_CONTACTS', 'multi-touch-num-contacts', { ...KEY, doc: 'Back end: how many touches it reports at once.' });
export const XENKBD_FIELD_UNIQUE_ID = stringConstant('XENKBD_FIELD_UNIQUE_ID', 'unique-id', { since: '4.11', doc: 'Back end: an identifier of this device instance (a UUID, say), so several can be told apart.' });
export const XENKBD_FIELD_RING_REF = stringConstant('XENKBD_FIELD_RING_REF', 'page-ref', { ...KEY, doc: "Front end, obsolete: the shared page's frame number, from before page-gref." });

export default abiModule({
  name: 'kbdif',
  xenHeader: 'io/kbdif.h',
  xenGuard: '__XEN_PUBLIC_IO_KBDIF_H__',
  coverage: 'partial',
  doc: 'The paravirtual keyboard and pointer: input events, their ring slots and the shared page.',
  items: [
    XENKBD_TYPE,
    XENKBD_MT_EV,
    XENKBD_DRIVER_NAME,
    XENKBD_FIELD_FEAT_DSBL_KEYBRD,
    XENKBD_FIELD_FEAT_DSBL_POINTER,
    XENKBD_FIELD_FEAT_ABS_POINTER,
    XENKBD_FIELD_FEAT_RAW_POINTER,
    XENKBD_FIELD_FEAT_MTOUCH,
    XENKBD_FIELD_REQ_ABS_POINTER,
    XENKBD_FIELD_REQ_RAW_POINTER,
    XENKBD_FIELD_REQ_MTOUCH,
    XENKBD_FIELD_RING_GREF,
    XENKBD_FIELD_EVT_CHANNEL,
    XENKBD_FIELD_WIDTH,
    XENKBD_FIELD_HEIGHT,
    XENKBD_FIELD_MT_WIDTH,
    XENKBD_FIELD_MT_HEIGHT,
    XENKBD_FIELD_MT_NUM_CONTACTS,
    XENKBD_FIELD_UNIQUE_ID,
    XENKBD_FIELD_RING_REF,
    xenkbd_motion,
    xenkbd_key,
    xenkbd_position,
    xenkbd_mtouch,
    XENKBD_IN_EVENT_SIZE,
    xenkbd_in_event,
    XENKBD_OUT_EVENT_SIZE,
    xenkbd_out_event,
    XENKBD_IN_RING_SIZE,
    XENKBD_IN_RING_OFFS,
    XENKBD_OUT_RING_SIZE,
    xenkbd_page,
  ],
});
