/*
 * A PV block back end in the style of QEMU's xen-block: what it says to xenstored, asks of
 * Xen and does on the ring it shares with the guest's front end, for one virtual disk, with
 * fixed inputs and nothing sent.
 *
 *   1. advertise the disk and its features and enter InitWait (xenstore XS_WRITE requests on
 *      the xenstore page's request ring), then read the front end's ring-ref and
 *      event-channel keys (XS_READ);
 *   2. map the front end's ring page (GNTTABOP_map_grant_ref) and bind its event channel
 *      (EVTCHNOP_bind_interdomain), then enter Connected;
 *   3. serve the ring: the front end (played here with the same macros) queues a read of 8
 *      sectors, a write of two segments and a flush; the back end copies each request out,
 *      copies the data with GNTTABOP_copy, answers, pushes the responses and notifies the
 *      front end when it asked (EVTCHNOP_send); then checks for more before sleeping;
 *   4. close: Closing, then Closed, unmap the ring and close the event channel.
 *
 * Every buffer is printed as `step.buffer<TAB>bytes<TAB>hex`. The program is compiled against
 * xenabi's headers and against Xen's (abi.h); the two outputs must be equal.
 */
#include <stdio.h>
#include <string.h>

#include "abi.h"

#define FRONT_DOM 7             /* the guest */
#define BACK_DOM 0              /* the driver domain the back end runs in */
#define DEVICE 51712            /* its disk xvda */
#define RING_REF 8              /* the grant of the front end's ring page */
#define FRONT_PORT 13           /* the front end's event channel */
#define LOCAL_PORT 23           /* what binding it returned */
#define RING_ADDR 0x7f0000000000ull /* where the ring page was mapped */
#define DATA_PFN 0x1234         /* the back end's buffer page for the disk's data */
#define PAGE_BYTES 4096

static void dump(const char *step, const char *buffer, const void *buf, size_t len)
{
    const unsigned char *b = buf;
    size_t i;

    printf("%s.%s\t%lu\t", step, buffer, (unsigned long)len);
    for (i = 0; i < len; i++)
        printf("%02x", b[i]);
    putchar('\n');
}

/* ---- xenstore: requests on the xenstore page's request ring ------------------------- */

static struct xenstore_domain_interface xs_page;
static uint32_t xs_req_id;

static void xs_put(const void *data, size_t len)
{
    const unsigned char *b = data;
    size_t i;

    for (i = 0; i < len; i++, xs_page.req_prod++)
        xs_page.req[xs_page.req_prod & (XENSTORE_RING_SIZE - 1)] = (char)b[i];
}

/* One request: the header, then the NUL-terminated path, then (for a write) the value. */
static void xs_request(const char *step, uint32_t type, const char *path, const char *value)
{
    struct xsd_sockmsg msg;
    size_t path_len = strlen(path) + 1, value_len = value ? strlen(value) : 0;

    memset(&msg, 0, sizeof(msg));
    msg.type = type;
    msg.req_id = ++xs_req_id;
    msg.tx_id = 0;
    msg.len = (uint32_t)(path_len + value_len);
    dump(step, "xsd_sockmsg", &msg, sizeof(msg));
    xs_put(&msg, sizeof(msg));
    xs_put(path, path_len);
    if (value)
        xs_put(value, value_len);
}

static void xs_state(const char *step, int state)
{
    char text[4];

    snprintf(text, sizeof(text), "%d", state);
    xs_request(step, XS_WRITE, "backend/vbd/7/51712/state", text);
}

/* ---- the front end, played on the shared page --------------------------------------- */

static union {
    unsigned char bytes[PAGE_BYTES];
    uint64_t align;
} ring_page;

static void front_requests(blkif_front_ring_t *front)
{
    blkif_request_t *req;
    int notify;

    req = RING_GET_REQUEST(front, front->req_prod_pvt++);
    memset(req, 0, sizeof(*req));
    req->operation = BLKIF_OP_READ;
    req->nr_segments = 1;
    req->handle = DEVICE;
    req->id = 0x1001;
    req->sector_number = 2048;
    req->seg[0].gref = 300;
    req->seg[0].first_sect = 0;
    req->seg[0].last_sect = 7;

    req = RING_GET_REQUEST(front, front->req_prod_pvt++);
    memset(req, 0, sizeof(*req));
    req->operation = BLKIF_OP_WRITE;
    req->nr_segments = 2;
    req->handle = DEVICE;
    req->id = 0x1002;
    req->sector_number = 4096;
    req->seg[0].gref = 301;
    req->seg[0].first_sect = 4;
    req->seg[0].last_sect = 7;
    req->seg[1].gref = 302;
    req->seg[1].first_sect = 0;
    req->seg[1].last_sect = 3;

    req = RING_GET_REQUEST(front, front->req_prod_pvt++);
    memset(req, 0, sizeof(*req));
    req->operation = BLKIF_OP_FLUSH_DISKCACHE;
    req->handle = DEVICE;
    req->id = 0x1003;

    RING_PUSH_REQUESTS_AND_CHECK_NOTIFY(front, notify);
    printf("front.notify\t1\t%02x\n", notify ? 1 : 0);
}

/* ---- the back end ------------------------------------------------------------------- */

