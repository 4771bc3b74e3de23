/*
 * The device model's way to Xen: Linux's privcmd and evtchn devices, driven with raw ioctls.
 * Every function returns 0 or a positive result, or -errno.
 */
#ifndef LIVE_DM_XEN_DEV_H
#define LIVE_DM_XEN_DEV_H

#include <stddef.h>
#include <stdint.h>

#include <xenabi/linux/evtchn.h>
#include <xenabi/linux/privcmd.h>
#include <xenabi/stable/dm_op.h>

#include "shim.h"

struct xen_dev {
    int privcmd;
    int evtchn;
};

/* Opens /dev/xen/privcmd and /dev/xen/evtchn; -errno names neither, the caller reports which. */
int xen_dev_open(struct xen_dev *dev, const char **failed_path);
void xen_dev_close(struct xen_dev *dev);

/* A hypercall through privcmd: Xen's return value, negative on error. */
long xen_hypercall(const struct xen_dev *dev, uint64_t op, uint64_t a0, uint64_t a1, uint64_t a2, uint64_t a3, uint64_t a4);
/* One dm_op on domain dom, its single buffer `op` updated in place with Xen's outputs. */
int xen_dm_op(const struct xen_dev *dev, domid_t dom, struct xen_dm_op *op);
/* Maps `num` frames of a resource of domain dom; *out is the mapping (4 KiB frames). */
int xen_map_resource(const struct xen_dev *dev, domid_t dom, uint32_t type, uint32_t id, uint32_t idx, uint32_t num, void **out);

int xen_evtchn_bind_interdomain(const struct xen_dev *dev, domid_t remote, uint32_t remote_port);
int xen_evtchn_notify(const struct xen_dev *dev, uint32_t port);
int xen_evtchn_unbind(const struct xen_dev *dev, uint32_t port);
/* Waits up to timeout_ms for a bound port to fire; returns the port (left masked) or -errno. */
int xen_evtchn_wait(const struct xen_dev *dev, int timeout_ms);
int xen_evtchn_unmask(const struct xen_dev *dev, uint32_t port);

#endif /* LIVE_DM_XEN_DEV_H */
