/**
 * I/O requests: how Xen forwards an HVM guest's port I/O, MMIO and PCI config accesses to
 * a device model (an ioreq server such as QEMU) and how the answer comes back. Covers the
 * synchronous per-vCPU request slots, the buffered (fire-and-forget) write ring, and the
 * fixed I/O port addresses of the emulated ACPI register blocks.
 */
import { abiModule, array, bits, constant, field, pad, struct, u16, u32, u64, u8, valueSet } from 'xenabi/dsl';

const IOREQ_DIR = valueSet('IOREQ_DIR', {
  since: '4.6',
  field: 'ioreq.dir',
  doc: 'Direction of an access, as seen from the guest.',
  values: [
    constant('IOREQ_READ', 1, { since: '4.6', doc: 'The guest reads: the device model supplies the data.' }),
    constant('IOREQ_WRITE', 0, { since: '4.6', doc: 'The guest writes: the data comes with the request.' }),
  ],
});

const STATE_IOREQ = valueSet('STATE_IOREQ', {
  since: '4.6',
  field: 'ioreq.state',
  doc: 'Hand-over states of a request slot between Xen and the device model.',
  values: [
    constant('STATE_IOREQ_NONE', 0, { since: '4.6', doc: 'The slot is free.' }),
    constant('STATE_IOREQ_READY', 1, { since: '4.6', doc: 'Xen filled the slot; the device model may take it.' }),
    constant('STATE_IOREQ_INPROCESS', 2, { since: '4.6', doc: 'The device model is handling the request.' }),
    constant('STATE_IORESP_READY', 3, { since: '4.6', doc: 'The device model finished; Xen may collect the result.' }),
  ],
});

const IOREQ_TYPE = valueSet('IOREQ_TYPE', {
  since: '4.6',
  field: 'ioreq.type',
  doc: 'What kind of access a request describes.',
  values: [
    constant('IOREQ_TYPE_PIO', 0, { since: '4.6', doc: 'An I/O port access.' }),
    constant('IOREQ_TYPE_COPY', 1, { since: '4.6', doc: 'A memory-mapped I/O access.' }),
    constant('IOREQ_TYPE_PCI_CONFIG', 2, { since: '4.6', doc: 'A PCI configuration space access; addr encodes segment, bus, device, function and register.' }),
    constant('IOREQ_TYPE_TIMEOFFSET', 7, { since: '4.6', doc: 'Not an access: the guest moved its RTC, and data holds the new offset.' }),
    constant('IOREQ_TYPE_INVALIDATE', 8, { since: '4.6', doc: 'Not an access: drop every cached mapping of guest memory.' }),
  ],
});

export const ioreq = struct('ioreq', {
  typedef: 'ioreq_t',
  since: '4.6',
  doc: 'One synchronous request slot, shared between Xen and the device model and signalled through an event channel.',
  fields: [
    field('addr', u64, {
      doc: 'The guest physical address or I/O port. For PCI config: segment in bits 63–48, bus 47–40, device 39–35, function 34–32, register offset 31–0.',
    }),
    field('data', u64, { doc: 'The value written or read; the guest physical address of the data when data_is_ptr is set.' }),
    field('count', u32, { doc: 'Repetitions, for string (rep) instructions.' }),
    field('size', u32, { doc: 'Bytes per access.' }),
    field('vp_eport', u32, { doc: 'The event channel port Xen and the device model use to signal each other about this slot.' }),
    pad('_pad0', u16, { doc: 'Zero.' }),
    bits('state', u8, 4, { doc: 'A STATE_IOREQ_* value: who owns the slot now.' }),
    bits('data_is_ptr', u8, 1, { doc: '1 when `data` points to the data in guest memory instead of holding it.' }),
    bits('dir', u8, 1, { doc: 'IOREQ_READ or IOREQ_WRITE.' }),
    bits('df', u8, 1, { doc: 'The guest\'s direction flag: 1 when a rep access walks down through memory.' }),
    bits('_pad1', u8, 1, { padding: true, doc: 'Zero.' }),
    field('type', u8, { doc: 'An IOREQ_TYPE_* value.' }),
  ],
});

