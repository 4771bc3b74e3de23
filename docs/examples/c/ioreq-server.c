/*
 * A device model in C on xenabi's generated headers alone: no Xen header, no Linux Xen
 * header, no libxen*. It serves a guest's port I/O at 0x5000-0x5003 as one 32-bit register
 * that reads back what was last written.
 *
 *   cc -I packages/c-headers/include docs/examples/c/ioreq-server.c -o ioreq-server
 *   ./ioreq-server <domid> <vcpus> [requests]      (in dom0, as root)
 *
 * The steps of every ioreq server: create the server (XEN_DMOP_create_ioreq_server), map its
 * synchronous page (the ioreq_server resource, frame 1, through IOCTL_PRIVCMD_MMAP_RESOURCE),
 * bind each vCPU's event channel, claim the port range, enable the server, then take
 * requests: when a vCPU's port fires, its slot is STATE_IOREQ_READY; answer it, mark it
 * STATE_IORESP_READY, notify the port, unmask it.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <unistd.h>

#include <xenabi/linux/evtchn.h>
#include <xenabi/linux/privcmd.h>
#include <xenabi/stable/dm_op.h>
#include <xenabi/stable/ioreq.h>

/* XENMEM_resource_ioreq_server (memory.h): the resource type of an ioreq server's pages. */
#define RESOURCE_IOREQ_SERVER 0
/* Frame 1 of that resource is the synchronous page (frame 0 the buffered one). */
#define SYNCHRONOUS_PAGE 1
#define PAGE_BYTES 4096
#define MAX_VCPUS 128

static int privcmd_fd = -1;
static int evtchn_fd = -1;

static void die(const char *what)
{
    fprintf(stderr, "ioreq-server: %s: %s\n", what, strerror(errno));
    exit(1);
}

/* One dm_op with its struct xen_dm_op as the only buffer; Xen's answer is written back into it. */
static int dm_op(domid_t domid, struct xen_dm_op *op)
{
    struct privcmd_dm_op_buf buf = { .uptr = op, .size = sizeof(*op) };
    struct privcmd_dm_op call = { .dom = domid, .num = 1, .ubufs = &buf };
    return ioctl(privcmd_fd, IOCTL_PRIVCMD_DM_OP, &call);
}

static void *map_synchronous_page(domid_t domid, ioservid_t id)
{
    void *page = mmap(NULL, PAGE_BYTES, PROT_READ | PROT_WRITE, MAP_SHARED, privcmd_fd, 0);
    if (page == MAP_FAILED) die("mmap /dev/xen/privcmd");
    struct privcmd_mmap_resource res = {
        .dom = domid, .type = RESOURCE_IOREQ_SERVER, .id = id, .idx = SYNCHRONOUS_PAGE, .num = 1, .addr = (uintptr_t)page,
    };
    if (ioctl(privcmd_fd, IOCTL_PRIVCMD_MMAP_RESOURCE, &res) < 0) die("IOCTL_PRIVCMD_MMAP_RESOURCE");
    return page;
}

int main(int argc, char **argv)
{
    domid_t domid = (domid_t)(argc > 1 ? atoi(argv[1]) : 1);
    unsigned int vcpus = argc > 2 ? (unsigned int)atoi(argv[2]) : 1;
    long requests = argc > 3 ? atol(argv[3]) : -1;
    if (vcpus == 0 || vcpus > MAX_VCPUS) vcpus = 1;

    privcmd_fd = open("/dev/xen/privcmd", O_RDWR | O_CLOEXEC);
    if (privcmd_fd < 0) die("open /dev/xen/privcmd (is this dom0, with xen-privcmd loaded?)");
    evtchn_fd = open("/dev/xen/evtchn", O_RDWR | O_CLOEXEC);
    if (evtchn_fd < 0) die("open /dev/xen/evtchn (is xen-evtchn loaded?)");

    struct xen_dm_op op;
    memset(&op, 0, sizeof op);
    op.op = XEN_DMOP_create_ioreq_server;
    op.u.create_ioreq_server.handle_bufioreq = 0;
    if (dm_op(domid, &op) < 0) die("XEN_DMOP_create_ioreq_server");
    ioservid_t id = op.u.create_ioreq_server.id;

    struct ioreq *slots = map_synchronous_page(domid, id);
    evtchn_port_t port_of[MAX_VCPUS];
    for (unsigned int v = 0; v < vcpus; v++) {
        struct ioctl_evtchn_bind_interdomain bind = { .remote_domain = domid, .remote_port = slots[v].vp_eport };
        int port = ioctl(evtchn_fd, IOCTL_EVTCHN_BIND_INTERDOMAIN, &bind);
        if (port < 0) die("IOCTL_EVTCHN_BIND_INTERDOMAIN");
        port_of[v] = (evtchn_port_t)port;
    }

    memset(&op, 0, sizeof op);
    op.op = XEN_DMOP_map_io_range_to_ioreq_server;
    op.u.map_io_range_to_ioreq_server.id = id;
    op.u.map_io_range_to_ioreq_server.type = XEN_DMOP_IO_RANGE_PORT;
    op.u.map_io_range_to_ioreq_server.start = 0x5000;
    op.u.map_io_range_to_ioreq_server.end = 0x5003;
    if (dm_op(domid, &op) < 0) die("XEN_DMOP_map_io_range_to_ioreq_server");

    memset(&op, 0, sizeof op);
    op.op = XEN_DMOP_set_ioreq_server_state;
    op.u.set_ioreq_server_state.id = id;
    op.u.set_ioreq_server_state.enabled = 1;
    if (dm_op(domid, &op) < 0) die("XEN_DMOP_set_ioreq_server_state");

    uint64_t reg = 0;
    long served = 0;
    while (requests < 0 || served < requests) {
        evtchn_port_t fired;
        if (read(evtchn_fd, &fired, sizeof fired) != (ssize_t)sizeof fired) die("read /dev/xen/evtchn");
        for (unsigned int v = 0; v < vcpus; v++) {
            /* The slot is shared with Xen: read it afresh (volatile), and order the data around `state`. */
            volatile struct ioreq *req = &slots[v];
            if (port_of[v] != fired || req->state != STATE_IOREQ_READY) continue;
            __atomic_thread_fence(__ATOMIC_ACQUIRE);
            if (req->type == IOREQ_TYPE_PIO) {
                if (req->dir == IOREQ_READ) req->data = reg;
                else reg = req->data;
            }
            __atomic_thread_fence(__ATOMIC_RELEASE);
            req->state = STATE_IORESP_READY;
            served++;
            struct ioctl_evtchn_notify notify = { .port = fired };
            if (ioctl(evtchn_fd, IOCTL_EVTCHN_NOTIFY, &notify) < 0) die("IOCTL_EVTCHN_NOTIFY");
        }
        if (write(evtchn_fd, &fired, sizeof fired) != (ssize_t)sizeof fired) die("unmask (write /dev/xen/evtchn)");
    }

    memset(&op, 0, sizeof op);
    op.op = XEN_DMOP_destroy_ioreq_server;
    op.u.destroy_ioreq_server.id = id;
    if (dm_op(domid, &op) < 0) die("XEN_DMOP_destroy_ioreq_server");
    printf("served %ld requests\n", served);
    return 0;
}
