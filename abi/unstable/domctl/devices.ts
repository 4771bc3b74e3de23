/**
 * Hardware given to a domain through domctl: permission to use interrupts, GSIs, I/O memory and
 * I/O ports, mapping them into the guest, assigning PCI and device-tree devices, binding
 * passed-through interrupts, triggers such as a virtual NMI or power button, the Arm virtual UART,
 * and device-tree overlays.
 */
import { array, constant, field, handle64, inlineStruct, inlineUnion, pad, struct, typedef, u16, u32, u8, uint64_aligned_t, valueSet } from 'xenabi/dsl';
import { evtchn_port_t } from '../../stable/event_channel.ts';
import { domid_t } from '../../stable/xen.ts';

export const xen_domctl_irq_permission = struct('xen_domctl_irq_permission', {
  since: '4.6',
  doc: 'Payload of XEN_DOMCTL_irq_permission: allow or deny a domain the use of a physical interrupt (a PIRQ of the caller).',
  fields: [
    field('pirq', u32, { since: '4.16', doc: 'IN: the PIRQ. Example: 40.' }),
    field('pirq', u8, { until: '4.16', doc: 'IN: the PIRQ, 8 bits wide before 4.16.' }),
    field('allow_access', u8, { doc: 'IN: 1 grants, 0 revokes.' }),
    pad('pad', array(u8, 3), { since: '4.16', doc: 'Reserved; must be zero.' }),
  ]
});

export const xen_domctl_gsi_permission = struct('xen_domctl_gsi_permission', {
  since: '4.20',
  doc: 'Payload of XEN_DOMCTL_gsi_permission: allow or deny a domain the use of an x86 global system interrupt, by GSI rather than PIRQ.',
  fields: [
    field('gsi', u32, { doc: 'IN: the GSI. Example: 16.' }),
    field('flags', u32, { doc: 'IN: a XEN_DOMCTL_GSI_* action in the bits under XEN_DOMCTL_GSI_ACTION_MASK; the other bits must be zero.' }),
  ]
});

export const XEN_DOMCTL_GSI = valueSet('XEN_DOMCTL_GSI', {
  since: '4.20',
  doc: 'The actions of XEN_DOMCTL_gsi_permission.',
  values: [
    constant('XEN_DOMCTL_GSI_REVOKE', 0, { since: '4.20', doc: 'Take the permission away.' }),
    constant('XEN_DOMCTL_GSI_GRANT', 1, { since: '4.20', doc: 'Give the permission.' }),
  ],
});

export const XEN_DOMCTL_GSI_ACTION_MASK = constant('XEN_DOMCTL_GSI_ACTION_MASK', 1, { since: '4.20', doc: 'The bits of xen_domctl_gsi_permission.flags that hold the action.' });

export const xen_domctl_iomem_permission = struct('xen_domctl_iomem_permission', {
  since: '4.6',
  doc: 'Payload of XEN_DOMCTL_iomem_permission: allow or deny a domain access to a range of machine frames of I/O memory.',
  holes: [
    { after: 'allow_access', archs: ['x86_32', 'x86_64', 'arm32', 'arm64'], reason: 'tail padding to the record\'s alignment' },
  ],
  fields: [
    field('first_mfn', uint64_aligned_t, { doc: 'IN: the first machine frame. Example: 0xfe000.' }),
    field('nr_mfns', uint64_aligned_t, { doc: 'IN: the number of frames. Example: 16.' }),
    field('allow_access', u8, { doc: 'IN: 1 grants, 0 revokes.' }),
  ]
});

export const xen_domctl_ioport_permission = struct('xen_domctl_ioport_permission', {
  since: '4.6',
  doc: 'Payload of XEN_DOMCTL_ioport_permission: allow or deny a domain access to a range of x86 I/O ports.',
  holes: [
    { after: 'allow_access', archs: ['x86_32', 'x86_64', 'arm32', 'arm64'], reason: 'tail padding to the record\'s alignment' },
  ],
  fields: [
    field('first_port', u32, { doc: 'IN: the first port. Example: 0x3f8.' }),
    field('nr_ports', u32, { doc: 'IN: the number of ports. Example: 8.' }),
    field('allow_access', u8, { doc: 'IN: 1 grants, 0 revokes.' }),
  ]
});

