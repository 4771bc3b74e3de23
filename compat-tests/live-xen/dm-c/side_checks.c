#include "side_checks.h"

#include <stdio.h>
#include <string.h>

#include <xenabi/stable/argo.h>
#include <xenabi/stable/event_channel.h>
#include <xenabi/stable/grant_table.h>

#include "report.h"

static long evtchn_op(const struct xen_dev *dev, int cmd, void *arg)
{
    return xen_hypercall(dev, __HYPERVISOR_event_channel_op, (uint64_t)cmd, (uintptr_t)arg, 0, 0, 0);
}

static void check_version(const struct xen_dev *dev, const char *expect_release)
{
    long v = xen_hypercall(dev, __HYPERVISOR_xen_version, XENVER_version, 0, 0, 0, 0);
    char got[32] = "";
    if (v >= 0)
        snprintf(got, sizeof(got), "%ld.%ld", v >> 16, v & 0xffff);
    step("side:xen_version", v >= 0 && strcmp(got, expect_release) == 0, "XENVER_version %s (rc %ld), booted %s", got, v < 0 ? v : 0, expect_release);
}

/* Our own loopback channel: an unbound port, bound from the same domain, signalled, closed. */
static void check_event_channel(const struct xen_dev *dev)
{
    struct evtchn_alloc_unbound alloc = { .dom = DOMID_SELF, .remote_dom = DOMID_SELF };
    long rc = evtchn_op(dev, EVTCHNOP_alloc_unbound, &alloc);
    if (!step("side:evtchn_alloc_unbound", rc == 0 && alloc.port != 0, "port %u (rc %ld)", alloc.port, rc))
        return;

    struct evtchn_status status = { .dom = DOMID_SELF, .port = alloc.port };
    rc = evtchn_op(dev, EVTCHNOP_status, &status);
    step("side:evtchn_status_unbound", rc == 0 && status.status == EVTCHNSTAT_unbound && status.u.unbound.dom == 0,
         "status %u, remote dom %u (rc %ld)", status.status, status.u.unbound.dom, rc);

    struct evtchn_bind_interdomain bind = { .remote_dom = DOMID_SELF, .remote_port = alloc.port };
    rc = evtchn_op(dev, EVTCHNOP_bind_interdomain, &bind);
    int bound = step("side:evtchn_bind_interdomain", rc == 0 && bind.local_port != 0, "local port %u to %u (rc %ld)", bind.local_port, alloc.port, rc);

    if (bound) {
        memset(&status, 0, sizeof(status));
        status.dom = DOMID_SELF;
        status.port = bind.local_port;
        rc = evtchn_op(dev, EVTCHNOP_status, &status);
        step("side:evtchn_status_interdomain",
             rc == 0 && status.status == EVTCHNSTAT_interdomain && status.u.interdomain.port == alloc.port,
             "status %u, peer port %u (rc %ld)", status.status, status.u.interdomain.port, rc);
        struct evtchn_send send = { .port = bind.local_port };
        rc = evtchn_op(dev, EVTCHNOP_send, &send);
        step("side:evtchn_send", rc == 0, "rc %ld", rc);
        struct evtchn_close close_local = { .port = bind.local_port };
        rc = evtchn_op(dev, EVTCHNOP_close, &close_local);
        step("side:evtchn_close", rc == 0, "rc %ld", rc);
    }
    struct evtchn_close close_unbound = { .port = alloc.port };
    rc = evtchn_op(dev, EVTCHNOP_close, &close_unbound);
    memset(&status, 0, sizeof(status));
    status.dom = DOMID_SELF;
    status.port = alloc.port;
    long src = evtchn_op(dev, EVTCHNOP_status, &status);
    step("side:evtchn_closed", rc == 0 && src == 0 && status.status == EVTCHNSTAT_closed, "close rc %ld, status %u", rc, status.status);
}

static void check_grant_table(const struct xen_dev *dev)
{
    struct gnttab_query_size query = { .dom = DOMID_SELF };
    long rc = xen_hypercall(dev, __HYPERVISOR_grant_table_op, GNTTABOP_query_size, (uintptr_t)&query, 1, 0, 0);
    step("side:gnttab_query_size", rc == 0 && query.status == GNTST_okay && query.nr_frames >= 1 && query.max_nr_frames >= query.nr_frames,
         "%u of %u frames (status %d, rc %ld)", query.nr_frames, query.max_nr_frames, query.status, rc);

    xen_pfn_t frame = 0;
    struct gnttab_setup_table setup = { .dom = DOMID_SELF, .nr_frames = 1 };
    XENABI_SET_GUEST_HANDLE(setup.frame_list, &frame);
    rc = xen_hypercall(dev, __HYPERVISOR_grant_table_op, GNTTABOP_setup_table, (uintptr_t)&setup, 1, 0, 0);
    step("side:gnttab_setup_table", rc == 0 && setup.status == GNTST_okay && frame != 0, "frame 0x%llx (status %d, rc %ld)",
         (unsigned long long)frame, setup.status, rc);
}

static void check_argo(const struct xen_dev *dev, int argo_errno)
{
    struct xen_argo_register_ring reg = { .aport = 1, .partner_id = 0, .len = 4096 };
    long rc = xen_hypercall(dev, __HYPERVISOR_argo_op, XEN_ARGO_OP_register_ring, (uintptr_t)&reg, 0, 1, 0);
    step("side:argo_register_ring", argo_errno ? rc == -argo_errno : rc == 0, "rc %ld, predicted %d (gates: %s)", rc, -argo_errno,
         XENABI_GATES_XEN_ARGO_OP_register_ring);
}

void side_checks(const struct xen_dev *dev, const char *expect_release, int argo_errno)
{
    check_version(dev, expect_release);
    check_event_channel(dev);
    check_grant_table(dev);
    check_argo(dev, argo_errno);
}
