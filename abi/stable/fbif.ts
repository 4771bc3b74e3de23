/**
 * The paravirtual framebuffer: a guest's front end draws into pages it shares with a back end
 * (QEMU's vfb), which shows them, and the two pass fixed 40-byte events over two rings on a
 * shared page: the front end reports updated rectangles and mode changes, the back end
 * advises how often to refresh. The page also lists, through directory pages, every frame of
 * the framebuffer. Xen's function-like macros that find an event on the page are code, not
 * ABI, and are not declared; nor are the default resolution macros Xen shows only to kernel
 * builds.
 */
import { abiModule, ARM, array, c_char, c_ulong, constant, field, i32, struct, u32, u8, union, valueSet, X86 } from 'xenabi/dsl';

const ALL = [...X86, ...ARM];

const XENFB_OUT_TYPE = valueSet('XENFB_OUT_TYPE', {
  since: '4.6',
  field: 'xenfb_out_event.type',
  doc: 'What an event from the front end is: the first byte of every such event.',
  values: [
    constant('XENFB_TYPE_UPDATE', 2, { since: '4.6', doc: 'A rectangle of the framebuffer changed: xenfb_update (only if the back end asked for updates).' }),
    constant('XENFB_TYPE_RESIZE', 3, { since: '4.6', doc: 'The front end changed the mode: xenfb_resize (only if the back end offers feature-resize).' }),
  ],
});

export const xenfb_update = struct('xenfb_update', {
  since: '4.6',
  doc: 'A rectangle of the framebuffer the front end changed.',
  fields: [
    field('type', u8, { doc: 'XENFB_TYPE_UPDATE.' }),
    field('x', i32, { doc: 'Left edge, in pixels.' }),
    field('y', i32, { doc: 'Top edge, in pixels.' }),
    field('width', i32, { doc: 'Width, in pixels.' }),
    field('height', i32, { doc: 'Height, in pixels.' }),
  ],
  holes: [{ after: 'type', archs: ALL, reason: 'x is 4-byte aligned' }],
});

export const xenfb_resize = struct('xenfb_resize', {
  since: '4.6',
  doc: 'The framebuffer\'s new mode.',
  fields: [
    field('type', u8, { doc: 'XENFB_TYPE_RESIZE.' }),
    field('width', i32, { doc: 'Width, in pixels.' }),
    field('height', i32, { doc: 'Height, in pixels.' }),
    field('stride', i32, { doc: 'Bytes from one row to the next.' }),
    field('depth', i32, { doc: 'Bits per pixel.' }),
    field('offset', i32, { doc: 'Where the visible framebuffer starts in the shared memory, in bytes.' }),
  ],
  holes: [{ after: 'type', archs: ALL, reason: 'width is 4-byte aligned' }],
});

export const XENFB_OUT_EVENT_SIZE = constant('XENFB_OUT_EVENT_SIZE', 40, { since: '4.6', doc: 'Bytes of one event from the front end.' });

export const xenfb_out_event = union('xenfb_out_event', {
  since: '4.6',
  doc: 'One slot of the ring the front end writes: an event of any type.',
  fields: [
    field('type', u8, { doc: 'A XENFB_TYPE_UPDATE or XENFB_TYPE_RESIZE: which member holds the event.' }),
    field('update', xenfb_update, { doc: 'XENFB_TYPE_UPDATE.' }),
    field('resize', xenfb_resize, { doc: 'XENFB_TYPE_RESIZE.' }),
    field('pad', array(c_char, 40, XENFB_OUT_EVENT_SIZE), { doc: 'The slot\'s size.' }),
  ],
});

const XENFB_IN_TYPE = valueSet('XENFB_IN_TYPE', {
  since: '4.6',
  field: 'xenfb_in_event.type',
  doc: 'What an event from the back end is. A front end ignores types it does not know.',
  values: [constant('XENFB_TYPE_REFRESH_PERIOD', 1, { since: '4.6', doc: 'How often the back end would like the framebuffer refreshed: xenfb_refresh_period.' })],
});

export const XENFB_NO_REFRESH = constant('XENFB_NO_REFRESH', 0, {
  since: '4.6',
  doc: 'A refresh period meaning the back end needs no refreshes (it is not showing the framebuffer).',
});

export const xenfb_refresh_period = struct('xenfb_refresh_period', {
  since: '4.6',
  doc: 'The back end\'s advice on how often to refresh. A front end that keeps the framebuffer up to date anyway ignores it; one that follows it refreshes at once, then at this period.',
  fields: [
    field('type', u8, { doc: 'XENFB_TYPE_REFRESH_PERIOD.' }),
    field('period', u32, { doc: 'The period, in milliseconds, or XENFB_NO_REFRESH.' }),
  ],
  holes: [{ after: 'type', archs: ALL, reason: 'period is 4-byte aligned' }],
});

