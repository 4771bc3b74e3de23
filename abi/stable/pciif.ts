/**
 * PCI pass-through to paravirtual guests: the guest's pcifront and the driver domain's
 * pciback share one page, on which the front end posts configuration-space and MSI requests
 * (and the back end, AER events) one at a time, signalling through an event channel and the
 * page's flags. The front end states the protocol's version in xenstore (XEN_PCI_MAGIC).
 */
import { abiModule, array, constant, field, flag, flagSet, i32, stringConstant, struct, u16, u32, valueSet } from 'xenabi/dsl';

export const XEN_PCI_MAGIC = stringConstant('XEN_PCI_MAGIC', '7', {
  since: '4.6',
  doc: "The protocol's version, which the front end writes to its `magic` xenstore key and the back end checks: the text \"7\", a string rather than a number.",
});

const XEN_PCIF = flagSet('XEN_PCIF', {
  since: '4.6',
  field: 'xen_pci_sharedinfo.flags',
  doc: 'Bits of the shared page the front end sets.',
  flags: [flag('XEN_PCIF_active', 0, { since: '4.6', bitConstant: '_XEN_PCIF_active', cType: 'int', doc: 'A request is posted in op; the back end clears the bit when it has answered.' })],
});

const XEN_PCIB = flagSet('XEN_PCIB', {
  since: '4.6',
  field: 'xen_pci_sharedinfo.flags',
  doc: 'Bits of the shared page the back end sets.',
  flags: [
    flag('XEN_PCIB_AERHANDLER', 1, { since: '4.6', bitConstant: '_XEN_PCIB_AERHANDLER', cType: 'int', doc: 'The front end can handle PCIe advanced error reporting events.' }),
    flag('XEN_PCIB_active', 2, { since: '4.6', bitConstant: '_XEN_PCIB_active', cType: 'int', doc: 'An AER event is posted in aer_op; the front end clears the bit when it has answered.' }),
  ],
});

const XEN_PCI_OP = valueSet('XEN_PCI_OP', {
  since: '4.6',
  field: 'xen_pci_op.cmd',
  doc: 'What a request on the shared page asks.',
  values: [
    constant('XEN_PCI_OP_conf_read', 0, { since: '4.6', doc: 'Read size bytes of configuration space at offset.' }),
    constant('XEN_PCI_OP_conf_write', 1, { since: '4.6', doc: 'Write value to configuration space.' }),
    constant('XEN_PCI_OP_enable_msi', 2, { since: '4.6', doc: 'Enable MSI; value returns the vector.' }),
    constant('XEN_PCI_OP_disable_msi', 3, { since: '4.6', doc: 'Disable MSI.' }),
    constant('XEN_PCI_OP_enable_msix', 4, { since: '4.6', doc: 'Enable the value MSI-X entries listed in msix_entries.' }),
    constant('XEN_PCI_OP_disable_msix', 5, { since: '4.6', doc: 'Disable MSI-X.' }),
    constant('XEN_PCI_OP_aer_detected', 6, { since: '4.6', doc: 'AER: an error was detected (back end to front end).' }),
    constant('XEN_PCI_OP_aer_resume', 7, { since: '4.6', doc: 'AER: resume after recovery.' }),
    constant('XEN_PCI_OP_aer_mmio', 8, { since: '4.6', doc: 'AER: MMIO access is enabled again.' }),
    constant('XEN_PCI_OP_aer_slotreset', 9, { since: '4.6', doc: 'AER: the slot was reset.' }),
    constant('XEN_PCI_OP_enable_multi_msi', 10, { since: '4.6', doc: 'Enable value MSI vectors at once.' }),
  ],
});

