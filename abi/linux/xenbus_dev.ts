/**
 * `/dev/xen/xenbus_backend`: dom0's handle on the xenstore ring when xenstored runs in
 * another domain (a xenstore stub domain). Its two ioctls take their argument by value and
 * encode no size. The other xenbus device, `/dev/xen/xenbus`, has no ioctls: a process
 * writes xenstore requests to it and reads replies, in the wire format of io/xs_wire.h.
 * Linux never exported this header to user space; toolstacks carry their own copy.
 */
import { abiModule, ioctl } from 'xenabi/dsl';

export const IOCTL_XENBUS_BACKEND_EVTCHN = ioctl('IOCTL_XENBUS_BACKEND_EVTCHN', {
  direction: 'none', type: 'B', nr: 0,
  linuxSince: '3.2',
  doc: 'Returns the event channel port of the local xenstore ring, or fails with ENODEV when there is none yet.',
});

export const IOCTL_XENBUS_BACKEND_SETUP = ioctl('IOCTL_XENBUS_BACKEND_SETUP', {
  direction: 'none', type: 'B', nr: 1,
  linuxSince: '3.4',
  doc: 'Passes a domain id by value: makes that domain the xenstore server and returns the port of a new event channel to it.',
});

export default abiModule({
  name: 'xenbus_dev',
  xenHeader: 'xen/xenbus_dev.h',
  xenGuard: '__LINUX_XEN_XENBUS_DEV_H__',
  coverage: 'full',
  doc: 'Linux\'s xenbus back-end device, `/dev/xen/xenbus_backend` (part of the xenfs and xenbus support built into the kernel): the xenstore ring of a xenstore domain.',
  items: [IOCTL_XENBUS_BACKEND_EVTCHN, IOCTL_XENBUS_BACKEND_SETUP],
});
