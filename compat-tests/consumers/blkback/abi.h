/*
 * Where the block back end's Xen ABI comes from: one switch, CONSUMER_XEN_HEADERS.
 *
 * By default xenabi's stable C headers and nothing else; their ring.h brings the RING_*
 * macros and barriers. Built with -DCONSUMER_XEN_HEADERS -D__XEN_TOOLS__ it includes Xen's
 * own public headers instead, as QEMU's xen-block does, and supplies the barriers Xen's
 * ring.h leaves to its includer; that build is the twin whose bytes must equal ours.
 */
#ifndef CONSUMER_ABI_H
#define CONSUMER_ABI_H

#include <stdint.h>

#if defined(CONSUMER_XEN_HEADERS)

#define xen_mb() __sync_synchronize()
#define xen_rmb() __sync_synchronize()
#define xen_wmb() __sync_synchronize()
#include <xen/xen.h>
#include <xen/event_channel.h>
#include <xen/grant_table.h>
#include <xen/io/blkif.h>
#include <xen/io/xenbus.h>
#include <xen/io/xs_wire.h>

#else

/*
 * The oldest Xen this back end supports, as a distribution's QEMU would state it: xenabi then
 * declares what Xen 4.17 had, as it had it (xenstore_domain_interface without 4.21's
 * evtchn_port), the layout the twin built on Xen 4.17's headers sees.
 */
#define XENABI_XEN_MIN_VERSION 0x041100
#include <xenabi/stable/blkif.h>
#include <xenabi/stable/event_channel.h>
#include <xenabi/stable/grant_table.h>
#include <xenabi/stable/xenbus.h>
#include <xenabi/stable/xs_wire.h>

#endif

#endif /* CONSUMER_ABI_H */
