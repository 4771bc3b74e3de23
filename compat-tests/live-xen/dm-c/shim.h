/*
 * LOCAL SHIM: Xen names the device model needs that xenabi's registry on main may not declare
 * yet. Each generated header that exists is included, and a name is declared here only when
 * no generated header did: the registry's declaration always wins, and once every name below
 * comes from it this file goes. Values are Xen's published numbers; the declarations are ours.
 * Linux's privcmd and evtchn ioctls come from xenabi/linux/.
 */
#ifndef LIVE_DM_SHIM_H
#define LIVE_DM_SHIM_H

#include <xenabi/stable/xen.h>
#if __has_include(<xenabi/stable/version.h>)
#include <xenabi/stable/version.h>
#endif
#if __has_include(<xenabi/stable/memory.h>)
#include <xenabi/stable/memory.h>
#endif
#if __has_include(<xenabi/stable/hvm_op.h>)
#include <xenabi/stable/hvm_op.h>
#endif

/* TODO(issue 9, abi/stable/xen.ts): the hypercall numbers and DOMID_SELF. */
#ifndef __HYPERVISOR_xen_version
#define __HYPERVISOR_xen_version 17
#endif
#ifndef __HYPERVISOR_grant_table_op
#define __HYPERVISOR_grant_table_op 20
#endif
#ifndef __HYPERVISOR_event_channel_op
#define __HYPERVISOR_event_channel_op 32
#endif
#ifndef __HYPERVISOR_argo_op
#define __HYPERVISOR_argo_op 39
#endif
#ifndef DOMID_SELF
#define DOMID_SELF 0x7ff0U
#endif

/* TODO(issue 9, abi/stable/version.ts): XENVER_version. */
#ifndef XENVER_version
#define XENVER_version 0
#endif

/* TODO(issue 9, abi/stable/memory.ts): the ioreq server resource; its synchronous page follows the buffered ring. */
#ifndef XENMEM_resource_ioreq_server
#define XENMEM_resource_ioreq_server 0
#endif
#ifndef XENMEM_resource_ioreq_server_frame_bufioreq
#define XENMEM_resource_ioreq_server_frame_bufioreq 0
#endif

/* TODO(issue 9, abi/stable/hvm_op.ts): HVM_IOREQSRV_BUFIOREQ_OFF. */
#ifndef HVM_IOREQSRV_BUFIOREQ_OFF
#define HVM_IOREQSRV_BUFIOREQ_OFF 0
#endif

#endif /* LIVE_DM_SHIM_H */