/* The copy of one segment between the guest's granted page and the back end's buffer. */
static void copy_segment(const char *step, const blkif_request_t *req, unsigned int i)
{
    struct gnttab_copy op;
    int to_guest = req->operation == BLKIF_OP_READ;

    memset(&op, 0, sizeof(op));
    if (to_guest) {
        op.source.u.gmfn = DATA_PFN;
        op.source.domid = BACK_DOM;
        op.dest.u.ref = req->seg[i].gref;
        op.dest.domid = FRONT_DOM;
        op.dest.offset = (uint16_t)(req->seg[i].first_sect * 512);
        op.flags = GNTCOPY_dest_gref;
    } else {
        op.source.u.ref = req->seg[i].gref;
        op.source.domid = FRONT_DOM;
        op.source.offset = (uint16_t)(req->seg[i].first_sect * 512);
        op.dest.u.gmfn = DATA_PFN;
        op.dest.domid = BACK_DOM;
        op.flags = GNTCOPY_source_gref;
    }
    op.len = (uint16_t)((req->seg[i].last_sect - req->seg[i].first_sect + 1) * 512);
    dump(step, "gnttab_copy", &op, sizeof(op));
}

static void serve(blkif_back_ring_t *back)
{
    int more, notify;
    unsigned int i;

    do {
        while (RING_HAS_UNCONSUMED_REQUESTS(back)) {
            blkif_request_t req;
            blkif_response_t *rsp;

            RING_COPY_REQUEST(back, back->req_cons, &req);
            back->req_cons++;
            dump("serve", "request", &req, sizeof(req));
            for (i = 0; i < req.nr_segments && i < BLKIF_MAX_SEGMENTS_PER_REQUEST; i++)
                copy_segment("serve", &req, i);
            rsp = RING_GET_RESPONSE(back, back->rsp_prod_pvt);
            memset(rsp, 0, sizeof(*rsp));
            rsp->id = req.id;
            rsp->operation = req.operation;
            rsp->status = BLKIF_RSP_OKAY;
            back->rsp_prod_pvt++;
        }
        RING_PUSH_RESPONSES_AND_CHECK_NOTIFY(back, notify);
        if (notify) {
            struct evtchn_send send;

            memset(&send, 0, sizeof(send));
            send.port = LOCAL_PORT;
            dump("serve", "evtchn_send", &send, sizeof(send));
        }
        RING_FINAL_CHECK_FOR_REQUESTS(back, more);
    } while (more);
}

int main(void)
{
    blkif_sring_t *sring = (blkif_sring_t *)ring_page.bytes;
    blkif_front_ring_t front;
    blkif_back_ring_t back;
    struct gnttab_map_grant_ref map;
    struct gnttab_unmap_grant_ref unmap;
    struct evtchn_bind_interdomain bind;
    struct evtchn_close close_port;
    char info[4];

    /* 1. advertise, enter InitWait, read the front end's keys */
    snprintf(info, sizeof(info), "%d", 0);
    xs_request("xenbus", XS_WRITE, "backend/vbd/7/51712/info", info);
    xs_request("xenbus", XS_WRITE, "backend/vbd/7/51712/feature-flush-cache", "1");
    xs_request("xenbus", XS_WRITE, "backend/vbd/7/51712/sector-size", "512");
    xs_state("xenbus", XenbusStateInitWait);
    xs_request("xenbus", XS_READ, "/local/domain/7/device/vbd/51712/ring-ref", NULL);
    xs_request("xenbus", XS_READ, "/local/domain/7/device/vbd/51712/event-channel", NULL);

    /* 2. map the ring, bind the event channel, connect */
    memset(&map, 0, sizeof(map));
    map.host_addr = RING_ADDR;
    map.flags = GNTMAP_host_map;
    map.ref = RING_REF;
    map.dom = FRONT_DOM;
    dump("connect", "gnttab_map_grant_ref", &map, sizeof(map));
    memset(&bind, 0, sizeof(bind));
    bind.remote_dom = FRONT_DOM;
    bind.remote_port = FRONT_PORT;
    dump("connect", "evtchn_bind_interdomain", &bind, sizeof(bind));
    xs_state("connect", XenbusStateConnected);

    /* 3. the front end queues, the back end serves */
    XEN_FRONT_RING_INIT(&front, sring, PAGE_BYTES);
    BACK_RING_INIT(&back, sring, PAGE_BYTES);
    printf("ring.entries\t1\t%02x\n", (unsigned int)RING_SIZE(&back));
    front_requests(&front);
    serve(&back);
    dump("serve", "ring_page", ring_page.bytes, PAGE_BYTES);

    /* 4. close */
    xs_state("close", XenbusStateClosing);
    memset(&unmap, 0, sizeof(unmap));
    unmap.host_addr = RING_ADDR;
    unmap.handle = 1;
    dump("close", "gnttab_unmap_grant_ref", &unmap, sizeof(unmap));
    memset(&close_port, 0, sizeof(close_port));
    close_port.port = LOCAL_PORT;
    dump("close", "evtchn_close", &close_port, sizeof(close_port));
    xs_state("close", XenbusStateClosed);
    dump("xenbus", "xenstore_page", &xs_page, sizeof(xs_page));
    return 0;
}
