/**
 * `/dev/xen/gntalloc`: share this process's memory with another domain. The allocation
 * ioctl creates pages and grants them to a domain, returning their grant references and an
 * offset; `mmap` of the device at that offset maps the pages here. Pages stay granted until
 * they are deallocated and unmapped. The unmap-notify actions are the UNMAP_NOTIFY values of
 * gntdev. Numbers use direction `_IOC_NONE` and are the same on every architecture.
 */
import { abiModule, array, field, flag, flagSet, ioctl, struct, u16, u32, u64 } from 'xenabi/dsl';

const GNTALLOC_FLAG_WRITABLE = flag('GNTALLOC_FLAG_WRITABLE', 0, {
  linuxSince: '2.6.39',
  cType: 'int',
  spelling: 'dec',
  doc: 'Grant the pages writable; without it the other domain may only read them.',
});

export const GNTALLOC_FLAG = flagSet('GNTALLOC_FLAG', {
  linuxSince: '2.6.39',
  field: 'ioctl_gntalloc_alloc_gref.flags',
  doc: 'How the allocated pages are granted.',
  flags: [GNTALLOC_FLAG_WRITABLE],
});

export const ioctl_gntalloc_alloc_gref = struct('ioctl_gntalloc_alloc_gref', {
  linuxSince: '2.6.39',
  doc: 'Argument of IOCTL_GNTALLOC_ALLOC_GREF: allocate `count` pages and grant them to `domid`. The record is followed by `count - 1` more `gref_ids`; pass a buffer that large. (Linux 6.5 and later also name the array `gref_ids_flex`, the same bytes.)',
  fields: [
    field('domid', u16, { doc: 'IN: the domain to grant the pages to.' }),
    field('flags', u16, { doc: 'IN: GNTALLOC_FLAG_* bits.' }),
    field('count', u32, { doc: 'IN: how many pages.' }),
    field('index', u64, { doc: 'OUT: the offset to pass to `mmap`.' }),
    field('gref_ids', array(u32, 1), { doc: 'OUT: the first of `count` grant references; the others follow the record.' }),
  ],
  holes: [{ after: 'gref_ids', archs: ['x86_64', 'arm32', 'arm64'], reason: 'the record is 8-byte aligned and ends with one 4-byte reference' }],
});

export const ioctl_gntalloc_dealloc_gref = struct('ioctl_gntalloc_dealloc_gref', {
  linuxSince: '2.6.39',
  doc: 'Argument of IOCTL_GNTALLOC_DEALLOC_GREF: end the grants of pages made by the allocation ioctl; the memory goes once it is also unmapped here and by the other domain.',
  fields: [
    field('index', u64, { doc: 'The offset the allocation returned.' }),
    field('count', u32, { doc: 'How many pages.' }),
  ],
  holes: [{ after: 'count', archs: ['x86_64', 'arm32', 'arm64'], reason: 'the record is 8-byte aligned and ends with a 4-byte count' }],
});

export const ioctl_gntalloc_unmap_notify = struct('ioctl_gntalloc_unmap_notify', {
  linuxSince: '2.6.39',
  doc: 'Argument of IOCTL_GNTALLOC_SET_UNMAP_NOTIFY: tell the other domain when this process lets go of a page, even if it crashes.',
  fields: [
    field('index', u64, { doc: 'The device offset of a byte in the page (the byte cleared by UNMAP_NOTIFY_CLEAR_BYTE).' }),
    field('action', u32, { doc: 'UNMAP_NOTIFY_* bits (gntdev).' }),
    field('event_channel_port', u32, { doc: 'The port to signal with UNMAP_NOTIFY_SEND_EVENT.' }),
  ],
});

export const IOCTL_GNTALLOC_ALLOC_GREF = ioctl('IOCTL_GNTALLOC_ALLOC_GREF', {
  direction: 'none', type: 'G', nr: 5, argument: ioctl_gntalloc_alloc_gref,
  linuxSince: '2.6.39',
  doc: 'Allocate pages and grant them to a domain (ioctl_gntalloc_alloc_gref).',
});

export const IOCTL_GNTALLOC_DEALLOC_GREF = ioctl('IOCTL_GNTALLOC_DEALLOC_GREF', {
  direction: 'none', type: 'G', nr: 6, argument: ioctl_gntalloc_dealloc_gref,
  linuxSince: '2.6.39',
  doc: 'End the grants of allocated pages (ioctl_gntalloc_dealloc_gref).',
});

export const IOCTL_GNTALLOC_SET_UNMAP_NOTIFY = ioctl('IOCTL_GNTALLOC_SET_UNMAP_NOTIFY', {
  direction: 'none', type: 'G', nr: 7, argument: ioctl_gntalloc_unmap_notify,
  linuxSince: '2.6.39',
  doc: 'Ask for the other domain to be told when a page is let go (ioctl_gntalloc_unmap_notify).',
});

export default abiModule({
  name: 'gntalloc',
  xenHeader: 'xen/gntalloc.h',
  xenGuard: '__LINUX_PUBLIC_GNTALLOC_H__',
  coverage: 'full',
  doc: 'Linux\'s grant-allocation device, `/dev/xen/gntalloc` (module xen-gntalloc): grant this process\'s pages to another domain.',
  items: [
    GNTALLOC_FLAG,
    ioctl_gntalloc_alloc_gref,
    ioctl_gntalloc_dealloc_gref,
    ioctl_gntalloc_unmap_notify,
    IOCTL_GNTALLOC_ALLOC_GREF,
    IOCTL_GNTALLOC_DEALLOC_GREF,
    IOCTL_GNTALLOC_SET_UNMAP_NOTIFY,
  ],
});
