/**
 * The physical-device hypercall (`__HYPERVISOR_physdev_op`): how the hardware domain and
 * device models tell Xen about PCI devices and their interrupts, map physical IRQs (GSIs and
 * MSIs) to pirqs a guest binds event channels to, acknowledge them, and (PV x86) reach I/O
 * ports. Each `PHYSDEVOP_*` sub-op takes the record listed with it.
 *
 * Names Xen offers only to guests that ask for an interface older than 0x00040600
 * (`PHYSDEVOP_IRQ_STATUS_QUERY` and the other upper-case aliases) are not declared;
 * `PHYSDEVOP_pirq_eoi_gmfn` carries the number it has for guests older than 0x00040200 as
 * its legacy value.
 */
import { ARM, X86, abiModule, c_int, c_ulong, constant, field, flag, flagSet, flex, handle, inlineStruct, inlineUnion, op, opSet, struct, u16, u32, u64, u8, valueSet, xen_pfn_t } from 'xenabi/dsl';
import { domid_t } from './xen.ts';

const ALL = [...X86, ...ARM];
const WIDE = ['x86_64', 'arm32', 'arm64'] as const;

/** A record whose only member is a 32-bit interrupt number. */
const irqRecord = (name: string, doc: string, irqDoc: string) =>
  struct(name, { typedef: `${name}_t`, since: '4.6', doc, fields: [field('irq', u32, { doc: irqDoc })] });

// ---- Interrupts ----------------------------------------------------------------------------

export const physdev_eoi = irqRecord('physdev_eoi', 'PHYSDEVOP_eoi: the guest has handled a physical IRQ; Xen may deliver it again.', 'The pirq. Example: 16.');

export const physdev_pirq_eoi_gmfn = struct('physdev_pirq_eoi_gmfn', {
  typedef: 'physdev_pirq_eoi_gmfn_t',
  since: '4.6',
  doc: 'PHYSDEVOP_pirq_eoi_gmfn_v1 and _v2: a page of the guest holding one bit per pirq that needs an EOI, so the guest can skip the hypercall for the others.',
  fields: [field('gmfn', xen_pfn_t, { doc: 'The guest frame of the bitmap page. Example: 0x1234.' })],
});

export const physdev_irq_status_query = struct('physdev_irq_status_query', {
  typedef: 'physdev_irq_status_query_t',
  since: '4.6',
  doc: 'PHYSDEVOP_irq_status_query: what a physical IRQ needs from the guest.',
  fields: [
    field('irq', u32, { doc: 'IN: the pirq. Example: 16.' }),
    field('flags', u32, { doc: 'OUT: XENIRQSTAT_* flags.' }),
  ],
});

export const XENIRQSTAT = flagSet('XENIRQSTAT', {
  since: '4.6',
  field: 'physdev_irq_status_query.flags',
  doc: 'What a physical IRQ needs.',
  flags: [
    flag('XENIRQSTAT_needs_eoi', 0, { since: '4.6', bitConstant: '_XENIRQSTAT_needs_eoi', doc: 'The guest must signal the end of each interrupt (PHYSDEVOP_eoi).' }),
    flag('XENIRQSTAT_shared', 1, { since: '4.6', bitConstant: '_XENIRQSTAT_shared', doc: 'The IRQ is shared with another domain.' }),
  ],
});

export const physdev_irq = struct('physdev_irq', {
  typedef: 'physdev_irq_t',
  since: '4.6',
  doc: 'PHYSDEVOP_alloc_irq_vector and PHYSDEVOP_free_irq_vector (x86): an IRQ and its vector.',
  fields: [
    field('irq', u32, { doc: 'IN: the IRQ. Example: 16.' }),
    field('vector', u32, { doc: 'OUT for alloc, IN for free: the vector. Example: 0x41.' }),
  ],
});

