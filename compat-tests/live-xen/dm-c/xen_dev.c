/* Linux's privcmd and evtchn devices, driven with raw ioctls and nothing from libxen*. */
#define _GNU_SOURCE
#include "xen_dev.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <stdint.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <unistd.h>

#define PAGE_SIZE 4096

int xen_dev_open(struct xen_dev *dev, const char **failed_path)
{
    dev->privcmd = open("/dev/xen/privcmd", O_RDWR | O_CLOEXEC);
    if (dev->privcmd < 0) {
        *failed_path = "/dev/xen/privcmd";
        return -errno;
    }
    dev->evtchn = open("/dev/xen/evtchn", O_RDWR | O_CLOEXEC);
    if (dev->evtchn < 0) {
        int err = -errno;
        *failed_path = "/dev/xen/evtchn";
        close(dev->privcmd);
        return err;
    }
    return 0;
}

void xen_dev_close(struct xen_dev *dev)
{
    close(dev->evtchn);
    close(dev->privcmd);
}

static long ioctl_result(long rc)
{
    return rc < 0 ? -errno : rc;
}

long xen_hypercall(const struct xen_dev *dev, uint64_t op, uint64_t a0, uint64_t a1, uint64_t a2, uint64_t a3, uint64_t a4)
{
    struct privcmd_hypercall call = { .op = op, .arg = { a0, a1, a2, a3, a4 } };
    return ioctl_result(ioctl(dev->privcmd, IOCTL_PRIVCMD_HYPERCALL, &call));
}

int xen_dm_op(const struct xen_dev *dev, domid_t dom, struct xen_dm_op *op)
{
    struct privcmd_dm_op_buf buf = { .uptr = op, .size = sizeof(*op) };
    struct privcmd_dm_op call = { .dom = dom, .num = 1, .ubufs = &buf };
    return (int)ioctl_result(ioctl(dev->privcmd, IOCTL_PRIVCMD_DM_OP, &call));
}

int xen_map_resource(const struct xen_dev *dev, domid_t dom, uint32_t type, uint32_t id, uint32_t idx, uint32_t num, void **out)
{
    /* privcmd maps a resource into a mapping of its own device, made first and left empty. */
    void *addr = mmap(NULL, (size_t)num * PAGE_SIZE, PROT_READ | PROT_WRITE, MAP_SHARED, dev->privcmd, 0);
    if (addr == MAP_FAILED)
        return -errno;
    struct privcmd_mmap_resource res = { .dom = dom, .type = type, .id = id, .idx = idx, .num = num, .addr = (uintptr_t)addr };
    int rc = (int)ioctl_result(ioctl(dev->privcmd, IOCTL_PRIVCMD_MMAP_RESOURCE, &res));
    if (rc < 0) {
        munmap(addr, (size_t)num * PAGE_SIZE);
        return rc;
    }
    *out = addr;
    return 0;
}

int xen_evtchn_bind_interdomain(const struct xen_dev *dev, domid_t remote, uint32_t remote_port)
{
    struct ioctl_evtchn_bind_interdomain bind = { .remote_domain = remote, .remote_port = remote_port };
    return (int)ioctl_result(ioctl(dev->evtchn, IOCTL_EVTCHN_BIND_INTERDOMAIN, &bind));
}

int xen_evtchn_notify(const struct xen_dev *dev, uint32_t port)
{
    struct ioctl_evtchn_notify notify = { .port = port };
    return (int)ioctl_result(ioctl(dev->evtchn, IOCTL_EVTCHN_NOTIFY, &notify));
}

int xen_evtchn_unbind(const struct xen_dev *dev, uint32_t port)
{
    struct ioctl_evtchn_unbind unbind = { .port = port };
    return (int)ioctl_result(ioctl(dev->evtchn, IOCTL_EVTCHN_UNBIND, &unbind));
}

int xen_evtchn_wait(const struct xen_dev *dev, int timeout_ms)
{
    struct pollfd pfd = { .fd = dev->evtchn, .events = POLLIN };
    int n = poll(&pfd, 1, timeout_ms);
    if (n < 0)
        return -errno;
    if (n == 0)
        return -ETIMEDOUT;
    uint32_t port;
    ssize_t got = read(dev->evtchn, &port, sizeof(port));
    if (got < 0)
        return -errno;
    return got == sizeof(port) ? (int)port : -EIO;
}

int xen_evtchn_unmask(const struct xen_dev *dev, uint32_t port)
{
    return write(dev->evtchn, &port, sizeof(port)) == sizeof(port) ? 0 : -errno;
}
