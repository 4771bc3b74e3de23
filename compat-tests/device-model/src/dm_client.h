/*
 * dm_client: the requests a device model (an emulator such as QEMU, running in a control
 * domain) makes to Xen for one HVM guest, built as the buffers it hands to Linux's privcmd
 * driver: the ioreq-server life cycle through dm_op, an inter-domain event channel, and an
 * Argo ring to talk to a peer.
 *
 * Nothing here issues an ioctl: each function fills a call record with every byte the kernel
 * and the hypervisor will read, so the records can be inspected, compared across builds, or
 * passed to ioctl(fd, call->ioctl, &call->request) by a thin caller.
 */
#ifndef DM_CLIENT_H
#define DM_CLIENT_H

#include <stddef.h>
#include <stdint.h>

#include "xen_abi.h"

/*
 * Linux's privcmd UAPI (<xen/privcmd.h>), declared here from its documented layout because
 * that header does not compile on its own. dm_op: a domain, a buffer count and the buffers'
 * user addresses and sizes; the kernel turns each into a xen_dm_op_buf. Any other hypercall:
 * its number and five 64-bit arguments.
 */
struct dm_privcmd_dm_op_buf {
    void *uptr;
    size_t size;
};

struct dm_privcmd_dm_op {
    domid_t dom;
    uint16_t num;
    const struct dm_privcmd_dm_op_buf *ubufs;
};

struct dm_privcmd_hypercall {
    uint64_t op;
    uint64_t arg[5];
};

/* _IOC(_IOC_NONE, 'P', nr, size) as Linux encodes it on x86 and Arm: size << 16 | 'P' << 8 | nr. */
#define DM_PRIVCMD_IOC(nr, size) ((unsigned long)(((unsigned long)(size) << 16) | ((unsigned long)'P' << 8) | (unsigned long)(nr)))
#define DM_IOCTL_PRIVCMD_HYPERCALL DM_PRIVCMD_IOC(0, sizeof(struct dm_privcmd_hypercall))
#define DM_IOCTL_PRIVCMD_DM_OP DM_PRIVCMD_IOC(5, sizeof(struct dm_privcmd_dm_op))

/* Xen's hypercall numbers (xen.h); the twin build checks them against Xen's. */
#define DM_HYPERVISOR_event_channel_op 32
#define DM_HYPERVISOR_argo_op 39

/* hvm_op.h's HVM_IOREQSRV_BUFIOREQ_ATOMIC: buffered requests through an atomically updated ring. */
#define DM_BUFIOREQ_ATOMIC 2

/*
 * Whom the requests are for, and where the kernel and Xen will find a buffer: `addr` maps a
 * buffer to the address that goes into handles and hypercall arguments (a bounce buffer's,
 * say); NULL means the buffer's own address.
 */
struct dm_client {
    domid_t dom;
    uint64_t (*addr)(const void *buf, void *ctx);
    void *ctx;
};

/* One dm_op: the op, the buffer list Xen reads, and the privcmd request that carries it. */
struct dm_op_call {
    struct xen_dm_op op;
    xen_dm_op_buf_t bufs[1];
    struct dm_privcmd_dm_op_buf ubufs[1];
    struct dm_privcmd_dm_op request;
    unsigned long ioctl;
};

void dm_create_ioreq_server(const struct dm_client *dm, struct dm_op_call *call, uint8_t handle_bufioreq);
void dm_get_ioreq_server_info(const struct dm_client *dm, struct dm_op_call *call, ioservid_t id, uint16_t flags);
void dm_map_io_range(const struct dm_client *dm, struct dm_op_call *call, ioservid_t id, uint32_t type, uint64_t start, uint64_t end);
void dm_set_ioreq_server_state(const struct dm_client *dm, struct dm_op_call *call, ioservid_t id, int enabled);
void dm_destroy_ioreq_server(const struct dm_client *dm, struct dm_op_call *call, ioservid_t id);
#ifdef XENABI_HAS_xen_dm_op_nr_vcpus
void dm_nr_vcpus(const struct dm_client *dm, struct dm_op_call *call);
#endif

/* EVTCHNOP_bind_interdomain: connect a new local port to a port the guest left unbound. */
struct dm_evtchn_bind_call {
    struct evtchn_bind_interdomain arg;
    struct dm_privcmd_hypercall request;
    unsigned long ioctl;
};

void dm_evtchn_bind_interdomain(const struct dm_client *dm, struct dm_evtchn_bind_call *call, evtchn_port_t remote_port);

/* XEN_ARGO_OP_register_ring: a receive ring of DM_ARGO_RING_PAGES pages that `partner` may send to. */
#define DM_ARGO_RING_PAGES 2
#define DM_ARGO_PAGE_SIZE 4096

struct dm_argo_register_call {
    struct xen_argo_register_ring reg;
    xen_argo_gfn_t gfns[DM_ARGO_RING_PAGES];
    struct dm_privcmd_hypercall request;
    unsigned long ioctl;
};

void dm_argo_register_ring(const struct dm_client *dm, struct dm_argo_register_call *call, xen_argo_port_t aport, domid_t partner,
                           const xen_argo_gfn_t gfns[DM_ARGO_RING_PAGES]);

/* XEN_ARGO_OP_sendv: one message gathered from up to DM_ARGO_SEND_IOVS buffers. */
#define DM_ARGO_SEND_IOVS 2

struct dm_argo_sendv_call {
    struct xen_argo_send_addr addr;
    struct xen_argo_iov iovs[DM_ARGO_SEND_IOVS];
    struct dm_privcmd_hypercall request;
    unsigned long ioctl;
};

void dm_argo_sendv(const struct dm_client *dm, struct dm_argo_sendv_call *call, const struct xen_argo_addr *src, const struct xen_argo_addr *dst,
                   const uint8_t *const data[DM_ARGO_SEND_IOVS], const uint32_t len[DM_ARGO_SEND_IOVS], uint32_t message_type);

#endif /* DM_CLIENT_H */