export const MAP_PIRQ_TYPE = valueSet('MAP_PIRQ_TYPE', {
  since: '4.6',
  field: 'physdev_map_pirq.type',
  doc: 'What kind of physical interrupt a pirq is mapped to.',
  values: [
    constant('MAP_PIRQ_TYPE_MSI', 0x0, { since: '4.6', spelling: 'hex', doc: 'An MSI or MSI-X vector of a PCI device (segment 0).' }),
    constant('MAP_PIRQ_TYPE_GSI', 0x1, { since: '4.6', spelling: 'hex', doc: 'A global system interrupt (an IO-APIC pin).' }),
    constant('MAP_PIRQ_TYPE_UNKNOWN', 0x2, { since: '4.6', spelling: 'hex', doc: 'Not known; Xen refuses it.' }),
    constant('MAP_PIRQ_TYPE_MSI_SEG', 0x3, { since: '4.6', spelling: 'hex', doc: 'An MSI or MSI-X vector of a PCI device in any segment (bus holds the segment in its upper 16 bits).' }),
    constant('MAP_PIRQ_TYPE_MULTI_MSI', 0x4, { since: '4.6', spelling: 'hex', doc: 'Several consecutive MSI vectors of one device (entry_nr of them).' }),
  ],
});

export const physdev_map_pirq = struct('physdev_map_pirq', {
  typedef: 'physdev_map_pirq_t',
  since: '4.6',
  doc: 'PHYSDEVOP_map_pirq: give a domain a pirq for a GSI or an MSI, as the hardware domain does for itself and a device model does for a passed-through device.',
  fields: [
    field('domid', domid_t, { doc: 'IN: the domain that gets the pirq. Example: 5.' }),
    field('type', c_int, { doc: 'IN: a MAP_PIRQ_TYPE_*. Example: 1 (MAP_PIRQ_TYPE_GSI).' }),
    field('index', c_int, { doc: 'IN: the GSI, or the MSI-X entry (-1 for MSI). Example: 20.' }),
    field('pirq', c_int, { doc: 'IN: the pirq wanted, or -1 for any; OUT: the pirq given. Example: -1.' }),
    field('bus', c_int, { doc: 'IN, MSI: the PCI bus (with MAP_PIRQ_TYPE_MSI_SEG, the segment in bits 16 and up). Example: 0.' }),
    field('devfn', c_int, { doc: 'IN, MSI: device and function. Example: 0x18.' }),
    field('entry_nr', c_int, { doc: 'IN, MSI: the number of vectors (MAP_PIRQ_TYPE_MULTI_MSI), or the MSI-X entry. Example: 1.' }),
    field('table_base', u64, { doc: 'IN, MSI-X: the physical address of the MSI-X table. Example: 0xfebf0000.' }),
  ],
  holes: [
    { after: 'domid', archs: ALL, reason: 'type is 4-byte aligned' },
    { after: 'entry_nr', archs: [...WIDE], reason: 'table_base is 8-byte aligned' },
  ],
});

export const physdev_unmap_pirq = struct('physdev_unmap_pirq', {
  typedef: 'physdev_unmap_pirq_t',
  since: '4.6',
  doc: 'PHYSDEVOP_unmap_pirq: take a pirq away from a domain.',
  fields: [
    field('domid', domid_t, { doc: 'The domain. Example: 5.' }),
    field('pirq', c_int, { doc: 'The pirq. Example: 55.' }),
  ],
  holes: [{ after: 'domid', archs: ALL, reason: 'pirq is 4-byte aligned' }],
});

export const physdev_setup_gsi = struct('physdev_setup_gsi', {
  typedef: 'physdev_setup_gsi_t',
  since: '4.6',
  doc: 'PHYSDEVOP_setup_gsi (x86 hardware domain): how a GSI is triggered, from the ACPI tables.',
  fields: [
    field('gsi', c_int, { doc: 'The GSI. Example: 20.' }),
    field('triggering', u8, { doc: '0 for edge, 1 for level. Example: 1.' }),
    field('polarity', u8, { doc: '0 for active high, 1 for active low. Example: 1.' }),
  ],
  holes: [{ after: 'polarity', archs: ALL, reason: 'tail padding to the 4-byte alignment of gsi' }],
});

