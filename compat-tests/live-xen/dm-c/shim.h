/*
 * LOCAL SHIM: names the device model needs that xenabi's registry on main does not declare yet.
 * Each block names the registry item it waits for; when that lands on main, the block goes and
 * the generated header is included instead. Values are Xen's published numbers; the
 * declarations are ours. Linux's privcmd and evtchn ioctls come from xenabi/linux/.
 */
#ifndef LIVE_DM_SHIM_H
#define LIVE_DM_SHIM_H

#include <stdint.h>

#include <xenabi/stable/xen.h>

/* TODO(issue 9, xen.h): the hypercall numbers __HYPERVISOR_*. */
#define __HYPERVISOR_xen_version 17
#define __HYPERVISOR_grant_table_op 20
#define __HYPERVISOR_event_channel_op 32
#define __HYPERVISOR_argo_op 39

/* TODO(issue 9, xen.h): DOMID_SELF. */
#define DOMID_SELF ((domid_t)0x7ff0)

/* TODO(issue 9, version.h): XENVER_version. */
#define XENVER_version 0

/* TODO(issue 9, memory.h): XENMEM_resource_ioreq_server and XENMEM_resource_ioreq_server_frame_ioreq. */
#define XENMEM_resource_ioreq_server 0
#define XENMEM_resource_ioreq_server_frame_ioreq(n) (1 + (n))

/* TODO(issue 9, hvm/hvm_op.h or dm_op.h): HVM_IOREQSRV_BUFIOREQ_OFF. */
#define HVM_IOREQSRV_BUFIOREQ_OFF 0

#endif /* LIVE_DM_SHIM_H */
