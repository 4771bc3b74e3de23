/**
 * `/dev/xen/evtchn`: event channels for user space. Each open file is a set of ports bound
 * through it; `read` returns the ports that fired (as 32-bit port numbers) and masks them,
 * `write` of the same numbers unmasks them, and `poll` waits for any. Binding, notifying and
 * closing go through the ioctls below, whose numbers (direction `_IOC_NONE` with the
 * argument's size) are the same on every architecture.
 */
import { abiModule, field, ioctl, struct, u32 } from 'xenabi/dsl';
import { domid_t } from '../stable/xen.ts';

export const ioctl_evtchn_bind_virq = struct('ioctl_evtchn_bind_virq', {
  linuxSince: '2.6.32',
  doc: 'Argument of IOCTL_EVTCHN_BIND_VIRQ. The ioctl returns the new local port.',
  fields: [field('virq', u32, { doc: 'The virtual IRQ (`VIRQ_*`) to bind.' })],
});

export const ioctl_evtchn_bind_interdomain = struct('ioctl_evtchn_bind_interdomain', {
  linuxSince: '2.6.32',
  doc: 'Argument of IOCTL_EVTCHN_BIND_INTERDOMAIN. The ioctl returns the new local port.',
  fields: [
    field('remote_domain', u32, { doc: 'The domain that offers the unbound port.' }),
    field('remote_port', u32, { doc: 'That port.' }),
  ],
});

export const ioctl_evtchn_bind_unbound_port = struct('ioctl_evtchn_bind_unbound_port', {
  linuxSince: '2.6.32',
  doc: 'Argument of IOCTL_EVTCHN_BIND_UNBOUND_PORT. The ioctl returns the new local port, which waits for `remote_domain` to connect.',
  fields: [field('remote_domain', u32, { doc: 'The only domain allowed to connect.' })],
});

export const ioctl_evtchn_unbind = struct('ioctl_evtchn_unbind', {
  linuxSince: '2.6.32',
  doc: 'Argument of IOCTL_EVTCHN_UNBIND.',
  fields: [field('port', u32, { doc: 'A port bound through this file.' })],
});

export const ioctl_evtchn_notify = struct('ioctl_evtchn_notify', {
  linuxSince: '2.6.32',
  doc: 'Argument of IOCTL_EVTCHN_NOTIFY.',
  fields: [field('port', u32, { doc: 'A port bound through this file; its remote end is signalled.' })],
});

export const ioctl_evtchn_restrict_domid = struct('ioctl_evtchn_restrict_domid', {
  linuxSince: '4.8',
  doc: 'Argument of IOCTL_EVTCHN_RESTRICT_DOMID.',
  fields: [field('domid', domid_t, { doc: 'The only domain this file may bind interdomain ports with from now on.' })],
});

export const ioctl_evtchn_bind = struct('ioctl_evtchn_bind', {
  linuxSince: '6.6',
  doc: 'Argument of IOCTL_EVTCHN_BIND_STATIC.',
  fields: [field('port', u32, { doc: 'A port Xen created for this domain at boot (a static event channel).' })],
});

export const IOCTL_EVTCHN_BIND_VIRQ = ioctl('IOCTL_EVTCHN_BIND_VIRQ', {
  direction: 'none', type: 'E', nr: 0, argument: ioctl_evtchn_bind_virq,
  linuxSince: '2.6.32',
  doc: 'Bind a virtual IRQ to a new port of this file (ioctl_evtchn_bind_virq); returns the port.',
});

export const IOCTL_EVTCHN_BIND_INTERDOMAIN = ioctl('IOCTL_EVTCHN_BIND_INTERDOMAIN', {
  direction: 'none', type: 'E', nr: 1, argument: ioctl_evtchn_bind_interdomain,
  linuxSince: '2.6.32',
  doc: 'Connect a new port to another domain\'s unbound port (ioctl_evtchn_bind_interdomain); returns the port.',
});

export const IOCTL_EVTCHN_BIND_UNBOUND_PORT = ioctl('IOCTL_EVTCHN_BIND_UNBOUND_PORT', {
  direction: 'none', type: 'E', nr: 2, argument: ioctl_evtchn_bind_unbound_port,
  linuxSince: '2.6.32',
  doc: 'Open a new port for one remote domain to connect to (ioctl_evtchn_bind_unbound_port); returns the port.',
});

export const IOCTL_EVTCHN_UNBIND = ioctl('IOCTL_EVTCHN_UNBIND', {
  direction: 'none', type: 'E', nr: 3, argument: ioctl_evtchn_unbind,
  linuxSince: '2.6.32',
  doc: 'Close a port of this file (ioctl_evtchn_unbind).',
});

export const IOCTL_EVTCHN_NOTIFY = ioctl('IOCTL_EVTCHN_NOTIFY', {
  direction: 'none', type: 'E', nr: 4, argument: ioctl_evtchn_notify,
  linuxSince: '2.6.32',
  doc: 'Signal the remote end of a port (ioctl_evtchn_notify).',
});

export const IOCTL_EVTCHN_RESET = ioctl('IOCTL_EVTCHN_RESET', {
  direction: 'none', type: 'E', nr: 5,
  linuxSince: '2.6.32',
  doc: 'Clear this file\'s queue of fired ports; takes no argument.',
});

export const IOCTL_EVTCHN_RESTRICT_DOMID = ioctl('IOCTL_EVTCHN_RESTRICT_DOMID', {
  direction: 'none', type: 'E', nr: 6, argument: ioctl_evtchn_restrict_domid,
  linuxSince: '4.8',
  doc: 'Restrict this file, for good, to interdomain ports with one domain (ioctl_evtchn_restrict_domid); other binds then fail with EACCES.',
});

export const IOCTL_EVTCHN_BIND_STATIC = ioctl('IOCTL_EVTCHN_BIND_STATIC', {
  direction: 'none', type: 'E', nr: 7, argument: ioctl_evtchn_bind,
  linuxSince: '6.6',
  doc: 'Take over a static event channel without re-binding it (ioctl_evtchn_bind); closing the file leaves it open in Xen.',
});

export default abiModule({
  name: 'evtchn',
  xenHeader: 'xen/evtchn.h',
  xenGuard: '__LINUX_PUBLIC_EVTCHN_H__',
  coverage: 'full',
  doc: 'Linux\'s event-channel device, `/dev/xen/evtchn` (module xen-evtchn): bind, notify and wait for event channels from user space.',
  items: [
    ioctl_evtchn_bind_virq,
    ioctl_evtchn_bind_interdomain,
    ioctl_evtchn_bind_unbound_port,
    ioctl_evtchn_unbind,
    ioctl_evtchn_notify,
    ioctl_evtchn_restrict_domid,
    ioctl_evtchn_bind,
    IOCTL_EVTCHN_BIND_VIRQ,
    IOCTL_EVTCHN_BIND_INTERDOMAIN,
    IOCTL_EVTCHN_BIND_UNBOUND_PORT,
    IOCTL_EVTCHN_UNBIND,
    IOCTL_EVTCHN_NOTIFY,
    IOCTL_EVTCHN_RESET,
    IOCTL_EVTCHN_RESTRICT_DOMID,
    IOCTL_EVTCHN_BIND_STATIC,
  ],
});