export const xen_domctl_memory_mapping = struct('xen_domctl_memory_mapping', {
  since: '4.6',
  doc: 'Payload of XEN_DOMCTL_memory_mapping: map machine frames of I/O memory into a domain\'s physical address space, or unmap them; Xen may do part and ask for the rest again.',
  fields: [
    field('first_gfn', uint64_aligned_t, { doc: 'IN: the first guest frame. Example: 0xf0000.' }),
    field('first_mfn', uint64_aligned_t, { doc: 'IN: the first machine frame. Example: 0xfe000.' }),
    field('nr_mfns', uint64_aligned_t, { doc: 'IN: the number of frames. Example: 16.' }),
    field('add_mapping', u32, { doc: 'IN: DPCI_ADD_MAPPING or DPCI_REMOVE_MAPPING.' }),
    field('padding', u32, { doc: 'Reserved; must be zero.' }),
  ]
});

export const DPCI = valueSet('DPCI', {
  since: '4.6',
  field: 'xen_domctl_memory_mapping.add_mapping',
  doc: 'Whether XEN_DOMCTL_memory_mapping and XEN_DOMCTL_ioport_mapping add or remove a mapping.',
  values: [
    constant('DPCI_REMOVE_MAPPING', 0, { since: '4.6', doc: 'Remove the mapping.' }),
    constant('DPCI_ADD_MAPPING', 1, { since: '4.6', doc: 'Add the mapping.' }),
  ],
});

export const xen_domctl_ioport_mapping = struct('xen_domctl_ioport_mapping', {
  since: '4.6',
  doc: 'Payload of XEN_DOMCTL_ioport_mapping: let an HVM domain\'s accesses to guest I/O ports reach machine ports, or stop them.',
  fields: [
    field('first_gport', u32, { doc: 'IN: the first port the guest uses. Example: 0x3f8.' }),
    field('first_mport', u32, { doc: 'IN: the first machine port. Example: 0x2f8.' }),
    field('nr_ports', u32, { doc: 'IN: the number of ports. Example: 8.' }),
    field('add_mapping', u32, { doc: 'IN: DPCI_ADD_MAPPING or DPCI_REMOVE_MAPPING.' }),
  ]
});

export const xen_domctl_assign_device = struct('xen_domctl_assign_device', {
  since: '4.6',
  doc: 'Payload of XEN_DOMCTL_assign_device, XEN_DOMCTL_test_assign_device and XEN_DOMCTL_deassign_device: a PCI or device-tree device given to, checked for, or taken from a domain.',
  holes: [
    { after: 'dev', archs: ['x86_32', 'x86_64', 'arm32', 'arm64'], until: '4.10', reason: 'the compiler aligns the next member, `u`' },
    { after: 'flag', archs: ['x86_32', 'x86_64', 'arm32', 'arm64'], until: '4.10', reason: 'tail padding to the record\'s alignment' },
  ],
  fields: [
    field('dev', u32, { doc: 'IN: XEN_DOMCTL_DEV_PCI or XEN_DOMCTL_DEV_DT, saying which member of `u` is meant.' }),
    field('flags', u32, { since: '4.10', doc: 'IN: XEN_DOMCTL_DEV_RDM_RELAXED or 0; before 4.10 it was `flag`, after the union.' }),
    field('u', inlineUnion({
      doc: 'IN: the device.',
      fields: [
        field('pci', inlineStruct({
      doc: 'A PCI device.',
      fields: [
        field('machine_sbdf', u32, { doc: 'IN: its segment, bus, device and function, packed as in the PCI spec (segment in bits 16-31). Example: 0x00000300 (0000:03:00.0).' }),
      ]
    }), { doc: 'A PCI device.' }),
        field('dt', inlineStruct({
      doc: 'A device-tree device (Arm).',
      holes: [
        { after: 'size', archs: ['x86_32', 'x86_64', 'arm32', 'arm64'], reason: 'the compiler aligns the next member, `path`' },
      ],
      fields: [
        field('size', u32, { doc: 'IN: the length of the path. Example: 23.' }),
        field('path', handle64('char', 'char'), { doc: 'IN: its path in the host device tree, not NUL-terminated.' }),
      ]
    }), { doc: 'A device-tree device (Arm).' }),
      ]
    }), { doc: 'IN: the device.' }),
    field('flag', u32, { until: '4.10', doc: 'IN (before 4.10): XEN_DOMCTL_DEV_RDM_RELAXED or 0; became `flags`, before the union, in 4.10.' }),
  ]
});

