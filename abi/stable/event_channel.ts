/**
 * Event channels: Xen's virtual interrupt lines between domains, vCPUs, physical and
 * virtual IRQs. Covers the `EVTCHNOP_*` hypercall sub-ops with their argument records,
 * the legacy `evtchn_op` wrapper, the 2-level bitmap size and the FIFO event ABI
 * (event words and the per-vCPU control block).
 */
import {
  ARM,
  X86,
  abiModule,
  array,
  constant,
  field,
  flag,
  flagSet,
  inlineStruct,
  inlineUnion,
  op,
  opSet,
  pad,
  struct,
  typedef,
  u16,
  u32,
  u64,
  u8,
  valueSet,
} from 'xenabi/dsl';
import { domid_t } from './xen.ts';

/** Every architecture: the holes below come from a 2-byte domid before a 4-byte field. */
const ALL = [...X86, ...ARM];

// ---- Sub-op numbers ----------------------------------------------------------------------

const EVTCHNOP_bind_interdomain = constant('EVTCHNOP_bind_interdomain', 0, {
  since: '4.6',
  doc: 'Connect a new local port to an unbound port another domain offered to us (evtchn_bind_interdomain).',
});
const EVTCHNOP_bind_virq = constant('EVTCHNOP_bind_virq', 1, {
  since: '4.6',
  doc: 'Attach a new local port to a virtual IRQ on a chosen vCPU (evtchn_bind_virq).',
});
const EVTCHNOP_bind_pirq = constant('EVTCHNOP_bind_pirq', 2, {
  since: '4.6',
  doc: 'Attach a new local port to a physical IRQ the domain may use (evtchn_bind_pirq).',
});
const EVTCHNOP_close = constant('EVTCHNOP_close', 3, {
  since: '4.6',
  doc: 'Release a local port; an interdomain peer falls back to the unbound state (evtchn_close).',
});
const EVTCHNOP_send = constant('EVTCHNOP_send', 4, {
  since: '4.6',
  doc: 'Raise the event on the far end of a local port (evtchn_send).',
});
const EVTCHNOP_status = constant('EVTCHNOP_status', 5, {
  since: '4.6',
  doc: 'Ask what a port of some domain is bound to (evtchn_status).',
});
const EVTCHNOP_alloc_unbound = constant('EVTCHNOP_alloc_unbound', 6, {
  since: '4.6',
  doc: 'Create a port in a domain that waits for one named remote domain to connect (evtchn_alloc_unbound).',
});
const EVTCHNOP_bind_ipi = constant('EVTCHNOP_bind_ipi', 7, {
  since: '4.6',
  doc: 'Create a port for inter-processor notifications within the calling domain (evtchn_bind_ipi).',
});
const EVTCHNOP_bind_vcpu = constant('EVTCHNOP_bind_vcpu', 8, {
  since: '4.6',
  doc: 'Choose which vCPU is notified when a port fires (evtchn_bind_vcpu).',
});
const EVTCHNOP_unmask = constant('EVTCHNOP_unmask', 9, {
  since: '4.6',
  doc: 'Clear the mask of a local port and deliver any event that arrived meanwhile (evtchn_unmask).',
});
const EVTCHNOP_reset = constant('EVTCHNOP_reset', 10, {
  since: '4.6',
  doc: 'Close every port of a domain, and drop back to the 2-level ABI when the caller resets itself (evtchn_reset).',
});
const EVTCHNOP_init_control = constant('EVTCHNOP_init_control', 11, {
  since: '4.6',
  doc: 'Switch a vCPU to the FIFO ABI by registering its control block page (evtchn_init_control).',
});
const EVTCHNOP_expand_array = constant('EVTCHNOP_expand_array', 12, {
  since: '4.6',
  doc: 'Hand Xen one more page of FIFO event words (evtchn_expand_array).',
});
const EVTCHNOP_set_priority = constant('EVTCHNOP_set_priority', 13, {
  since: '4.6',
  doc: 'Move a port to another FIFO priority queue (evtchn_set_priority).',
});

