/*
 * Where the Xen ABI comes from: one switch, DM_XEN_HEADERS.
 *
 * By default the client uses xenabi's stable C headers and nothing else: no __XEN_TOOLS__, no
 * libxenctrl. Built with -DDM_XEN_HEADERS -D__XEN_TOOLS__ it uses Xen's own public headers
 * instead; that build is the twin whose buffers must be byte-identical to ours.
 *
 * Availability is tested with xenabi's XENABI_HAS_<item> macros, never by comparing version
 * numbers. Xen's headers have no such macros, so the twin derives the one the client uses from
 * the op-number constant Xen's dm_op.h defines when it has the op.
 */
#ifndef DM_XEN_ABI_H
#define DM_XEN_ABI_H

#include <stdint.h>

#if defined(DM_XEN_HEADERS)

#include <xen/xen.h>
#include <xen/hvm/dm_op.h>
#include <xen/event_channel.h>
#include <xen/argo.h>

/* Xen's accessor: zeroes a 64-bit handle's upper half where it has one, then stores the pointer. */
#define DM_SET_HANDLE(hnd, val) set_xen_guest_handle(hnd, val)

#ifdef XEN_DMOP_nr_vcpus
#define XENABI_HAS_xen_dm_op_nr_vcpus 1
#endif

#define DM_ABI_SOURCE "xen"

#else

#include <xenabi/stable/dm_op.h>
#include <xenabi/stable/event_channel.h>
#include <xenabi/stable/argo.h>

/* xenabi's accessor: zeroes the whole handle, then stores the pointer. */
#define DM_SET_HANDLE(hnd, val) XENABI_SET_GUEST_HANDLE(hnd, val)

#define DM_ABI_SOURCE "xenabi"

#endif

#endif /* DM_XEN_ABI_H */