export const XEN_DOMCTL_DEV = valueSet('XEN_DOMCTL_DEV', {
  since: '4.6',
  field: 'xen_domctl_assign_device.dev',
  doc: 'The kind of device in xen_domctl_assign_device.',
  values: [
    constant('XEN_DOMCTL_DEV_PCI', 0, { since: '4.6', doc: 'A PCI device (`u.pci`).' }),
    constant('XEN_DOMCTL_DEV_DT', 1, { since: '4.6', doc: 'A device-tree device (`u.dt`).' }),
  ],
});

export const XEN_DOMCTL_DEV_RDM_RELAXED = constant('XEN_DOMCTL_DEV_RDM_RELAXED', 1, { since: '4.6', doc: 'Assign the device even when its reserved memory regions clash with the guest memory map, with a warning instead of a failure.' });

export const xen_domctl_get_device_group = struct('xen_domctl_get_device_group', {
  since: '4.6',
  doc: 'Payload of XEN_DOMCTL_get_device_group: the PCI devices that share an IOMMU context with one device, and so must be assigned together.',
  holes: [
    { after: 'num_sdevs', archs: ['x86_32', 'x86_64', 'arm32', 'arm64'], reason: 'the compiler aligns the next member, `sdev_array`' },
  ],
  fields: [
    field('machine_sbdf', u32, { doc: 'IN: the device, segment/bus/device/function packed. Example: 0x00000300.' }),
    field('max_sdevs', u32, { doc: 'IN: the capacity of `sdev_array`. Example: 8.' }),
    field('num_sdevs', u32, { doc: 'OUT: the devices written. Example: 2.' }),
    field('sdev_array', handle64('uint32', 'uint32_t'), { doc: 'OUT: the devices of the group, each as bus/device/function bits.' }),
  ]
});

export const pt_irq_type_t = typedef('pt_irq_type_t', u32, {
  since: '4.6',
  until: '4.10',
  doc: 'The kind of a passed-through interrupt, one of PT_IRQ_TYPE_* (a C enum, so 32 bits); xen_domctl_bind_pt_irq.irq_type became a plain uint32_t in 4.10.',
});

export const PT_IRQ_TYPE = valueSet('PT_IRQ_TYPE', {
  since: '4.6',
  field: 'xen_domctl_bind_pt_irq.irq_type',
  doc: 'The kinds of passed-through interrupt in xen_domctl_bind_pt_irq.irq_type, saying which member of `u` is meant.',
  values: [
    constant('PT_IRQ_TYPE_PCI', 0, { since: '4.6', doc: 'A PCI INTx line (`u.pci`).' }),
    constant('PT_IRQ_TYPE_ISA', 1, { since: '4.6', doc: 'An ISA interrupt (`u.isa`).' }),
    constant('PT_IRQ_TYPE_MSI', 2, { since: '4.6', doc: 'An MSI (`u.msi`).' }),
    constant('PT_IRQ_TYPE_MSI_TRANSLATE', 3, { since: '4.6', doc: 'An MSI that Xen translates into a virtual INTx; unused by current Xen.' }),
    constant('PT_IRQ_TYPE_SPI', 4, { since: '4.6', doc: 'An Arm shared peripheral interrupt (`u.spi`).' }),
  ],
});

