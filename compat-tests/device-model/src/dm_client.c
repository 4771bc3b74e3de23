/* dm_client: see dm_client.h. */
#include <string.h>

#include "dm_client.h"

#if defined(DM_XEN_HEADERS)
/* The twin: our hypercall numbers are Xen's. */
typedef char dm_check_event_channel_op[DM_HYPERVISOR_event_channel_op == __HYPERVISOR_event_channel_op ? 1 : -1];
typedef char dm_check_argo_op[DM_HYPERVISOR_argo_op == __HYPERVISOR_argo_op ? 1 : -1];
#endif

static uint64_t dm_addr(const struct dm_client *dm, const void *buf)
{
    return dm->addr ? dm->addr(buf, dm->ctx) : (uint64_t)(uintptr_t)buf;
}

static void *dm_ptr(const struct dm_client *dm, const void *buf)
{
    return (void *)(uintptr_t)dm_addr(dm, buf);
}

/* Every byte of a call is written: padding and unused union space included. */
static void dm_op_begin(struct dm_op_call *call, uint32_t op)
{
    memset(call, 0, sizeof(*call));
    call->op.op = op;
}

/* One buffer, the op itself: as Xen reads it (a guest handle) and as privcmd takes it. */
static void dm_op_end(const struct dm_client *dm, struct dm_op_call *call)
{
    DM_SET_HANDLE(call->bufs[0].h, dm_ptr(dm, &call->op));
    call->bufs[0].size = sizeof(call->op);
    call->ubufs[0].uptr = dm_ptr(dm, &call->op);
    call->ubufs[0].size = sizeof(call->op);
    call->request.dom = dm->dom;
    call->request.num = 1;
    call->request.ubufs = (const struct dm_privcmd_dm_op_buf *)dm_ptr(dm, call->ubufs);
    call->ioctl = DM_IOCTL_PRIVCMD_DM_OP;
}

void dm_create_ioreq_server(const struct dm_client *dm, struct dm_op_call *call, uint8_t handle_bufioreq)
{
    dm_op_begin(call, XEN_DMOP_create_ioreq_server);
    call->op.u.create_ioreq_server.handle_bufioreq = handle_bufioreq;
    dm_op_end(dm, call);
}

void dm_get_ioreq_server_info(const struct dm_client *dm, struct dm_op_call *call, ioservid_t id, uint16_t flags)
{
    dm_op_begin(call, XEN_DMOP_get_ioreq_server_info);
    call->op.u.get_ioreq_server_info.id = id;
    call->op.u.get_ioreq_server_info.flags = flags;
    dm_op_end(dm, call);
}

void dm_map_io_range(const struct dm_client *dm, struct dm_op_call *call, ioservid_t id, uint32_t type, uint64_t start, uint64_t end)
{
    dm_op_begin(call, XEN_DMOP_map_io_range_to_ioreq_server);
    call->op.u.map_io_range_to_ioreq_server.id = id;
    call->op.u.map_io_range_to_ioreq_server.type = type;
    call->op.u.map_io_range_to_ioreq_server.start = start;
    call->op.u.map_io_range_to_ioreq_server.end = end;
    dm_op_end(dm, call);
}

void dm_set_ioreq_server_state(const struct dm_client *dm, struct dm_op_call *call, ioservid_t id, int enabled)
{
    dm_op_begin(call, XEN_DMOP_set_ioreq_server_state);
    call->op.u.set_ioreq_server_state.id = id;
    call->op.u.set_ioreq_server_state.enabled = enabled ? 1 : 0;
    dm_op_end(dm, call);
}

void dm_destroy_ioreq_server(const struct dm_client *dm, struct dm_op_call *call, ioservid_t id)
{
    dm_op_begin(call, XEN_DMOP_destroy_ioreq_server);
    call->op.u.destroy_ioreq_server.id = id;
    dm_op_end(dm, call);
}

#ifdef XENABI_HAS_xen_dm_op_nr_vcpus
void dm_nr_vcpus(const struct dm_client *dm, struct dm_op_call *call)
{
    dm_op_begin(call, XEN_DMOP_nr_vcpus);
    dm_op_end(dm, call);
}
#endif

void dm_evtchn_bind_interdomain(const struct dm_client *dm, struct dm_evtchn_bind_call *call, evtchn_port_t remote_port)
{
    memset(call, 0, sizeof(*call));
    call->arg.remote_dom = dm->dom;
    call->arg.remote_port = remote_port;
    call->request.op = DM_HYPERVISOR_event_channel_op;
    call->request.arg[0] = EVTCHNOP_bind_interdomain;
    call->request.arg[1] = dm_addr(dm, &call->arg);
    call->ioctl = DM_IOCTL_PRIVCMD_HYPERCALL;
}

void dm_argo_register_ring(const struct dm_client *dm, struct dm_argo_register_call *call, xen_argo_port_t aport, domid_t partner,
                           const xen_argo_gfn_t gfns[DM_ARGO_RING_PAGES])
{
    unsigned int i;

    memset(call, 0, sizeof(*call));
    call->reg.aport = aport;
    call->reg.partner_id = partner;
    /* The message area: the pages less the ring header, rounded down to whole slots. */
    call->reg.len = (uint32_t)((DM_ARGO_RING_PAGES * DM_ARGO_PAGE_SIZE - sizeof(struct xen_argo_ring)) / XEN_ARGO_MSG_SLOT_SIZE * XEN_ARGO_MSG_SLOT_SIZE);
    for (i = 0; i < DM_ARGO_RING_PAGES; i++)
        call->gfns[i] = gfns[i];
    call->request.op = DM_HYPERVISOR_argo_op;
    call->request.arg[0] = XEN_ARGO_OP_register_ring;
    call->request.arg[1] = dm_addr(dm, &call->reg);
    call->request.arg[2] = dm_addr(dm, call->gfns);
    call->request.arg[3] = DM_ARGO_RING_PAGES;
    call->request.arg[4] = XEN_ARGO_REGISTER_FLAG_FAIL_EXIST;
    call->ioctl = DM_IOCTL_PRIVCMD_HYPERCALL;
}

void dm_argo_sendv(const struct dm_client *dm, struct dm_argo_sendv_call *call, const struct xen_argo_addr *src, const struct xen_argo_addr *dst,
                   const uint8_t *const data[DM_ARGO_SEND_IOVS], const uint32_t len[DM_ARGO_SEND_IOVS], uint32_t message_type)
{
    unsigned int i;

    memset(call, 0, sizeof(*call));
    call->addr.src = *src;
    call->addr.dst = *dst;
    for (i = 0; i < DM_ARGO_SEND_IOVS; i++) {
        DM_SET_HANDLE(call->iovs[i].iov_hnd, (uint8_t *)dm_ptr(dm, data[i]));
        call->iovs[i].iov_len = len[i];
    }
    call->request.op = DM_HYPERVISOR_argo_op;
    call->request.arg[0] = XEN_ARGO_OP_sendv;
    call->request.arg[1] = dm_addr(dm, &call->addr);
    call->request.arg[2] = dm_addr(dm, call->iovs);
    call->request.arg[3] = DM_ARGO_SEND_IOVS;
    call->request.arg[4] = message_type;
    call->ioctl = DM_IOCTL_PRIVCMD_HYPERCALL;
}
