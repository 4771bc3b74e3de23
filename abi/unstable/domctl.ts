/**
 * The unstable domain-control interface (`__HYPERVISOR_domctl`): `struct xen_domctl`, which
 * carries an operation number (`XEN_DOMCTL_*`), the interface version and a domain, and the
 * payload of the operation in a 128-byte union; every operation number with its release
 * history; and domain creation (`xen_domctl_createdomain`, the per-architecture configuration
 * it embeds and the constants of their fields). The payloads of the other operations, and their
 * constants, are in `./domctl/`, grouped by topic; they belong to this module.
 *
 * Nothing here is a stable ABI. The layout changes in almost every release, and Xen
 * rejects a call whose interface version is not the one it was built with, so a caller
 * must be built for exactly one release. Xen only shows this header to tools builds
 * (`__XEN_TOOLS__`). `xen_arch_domainconfig` comes from Xen's architecture headers (tools
 * builds only); it is declared here because domctl is its first user in xenabi. The handle
 * type, `xen_domain_handle_t`, is the stable `xen` module's, and `xenctl_bitmap` (xen.h, tools
 * builds only) the stable `xen_guest` module's, which sysctl shares.
 *
 * Not declared yet: the payloads of XEN_DOMCTL_{get,set}_ext_vcpucontext (an anonymous
 * union member, which the TypeScript emitter does not support); their op numbers are here.
 * XEN_DOMCTL_{get,set}_cpu_policy's payload is declared from 4.18 only (./domctl/cpu_policy.ts
 * says why).
 */
import {
  abiModule,
  ARM,
  array,
  constant,
  field,
  flag,
  flagSet,
  i32,
  i8,
  inlineStruct,
  inlineUnion,
  op,
  opSet,
  pad,
  struct,
  typedef,
  u16,
  u32,
  u8,
  uint64_aligned_t,
  valueSet,
  X86,
} from 'xenabi/dsl';
import { DPCI, PT_IRQ_TYPE, XEN_DOMCTL_DEV, XEN_DOMCTL_DEV_RDM_RELAXED, XEN_DOMCTL_DT_OVERLAY_ATTACH, XEN_DOMCTL_GSI, XEN_DOMCTL_GSI_ACTION_MASK, XEN_DOMCTL_SENDTRIGGER, XEN_DOMCTL_VMSI_X86_DELIV_MASK, XEN_DOMCTL_VMSI_X86_DEST_ID_MASK, XEN_DOMCTL_VMSI_X86_DM_MASK, XEN_DOMCTL_VMSI_X86_RH_MASK, XEN_DOMCTL_VMSI_X86_TRIG_MASK, XEN_DOMCTL_VMSI_X86_UNMASKED, XEN_DOMCTL_VUART_OP_INIT, XEN_DOMCTL_VUART_TYPE_VPL011, pt_irq_type_t, xen_domctl_assign_device, xen_domctl_bind_pt_irq, xen_domctl_dt_overlay, xen_domctl_get_device_group, xen_domctl_gsi_permission, xen_domctl_iomem_permission, xen_domctl_ioport_mapping, xen_domctl_ioport_permission, xen_domctl_irq_permission, xen_domctl_memory_mapping, xen_domctl_sendtrigger, xen_domctl_vuart_op } from './domctl/devices.ts';
import { XEN_CPUID_INPUT_UNUSED, XEN_DOMCTL_PSR, XEN_DOMCTL_PSR_CAT_OP, XEN_DOMCTL_PSR_CMT_OP, xen_domctl_cpuid, xen_domctl_hypercall_init, xen_domctl_psr_alloc, xen_domctl_psr_cat_op, xen_domctl_psr_cmt_op, xen_domctl_tsc_info, xen_domctl_vcpu_msr, xen_domctl_vcpu_msrs, xen_domctl_vcpuextstate } from './domctl/x86.ts';
import { XEN_DOMCTL_DEBUG_OP_SINGLE_STEP, XEN_DOMCTL_MONITOR_EVENT, XEN_DOMCTL_MONITOR_OP, XEN_DOMCTL_VM_EVENT_OP, XEN_DOMCTL_vmtrace, XEN_VM_EVENT, xen_domctl_debug_op, xen_domctl_gdbsx_domstatus, xen_domctl_gdbsx_memio, xen_domctl_gdbsx_pauseunp_vcpu, xen_domctl_monitor_op, xen_domctl_subscribe, xen_domctl_vm_event_op, xen_domctl_vmtrace_op } from './domctl/monitor.ts';
import { XEN_DOMCTL_DELETE_MEM_CACHEATTR, XEN_DOMCTL_MEM_CACHEATTR, XEN_DOMCTL_MEM_SHARING_CONTROL, XEN_DOMCTL_PFINFO, XEN_DOMCTL_PFINFO_LPINTAB, XEN_DOMCTL_PFINFO_LTABTYPE_MASK, XEN_DOMCTL_PFINFO_LTAB_MASK, XEN_DOMCTL_PFINFO_LTAB_SHIFT, XEN_DOMCTL_SHADOW_ENABLE, XEN_DOMCTL_SHADOW_LOGDIRTY_FINAL, XEN_DOMCTL_SHADOW_OP, xen_domctl_audit_p2m, xen_domctl_cacheflush, xen_domctl_getmemlist, xen_domctl_getpageframeinfo3, xen_domctl_mem_sharing_op, xen_domctl_pin_mem_cacheattr, xen_domctl_set_access_required, xen_domctl_set_broken_page_p2m, xen_domctl_set_llc_colors, xen_domctl_shadow_op, xen_domctl_shadow_op_stats, xen_domctl_vnuma } from './domctl/memory.ts';
import { XEN_DOMCTL_GETDOMSTATE_CAP, XEN_DOMCTL_GETDOMSTATE_STATE, XEN_VCPUAFFINITY, xen_domctl_address_size, xen_domctl_disable_migrate, xen_domctl_get_domain_state, xen_domctl_getvcpuinfo, xen_domctl_hvmcontext, xen_domctl_hvmcontext_partial, xen_domctl_max_mem, xen_domctl_max_vcpus, xen_domctl_nodeaffinity, xen_domctl_paging_mempool, xen_domctl_set_gnttab_limits, xen_domctl_set_max_evtchn, xen_domctl_set_target, xen_domctl_set_virq_handler, xen_domctl_setdebugging, xen_domctl_setdomainhandle, xen_domctl_settimeoffset, xen_domctl_vcpuaffinity, xen_domctl_vcpucontext } from './domctl/domain.ts';
import { xen_domctl_cpu_policy } from './domctl/cpu_policy.ts';
import { XEN_DOMCTL_SCHEDOP, XEN_DOMCTL_SCHEDRT, XEN_SCHEDULER, xen_domctl_sched_credit, xen_domctl_sched_credit2, xen_domctl_sched_rtds, xen_domctl_schedparam_vcpu, xen_domctl_scheduler_op } from './domctl/sched.ts';
import { domid_t, xen_domain_handle_t } from '../stable/xen.ts';

/** Xen declares these outside domctl.h: the arch configuration in the arch headers (tools builds only). */
const IN_X86_XEN_H = { header: 'arch-x86/xen.h', guard: '__XEN_PUBLIC_ARCH_X86_XEN_H__', archs: [...X86], tools: true };
const IN_ARCH_ARM_H = { header: 'arch-arm.h', guard: '__XEN_PUBLIC_ARCH_ARM_H__', archs: [...ARM], tools: true };

// ---- Per-architecture configuration ---------------------------------------------------------

export const xen_arch_domainconfig = struct('xen_arch_domainconfig', {
  since: '4.6',
  xenOrigin: [IN_X86_XEN_H, IN_ARCH_ARM_H],
  doc:
    'Architecture-specific settings for a new domain. The x86 and Arm versions share only the ' +
    'name: each field exists on one architecture family.',
  fields: [
    field('dummy', i8, {
      archs: [...X86],
      until: '4.7',
      doc: 'x86, before 4.7: a placeholder (a C `char`) that keeps the struct from being empty; carries nothing.',
    }),
    field('emulation_flags', u32, {
      archs: [...X86],
      since: '4.7',
      doc: 'x86: which devices Xen emulates for the domain, XEN_X86_EMU_* bits. Example: 0x7ff (XEN_X86_EMU_ALL).',
    }),
    field('misc_flags', u32, {
      archs: [...X86],
      since: '4.15',
      doc: 'x86: other behaviour switches, XEN_X86_MSR_RELAXED or 0. Example: 0.',
    }),
    field('gic_version', u8, {
      archs: [...ARM],
      doc: 'Arm, in and out: the interrupt controller to emulate, XEN_DOMCTL_CONFIG_GIC_*; Xen writes back the one it chose. Example: 2 (GICv3).',
    }),
    field('sve_vl', u8, {
      archs: [...ARM],
      since: '4.18',
      doc: 'Arm, in: the SVE vector length in units of 128 bits; 0 disables SVE. Example: 2 (256-bit vectors).',
    }),
    field('tee_type', u16, {
      archs: [...ARM],
      since: '4.13',
      doc: 'Arm, in: which trusted execution environment mediator the domain uses, XEN_DOMCTL_CONFIG_TEE_*. Example: 0.',
    }),
    field('nr_spis', u32, {
      archs: [...ARM],
      doc: 'Arm, in: how many shared peripheral interrupts the virtual interrupt controller has. Example: 32.',
    }),
    field('clock_frequency', u32, {
      archs: [...ARM],
      doc:
        'Arm, out: the timer frequency in Hz that the guest device tree must state, because firmware ' +
        'left the counter frequency register wrong; 0 when the host device tree gives none. Example: 0.',
    }),
    field('arm_sci_type', u8, {
      archs: [...ARM],
      since: '4.21',
      doc: 'Arm, in: which system control interface the domain gets, XEN_DOMCTL_CONFIG_ARM_SCI_*. Example: 0.',
    }),
    field('v8r_el1_msa', u8, {
      archs: [...ARM],
      since: '4.22',
      doc: 'Arm, in: the EL1 memory system of an Armv8-R guest, XEN_DOMCTL_CONFIG_ARM_V8R_EL1_MSA_*. Example: 0.',
    }),
    pad('pad', u16, { archs: [...ARM], since: '4.22', doc: 'Arm: reserved; must be zero.' }),
  ],
  holes: [
    {
      after: 'gic_version',
      archs: [...ARM],
      until: '4.18',
      reason: 'the next field is 4-byte (before 4.13) or 2-byte (4.13 to 4.17) aligned; sve_vl fills the byte from 4.18',
    },
    {
      after: 'arm_sci_type',
      archs: [...ARM],
      since: '4.21',
      until: '4.22',
      reason: 'tail padding to the 4-byte alignment; v8r_el1_msa and pad fill it from 4.22',
    },
  ],
});