export const physdev_get_free_pirq = struct('physdev_get_free_pirq', {
  typedef: 'physdev_get_free_pirq_t',
  since: '4.6',
  doc: 'PHYSDEVOP_get_free_pirq: reserve a pirq number of the calling domain.',
  fields: [
    field('type', c_int, { doc: 'IN: a MAP_PIRQ_TYPE_*. Example: 0 (MAP_PIRQ_TYPE_MSI).' }),
    field('pirq', u32, { doc: 'OUT: the pirq.' }),
  ],
});

// ---- PV x86 I/O privilege -----------------------------------------------------------------

export const physdev_set_iopl = struct('physdev_set_iopl', {
  typedef: 'physdev_set_iopl_t',
  since: '4.6',
  doc: 'PHYSDEVOP_set_iopl (PV x86): the I/O privilege level of the calling vCPU.',
  fields: [field('iopl', u32, { doc: '0 to 3. Example: 1.' })],
});

export const physdev_set_iobitmap = struct('physdev_set_iobitmap', {
  typedef: 'physdev_set_iobitmap_t',
  since: '4.6',
  doc: 'PHYSDEVOP_set_iobitmap (PV x86): an I/O permission bitmap for the calling vCPU, as in a TSS.',
  fields: [
    field('bitmap', handle('uint8', 'uint8_t'), { doc: 'The bitmap: a clear bit allows the port.' }),
    field('nr_ports', u32, { doc: 'How many ports the bitmap covers. Example: 1024.' }),
  ],
  holes: [{ after: 'nr_ports', archs: [...WIDE], reason: 'tail padding to the 8-byte alignment of the handle' }],
});

export const physdev_apic = struct('physdev_apic', {
  typedef: 'physdev_apic_t',
  since: '4.6',
  doc: 'PHYSDEVOP_apic_read and PHYSDEVOP_apic_write (x86 hardware domain): a register of an IO-APIC.',
  fields: [
    field('apic_physbase', c_ulong, { doc: 'IN: the physical base address of the IO-APIC. Example: 0xfec00000.' }),
    field('reg', u32, { doc: 'IN: the register index. Example: 0x10.' }),
    field('value', u32, { doc: 'OUT for read, IN for write: the register\'s value.' }),
  ],
});

export const physdev_op = struct('physdev_op', {
  typedef: 'physdev_op_t',
  since: '4.6',
  doc: 'The argument of the hypercall of guest interfaces before 0x00030202 (__HYPERVISOR_physdev_op_compat): a sub-op and its record in one.',
  fields: [
    field('cmd', u32, { doc: 'A PHYSDEVOP_* number. Example: 5 (PHYSDEVOP_irq_status_query).' }),
    field(
      'u',
      inlineUnion({
        doc: 'The record of cmd.',
        fields: [
          field('irq_status_query', physdev_irq_status_query, { doc: 'PHYSDEVOP_irq_status_query.' }),
          field('set_iopl', physdev_set_iopl, { doc: 'PHYSDEVOP_set_iopl.' }),
          field('set_iobitmap', physdev_set_iobitmap, { doc: 'PHYSDEVOP_set_iobitmap.' }),
          field('apic_op', physdev_apic, { doc: 'PHYSDEVOP_apic_read and _write.' }),
          field('irq_op', physdev_irq, { doc: 'PHYSDEVOP_alloc_irq_vector and _free_irq_vector.' }),
        ],
      }),
      { doc: 'The record of cmd.' },
    ),
  ],
  holes: [{ after: 'cmd', archs: [...WIDE], reason: 'the union holds 8-byte members' }],
});

// ---- PCI devices ---------------------------------------------------------------------------