export const xen_domctl_bind_pt_irq = struct('xen_domctl_bind_pt_irq', {
  since: '4.6',
  doc: 'Payload of XEN_DOMCTL_bind_pt_irq and XEN_DOMCTL_unbind_pt_irq: route a machine interrupt of a passed-through device to what the guest sees, or undo it.',
  holes: [
    { after: 'hvm_domid', archs: ['x86_32', 'x86_64', 'arm32', 'arm64'], until: '4.10', reason: 'the compiler aligns the next member, `u`' },
  ],
  fields: [
    field('machine_irq', u32, { doc: 'IN: the machine interrupt, as a PIRQ of the domain. Example: 55.' }),
    field('irq_type', u32, { since: '4.10', doc: 'IN: a PT_IRQ_TYPE_* value, saying which member of `u` is meant.' }),
    field('irq_type', pt_irq_type_t, { until: '4.10', doc: 'IN: a PT_IRQ_TYPE_* value (a C enum before 4.10).' }),
    field('hvm_domid', u32, { until: '4.10', doc: 'IN (before 4.10): the domain, again; unused by Xen.' }),
    field('u', inlineUnion({
      doc: 'IN: where the interrupt lands in the guest.',
      fields: [
        field('isa', inlineStruct({
      doc: 'An ISA interrupt.',
      fields: [
        field('isa_irq', u8, { doc: 'IN: the ISA interrupt. Example: 4.' }),
      ]
    }), { doc: 'An ISA interrupt.' }),
        field('pci', inlineStruct({
      doc: 'A PCI INTx line of the guest.',
      fields: [
        field('bus', u8, { doc: 'IN: the guest PCI bus. Example: 0.' }),
        field('device', u8, { doc: 'IN: the guest PCI device. Example: 5.' }),
        field('intx', u8, { doc: 'IN: the line, 0 for INTA to 3 for INTD. Example: 0.' }),
      ]
    }), { doc: 'A PCI INTx line of the guest.' }),
        field('msi', inlineStruct({
      doc: 'An MSI as the guest programmed it.',
      holes: [
        { after: 'gvec', archs: ['x86_32', 'x86_64', 'arm32', 'arm64'], reason: 'the compiler aligns the next member, `gflags`' },
      ],
      fields: [
        field('gvec', u8, { doc: 'IN: the vector. Example: 0x41.' }),
        field('gflags', u32, { doc: 'IN: the destination, mode and trigger the guest wrote, as XEN_DOMCTL_VMSI_X86_* fields.' }),
        field('gtable', uint64_aligned_t, { doc: 'IN: the guest address of the MSI-X table, or 0 for plain MSI.' }),
      ]
    }), { doc: 'An MSI as the guest programmed it.' }),
        field('spi', inlineStruct({
      doc: 'An Arm SPI of the guest.',
      fields: [
        field('spi', u16, { doc: 'IN: the SPI number. Example: 40.' }),
      ]
    }), { doc: 'An Arm SPI of the guest.' }),
      ]
    }), { doc: 'IN: where the interrupt lands in the guest.' }),
  ]
});

export const XEN_DOMCTL_VMSI_X86_DEST_ID_MASK = constant('XEN_DOMCTL_VMSI_X86_DEST_ID_MASK', 255, { since: '4.10', spelling: 'hex', doc: 'The bits of xen_domctl_bind_pt_irq\'s `u.msi.gflags` that hold the destination APIC ID.' });

export const XEN_DOMCTL_VMSI_X86_RH_MASK = constant('XEN_DOMCTL_VMSI_X86_RH_MASK', 256, { since: '4.10', spelling: 'hex', doc: 'The redirection-hint bit of `gflags`.' });

export const XEN_DOMCTL_VMSI_X86_DM_MASK = constant('XEN_DOMCTL_VMSI_X86_DM_MASK', 512, { since: '4.10', spelling: 'hex', doc: 'The destination-mode bit of `gflags` (set: logical).' });

export const XEN_DOMCTL_VMSI_X86_DELIV_MASK = constant('XEN_DOMCTL_VMSI_X86_DELIV_MASK', 28672, { since: '4.10', spelling: 'hex', doc: 'The bits of `gflags` that hold the delivery mode.' });

export const XEN_DOMCTL_VMSI_X86_TRIG_MASK = constant('XEN_DOMCTL_VMSI_X86_TRIG_MASK', 32768, { since: '4.10', spelling: 'hex', doc: 'The trigger-mode bit of `gflags` (set: level).' });

export const XEN_DOMCTL_VMSI_X86_UNMASKED = constant('XEN_DOMCTL_VMSI_X86_UNMASKED', 0x10000, { since: '4.10', spelling: 'hex', doc: 'The bit of `gflags` set when the guest left the vector unmasked.' });