// ---- Port numbers and sub-op arguments --------------------------------------------------

export const evtchn_port_t = typedef('evtchn_port_t', u32, {
  since: '4.6',
  doc: 'An event channel port number, local to the domain that owns it.',
});

export const evtchn_alloc_unbound = struct('evtchn_alloc_unbound', {
  typedef: 'evtchn_alloc_unbound_t',
  since: '4.6',
  doc: 'Arguments of EVTCHNOP_alloc_unbound: open a port that a single remote domain may later bind to.',
  fields: [
    field('dom', domid_t, { doc: 'IN: the domain that gets the new port; DOMID_SELF unless the caller is privileged.' }),
    field('remote_dom', domid_t, { doc: 'IN: the only domain allowed to connect; DOMID_SELF makes a loopback channel.' }),
    field('port', evtchn_port_t, { doc: 'OUT: the newly allocated port in `dom`.' }),
  ],
});

export const evtchn_bind_interdomain = struct('evtchn_bind_interdomain', {
  typedef: 'evtchn_bind_interdomain_t',
  since: '4.6',
  doc: 'Arguments of EVTCHNOP_bind_interdomain: connect to a port another domain left unbound for us. The new local port starts out pending.',
  fields: [
    field('remote_dom', domid_t, { doc: 'IN: the domain that owns the unbound port; DOMID_SELF for loopback.' }),
    field('remote_port', evtchn_port_t, { doc: 'IN: the unbound port in `remote_dom`.' }),
    field('local_port', evtchn_port_t, { doc: 'OUT: the caller\'s end of the new channel.' }),
  ],
  holes: [{ after: 'remote_dom', archs: ALL, reason: 'remote_port is a 4-byte port number following a 2-byte domid' }],
});

export const evtchn_bind_virq = struct('evtchn_bind_virq', {
  typedef: 'evtchn_bind_virq_t',
  since: '4.6',
  doc: 'Arguments of EVTCHNOP_bind_virq: deliver a virtual IRQ through a new local port.',
  fields: [
    field('virq', u32, { doc: 'IN: the VIRQ_* number to bind.' }),
    field('vcpu', u32, { doc: 'IN: the vCPU to notify; global VIRQs must start on vCPU 0.' }),
    field('port', evtchn_port_t, { doc: 'OUT: the new local port.' }),
  ],
});

const BIND_PIRQ_FLAGS = flagSet('BIND_PIRQ', {
  since: '4.6',
  field: 'evtchn_bind_pirq.flags',
  doc: 'Flags of evtchn_bind_pirq.',
  flags: [
    flag('BIND_PIRQ__WILL_SHARE', 0, {
      since: '4.6',
      spelling: 'dec',
      doc: 'The caller is prepared to share the physical IRQ with other domains.',
    }),
  ],
});

export const evtchn_bind_pirq = struct('evtchn_bind_pirq', {
  typedef: 'evtchn_bind_pirq_t',
  since: '4.6',
  doc: 'Arguments of EVTCHNOP_bind_pirq: deliver a physical IRQ the domain was granted through a new local port.',
  fields: [
    field('pirq', u32, { doc: 'IN: the physical IRQ number as the domain knows it.' }),
    field('flags', u32, { doc: 'IN: BIND_PIRQ__* flags.' }),
    field('port', evtchn_port_t, { doc: 'OUT: the new local port.' }),
  ],
});

export const evtchn_bind_ipi = struct('evtchn_bind_ipi', {
  typedef: 'evtchn_bind_ipi_t',
  since: '4.6',
  doc: 'Arguments of EVTCHNOP_bind_ipi: a port one vCPU of the domain uses to signal another.',
  fields: [
    field('vcpu', u32, { doc: 'IN: the vCPU that receives the notifications; fixed for the life of the port.' }),
    field('port', evtchn_port_t, { doc: 'OUT: the new local port.' }),
  ],
});

