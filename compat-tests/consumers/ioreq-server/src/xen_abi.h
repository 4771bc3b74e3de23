/*
 * Where the ioreq server's Xen ABI comes from: one switch, CONSUMER_XEN_HEADERS.
 *
 * By default xenabi's stable C headers and nothing else. Built with -DCONSUMER_XEN_HEADERS
 * -D__XEN_TOOLS__ it includes Xen's own public headers instead (as a device model linked with
 * libxendevicemodel sees them); that build is the twin whose bytes must equal ours.
 */
#ifndef IOREQ_SERVER_XEN_ABI_H
#define IOREQ_SERVER_XEN_ABI_H

#include <stdint.h>

#if defined(CONSUMER_XEN_HEADERS)

#include <xen/xen.h>
#include <xen/memory.h>
#include <xen/event_channel.h>
#include <xen/hvm/dm_op.h>
#include <xen/hvm/hvm_op.h>
#include <xen/hvm/ioreq.h>
#include <xen/hvm/params.h>

#define CONSUMER_SET_HANDLE(hnd, val) set_xen_guest_handle(hnd, val)

#else

#include <xenabi/stable/dm_op.h>
#include <xenabi/stable/event_channel.h>
#include <xenabi/stable/hvm_op.h>
#include <xenabi/stable/ioreq.h>
#include <xenabi/stable/memory.h>
#include <xenabi/stable/params.h>

#define CONSUMER_SET_HANDLE(hnd, val) XENABI_SET_GUEST_HANDLE(hnd, val)

#endif

#endif /* IOREQ_SERVER_XEN_ABI_H */
