/**
 * Where the HVM domain builder leaves the guest's E820 memory map for its firmware, and the
 * hole below 4 GiB kept for MMIO. Legacy hvmloader conventions; none changed from 4.6 to 4.22.
 */
import { abiModule, constant } from 'xenabi/dsl';

export const HVM_E820_PAGE = constant('HVM_E820_PAGE', 0x00090000, {
  since: '4.6',
  spelling: 'hex',
  doc: 'Guest physical address of the page that holds the E820 table for the firmware.',
});

export const HVM_E820_NR_OFFSET = constant('HVM_E820_NR_OFFSET', 0x000001e8, {
  since: '4.6',
  spelling: 'hex',
  doc: 'Offset in that page of the number of entries (as the BIOS data area keeps it).',
});

export const HVM_E820_OFFSET = constant('HVM_E820_OFFSET', 0x000002d0, {
  since: '4.6',
  spelling: 'hex',
  doc: 'Offset in that page of the first 20-byte entry.',
});

export const HVM_BELOW_4G_RAM_END = constant('HVM_BELOW_4G_RAM_END', 0xf0000000, {
  since: '4.6',
  cType: 'unsigned int',
  spelling: 'hex',
  doc: 'Where RAM below 4 GiB ends by default: 3.75 GiB.',
});

export const HVM_BELOW_4G_MMIO_START = constant('HVM_BELOW_4G_MMIO_START', 0xf0000000, {
  since: '4.6',
  cType: 'unsigned int',
  spelling: 'hex',
  doc: 'Where the MMIO hole below 4 GiB starts: at HVM_BELOW_4G_RAM_END.',
});

export const HVM_BELOW_4G_MMIO_LENGTH = constant('HVM_BELOW_4G_MMIO_LENGTH', 0x10000000, {
  since: '4.6',
  cType: 'unsigned long long',
  spelling: 'hex',
  doc: 'Size of that hole: from HVM_BELOW_4G_MMIO_START up to 4 GiB (256 MiB).',
});

export default abiModule({
  name: 'e820',
  xenHeader: 'hvm/e820.h',
  xenGuard: '__XEN_PUBLIC_HVM_E820_H__',
  coverage: 'full',
  doc: 'The E820 table location for HVM firmware and the MMIO hole below 4 GiB.',
  items: [HVM_E820_PAGE, HVM_E820_NR_OFFSET, HVM_E820_OFFSET, HVM_BELOW_4G_RAM_END, HVM_BELOW_4G_MMIO_START, HVM_BELOW_4G_MMIO_LENGTH],
});
