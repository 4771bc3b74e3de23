/*
 * The C device model of the live-Xen test, built on xenabi's generated headers alone (no
 * /usr/include/xen, no libxen*): it serves the test device to one guest through an ioreq
 * server, then runs the side checks. Every step is reported as an "@lx step" line.
 *
 *   dm-c LANGUAGE XEN_RELEASE ARGO_ERRNO DOMID
 *
 * LANGUAGE is the name it reports under ("c", "c-4.12"); XEN_RELEASE the release booted
 * ("4.17"); ARGO_ERRNO the errno Argo's register_ring must fail with (0: it must work).
 * Exit 0 when every step passed.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include <xenabi/stable/dm_op.h>
#include <xenabi/stable/ioreq.h>

#include "report.h"
#include "side_checks.h"
#include "test_device.h"
#include "xen_dev.h"

/* More vCPUs than the test guest has (2); the ioreq page has room for 128 at 32 bytes each. */
#define MAX_VCPUS 16
/* How long the guest may leave the device model waiting between two requests. */
#define SERVE_TIMEOUT_MS 30000
/* Where run.sh waits for the device model to say it serves. */
#define READY_FILE "/tmp/dm-ready"

struct server {
    domid_t dom;
    ioservid_t id;
    struct shared_iopage *page;
    unsigned int vcpus;
    uint32_t remote_port[MAX_VCPUS];
    int local_port[MAX_VCPUS];
};

static int failures;

static int check(const char *name, int passed, const char *detail)
{
    if (!passed)
        failures++;
    return step(name, passed, "%s", detail);
}

static int dm_op_step(const struct xen_dev *dev, const char *name, domid_t dom, struct xen_dm_op *op, const char *what)
{
    int rc = xen_dm_op(dev, dom, op);
    char detail[160];
    snprintf(detail, sizeof(detail), "%s: %s", what, rc == 0 ? "ok" : strerror(-rc));
    return check(name, rc == 0, detail);
}

static int create_server(const struct xen_dev *dev, struct server *s)
{
    struct xen_dm_op op = { .op = XEN_DMOP_create_ioreq_server };
    op.u.create_ioreq_server.handle_bufioreq = HVM_IOREQSRV_BUFIOREQ_OFF;
    if (!dm_op_step(dev, "dm:create_server", s->dom, &op, "XEN_DMOP_create_ioreq_server"))
        return 0;
    s->id = op.u.create_ioreq_server.id;
    count("ioreq_server_id", s->id);

    memset(&op, 0, sizeof(op));
    op.op = XEN_DMOP_get_ioreq_server_info;
    op.u.get_ioreq_server_info.id = s->id;
    op.u.get_ioreq_server_info.flags = XEN_DMOP_no_gfns;
    return dm_op_step(dev, "dm:server_info", s->dom, &op, "XEN_DMOP_get_ioreq_server_info, XEN_DMOP_no_gfns");
}

static int map_ioreq_page(const struct xen_dev *dev, struct server *s)
{
    void *page = NULL;
    /* The synchronous page (vCPU slots) is the frame after the buffered ring. */
    uint32_t frame = XENMEM_resource_ioreq_server_frame_bufioreq + 1;
    int rc = xen_map_resource(dev, s->dom, XENMEM_resource_ioreq_server, s->id, frame, 1, &page);
    char detail[160];
    snprintf(detail, sizeof(detail), "XENMEM_acquire_resource via privcmd mmap_resource: %s", rc == 0 ? "mapped" : strerror(-rc));
    s->page = page;
    return check("dm:map_ioreq_page", rc == 0, detail);
}

static int claim(const struct xen_dev *dev, const struct server *s, const char *name, uint32_t type, uint64_t start, uint64_t end)
{
    struct xen_dm_op op = { .op = XEN_DMOP_map_io_range_to_ioreq_server };
    op.u.map_io_range_to_ioreq_server.id = s->id;
    op.u.map_io_range_to_ioreq_server.type = type;
    op.u.map_io_range_to_ioreq_server.start = start;
    op.u.map_io_range_to_ioreq_server.end = end;
    char what[96];
    snprintf(what, sizeof(what), "XEN_DMOP_map_io_range_to_ioreq_server 0x%llx-0x%llx", (unsigned long long)start, (unsigned long long)end);
    return dm_op_step(dev, name, s->dom, &op, what);
}