export const evtchn_close = struct('evtchn_close', {
  typedef: 'evtchn_close_t',
  since: '4.6',
  doc: 'Arguments of EVTCHNOP_close.',
  fields: [field('port', evtchn_port_t, { doc: 'IN: the local port to release.' })],
});

export const evtchn_send = struct('evtchn_send', {
  typedef: 'evtchn_send_t',
  since: '4.6',
  doc: 'Arguments of EVTCHNOP_send.',
  fields: [field('port', evtchn_port_t, { doc: 'IN: the local port whose peer is signalled.' })],
});

const EVTCHNSTAT = valueSet('EVTCHNSTAT', {
  since: '4.6',
  field: 'evtchn_status.status',
  doc: 'What a port is bound to, as EVTCHNOP_status reports it.',
  values: [
    constant('EVTCHNSTAT_closed', 0, { since: '4.6', doc: 'The port is free.' }),
    constant('EVTCHNSTAT_unbound', 1, { since: '4.6', doc: 'The port waits for a remote domain to bind to it.' }),
    constant('EVTCHNSTAT_interdomain', 2, { since: '4.6', doc: 'The port is connected to a port of another domain.' }),
    constant('EVTCHNSTAT_pirq', 3, { since: '4.6', doc: 'The port carries a physical IRQ.' }),
    constant('EVTCHNSTAT_virq', 4, { since: '4.6', doc: 'The port carries a virtual IRQ.' }),
    constant('EVTCHNSTAT_ipi', 5, { since: '4.6', doc: 'The port carries inter-processor notifications.' }),
  ],
});

export const evtchn_status = struct('evtchn_status', {
  typedef: 'evtchn_status_t',
  since: '4.6',
  doc: 'Arguments of EVTCHNOP_status: the binding of one port. Querying another domain needs privilege.',
  fields: [
    field('dom', domid_t, { doc: 'IN: the domain owning the port; DOMID_SELF for the caller.' }),
    field('port', evtchn_port_t, { doc: 'IN: the port to look at.' }),
    field('status', u32, { doc: 'OUT: an EVTCHNSTAT_* value; it selects the member of `u` that is valid.' }),
    field('vcpu', u32, { doc: 'OUT: the vCPU notified when the port fires.' }),
    field(
      'u',
      inlineUnion({
        doc: 'OUT: details of the binding; the member is chosen by `status`.',
        fields: [
          field(
            'unbound',
            inlineStruct({
              doc: 'Details for EVTCHNSTAT_unbound.',
              fields: [field('dom', domid_t, { doc: 'The remote domain allowed to connect.' })],
            }),
            { doc: 'Valid when `status` is EVTCHNSTAT_unbound.' },
          ),
          field(
            'interdomain',
            inlineStruct({
              doc: 'Details for EVTCHNSTAT_interdomain.',
              fields: [
                field('dom', domid_t, { doc: 'The domain at the other end.' }),
                field('port', evtchn_port_t, { doc: 'The port at the other end.' }),
              ],
              holes: [{ after: 'dom', archs: ALL, reason: 'port is a 4-byte port number following a 2-byte domid' }],
            }),
            { doc: 'Valid when `status` is EVTCHNSTAT_interdomain.' },
          ),
          field('pirq', u32, { doc: 'Valid when `status` is EVTCHNSTAT_pirq: the physical IRQ.' }),
          field('virq', u32, { doc: 'Valid when `status` is EVTCHNSTAT_virq: the virtual IRQ.' }),
        ],
      }),
      { doc: 'OUT: binding details selected by `status`.' },
    ),
  ],
  holes: [{ after: 'dom', archs: ALL, reason: 'port is a 4-byte port number following a 2-byte domid' }],
  selectors: [
    {
      union: 'u',
      by: 'status',
      arms: [
        { member: 'unbound', values: ['EVTCHNSTAT_unbound'] },
        { member: 'interdomain', values: ['EVTCHNSTAT_interdomain'] },
        { member: 'pirq', values: ['EVTCHNSTAT_pirq'] },
        { member: 'virq', values: ['EVTCHNSTAT_virq'] },
      ],
    },
  ],
});

