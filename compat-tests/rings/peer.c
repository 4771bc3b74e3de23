/*
 * One end of the blkif ring round trip, in C: `peer PAGE PHASE` reads the 4096-byte ring page
 * from the file PAGE, plays phase A..G (see README.md), writes the page back and prints what it
 * did, one line per event, in the transcript format every peer shares. Built on xenabi's
 * headers alone (their RING_* macros, no Xen header on the include path), or with
 * -DPEER_WITH_XEN on Xen's own io/blkif.h and io/ring.h, whose macros then decide.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#ifdef PEER_WITH_XEN
/* Xen's ring.h leaves the barriers to its includer. */
#define xen_mb() __sync_synchronize()
#define xen_rmb() __sync_synchronize()
#define xen_wmb() __sync_synchronize()
#include <xen/xen.h>
#include <xen/io/blkif.h>
#else
#include <xenabi/stable/blkif.h>
#endif

#define PAGE_SIZE 4096

static union {
    unsigned char bytes[PAGE_SIZE];
    uint64_t align;
} page;

static void load(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f || fread(page.bytes, 1, PAGE_SIZE, f) != PAGE_SIZE) {
        fprintf(stderr, "peer: cannot read %s\n", path);
        exit(2);
    }
    fclose(f);
}

static void save(const char *path)
{
    FILE *f = fopen(path, "wb");
    if (!f || fwrite(page.bytes, 1, PAGE_SIZE, f) != PAGE_SIZE || fclose(f) != 0) {
        fprintf(stderr, "peer: cannot write %s\n", path);
        exit(2);
    }
}

/* The request every peer sends as number id: a one-segment read of sectors 8 * id .. 8 * id + 7. */
static void fill_request(blkif_request_t *req, uint64_t id)
{
    memset(req, 0, sizeof(*req));
    req->operation = BLKIF_OP_READ;
    req->nr_segments = 1;
    req->handle = 51712;
    req->id = id;
    req->sector_number = id * 8;
    req->seg[0].gref = (grant_ref_t)(100 + id);
    req->seg[0].first_sect = 0;
    req->seg[0].last_sect = 7;
}

static void front_push(char phase, blkif_front_ring_t *front, uint64_t first, uint64_t last)
{
    uint64_t id;
    int notify;
    for (id = first; id <= last; id++) {
        fill_request(RING_GET_REQUEST(front, front->req_prod_pvt), id);
        front->req_prod_pvt++;
    }
    RING_PUSH_REQUESTS_AND_CHECK_NOTIFY(front, notify);
    printf("%c push notify=%d\n", phase, notify ? 1 : 0);
}

static void front_collect(char phase, blkif_front_ring_t *front)
{
    int work;
    while (RING_HAS_UNCONSUMED_RESPONSES(front)) {
        blkif_response_t rsp;
        RING_COPY_RESPONSE(front, front->rsp_cons, &rsp);
        front->rsp_cons++;
        printf("%c rsp id=%llu op=%u status=%d\n", phase, (unsigned long long)rsp.id, rsp.operation, rsp.status);
    }
    RING_FINAL_CHECK_FOR_RESPONSES(front, work);
    printf("%c final work=%d\n", phase, work ? 1 : 0);
}

static void back_serve(char phase, blkif_back_ring_t *back)
{
    uint64_t ids[64];
    unsigned int n = 0, i;
    int work, notify;
    while (RING_HAS_UNCONSUMED_REQUESTS(back) && n < 64) {
        blkif_request_t req;
        RING_COPY_REQUEST(back, back->req_cons, &req);
        back->req_cons++;
        printf("%c req id=%llu op=%u nseg=%u handle=%u sector=%llu gref=%u first=%u last=%u\n", phase, (unsigned long long)req.id, req.operation,
               req.nr_segments, req.handle, (unsigned long long)req.sector_number, req.seg[0].gref, req.seg[0].first_sect, req.seg[0].last_sect);
        ids[n++] = req.id;
    }
    RING_FINAL_CHECK_FOR_REQUESTS(back, work);
    printf("%c final work=%d\n", phase, work ? 1 : 0);
    for (i = 0; i < n; i++) {
        blkif_response_t *rsp = RING_GET_RESPONSE(back, back->rsp_prod_pvt);
        memset(rsp, 0, sizeof(*rsp));
        rsp->id = ids[i];
        rsp->operation = BLKIF_OP_READ;
        rsp->status = BLKIF_RSP_OKAY;
        back->rsp_prod_pvt++;
    }
    RING_PUSH_RESPONSES_AND_CHECK_NOTIFY(back, notify);
    printf("%c push notify=%d\n", phase, notify ? 1 : 0);
}

int main(int argc, char **argv)
{
    blkif_sring_t *sring = (blkif_sring_t *)page.bytes;
    blkif_front_ring_t front;
    blkif_back_ring_t back;
    char phase;
    if (argc != 3 || strlen(argv[2]) != 1) {
        fprintf(stderr, "usage: peer PAGE PHASE\n");
        return 2;
    }
    phase = argv[2][0];
    if (phase != 'A') load(argv[1]);
    printf("%c ring size=%u\n", phase, (unsigned int)__CONST_RING_SIZE(blkif, PAGE_SIZE));
    switch (phase) {
    case 'A': XEN_FRONT_RING_INIT(&front, sring, PAGE_SIZE); front_push(phase, &front, 1, 3); break;
    case 'B': BACK_RING_INIT(&back, sring, PAGE_SIZE); back_serve(phase, &back); break;
    case 'C': FRONT_RING_INIT(&front, sring, PAGE_SIZE); front_collect(phase, &front); break;
    case 'E': FRONT_RING_ATTACH(&front, sring, 3, PAGE_SIZE); front_push(phase, &front, 4, 4); front_push(phase, &front, 5, 5); break;
    case 'F': BACK_RING_ATTACH(&back, sring, 3, PAGE_SIZE); back_serve(phase, &back); break;
    case 'G': FRONT_RING_ATTACH(&front, sring, 3, PAGE_SIZE); front_collect(phase, &front); break;
    default: fprintf(stderr, "peer: unknown phase %c\n", phase); return 2;
    }
    save(argv[1]);
    return 0;
}
