/*
 * An ioreq server in the style of varstored: the requests it makes of Xen and the pages it
 * shares with Xen, for one guest, with fixed inputs and nothing sent.
 *
 *   1. create an ioreq server with an atomically updated buffered ring (dm_op);
 *   2. ask the size of its resource, then map its buffered page and first synchronous page
 *      (XENMEM_acquire_resource on XENMEM_resource_ioreq_server);
 *   3. look the server up without frame numbers, as a caller of acquire_resource does (dm_op);
 *   4. the older route to the same pages: the HVM parameters naming them (HVMOP_get_param);
 *   5. claim a port range, switch the server on (dm_op);
 *   6. bind each vCPU's event channel, named in its slot of the synchronous page (EVTCHNOP);
 *   7. serve: a port write and a port read arrive in the slots, a posted MMIO write in the
 *      buffered ring; answer them as Xen expects;
 *   8. destroy the server (dm_op).
 *
 * Every buffer is printed as `step.buffer<TAB>bytes<TAB>hex`. Handles point at fixed fake
 * addresses, so every build and every run prints the same bytes. The program is compiled
 * against xenabi's headers and against Xen's (xen_abi.h); the two outputs must be equal.
 */
#include <stdio.h>
#include <string.h>

#include "xen_abi.h"

#define GUEST 7                  /* the guest served */
#define SERVER 1                 /* the ioreq server id Xen returned */
#define VCPUS 2                  /* the guest's vCPUs: slots in the synchronous page */
#define PORT_BASE 0x5000         /* the port range served: one 32-bit register */
#define PORT_LAST 0x5003
#define PAGE_BYTES 4096
#define FRAMES_ADDR 0x20001000u  /* fake address of the frame list */
#define OP_ADDR 0x20002000u      /* fake address of each xen_dm_op */
#define FIRST_PORT 41            /* the guest ports Xen allocated, one per vCPU */
#define LOCAL_PORT 9             /* the first port our bind returned */

static void dump(const char *step, const char *buffer, const void *buf, size_t len)
{
    const unsigned char *b = buf;
    size_t i;

    printf("%s.%s\t%lu\t", step, buffer, (unsigned long)len);
    for (i = 0; i < len; i++)
        printf("%02x", b[i]);
    putchar('\n');
}

/* ---- dm_op: the op and the one-buffer list Xen reads it through ---------------------- */

struct dm_call {
    struct xen_dm_op op;
    xen_dm_op_buf_t buf;
};

static void dm_begin(struct dm_call *c, uint32_t op)
{
    memset(c, 0, sizeof(*c));
    c->op.op = op;
}

static void dm_end(const char *step, struct dm_call *c)
{
    CONSUMER_SET_HANDLE(c->buf.h, (void *)(uintptr_t)OP_ADDR);
    c->buf.size = sizeof(c->op);
    dump(step, "xen_dm_op", &c->op, sizeof(c->op));
    dump(step, "xen_dm_op_buf", &c->buf, sizeof(c->buf));
}

/* ---- XENMEM_acquire_resource ----------------------------------------------------------- */

static void acquire(const char *step, uint32_t nr_frames, xen_pfn_t *frames)
{
    struct xen_mem_acquire_resource arg;
    uint32_t cmd = XENMEM_acquire_resource;

    memset(&arg, 0, sizeof(arg));
    arg.domid = GUEST;
    arg.type = XENMEM_resource_ioreq_server;
    arg.id = SERVER;
    arg.frame = XENMEM_resource_ioreq_server_frame_bufioreq;
    arg.nr_frames = nr_frames;
    if (frames)
        CONSUMER_SET_HANDLE(arg.frame_list, (xen_pfn_t *)(uintptr_t)FRAMES_ADDR);
    dump(step, "cmd", &cmd, sizeof(cmd));
    dump(step, "xen_mem_acquire_resource", &arg, sizeof(arg));
    if (frames)
        dump(step, "frame_list", frames, nr_frames * sizeof(*frames));
}

/* ---- HVMOP_get_param ------------------------------------------------------------------- */