export const XEN_X86_EMU = flagSet('XEN_X86_EMU', {
  xenOrigin: [IN_X86_XEN_H],
  since: '4.7',
  archs: [...X86],
  field: 'xen_arch_domainconfig.emulation_flags',
  doc: 'Devices Xen can emulate for an x86 domain.',
  flags: [
    flag('XEN_X86_EMU_LAPIC', 0, { bitConstant: '_XEN_X86_EMU_LAPIC', since: '4.7', archs: [...X86], doc: 'Local APICs.' }),
    flag('XEN_X86_EMU_HPET', 1, { bitConstant: '_XEN_X86_EMU_HPET', since: '4.7', archs: [...X86], doc: 'The HPET timer.' }),
    flag('XEN_X86_EMU_PM', 2, { bitConstant: '_XEN_X86_EMU_PM', since: '4.7', archs: [...X86], doc: 'ACPI power-management timer and registers.' }),
    flag('XEN_X86_EMU_RTC', 3, { bitConstant: '_XEN_X86_EMU_RTC', since: '4.7', archs: [...X86], doc: 'The real-time clock.' }),
    flag('XEN_X86_EMU_IOAPIC', 4, { bitConstant: '_XEN_X86_EMU_IOAPIC', since: '4.7', archs: [...X86], doc: 'The IO-APIC.' }),
    flag('XEN_X86_EMU_PIC', 5, { bitConstant: '_XEN_X86_EMU_PIC', since: '4.7', archs: [...X86], doc: 'The legacy 8259 interrupt controllers.' }),
    flag('XEN_X86_EMU_VGA', 6, { bitConstant: '_XEN_X86_EMU_VGA', since: '4.7', archs: [...X86], doc: 'Standard VGA.' }),
    flag('XEN_X86_EMU_IOMMU', 7, { bitConstant: '_XEN_X86_EMU_IOMMU', since: '4.7', archs: [...X86], doc: 'A virtual IOMMU.' }),
    flag('XEN_X86_EMU_PIT', 8, { bitConstant: '_XEN_X86_EMU_PIT', since: '4.7', archs: [...X86], doc: 'The 8254 interval timer.' }),
    flag('XEN_X86_EMU_USE_PIRQ', 9, {
      bitConstant: '_XEN_X86_EMU_USE_PIRQ',
      since: '4.9',
      archs: [...X86],
      doc: 'Let the guest route interrupts through event channels (PIRQs).',
    }),
    flag('XEN_X86_EMU_VPCI', 10, { bitConstant: '_XEN_X86_EMU_VPCI', since: '4.11', archs: [...X86], doc: 'PCI config space handled by Xen (vPCI).' }),
  ],
});

export const XEN_X86_EMU_ALL = constant('XEN_X86_EMU_ALL', 0x1ff, {
  xenOrigin: [IN_X86_XEN_H],
  since: '4.7',
  archs: [...X86],
  history: [
    { since: '4.9', value: 0x3ff },
    { since: '4.11', value: 0x7ff },
  ],
  cType: 'unsigned int',
  spelling: 'hex',
  doc: 'All XEN_X86_EMU_* bits of the release OR-ed together. Example: 0x7ff from 4.11.',
});

export const XEN_X86_misc_flags = flagSet('XEN_X86_misc_flags', {
  xenOrigin: [IN_X86_XEN_H],
  since: '4.15',
  archs: [...X86],
  field: 'xen_arch_domainconfig.misc_flags',
  doc: 'Other switches of an x86 domain.',
  flags: [
    flag('XEN_X86_MSR_RELAXED', 0, {
      since: '4.15',
      archs: [...X86],
      doc: 'Treat guest accesses to MSRs that Xen does not handle leniently instead of injecting #GP; the real MSR stays out of reach either way.',
    }),
  ],
});

export const XEN_X86_MISC_FLAGS_MAX = constant('XEN_X86_MISC_FLAGS_MAX', 0x1, {
  xenOrigin: [IN_X86_XEN_H],
  since: '4.17',
  archs: [...X86],
  cType: 'unsigned int',
  spelling: 'hex',
  doc: 'The highest misc_flags bit of the release, for range checks.',
});

export const XEN_DOMCTL_CONFIG_GIC = valueSet('XEN_DOMCTL_CONFIG_GIC', {
  xenOrigin: [IN_ARCH_ARM_H],
  since: '4.6',
  archs: [...ARM],
  field: 'xen_arch_domainconfig.gic_version',
  doc: 'The interrupt controller an Arm domain gets.',
  values: [
    constant('XEN_DOMCTL_CONFIG_GIC_NATIVE', 0, { since: '4.6', archs: [...ARM], doc: 'The same version as the host.' }),
    constant('XEN_DOMCTL_CONFIG_GIC_V2', 1, { since: '4.6', archs: [...ARM], doc: 'GICv2.' }),
    constant('XEN_DOMCTL_CONFIG_GIC_V3', 2, { since: '4.6', archs: [...ARM], doc: 'GICv3.' }),
  ],
});

export const XEN_DOMCTL_CONFIG_TEE = valueSet('XEN_DOMCTL_CONFIG_TEE', {
  xenOrigin: [IN_ARCH_ARM_H],
  since: '4.13',
  archs: [...ARM],
  field: 'xen_arch_domainconfig.tee_type',
  doc: 'The trusted execution environment an Arm domain may talk to through Xen.',
  values: [
    constant('XEN_DOMCTL_CONFIG_TEE_NONE', 0, { since: '4.13', archs: [...ARM], doc: 'None.' }),
    constant('XEN_DOMCTL_CONFIG_TEE_OPTEE', 1, { since: '4.13', archs: [...ARM], doc: 'OP-TEE.' }),
    constant('XEN_DOMCTL_CONFIG_TEE_FFA', 2, { since: '4.18', archs: [...ARM], doc: 'Firmware Framework for Arm (FF-A) partitions.' }),
  ],
});

export const XEN_DOMCTL_CONFIG_ARM_SCI = valueSet('XEN_DOMCTL_CONFIG_ARM_SCI', {
  xenOrigin: [IN_ARCH_ARM_H],
  since: '4.21',
  archs: [...ARM],
  field: 'xen_arch_domainconfig.arm_sci_type',
  doc: 'The system control interface an Arm domain uses to manage clocks, power and resets.',
  values: [
    constant('XEN_DOMCTL_CONFIG_ARM_SCI_NONE', 0, { since: '4.21', archs: [...ARM], doc: 'None.' }),
    constant('XEN_DOMCTL_CONFIG_ARM_SCI_SCMI_SMC', 1, {
      since: '4.21',
      archs: [...ARM],
      doc: 'SCMI messages passed to firmware through SMC calls.',
    }),
  ],
});

export const XEN_DOMCTL_CONFIG_ARM_V8R_EL1_MSA = valueSet('XEN_DOMCTL_CONFIG_ARM_V8R_EL1_MSA', {
  xenOrigin: [IN_ARCH_ARM_H],
  since: '4.22',
  archs: [...ARM],
  field: 'xen_arch_domainconfig.v8r_el1_msa',
  doc: 'The memory system architecture an Armv8-R guest runs at EL1.',
  values: [
    constant('XEN_DOMCTL_CONFIG_ARM_V8R_EL1_MSA_NONE', 0, { since: '4.22', archs: [...ARM], doc: 'Not an Armv8-R guest.' }),
    constant('XEN_DOMCTL_CONFIG_ARM_V8R_EL1_MSA_PMSA', 1, { since: '4.22', archs: [...ARM], doc: 'A protected memory system (MPU).' }),
    constant('XEN_DOMCTL_CONFIG_ARM_V8R_EL1_MSA_VMSA', 2, { since: '4.22', archs: [...ARM], doc: 'A virtual memory system (MMU).' }),
  ],
});

