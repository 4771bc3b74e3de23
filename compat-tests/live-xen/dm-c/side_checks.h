/*
 * Checks beside the ioreq server, through raw hypercalls: xen_version, an event channel's
 * whole life (alloc_unbound, status, bind_interdomain, send, close), the grant table's size and
 * setup, and Argo's register_ring, whose answer the availability gates predict.
 */
#ifndef LIVE_DM_SIDE_CHECKS_H
#define LIVE_DM_SIDE_CHECKS_H

#include "xen_dev.h"

/* expect_release "4.17"; argo_errno the errno register_ring must fail with, or 0 for success. */
void side_checks(const struct xen_dev *dev, const char *expect_release, int argo_errno);

#endif /* LIVE_DM_SIDE_CHECKS_H */
