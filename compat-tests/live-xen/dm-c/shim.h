/*
 * LOCAL SHIM: names the device model needs that xenabi's registry does not declare yet.
 * Each block names the registry item it waits for; when that lands on main, the block goes and
 * the generated header is included instead. Values are Xen's and Linux's published numbers;
 * the declarations are ours.
 */
#ifndef LIVE_DM_SHIM_H
#define LIVE_DM_SHIM_H

#include <stddef.h>
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

/*
 * TODO(issue 11, abi/linux/privcmd.ts): struct privcmd_hypercall, privcmd_dm_op_buf,
 * privcmd_dm_op, privcmd_mmap_resource and IOCTL_PRIVCMD_{HYPERCALL,DM_OP,MMAP_RESOURCE}.
 * Linux encodes them as _IOC(_IOC_NONE, 'P', nr, sizeof(struct)): size << 16 | 'P' << 8 | nr.
 */
struct privcmd_hypercall {
    uint64_t op;
    uint64_t arg[5];
};
struct privcmd_dm_op_buf {
    void *uptr;
    size_t size;
};
struct privcmd_dm_op {
    domid_t dom;
    uint16_t num;
    const struct privcmd_dm_op_buf *ubufs;
};
struct privcmd_mmap_resource {
    domid_t dom;
    uint32_t type;
    uint32_t id;
    uint32_t idx;
    uint64_t num;
    uint64_t addr;
};
#define LIVE_IOC_NONE(type, nr, size) ((unsigned long)(size) << 16 | (unsigned long)(type) << 8 | (unsigned long)(nr))
#define IOCTL_PRIVCMD_HYPERCALL LIVE_IOC_NONE('P', 0, sizeof(struct privcmd_hypercall))
#define IOCTL_PRIVCMD_DM_OP LIVE_IOC_NONE('P', 5, sizeof(struct privcmd_dm_op))
#define IOCTL_PRIVCMD_MMAP_RESOURCE LIVE_IOC_NONE('P', 7, sizeof(struct privcmd_mmap_resource))

/*
 * TODO(issue 11, abi/linux/evtchn.ts): struct ioctl_evtchn_bind_interdomain, ioctl_evtchn_unbind,
 * ioctl_evtchn_notify and IOCTL_EVTCHN_{BIND_INTERDOMAIN,UNBIND,NOTIFY} (_IOC(_IOC_NONE, 'E', nr, size)).
 */
struct ioctl_evtchn_bind_interdomain {
    uint32_t remote_domain;
    uint32_t remote_port;
};
struct ioctl_evtchn_unbind {
    uint32_t port;
};
struct ioctl_evtchn_notify {
    uint32_t port;
};
#define IOCTL_EVTCHN_BIND_INTERDOMAIN LIVE_IOC_NONE('E', 1, sizeof(struct ioctl_evtchn_bind_interdomain))
#define IOCTL_EVTCHN_UNBIND LIVE_IOC_NONE('E', 3, sizeof(struct ioctl_evtchn_unbind))
#define IOCTL_EVTCHN_NOTIFY LIVE_IOC_NONE('E', 4, sizeof(struct ioctl_evtchn_notify))

#endif /* LIVE_DM_SHIM_H */