// ---- Domain creation ------------------------------------------------------------------------

export const XEN_DOMCTL_INTERFACE_VERSION = constant('XEN_DOMCTL_INTERFACE_VERSION', 0x0b, {
  since: '4.6',
  history: [
    { since: '4.8', value: 0x0c },
    { since: '4.9', value: 0x0d },
    { since: '4.10', value: 0x0e },
    { since: '4.11', value: 0x10 },
    { since: '4.12', value: 0x11 },
    { since: '4.13', value: 0x12 },
    { since: '4.15', value: 0x13 },
    { since: '4.16', value: 0x14 },
    { since: '4.17', value: 0x15 },
    { since: '4.18', value: 0x16 },
    { since: '4.19', value: 0x17 },
    { since: '4.22', value: 0x18 },
  ],
  spelling: 'hex',
  doc: 'The domctl interface version a caller must pass; Xen refuses every other. Example: 0x15 for 4.17.',
});

export const xen_domctl_createdomain = struct('xen_domctl_createdomain', {
  since: '4.6',
  doc: 'Argument of XEN_DOMCTL_createdomain: everything fixed when a domain is created.',
  fields: [
    field('ssidref', u32, { doc: 'In: the security label (XSM/Flask SID) of the domain. Example: 0.' }),
    field('handle', xen_domain_handle_t, { doc: 'In: the tag the toolstack identifies the domain by. Example: its UUID.' }),
    field('flags', u32, { doc: 'In: XEN_DOMCTL_CDF_* bits. Example: 0x3 (HVM with HAP).' }),
    field('iommu_opts', u32, { since: '4.13', doc: 'In: XEN_DOMCTL_IOMMU_* bits. Example: 0.' }),
    field('max_vcpus', u32, { since: '4.12', doc: 'In: the most vCPUs the domain may ever have. Example: 4.' }),
    field('max_evtchn_port', u32, { since: '4.12', doc: 'In: the highest event channel port the domain may use. Example: 1023.' }),
    field('max_grant_frames', u32, {
      since: '4.12',
      until: '4.13',
      doc: 'In: the most grant-table frames the domain may have; signed from 4.13.',
    }),
    field('max_grant_frames', i32, {
      since: '4.13',
      doc: 'In: the most grant-table frames the domain may have; a negative value takes the hypervisor default. Example: 64.',
    }),
    field('max_maptrack_frames', u32, {
      since: '4.12',
      until: '4.13',
      doc: 'In: the most frames for tracking grants the domain maps; signed from 4.13.',
    }),
    field('max_maptrack_frames', i32, {
      since: '4.13',
      doc: 'In: the most frames for tracking grants the domain maps; a negative value takes the hypervisor default. Example: 1024.',
    }),
    field('grant_opts', u32, {
      since: '4.16',
      doc: 'In: grant-table options; the bits under XEN_DOMCTL_GRANT_version_mask give the highest grant version. Example: 2.',
    }),
    field('altp2m_opts', u32, {
      since: '4.19',
      until: '4.21',
      doc: 'In: alternate-p2m options, a XEN_DOMCTL_ALTP2M_* mode in the low bits; became the `altp2m` struct in 4.21.',
    }),
    field(
      'altp2m',
      inlineStruct({
        since: '4.21',
        doc: 'Alternate-p2m settings of the domain.',
        fields: [
          field('opts', u16, { doc: 'In: a XEN_DOMCTL_ALTP2M_* mode in the low bits; 0 disables altp2m. Example: 2.' }),
          field('nr', u16, { doc: 'In: how many alternate p2m views to allow. Example: 10.' }),
        ],
      }),
      { since: '4.21', doc: 'In: alternate-p2m settings.' },
    ),
    field('vmtrace_size', u32, { since: '4.15', doc: 'In: bytes of processor trace buffer per vCPU; 0 disables tracing. Example: 65536.' }),
    field('cpupool_id', u32, { since: '4.17', doc: 'In: the CPU pool the domain starts in; 0 is the default pool. Example: 0.' }),
    field('config', xen_arch_domainconfig, { until: '4.11', doc: 'In/out: the architecture settings; renamed `arch` in 4.11.' }),
    field('arch', xen_arch_domainconfig, { since: '4.11', doc: 'In/out: the architecture settings.' }),
  ],
  holes: [
    {
      after: 'config',
      archs: [...X86],
      until: '4.7',
      reason: 'tail padding: the x86 configuration was a single char before 4.7',
    },
  ],
});

export const XEN_DOMCTL_CDF = flagSet('XEN_DOMCTL_CDF', {
  since: '4.6',
  field: 'xen_domctl_createdomain.flags',
  doc: 'Properties of a new domain.',
  flags: [
    flag('XEN_DOMCTL_CDF_hvm_guest', 0, {
      bitConstant: '_XEN_DOMCTL_CDF_hvm_guest',
      since: '4.6',
      until: '4.13',
      doc: 'A fully virtualised (HVM) guest; renamed XEN_DOMCTL_CDF_hvm in 4.13.',
    }),
    flag('XEN_DOMCTL_CDF_hvm', 0, {
      bitConstant: '_XEN_DOMCTL_CDF_hvm',
      since: '4.13',
      doc: 'A fully virtualised (HVM or PVH) guest rather than a PV one.',
    }),
    flag('XEN_DOMCTL_CDF_hap', 1, {
      bitConstant: '_XEN_DOMCTL_CDF_hap',
      since: '4.6',
      doc: 'Use hardware-assisted paging when the host has it.',
    }),
    flag('XEN_DOMCTL_CDF_s3_integrity', 2, {
      bitConstant: '_XEN_DOMCTL_CDF_s3_integrity',
      since: '4.6',
      doc: 'Have tboot check the domain memory across S3 suspend.',
    }),
    flag('XEN_DOMCTL_CDF_oos_off', 3, {
      bitConstant: '_XEN_DOMCTL_CDF_oos_off',
      since: '4.6',
      doc: 'Keep shadow page tables in sync (no out-of-sync optimisation).',
    }),
    flag('XEN_DOMCTL_CDF_pvh_guest', 4, {
      bitConstant: '_XEN_DOMCTL_CDF_pvh_guest',
      since: '4.6',
      until: '4.9',
      doc: 'The first, PV-based PVH mode; removed in 4.9.',
    }),
    // Renumbered in 4.9: one declaration per numbering, each with its own lifetime.
    flag('XEN_DOMCTL_CDF_xs_domain', 5, {
      bitConstant: '_XEN_DOMCTL_CDF_xs_domain',
      since: '4.7',
      until: '4.9',
      doc: 'The domain runs xenstore. Bit 5 in 4.7 and 4.8; bit 4 from 4.9, once pvh_guest had left it free.',
    }),
    flag('XEN_DOMCTL_CDF_xs_domain', 4, {
      bitConstant: '_XEN_DOMCTL_CDF_xs_domain',
      since: '4.9',
      doc: 'The domain runs xenstore (bit 5 in 4.7 and 4.8).',
    }),
    flag('XEN_DOMCTL_CDF_iommu', 5, {
      bitConstant: '_XEN_DOMCTL_CDF_iommu',
      since: '4.13',
      doc: 'The domain may use the IOMMU, so devices can be passed through to it.',
    }),
    flag('XEN_DOMCTL_CDF_nested_virt', 6, {
      bitConstant: '_XEN_DOMCTL_CDF_nested_virt',
      since: '4.15',
      doc: 'Offer nested virtualisation to the guest.',
    }),
    flag('XEN_DOMCTL_CDF_vpmu', 7, { since: '4.16', doc: 'Expose the virtual performance monitoring unit.' }),
    flag('XEN_DOMCTL_CDF_trap_unmapped_accesses', 8, {
      since: '4.21',
      doc: 'Trap guest accesses to guest physical addresses with nothing mapped.',
    }),
  ],
});

export const XEN_DOMCTL_CDF_MAX = constant('XEN_DOMCTL_CDF_MAX', 0x20, {
  since: '4.13',
  history: [
    { since: '4.15', value: 0x40 },
    { since: '4.16', value: 0x80 },
    { since: '4.21', value: 0x100 },
  ],
  cType: 'unsigned int',
  spelling: 'hex',
  doc: 'The highest XEN_DOMCTL_CDF_* flag of the release, for range checks. Example: 0x80 in 4.16 to 4.20.',
});

export const XEN_DOMCTL_IOMMU = flagSet('XEN_DOMCTL_IOMMU', {
  since: '4.13',
  field: 'xen_domctl_createdomain.iommu_opts',
  doc: 'IOMMU options of a new domain.',
  flags: [
    flag('XEN_DOMCTL_IOMMU_no_sharept', 0, {
      bitConstant: '_XEN_DOMCTL_IOMMU_no_sharept',
      since: '4.13',
      doc: 'Give the IOMMU its own page tables instead of sharing the CPU second-stage ones.',
    }),
  ],
});

export const XEN_DOMCTL_IOMMU_MAX = constant('XEN_DOMCTL_IOMMU_MAX', 0x1, {
  since: '4.13',
  cType: 'unsigned int',
  spelling: 'hex',
  doc: 'The highest XEN_DOMCTL_IOMMU_* flag, for range checks.',
});