export const xen_domctl_sendtrigger = struct('xen_domctl_sendtrigger', {
  since: '4.6',
  doc: 'Payload of XEN_DOMCTL_sendtrigger: deliver a hardware-like event to a domain, such as an NMI or a press of the power button.',
  fields: [
    field('trigger', u32, { doc: 'IN: a XEN_DOMCTL_SENDTRIGGER_* value.' }),
    field('vcpu', u32, { doc: 'IN: the vCPU, for the triggers aimed at one. Example: 0.' }),
  ]
});

export const XEN_DOMCTL_SENDTRIGGER = valueSet('XEN_DOMCTL_SENDTRIGGER', {
  since: '4.6',
  field: 'xen_domctl_sendtrigger.trigger',
  doc: 'The events XEN_DOMCTL_sendtrigger delivers.',
  values: [
    constant('XEN_DOMCTL_SENDTRIGGER_NMI', 0, { since: '4.6', doc: 'A non-maskable interrupt.' }),
    constant('XEN_DOMCTL_SENDTRIGGER_RESET', 1, { since: '4.6', doc: 'A reset.' }),
    constant('XEN_DOMCTL_SENDTRIGGER_INIT', 2, { since: '4.6', doc: 'An INIT signal.' }),
    constant('XEN_DOMCTL_SENDTRIGGER_POWER', 3, { since: '4.6', doc: 'A press of the ACPI power button.' }),
    constant('XEN_DOMCTL_SENDTRIGGER_SLEEP', 4, { since: '4.6', doc: 'A press of the ACPI sleep button.' }),
  ],
});

export const xen_domctl_vuart_op = struct('xen_domctl_vuart_op', {
  since: '4.10',
  doc: 'Payload of XEN_DOMCTL_vuart_op: set up the Arm domain\'s emulated UART (a PL011), its ring page and event channel.',
  fields: [
    field('cmd', u32, { doc: 'IN: XEN_DOMCTL_VUART_OP_INIT.' }),
    field('type', u32, { doc: 'IN: XEN_DOMCTL_VUART_TYPE_VPL011.' }),
    field('gfn', uint64_aligned_t, { doc: 'IN: the guest frame of the console ring. Example: 0x38000.' }),
    field('console_domid', domid_t, { doc: 'IN: the domain running the console backend. Example: 0.' }),
    pad('pad', array(u8, 2), { doc: 'Reserved; must be zero.' }),
    field('evtchn', evtchn_port_t, { doc: 'OUT: the event channel of the UART, for the backend to bind.' }),
  ]
});

export const XEN_DOMCTL_VUART_OP_INIT = constant('XEN_DOMCTL_VUART_OP_INIT', 0, { since: '4.10', doc: 'The only XEN_DOMCTL_vuart_op command: set the UART up.' });

export const XEN_DOMCTL_VUART_TYPE_VPL011 = constant('XEN_DOMCTL_VUART_TYPE_VPL011', 0, { since: '4.10', doc: 'The only UART type: an emulated Arm PL011.' });

export const xen_domctl_dt_overlay = struct('xen_domctl_dt_overlay', {
  since: '4.19',
  doc: 'Payload of XEN_DOMCTL_dt_overlay (Arm): attach the devices of a device-tree overlay, already added to Xen\'s tree, to a domain.',
  archs: ['arm32', 'arm64'],
  fields: [
    field('overlay_fdt', handle64('void', 'void', { const: true }), { doc: 'IN: the overlay, a flattened device tree.' }),
    field('overlay_fdt_size', u32, { doc: 'IN: its size in bytes. Example: 4096.' }),
    field('overlay_op', u8, { doc: 'IN: XEN_DOMCTL_DT_OVERLAY_ATTACH.' }),
    pad('pad', array(u8, 3), { doc: 'Reserved; must be zero.' }),
  ]
});

export const XEN_DOMCTL_DT_OVERLAY_ATTACH = constant('XEN_DOMCTL_DT_OVERLAY_ATTACH', 1, { since: '4.19', archs: ['arm32', 'arm64'], doc: 'The only xen_domctl_dt_overlay operation: attach the overlay\'s devices to the domain.' });
