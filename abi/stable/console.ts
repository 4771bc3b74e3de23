/**
 * The paravirtual console: a page a guest shares with its console back end (xenconsoled, or
 * QEMU for a device-model console), holding two byte rings, one for keyboard input to the
 * guest and a larger one for the guest's output. Each ring has a consumer and a producer
 * index that only grow; a byte is at its index masked by the ring's length minus one.
 */
import { abiModule, array, byteRing, constant, field, struct, typedef, u32, u8, valueSet, X86, ARM } from 'xenabi/dsl';

export const XENCONS_RING_IDX = typedef('XENCONS_RING_IDX', u32, {
  since: '4.6',
  doc: 'A console ring index: free-running, wrapping at 2^32.',
});

export const xencons_interface = struct('xencons_interface', {
  since: '4.6',
  doc: 'The console page: the input ring the back end writes for the guest, the output ring the guest writes for the back end, and their indices.',
  fields: [
    field('in', array(u8, 1024), { doc: 'Input to the guest (keystrokes); the back end produces, the guest consumes. Xen declares it as char.' }),
    field('out', array(u8, 2048), { doc: 'Output of the guest; the guest produces, the back end consumes. Xen declares it as char.' }),
    field('in_cons', XENCONS_RING_IDX, { doc: 'How far the guest has read `in`.' }),
    field('in_prod', XENCONS_RING_IDX, { doc: 'How far the back end has written `in`.' }),
    field('out_cons', XENCONS_RING_IDX, { doc: 'How far the back end has read `out`.' }),
    field('out_prod', XENCONS_RING_IDX, { doc: 'How far the guest has written `out`.' }),
    field('connection', u8, { since: '4.21', doc: 'A XENCONSOLE_* value: whether the back end is attached yet, for consoles set up before the guest starts.' }),
  ],
  holes: [{ after: 'connection', archs: [...X86, ...ARM], since: '4.21', reason: 'tail padding to the 4-byte alignment of the indices' }],
  byteRings: [
    byteRing('in', { cons: 'in_cons', prod: 'in_prod', producer: 'back' }),
    byteRing('out', { cons: 'out_cons', prod: 'out_prod', producer: 'front' }),
  ],
});

const XENCONSOLE = valueSet('XENCONSOLE', {
  since: '4.21',
  field: 'xencons_interface.connection',
  doc: 'Whether the console back end is attached.',
  values: [
    constant('XENCONSOLE_DISCONNECTED', 1, { since: '4.21', doc: 'Not yet: the guest may write output, which waits in the ring.' }),
    constant('XENCONSOLE_CONNECTED', 0, { since: '4.21', doc: 'The back end is attached and serving the rings.' }),
  ],
});

export default abiModule({
  name: 'console',
  xenHeader: 'io/console.h',
  xenGuard: '__XEN_PUBLIC_IO_CONSOLE_H__',
  coverage: 'full',
  doc: 'The paravirtual console page: an input and an output byte ring and their indices.',
  items: [XENCONS_RING_IDX, xencons_interface, XENCONSOLE],
});