export const XEN_DOMCTL_GRANT_version_mask = constant('XEN_DOMCTL_GRANT_version_mask', 0xf, {
  since: '4.16',
  spelling: 'hex',
  doc: 'The bits of grant_opts that hold the highest grant-table version the domain may use. Example: 0xf.',
});

export const XEN_DOMCTL_ALTP2M = valueSet('XEN_DOMCTL_ALTP2M', {
  since: '4.19',
  doc:
    'Alternate-p2m modes, in the bits under XEN_DOMCTL_ALTP2M_mode_mask of xen_domctl_createdomain.altp2m_opts ' +
    '(4.19 and 4.20) or xen_domctl_createdomain.altp2m.opts (from 4.21).',
  values: [
    constant('XEN_DOMCTL_ALTP2M_mixed', 1, {
      since: '4.19',
      cType: 'unsigned int',
      doc: 'Both the guest and an external agent may manage the views.',
    }),
    constant('XEN_DOMCTL_ALTP2M_external', 2, {
      since: '4.19',
      cType: 'unsigned int',
      doc: 'Only an external agent manages the views.',
    }),
    constant('XEN_DOMCTL_ALTP2M_limited', 3, {
      since: '4.19',
      cType: 'unsigned int',
      doc: 'An external agent manages the views; the guest may only switch between them.',
    }),
  ],
});

export const XEN_DOMCTL_ALTP2M_mode_mask = constant('XEN_DOMCTL_ALTP2M_mode_mask', 0x3, {
  since: '4.19',
  cType: 'unsigned int',
  spelling: 'hex',
  doc: 'The bits of the altp2m options that hold the XEN_DOMCTL_ALTP2M_* mode.',
});

export const xen_domctl_getdomaininfo = struct('xen_domctl_getdomaininfo', {
  typedef: 'xen_domctl_getdomaininfo_t',
  since: '4.6',
  doc: 'Payload of XEN_DOMCTL_getdomaininfo: the state and resources of a domain (or, on the old interface, of the first domain from the given ID on).',
  holes: [
    { after: 'domain', archs: ['x86_32', 'x86_64', 'arm32', 'arm64'], until: '4.16', reason: 'the compiler aligns the next member, `flags`' },
    { after: 'arch_config', archs: ['x86_32', 'x86_64', 'arm32', 'arm64'], since: '4.11', until: '4.15', reason: 'tail padding to the record\'s alignment' },
    { after: 'arch_config', archs: ['arm32', 'arm64'], since: '4.15', until: '4.21', reason: 'tail padding to the record\'s alignment' },
  ],
  fields: [
    field('domain', domid_t, { doc: 'OUT: the domain described. Example: 1.' }),
    pad('pad1', u16, { since: '4.16', doc: 'Reserved.' }),
    field('flags', u32, { doc: 'OUT: XEN_DOMINF_* bits, and the shutdown reason under XEN_DOMINF_shutdownmask. Example: 0x20 (running).' }),
    field('tot_pages', uint64_aligned_t, { doc: 'OUT: pages the domain owns. Example: 262144.' }),
    field('max_pages', uint64_aligned_t, { doc: 'OUT: the most pages it may own. Example: 262400.' }),
    field('outstanding_pages', uint64_aligned_t, { doc: 'OUT: pages claimed for it but not yet allocated.' }),
    field('shr_pages', uint64_aligned_t, { doc: 'OUT: its pages shared with other domains.' }),
    field('paged_pages', uint64_aligned_t, { doc: 'OUT: its pages paged out.' }),
    field('shared_info_frame', uint64_aligned_t, { doc: 'OUT: the guest frame of its shared-info page.' }),
    field('cpu_time', uint64_aligned_t, { doc: 'OUT: CPU time used by all its vCPUs, in nanoseconds.' }),
    field('nr_online_vcpus', u32, { doc: 'OUT: vCPUs up. Example: 2.' }),
    field('max_vcpu_id', u32, { doc: 'OUT: the highest vCPU number, or XEN_INVALID_MAX_VCPU_ID when it has none. Example: 3.' }),
    field('ssidref', u32, { doc: 'OUT: its security label (XSM).' }),
    field('handle', xen_domain_handle_t, { doc: 'OUT: the tag the toolstack gave it, typically a UUID.' }),
    field('cpupool', u32, { doc: 'OUT: its CPU pool. Example: 0.' }),
    field('gpaddr_bits', u8, { since: '4.16', doc: 'OUT: the width of its guest physical addresses in bits. Example: 40.' }),
    pad('pad2', array(u8, 7), { since: '4.16', doc: 'Reserved.' }),
    field('arch_config', xen_arch_domainconfig, { since: '4.11', doc: 'OUT: the architecture settings it was created with.' }),
  ]
});

export const XEN_DOMINF = flagSet('XEN_DOMINF', {
  since: '4.6',
  field: 'xen_domctl_getdomaininfo.flags',
  doc: 'State bits of xen_domctl_getdomaininfo.flags.',
  flags: [
    flag('XEN_DOMINF_dying', 0, { since: '4.6', bitConstant: '_XEN_DOMINF_dying', doc: 'The domain is being destroyed.' }),
    flag('XEN_DOMINF_hvm_guest', 1, { since: '4.6', bitConstant: '_XEN_DOMINF_hvm_guest', doc: 'The domain is HVM or PVH.' }),
    flag('XEN_DOMINF_shutdown', 2, { since: '4.6', bitConstant: '_XEN_DOMINF_shutdown', doc: 'The domain has shut down; the reason is under XEN_DOMINF_shutdownmask.' }),
    flag('XEN_DOMINF_paused', 3, { since: '4.6', bitConstant: '_XEN_DOMINF_paused', doc: 'The toolstack paused the domain.' }),
    flag('XEN_DOMINF_blocked', 4, { since: '4.6', bitConstant: '_XEN_DOMINF_blocked', doc: 'Every vCPU is blocked.' }),
    flag('XEN_DOMINF_running', 5, { since: '4.6', bitConstant: '_XEN_DOMINF_running', doc: 'A vCPU is running.' }),
    flag('XEN_DOMINF_debugged', 6, { since: '4.6', bitConstant: '_XEN_DOMINF_debugged', doc: 'A debugger is attached.' }),
    flag('XEN_DOMINF_pvh_guest', 7, { since: '4.6', until: '4.9', bitConstant: '_XEN_DOMINF_pvh_guest', doc: 'The domain is a first-generation PVH guest (until 4.9).' }),
    flag('XEN_DOMINF_xs_domain', 8, { since: '4.7', until: '4.9', bitConstant: '_XEN_DOMINF_xs_domain', doc: 'The domain runs xenstore (bit 8 in 4.7 and 4.8, bit 7 from 4.9).' }),
    flag('XEN_DOMINF_xs_domain', 7, { since: '4.9', bitConstant: '_XEN_DOMINF_xs_domain', doc: 'The domain runs xenstore (bit 8 in 4.7 and 4.8, bit 7 from 4.9).' }),
    flag('XEN_DOMINF_hap', 9, { since: '4.8', until: '4.9', bitConstant: '_XEN_DOMINF_hap', doc: 'The domain uses hardware-assisted paging (bit 9 in 4.8, bit 8 from 4.9).' }),
    flag('XEN_DOMINF_hap', 8, { since: '4.9', bitConstant: '_XEN_DOMINF_hap', doc: 'The domain uses hardware-assisted paging (bit 9 in 4.8, bit 8 from 4.9).' }),
  ],
});

export const XEN_DOMINF_shutdownmask = constant('XEN_DOMINF_shutdownmask', 255, { since: '4.6', doc: 'The mask, after shifting by XEN_DOMINF_shutdownshift, of the SHUTDOWN_* reason in the flags.' });

export const XEN_DOMINF_shutdownshift = constant('XEN_DOMINF_shutdownshift', 16, { since: '4.6', doc: 'The bit where the shutdown reason starts in the flags.' });

export const XEN_INVALID_MAX_VCPU_ID = constant('XEN_INVALID_MAX_VCPU_ID', 0xffffffff, { since: '4.6', cType: 'unsigned int', doc: 'The max_vcpu_id of a domain with no vCPUs: all 32 bits set.' });