/*
 * Xen writes each vCPU's event channel into its slot of the ioreq page when the server is
 * enabled; slots past the last vCPU stay 0, never a valid port. With nr_vcpus (Xen 4.15) the
 * scan is checked against Xen's own count.
 */
static int find_vcpus(const struct xen_dev *dev, struct server *s)
{
    unsigned int scanned = 0;
    while (scanned < MAX_VCPUS && (&s->page->vcpu_ioreq[0] + scanned)->vp_eport != 0) {
        s->remote_port[scanned] = (&s->page->vcpu_ioreq[0] + scanned)->vp_eport;
        scanned++;
    }
    s->vcpus = scanned;
#ifdef XENABI_HAS_xen_dm_op_nr_vcpus
    struct xen_dm_op op = { .op = XEN_DMOP_nr_vcpus };
    int rc = xen_dm_op(dev, s->dom, &op);
    char detail[128];
    snprintf(detail, sizeof(detail), "XEN_DMOP_nr_vcpus %u (rc %d), %u ports in the ioreq page", op.u.nr_vcpus.vcpus, rc, scanned);
    check("dm:nr_vcpus", rc == 0 && op.u.nr_vcpus.vcpus == scanned, detail);
#else
    (void)dev;
#endif
    count("vcpus", scanned);
    return check("dm:vcpu_ports", scanned > 0, scanned ? "every vCPU's port read from the ioreq page" : "no vCPU port in the ioreq page");
}

static int bind_ports(const struct xen_dev *dev, struct server *s)
{
    unsigned int bound = 0;
    for (unsigned int i = 0; i < s->vcpus; i++) {
        s->local_port[i] = xen_evtchn_bind_interdomain(dev, s->dom, s->remote_port[i]);
        bound += s->local_port[i] >= 0;
    }
    char detail[96];
    snprintf(detail, sizeof(detail), "%u of %u vCPU ports bound through /dev/xen/evtchn", bound, s->vcpus);
    return check("dm:bind_evtchn", bound == s->vcpus, detail);
}

static int set_state(const struct xen_dev *dev, const struct server *s, const char *name, int enabled)
{
    struct xen_dm_op op = { .op = XEN_DMOP_set_ioreq_server_state };
    op.u.set_ioreq_server_state.id = s->id;
    op.u.set_ioreq_server_state.enabled = (uint8_t)enabled;
    return dm_op_step(dev, name, s->dom, &op, enabled ? "XEN_DMOP_set_ioreq_server_state enabled" : "XEN_DMOP_set_ioreq_server_state disabled");
}

static int vcpu_of_port(const struct server *s, int port)
{
    for (unsigned int i = 0; i < s->vcpus; i++)
        if (s->local_port[i] == port)
            return (int)i;
    return -1;
}