const XEN_PCI_ERR = valueSet('XEN_PCI_ERR', {
  since: '4.6',
  field: 'xen_pci_op.err',
  doc: 'How a request ended.',
  values: [
    constant('XEN_PCI_ERR_success', 0, { since: '4.6', doc: 'Done.' }),
    constant('XEN_PCI_ERR_dev_not_found', -1, { since: '4.6', doc: 'No such device is passed through.' }),
    constant('XEN_PCI_ERR_invalid_offset', -2, { since: '4.6', doc: 'The configuration-space offset or size is invalid.' }),
    constant('XEN_PCI_ERR_access_denied', -3, { since: '4.6', doc: 'The guest may not access that register.' }),
    constant('XEN_PCI_ERR_not_implemented', -4, { since: '4.6', doc: 'The back end does not implement the request.' }),
    constant('XEN_PCI_ERR_op_failed', -5, { since: '4.6', doc: 'The request failed.' }),
  ],
});

export const SH_INFO_MAX_VEC = constant('SH_INFO_MAX_VEC', 128, {
  since: '4.6',
  doc: 'Most MSI-X entries one request carries.',
});

export const xen_msix_entry = struct('xen_msix_entry', {
  since: '4.6',
  doc: 'One MSI-X table entry to enable, and the vector it got.',
  fields: [
    field('vector', u16, { doc: 'The vector the back end assigned.' }),
    field('entry', u16, { doc: 'The entry of the device\'s MSI-X table.' }),
  ],
});

export const xen_pci_op = struct('xen_pci_op', {
  since: '4.6',
  doc: 'A request of the front end (or an AER event of the back end) and its answer.',
  fields: [
    field('cmd', u32, { doc: 'A XEN_PCI_OP_* value.' }),
    field('err', i32, { doc: 'A XEN_PCI_ERR_* value, set by whoever answers.' }),
    field('domain', u32, { doc: 'The PCI segment of the device.' }),
    field('bus', u32, { doc: 'Its bus.' }),
    field('devfn', u32, { doc: 'Its device and function.' }),
    field('offset', i32, { doc: 'Configuration-space offset.' }),
    field('size', i32, { doc: 'Bytes to read or write: 1, 2 or 4.' }),
    field('value', u32, { doc: 'The data, or a count of vectors.' }),
    field('info', u32, { doc: 'More results of some requests (the MSI-X entries enabled).' }),
    field('msix_entries', array(xen_msix_entry, 128, SH_INFO_MAX_VEC), { doc: 'The MSI-X entries of XEN_PCI_OP_enable_msix.' }),
  ],
});

export const xen_pcie_aer_op = struct('xen_pcie_aer_op', {
  since: '4.6',
  doc: 'A PCIe advanced-error-reporting event the back end posts to the front end.',
  fields: [
    field('cmd', u32, { doc: 'A XEN_PCI_OP_aer_* value.' }),
    field('err', i32, { doc: 'The front end\'s answer, a XEN_PCI_ERR_* value.' }),
    field('domain', u32, { doc: 'The PCI segment of the device.' }),
    field('bus', u32, { doc: 'Its bus.' }),
    field('devfn', u32, { doc: 'Its device and function.' }),
  ],
});

export const xen_pci_sharedinfo = struct('xen_pci_sharedinfo', {
  since: '4.6',
  doc: 'The page pcifront and pciback share.',
  fields: [
    field('flags', u32, { doc: 'XEN_PCIF_* and XEN_PCIB_* bits.' }),
    field('op', xen_pci_op, { doc: 'The front end\'s request.' }),
    field('aer_op', xen_pcie_aer_op, { doc: 'The back end\'s AER event.' }),
  ],
});

export default abiModule({
  name: 'pciif',
  xenHeader: 'io/pciif.h',
  xenGuard: '__XEN_PCI_COMMON_H__',
  coverage: 'full',
  doc: 'PCI pass-through to PV guests: the page pcifront and pciback share, its requests, AER events and flags.',
  items: [XEN_PCI_MAGIC, XEN_PCIF, XEN_PCIB, XEN_PCI_OP, XEN_PCI_ERR, SH_INFO_MAX_VEC, xen_msix_entry, xen_pci_op, xen_pcie_aer_op, xen_pci_sharedinfo],
});
