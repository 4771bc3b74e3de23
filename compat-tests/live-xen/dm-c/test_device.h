/*
 * The test device every live-Xen device model serves (README.md#the-test-device): an id, a
 * scratch register read back inverted, a request counter and a doorbell in ports
 * 0x5000-0x500f, and a page of memory at 0xf0000000.
 */
#ifndef LIVE_DM_TEST_DEVICE_H
#define LIVE_DM_TEST_DEVICE_H

#include <stdint.h>

#include <xenabi/stable/ioreq.h>

#define TEST_PORT_BASE 0x5000u
#define TEST_PORT_LAST 0x500fu
#define TEST_MMIO_BASE 0xf0000000u
#define TEST_MMIO_LAST 0xf0000fffu
#define TEST_DEVICE_ID 0x49424158u /* "XABI" */

struct test_device {
    uint32_t scratch;
    uint32_t served;
    uint32_t port_requests;
    uint32_t mmio_requests;
    uint32_t malformed;
    int doorbell_rang;
    uint32_t verdict;
    uint8_t memory[TEST_MMIO_LAST - TEST_MMIO_BASE + 1];
};

void test_device_init(struct test_device *dev);

/*
 * Serves one request: reads get their data, writes take effect. Returns NULL, or what was
 * wrong with a request the guest could not have made (it is counted as malformed).
 */
const char *test_device_serve(struct test_device *dev, struct ioreq *req);

#endif /* LIVE_DM_TEST_DEVICE_H */