/* Serves the guest until it rings the doorbell: read a request, answer it, notify its vCPU. */
static void serve(const struct xen_dev *dev, const struct server *s)
{
    struct test_device device;
    const char *first_problem = NULL;
    unsigned int notices = 0;
    int waited = 0;
    test_device_init(&device);
    while (!device.doorbell_rang) {
        int port = xen_evtchn_wait(dev, SERVE_TIMEOUT_MS);
        if (port < 0) {
            waited = port;
            break;
        }
        xen_evtchn_unmask(dev, (uint32_t)port);
        int vcpu = vcpu_of_port(s, port);
        if (vcpu < 0)
            continue;
        volatile struct ioreq *req = &s->page->vcpu_ioreq[0] + vcpu;
        if (req->state != STATE_IOREQ_READY)
            continue;
        __atomic_thread_fence(__ATOMIC_ACQUIRE);
        struct ioreq copy = *(struct ioreq *)req;
        if (copy.type == IOREQ_TYPE_INVALIDATE || copy.type == IOREQ_TYPE_TIMEOFFSET) {
            /* Xen's notices to a device model that caches guest memory or keeps a clock:
             * this one does neither, and answers them without counting them as the device's. */
            notices++;
        } else {
            const char *problem = test_device_serve(&device, &copy);
            if (problem && !first_problem)
                first_problem = problem;
            req->data = copy.data;
        }
        __atomic_thread_fence(__ATOMIC_RELEASE);
        req->state = STATE_IORESP_READY;
        xen_evtchn_notify(dev, (uint32_t)port);
    }
    count("requests", device.served);
    count("port_requests", device.port_requests);
    count("mmio_requests", device.mmio_requests);
    count("notices", notices);
    char detail[200];
    if (waited)
        snprintf(detail, sizeof(detail), "no request for %d s after %u served: %s", SERVE_TIMEOUT_MS / 1000, device.served, strerror(-waited));
    else
        snprintf(detail, sizeof(detail), "%u requests, %u malformed%s%s; the guest's verdict: %u failed checks", device.served, device.malformed,
                 first_problem ? ", first: " : "", first_problem ? first_problem : "", device.verdict);
    check("dm:serve", !waited && device.malformed == 0, detail);
}

static void teardown(const struct xen_dev *dev, const struct server *s)
{
    set_state(dev, s, "dm:disable", 0);
    struct xen_dm_op op = { .op = XEN_DMOP_destroy_ioreq_server };
    op.u.destroy_ioreq_server.id = s->id;
    dm_op_step(dev, "dm:destroy", s->dom, &op, "XEN_DMOP_destroy_ioreq_server");
    unsigned int unbound = 0;
    for (unsigned int i = 0; i < s->vcpus; i++)
        unbound += s->local_port[i] >= 0 && xen_evtchn_unbind(dev, (uint32_t)s->local_port[i]) == 0;
    char detail[64];
    snprintf(detail, sizeof(detail), "%u of %u ports unbound", unbound, s->vcpus);
    check("dm:unbind", unbound == s->vcpus, detail);
    if (s->page)
        munmap(s->page, 4096);
}

static void signal_ready(void)
{
    int fd = open(READY_FILE, O_WRONLY | O_CREAT | O_TRUNC, 0644);
    if (fd >= 0)
        close(fd);
}

int main(int argc, char **argv)
{
    if (argc != 5) {
        fprintf(stderr, "usage: %s LANGUAGE XEN_RELEASE ARGO_ERRNO DOMID\n", argv[0]);
        return 2;
    }
    report_language = argv[1];
    struct server s = { .dom = (domid_t)strtoul(argv[4], NULL, 10) };
    /* Hypercall arguments are read by Xen from our memory: keep every page of it present. */
    check("dm:mlock", mlockall(MCL_CURRENT | MCL_FUTURE) == 0, "mlockall");

    struct xen_dev dev;
    const char *failed_path = "";
    int rc = xen_dev_open(&dev, &failed_path);
    if (!step("dm:open", rc == 0, "%s", rc == 0 ? "/dev/xen/privcmd and /dev/xen/evtchn" : failed_path))
        return 1;

    if (create_server(&dev, &s)) {
        /* Xen writes the vCPUs' ports into the ioreq page when the server is enabled; the
         * guest is still paused, so nothing reaches the server before they are bound. */
        int ok = map_ioreq_page(&dev, &s) &&
                 claim(&dev, &s, "dm:claim_ports", XEN_DMOP_IO_RANGE_PORT, TEST_PORT_BASE, TEST_PORT_LAST) &&
                 claim(&dev, &s, "dm:claim_mmio", XEN_DMOP_IO_RANGE_MEMORY, TEST_MMIO_BASE, TEST_MMIO_LAST) &&
                 set_state(&dev, &s, "dm:enable", 1) && find_vcpus(&dev, &s) && bind_ports(&dev, &s);
        signal_ready();
        if (ok)
            serve(&dev, &s);
        teardown(&dev, &s);
    } else {
        signal_ready();
    }
    side_checks(&dev, argv[2], atoi(argv[3]));
    xen_dev_close(&dev);
    return failures ? 1 : 0;
}