/** A record naming a device on segment 0 by bus and device/function. */
const busDevfn = (name: string, doc: string) =>
  struct(name, {
    typedef: `${name}_t`,
    since: '4.6',
    doc,
    fields: [field('bus', u8, { doc: 'The PCI bus. Example: 0.' }), field('devfn', u8, { doc: 'Device and function, (device << 3) | function. Example: 0x18.' })],
  });

export const physdev_manage_pci = busDevfn('physdev_manage_pci', 'PHYSDEVOP_manage_pci_add and _remove: a PCI device of segment 0 appears or goes (superseded by PHYSDEVOP_pci_device_add and _remove).');
export const physdev_restore_msi = busDevfn('physdev_restore_msi', 'PHYSDEVOP_restore_msi: restore the MSI state of a device of segment 0 after resume (superseded by PHYSDEVOP_restore_msi_ext).');

export const physdev_manage_pci_ext = struct('physdev_manage_pci_ext', {
  typedef: 'physdev_manage_pci_ext_t',
  since: '4.6',
  doc: 'PHYSDEVOP_manage_pci_add_ext: a PCI device of segment 0 appears, possibly a function of a multi-function or SR-IOV device.',
  fields: [
    field('bus', u8, { doc: 'The PCI bus. Example: 3.' }),
    field('devfn', u8, { doc: 'Device and function. Example: 0x10.' }),
    field('is_extfn', u32, { doc: 'Non-zero for an extended function of an ARI device.' }),
    field('is_virtfn', u32, { doc: 'Non-zero for an SR-IOV virtual function.' }),
    field(
      'physfn',
      inlineStruct({
        doc: 'The physical function of a virtual function.',
        fields: [field('bus', u8, { doc: 'Its bus.' }), field('devfn', u8, { doc: 'Its device and function.' })],
      }),
      { doc: 'With is_virtfn: its physical function.' },
    ),
  ],
  holes: [
    { after: 'devfn', archs: ALL, reason: 'is_extfn is 4-byte aligned' },
    { after: 'physfn', archs: ALL, reason: 'tail padding to the 4-byte alignment' },
  ],
});

export const XEN_PCI_MMCFG_RESERVED = constant('XEN_PCI_MMCFG_RESERVED', 0x1, {
  since: '4.6',
  spelling: 'hex',
  doc: 'physdev_pci_mmcfg_reserved.flags: the ACPI tables mark the configuration space region reserved, so Xen may use it.',
});

export const physdev_pci_mmcfg_reserved = struct('physdev_pci_mmcfg_reserved', {
  typedef: 'physdev_pci_mmcfg_reserved_t',
  since: '4.6',
  doc: 'PHYSDEVOP_pci_mmcfg_reserved (x86 hardware domain): whether an MMCONFIG region of the PCI configuration space is reserved in the firmware tables.',
  fields: [
    field('address', u64, { doc: 'The physical address of the region. Example: 0xe0000000.' }),
    field('segment', u16, { doc: 'The PCI segment. Example: 0.' }),
    field('start_bus', u8, { doc: 'The first bus of the region. Example: 0.' }),
    field('end_bus', u8, { doc: 'The last bus of the region. Example: 255.' }),
    field('flags', u32, { doc: 'XEN_PCI_MMCFG_RESERVED or 0.' }),
  ],
});

export const XEN_PCI_DEV = flagSet('XEN_PCI_DEV', {
  since: '4.6',
  field: 'physdev_pci_device_add.flags',
  doc: 'What a PCI device reported with PHYSDEVOP_pci_device_add is.',
  flags: [
    flag('XEN_PCI_DEV_EXTFN', 0, { since: '4.6', spelling: 'hex', doc: 'An extended function of an ARI device.' }),
    flag('XEN_PCI_DEV_VIRTFN', 1, { since: '4.6', spelling: 'hex', doc: 'An SR-IOV virtual function; physfn names its physical function.' }),
    flag('XEN_PCI_DEV_PXM', 2, { since: '4.6', spelling: 'hex', doc: 'optarr[0] holds the proximity domain (NUMA node) of the device.' }),
  ],
});