export const xen_domctl = struct('xen_domctl', {
  typedef: 'xen_domctl_t',
  since: '4.6',
  doc: 'The argument of every domctl call: the operation, the interface version, the domain, and the operation\'s payload.',
  holes: [
    { after: 'domain', archs: ['x86_32', 'x86_64', 'arm32', 'arm64'], until: '4.15', reason: 'the compiler aligns the next member, `u`' },
  ],
  fields: [
    field('cmd', u32, { doc: 'IN: a XEN_DOMCTL_* operation. Example: 5 (XEN_DOMCTL_getdomaininfo).' }),
    field('interface_version', u32, { doc: 'IN: XEN_DOMCTL_INTERFACE_VERSION of the release; Xen refuses any other. Example: 0x15 (4.17).' }),
    field('domain', domid_t, { doc: 'IN: the domain the operation acts on. Example: 1.' }),
    pad('_pad', array(u16, 3), { since: '4.15', doc: 'Reserved; must be zero.' }),
    field('u', inlineUnion({
      doc: 'IN/OUT: the payload of `cmd`; `cmd` says which member is meant.',
      fields: [
        field('createdomain', xen_domctl_createdomain, { doc: 'The payload of XEN_DOMCTL_createdomain.' }),
        field('getdomaininfo', xen_domctl_getdomaininfo, { doc: 'The payload of XEN_DOMCTL_getdomaininfo.' }),
        field('getmemlist', xen_domctl_getmemlist, { until: '4.11', doc: 'The payload of XEN_DOMCTL_getmemlist.' }),
        field('getpageframeinfo3', xen_domctl_getpageframeinfo3, { doc: 'The payload of XEN_DOMCTL_getpageframeinfo3.' }),
        field('nodeaffinity', xen_domctl_nodeaffinity, { doc: 'The payload of XEN_DOMCTL_setnodeaffinity, XEN_DOMCTL_getnodeaffinity.' }),
        field('vcpuaffinity', xen_domctl_vcpuaffinity, { doc: 'The payload of XEN_DOMCTL_setvcpuaffinity, XEN_DOMCTL_getvcpuaffinity.' }),
        field('shadow_op', xen_domctl_shadow_op, { doc: 'The payload of XEN_DOMCTL_shadow_op.' }),
        field('max_mem', xen_domctl_max_mem, { doc: 'The payload of XEN_DOMCTL_max_mem.' }),
        field('vcpucontext', xen_domctl_vcpucontext, { doc: 'The payload of XEN_DOMCTL_setvcpucontext, XEN_DOMCTL_getvcpucontext.' }),
        field('getvcpuinfo', xen_domctl_getvcpuinfo, { doc: 'The payload of XEN_DOMCTL_getvcpuinfo.' }),
        field('max_vcpus', xen_domctl_max_vcpus, { doc: 'The payload of XEN_DOMCTL_max_vcpus.' }),
        field('scheduler_op', xen_domctl_scheduler_op, { doc: 'The payload of XEN_DOMCTL_scheduler_op.' }),
        field('setdomainhandle', xen_domctl_setdomainhandle, { doc: 'The payload of XEN_DOMCTL_setdomainhandle.' }),
        field('setdebugging', xen_domctl_setdebugging, { doc: 'The payload of XEN_DOMCTL_setdebugging.' }),
        field('irq_permission', xen_domctl_irq_permission, { doc: 'The payload of XEN_DOMCTL_irq_permission.' }),
        field('gsi_permission', xen_domctl_gsi_permission, { since: '4.20', doc: 'The payload of XEN_DOMCTL_gsi_permission.' }),
        field('iomem_permission', xen_domctl_iomem_permission, { doc: 'The payload of XEN_DOMCTL_iomem_permission.' }),
        field('ioport_permission', xen_domctl_ioport_permission, { doc: 'The payload of XEN_DOMCTL_ioport_permission.' }),
        field('hypercall_init', xen_domctl_hypercall_init, { doc: 'The payload of XEN_DOMCTL_hypercall_init.' }),
        field('settimeoffset', xen_domctl_settimeoffset, { doc: 'The payload of XEN_DOMCTL_settimeoffset.' }),
        field('disable_migrate', xen_domctl_disable_migrate, { until: '4.15', doc: 'The payload of XEN_DOMCTL_disable_migrate.' }),
        field('tsc_info', xen_domctl_tsc_info, { doc: 'The payload of XEN_DOMCTL_gettscinfo, XEN_DOMCTL_settscinfo.' }),
        field('hvmcontext', xen_domctl_hvmcontext, { doc: 'The payload of XEN_DOMCTL_gethvmcontext, XEN_DOMCTL_sethvmcontext.' }),
        field('hvmcontext_partial', xen_domctl_hvmcontext_partial, { doc: 'The payload of XEN_DOMCTL_gethvmcontext_partial.' }),
        field('address_size', xen_domctl_address_size, { doc: 'The payload of XEN_DOMCTL_set_address_size, XEN_DOMCTL_get_address_size, XEN_DOMCTL_set_machine_address_size, XEN_DOMCTL_get_machine_address_size.' }),
        field('sendtrigger', xen_domctl_sendtrigger, { doc: 'The payload of XEN_DOMCTL_sendtrigger.' }),
        field('get_device_group', xen_domctl_get_device_group, { doc: 'The payload of XEN_DOMCTL_get_device_group.' }),
        field('assign_device', xen_domctl_assign_device, { doc: 'The payload of XEN_DOMCTL_assign_device, XEN_DOMCTL_test_assign_device, XEN_DOMCTL_deassign_device.' }),
        field('bind_pt_irq', xen_domctl_bind_pt_irq, { doc: 'The payload of XEN_DOMCTL_bind_pt_irq, XEN_DOMCTL_unbind_pt_irq.' }),
        field('memory_mapping', xen_domctl_memory_mapping, { doc: 'The payload of XEN_DOMCTL_memory_mapping.' }),
        field('ioport_mapping', xen_domctl_ioport_mapping, { doc: 'The payload of XEN_DOMCTL_ioport_mapping.' }),
        field('pin_mem_cacheattr', xen_domctl_pin_mem_cacheattr, { until: '4.11', doc: 'The payload of XEN_DOMCTL_pin_mem_cacheattr.' }),
        field('set_target', xen_domctl_set_target, { doc: 'The payload of XEN_DOMCTL_set_target.' }),
        field('subscribe', xen_domctl_subscribe, { doc: 'The payload of XEN_DOMCTL_subscribe.' }),
        field('debug_op', xen_domctl_debug_op, { doc: 'The payload of XEN_DOMCTL_debug_op.' }),
        field('vm_event_op', xen_domctl_vm_event_op, { doc: 'The payload of XEN_DOMCTL_vm_event_op.' }),
        field('mem_sharing_op', xen_domctl_mem_sharing_op, { doc: 'The payload of XEN_DOMCTL_mem_sharing_op.' }),
        field('cpuid', xen_domctl_cpuid, { until: '4.13', archs: ['x86_32', 'x86_64'], doc: 'The payload of XEN_DOMCTL_set_cpuid.' }),
        field('cpu_policy', xen_domctl_cpu_policy, { since: '4.18', archs: ['x86_32', 'x86_64'], doc: 'The payload of XEN_DOMCTL_get_cpu_policy, XEN_DOMCTL_set_cpu_policy (declared from 4.18).' }),
        field('vcpuextstate', xen_domctl_vcpuextstate, { archs: ['x86_32', 'x86_64'], doc: 'The payload of XEN_DOMCTL_setvcpuextstate, XEN_DOMCTL_getvcpuextstate.' }),
        field('vcpu_msrs', xen_domctl_vcpu_msrs, { archs: ['x86_32', 'x86_64'], doc: 'The payload of XEN_DOMCTL_get_vcpu_msrs, XEN_DOMCTL_set_vcpu_msrs.' }),
        field('access_required', xen_domctl_set_access_required, { doc: 'The payload of XEN_DOMCTL_set_access_required.' }),
        field('audit_p2m', xen_domctl_audit_p2m, { doc: 'The payload of XEN_DOMCTL_audit_p2m.' }),
        field('set_virq_handler', xen_domctl_set_virq_handler, { doc: 'The payload of XEN_DOMCTL_set_virq_handler.' }),
        field('set_max_evtchn', xen_domctl_set_max_evtchn, { until: '4.12', doc: 'The payload of XEN_DOMCTL_set_max_evtchn.' }),
        field('gdbsx_guest_memio', xen_domctl_gdbsx_memio, { doc: 'The payload of XEN_DOMCTL_gdbsx_guestmemio.' }),
        field('set_broken_page_p2m', xen_domctl_set_broken_page_p2m, { doc: 'The payload of XEN_DOMCTL_set_broken_page_p2m.' }),
        field('cacheflush', xen_domctl_cacheflush, { doc: 'The payload of XEN_DOMCTL_cacheflush.' }),
        field('gdbsx_pauseunp_vcpu', xen_domctl_gdbsx_pauseunp_vcpu, { doc: 'The payload of XEN_DOMCTL_gdbsx_pausevcpu, XEN_DOMCTL_gdbsx_unpausevcpu.' }),
        field('gdbsx_domstatus', xen_domctl_gdbsx_domstatus, { doc: 'The payload of XEN_DOMCTL_gdbsx_domstatus.' }),
        field('vnuma', xen_domctl_vnuma, { doc: 'The payload of XEN_DOMCTL_setvnumainfo.' }),
        field('psr_cmt_op', xen_domctl_psr_cmt_op, { doc: 'The payload of XEN_DOMCTL_psr_cmt_op.' }),
        field('monitor_op', xen_domctl_monitor_op, { doc: 'The payload of XEN_DOMCTL_monitor_op.' }),
        field('psr_alloc', xen_domctl_psr_alloc, { since: '4.11', doc: 'The payload of XEN_DOMCTL_psr_alloc.' }),
        field('psr_cat_op', xen_domctl_psr_cat_op, { until: '4.11', doc: 'The payload of XEN_DOMCTL_psr_cat_op.' }),
        field('set_gnttab_limits', xen_domctl_set_gnttab_limits, { since: '4.10', until: '4.12', doc: 'The payload of XEN_DOMCTL_set_gnttab_limits.' }),
        field('vuart_op', xen_domctl_vuart_op, { since: '4.10', doc: 'The payload of XEN_DOMCTL_vuart_op.' }),
        field('vmtrace_op', xen_domctl_vmtrace_op, { since: '4.15', doc: 'The payload of XEN_DOMCTL_vmtrace_op.' }),
        field('paging_mempool', xen_domctl_paging_mempool, { since: '4.17', doc: 'The payload of XEN_DOMCTL_get_paging_mempool_size, XEN_DOMCTL_set_paging_mempool_size.' }),
        field('set_llc_colors', xen_domctl_set_llc_colors, { since: '4.20', doc: 'The payload of XEN_DOMCTL_set_llc_colors.' }),
        field('get_domain_state', xen_domctl_get_domain_state, { since: '4.21', doc: 'The payload of XEN_DOMCTL_get_domain_state.' }),
        pad('pad', array(u8, 128), { doc: 'Fixes the size of the payload union at 128 bytes, whatever its members.' }),
        field('dt_overlay', xen_domctl_dt_overlay, { since: '4.19', archs: ['arm32', 'arm64'], doc: 'The payload of XEN_DOMCTL_dt_overlay.' }),
      ]
    }), { doc: 'IN/OUT: the payload of `cmd`; `cmd` says which member is meant.' }),
  ]
});

