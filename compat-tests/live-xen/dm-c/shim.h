/*
 * LOCAL SHIM: the Xen names the device model needs that xenabi's registry on main does not
 * declare yet (they come with abi/stable/memory.ts and hvm_op.ts). Each generated header that
 * exists is included, and a name is declared here only when no generated header did: the
 * registry's declaration always wins, and once every name below comes from it this file goes.
 * Values are Xen's published numbers; the declarations are ours.
 */
#ifndef LIVE_DM_SHIM_H
#define LIVE_DM_SHIM_H

#if __has_include(<xenabi/stable/memory.h>)
#include <xenabi/stable/memory.h>
#endif
#if __has_include(<xenabi/stable/hvm_op.h>)
#include <xenabi/stable/hvm_op.h>
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