export const physdev_pci_device_add = struct('physdev_pci_device_add', {
  typedef: 'physdev_pci_device_add_t',
  since: '4.6',
  doc: 'PHYSDEVOP_pci_device_add: the hardware domain reports a PCI device, in any segment.',
  fields: [
    field('seg', u16, { doc: 'The PCI segment. Example: 0.' }),
    field('bus', u8, { doc: 'The bus. Example: 3.' }),
    field('devfn', u8, { doc: 'Device and function. Example: 0x10.' }),
    field('flags', u32, { doc: 'XEN_PCI_DEV_* flags.' }),
    field(
      'physfn',
      inlineStruct({
        doc: 'The physical function of a virtual function.',
        fields: [field('bus', u8, { doc: 'Its bus.' }), field('devfn', u8, { doc: 'Its device and function.' })],
      }),
      { doc: 'With XEN_PCI_DEV_VIRTFN: its physical function.' },
    ),
    flex('optarr', u32, { doc: 'Optional values, as flags announce them: with XEN_PCI_DEV_PXM, the proximity domain first.' }),
  ],
  holes: [{ after: 'physfn', archs: ALL, reason: 'optarr is 4-byte aligned' }],
});

export const physdev_pci_device = struct('physdev_pci_device', {
  typedef: 'physdev_pci_device_t',
  since: '4.6',
  doc: 'A PCI device in any segment: PHYSDEVOP_pci_device_remove, _restore_msi_ext, _prepare_msix and _release_msix.',
  fields: [
    field('seg', u16, { doc: 'The PCI segment. Example: 0.' }),
    field('bus', u8, { doc: 'The bus. Example: 3.' }),
    field('devfn', u8, { doc: 'Device and function. Example: 0x10.' }),
  ],
});

export const PCI_DEVICE_RESET = valueSet('PCI_DEVICE_RESET', {
  since: '4.20',
  field: 'pci_device_reset.flags',
  doc: 'Kinds of device reset, in the bits PCI_DEVICE_RESET_MASK of pci_device_reset.flags.',
  values: [
    constant('PCI_DEVICE_RESET_COLD', 0x0, { since: '4.20', spelling: 'hex', doc: 'A cold reset: power removed and restored.' }),
    constant('PCI_DEVICE_RESET_WARM', 0x1, { since: '4.20', spelling: 'hex', doc: 'A warm reset, with power kept.' }),
    constant('PCI_DEVICE_RESET_HOT', 0x2, { since: '4.20', spelling: 'hex', doc: 'A hot reset through the bridge above the device.' }),
    constant('PCI_DEVICE_RESET_FLR', 0x3, { since: '4.20', spelling: 'hex', doc: 'A function-level reset.' }),
  ],
});

export const PCI_DEVICE_RESET_MASK = constant('PCI_DEVICE_RESET_MASK', 0x3, {
  since: '4.20',
  spelling: 'hex',
  doc: 'The bits of pci_device_reset.flags that hold the PCI_DEVICE_RESET_* kind.',
});

export const pci_device_reset = struct('pci_device_reset', {
  since: '4.20',
  doc: 'PHYSDEVOP_pci_device_reset: the hardware domain reset a device, so Xen resets its own state of it.',
  fields: [
    field('dev', physdev_pci_device, { doc: 'The device.' }),
    field('flags', u32, { doc: 'A PCI_DEVICE_RESET_* kind.' }),
  ],
});

// ---- USB debug port ------------------------------------------------------------------------

export const PHYSDEVOP_DBGP_RESET = valueSet('PHYSDEVOP_DBGP_RESET', {
  since: '4.6',
  field: 'physdev_dbgp_op.op',
  doc: 'What the hardware domain is about to do, or did, to a USB controller Xen uses as its debug port.',
  values: [
    constant('PHYSDEVOP_DBGP_RESET_PREPARE', 1, { since: '4.6', doc: 'It is about to reset the controller.' }),
    constant('PHYSDEVOP_DBGP_RESET_DONE', 2, { since: '4.6', doc: 'It has reset the controller.' }),
  ],
});

