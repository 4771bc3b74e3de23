/**
 * \@xenabi/linux: Xen's Linux devices from Node — `/dev/xen/privcmd` (hypercalls,
 * device-model ops, resource mappings), `/dev/xen/evtchn` (event channels, waited for
 * without blocking the event loop), `/dev/xen/gntdev` (grant mappings and copies) and a
 * xenstore client — built on the records and ioctl numbers of `@xenabi/ts-bindings` and
 * on koffi for the system calls Node lacks.
 *
 * @packageDocumentation
 */
export { archOf, HOST_ARCH } from './arch.js';
export { XenCallError, XenDeviceError, type DeviceInfo } from './errors.js';
export type { OpenOptions } from './device.js';
export { Mapping } from './mapping.js';
export { Privcmd, PRIVCMD_DEVICE, XEN_PAGE_SIZE, type HypercallArg, type PrivcmdOptions } from './privcmd.js';
export { Evtchn, EvtchnClosedError, EVTCHN_DEVICE, type Poller } from './evtchn.js';
export { Gntdev, GNTDEV_DEVICE, type GrantCopy } from './gntdev.js';
export type { MappedMemory, NativeBuffer, Syscalls } from './syscalls.js';
export { Transaction, Watch, XenStore, XENSTORE_PATHS, type WatchEvent, type XenStoreStream } from './xenstore/client.js';
export { encodeMessage, MessageReader, XenStoreError, XSD_ERRORS, type Access, type Permission, type XsMessage } from './xenstore/wire.js';