static void get_param(const char *step, uint32_t index)
{
    struct xen_hvm_param arg;
    uint32_t cmd = HVMOP_get_param;

    memset(&arg, 0, sizeof(arg));
    arg.domid = GUEST;
    arg.index = index;
    dump(step, "cmd", &cmd, sizeof(cmd));
    dump(step, "xen_hvm_param", &arg, sizeof(arg));
}

/* ---- The shared pages ------------------------------------------------------------------ */

static union {
    shared_iopage_t s;
    unsigned char bytes[PAGE_BYTES];
} sync_page;

static union {
    buffered_iopage_t b;
    unsigned char bytes[PAGE_BYTES];
} buf_page;

static ioreq_t *slot(unsigned int vcpu)
{
    return &sync_page.s.vcpu_ioreq[0] + vcpu;
}

/* What Xen writes into a slot when vCPU `vcpu` touches a port. */
static void xen_posts(unsigned int vcpu, uint8_t dir, uint64_t data)
{
    ioreq_t *r = slot(vcpu);

    r->addr = PORT_BASE;
    r->data = data;
    r->count = 1;
    r->size = 4;
    r->dir = dir;
    r->data_is_ptr = 0;
    r->df = 0;
    r->type = IOREQ_TYPE_PIO;
    r->state = STATE_IOREQ_READY;
}

/* The device: one 32-bit register at PORT_BASE. */
static uint64_t reg;

static void serve(unsigned int vcpu)
{
    ioreq_t *r = slot(vcpu);

    if (r->state != STATE_IOREQ_READY || r->type != IOREQ_TYPE_PIO)
        return;
    if (r->dir == IOREQ_READ)
        r->data = reg;
    else
        reg = r->data;
    r->state = STATE_IORESP_READY;
}

/* What Xen writes into the buffered ring for a posted 4-byte MMIO write. */
static void xen_buffers(uint32_t addr, uint32_t data)
{
    buf_ioreq_t *b = &buf_page.b.buf_ioreq[buf_page.b.write_pointer % IOREQ_BUFFER_SLOT_NUM];

    b->type = IOREQ_TYPE_COPY;
    b->dir = IOREQ_WRITE;
    b->size = 2;
    b->addr = addr & 0xfffff;
    b->data = data;
    buf_page.b.write_pointer++;
}

static void drain_buffered(void)
{
    while (buf_page.b.read_pointer != buf_page.b.write_pointer) {
        const buf_ioreq_t *b = &buf_page.b.buf_ioreq[buf_page.b.read_pointer % IOREQ_BUFFER_SLOT_NUM];
        if (b->type == IOREQ_TYPE_COPY && b->dir == IOREQ_WRITE)
            reg = b->data;
        buf_page.b.read_pointer++;
    }
}