export const PHYSDEVOP_DBGP_BUS = valueSet('PHYSDEVOP_DBGP_BUS', {
  since: '4.6',
  field: 'physdev_dbgp_op.bus',
  doc: 'How physdev_dbgp_op names the controller.',
  values: [
    constant('PHYSDEVOP_DBGP_BUS_UNKNOWN', 0, { since: '4.6', doc: 'Not named: every debug-port controller.' }),
    constant('PHYSDEVOP_DBGP_BUS_PCI', 1, { since: '4.6', doc: 'A PCI device, in u.pci.' }),
  ],
});

export const physdev_dbgp_op = struct('physdev_dbgp_op', {
  typedef: 'physdev_dbgp_op_t',
  since: '4.6',
  doc: 'PHYSDEVOP_dbgp_op (x86 hardware domain): tell Xen around a reset of the USB controller it uses as its debug port.',
  fields: [
    field('op', u8, { doc: 'A PHYSDEVOP_DBGP_RESET_*. Example: 1.' }),
    field('bus', u8, { doc: 'A PHYSDEVOP_DBGP_BUS_*. Example: 1.' }),
    field(
      'u',
      inlineUnion({
        doc: 'The controller, by bus.',
        fields: [field('pci', physdev_pci_device, { doc: 'PHYSDEVOP_DBGP_BUS_PCI: the PCI device.' })],
      }),
      { doc: 'The controller.' },
    ),
  ],
  selectors: [{ union: 'u', by: 'bus', arms: [{ member: 'pci', values: ['PHYSDEVOP_DBGP_BUS_PCI'] }] }],
});

// ---- Sub-ops -------------------------------------------------------------------------------

const pop = (name: string, value: number, doc: string, since = '4.6') => constant(`PHYSDEVOP_${name}`, value, { since, doc });