export const evtchn_bind_vcpu = struct('evtchn_bind_vcpu', {
  typedef: 'evtchn_bind_vcpu_t',
  since: '4.6',
  doc: 'Arguments of EVTCHNOP_bind_vcpu. IPI ports and per-vCPU VIRQ ports cannot be moved; every other port starts on vCPU 0.',
  fields: [
    field('port', evtchn_port_t, { doc: 'IN: the local port to retarget.' }),
    field('vcpu', u32, { doc: 'IN: the vCPU to notify from now on.' }),
  ],
});

export const evtchn_unmask = struct('evtchn_unmask', {
  typedef: 'evtchn_unmask_t',
  since: '4.6',
  doc: 'Arguments of EVTCHNOP_unmask.',
  fields: [field('port', evtchn_port_t, { doc: 'IN: the local port to unmask.' })],
});

export const evtchn_reset = struct('evtchn_reset', {
  typedef: 'evtchn_reset_t',
  since: '4.6',
  doc: 'Arguments of EVTCHNOP_reset. Events bound while the reset runs may be lost.',
  fields: [field('dom', domid_t, { doc: 'IN: the domain whose ports are all closed; DOMID_SELF unless privileged.' })],
});

export const evtchn_init_control = struct('evtchn_init_control', {
  typedef: 'evtchn_init_control_t',
  since: '4.6',
  doc: 'Arguments of EVTCHNOP_init_control: register a vCPU\'s FIFO control block. Events pending before the switch are dropped, so call it before binding ports.',
  fields: [
    field('control_gfn', u64, { doc: 'IN: the guest frame holding the control block.' }),
    field('offset', u32, { doc: 'IN: byte offset of the evtchn_fifo_control_block inside that frame.' }),
    field('vcpu', u32, { doc: 'IN: the vCPU the control block belongs to.' }),
    field('link_bits', u8, { doc: 'OUT: how many bits of an event word hold the LINK field.' }),
    pad('_pad', array(u8, 7), { doc: 'Zero.' }),
  ],
});

export const evtchn_expand_array = struct('evtchn_expand_array', {
  typedef: 'evtchn_expand_array_t',
  since: '4.6',
  doc: 'Arguments of EVTCHNOP_expand_array.',
  fields: [field('array_gfn', u64, { doc: 'IN: a guest frame to append to the event word array.' })],
});

export const evtchn_set_priority = struct('evtchn_set_priority', {
  typedef: 'evtchn_set_priority_t',
  since: '4.6',
  doc: 'Arguments of EVTCHNOP_set_priority.',
  fields: [
    field('port', evtchn_port_t, { doc: 'IN: the local port to move.' }),
    field('priority', u32, { doc: 'IN: the new queue, from EVTCHN_FIFO_PRIORITY_MAX (0, most urgent) to EVTCHN_FIFO_PRIORITY_MIN.' }),
  ],
});

export const evtchn_op = struct('evtchn_op', {
  typedef: 'evtchn_op_t',
  since: '4.6',
  doc: 'The argument of the old single-argument event channel hypercall: a sub-op number and its arguments in one record. Newer callers pass the sub-op and the argument record separately; the FIFO sub-ops exist only that way.',
  fields: [
    field('cmd', u32, { doc: 'IN: an EVTCHNOP_* number selecting the member of `u`.' }),
    field(
      'u',
      inlineUnion({
        doc: 'The arguments of the sub-op named by `cmd`.',
        fields: [
          field('alloc_unbound', evtchn_alloc_unbound, { doc: 'For EVTCHNOP_alloc_unbound.' }),
          field('bind_interdomain', evtchn_bind_interdomain, { doc: 'For EVTCHNOP_bind_interdomain.' }),
          field('bind_virq', evtchn_bind_virq, { doc: 'For EVTCHNOP_bind_virq.' }),
          field('bind_pirq', evtchn_bind_pirq, { doc: 'For EVTCHNOP_bind_pirq.' }),
          field('bind_ipi', evtchn_bind_ipi, { doc: 'For EVTCHNOP_bind_ipi.' }),
          field('close', evtchn_close, { doc: 'For EVTCHNOP_close.' }),
          field('send', evtchn_send, { doc: 'For EVTCHNOP_send.' }),
          field('status', evtchn_status, { doc: 'For EVTCHNOP_status.' }),
          field('bind_vcpu', evtchn_bind_vcpu, { doc: 'For EVTCHNOP_bind_vcpu.' }),
          field('unmask', evtchn_unmask, { doc: 'For EVTCHNOP_unmask.' }),
        ],
      }),
      { doc: 'IN/OUT: the sub-op arguments; OUT members are filled in on return.' },
    ),
  ],
});