export const XEN_DOMCTL = opSet('XEN_DOMCTL', {
  since: '4.6',
  field: 'xen_domctl.cmd',
  doc: 'The domctl operations, each with the member of `xen_domctl.u` that carries its payload; those without one act on `xen_domctl.domain` alone.',
  dispatch: { record: xen_domctl, opField: 'cmd', payloadField: 'u' },
  ops: [
    op(constant('XEN_DOMCTL_createdomain', 1, { since: '4.6', doc: 'Create a domain; Xen writes its ID into `domain`.' }), { member: 'createdomain', record: xen_domctl_createdomain }),
    op(constant('XEN_DOMCTL_destroydomain', 2, { since: '4.6', doc: 'Destroy a domain; may need repeating until it is gone.' })),
    op(constant('XEN_DOMCTL_pausedomain', 3, { since: '4.6', doc: 'Pause every vCPU of a domain.' })),
    op(constant('XEN_DOMCTL_unpausedomain', 4, { since: '4.6', doc: 'Undo a pause.' })),
    op(constant('XEN_DOMCTL_getdomaininfo', 5, { since: '4.6', doc: 'Describe a domain.' }), { member: 'getdomaininfo', record: xen_domctl_getdomaininfo }),
    op(constant('XEN_DOMCTL_getmemlist', 6, { since: '4.6', until: '4.11', doc: 'List the machine frames of a PV domain (until 4.11).' }), { member: 'getmemlist', record: xen_domctl_getmemlist }),
    op(constant('XEN_DOMCTL_setvcpuaffinity', 9, { since: '4.6', doc: 'Set where a vCPU may run.' }), { member: 'vcpuaffinity', record: xen_domctl_vcpuaffinity }),
    op(constant('XEN_DOMCTL_shadow_op', 10, { since: '4.6', doc: 'Control shadow paging and dirty logging.' }), { member: 'shadow_op', record: xen_domctl_shadow_op }),
    op(constant('XEN_DOMCTL_max_mem', 11, { since: '4.6', doc: 'Set the memory limit.' }), { member: 'max_mem', record: xen_domctl_max_mem }),
    op(constant('XEN_DOMCTL_setvcpucontext', 12, { since: '4.6', doc: 'Load a vCPU\'s registers.' }), { member: 'vcpucontext', record: xen_domctl_vcpucontext }),
    op(constant('XEN_DOMCTL_getvcpucontext', 13, { since: '4.6', doc: 'Read a vCPU\'s registers.' }), { member: 'vcpucontext', record: xen_domctl_vcpucontext }),
    op(constant('XEN_DOMCTL_getvcpuinfo', 14, { since: '4.6', doc: 'Describe a vCPU.' }), { member: 'getvcpuinfo', record: xen_domctl_getvcpuinfo }),
    op(constant('XEN_DOMCTL_max_vcpus', 15, { since: '4.6', doc: 'Set the number of vCPUs.' }), { member: 'max_vcpus', record: xen_domctl_max_vcpus }),
    op(constant('XEN_DOMCTL_scheduler_op', 16, { since: '4.6', doc: 'Read or set scheduler parameters.' }), { member: 'scheduler_op', record: xen_domctl_scheduler_op }),
    op(constant('XEN_DOMCTL_setdomainhandle', 17, { since: '4.6', doc: 'Replace the domain\'s tag.' }), { member: 'setdomainhandle', record: xen_domctl_setdomainhandle }),
    op(constant('XEN_DOMCTL_setdebugging', 18, { since: '4.6', doc: 'Attach or detach a debugger.' }), { member: 'setdebugging', record: xen_domctl_setdebugging }),
    op(constant('XEN_DOMCTL_irq_permission', 19, { since: '4.6', doc: 'Grant or revoke a PIRQ.' }), { member: 'irq_permission', record: xen_domctl_irq_permission }),
    op(constant('XEN_DOMCTL_iomem_permission', 20, { since: '4.6', doc: 'Grant or revoke I/O memory.' }), { member: 'iomem_permission', record: xen_domctl_iomem_permission }),
    op(constant('XEN_DOMCTL_ioport_permission', 21, { since: '4.6', doc: 'Grant or revoke I/O ports.' }), { member: 'ioport_permission', record: xen_domctl_ioport_permission }),
    op(constant('XEN_DOMCTL_hypercall_init', 22, { since: '4.6', doc: 'Fill a hypercall page.' }), { member: 'hypercall_init', record: xen_domctl_hypercall_init }),
    op(constant('XEN_DOMCTL_arch_setup', 23, { since: '4.6', until: '4.15', doc: 'An IA-64 operation; its number stayed in the header until 4.15.' })),
    op(constant('XEN_DOMCTL_settimeoffset', 24, { since: '4.6', doc: 'Set the wall-clock offset.' }), { member: 'settimeoffset', record: xen_domctl_settimeoffset }),
    op(constant('XEN_DOMCTL_getvcpuaffinity', 25, { since: '4.6', doc: 'Read where a vCPU may run.' }), { member: 'vcpuaffinity', record: xen_domctl_vcpuaffinity }),
    op(constant('XEN_DOMCTL_real_mode_area', 26, { since: '4.6', doc: 'An obsolete PowerPC operation; Xen refuses it.' })),
    op(constant('XEN_DOMCTL_resumedomain', 27, { since: '4.6', doc: 'Resume a domain after a suspend that did not go on to save it.' })),
    op(constant('XEN_DOMCTL_sendtrigger', 28, { since: '4.6', doc: 'Send an NMI, reset, power or sleep event.' }), { member: 'sendtrigger', record: xen_domctl_sendtrigger }),
    op(constant('XEN_DOMCTL_subscribe', 29, { since: '4.6', doc: 'Name the event channel for suspend notifications.' }), { member: 'subscribe', record: xen_domctl_subscribe }),
    op(constant('XEN_DOMCTL_gethvmcontext', 33, { since: '4.6', doc: 'Save an HVM domain\'s state.' }), { member: 'hvmcontext', record: xen_domctl_hvmcontext }),
    op(constant('XEN_DOMCTL_sethvmcontext', 34, { since: '4.6', doc: 'Restore an HVM domain\'s state.' }), { member: 'hvmcontext', record: xen_domctl_hvmcontext }),
    op(constant('XEN_DOMCTL_set_address_size', 35, { since: '4.6', doc: 'Set a PV domain\'s address width.' }), { member: 'address_size', record: xen_domctl_address_size }),
    op(constant('XEN_DOMCTL_get_address_size', 36, { since: '4.6', doc: 'Read a PV domain\'s address width.' }), { member: 'address_size', record: xen_domctl_address_size }),
    op(constant('XEN_DOMCTL_assign_device', 37, { since: '4.6', doc: 'Assign a device.' }), { member: 'assign_device', record: xen_domctl_assign_device }),
    op(constant('XEN_DOMCTL_bind_pt_irq', 38, { since: '4.6', doc: 'Bind a passed-through interrupt.' }), { member: 'bind_pt_irq', record: xen_domctl_bind_pt_irq }),
    op(constant('XEN_DOMCTL_memory_mapping', 39, { since: '4.6', doc: 'Map or unmap I/O memory.' }), { member: 'memory_mapping', record: xen_domctl_memory_mapping }),
    op(constant('XEN_DOMCTL_ioport_mapping', 40, { since: '4.6', doc: 'Map or unmap I/O ports.' }), { member: 'ioport_mapping', record: xen_domctl_ioport_mapping }),
    op(constant('XEN_DOMCTL_pin_mem_cacheattr', 41, { since: '4.6', until: '4.11', doc: 'Pin a cache attribute (until 4.11).' }), { member: 'pin_mem_cacheattr', record: xen_domctl_pin_mem_cacheattr }),
    op(constant('XEN_DOMCTL_set_ext_vcpucontext', 42, { since: '4.6', doc: 'Load a vCPU\'s extended x86 state (its payload, which has an anonymous member, is not declared yet).' })),
    op(constant('XEN_DOMCTL_get_ext_vcpucontext', 43, { since: '4.6', doc: 'Read a vCPU\'s extended x86 state (payload not declared yet, as for set).' })),
    op(constant('XEN_DOMCTL_set_opt_feature', 44, { since: '4.6', doc: 'An IA-64 operation; Xen refuses it.' })),
    op(constant('XEN_DOMCTL_test_assign_device', 45, { since: '4.6', doc: 'Ask whether a device can be assigned.' }), { member: 'assign_device', record: xen_domctl_assign_device }),
    op(constant('XEN_DOMCTL_set_target', 46, { since: '4.6', doc: 'Let the domain act on another.' }), { member: 'set_target', record: xen_domctl_set_target }),
    op(constant('XEN_DOMCTL_deassign_device', 47, { since: '4.6', doc: 'Take a device back.' }), { member: 'assign_device', record: xen_domctl_assign_device }),
    op(constant('XEN_DOMCTL_unbind_pt_irq', 48, { since: '4.6', doc: 'Unbind a passed-through interrupt.' }), { member: 'bind_pt_irq', record: xen_domctl_bind_pt_irq }),
    op(constant('XEN_DOMCTL_set_cpuid', 49, { since: '4.6', until: '4.13', doc: 'Set a CPUID leaf (until 4.13).' }), { member: 'cpuid', record: xen_domctl_cpuid }),
    op(constant('XEN_DOMCTL_get_device_group', 50, { since: '4.6', doc: 'List a device\'s IOMMU group.' }), { member: 'get_device_group', record: xen_domctl_get_device_group }),
    op(constant('XEN_DOMCTL_set_machine_address_size', 51, { since: '4.6', until: '4.13', doc: 'Limit a PV domain\'s machine addresses (until 4.13).' }), { member: 'address_size', record: xen_domctl_address_size }),
    op(constant('XEN_DOMCTL_get_machine_address_size', 52, { since: '4.6', until: '4.13', doc: 'Read that limit (until 4.13).' }), { member: 'address_size', record: xen_domctl_address_size }),
    op(constant('XEN_DOMCTL_suppress_spurious_page_faults', 53, { since: '4.6', until: '4.13', doc: 'Hide spurious page faults from a PV domain (until 4.13).' })),
    op(constant('XEN_DOMCTL_debug_op', 54, { since: '4.6', doc: 'Single-step a vCPU.' }), { member: 'debug_op', record: xen_domctl_debug_op }),
    op(constant('XEN_DOMCTL_gethvmcontext_partial', 55, { since: '4.6', doc: 'Save one HVM state record.' }), { member: 'hvmcontext_partial', record: xen_domctl_hvmcontext_partial }),
    op(constant('XEN_DOMCTL_vm_event_op', 56, { since: '4.6', doc: 'Control a vm_event ring.' }), { member: 'vm_event_op', record: xen_domctl_vm_event_op }),
    op(constant('XEN_DOMCTL_mem_sharing_op', 57, { since: '4.6', doc: 'Control memory sharing.' }), { member: 'mem_sharing_op', record: xen_domctl_mem_sharing_op }),
    op(constant('XEN_DOMCTL_disable_migrate', 58, { since: '4.6', until: '4.15', doc: 'Forbid migration (until 4.15).' }), { member: 'disable_migrate', record: xen_domctl_disable_migrate }),
    op(constant('XEN_DOMCTL_gettscinfo', 59, { since: '4.6', doc: 'Read the TSC settings.' }), { member: 'tsc_info', record: xen_domctl_tsc_info }),
    op(constant('XEN_DOMCTL_settscinfo', 60, { since: '4.6', doc: 'Set the TSC settings.' }), { member: 'tsc_info', record: xen_domctl_tsc_info }),
    op(constant('XEN_DOMCTL_getpageframeinfo3', 61, { since: '4.6', doc: 'Report page types.' }), { member: 'getpageframeinfo3', record: xen_domctl_getpageframeinfo3 }),
    op(constant('XEN_DOMCTL_setvcpuextstate', 62, { since: '4.6', doc: 'Load a vCPU\'s XSAVE state.' }), { member: 'vcpuextstate', record: xen_domctl_vcpuextstate }),
    op(constant('XEN_DOMCTL_getvcpuextstate', 63, { since: '4.6', doc: 'Read a vCPU\'s XSAVE state.' }), { member: 'vcpuextstate', record: xen_domctl_vcpuextstate }),
    op(constant('XEN_DOMCTL_set_access_required', 64, { since: '4.6', doc: 'Require a memory-access listener.' }), { member: 'access_required', record: xen_domctl_set_access_required }),
    op(constant('XEN_DOMCTL_audit_p2m', 65, { since: '4.6', doc: 'Audit the P2M.' }), { member: 'audit_p2m', record: xen_domctl_audit_p2m }),
    op(constant('XEN_DOMCTL_set_virq_handler', 66, { since: '4.6', doc: 'Take over a global VIRQ.' }), { member: 'set_virq_handler', record: xen_domctl_set_virq_handler }),
    op(constant('XEN_DOMCTL_set_broken_page_p2m', 67, { since: '4.6', doc: 'Mark a guest frame broken.' }), { member: 'set_broken_page_p2m', record: xen_domctl_set_broken_page_p2m }),
    op(constant('XEN_DOMCTL_setnodeaffinity', 68, { since: '4.6', doc: 'Set the NUMA node affinity.' }), { member: 'nodeaffinity', record: xen_domctl_nodeaffinity }),
    op(constant('XEN_DOMCTL_getnodeaffinity', 69, { since: '4.6', doc: 'Read the NUMA node affinity.' }), { member: 'nodeaffinity', record: xen_domctl_nodeaffinity }),
    op(constant('XEN_DOMCTL_set_max_evtchn', 70, { since: '4.6', until: '4.12', doc: 'Limit event-channel ports (until 4.12).' }), { member: 'set_max_evtchn', record: xen_domctl_set_max_evtchn }),
    op(constant('XEN_DOMCTL_cacheflush', 71, { since: '4.6', doc: 'Flush the data cache over guest frames.' }), { member: 'cacheflush', record: xen_domctl_cacheflush }),
    op(constant('XEN_DOMCTL_get_vcpu_msrs', 72, { since: '4.6', doc: 'Read a vCPU\'s MSRs.' }), { member: 'vcpu_msrs', record: xen_domctl_vcpu_msrs }),
    op(constant('XEN_DOMCTL_set_vcpu_msrs', 73, { since: '4.6', doc: 'Load a vCPU\'s MSRs.' }), { member: 'vcpu_msrs', record: xen_domctl_vcpu_msrs }),
    op(constant('XEN_DOMCTL_setvnumainfo', 74, { since: '4.6', doc: 'Set the virtual NUMA topology.' }), { member: 'vnuma', record: xen_domctl_vnuma }),
    op(constant('XEN_DOMCTL_psr_cmt_op', 75, { since: '4.6', doc: 'Control cache monitoring.' }), { member: 'psr_cmt_op', record: xen_domctl_psr_cmt_op }),
    op(constant('XEN_DOMCTL_monitor_op', 77, { since: '4.6', doc: 'Control monitor events.' }), { member: 'monitor_op', record: xen_domctl_monitor_op }),
    op(constant('XEN_DOMCTL_psr_cat_op', 78, { since: '4.6', until: '4.11', doc: 'Control cache allocation (until 4.11).' }), { member: 'psr_cat_op', record: xen_domctl_psr_cat_op }),
    op(constant('XEN_DOMCTL_soft_reset', 79, { since: '4.7', doc: 'Reset a domain in place, keeping its memory for a kexec\'d kernel.' })),
    op(constant('XEN_DOMCTL_set_gnttab_limits', 80, { since: '4.10', until: '4.12', doc: 'Set grant-table sizes (4.10 and 4.11).' }), { member: 'set_gnttab_limits', record: xen_domctl_set_gnttab_limits }),
    op(constant('XEN_DOMCTL_vuart_op', 81, { since: '4.10', doc: 'Set up the Arm virtual UART.' }), { member: 'vuart_op', record: xen_domctl_vuart_op }),
    op(constant('XEN_DOMCTL_psr_alloc', 78, { since: '4.11', doc: 'Control cache and bandwidth allocation.' }), { member: 'psr_alloc', record: xen_domctl_psr_alloc }),
    op(constant('XEN_DOMCTL_get_cpu_policy', 82, { since: '4.12', doc: 'Read the CPUID and MSR policy (its payload is declared from 4.18: Xen renamed its handles in point releases of 4.14 to 4.17).' }), { member: 'cpu_policy', record: xen_domctl_cpu_policy }),
    op(constant('XEN_DOMCTL_set_cpu_policy', 83, { since: '4.13', doc: 'Set the CPUID and MSR policy (payload declared from 4.18, as for get).' }), { member: 'cpu_policy', record: xen_domctl_cpu_policy }),
    op(constant('XEN_DOMCTL_vmtrace_op', 84, { since: '4.15', doc: 'Control processor trace.' }), { member: 'vmtrace_op', record: xen_domctl_vmtrace_op }),
    op(constant('XEN_DOMCTL_get_paging_mempool_size', 85, { since: '4.17', doc: 'Read the paging pool size.' }), { member: 'paging_mempool', record: xen_domctl_paging_mempool }),
    op(constant('XEN_DOMCTL_set_paging_mempool_size', 86, { since: '4.17', doc: 'Set the paging pool size.' }), { member: 'paging_mempool', record: xen_domctl_paging_mempool }),
    op(constant('XEN_DOMCTL_dt_overlay', 87, { since: '4.19', doc: 'Attach a device-tree overlay\'s devices.' }), { member: 'dt_overlay', record: xen_domctl_dt_overlay }),
    op(constant('XEN_DOMCTL_gsi_permission', 88, { since: '4.20', doc: 'Grant or revoke a GSI.' }), { member: 'gsi_permission', record: xen_domctl_gsi_permission }),
    op(constant('XEN_DOMCTL_set_llc_colors', 89, { since: '4.20', doc: 'Set the LLC colours.' }), { member: 'set_llc_colors', record: xen_domctl_set_llc_colors }),
    op(constant('XEN_DOMCTL_get_domain_state', 90, { since: '4.21', doc: 'Read a domain\'s lifecycle state.' }), { member: 'get_domain_state', record: xen_domctl_get_domain_state }),
    op(constant('XEN_DOMCTL_gdbsx_guestmemio', 1000, { since: '4.6', doc: 'Copy guest memory for gdbsx.' }), { member: 'gdbsx_guest_memio', record: xen_domctl_gdbsx_memio }),
    op(constant('XEN_DOMCTL_gdbsx_pausevcpu', 1001, { since: '4.6', doc: 'Pause a vCPU for gdbsx.' }), { member: 'gdbsx_pauseunp_vcpu', record: xen_domctl_gdbsx_pauseunp_vcpu }),
    op(constant('XEN_DOMCTL_gdbsx_unpausevcpu', 1002, { since: '4.6', doc: 'Resume a vCPU for gdbsx.' }), { member: 'gdbsx_pauseunp_vcpu', record: xen_domctl_gdbsx_pauseunp_vcpu }),
    op(constant('XEN_DOMCTL_gdbsx_domstatus', 1003, { since: '4.6', doc: 'Report debug status for gdbsx.' }), { member: 'gdbsx_domstatus', record: xen_domctl_gdbsx_domstatus }),
  ],
});

