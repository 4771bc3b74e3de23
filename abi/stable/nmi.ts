/**
 * The NMI hypercall (`__HYPERVISOR_nmi_op`): a PV guest registers the handler Xen enters on
 * a non-maskable interrupt, and the hardware domain reads why one arrived from the
 * `XEN_NMIREASON_*` bits of `arch_shared_info.nmi_reason` (x86).
 *
 * `XEN_NMIREASON_parity_error`, the name of bit 1 for guests older than interface
 * 0x00040300, is not declared.
 */
import { abiModule, c_ulong, constant, field, flag, flagSet, op, opSet, pad, struct } from 'xenabi/dsl';

export const XEN_NMIREASON = flagSet('XEN_NMIREASON', {
  since: '4.6',
  doc: 'Why the last NMI arrived: bits of arch_shared_info.nmi_reason, as the x86 NMI status port reports them.',
  flags: [
    flag('XEN_NMIREASON_io_error', 0, { since: '4.6', bitConstant: '_XEN_NMIREASON_io_error', cType: 'unsigned long', doc: 'An I/O channel check (IOCHK).' }),
    flag('XEN_NMIREASON_pci_serr', 1, { since: '4.6', bitConstant: '_XEN_NMIREASON_pci_serr', cType: 'unsigned long', doc: 'A PCI system error (SERR#).' }),
    flag('XEN_NMIREASON_unknown', 2, { since: '4.6', bitConstant: '_XEN_NMIREASON_unknown', cType: 'unsigned long', doc: 'The NMI had no reason the status port shows.' }),
  ],
});

export const xennmi_callback = struct('xennmi_callback', {
  typedef: 'xennmi_callback_t',
  since: '4.6',
  doc: 'XENNMI_register_callback (PV): the handler Xen enters on an NMI.',
  fields: [
    field('handler_address', c_ulong, { doc: 'The virtual address of the handler. Example: 0xffffffff81001000.' }),
    pad('pad', c_ulong, { doc: 'Unused.' }),
  ],
});

export const XENNMI = opSet('XENNMI', {
  since: '4.6',
  doc: 'Sub-ops of the NMI hypercall.',
  ops: [
    op(constant('XENNMI_register_callback', 0, { since: '4.6', doc: 'Register the NMI handler of the calling domain.' }), { record: xennmi_callback }),
    op(constant('XENNMI_unregister_callback', 1, { since: '4.6', doc: 'Drop the NMI handler; the argument is null.' })),
  ],
});

export default abiModule({
  name: 'nmi',
  xenHeader: 'nmi.h',
  xenGuard: '__XEN_PUBLIC_NMI_H__',
  coverage: 'full',
  doc: 'NMI callbacks and the reasons of an NMI.',
  items: [XEN_NMIREASON, xennmi_callback, XENNMI],
});