const EVTCHNOP = opSet('EVTCHNOP', {
  since: '4.6',
  doc: 'Event channel sub-ops, each with the record it takes; the older ones can also travel inside evtchn_op.',
  dispatch: { record: evtchn_op, opField: 'cmd', payloadField: 'u' },
  ops: [
    op(EVTCHNOP_bind_interdomain, { member: 'bind_interdomain', record: evtchn_bind_interdomain }),
    op(EVTCHNOP_bind_virq, { member: 'bind_virq', record: evtchn_bind_virq }),
    op(EVTCHNOP_bind_pirq, { member: 'bind_pirq', record: evtchn_bind_pirq }),
    op(EVTCHNOP_close, { member: 'close', record: evtchn_close }),
    op(EVTCHNOP_send, { member: 'send', record: evtchn_send }),
    op(EVTCHNOP_status, { member: 'status', record: evtchn_status }),
    op(EVTCHNOP_alloc_unbound, { member: 'alloc_unbound', record: evtchn_alloc_unbound }),
    op(EVTCHNOP_bind_ipi, { member: 'bind_ipi', record: evtchn_bind_ipi }),
    op(EVTCHNOP_bind_vcpu, { member: 'bind_vcpu', record: evtchn_bind_vcpu }),
    op(EVTCHNOP_unmask, { member: 'unmask', record: evtchn_unmask }),
    op(EVTCHNOP_reset, { record: evtchn_reset }),
    op(EVTCHNOP_init_control, { record: evtchn_init_control }),
    op(EVTCHNOP_expand_array, { record: evtchn_expand_array }),
    op(EVTCHNOP_set_priority, { record: evtchn_set_priority }),
  ],
});

// ---- 2-level ABI -------------------------------------------------------------------------

const EVTCHN_2L_NR_CHANNELS = constant('EVTCHN_2L_NR_CHANNELS', 4096, {
  since: '4.6',
  values: { x86_32: 1024, x86_64: 4096, arm32: 4096, arm64: 4096 },
  cType: 'unsigned long',
  doc: 'Ports the 2-level (bitmap) ABI can address: the square of the bits in an xen_ulong_t. Xen computes it with sizeof, so its type is size_t.',
});

// ---- FIFO ABI ----------------------------------------------------------------------------

const EVTCHN_FIFO_PRIORITY_MAX = constant('EVTCHN_FIFO_PRIORITY_MAX', 0, {
  since: '4.6',
  doc: 'The most urgent FIFO priority.',
});
const EVTCHN_FIFO_PRIORITY_DEFAULT = constant('EVTCHN_FIFO_PRIORITY_DEFAULT', 7, {
  since: '4.6',
  doc: 'The priority a newly bound port gets.',
});
const EVTCHN_FIFO_PRIORITY_MIN = constant('EVTCHN_FIFO_PRIORITY_MIN', 15, {
  since: '4.6',
  doc: 'The least urgent FIFO priority.',
});
const EVTCHN_FIFO_MAX_QUEUES = constant('EVTCHN_FIFO_MAX_QUEUES', 16, {
  since: '4.6',
  doc: 'Number of priority queues per vCPU, one per priority level.',
});