export default abiModule({
  name: 'domctl',
  xenHeader: 'domctl.h',
  xenGuard: '__XEN_PUBLIC_DOMCTL_H__',
  coverage: 'partial',
  doc: 'The unstable domctl interface: the xen_domctl dispatch record, every XEN_DOMCTL_* operation, and their payloads and constants.',
  interfaceVersion: XEN_DOMCTL_INTERFACE_VERSION,
  items: [
    xen_arch_domainconfig,
    XEN_X86_EMU,
    XEN_X86_EMU_ALL,
    XEN_X86_misc_flags,
    XEN_X86_MISC_FLAGS_MAX,
    XEN_DOMCTL_CONFIG_GIC,
    XEN_DOMCTL_CONFIG_TEE,
    XEN_DOMCTL_CONFIG_ARM_SCI,
    XEN_DOMCTL_CONFIG_ARM_V8R_EL1_MSA,
    XEN_DOMCTL_INTERFACE_VERSION,
    xen_domctl_createdomain,
    XEN_DOMCTL_CDF,
    XEN_DOMCTL_CDF_MAX,
    XEN_DOMCTL_IOMMU,
    XEN_DOMCTL_IOMMU_MAX,
    XEN_DOMCTL_GRANT_version_mask,
    XEN_DOMCTL_ALTP2M,
    XEN_DOMCTL_ALTP2M_mode_mask,
    xen_domctl_max_mem,
    xen_domctl_vcpucontext,
    xen_domctl_getvcpuinfo,
    xen_domctl_nodeaffinity,
    xen_domctl_vcpuaffinity,
    XEN_VCPUAFFINITY,
    xen_domctl_max_vcpus,
    xen_domctl_setdomainhandle,
    xen_domctl_setdebugging,
    xen_domctl_settimeoffset,
    xen_domctl_hvmcontext,
    xen_domctl_hvmcontext_partial,
    xen_domctl_address_size,
    xen_domctl_set_target,
    xen_domctl_set_max_evtchn,
    xen_domctl_set_gnttab_limits,
    xen_domctl_paging_mempool,
    xen_domctl_get_domain_state,
    XEN_DOMCTL_GETDOMSTATE_STATE,
    XEN_DOMCTL_GETDOMSTATE_CAP,
    xen_domctl_disable_migrate,
    xen_domctl_set_virq_handler,
    xen_domctl_getmemlist,
    xen_domctl_getpageframeinfo3,
    XEN_DOMCTL_PFINFO,
    XEN_DOMCTL_PFINFO_LTAB_SHIFT,
    XEN_DOMCTL_PFINFO_LTAB_MASK,
    XEN_DOMCTL_PFINFO_LTABTYPE_MASK,
    XEN_DOMCTL_PFINFO_LPINTAB,
    xen_domctl_shadow_op_stats,
    xen_domctl_shadow_op,
    XEN_DOMCTL_SHADOW_OP,
    XEN_DOMCTL_SHADOW_ENABLE,
    XEN_DOMCTL_SHADOW_LOGDIRTY_FINAL,
    xen_domctl_pin_mem_cacheattr,
    XEN_DOMCTL_MEM_CACHEATTR,
    XEN_DOMCTL_DELETE_MEM_CACHEATTR,
    xen_domctl_mem_sharing_op,
    XEN_DOMCTL_MEM_SHARING_CONTROL,
    xen_domctl_audit_p2m,
    xen_domctl_set_access_required,
    xen_domctl_set_broken_page_p2m,
    xen_domctl_cacheflush,
    xen_domctl_vnuma,
    xen_domctl_set_llc_colors,
    xen_domctl_irq_permission,
    xen_domctl_gsi_permission,
    XEN_DOMCTL_GSI,
    XEN_DOMCTL_GSI_ACTION_MASK,
    xen_domctl_iomem_permission,
    xen_domctl_ioport_permission,
    xen_domctl_memory_mapping,
    DPCI,
    xen_domctl_ioport_mapping,
    xen_domctl_assign_device,
    XEN_DOMCTL_DEV,
    XEN_DOMCTL_DEV_RDM_RELAXED,
    xen_domctl_get_device_group,
    pt_irq_type_t,
    PT_IRQ_TYPE,
    xen_domctl_bind_pt_irq,
    XEN_DOMCTL_VMSI_X86_DEST_ID_MASK,
    XEN_DOMCTL_VMSI_X86_RH_MASK,
    XEN_DOMCTL_VMSI_X86_DM_MASK,
    XEN_DOMCTL_VMSI_X86_DELIV_MASK,
    XEN_DOMCTL_VMSI_X86_TRIG_MASK,
    XEN_DOMCTL_VMSI_X86_UNMASKED,
    xen_domctl_sendtrigger,
    XEN_DOMCTL_SENDTRIGGER,
    xen_domctl_vuart_op,
    XEN_DOMCTL_VUART_OP_INIT,
    XEN_DOMCTL_VUART_TYPE_VPL011,
    xen_domctl_dt_overlay,
    XEN_DOMCTL_DT_OVERLAY_ATTACH,
    xen_domctl_hypercall_init,
    xen_domctl_cpuid,
    XEN_CPUID_INPUT_UNUSED,
    xen_domctl_cpu_policy,
    xen_domctl_tsc_info,
    xen_domctl_vcpuextstate,
    xen_domctl_vcpu_msr,
    xen_domctl_vcpu_msrs,
    xen_domctl_psr_cmt_op,
    XEN_DOMCTL_PSR_CMT_OP,
    xen_domctl_psr_cat_op,
    XEN_DOMCTL_PSR_CAT_OP,
    xen_domctl_psr_alloc,
    XEN_DOMCTL_PSR,
    xen_domctl_sched_credit,
    xen_domctl_sched_credit2,
    xen_domctl_sched_rtds,
    XEN_DOMCTL_SCHEDRT,
    xen_domctl_schedparam_vcpu,
    xen_domctl_scheduler_op,
    XEN_SCHEDULER,
    XEN_DOMCTL_SCHEDOP,
    xen_domctl_debug_op,
    XEN_DOMCTL_DEBUG_OP_SINGLE_STEP,
    xen_domctl_gdbsx_memio,
    xen_domctl_gdbsx_pauseunp_vcpu,
    xen_domctl_gdbsx_domstatus,
    xen_domctl_subscribe,
    xen_domctl_vm_event_op,
    XEN_VM_EVENT,
    XEN_DOMCTL_VM_EVENT_OP,
    xen_domctl_monitor_op,
    XEN_DOMCTL_MONITOR_OP,
    XEN_DOMCTL_MONITOR_EVENT,
    xen_domctl_vmtrace_op,
    XEN_DOMCTL_vmtrace,
    xen_domctl_getdomaininfo,
    XEN_DOMINF,
    XEN_DOMINF_shutdownmask,
    XEN_DOMINF_shutdownshift,
    XEN_INVALID_MAX_VCPU_ID,
    xen_domctl,
    XEN_DOMCTL,
  ],
});
