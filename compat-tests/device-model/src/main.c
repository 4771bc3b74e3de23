/*
 * A device model's conversation with Xen for one guest, with fixed inputs: create an ioreq
 * server, look it up, claim an MMIO and a port range, switch it on, ask for the vCPU count
 * (where the chosen Xen has that op), bind an event channel to the guest, register an Argo
 * ring and send on it, and finally destroy the server.
 *
 * Every request is printed buffer by buffer, one line each: label, byte count, bytes in hex.
 * Buffers hold the addresses of other buffers; so that every build and every run prints the
 * same bytes, each buffer gets a fixed fake address (the address hook of struct dm_client,
 * which a real caller points at its bounce buffers).
 */
#include <stdio.h>
#include <stdlib.h>

#include "dm_client.h"

#define GUEST 7             /* the guest this device model emulates for */
#define SERVER 1            /* the ioreq server id Xen returned */
#define GUEST_PORT 37       /* an event channel port the guest left unbound for us */
#define RING_PORT 0x4d44    /* our Argo port */
#define PEER_PORT 0x4d45    /* the guest's Argo port */
#define MESSAGE_TYPE 0x10   /* what our Argo messages carry */

/* ---- Fixed fake addresses ------------------------------------------------------------ */

struct region {
    const void *start;
    size_t len;
    uint64_t base;
};

static struct region regions[16];
static unsigned int nregions;

/* Gives the buffer at [start, start + len) the fake address base, whatever its real one. */
static void place(const void *start, size_t len, uint64_t base)
{
    if (nregions == sizeof(regions) / sizeof(regions[0])) {
        fputs("too many regions\n", stderr);
        exit(2);
    }
    regions[nregions].start = start;
    regions[nregions].len = len;
    regions[nregions].base = base;
    nregions++;
}

static uint64_t fake_addr(const void *buf, void *ctx)
{
    const unsigned char *p = buf;
    unsigned int i;

    (void)ctx;
    for (i = 0; i < nregions; i++) {
        const unsigned char *start = regions[i].start;
        if (p >= start && p < start + regions[i].len)
            return regions[i].base + (uint64_t)(p - start);
    }
    fputs("a buffer has no fake address\n", stderr);
    exit(2);
}

/* ---- Output ---------------------------------------------------------------------------- */

static void dump(const char *call, const char *buffer, const void *buf, size_t len)
{
    const unsigned char *b = buf;
    size_t i;

    printf("%s.%s\t%lu\t", call, buffer, (unsigned long)len);
    for (i = 0; i < len; i++)
        printf("%02x", b[i]);
    putchar('\n');
}

static void dump_dm_op(const char *name, const struct dm_op_call *c)
{
    dump(name, "xen_dm_op", &c->op, sizeof(c->op));
    dump(name, "xen_dm_op_buf", c->bufs, sizeof(c->bufs));
    dump(name, "privcmd_dm_op_buf", c->ubufs, sizeof(c->ubufs));
    dump(name, "privcmd_dm_op", &c->request, sizeof(c->request));
    dump(name, "ioctl", &c->ioctl, sizeof(c->ioctl));
}

static void dump_hypercall(const char *name, const struct dm_privcmd_hypercall *request, const unsigned long *ioctl)
{
    dump(name, "privcmd_hypercall", request, sizeof(*request));
    dump(name, "ioctl", ioctl, sizeof(*ioctl));
}

/* ---- The life cycle ---------------------------------------------------------------------- */

static struct dm_op_call create, info, map_mmio, map_port, enable, destroy;
#ifdef XENABI_HAS_xen_dm_op_nr_vcpus
static struct dm_op_call vcpus;
#endif
static struct dm_evtchn_bind_call bind;
static struct dm_argo_register_call ring;
static struct dm_argo_sendv_call send;

static const uint8_t hello[] = { 'h', 'e', 'l', 'l', 'o', ',', ' ' };
static const uint8_t world[] = { 'w', 'o', 'r', 'l', 'd' };

