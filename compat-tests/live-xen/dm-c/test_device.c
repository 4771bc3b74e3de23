/* The test device's behaviour, kept apart from Xen so it reads as the README's table. */
#include "test_device.h"

#include <string.h>

enum { REG_ID = 0, REG_SCRATCH = 4, REG_COUNTER = 8, REG_DOORBELL = 12 };

void test_device_init(struct test_device *dev)
{
    memset(dev, 0, sizeof(*dev));
    for (size_t i = 0; i < sizeof(dev->memory); i++)
        dev->memory[i] = (uint8_t)i;
}

static uint64_t width_mask(uint32_t size)
{
    return size >= 8 ? ~UINT64_C(0) : (UINT64_C(1) << (size * 8)) - 1;
}

static const char *serve_port(struct test_device *dev, struct ioreq *req)
{
    uint32_t reg = (uint32_t)(req->addr - TEST_PORT_BASE);
    int read = req->dir == IOREQ_READ;
    dev->port_requests++;
    if (reg == REG_SCRATCH) {
        if (read)
            req->data = ~(uint64_t)dev->scratch & width_mask(req->size);
        else
            dev->scratch = (uint32_t)(req->data & width_mask(req->size));
        return NULL;
    }
    if (req->size != 4)
        return "a register other than scratch accessed with a width other than 4";
    if (read && reg == REG_ID) {
        req->data = TEST_DEVICE_ID;
        return NULL;
    }
    if (read && reg == REG_COUNTER) {
        req->data = dev->served;
        return NULL;
    }
    if (!read && reg == REG_DOORBELL) {
        dev->doorbell_rang = 1;
        dev->verdict = (uint32_t)req->data;
        return NULL;
    }
    if (read)
        req->data = width_mask(req->size);
    return "an access to a register that does not take it";
}

static const char *serve_mmio(struct test_device *dev, struct ioreq *req)
{
    uint64_t offset = req->addr - TEST_MMIO_BASE;
    dev->mmio_requests++;
    if (offset + req->size > sizeof(dev->memory))
        return "an access crossing the end of the device's page";
    if (req->dir == IOREQ_READ) {
        uint64_t value = 0;
        for (uint32_t i = 0; i < req->size; i++)
            value |= (uint64_t)dev->memory[offset + i] << (8 * i);
        req->data = value;
    } else {
        for (uint32_t i = 0; i < req->size; i++)
            dev->memory[offset + i] = (uint8_t)(req->data >> (8 * i));
    }
    return NULL;
}

const char *test_device_serve(struct test_device *dev, struct ioreq *req)
{
    const char *why = NULL;
    if (req->count != 1 || req->data_is_ptr || req->df)
        why = "a repeated or indirect access (count != 1, data_is_ptr or df)";
    else if (req->size != 1 && req->size != 2 && req->size != 4 && req->size != 8)
        why = "an access width other than 1, 2, 4 or 8";
    else if (req->type == IOREQ_TYPE_PIO && req->addr >= TEST_PORT_BASE && req->addr + req->size - 1 <= TEST_PORT_LAST)
        why = serve_port(dev, req);
    else if (req->type == IOREQ_TYPE_COPY && req->addr >= TEST_MMIO_BASE && req->addr + req->size - 1 <= TEST_MMIO_LAST)
        why = serve_mmio(dev, req);
    else
        why = "a request outside the ranges this device model claimed";
    if (why)
        dev->malformed++;
    dev->served++;
    return why;
}