export const XENFB_IN_EVENT_SIZE = constant('XENFB_IN_EVENT_SIZE', 40, { since: '4.6', doc: 'Bytes of one event from the back end.' });

export const xenfb_in_event = union('xenfb_in_event', {
  since: '4.6',
  doc: 'One slot of the ring the back end writes: an event of any type.',
  fields: [
    field('type', u8, { doc: 'A XENFB_TYPE_REFRESH_PERIOD: which member holds the event.' }),
    field('refresh_period', xenfb_refresh_period, { doc: 'XENFB_TYPE_REFRESH_PERIOD.' }),
    field('pad', array(c_char, 40, XENFB_IN_EVENT_SIZE), { doc: 'The slot\'s size.' }),
  ],
});

export const XENFB_IN_RING_SIZE = constant('XENFB_IN_RING_SIZE', 1024, { since: '4.6', doc: 'Bytes of the ring the back end writes.' });
export const XENFB_IN_RING_LEN = constant('XENFB_IN_RING_LEN', 25, { since: '4.6', doc: 'Events that ring holds: XENFB_IN_RING_SIZE over XENFB_IN_EVENT_SIZE. An event is at its index modulo this.' });
export const XENFB_IN_RING_OFFS = constant('XENFB_IN_RING_OFFS', 1024, { since: '4.6', doc: 'Where that ring starts on the page.' });
export const XENFB_OUT_RING_SIZE = constant('XENFB_OUT_RING_SIZE', 2048, { since: '4.6', doc: 'Bytes of the ring the front end writes.' });
export const XENFB_OUT_RING_LEN = constant('XENFB_OUT_RING_LEN', 51, { since: '4.6', doc: 'Events that ring holds: XENFB_OUT_RING_SIZE over XENFB_OUT_EVENT_SIZE. An event is at its index modulo this.' });
export const XENFB_OUT_RING_OFFS = constant('XENFB_OUT_RING_OFFS', 2048, { since: '4.6', doc: 'Where that ring starts on the page: right after the other one.' });

export const xenfb_page = struct('xenfb_page', {
  since: '4.6',
  doc: 'The head of the shared page: the indices of both event rings (which follow at XENFB_IN_RING_OFFS and XENFB_OUT_RING_OFFS), the framebuffer\'s mode and where its frames are.',
  fields: [
    field('in_cons', u32, { doc: 'Events the front end has taken from the back end\'s ring.' }),
    field('in_prod', u32, { doc: 'Events the back end has posted to its ring.' }),
    field('out_cons', u32, { doc: 'Events the back end has taken from the front end\'s ring.' }),
    field('out_prod', u32, { doc: 'Events the front end has posted to its ring.' }),
    field('width', i32, { doc: 'Width of the framebuffer, in pixels.' }),
    field('height', i32, { doc: 'Height, in pixels.' }),
    field('line_length', u32, { doc: 'Bytes of one row of pixels.' }),
    field('mem_length', u32, { doc: 'Bytes of the whole framebuffer.' }),
    field('depth', u8, { doc: 'Bits per pixel.' }),
    field('pd', array(c_ulong, 256), { doc: 'The frames of the page directory: each directory page lists frames of the framebuffer, one unsigned long each. 256 of them cover 512 MiB on 64-bit guests.' }),
  ],
  holes: [{ after: 'depth', archs: ALL, reason: 'pd is aligned to unsigned long' }],
});

export default abiModule({
  name: 'fbif',
  xenHeader: 'io/fbif.h',
  xenGuard: '__XEN_PUBLIC_IO_FBIF_H__',
  coverage: 'full',
  doc: 'The paravirtual framebuffer: its events, their two rings and the shared page with the framebuffer\'s mode and page directory.',
  items: [
    XENFB_OUT_TYPE,
    xenfb_update,
    xenfb_resize,
    XENFB_OUT_EVENT_SIZE,
    xenfb_out_event,
    XENFB_IN_TYPE,
    XENFB_NO_REFRESH,
    xenfb_refresh_period,
    XENFB_IN_EVENT_SIZE,
    xenfb_in_event,
    XENFB_IN_RING_SIZE,
    XENFB_IN_RING_LEN,
    XENFB_IN_RING_OFFS,
    XENFB_OUT_RING_SIZE,
    XENFB_OUT_RING_LEN,
    XENFB_OUT_RING_OFFS,
    xenfb_page,
  ],
});