export const shared_iopage = struct('shared_iopage', {
  typedef: 'shared_iopage_t',
  since: '4.6',
  doc: 'The synchronous ioreq page: one request slot per vCPU, indexed by vCPU id.',
  fields: [field('vcpu_ioreq', array(ioreq, 1), { doc: 'The slots; the page holds as many as there are vCPUs, the array is declared with one.' })],
});

export const buf_ioreq = struct('buf_ioreq', {
  typedef: 'buf_ioreq_t',
  since: '4.6',
  doc: 'A compact buffered request: a write the guest does not wait for. An 8-byte access takes two consecutive slots, the second carrying the upper 32 bits of data.',
  fields: [
    field('type', u8, { doc: 'An IOREQ_TYPE_* value.' }),
    bits('pad', u8, 1, { padding: true, doc: 'Zero.' }),
    bits('dir', u8, 1, { doc: 'IOREQ_READ or IOREQ_WRITE.' }),
    bits('size', u8, 2, { doc: 'Access width as a power of two: 0 = 1 byte, 1 = 2, 2 = 4, 3 = 8.' }),
    bits('addr', u32, 20, { doc: 'The low 20 bits of the address or port.' }),
    field('data', u32, { doc: 'The value written (its low half, for an 8-byte access).' }),
  ],
});

const IOREQ_BUFFER_SLOT_NUM = constant('IOREQ_BUFFER_SLOT_NUM', 511, {
  since: '4.6',
  doc: 'Slots in the buffered ioreq ring: as many 8-byte slots as fit in a page next to the two 4-byte pointers.',
});

export const buffered_iopage = struct('buffered_iopage', {
  typedef: 'buffered_iopage_t',
  since: '4.6',
  doc: 'The buffered ioreq page: a ring of buf_ioreq that Xen fills and the device model drains. It fits in one page.',
  fields: [
    field('read_pointer', u32, { doc: 'Slots consumed so far, advanced by the device model; take it modulo IOREQ_BUFFER_SLOT_NUM.' }),
    field('write_pointer', u32, { doc: 'Slots produced so far, advanced by Xen; take it modulo IOREQ_BUFFER_SLOT_NUM.' }),
    field('buf_ioreq', array(buf_ioreq, 511, IOREQ_BUFFER_SLOT_NUM), { doc: 'The ring.' }),
  ],
});

