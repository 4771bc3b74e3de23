/**
 * The HVM info table: a small structure the domain builder writes into low guest memory for
 * the guest's firmware (hvmloader), saying how many vCPUs there are and where RAM lies.
 */
import { abiModule, array, constant, field, i8, struct, u32, u8 } from 'xenabi/dsl';

export const HVM_INFO_PFN = constant('HVM_INFO_PFN', 0x09f, {
  since: '4.6',
  spelling: 'hex',
  doc: 'The guest frame that holds the table: the last page below the legacy VGA hole.',
});

export const HVM_INFO_OFFSET = constant('HVM_INFO_OFFSET', 0x800, {
  since: '4.6',
  spelling: 'hex',
  doc: 'Byte offset of the table within that frame.',
});

export const HVM_INFO_PADDR = constant('HVM_INFO_PADDR', 0x9f800, {
  since: '4.6',
  spelling: 'hex',
  doc: 'Guest physical address of the table: HVM_INFO_PFN pages plus HVM_INFO_OFFSET.',
});

export const HVM_MAX_VCPUS = constant('HVM_MAX_VCPUS', 128, {
  since: '4.6',
  doc: 'The most vCPUs the table can describe (the size of vcpu_online in bits).',
});

export const hvm_info_table = struct('hvm_info_table', {
  since: '4.6',
  doc: 'What the domain builder tells HVM firmware. A valid table starts with the signature and its bytes sum to zero.',
  fields: [
    field('signature', array(i8, 8), { doc: 'The characters "HVM INFO", without a terminating NUL.' }),
    field('length', u32, { doc: 'Size of the table in bytes. Example: 48.' }),
    field('checksum', u8, { doc: 'Makes the bytes of the table sum to zero (modulo 256).' }),
    field('apic_mode', u8, { doc: '1 when firmware should describe local APICs (ACPI MADT, MP tables), 0 when not. Example: 1.' }),
    field('nr_vcpus', u32, { doc: 'How many vCPUs the domain has. Example: 4.' }),
    field('low_mem_pgend', u32, { doc: 'First frame above the RAM below 4 GiB (the VGA hole excepted); 0 for none. Example: 0xf0000.' }),
    field('reserved_mem_pgstart', u32, { doc: 'First frame of the range kept for special mappings; 0 for none. Example: 0xfeff0.' }),
    field('high_mem_pgend', u32, { doc: 'First frame above the RAM above 4 GiB; 0 when there is none. Example: 0x110000.' }),
    field('vcpu_online', array(u8, 16), { doc: 'Bitmap of the vCPUs online at boot, HVM_MAX_VCPUS bits.' }),
  ],
  holes: [{ after: 'apic_mode', archs: ['x86_32', 'x86_64', 'arm32', 'arm64'], reason: 'nr_vcpus is 4-byte aligned' }],
});

export default abiModule({
  name: 'hvm_info_table',
  xenHeader: 'hvm/hvm_info_table.h',
  xenGuard: '__XEN_PUBLIC_HVM_HVM_INFO_TABLE_H__',
  coverage: 'full',
  doc: 'The table the HVM domain builder gives the guest firmware.',
  items: [HVM_INFO_PFN, HVM_INFO_OFFSET, HVM_INFO_PADDR, HVM_MAX_VCPUS, hvm_info_table],
});
