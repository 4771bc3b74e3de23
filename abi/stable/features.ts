/**
 * The feature bits a guest reads with `XENVER_get_features`: each `XENFEAT_*` is a bit
 * number across the 32-bit submaps Xen returns, and a set bit means Xen offers that feature
 * to this guest.
 */
import { abiModule, constant, valueSet } from 'xenabi/dsl';

const feat = (name: string, value: number, doc: string, since = '4.6') => constant(`XENFEAT_${name}`, value, { since, doc });

export const XENFEAT = valueSet('XENFEAT', {
  since: '4.6',
  doc: 'Feature bit numbers: bit n is bit n % 32 of submap n / 32 of XENVER_get_features (xen_feature_info).',
  values: [
    feat('writable_page_tables', 0, 'The guest may write its page tables directly, without write-protecting them.'),
    feat('writable_descriptor_tables', 1, 'The guest may write its GDT and LDT directly.'),
    feat('auto_translated_physmap', 2, 'Xen translates guest frames to machine frames: the guest sees only its own physical address space.'),
    feat('supervisor_mode_kernel', 3, 'The guest kernel runs in supervisor mode (ring 0 on x86).'),
    feat('pae_pgdir_above_4gb', 4, 'x86 PAE: the top-level page directory may sit above 4 GiB.'),
    feat('mmu_pt_update_preserve_ad', 5, 'x86: Xen supports MMU_PT_UPDATE_PRESERVE_AD.'),
    feat('highmem_assist', 6, 'x86: Xen supports MMUEXT_CLEAR_PAGE and MMUEXT_COPY_PAGE.'),
    feat('gnttab_map_avail_bits', 7, 'Grant mappings honour the flags that go into the available bits of a page-table entry.'),
    feat('hvm_callback_vector', 8, 'x86: an HVM guest may have events delivered through a callback vector.'),
    feat('hvm_safe_pvclock', 9, 'x86: the paravirtual clock is safe to use in an HVM guest.'),
    feat('hvm_pirqs', 10, 'x86: an HVM guest may use physical IRQs through event channels.'),
    feat('dom0', 11, 'Xen supports running this guest as the control domain.'),
    feat('memory_op_vnode_supported', 13, 'Memory ops accept a virtual NUMA node (XENMEMF_vnode).'),
    feat('ARM_SMCCC_supported', 14, 'Arm: Xen supports the SMC calling convention.', '4.10'),
    feat('linux_rsdp_unrestricted', 15, 'x86 PVH: a Linux guest may place the ACPI RSDP anywhere.', '4.11'),
    feat('not_direct_mapped', 16, 'Guest frames are not mapped one-to-one onto machine frames.', '4.16'),
    feat('direct_mapped', 17, 'Guest frames are mapped one-to-one onto machine frames.', '4.16'),
    feat('runstate_phys_area', 18, 'VCPUOP_register_runstate_phys_area is available.', '4.18'),
    feat('vcpu_time_phys_area', 19, 'VCPUOP_register_vcpu_time_phys_area is available.', '4.18'),
    feat('dm_msix_all_writes', 20, 'Device models see every write to an MSI-X table, not only those that unmask an entry.', '4.19'),
  ],
});

export const XENFEAT_NR_SUBMAPS = constant('XENFEAT_NR_SUBMAPS', 1, {
  since: '4.6',
  doc: 'How many 32-bit submaps the feature bits span: submap_idx goes from 0 to this, exclusive.',
});

export default abiModule({
  name: 'features',
  xenHeader: 'features.h',
  xenGuard: '__XEN_PUBLIC_FEATURES_H__',
  coverage: 'full',
  doc: 'The feature bits of XENVER_get_features.',
  items: [XENFEAT, XENFEAT_NR_SUBMAPS],
});