export const event_word_t = typedef('event_word_t', u32, {
  since: '4.6',
  doc: 'One FIFO event word: the state bits of a port plus the LINK to the next port in its queue. Update it atomically.',
});

const EVTCHN_FIFO_PENDING = constant('EVTCHN_FIFO_PENDING', 31, {
  since: '4.6',
  doc: 'Bit number in an event word: the event is raised.',
});
const EVTCHN_FIFO_MASKED = constant('EVTCHN_FIFO_MASKED', 30, {
  since: '4.6',
  doc: 'Bit number in an event word: the guest does not want to be notified.',
});
const EVTCHN_FIFO_LINKED = constant('EVTCHN_FIFO_LINKED', 29, {
  since: '4.6',
  doc: 'Bit number in an event word: the port sits on a queue.',
});
const EVTCHN_FIFO_BUSY = constant('EVTCHN_FIFO_BUSY', 28, {
  since: '4.6',
  doc: 'Bit number in an event word: Xen is relinking the port; leave the LINK field alone.',
});
const EVTCHN_FIFO_LINK_BITS = constant('EVTCHN_FIFO_LINK_BITS', 17, {
  since: '4.6',
  doc: 'Width of the LINK field at the bottom of an event word.',
});
const EVTCHN_FIFO_LINK_MASK = constant('EVTCHN_FIFO_LINK_MASK', 0x1ffff, {
  since: '4.6',
  spelling: 'hex',
  doc: 'Mask selecting the LINK field (the next port in the queue) from an event word.',
});
const EVTCHN_FIFO_NR_CHANNELS = constant('EVTCHN_FIFO_NR_CHANNELS', 131072, {
  since: '4.6',
  doc: 'Ports the FIFO ABI can address: every value the LINK field can hold.',
});

export const evtchn_fifo_control_block = struct('evtchn_fifo_control_block', {
  typedef: 'evtchn_fifo_control_block_t',
  since: '4.6',
  doc: 'Per-vCPU FIFO state shared with Xen, placed by EVTCHNOP_init_control.',
  fields: [
    field('ready', u32, { doc: 'Bitmap of queues that have events waiting; bit n is priority n.' }),
    pad('_rsvd', u32, { doc: 'Reserved.' }),
    field('head', array(u32, 16, EVTCHN_FIFO_MAX_QUEUES), { doc: 'The first port of each priority queue.' }),
  ],
});

export default abiModule({
  name: 'event_channel',
  xenHeader: 'event_channel.h',
  xenGuard: '__XEN_PUBLIC_EVENT_CHANNEL_H__',
  coverage: 'full',
  doc: 'Event channels: the EVTCHNOP_* sub-ops and their arguments, port status, and the 2-level and FIFO event ABIs.',
  items: [
    EVTCHNOP,
    evtchn_port_t,
    evtchn_alloc_unbound,
    evtchn_bind_interdomain,
    evtchn_bind_virq,
    BIND_PIRQ_FLAGS,
    evtchn_bind_pirq,
    evtchn_bind_ipi,
    evtchn_close,
    evtchn_send,
    EVTCHNSTAT,
    evtchn_status,
    evtchn_bind_vcpu,
    evtchn_unmask,
    evtchn_reset,
    evtchn_init_control,
    evtchn_expand_array,
    evtchn_set_priority,
    evtchn_op,
    EVTCHN_2L_NR_CHANNELS,
    EVTCHN_FIFO_PRIORITY_MAX,
    EVTCHN_FIFO_PRIORITY_DEFAULT,
    EVTCHN_FIFO_PRIORITY_MIN,
    EVTCHN_FIFO_MAX_QUEUES,
    event_word_t,
    EVTCHN_FIFO_PENDING,
    EVTCHN_FIFO_MASKED,
    EVTCHN_FIFO_LINKED,
    EVTCHN_FIFO_BUSY,
    EVTCHN_FIFO_LINK_BITS,
    EVTCHN_FIFO_LINK_MASK,
    EVTCHN_FIFO_NR_CHANNELS,
    evtchn_fifo_control_block,
  ],
});