const ACPI_PM1A_EVT_BLK_ADDRESS_V0 = constant('ACPI_PM1A_EVT_BLK_ADDRESS_V0', 0x1f40, {
  since: '4.6',
  spelling: 'hex',
  doc: 'I/O port of the PM1a event block in the original Xen layout (location version 0), kept for guests migrated from old Xen.',
});
const ACPI_PM1A_CNT_BLK_ADDRESS_V0 = constant('ACPI_PM1A_CNT_BLK_ADDRESS_V0', 0x1f44, {
  since: '4.6',
  spelling: 'hex',
  doc: 'I/O port of the PM1a control block, location version 0.',
});
const ACPI_PM_TMR_BLK_ADDRESS_V0 = constant('ACPI_PM_TMR_BLK_ADDRESS_V0', 0x1f48, {
  since: '4.6',
  spelling: 'hex',
  doc: 'I/O port of the PM timer, location version 0.',
});
const ACPI_GPE0_BLK_ADDRESS_V0 = constant('ACPI_GPE0_BLK_ADDRESS_V0', 0x1f68, {
  since: '4.6',
  spelling: 'hex',
  doc: 'I/O port of the GPE0 block, location version 0.',
});
const ACPI_GPE0_BLK_LEN_V0 = constant('ACPI_GPE0_BLK_LEN_V0', 0x08, {
  since: '4.6',
  spelling: 'hex',
  doc: 'Length in bytes of the GPE0 block, location version 0.',
});
const ACPI_PM1A_EVT_BLK_ADDRESS_V1 = constant('ACPI_PM1A_EVT_BLK_ADDRESS_V1', 0xb000, {
  since: '4.6',
  spelling: 'hex',
  doc: 'I/O port of the PM1a event block in the QEMU-compatible layout (location version 1, chosen through HVM_PARAM_ACPI_IOPORTS_LOCATION).',
});
const ACPI_PM1A_CNT_BLK_ADDRESS_V1 = constant('ACPI_PM1A_CNT_BLK_ADDRESS_V1', 0xb004, {
  since: '4.6',
  spelling: 'hex',
  doc: 'I/O port of the PM1a control block, location version 1.',
});
const ACPI_PM_TMR_BLK_ADDRESS_V1 = constant('ACPI_PM_TMR_BLK_ADDRESS_V1', 0xb008, {
  since: '4.6',
  spelling: 'hex',
  doc: 'I/O port of the PM timer, location version 1.',
});
const ACPI_GPE0_BLK_ADDRESS_V1 = constant('ACPI_GPE0_BLK_ADDRESS_V1', 0xafe0, {
  since: '4.6',
  spelling: 'hex',
  doc: 'I/O port of the GPE0 block, location version 1.',
});
const ACPI_GPE0_BLK_LEN_V1 = constant('ACPI_GPE0_BLK_LEN_V1', 0x04, {
  since: '4.6',
  spelling: 'hex',
  doc: 'Length in bytes of the GPE0 block, location version 1.',
});
const ACPI_PM1A_EVT_BLK_ADDRESS = constant('ACPI_PM1A_EVT_BLK_ADDRESS', 0x1f40, {
  since: '4.6',
  spelling: 'hex',
  doc: 'The PM1a event block in the default layout (version 0).',
});
const ACPI_PM1A_CNT_BLK_ADDRESS = constant('ACPI_PM1A_CNT_BLK_ADDRESS', 0x1f44, {
  since: '4.6',
  spelling: 'hex',
  doc: 'The PM1a control block in the default layout (version 0).',
});
const ACPI_PM_TMR_BLK_ADDRESS = constant('ACPI_PM_TMR_BLK_ADDRESS', 0x1f48, {
  since: '4.6',
  spelling: 'hex',
  doc: 'The PM timer in the default layout (version 0).',
});
const ACPI_GPE0_BLK_ADDRESS = constant('ACPI_GPE0_BLK_ADDRESS', 0x1f68, {
  since: '4.6',
  spelling: 'hex',
  doc: 'The GPE0 block in the default layout (version 0).',
});
const ACPI_GPE0_BLK_LEN = constant('ACPI_GPE0_BLK_LEN', 0x08, {
  since: '4.6',
  spelling: 'hex',
  doc: 'The GPE0 block length in the default layout (version 0).',
});

export default abiModule({
  name: 'ioreq',
  xenHeader: 'hvm/ioreq.h',
  xenGuard: '_IOREQ_H_',
  coverage: 'full',
  doc: 'Device model I/O requests: synchronous request slots, the buffered write ring and the emulated ACPI register ports.',
  items: [
    IOREQ_DIR,
    STATE_IOREQ,
    IOREQ_TYPE,
    ioreq,
    shared_iopage,
    buf_ioreq,
    IOREQ_BUFFER_SLOT_NUM,
    buffered_iopage,
    ACPI_PM1A_EVT_BLK_ADDRESS_V0,
    ACPI_PM1A_CNT_BLK_ADDRESS_V0,
    ACPI_PM_TMR_BLK_ADDRESS_V0,
    ACPI_GPE0_BLK_ADDRESS_V0,
    ACPI_GPE0_BLK_LEN_V0,
    ACPI_PM1A_EVT_BLK_ADDRESS_V1,
    ACPI_PM1A_CNT_BLK_ADDRESS_V1,
    ACPI_PM_TMR_BLK_ADDRESS_V1,
    ACPI_GPE0_BLK_ADDRESS_V1,
    ACPI_GPE0_BLK_LEN_V1,
    ACPI_PM1A_EVT_BLK_ADDRESS,
    ACPI_PM1A_CNT_BLK_ADDRESS,
    ACPI_PM_TMR_BLK_ADDRESS,
    ACPI_GPE0_BLK_ADDRESS,
    ACPI_GPE0_BLK_LEN,
  ],
});