int main(void)
{
    static struct dm_call create, info, map, enable, destroy;
    xen_pfn_t frames[2] = { 0, 0 };
    struct evtchn_bind_interdomain bind;
    uint32_t constants[] = {
        XEN_DMOP_create_ioreq_server, XEN_DMOP_get_ioreq_server_info, XEN_DMOP_map_io_range_to_ioreq_server,
        XEN_DMOP_set_ioreq_server_state, XEN_DMOP_destroy_ioreq_server, XEN_DMOP_IO_RANGE_PORT, XEN_DMOP_no_gfns,
        HVM_IOREQSRV_BUFIOREQ_ATOMIC, XENMEM_acquire_resource, XENMEM_resource_ioreq_server,
        XENMEM_resource_ioreq_server_frame_bufioreq, HVMOP_get_param, HVM_PARAM_IOREQ_PFN, HVM_PARAM_BUFIOREQ_PFN,
        HVM_PARAM_BUFIOREQ_EVTCHN, EVTCHNOP_bind_interdomain, IOREQ_BUFFER_SLOT_NUM, STATE_IOREQ_NONE, STATE_IOREQ_READY,
        STATE_IOREQ_INPROCESS, STATE_IORESP_READY, IOREQ_TYPE_PIO, IOREQ_TYPE_COPY, IOREQ_READ, IOREQ_WRITE,
    };
    unsigned int v;

    dump("abi", "constants", constants, sizeof(constants));

    dm_begin(&create, XEN_DMOP_create_ioreq_server);
    create.op.u.create_ioreq_server.handle_bufioreq = HVM_IOREQSRV_BUFIOREQ_ATOMIC;
    dm_end("create_ioreq_server", &create);

    acquire("acquire_size", 0, NULL);
    frames[0] = 0x7f000;  /* our free frames: Xen maps the buffered page at the first, */
    frames[1] = 0x7f001;  /* the first synchronous page at the second */
    acquire("acquire_resource", 2, frames);

    dm_begin(&info, XEN_DMOP_get_ioreq_server_info);
    info.op.u.get_ioreq_server_info.id = SERVER;
    info.op.u.get_ioreq_server_info.flags = XEN_DMOP_no_gfns;
    dm_end("get_ioreq_server_info", &info);

    get_param("param_ioreq_pfn", HVM_PARAM_IOREQ_PFN);
    get_param("param_bufioreq_pfn", HVM_PARAM_BUFIOREQ_PFN);
    get_param("param_bufioreq_evtchn", HVM_PARAM_BUFIOREQ_EVTCHN);

    dm_begin(&map, XEN_DMOP_map_io_range_to_ioreq_server);
    map.op.u.map_io_range_to_ioreq_server.id = SERVER;
    map.op.u.map_io_range_to_ioreq_server.type = XEN_DMOP_IO_RANGE_PORT;
    map.op.u.map_io_range_to_ioreq_server.start = PORT_BASE;
    map.op.u.map_io_range_to_ioreq_server.end = PORT_LAST;
    dm_end("map_io_range", &map);

    dm_begin(&enable, XEN_DMOP_set_ioreq_server_state);
    enable.op.u.set_ioreq_server_state.id = SERVER;
    enable.op.u.set_ioreq_server_state.enabled = 1;
    dm_end("set_ioreq_server_state", &enable);

    /* Xen names each vCPU's port in its slot; bind ours to it. */
    for (v = 0; v < VCPUS; v++)
        slot(v)->vp_eport = FIRST_PORT + v;
    dump("ioreq_page", "ports", sync_page.bytes, VCPUS * sizeof(ioreq_t));
    for (v = 0; v < VCPUS; v++) {
        uint32_t cmd = EVTCHNOP_bind_interdomain;
        memset(&bind, 0, sizeof(bind));
        bind.remote_dom = GUEST;
        bind.remote_port = slot(v)->vp_eport;
        dump(v ? "bind_vcpu1" : "bind_vcpu0", "cmd", &cmd, sizeof(cmd));
        dump(v ? "bind_vcpu1" : "bind_vcpu0", "evtchn_bind_interdomain", &bind, sizeof(bind));
        bind.local_port = LOCAL_PORT + v;  /* Xen's answer */
        dump(v ? "bind_vcpu1" : "bind_vcpu0", "answered", &bind, sizeof(bind));
    }

    /* vCPU 0 writes the register, vCPU 1 reads it back. */
    xen_posts(0, IOREQ_WRITE, 0xcafe);
    xen_posts(1, IOREQ_READ, 0);
    dump("ioreq_page", "requests", sync_page.bytes, VCPUS * sizeof(ioreq_t));
    serve(0);
    serve(1);
    dump("ioreq_page", "responses", sync_page.bytes, VCPUS * sizeof(ioreq_t));

    xen_buffers(0xfed00010u, 0x12345678u);
    xen_buffers(0xfed00014u, 0x9abcdef0u);
    dump("buffered_page", "posted", buf_page.bytes, 8 + 3 * sizeof(buf_ioreq_t));
    drain_buffered();
    dump("buffered_page", "drained", buf_page.bytes, 8 + 3 * sizeof(buf_ioreq_t));
    dump("device", "register", &reg, sizeof(reg));

    dm_begin(&destroy, XEN_DMOP_destroy_ioreq_server);
    destroy.op.u.destroy_ioreq_server.id = SERVER;
    dm_end("destroy_ioreq_server", &destroy);
    return 0;
}