int main(void)
{
    const struct dm_client dm = { GUEST, fake_addr, NULL };
    const xen_argo_gfn_t gfns[DM_ARGO_RING_PAGES] = { 0x12340, 0x12341 };
    const struct xen_argo_addr src = { RING_PORT, 0, 0 };
    const struct xen_argo_addr dst = { PEER_PORT, GUEST, 0 };
    const uint8_t *const data[DM_ARGO_SEND_IOVS] = { hello, world };
    const uint32_t len[DM_ARGO_SEND_IOVS] = { sizeof(hello), sizeof(world) };

    /* Fake addresses by role, never by order: a build without an op shifts nothing. */
    place(&create, sizeof(create), 0x10001000);
    place(&info, sizeof(info), 0x10002000);
    place(&map_mmio, sizeof(map_mmio), 0x10003000);
    place(&map_port, sizeof(map_port), 0x10004000);
    place(&enable, sizeof(enable), 0x10005000);
#ifdef XENABI_HAS_xen_dm_op_nr_vcpus
    place(&vcpus, sizeof(vcpus), 0x10006000);
#endif
    place(&destroy, sizeof(destroy), 0x10007000);
    place(&bind, sizeof(bind), 0x10008000);
    place(&ring, sizeof(ring), 0x10009000);
    place(&send, sizeof(send), 0x1000a000);
    place(hello, sizeof(hello), 0x1000b000);
    place(world, sizeof(world), 0x1000c000);

    printf("# abi %s\n", DM_ABI_SOURCE);

    dm_create_ioreq_server(&dm, &create, DM_BUFIOREQ_ATOMIC);
    dump_dm_op("create_ioreq_server", &create);

    dm_get_ioreq_server_info(&dm, &info, SERVER, XEN_DMOP_no_gfns);
    dump_dm_op("get_ioreq_server_info", &info);

    dm_map_io_range(&dm, &map_mmio, SERVER, XEN_DMOP_IO_RANGE_MEMORY, 0xf0000000u, 0xf0ffffffu);
    dump_dm_op("map_io_range_to_ioreq_server.mmio", &map_mmio);

    dm_map_io_range(&dm, &map_port, SERVER, XEN_DMOP_IO_RANGE_PORT, 0xcf8, 0xcff);
    dump_dm_op("map_io_range_to_ioreq_server.port", &map_port);

    dm_set_ioreq_server_state(&dm, &enable, SERVER, 1);
    dump_dm_op("set_ioreq_server_state", &enable);

#ifdef XENABI_HAS_xen_dm_op_nr_vcpus
    dm_nr_vcpus(&dm, &vcpus);
    dump_dm_op("nr_vcpus", &vcpus);
#endif

    dm_evtchn_bind_interdomain(&dm, &bind, GUEST_PORT);
    dump("bind_interdomain", "evtchn_bind_interdomain", &bind.arg, sizeof(bind.arg));
    dump_hypercall("bind_interdomain", &bind.request, &bind.ioctl);

    dm_argo_register_ring(&dm, &ring, RING_PORT, GUEST, gfns);
    dump("register_ring", "xen_argo_register_ring", &ring.reg, sizeof(ring.reg));
    dump("register_ring", "xen_argo_gfn_t", ring.gfns, sizeof(ring.gfns));
    dump_hypercall("register_ring", &ring.request, &ring.ioctl);

    dm_argo_sendv(&dm, &send, &src, &dst, data, len, MESSAGE_TYPE);
    dump("sendv", "xen_argo_send_addr", &send.addr, sizeof(send.addr));
    dump("sendv", "xen_argo_iov", send.iovs, sizeof(send.iovs));
    dump_hypercall("sendv", &send.request, &send.ioctl);

    dm_destroy_ioreq_server(&dm, &destroy, SERVER);
    dump_dm_op("destroy_ioreq_server", &destroy);

    return 0;
}