export const PHYSDEVOP = opSet('PHYSDEVOP', {
  since: '4.6',
  doc: 'Sub-ops of the physical-device hypercall, each with the record its argument points to.',
  ops: [
    op(pop('IRQ_UNMASK_NOTIFY', 4, 'Old: unmask a pirq after handling it; PHYSDEVOP_eoi replaces it. The argument is null.')),
    op(pop('irq_status_query', 5, 'What a pirq needs (XENIRQSTAT_*).'), { record: physdev_irq_status_query }),
    op(pop('set_iopl', 6, 'PV x86: set the I/O privilege level.'), { record: physdev_set_iopl }),
    op(pop('set_iobitmap', 7, 'PV x86: set the I/O permission bitmap.'), { record: physdev_set_iobitmap }),
    op(pop('apic_read', 8, 'x86 hardware domain: read an IO-APIC register.'), { record: physdev_apic }),
    op(pop('apic_write', 9, 'x86 hardware domain: write an IO-APIC register.'), { record: physdev_apic }),
    op(pop('alloc_irq_vector', 10, 'x86 hardware domain: allocate a vector for an IRQ.'), { record: physdev_irq }),
    op(pop('free_irq_vector', 11, 'x86 hardware domain: free an IRQ\'s vector.'), { record: physdev_irq }),
    op(pop('eoi', 12, 'Signal the end of a pirq\'s interrupt.'), { record: physdev_eoi }),
    op(pop('map_pirq', 13, 'Map a GSI or MSI to a pirq of a domain.'), { record: physdev_map_pirq }),
    op(pop('unmap_pirq', 14, 'Unmap a pirq of a domain.'), { record: physdev_unmap_pirq }),
    op(pop('manage_pci_add', 15, 'Old: report a PCI device of segment 0.'), { record: physdev_manage_pci }),
    op(pop('manage_pci_remove', 16, 'Old: report the removal of a PCI device of segment 0.'), { record: physdev_manage_pci }),
    op(pop('pirq_eoi_gmfn_v1', 17, 'Register the pirq EOI bitmap page; registering it also makes PHYSDEVOP_eoi unmask the event channel.'), { record: physdev_pirq_eoi_gmfn }),
    op(pop('restore_msi', 19, 'Old: restore a segment-0 device\'s MSI state after resume.'), { record: physdev_restore_msi }),
    op(pop('manage_pci_add_ext', 20, 'Old: report a PCI device of segment 0 with its function kind.'), { record: physdev_manage_pci_ext }),
    op(pop('setup_gsi', 21, 'x86 hardware domain: set how a GSI is triggered.'), { record: physdev_setup_gsi }),
    op(pop('get_free_pirq', 23, 'Reserve a pirq of the calling domain.'), { record: physdev_get_free_pirq }),
    op(pop('pci_mmcfg_reserved', 24, 'x86 hardware domain: report whether an MMCONFIG region is reserved.'), { record: physdev_pci_mmcfg_reserved }),
    op(pop('pci_device_add', 25, 'Report a PCI device in any segment.'), { record: physdev_pci_device_add }),
    op(pop('pci_device_remove', 26, 'Report the removal of a PCI device.'), { record: physdev_pci_device }),
    op(pop('restore_msi_ext', 27, 'Restore a device\'s MSI state after resume.'), { record: physdev_pci_device }),
    op(pop('pirq_eoi_gmfn_v2', 28, 'Register the pirq EOI bitmap page, leaving event channels masked as they are.'), { record: physdev_pirq_eoi_gmfn }),
    op(pop('dbgp_op', 29, 'x86 hardware domain: report a reset of the debug-port USB controller.'), { record: physdev_dbgp_op }),
    op(pop('prepare_msix', 30, 'Prepare a device\'s MSI-X for use by a guest (before it is assigned).'), { record: physdev_pci_device }),
    op(pop('release_msix', 31, 'Undo PHYSDEVOP_prepare_msix.'), { record: physdev_pci_device }),
    op(pop('pci_device_reset', 32, 'Report that a device was reset.', '4.20'), { record: pci_device_reset }),
  ],
});

export const PHYSDEVOP_pirq_eoi_gmfn = constant('PHYSDEVOP_pirq_eoi_gmfn', 28, {
  since: '4.6',
  legacyValue: { value: 17, belowInterfaceVersion: '0x00040200' },
  doc: 'The pirq EOI bitmap sub-op of the guest\'s interface: PHYSDEVOP_pirq_eoi_gmfn_v2, or _v1 for guests older than 0x00040200.',
});

export default abiModule({
  name: 'physdev',
  xenHeader: 'physdev.h',
  xenGuard: '__XEN_PUBLIC_PHYSDEV_H__',
  coverage: 'full',
  doc: 'Physical devices: pirq mapping and acknowledgement, PCI device reporting, PV x86 I/O privilege.',
  items: [
    PHYSDEVOP,
    PHYSDEVOP_pirq_eoi_gmfn,
    physdev_eoi,
    physdev_pirq_eoi_gmfn,
    physdev_irq_status_query,
    XENIRQSTAT,
    physdev_set_iopl,
    physdev_set_iobitmap,
    physdev_apic,
    physdev_irq,
    MAP_PIRQ_TYPE,
    physdev_map_pirq,
    physdev_unmap_pirq,
    physdev_manage_pci,
    physdev_restore_msi,
    physdev_manage_pci_ext,
    physdev_op,
    physdev_setup_gsi,
    physdev_get_free_pirq,
    XEN_PCI_MMCFG_RESERVED,
    physdev_pci_mmcfg_reserved,
    XEN_PCI_DEV,
    physdev_pci_device_add,
    physdev_pci_device,
    PCI_DEVICE_RESET,
    PCI_DEVICE_RESET_MASK,
    pci_device_reset,
    PHYSDEVOP_DBGP_RESET,
    PHYSDEVOP_DBGP_BUS,
    physdev_dbgp_op,
  ],
});
